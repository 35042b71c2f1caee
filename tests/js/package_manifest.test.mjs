// The tarball that `npm pack pkg` makes: exactly the files the package needs, a manifest whose
// conditional exports and type declarations all point at files that exist, and the version of
// Cargo.toml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cargoVersion } from "../e2e/harness.mjs";

const root = new URL("../../", import.meta.url);
const installed = new URL("node_modules/plumbline-review/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", installed), "utf8"));
const tarball = new URL(`target/npm/plumbline-review-${manifest.version}.tgz`, root);

test("name, version and module type", () => {
  assert.equal(manifest.name, "plumbline-review");
  assert.equal(manifest.version, cargoVersion());
  assert.equal(manifest.type, "module");
  assert.equal(manifest.license, "MIT");
});

test("the tarball holds exactly the package's files", () => {
  const listed = execFileSync("tar", ["-tzf", tarball.pathname], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((p) => p.replace(/^package\//, ""))
    .sort();
  // A "files" entry is a file or a folder (wasm-bindgen's snippets/); each must be used, and
  // nothing else may be in the tarball.
  const entries = ["package.json", ...manifest.files];
  const owner = (p) => entries.find((e) => p === e || p.startsWith(`${e}/`));
  assert.deepEqual(listed.filter((p) => !owner(p)), [], "files outside package.json \"files\"");
  assert.deepEqual(entries.filter((e) => !listed.some((p) => owner(p) === e)), [], "\"files\" entries not shipped");
  for (const f of ["plumbline.js", "plumbline.d.ts", "plumbline_bg.wasm", "node.js", "node.d.ts", "README.md", "LICENSE"]) {
    assert.ok(listed.includes(f), `${f} is shipped`);
  }
});

test("Node gets the Node entry, everything else the web entry, each with declarations", () => {
  const root = manifest.exports["."];
  assert.deepEqual(Object.keys(root), ["node", "default"], "node must come before default");
  assert.deepEqual(root.node, { types: "./node.d.ts", default: "./node.js" });
  assert.deepEqual(root.default, { types: "./plumbline.d.ts", default: "./plumbline.js" });
  assert.equal(manifest.types, "./plumbline.d.ts");
  for (const target of [manifest.main, manifest.module, manifest.types, root.node.types, root.node.default, root.default.types, root.default.default, manifest.exports["./plumbline_bg.wasm"]]) {
    assert.ok(existsSync(new URL(target, installed)), `${target} exists`);
  }
});

test("the engine is a WebAssembly module the web entry finds next to itself", () => {
  const wasm = readFileSync(new URL("plumbline_bg.wasm", installed));
  assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
  assert.ok(WebAssembly.validate(wasm), "the optimised module validates");
  const web = readFileSync(new URL("plumbline.js", installed), "utf8");
  assert.match(web, /new URL\(['"]plumbline_bg\.wasm['"], import\.meta\.url\)/);
});

test("README and LICENSE are real documents", () => {
  assert.match(readFileSync(new URL("README.md", installed), "utf8"), /npm install/);
  assert.match(readFileSync(new URL("LICENSE", installed), "utf8"), /MIT License/);
});
