// compareMilestones through the packed package in Node: define a workload, answer, save a
// milestone, improve, then compare — the counts, the changed questions and the errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection } from "./support.mjs";

const FW = "wellarchitected";

/** The error the promise rejects with (failing the test if it resolves). */

async function reviewedWorkload() {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload({
    workloadName: "Checkout service",
    description: "Takes orders and payments",
    environment: "PRODUCTION",
    reviewOwner: "Checkout team",
    awsRegions: ["eu-west-1"],
  });
  // "None of these" is a high risk.
  const first = await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  assert.equal(first.risk, "HIGH");
  const saved = await ws.createMilestone(workloadId, "Before the improvements");
  return { ws, workloadId, first, saved };
}

test("define → answer → milestone → improve → compare", async () => {
  const { ws, workloadId, first, saved } = await reviewedWorkload();
  const all = first.choices.filter((c) => !c.noneOfThese).map((c) => c.choiceId);
  const better = await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: all });
  assert.equal(better.risk, "NONE");

  const c = await ws.compareMilestones(workloadId, { from: saved.milestoneNumber });
  assert.equal(c.workloadId, workloadId);
  assert.equal(c.from.milestoneNumber, 1);
  assert.equal(c.from.milestoneName, "Before the improvements");
  assert.deepEqual(c.to, {}, "the current state has no milestone fields");
  assert.deepEqual(c.lensesAdded, []);
  assert.deepEqual(c.lensesRemoved, []);

  const lens = c.lenses.find((l) => l.lensAlias === FW);
  assert.equal(lens.riskCountsBefore.HIGH, 1);
  assert.equal(lens.riskCountsAfter.HIGH, 0);
  assert.equal(lens.riskCountsAfter.NONE, 1);
  const ops = lens.pillars.find((p) => p.pillarId === "operationalExcellence");
  assert.equal(ops.riskCountsBefore.HIGH, 1);
  assert.equal(ops.riskCountsAfter.HIGH, 0);
  assert.ok(lens.pillars.filter((p) => p !== ops).every((p) => p.riskCountsBefore.HIGH === p.riskCountsAfter.HIGH));

  assert.equal(lens.changedQuestions.length, 1);
  const q = lens.changedQuestions[0];
  assert.equal(q.questionId, "priorities");
  assert.equal(q.pillarId, "operationalExcellence");
  assert.equal(q.questionTitle, first.questionTitle);
  assert.equal(q.riskBefore, "HIGH");
  assert.equal(q.riskAfter, "NONE");
  assert.equal(q.change, "IMPROVED");
  assert.deepEqual(q.selectedChoicesAdded.map((x) => x.choiceId), all);
  assert.ok(q.selectedChoicesAdded.every((x) => x.title.length > 0));
  assert.deepEqual(q.selectedChoicesRemoved.map((x) => x.choiceId), ["ops_priorities_no"]);
  // Plain data: survives JSON as is.
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c);

  // Omitting both sides compares the latest milestone with the current state.
  assert.deepEqual(await ws.compareMilestones(workloadId), c);

  // Two milestones, newer first: the change reads the other way round.
  await ws.createMilestone(workloadId, "After the improvements");
  const back = await ws.compareMilestones(workloadId, { from: 2, to: 1 });
  assert.equal(back.lenses[0].changedQuestions[0].change, "WORSENED");
  const same = await ws.compareMilestones(workloadId, { from: 2, to: 2 });
  assert.ok(same.lenses.every((l) => l.changedQuestions.length === 0));
});

test("a newly answered question is not an improvement", async () => {
  const { ws, workloadId } = await reviewedWorkload();
  await ws.updateAnswer(workloadId, FW, "ops-model", { isApplicable: false, reason: "OUT_OF_SCOPE" });
  const c = await ws.compareMilestones(workloadId, { from: 1 });
  const q = c.lenses[0].changedQuestions.find((x) => x.questionId === "ops-model");
  assert.equal(q.riskBefore, "UNANSWERED");
  assert.equal(q.riskAfter, "NOT_APPLICABLE");
  assert.equal(q.change, "ANSWERED");
});

test("an answer changed at the same risk is listed apart, with waivers and notes", async () => {
  const { ws, workloadId, first } = await reviewedWorkload();
  const [a, b] = first.choices.filter((c) => !c.noneOfThese).map((c) => c.choiceId);
  // One best practice instead of "None of these": still HIGH.
  await ws.updateAnswer(workloadId, FW, "priorities", {
    selectedChoices: [a],
    choiceUpdates: { [b]: { status: "NOT_APPLICABLE", reason: "OUT_OF_SCOPE" } },
    notes: "Priorities are set by the product board",
  });
  const lens = (await ws.compareMilestones(workloadId, { from: 1 })).lenses[0];
  assert.deepEqual(lens.changedQuestions, [], "no risk moved");
  assert.equal(lens.sameRiskQuestions.length, 1);
  const q = lens.sameRiskQuestions[0];
  assert.equal(q.questionId, "priorities");
  assert.equal(q.change, "SAME_RISK");
  assert.equal(q.riskBefore, "HIGH");
  assert.equal(q.riskAfter, "HIGH");
  assert.deepEqual(q.selectedChoicesAdded.map((x) => x.choiceId), [a]);
  assert.deepEqual(q.selectedChoicesRemoved.map((x) => x.choiceId), ["ops_priorities_no"]);
  assert.deepEqual(q.notApplicableChoicesAdded.map((x) => x.choiceId), [b]);
  assert.deepEqual(q.notApplicableChoicesRemoved, []);
  assert.equal(q.notesChanged, true);
});

test("compareMilestones errors: NotFound and Validation naming from/to", async () => {
  const { ws, workloadId } = await reviewedWorkload();
  const missing = await rejection(ws.compareMilestones(workloadId, { from: 5 }));
  assert.ok(missing instanceof Error);
  assert.equal(missing.kind, "NotFound");
  assert.match(missing.message, /no milestone 5/);
  const noWorkload = await rejection(ws.compareMilestones("0".repeat(32), { from: 1 }));
  assert.equal(noWorkload.kind, "NotFound");

  for (const [options, field] of [[{ from: 0 }, "from"], [{ to: "latest" }, "to"], [{ from: 1.5 }, "from"], [{ since: 1 }, "since"]]) {
    const err = await rejection(ws.compareMilestones(workloadId, options));
    assert.equal(err.kind, "Validation", JSON.stringify(options));
    assert.equal(err.field, field, JSON.stringify(options));
  }

  const fresh = await ws.defineWorkload({
    workloadName: "Never saved", description: "No milestones", environment: "PRODUCTION",
    reviewOwner: "Someone", awsRegions: ["eu-west-1"],
  });
  const none = await rejection(ws.compareMilestones(fresh.workloadId));
  assert.equal(none.kind, "NotFound");
});
