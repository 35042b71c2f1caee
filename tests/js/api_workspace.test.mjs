// The Workspace API of the npm package in Node (memory storage), imported by name: workloads,
// answers, lens reviews, milestones, the dashboard, lenses, and the errors every call throws
// (real Errors with `kind` and, for validation, `field`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Lens, Workspace } from "plumbline-review";
import { nodeStorage } from "./pouch-store.mjs";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";
const ZERO = { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };

async function fresh() {
  return Workspace.open({ storage: "memory" });
}

test("open: memory is the default in Node; bad options are Validation errors", async () => {
  const ws = await Workspace.open();
  assert.equal(ws.storage, nodeStorage());
  const bad = await rejection(Workspace.open({ storage: "floppy" }));
  assert.ok(bad instanceof Error);
  assert.equal(bad.kind, "Validation");
  assert.equal(bad.field, "storage");
  // Node has no IndexedDB: asking for it explicitly says so.
  const idb = await rejection(Workspace.open({ storage: "indexeddb" }));
  assert.equal(idb.kind, "Unavailable");
});

test("defineWorkload returns the stored workload; get and list find it", async () => {
  const ws = await fresh();
  const w = await ws.defineWorkload(workloadInput({ tags: { team: "payments" }, lenses: ["serverless"] }));
  assert.match(w.workloadId, /^[0-9a-f]{32}$/);
  assert.equal(w.workloadName, "Payments API");
  assert.equal(w.environment, "PREPRODUCTION");
  assert.deepEqual(w.lenses, [FW, "serverless"]);
  assert.deepEqual(w.tags, { team: "payments" });
  assert.deepEqual(Object.keys(w.riskCounts).sort(), Object.keys(ZERO).sort());
  assert.equal(w.riskCounts.UNANSWERED, w.questionCount);
  assert.match(w.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.ok(w.revision);

  assert.deepEqual(await ws.getWorkload(w.workloadId), w);
  const list = await ws.listWorkloads();
  assert.equal(list.length, 1);
  assert.equal(list[0].workloadId, w.workloadId);
  assert.equal(list[0].milestoneCount, 0);
});

test("validation errors name the field and state the rule", async () => {
  const ws = await fresh();
  const cases = [
    [{ workloadName: "ab" }, "workloadName"],
    [{ environment: "PROD" }, "environment"],
    [{ description: "" }, "description"],
    [{ awsRegions: [], nonAwsRegions: [] }, "awsRegions"],
  ];
  for (const [overrides, field] of cases) {
    const err = await rejection(ws.defineWorkload(workloadInput(overrides)));
    assert.ok(err instanceof Error, field);
    assert.equal(err.kind, "Validation", field);
    assert.equal(err.field, field, `${JSON.stringify(overrides)} → ${err.message}`);
    assert.ok(err.message.length > field.length, "the message states the rule");
  }
  const missing = await rejection(ws.defineWorkload({ description: "no name here" }));
  assert.equal(missing.field, "workloadName");
});

test("one call reports every problem of the input, each with its field", async () => {
  const ws = await fresh();
  const err = await rejection(ws.defineWorkload({ workloadName: "ab", accountIds: ["123"] }));
  assert.equal(err.kind, "Validation");
  const fields = err.problems.map((p) => p.field);
  for (const field of ["workloadName", "description", "environment", "reviewOwner", "accountIds"]) {
    assert.ok(fields.includes(field), `${field} missing from ${fields.join(", ")}`);
  }
  // The first problem is the error's own field and message, as before problems existed.
  assert.equal(err.field, err.problems[0].field);
  assert.equal(err.message, `${err.problems[0].field}: ${err.problems[0].message}`);
  for (const p of err.problems) assert.ok(p.message.length > 0, p.field);
  // A single problem is a list of one.
  const one = await rejection(ws.defineWorkload(workloadInput({ workloadName: "ab" })));
  assert.deepEqual(one.problems.map((p) => p.field), ["workloadName"]);
});

test("names are unique ignoring case and whitespace", async () => {
  const ws = await fresh();
  await ws.defineWorkload(workloadInput());
  const err = await rejection(ws.defineWorkload(workloadInput({ workloadName: "payments  api" })));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "workloadName");
});

test("unknown ids are NotFound", async () => {
  const ws = await fresh();
  const err = await rejection(ws.getWorkload("0123456789abcdef0123456789abcdef"));
  assert.ok(err instanceof Error);
  assert.equal(err.kind, "NotFound");
});

