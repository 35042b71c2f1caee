// The browser entry (plumbline.js) starts on the lean engine and loads the full one the first
// time a method the lean engine leaves out is called: here in Node, through the packed package,
// with `fetch` of the package's own file: URLs answered from disk (Node's fetch has no file:
// scheme) and counted, so each download is visible. Both engines open the same store object
// (the test's own DocumentStore, below), which is what lets one see what the other wrote.
// Its own process: the Node entry (the full engine alone) is not imported here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rejection, workloadInput } from "./support.mjs";

const pkg = new URL("node_modules/plumbline-review/", import.meta.url);
const fullWasm = new URL("full/plumbline_bg.wasm", pkg).href;
/** Every URL the package fetched, in order. */
const fetched = [];
const networkFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  fetched.push(url);
  if (!url.startsWith("file:")) return networkFetch(input, init);
  const type = url.endsWith(".wasm") ? "application/wasm" : "application/json";
  return new Response(readFileSync(fileURLToPath(url)), { headers: { "content-type": type } });
};
const fullLoads = () => fetched.filter((url) => url === fullWasm).length;

const { initSync, Lens, Workspace } = await import(new URL("plumbline.js", pkg).href);
initSync({ module: readFileSync(fileURLToPath(new URL("plumbline_bg.wasm", pkg))) });
const texts = Object.fromEntries(["wellarchitected", "serverless"].map((alias) => [alias, readFileSync(fileURLToPath(new URL(`lenses/${alias}.json`, pkg)), "utf8")]));

/**
 * A DocumentStore (src/wasm/types/workspace.d.ts) in a Map: revisions counted per record,
 * commits all or nothing. `writers` counts the commits, so a test sees that both engines wrote
 * through this one object.
 */
function mapStore() {
  const records = new Map();
  const store = {
    kind: "map",
    commits: 0,
    async get(id) {
      return records.get(id) ?? null;
    },
    async list(prefix) {
      return [...records].filter(([id]) => id.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, { rev, body }]) => ({ id, rev, body }));
    },
    async listRaw(prefix) {
      return (await store.list(prefix)).map(({ id, rev, body }) => ({ id, stored: { rev, body } }));
    },
    async commit(writes) {
      for (const w of writes) {
        if ((records.get(w.id)?.rev ?? null) !== w.expectedRev) throw Object.assign(new Error(`Conflict on ${w.id}`), { name: "Conflict" });
      }
      store.commits += 1;
      return writes.map((w) => {
        if (w.body === null) {
          records.delete(w.id);
          return "";
        }
        const rev = `${Number.parseInt(records.get(w.id)?.rev ?? "0", 10) + 1}-map`;
        records.set(w.id, { rev, body: structuredClone(w.body) });
        return rev;
      });
    },
  };
  return store;
}

// Leaves the full engine loaded, with the framework lens.
test("a full-only method loads the full engine once, over the same store, with the lens texts the lean engine was given", async () => {
  const store = mapStore();
  const workspace = await Workspace.open({ store, loadLenses: false });
  Lens.useBuiltins({ wellarchitected: texts.wellarchitected });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Split engines" }));
  await workspace.updateAnswer(workloadId, "wellarchitected", "priorities", { selectedChoices: ["ops_priorities_no"] });
  assert.equal(fullLoads(), 0, "the lean engine did all that without the full one");

  // The full engine reads what the lean one wrote: the answer is in the report.
  const report = await workspace.exportReport(workloadId, { format: "csv" });
  assert.equal(fullLoads(), 1);
  assert.match(report.text, /Split engines|priorities/i);
  const backup = JSON.parse(await workspace.exportWorkspace());
  assert.equal(fullLoads(), 1, "loaded once, then reused");
  assert.ok(JSON.stringify(backup).includes("Split engines"));
});

test("what the full engine writes (a restore) is what the lean engine then lists", async () => {
  const source = await Workspace.open({ store: mapStore(), loadLenses: false });
  await source.defineWorkload(workloadInput({ workloadName: "From the backup" }));
  const backup = await source.exportWorkspace();

  const store = mapStore();
  const target = await Workspace.open({ store, loadLenses: false });
  assert.deepEqual(await target.listWorkloads(), []);
  const before = store.commits;
  const result = await target.importWorkspace(backup, { mode: "apply" });
  assert.ok(store.commits > before, "the full engine committed through the same store object");
  assert.ok(result && typeof result === "object");
  assert.deepEqual((await target.listWorkloads()).map((w) => w.workloadName), ["From the backup"]);
  assert.equal(fullLoads(), 1);
});

