// The browser entry's delegation (scripts/pkg/browser-entry.js), over stand-ins for the two
// engines' glues that record what reaches them: which options the full Workspace is opened
// with, which lens texts the full engine is given and when, the retry of a lean call that
// rejects with `engine: "full"` (no lean method does yet: issue 15's template inputs will),
// and close/free of both handles. tests/js/package_split.test.mjs runs the real engines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// A glue stand-in: `init`, `Lens.useBuiltins` and a Workspace whose calls are recorded in
// `globalThis.<record>`; `methods` are its own async methods. A call whose first argument has
// `needsFull` rejects as the lean engine's needs_full_engine does.
const glue = (record, methods) => `
const log = (globalThis.${record} = { inits: [], texts: [], opens: [], calls: [] });
export default async function init(input) { log.inits.push(input); }
export function initSync() {}
export class Lens {
  static useBuiltins(texts) {
    if ("nope" in texts) throw Object.assign(new Error("not shipped"), { kind: "Validation" });
    log.texts.push({ ...texts });
  }
}
export class Workspace {
  static async open(options) { log.opens.push(options); return Object.assign(new Workspace(), { memory: options?.storage === "memory" ? { kind: "memory" } : undefined }); }
  __memoryStore() { return this.memory; }
  close() { log.calls.push(["close"]); }
  free() { log.calls.push(["free"]); }
  ${methods.map((m) => `async ${m}(...args) {
    log.calls.push(["${m}", ...args]);
    if ("${record}" === "lean" && args[0]?.needsFull) throw Object.assign(new Error("needs the full engine"), { kind: "Uninitialized", engine: "full" });
    return "${record}:${m}";
  }`).join("\n  ")}
}
if (Symbol.dispose) Workspace.prototype[Symbol.dispose] = Workspace.prototype.free;
`;

const dir = mkdtempSync(join(tmpdir(), "plumbline-entry-"));
mkdirSync(join(dir, "full"));
writeFileSync(join(dir, "lean.js"), glue("lean", ["listWorkloads", "defineWorkload"]));
writeFileSync(join(dir, "full", "plumbline.js"), glue("full", ["listWorkloads", "defineWorkload", "exportWorkspace"]));
const template = readFileSync(new URL("../../scripts/pkg/browser-entry.js", import.meta.url), "utf8");
writeFileSync(join(dir, "plumbline.js"), template.replace('const FULL_ONLY = ["FULL_ONLY"];', 'const FULL_ONLY = ["exportWorkspace"];'));
const { Lens, Workspace } = await import(pathToFileURL(join(dir, "plumbline.js")).href);
const { lean } = globalThis;
const full = () => globalThis.full;

test("lean methods stay lean, and nothing of the full engine is loaded for them", async () => {
  const store = { kind: "test" };
  const workspace = await Workspace.open({ store, lenses: { wellarchitected: "{}" }, loadLenses: true });
  assert.equal(await workspace.listWorkloads(), "lean:listWorkloads");
  assert.equal(full(), undefined, "the full glue was not even imported");
  workspace.free();
});

test("a full-only method opens the full engine once, with the open options and the lens texts given so far", async () => {
  Lens.useBuiltins({ wellarchitected: "framework text" });
  const store = { kind: "test" };
  const options = { store, name: "team", loadLenses: false };
  const workspace = await Workspace.open(options);
  options.name = "changed after open";
  assert.equal(await workspace.exportWorkspace(), "full:exportWorkspace");
  assert.equal(await workspace.exportWorkspace(), "full:exportWorkspace");
  assert.equal(full().inits.length, 1, "initialised once");
  assert.match(String(full().inits[0].module_or_path), /\/full\/plumbline_bg\.wasm$/);
  assert.equal(full().opens.length, 1, "one full handle for this lean one");
  const opened = full().opens[0];
  assert.equal(opened.store, store, "the same store object");
  assert.equal(opened.name, "team", "the options as they were at open");
  assert.equal(opened.loadLenses, false);
  assert.equal("lenses" in opened, false);
  assert.deepEqual(full().texts, [{ wellarchitected: "framework text" }]);

  // Given later: forwarded at once. Refused by the lean engine: not forwarded.
  Lens.useBuiltins({ serverless: "serverless text" });
  assert.deepEqual(full().texts.at(-1), { serverless: "serverless text" });
  assert.throws(() => Lens.useBuiltins({ nope: "x" }), (e) => e.kind === "Validation");
  assert.equal(full().texts.length, 2);
  workspace.free();
});

test("a lean call that rejects with engine \"full\" runs again in the full engine, with the same arguments", async () => {
  const workspace = await Workspace.open({ store: {} });
  const input = { needsFull: false, workloadName: "Lean" };
  assert.equal(await workspace.defineWorkload(input), "lean:defineWorkload");
  const templated = { needsFull: true, reviewTemplateIds: ["t1"] };
  assert.equal(await workspace.defineWorkload(templated), "full:defineWorkload");
  assert.deepEqual(lean.calls.at(-1), ["defineWorkload", templated], "tried in the lean engine first");
  assert.deepEqual(full().calls.at(-1), ["defineWorkload", templated], "then in the full one, with the same input");
  workspace.free();
});

test("a full-only call waits for the lean calls made before it on the same workspace", async () => {
  const workspace = await Workspace.open({ store: {} });
  const order = [];
  const listing = workspace.listWorkloads().then(() => order.push("lean"));
  const exporting = workspace.exportWorkspace().then(() => order.push("full"));
  await Promise.all([listing, exporting]);
  assert.deepEqual(order, ["lean", "full"]);
  workspace.free();
});

test("close() and free() end both handles; a memory workspace's full handle is opened over the lean one's store", async () => {
  const workspace = await Workspace.open({ store: {} });
  await workspace.exportWorkspace();
  const before = full().calls.length;
  workspace.close();
  workspace.free();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(full().calls.slice(before), [["close"], ["free"]]);

  const memory = await Workspace.open({ storage: "memory", name: "scratch" });
  assert.equal(lean.opens.at(-1).storage, "memory", "opened in the lean engine as asked");
  assert.equal(await memory.exportWorkspace(), "full:exportWorkspace");
  const opened = full().opens.at(-1);
  assert.equal(opened.store, memory.__memoryStore(), "the lean engine's store object itself");
  assert.equal(opened.name, "scratch");
});