test("updateWorkload with a stale expectedRevision is a Conflict; a fresh one works", async () => {
  const ws = await fresh();
  const w = await ws.defineWorkload(workloadInput());
  const updated = await ws.updateWorkload(w.workloadId, { notes: "first", expectedRevision: w.revision });
  assert.equal(updated.notes, "first");
  assert.notEqual(updated.revision, w.revision);
  const err = await rejection(ws.updateWorkload(w.workloadId, { notes: "second", expectedRevision: w.revision }));
  assert.equal(err.kind, "Conflict");
  assert.equal((await ws.getWorkload(w.workloadId)).notes, "first");
});

test("updateAnswer returns the answer with its risk; None of these is exclusive", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(workloadInput());
  const a = await ws.updateAnswer(workloadId, FW, "priorities", {
    selectedChoices: ["ops_priorities_ext_cust_needs", "ops_priorities_no"],
    notes: "Nothing formal yet.",
  });
  assert.equal(a.questionId, "priorities");
  assert.equal(a.pillarId, "operationalExcellence");
  assert.deepEqual(a.selectedChoices, ["ops_priorities_no"]);
  assert.equal(a.risk, "HIGH");
  assert.equal(a.notes, "Nothing formal yet.");
  assert.ok(a.choices.find((c) => c.choiceId === "ops_priorities_no").noneOfThese);

  const all = a.choices.filter((c) => !c.noneOfThese).map((c) => c.choiceId);
  const b = await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: all });
  assert.equal(b.risk, "NONE");
  assert.equal((await ws.getAnswer(workloadId, FW, "priorities")).risk, "NONE");

  const na = await ws.updateAnswer(workloadId, FW, "ops-model", { isApplicable: false, reason: "OUT_OF_SCOPE" });
  assert.equal(na.risk, "NOT_APPLICABLE");

  const answers = await ws.listAnswers(workloadId, FW);
  assert.equal(answers.length, (await ws.getWorkload(workloadId)).questionCount);
  assert.equal(answers.filter((x) => x.risk === "UNANSWERED").length, answers.length - 2);
});

test("updateAnswer rejects unknown choices and bad statuses", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(workloadInput());
  const err = await rejection(ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["nope"] }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "selectedChoices");
  const err2 = await rejection(
    ws.updateAnswer(workloadId, FW, "priorities", { choiceUpdates: { ops_priorities_no: { status: "MAYBE" } } }),
  );
  assert.equal(err2.kind, "Validation");
  assert.equal(err2.field, "choiceUpdates");
  const err3 = await rejection(ws.updateAnswer(workloadId, FW, "no-such-question", {}));
  assert.ok(["NotFound", "Validation"].includes(err3.kind), err3.kind);
});

test("getLensReview: counts per lens and pillar with all five keys; notes", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(workloadInput());
  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  const review = await ws.getLensReview(workloadId, FW);
  assert.equal(review.lensAlias, FW);
  assert.ok(review.lensVersion);
  assert.equal(review.riskCounts.HIGH, 1);
  assert.equal(review.riskCounts.UNANSWERED, review.questionCount - 1);
  const ops = review.pillarReviewSummaries.find((p) => p.pillarId === "operationalExcellence");
  assert.equal(ops.pillarName, "Operational Excellence");
  assert.deepEqual(Object.keys(ops.riskCounts).sort(), Object.keys(ZERO).sort());
  assert.equal(ops.riskCounts.HIGH, 1);

  const noted = await ws.updateLensReview(workloadId, FW, {
    lensNotes: "Reviewed with the team.",
    pillarNotes: { security: "Pen test booked." },
  });
  assert.equal(noted.notes, "Reviewed with the team.");
  assert.equal(noted.pillarReviewSummaries.find((p) => p.pillarId === "security").notes, "Pen test booked.");
});

test("milestones are immutable snapshots", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(workloadInput());
  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  const m1 = await ws.createMilestone(workloadId, "Before fixes");
  assert.equal(m1.milestoneNumber, 1);
  assert.equal(m1.milestoneName, "Before fixes");
  assert.match(m1.recordedAt, /Z$/);
  assert.equal(m1.riskCounts.HIGH, 1);

  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const m2 = await ws.createMilestone(workloadId, "After fixes");
  assert.equal(m2.milestoneNumber, 2);

  const frozen = await ws.getLensReview(workloadId, FW, { milestoneNumber: 1 });
  assert.equal(frozen.riskCounts.HIGH, 1);
  const snapshot = await ws.getMilestone(workloadId, 1);
  assert.equal(snapshot.workload.workloadId, workloadId);
  assert.equal(snapshot.answers.find((a) => a.questionId === "priorities").risk, "HIGH");
  assert.deepEqual((await ws.listMilestones(workloadId)).map((m) => m.milestoneName), ["Before fixes", "After fixes"]);

  const dup = await rejection(ws.createMilestone(workloadId, "before FIXES"));
  assert.equal(dup.kind, "Validation");
  assert.equal(dup.field, "milestoneName");
  const missing = await rejection(ws.createMilestone(workloadId));
  assert.equal(missing.kind, "Validation");
  assert.equal(missing.field, "milestoneName");
  const none = await rejection(ws.getMilestone(workloadId, 9));
  assert.equal(none.kind, "NotFound");
});

