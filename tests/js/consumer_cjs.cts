// A CommonJS TypeScript module requiring the package (checked by tests/js/typecheck.mjs with
// moduleResolution nodenext, where it resolves to node.d.cts).
import plumbline = require("plumbline-review");
import wasmUrl = require("plumbline-review/plumbline_bg.wasm");

const engine: string = plumbline.version();
const lint: plumbline.LintResult = plumbline.Lens.lint("{}");
const opened: Promise<plumbline.Workspace> = plumbline.Workspace.open({ storage: "memory" });
const kind: plumbline.ErrorKind = "Uninitialized";
const url: string = wasmUrl;

export = { engine, lint, opened, kind, url };
