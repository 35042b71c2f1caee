// Writes pkg/package.json for the files that scripts/build.sh put into pkg/.
//
// One package serves three kinds of consumer through conditional "exports":
// - Node (the "node" condition): node.js, which instantiates the wasm synchronously from disk;
// - bundlers (Vite, webpack) and no-build pages (the "default" condition): plumbline.js, the
//   wasm-bindgen `--target web` module, which finds the .wasm through
//   `new URL("plumbline_bg.wasm", import.meta.url)`; bundlers turn that into an asset.
// Name, version, description and license come from Cargo.toml, the one source of truth.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const pkgTable = cargo.split(/^\[/m).find((t) => t.startsWith("package]"));
const field = (name) => {
  const m = pkgTable.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"));
  if (!m) throw new Error(`Cargo.toml [package] has no ${name}`);
  return m[1];
};

// Everything the build produced except the manifest itself, which npm always includes.
const files = readdirSync("pkg").filter((f) => f !== "package.json").sort();
for (const required of ["plumbline.js", "plumbline.d.ts", "plumbline_bg.wasm", "node.js", "node.d.ts"]) {
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
      node: { types: "./node.d.ts", default: "./node.js" },
      default: { types: "./plumbline.d.ts", default: "./plumbline.js" },
    },
    // For apps that want to load or preload the engine themselves (`?url` in Vite).
    "./plumbline_bg.wasm": "./plumbline_bg.wasm",
    "./package.json": "./package.json",
    // The JSON Schema of the workspace backup file (Workspace.exportWorkspace).
    "./backup.schema.json": "./backup.schema.json",
  },
  // For tools that predate "exports"; they all get the web entry.
  main: "./plumbline.js",
  module: "./plumbline.js",
  types: "./plumbline.d.ts",
  files,
  // Only the Node entry does work on import (it instantiates the wasm); the web entry can be
  // tree-shaken. wasm-bindgen's inline JS snippets, if any, must be kept.
  sideEffects: ["./node.js", "./snippets/*"],
  engines: { node: ">=20" },
  keywords: ["well-architected", "architecture-review", "lens", "wasm"],
};

writeFileSync("pkg/package.json", JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/package.json: ${manifest.name}@${manifest.version}, ${files.length} files`);
