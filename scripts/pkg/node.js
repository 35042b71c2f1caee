// The package's Node entry (the "node" condition of package.json "exports").
//
// Node has no page to fetch the .wasm from, and top-level await in a library would make every
// importer async, so this entry reads the file next to it and instantiates the engine
// synchronously: `import { Lens } from "plumbline-review"` is ready to use at once. Browsers and
// bundlers get the web entry instead and call `await init()` first; calling it here too is a
// harmless no-op, so the same code runs in both.
//
// Node gets the full engine only (full/: every method), never the lean one the browser entry
// starts with: nothing is downloaded here, and one engine keeps a memory workspace whole.
//
// The shipped lenses are files too (lenses/*.json, next to this one): handed to the engine here,
// so `Lens.builtin` works at once and `Workspace.open` fetches nothing. The engine parses them on
// first use, so an import that never needs them does not pay for it.
import { readFileSync } from "node:fs";
import { Lens, initSync } from "./full/plumbline.js";

initSync({ module: readFileSync(new URL("./full/plumbline_bg.wasm", import.meta.url)) });
Lens.useBuiltins({
  wellarchitected: readFileSync(new URL("./lenses/wellarchitected.json", import.meta.url), "utf8"),
  serverless: readFileSync(new URL("./lenses/serverless.json", import.meta.url), "utf8"),
});

export * from "./full/plumbline.js";
export { default } from "./full/plumbline.js";
