// The packed package imported by name in Node, as a Node application does: it resolves to the
// Node entry, which has the engine ready on import without `await init()`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as plumbline from "plumbline-review";

const manifest = createRequire(import.meta.url)("plumbline-review/package.json");

test("Node resolves `plumbline` to the package's Node entry", () => {
  assert.match(import.meta.resolve("plumbline-review"), /\/node_modules\/plumbline-review\/node\.js$/);
});

test("the engine is instantiated on import; init() is a harmless no-op", async () => {
  assert.equal(typeof plumbline.default, "function");
  assert.equal(typeof plumbline.initSync, "function");
  const exports = await plumbline.default();
  assert.ok(exports.memory instanceof WebAssembly.Memory);
});

test("version() reports the version of the package", () => {
  assert.equal(plumbline.version(), manifest.version);
});
