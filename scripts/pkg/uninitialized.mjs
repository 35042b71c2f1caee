// Patches a wasm-bindgen web glue (pkg/lean.js, pkg/full/plumbline.js) so that a call made before `await init()`
// throws an Error with kind "Uninitialized" and says what to do, instead of wasm-bindgen's
// "TypeError: Cannot read properties of undefined (reading 'lens_lint')".
//
// Every call of the glue goes through its module variable `wasm`, which stays `undefined`
// until init. The patch starts it as a stand-in whose every property read throws, and makes the
// two "already initialised?" checks of `initSync`/`init` compare against that stand-in. The
// Error has the same shape as the engine's own (a real Error with `kind`, like the `Disposed`
// guard of src/wasm/dispose.rs). wasm-bindgen is pinned exactly (Cargo.toml), so the patched lines are
// known; any drift fails the build here rather than shipping an unpatched glue.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2] ?? "pkg/lean.js";
let glue = readFileSync(file, "utf8");

const STAND_IN = `const UNINITIALIZED = new Proxy({}, {
    get() {
        const error = new Error("the Plumbline engine is not initialised: await init() (the default export) once before any other call");
        error.kind = "Uninitialized";
        throw error;
    },
});
let wasmModule, wasmInstance, wasm = UNINITIALIZED;`;

/** Replaces every `from` by `to`, requiring exactly `count` occurrences. */
function patch(from, to, count) {
  const found = glue.split(from).length - 1;
  if (found !== count) {
    throw new Error(`${file}: expected ${count} × ${JSON.stringify(from)}, found ${found} (wasm-bindgen changed its glue?)`);
  }
  glue = glue.replaceAll(from, to);
}

patch("let wasmModule, wasmInstance, wasm;", STAND_IN, 1);
patch("if (wasm !== undefined) return wasm;", "if (wasm !== UNINITIALIZED) return wasm;", 2);
writeFileSync(file, glue);
console.log(`${file}: calls before init() throw kind "Uninitialized"`);
