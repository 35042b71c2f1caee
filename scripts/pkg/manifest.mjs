// Writes pkg/package.json for the files that scripts/build.sh put into pkg/.
//
// One package serves three kinds of consumer through conditional "exports":
// - Node (the "node" condition): node.js for `import`, node.cjs for `require` (so CommonJS works
//   where Node cannot require an ES module), both instantiating the wasm synchronously from disk;
// - bundlers (Vite, webpack) and no-build pages (the "default" condition): plumbline.js, the
//   browser entry over lean.js, the lean engine's wasm-bindgen `--target web` module, which
//   finds its .wasm through `new URL("plumbline_bg.wasm", import.meta.url)` and the shipped
//   lenses through `new URL("./lenses/<alias>.json", import.meta.url)`; the entry imports the
//   full engine (full/plumbline.js, full/plumbline_bg.wasm) on first need the same way;
//   bundlers turn those into assets and chunks.
// Name, version, description and license come from Cargo.toml, the one source of truth.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const pkgTable = cargo.split(/^\[/m).find((t) => t.startsWith("package]"));
const field = (name, pattern = new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m")) => {
  const m = pkgTable.match(pattern);
  if (!m) throw new Error(`Cargo.toml [package] has no ${name}`);
  return m[1];
};

// Who and where, from Cargo.toml too (crates.io shows the same).
const META = {
  author: field("authors", /^authors\s*=\s*\["([^"]*)"\]/m),
  homepage: field("homepage"),
  repository: field("repository"),
};

// Everything the build produced except the manifest itself, which npm always includes.
const files = readdirSync("pkg").filter((f) => f !== "package.json").sort();
for (const required of ["lenses", "full", "lean.js", "plumbline.js", "plumbline.d.ts", "plumbline_bg.wasm", "plumbline_bg.wasm.d.ts", "plumbline_bg.wasm.d.cts", "node.js", "node.d.ts", "node.cjs", "node.d.cts"]) {
  if (!files.includes(required)) throw new Error(`pkg/${required} is missing`);
}

const manifest = {
  name: field("name"),
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  exports: {
    ".": {
      node: {
        import: { types: "./node.d.ts", default: "./node.js" },
        require: { types: "./node.d.cts", default: "./node.cjs" },
      },
      default: { types: "./plumbline.d.ts", default: "./plumbline.js" },
    },
    // For apps that load or preload the engine themselves (`?url` in Vite, esbuild's `file`
    // loader, webpack's `asset/resource`): typed as the URL string those hand over.
    "./plumbline_bg.wasm": {
      import: { types: "./plumbline_bg.wasm.d.ts", default: "./plumbline_bg.wasm" },
      require: { types: "./plumbline_bg.wasm.d.cts", default: "./plumbline_bg.wasm" },
    },
    "./package.json": "./package.json",
    // The JSON Schema of the workspace backup file (Workspace.exportWorkspace).
    "./backup.schema.json": "./backup.schema.json",
    // The shipped lenses, which the engine does not embed: `Workspace.open` fetches them next
    // to plumbline.js, the Node entries read them from disk; an app may load them itself.
    "./lenses/*.json": "./lenses/*.json",
  },
  // For tools that predate "exports": `require` (and TypeScript's node10 resolution) gets the
  // CommonJS Node entry, bundlers that read "module" the web entry.
  main: "./node.cjs",
  module: "./plumbline.js",
  types: "./node.d.cts",
  files,
  // The Node entry does work on import (it instantiates the wasm), and so does the browser entry
  // (it completes the lean Workspace class: a bundler that skipped it for lean.js's own exports
  // would drop every full-only method); the glues can be tree-shaken. wasm-bindgen's inline JS
  // snippets must be kept.
  sideEffects: ["./node.js", "./node.cjs", "./plumbline.js", "./snippets/*", "./full/snippets/*"],
  engines: { node: ">=20" },
  keywords: ["webassembly", "well-architected", "aws", "architecture-review", "typescript", "lens", "wasm"],
  author: META.author,
  homepage: META.homepage,
  repository: { type: "git", url: `git+${META.repository}.git` },
  bugs: { url: `${META.repository}/issues` },
  publishConfig: { access: "public", tag: "latest" },
};

writeFileSync("pkg/package.json", JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/package.json: ${manifest.name}@${manifest.version}, ${files.length} files`);
