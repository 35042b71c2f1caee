// The package's browser entry (pkg/plumbline.js: the "default" condition of package.json
// "exports", what bundlers and no-build pages import), written by scripts/pkg/entry.mjs.
//
// The engine comes in two builds of the same crate (Cargo.toml, feature `full`): the lean engine
// (lean.js + plumbline_bg.wasm), which a page loads at start, leaves out the rarely used
// Workspace methods (backups, restores, report and answers files, ...); the full engine
// (full/plumbline.js + full/plumbline_bg.wasm) has everything and is loaded the first time one
// of those is called, as the shipped lens files are. Everything here is the lean module's own
// export except `Workspace`, which this file completes in place:
// - each full-only method is on its prototype, and runs on a full-engine Workspace opened once
//   per lean handle, over the same storage with the same options (a `store` object is the same
//   object). Both engines may write: every write checks revisions, and the store is the truth;
// - a lean method that rejects with `engine: "full"` (an input only the full engine reads) is
//   called again there;
// - the shipped lens texts the lean engine is given (`Lens.useBuiltins`, also by
//   `Workspace.open`) are handed to the full engine too, on load and afterwards;
// - `close()`, `free()` and `[Symbol.dispose]()` end both handles;
// - `storage: "memory"` (and the default where there is no IndexedDB) keeps the records in a
//   store object of the lean engine's: the full engine is opened over that same object.
import { Lens, Workspace } from "./lean.js";

export * from "./lean.js";
export { default } from "./lean.js";

/** The Workspace methods only the full engine has (from the two builds' glues). */
const FULL_ONLY = ["FULL_ONLY"];

/** @type {Promise<any> | null} The full engine's module once initialised; null until asked. */
let fullEngine = null;
/** @type {any} The same module once loaded, for the synchronous `Lens.useBuiltins` forward. */
let fullModule = null;
/** Every shipped lens text the lean engine was given, handed to the full engine when it loads. */
const givenTexts = {};

/** Loads and initialises the full engine once; a failed load is tried again on the next call. */
function loadFullEngine() {
  if (fullEngine === null) {
    // Literal `new URL(..., import.meta.url)`: the form Vite and webpack find and emit.
    const wasm = new URL("./full/plumbline_bg.wasm", import.meta.url);
    const loading = import("./full/plumbline.js").then(async (full) => {
      await full.default({ module_or_path: wasm });
      if (Object.keys(givenTexts).length > 0) full.Lens.useBuiltins({ ...givenTexts });
      fullModule = full;
      return full;
    });
    fullEngine = loading;
    loading.catch(() => {
      if (fullEngine === loading) fullEngine = null;
    });
  }
  return fullEngine;
}

const leanUseBuiltins = Lens.useBuiltins;
Lens.useBuiltins = function useBuiltins(texts) {
  leanUseBuiltins.call(this, texts);
  // Kept only once the lean engine took them (it refuses an alias that is not shipped).
  Object.assign(givenTexts, texts);
  fullModule?.Lens.useBuiltins(texts);
};

/**
 * What a lean handle needs to reach the full engine: its open options (without the lens
 * options, which the lean open has used), the full handle once asked for, its last lean call
 * (a full call starts after it settles, so both engines see one order), and whether it was
 * closed.
 * @typedef {{options: object, full: Promise<any> | null, last: Promise<unknown>, closed: boolean}} Handle
 * @type {WeakMap<object, Handle>}
 */
const handles = new WeakMap();

/** An Error as the engine makes them: `message`, `kind` and `engine: "full"`. */
function fullEngineError(kind, message) {
  return Object.assign(new Error(message), { kind, engine: "full" });
}

/** The full engine's handle of a lean one, opened on first need. */
function fullHandle(workspace, method) {
  const handle = handles.get(workspace);
  if (handle === undefined) {
    throw fullEngineError("Uninitialized", `${method} needs the full engine, and this Workspace was not opened with this module's Workspace.open`);
  }
  if (handle.full === null) {
    const opening = loadFullEngine().then(async (full) => {
      const opened = await full.Workspace.open(handle.options);
      if (handle.closed) opened.close();
      return opened;
    });
    handle.full = opening;
    opening.catch(() => {
      if (handle.full === opening) handle.full = null;
    });
  }
  return { handle, full: handle.full };
}

/**
 * Runs `method` with `args` on the full engine's handle of `workspace`, once the calls made
 * before it on the handle have settled; `retry`: the call is a lean one that just asked for the
 * full engine, and stands in that order already (waiting for itself would never end).
 */
function inFullEngine(workspace, method, args, retry = false) {
  let handle, full;
  try {
    ({ handle, full } = fullHandle(workspace, method));
  } catch (error) {
    return Promise.reject(error);
  }
  // The arguments are read now, as the lean methods read theirs when called.
  let copied = args;
  try {
    copied = structuredClone(args);
  } catch {
    // Not plain data (a caller's own object): passed as it is.
  }
  const settled = () => undefined;
  const before = retry ? undefined : handle.last.then(settled, settled);
  const call = Promise.all([full, before]).then(([opened]) => opened[method](...copied));
  if (!retry) handle.last = call;
  return call;
}

const proto = Workspace.prototype;
const fullOnly = new Set(FULL_ONLY);
for (const method of Object.getOwnPropertyNames(proto)) {
  const inner = Object.getOwnPropertyDescriptor(proto, method)?.value;
  if (method === "constructor" || method === "free" || method === "close" || method.startsWith("__") || typeof inner !== "function") continue;
  proto[method] = {
    [method](...args) {
      const result = inner.apply(this, args);
      if (!(result instanceof Promise)) return result;
      const answered = result.catch((error) =>
        error?.engine === "full" ? inFullEngine(this, method, args, true) : Promise.reject(error));
      const handle = handles.get(this);
      if (handle !== undefined) handle.last = answered;
      return answered;
    },
  }[method];
}
for (const method of fullOnly) {
  proto[method] = {
    [method](...args) {
      return inFullEngine(this, method, args);
    },
  }[method];
}

const leanClose = proto.close;
proto.close = function close() {
  leanClose.call(this);
  const handle = handles.get(this);
  if (handle === undefined) return;
  handle.closed = true;
  handle.full?.then((opened) => opened.close(), () => undefined);
};

const leanFree = proto.free;
proto.free = function free() {
  const handle = handles.get(this);
  leanFree.call(this);
  handles.delete(this);
  handle?.full?.then((opened) => opened.free(), () => undefined);
};
if (Symbol.dispose) proto[Symbol.dispose] = proto.free;

const leanOpen = Workspace.open;
Workspace.open = function open(options) {
  const given = options !== null && typeof options === "object" ? options : {};
  const { lenses: _lenses, loadLenses: _loadLenses, ...rest } = given;
  // The lean open gives the shipped lenses (forwarded by Lens.useBuiltins above); the full one
  // takes what it was given and asks for a missing lens as the lean engine does. Copied now:
  // the caller may change its object once open returns (a `store` stays the same object).
  const forFull = { ...rest, loadLenses: false };
  return leanOpen.call(this, options).then((workspace) => {
    // Records kept in the lean engine's memory live in a store object of its own, which the
    // full engine knows as one of its kind (its revisions, its listing) when handed it.
    const memory = workspace.__memoryStore();
    if (memory !== undefined) forFull.store = memory;
    handles.set(workspace, { options: forFull, full: null, last: Promise.resolve(), closed: false });
    return workspace;
  });
};
