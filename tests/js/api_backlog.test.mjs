// The improvement plan as a backlog through the npm package (memory storage):
// updateImprovementItem's rules and errors, improvementPlan carrying the fields, resolved
// items, milestones freezing them and backups carrying them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";

/** A workload whose `priorities` question is at HIGH risk ("None of these"). */
async function atRisk() {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload(workloadInput());
  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] });
  return { ws, workloadId };
}

const itemOf = (plan, questionId) => plan.find((i) => i.questionId === questionId);

test("updateImprovementItem saves owner, status, due date and notes; the plan carries them", async () => {
  const { ws, workloadId } = await atRisk();
  const answerBefore = await ws.getAnswer(workloadId, FW, "priorities");
  const plain = itemOf(await ws.improvementPlan(workloadId, FW), "priorities");
  assert.equal(plain.status, "OPEN");
  assert.equal(plain.resolved, false);
  assert.equal(plain.owner, undefined);

  const saved = await ws.updateImprovementItem(workloadId, FW, "priorities", {
    owner: "  Ana  ", status: "IN_PROGRESS", dueDate: "2027-03-31", notes: "Start with the runbook",
  });
  assert.equal(saved.owner, "Ana");
  assert.equal(saved.status, "IN_PROGRESS");
  assert.equal(saved.dueDate, "2027-03-31");
  assert.equal(saved.notes, "Start with the runbook");
  assert.equal(saved.risk, "HIGH");
  assert.ok(saved.bestPractices.length > 0);
  assert.match(saved.updatedAt, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(itemOf(await ws.improvementPlan(workloadId, FW), "priorities"), saved);

  // The answer is as it was (only its document's revision moved).
  const answerAfter = await ws.getAnswer(workloadId, FW, "priorities");
  assert.deepEqual({ ...answerAfter, revision: "" }, { ...answerBefore, revision: "" });
  assert.equal(saved.revision, answerAfter.revision);

  // An answer update keeps the backlog.
  await ws.updateAnswer(workloadId, FW, "priorities", { notes: "reviewed" });
  assert.equal(itemOf(await ws.improvementPlan(workloadId, FW), "priorities").owner, "Ana");
});

test("errors: Validation with the field, NotFound for a question not in the lens, Conflict when stale", async () => {
  const { ws, workloadId } = await atRisk();
  const cases = [
    [{ owner: "x".repeat(101) }, "owner"],
    [{ status: "POSTPONED" }, "statusReason"],
    [{ status: "RISK_ACKNOWLEDGED", statusReason: " " }, "statusReason"],
    [{ dueDate: "2027-02-30" }, "dueDate"],
    [{ notes: "x".repeat(2085) }, "notes"],
    [{ status: "LATER" }, "status"],
    [{ assignee: "Ana" }, "assignee"],
  ];
  for (const [update, field] of cases) {
    const err = await rejection(ws.updateImprovementItem(workloadId, FW, "priorities", update));
    assert.ok(err instanceof Error);
    assert.equal(err.kind, "Validation", JSON.stringify(update));
    assert.equal(err.field, field, `${JSON.stringify(update)} → ${err.message}`);
  }
  const missing = await rejection(ws.updateImprovementItem(workloadId, FW, "no-such-question", { owner: "Ana" }));
  assert.equal(missing.kind, "NotFound");
  const unanswered = await rejection(ws.updateImprovementItem(workloadId, FW, "ops-model", { owner: "Ana" }));
  assert.equal(unanswered.kind, "Validation");
  assert.equal(unanswered.field, "questionId");
  const stale = await rejection(ws.updateImprovementItem(workloadId, FW, "priorities", { owner: "Bo", expectedRevision: "1-0" }));
  assert.equal(stale.kind, "Conflict");
  const postponed = await ws.updateImprovementItem(workloadId, FW, "priorities", { status: "POSTPONED", statusReason: "After the launch" });
  assert.equal(postponed.statusReason, "After the launch");
});

test("a question answered out of risk leaves a resolved item with its fields", async () => {
  const { ws, workloadId } = await atRisk();
  await ws.updateImprovementItem(workloadId, FW, "priorities", { owner: "Ana", status: "DONE" });
  const { choices } = await ws.getAnswer(workloadId, FW, "priorities");
  const every = choices.filter((c) => !c.noneOfThese).map((c) => c.choiceId);
  await ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: every });
  const plan = await ws.improvementPlan(workloadId, FW);
  const resolved = itemOf(plan, "priorities");
  assert.equal(resolved.resolved, true);
  assert.equal(resolved.risk, "NONE");
  assert.deepEqual(resolved.bestPractices, []);
  assert.equal(resolved.owner, "Ana");
  assert.equal(resolved.status, "DONE");
  const atRiskOnly = await ws.improvementPlan(workloadId, FW, { risks: ["HIGH", "MEDIUM"] });
  assert.equal(itemOf(atRiskOnly, "priorities"), undefined);
});

test("milestones freeze the backlog; a backup carries it", async () => {
  const { ws, workloadId } = await atRisk();
  await ws.updateImprovementItem(workloadId, FW, "priorities", { owner: "Ana" });
  const { milestoneNumber } = await ws.createMilestone(workloadId, "Handover");
  await ws.updateImprovementItem(workloadId, FW, "priorities", { owner: "Bo", status: "DONE" });
  const frozen = itemOf(await ws.improvementPlan(workloadId, FW, { milestoneNumber }), "priorities");
  assert.equal(frozen.owner, "Ana");
  assert.equal(frozen.status, "OPEN");
  assert.equal(frozen.revision, "");

  const backup = await ws.exportWorkspace();
  const restored = await Workspace.open({ storage: "memory" });
  await restored.importWorkspace(backup, { mode: "apply" });
  const now = itemOf(await restored.improvementPlan(workloadId, FW), "priorities");
  assert.equal(now.owner, "Bo");
  assert.equal(now.status, "DONE");
  assert.equal(itemOf(await restored.improvementPlan(workloadId, FW, { milestoneNumber }), "priorities").owner, "Ana");
});
