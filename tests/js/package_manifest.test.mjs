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
  for (const f of ["plumbline.js", "lean.js", "full/plumbline.js", "full/plumbline_bg.wasm", "plumbline.d.ts", "plumbline_bg.wasm", "plumbline_bg.wasm.d.ts", "plumbline_bg.wasm.d.cts", "node.js", "node.d.ts", "node.cjs", "node.d.cts", "README.md", "LICENSE"]) {
    assert.ok(listed.includes(f), `${f} is shipped`);
  }
});

test("Node gets the Node entries (ESM and CommonJS), everything else the web entry, each with declarations", () => {
  const root = manifest.exports["."];
  assert.deepEqual(Object.keys(root), ["node", "default"], "node must come before default");
  assert.deepEqual(root.node, {
    import: { types: "./node.d.ts", default: "./node.js" },
    require: { types: "./node.d.cts", default: "./node.cjs" },
  });
  assert.deepEqual(root.default, { types: "./plumbline.d.ts", default: "./plumbline.js" });
  // Tools without "exports" support: require() gets CommonJS, "module" readers the web entry.
  assert.deepEqual([manifest.main, manifest.types, manifest.module], ["./node.cjs", "./node.d.cts", "./plumbline.js"]);
  const wasm = manifest.exports["./plumbline_bg.wasm"];
  assert.deepEqual(wasm, {
    import: { types: "./plumbline_bg.wasm.d.ts", default: "./plumbline_bg.wasm" },
    require: { types: "./plumbline_bg.wasm.d.cts", default: "./plumbline_bg.wasm" },
  });
  const targets = [manifest.main, manifest.module, manifest.types, root.default.types, root.default.default];
  for (const entry of [root.node.import, root.node.require, wasm.import, wasm.require]) targets.push(entry.types, entry.default);
  for (const target of targets) {
    assert.ok(existsSync(new URL(target, installed)), `${target} exists`);
  }
});

test("metadata for the npm page: repository, homepage, bugs, author, keywords, publishConfig", () => {
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.match(manifest.homepage, /^https:\/\//);
  assert.match(manifest.bugs.url, /^https:\/\/.+\/issues$/);
  assert.ok(manifest.author, "author");
  for (const k of ["webassembly", "well-architected", "aws", "architecture-review", "typescript"]) {
    assert.ok(manifest.keywords.includes(k), `keyword ${k}`);
  }
  assert.deepEqual(manifest.publishConfig, { access: "public", tag: "latest" });
});

test("no declaration names a DOM-only type, and Symbol.dispose brings its lib", () => {
  for (const f of ["plumbline.d.ts", "node.d.cts"]) {
    const dts = readFileSync(new URL(f, installed), "utf8");
    assert.match(dts, /^\/\/\/ <reference lib="esnext\.disposable" \/>/, f);
    // Comments may name the types (wasm-bindgen's own docs do); declarations must not.
    const code = dts.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\b(RequestInfo|BufferSource)\b|(?<!")\b(Request|Response|URL)\b(?!")|\bWebAssembly\./, f);
    assert.match(dts, /export type ErrorKind =[^;]*"Uninitialized";/, `${f}: ErrorKind has Uninitialized`);
  }
});

// Changed with the lean/full split: the web entry (plumbline.js) is now hand-written over the
// lean glue (lean.js), which finds the lean engine next to itself; the full engine is its own
// module and file, under full/, that the entry names literally (for bundlers to emit).
test("both engines are WebAssembly modules the web entry and its lean glue find", () => {
  for (const engine of ["plumbline_bg.wasm", "full/plumbline_bg.wasm"]) {
    const wasm = readFileSync(new URL(engine, installed));
    assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], engine);
    assert.ok(WebAssembly.validate(wasm), `${engine}: the optimised module validates`);
  }
  const lean = readFileSync(new URL("lean.js", installed), "utf8");
  assert.match(lean, /new URL\(['"]plumbline_bg\.wasm['"], import\.meta\.url\)/);
  const entry = readFileSync(new URL("plumbline.js", installed), "utf8");
  assert.match(entry, /from "\.\/lean\.js"/);
  assert.match(entry, /new URL\("\.\/full\/plumbline_bg\.wasm", import\.meta\.url\)/);
  assert.match(entry, /import\("\.\/full\/plumbline\.js"\)/);
  // The lean engine is the smaller one: the point of having two.
  assert.ok(readFileSync(new URL("plumbline_bg.wasm", installed)).length < readFileSync(new URL("full/plumbline_bg.wasm", installed)).length);
});

test("the browser entry is kept by bundlers that honour sideEffects (it completes the Workspace class)", () => {
  assert.ok(manifest.sideEffects.includes("./plumbline.js"));
});

test("README and LICENSE are real documents", () => {
  assert.match(readFileSync(new URL("README.md", installed), "utf8"), /npm install plumbline-review\n/);
  assert.match(readFileSync(new URL("LICENSE", installed), "utf8"), /MIT License/);
});
