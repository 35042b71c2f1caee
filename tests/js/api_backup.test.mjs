// The whole workspace as one backup file, through the packed package: export → restore into
// an empty workspace gives the same file (apart from exportedAt), a restore never overwrites
// silently, and a foreign file is refused with the JSON path of its first problem.
import test from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";
const withoutTime = (text) => {
  const file = JSON.parse(text);
  delete file.exportedAt;
  return file;
};

async function populated() {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload(workloadInput({ notes: "kept in the backup" }));
  await ws.updateAnswer(workloadId, FW, "priorities", {
    selectedChoices: ["ops_priorities_ext_cust_needs"],
    notes: "ask the product owner",
  });
  await ws.updateLensReview(workloadId, FW, { lensNotes: "first pass", pillarNotes: { security: "audit in May" } });
  await ws.createMilestone(workloadId, "Baseline");
  return { ws, workloadId };
}

test("a backup restores exactly into an empty workspace", async () => {
  const { ws, workloadId } = await populated();
  const text = await ws.exportWorkspace();
  const file = JSON.parse(text);
  assert.equal(file.format, "plumbline-workspace-backup");
  assert.equal(file.formatVersion, 1);
  assert.equal(file.workloads[0].answers[0].notes, "ask the product owner");
  assert.equal(file.workloads[0].milestones.length, 1);

  const fresh = await Workspace.open({ storage: "memory" });
  const preview = await fresh.importWorkspace(text);
  assert.equal(preview.applied, false);
  assert.deepEqual(await fresh.listWorkloads(), [], "a preview writes nothing");
  const result = await fresh.importWorkspace(text, { mode: "apply" });
  assert.equal(result.applied, true);
  assert.deepEqual(result.items.map((i) => [i.itemKind, i.status]), [["workload", "new"]]);
  assert.deepEqual(withoutTime(await fresh.exportWorkspace()), withoutTime(text));
  const review = await fresh.getLensReview(workloadId, FW);
  assert.equal(review.notes, "first pass");
});

test("a restore over changed data asks, and keeps both when told to", async () => {
  const { ws, workloadId } = await populated();
  const text = await ws.exportWorkspace();
  await ws.updateAnswer(workloadId, FW, "priorities", { notes: "changed since" });
  const refused = await rejection(ws.importWorkspace(text, { mode: "apply" }));
  assert.equal(refused.kind, "Validation");
  assert.equal(refused.field, "onConflict");
  const both = await ws.importWorkspace(text, { mode: "apply", onConflict: "keepBoth" });
  const copy = both.items[0];
  assert.equal(copy.status, "conflict");
  assert.equal(copy.copyName, "Payments API (restored)");
  const names = (await ws.listWorkloads()).map((w) => w.workloadName);
  assert.deepEqual(names, ["Payments API", "Payments API (restored)"]);
  assert.equal((await ws.getAnswer(workloadId, FW, "priorities")).notes, "changed since");
  assert.equal((await ws.getAnswer(copy.copyId, FW, "priorities")).notes, "ask the product owner");
});

test("a foreign or damaged file is refused with a path, and nothing changes", async () => {
  const { ws } = await populated();
  const good = JSON.parse(await ws.exportWorkspace());
  const fresh = await Workspace.open({ storage: "memory" });
  const cases = [
    ['{"AnswerSummaries": []}', "$.format"],
    [JSON.stringify({ ...good, formatVersion: 9 }), "$.formatVersion"],
    [JSON.stringify({ ...good, workloads: [{ ...good.workloads[0], answers: [{ lensAlias: 5 }] }] }), "$.workloads[0].answers[0]"],
  ];
  for (const [text, path] of cases) {
    const err = await rejection(fresh.importWorkspace(text, { mode: "apply", onConflict: "takeBackup" }));
    assert.ok(err instanceof Error);
    assert.equal(err.kind, "Validation");
    assert.equal(err.field, "backup");
    assert.equal(err.path, path);
  }
  assert.deepEqual(await fresh.listWorkloads(), []);
});

test("the shipped JSON Schema accepts a real backup and names the format", async () => {
  const { ws } = await populated();
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const schema = require("plumbline-review/backup.schema.json");
  const file = JSON.parse(await ws.exportWorkspace());
  assert.equal(schema.properties.format.const, file.format);
  assert.equal(schema.properties.formatVersion.const, file.formatVersion);
  // Every top-level key of a real file is described, and every required key is present.
  for (const key of Object.keys(file)) assert.ok(key in schema.properties, key);
  for (const key of schema.required) assert.ok(key in file, key);
  const workload = schema.$defs.workloadEntry;
  for (const key of workload.required) assert.ok(key in file.workloads[0], key);
});