// Leaves the serverless lens given to neither engine (the next test gives it).
test("review templates are edited in the full engine, which asks for a lens it lacks; a define from a template is sent there", async () => {
  const workspace = await Workspace.open({ store: mapStore(), loadLenses: false });
  const template = { templateName: "Retail baseline", description: "Where retail teams start" };
  const needsServerless = await rejection(workspace.createReviewTemplate({ ...template, lenses: ["serverless"] }));
  assert.equal(needsServerless.kind, "Uninitialized");
  assert.equal(needsServerless.lensAlias, "serverless");
  assert.deepEqual(await workspace.listReviewTemplates(), [], "no template was written");
  const { templateId } = await workspace.createReviewTemplate(template);
  await workspace.updateReviewTemplateAnswer(templateId, "wellarchitected", "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  // The lean engine lists what the full one wrote.
  assert.deepEqual((await workspace.listReviewTemplates()).map((t) => t.templateName), ["Retail baseline"]);
  // The lean engine refuses a define from a template with engine "full"; the entry defines it
  // in the full engine, and the lean engine reads the copy.
  const copied = await workspace.defineWorkload(workloadInput({ workloadName: "From the template", reviewTemplateIds: [templateId] }));
  const workload = await workspace.getWorkload(copied.workloadId);
  assert.equal(workload.questionsAnswered, 1);
  assert.equal(workload.reviewTemplate?.templateId, templateId);
  assert.equal(fullLoads(), 1);
});

test("a lens text given after the full engine loaded is handed to it too", async () => {
  const workspace = await Workspace.open({ store: mapStore(), loadLenses: false });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Serverless later" }));
  // The full engine has only the framework: serverless was never given to either engine.
  Lens.useBuiltins({ serverless: texts.serverless });
  await workspace.associateLenses(workloadId, ["serverless"]);
  const data = await workspace.exportData(workloadId, { lensAliases: ["serverless"] });
  assert.deepEqual(data.lenses.map((l) => l.review.lensAlias), ["serverless"]);
});

test("a full-only method's arguments are read when it is called", async () => {
  const workspace = await Workspace.open({ store: mapStore(), loadLenses: false });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Options copied" }));
  const options = { format: "markdown" };
  const exporting = workspace.exportReport(workloadId, options);
  options.format = "not a format";
  assert.match((await exporting).fileName, /\.md$/);
});

test("a workspace kept in the lean engine's memory is one workspace in both engines: each reads what the other wrote", async () => {
  const workspace = await Workspace.open({ storage: "memory", loadLenses: false });
  const other = await Workspace.open({ storage: "memory", loadLenses: false });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Kept in memory" }));
  await workspace.updateAnswer(workloadId, "wellarchitected", "priorities", { selectedChoices: ["ops_priorities_no"] });

  // The full engine reads the lean engine's records, revisions included (the lean one wrote them).
  const backup = JSON.parse(await workspace.exportWorkspace());
  assert.ok(JSON.stringify(backup).includes("Kept in memory"));
  const { revision } = await workspace.getWorkload(workloadId);
  const { templateId } = await workspace.createReviewTemplate({ templateName: "From memory", description: "Written by the full engine" });
  // The lean engine reads what the full one wrote, and a stale revision is refused as before.
  assert.deepEqual((await workspace.listReviewTemplates()).map((t) => t.templateId), [templateId]);
  await workspace.updateWorkload(workloadId, { notes: "after the full engine", expectedRevision: revision });
  assert.equal((await rejection(workspace.updateWorkload(workloadId, { notes: "stale", expectedRevision: revision }))).kind, "Conflict");
  // Another memory workspace is another store: it saw none of it.
  assert.deepEqual(await other.listWorkloads(), []);
  assert.deepEqual(await other.listReviewTemplates(), []);
  assert.equal(fullLoads(), 1);
});

test("a freed workspace refuses full-only methods as it refuses the others", async () => {
  const workspace = await Workspace.open({ store: mapStore(), loadLenses: false });
  workspace.free();
  assert.throws(() => workspace.exportWorkspace(), (e) => e.kind === "Disposed");
  assert.throws(() => workspace.listWorkloads(), (e) => e.kind === "Disposed");
});
