//! Disposed objects: a `Lens` or `Workspace` used after `free()` throws `kind: "Disposed"`.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

// `free()` (and `[Symbol.dispose]`, the same function) destroys the Rust object and sets the JS
// object's `__wbg_ptr` to 0; a later call reaches wasm-bindgen's own null check, which throws a
// plain "null pointer passed to rust" Error that no caller can tell apart. That check is in
// the generated shims, with no hook, so the guard sits in front of it, in JS: the first object
// of each class made here hands its prototype to `guardPrototype`, which wraps every method and
// accessor with a check that throws `kind: "Disposed"` for a freed object. Patching the shared
// prototype once covers every object of the class, made before or after, whichever entry
// (Node, web, the app) loaded the glue.
#[wasm_bindgen(inline_js = r#"
export function guardPrototype(probe, message) {
  const proto = Object.getPrototypeOf(probe);
  for (const key of Reflect.ownKeys(proto)) {
    if (key === "constructor" || (typeof key === "string" && key.startsWith("__"))) continue;
    // Disposing twice does nothing (as the explicit resource management proposal asks of
    // `[Symbol.dispose]`, which is `free`); wasm-bindgen's own threw the null-pointer Error.
    const dispose = key === "free" || key === Symbol.dispose;
    const d = Object.getOwnPropertyDescriptor(proto, key);
    for (const slot of ["value", "get", "set"]) {
      const inner = d[slot];
      if (typeof inner !== "function") continue;
      d[slot] = function (...args) {
        if (this != null && this.__wbg_ptr === 0) {
          if (dispose) return undefined;
          const error = new Error(message);
          error.kind = "Disposed";
          throw error;
        }
        return inner.apply(this, args);
      };
      Object.defineProperty(d[slot], "name", { value: inner.name });
    }
    Object.defineProperty(proto, key, d);
  }
  probe.free();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = guardPrototype)]
    fn guard_prototype(probe: &JsValue, message: &str);
}

pub const WORKSPACE_DISPOSED: &str =
    "this Workspace was disposed (free() or [Symbol.dispose] was called) \
     and cannot be used any more; open it again with Workspace.open";
pub const LENS_DISPOSED: &str =
    "this Lens was disposed (free() or [Symbol.dispose] was called) and \
     cannot be used any more; get a new one with Lens.parse, Lens.builtin or workspace.lens";

thread_local! {
    pub static WORKSPACE_GUARDED: Cell<bool> = const { Cell::new(false) };
    pub static LENS_GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the disposal guard on a class's prototype the first time an object of it is made:
/// `probe` makes a throwaway object (sharing the real one's data), which the guard frees.
pub fn guard_disposal(
    done: &'static std::thread::LocalKey<Cell<bool>>,
    message: &str,
    probe: impl FnOnce() -> JsValue,
) {
    if !done.get() {
        done.set(true);
        guard_prototype(&probe(), message);
    }
}
