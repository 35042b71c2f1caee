// The packed package in fresh Node projects (each its own scratch install of the tarball): an
// ES module app, and a CommonJS app run both where Node can `require` an ES module and where it
// cannot (`--no-experimental-require-module`, as Node before 20.19 behaves). Each gets the
// engine ready on load, without `init()`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { manifest, runNode, scratchProject } from "./scratch.mjs";

// What each app prints: the entry file Node chose, the version, and a lint and a workspace
// round trip, so a half-loaded engine cannot pass.
const BODY = `
const { diagnostics } = Lens.lint("{}");
const workspace = await Workspace.open({ storage: "memory" });
const { workloadId } = await workspace.defineWorkload({
  workloadName: "Checkout", description: "Checkout service", environment: "PRODUCTION",
  reviewOwner: "ana@example.com", awsRegions: ["eu-west-1"], lenses: ["wellarchitected"],
});
const listed = await workspace.listWorkloads();
console.log(JSON.stringify({ entry, version: version(), lintErrors: diagnostics.length > 0, workloads: listed.length, same: listed[0].workloadId === workloadId }));
`;

const expected = (entry) => ({ entry, version: manifest().version, lintErrors: true, workloads: 1, same: true });

test("an ES module app imports the Node entry", () => {
  const dir = scratchProject("node-esm", {
    manifest: { type: "module" },
    files: {
      "app.js": `import { Lens, Workspace, version } from "plumbline-review";
const entry = import.meta.resolve("plumbline-review").split("/").pop();
${BODY}`,
    },
  });
  assert.deepEqual(JSON.parse(runNode(dir, ["app.js"])), expected("node.js"));
});

for (const flags of [[], ["--no-experimental-require-module"]]) {
  test(`a CommonJS app requires the CommonJS entry (node ${flags.join(" ") || "default"})`, () => {
    const dir = scratchProject(`node-cjs${flags.length ? "-no-require-esm" : ""}`, {
      files: {
        "app.js": `const { Lens, Workspace, version } = require("plumbline-review");
const entry = require.resolve("plumbline-review").split("/").pop();
(async () => {${BODY}})().catch((e) => { console.error(e); process.exit(1); });`,
      },
    });
    assert.deepEqual(JSON.parse(runNode(dir, [...flags, "app.js"])), expected("node.cjs"));
  });
}

test("the CommonJS entry throws the engine's typed errors", () => {
  const dir = scratchProject("node-cjs-errors", {
    files: {
      "app.js": `const { Lens } = require("plumbline-review");
try { Lens.parse("{"); } catch (e) { console.log(JSON.stringify({ isError: e instanceof Error, kind: e.kind })); }`,
    },
  });
  assert.deepEqual(JSON.parse(runNode(dir, ["--no-experimental-require-module", "app.js"])), { isError: true, kind: "LensInvalid" });
});