test("improvementPlan follows the workload's pillar priorities", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(
    workloadInput({ pillarPriorities: ["security", "operationalExcellence"] }),
  );
  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  await ws.updateAnswer(workloadId, FW, "securely-operate", { selectedChoices: ["sec_securely_operate_no"] });
  const plan = await ws.improvementPlan(workloadId, FW);
  assert.deepEqual(plan.map((i) => i.questionId), ["securely-operate", "priorities"]);
  assert.ok(plan[0].bestPractices.length > 0);
  assert.ok(plan[0].bestPractices.every((b) => !b.choiceId.endsWith("_no")));
  const opsFirst = await ws.improvementPlan(workloadId, FW, { pillarPriority: ["operationalExcellence"] });
  assert.deepEqual(opsFirst.map((i) => i.questionId), ["priorities", "securely-operate"]);
});

test("lenses: associate and disassociate; the framework lens stays", async () => {
  const ws = await fresh();
  const aliases = (await ws.lenses()).map((l) => l.lensAlias);
  assert.deepEqual(aliases.slice(0, 1), [FW]);
  assert.ok(aliases.includes("serverless"));
  const lens = await ws.lens("serverless");
  assert.ok(lens instanceof Lens);
  assert.ok(lens.toJSON().pillars.length > 0);

  const { workloadId } = await ws.defineWorkload(workloadInput());
  const withServerless = await ws.associateLenses(workloadId, ["serverless"]);
  assert.deepEqual(withServerless.lenses, [FW, "serverless"]);
  const back = await ws.disassociateLenses(workloadId, ["serverless"]);
  assert.deepEqual(back.lenses, [FW]);
  const err = await rejection(ws.disassociateLenses(workloadId, [FW]));
  assert.equal(err.kind, "Validation");
  const unknown = await rejection(ws.associateLenses(workloadId, ["nope"]));
  assert.equal(unknown.kind, "Validation");
});

test("deleteWorkload removes it and its milestones", async () => {
  const ws = await fresh();
  const { workloadId } = await ws.defineWorkload(workloadInput());
  await ws.createMilestone(workloadId, "Only one");
  await ws.deleteWorkload(workloadId);
  assert.deepEqual(await ws.listWorkloads(), []);
  assert.equal((await rejection(ws.getWorkload(workloadId))).kind, "NotFound");
  assert.equal((await rejection(ws.getMilestone(workloadId, 1))).kind, "NotFound");
});

test("dashboard: totals over workloads; a bad filter is a Validation error", async () => {
  const ws = await fresh();
  const a = await ws.defineWorkload(workloadInput({ workloadName: "Alpha" }));
  await ws.defineWorkload(workloadInput({ workloadName: "Beta" }));
  await ws.updateAnswer(a.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  const d = await ws.dashboard();
  assert.equal(d.totals.workloads, 2);
  assert.equal(d.totals.highRisks, 1);
  assert.equal(d.totals.workloadsWithHighRisks, 1);
  assert.deepEqual(d.workloads.map((w) => w.workloadName), ["Alpha", "Beta"]);
  assert.equal(d.improvements[0].questionId, "priorities");
  const err = await rejection(ws.dashboard({ risks: ["NONE"] }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "risks");
});

test("results are plain JSON data", async () => {
  const ws = await fresh();
  const w = await ws.defineWorkload(workloadInput({ tags: { a: "b" } }));
  assert.deepEqual(JSON.parse(JSON.stringify(w)), w);
  assert.equal(Object.getPrototypeOf(w.tags), Object.prototype);
});

test("listWorkloads carries each workload's tags", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload({
    workloadName: "Tagged service",
    description: "Has tags",
    environment: "PRODUCTION",
    reviewOwner: "Platform team",
    awsRegions: ["eu-west-1"],
    tags: { costCenter: "CC-42" },
  });
  const [row] = await ws.listWorkloads();
  assert.equal(row.workloadId, workloadId);
  assert.deepEqual(row.tags, { costCenter: "CC-42" });
});
