// Puts the shipped lenses into pkg/ as files and teaches a web glue to load them.
//
//   node scripts/pkg/shipped-lenses.mjs GLUE [LENSES]
//
// GLUE is the glue to patch (pkg/lean.js, the lean engine's; pkg/full/plumbline.js, the full
// engine's), LENSES the folder of the lens files relative to it (default ./lenses/; the full
// glue sits one folder down, so ../lenses/).
//
// The engine embeds no lens (they were 77 KiB of its gzip size): pkg/lenses/<alias>.json are the
// files of lenses/, exported as `plumbline-review/lenses/<alias>.json`, and the glue
// (pkg/plumbline.js) gets two patches:
// - `Workspace.open` first hands the engine the shipped lens texts (fetched next to the glue,
//   or taken from `options.lenses`), then opens as before; with `loadLenses: false` it fetches
//   none (the engine then asks for each on first need: `Uninitialized` with `lensAlias`);
// - `Lens.useBuiltins` remembers which lenses were given, so they are not fetched after the
//   Node entries (or the app) gave them.
// The helpers are scripts/pkg/glue-shipped-lenses.js, appended to the glue. wasm-bindgen is
// pinned exactly (Cargo.toml), so the patched lines are known; any drift fails the build here.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const ALIASES = ["wellarchitected", "serverless"];
const file = process.argv[2] ?? "pkg/lean.js";
const lensFolder = process.argv[3] ?? "./lenses/";
let glue = readFileSync(file, "utf8");

/** Replaces `from` by `to`, requiring exactly one occurrence. */
function patch(from, to) {
  const found = glue.split(from).length - 1;
  if (found !== 1) throw new Error(`${file}: expected 1 × ${JSON.stringify(from)}, found ${found} (wasm-bindgen changed its glue?)`);
  glue = glue.replace(from, to);
}

// Reading `wasm.workspace_open` first keeps the synchronous "Uninitialized" throw before init().
patch(
  "const ret = wasm.workspace_open(options);\n        return ret;",
  "const openInEngine = wasm.workspace_open;\n        return withShippedLenses(options).then((rest) => openInEngine(rest));",
);
patch(
  "static useBuiltins(texts) {",
  "static useBuiltins(texts) {\n        Lens.#useBuiltins(texts);\n        for (const alias of Object.keys(texts)) shippedLensesGiven.add(alias);\n    }\n    static #useBuiltins(texts) {",
);
const helpers = readFileSync(new URL("./glue-shipped-lenses.js", import.meta.url), "utf8");
const literal = /new URL\("\.\/lenses\//g;
if ((helpers.match(literal) ?? []).length !== ALIASES.length) throw new Error("glue-shipped-lenses.js: expected one new URL(\"./lenses/…\") per shipped lens");
glue += helpers.replace(literal, `new URL("${lensFolder}`);
writeFileSync(file, glue);

mkdirSync("pkg/lenses", { recursive: true });
for (const alias of ALIASES) copyFileSync(`lenses/${alias}.json`, `pkg/lenses/${alias}.json`);
// The profile questionnaire and its mapping, for readers: the engine has it compiled in.
mkdirSync("pkg/lenses/profiles", { recursive: true });
copyFileSync("lenses/profiles/wellarchitected.json", "pkg/lenses/profiles/wellarchitected.json");
console.log(`${file}: Workspace.open loads the shipped lenses from ${lensFolder}; pkg/lenses/: ${ALIASES.join(", ")}`);
