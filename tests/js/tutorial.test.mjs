// The AWS WA Tool user guide's tutorial ("Retail Website - North America", spec:
// wa-tool-user-guide-2020.md, steps 1-4), walked through the npm package with the memory store:
// define the workload, document its state, read the risks, save a milestone, review the
// improvement plan, make improvements, save a second milestone, read the dashboard.
//
// As in the guide, the first review finds 3 high and 1 medium risk; fixing the compute
// question (CloudWatch metrics and Auto Scaling) and part of a security question leaves
// 1 high and 2 medium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Lens, Workspace } from "plumbline-review";

const FW = "wellarchitected";

/** The four answers that carry risk in the first review; every other question follows all
 * of its best practices. */
const FIRST_REVIEW = {
  // OPS 1, answered "None of these" with the guide's note → HIGH.
  priorities: {
    selectedChoices: ["ops_priorities_no"],
    notes: "We don't do any of these as part of version 3. We've added this as a high priority item for version 4.",
  },
  // Security: only vulnerability management → HIGH.
  "protect-compute": { selectedChoices: ["sec_protect_compute_vulnerability_management"] },
  // PERF 2 "How do you select your compute solution?": only the first practice → HIGH.
  "compute-hardware": { selectedChoices: ["perf_compute_hardware_select_best_compute_options"] },
  // Sustainability, "None of these" → MEDIUM (the lens's default for that question).
  sus_region: { selectedChoices: ["sus_sus_region_no"] },
};

const PILLAR_PRIORITY = ["security", "operationalExcellence", "costOptimization", "performance", "reliability"];

test("tutorial: Retail Website - North America", async (t) => {
  const ws = await Workspace.open({ storage: "memory" });
  const lens = Lens.builtin(FW).toJSON();
  const questions = lens.pillars.flatMap((p) => p.questions);

  // Step 1: define a workload.
  const workload = await ws.defineWorkload({
    workloadName: "Retail Website - North America",
    description: "Customer-facing website for retail order processing",
    reviewOwner: "Ana Carolina Silva",
    environment: "PRODUCTION",
    awsRegions: ["us-east-1", "us-west-2"],
    nonAwsRegions: ["Local data center"],
    lenses: [FW],
  });
  const id = workload.workloadId;
  assert.equal(workload.questionsAnswered, 0);
  assert.equal(workload.questionCount, questions.length);

  // Step 2: document the workload state: every question of the lens.
  await t.test("step 2: answer every question", async () => {
    for (const q of questions) {
      const update = FIRST_REVIEW[q.id] ?? {
        selectedChoices: q.choices.filter((c) => !c.id.endsWith("_no")).map((c) => c.id),
      };
      const answer = await ws.updateAnswer(id, FW, q.id, update);
      assert.notEqual(answer.risk, "UNANSWERED", q.id);
    }
    const answered = await ws.getWorkload(id);
    assert.equal(answered.questionsAnswered, questions.length);
    assert.equal((await ws.getAnswer(id, FW, "priorities")).notes, FIRST_REVIEW.priorities.notes);
  });

  // The overview: questions answered and risks.
  const review = await ws.getLensReview(id, FW);
  assert.deepEqual(review.riskCounts, {
    UNANSWERED: 0,
    HIGH: 3,
    MEDIUM: 1,
    NONE: questions.length - 4,
    NOT_APPLICABLE: 0,
  });
  const pillarRisk = (r, pillarId) => r.pillarReviewSummaries.find((p) => p.pillarId === pillarId).riskCounts;
  assert.equal(pillarRisk(review, "operationalExcellence").HIGH, 1);
  assert.equal(pillarRisk(review, "security").HIGH, 1);
  assert.equal(pillarRisk(review, "performance").HIGH, 1);
  assert.equal(pillarRisk(review, "sustainability").MEDIUM, 1);
  assert.equal(pillarRisk(review, "reliability").NONE, lens.pillars.find((p) => p.id === "reliability").questions.length);

  // Save a milestone after the first review.
  const v1 = await ws.createMilestone(id, "Version 1.0 - initial review");
  assert.equal(v1.milestoneNumber, 1);
  assert.equal(v1.riskCounts.HIGH, 3);
  assert.equal(v1.riskCounts.MEDIUM, 1);

  // Step 3: the improvement plan, with the guide's pillar priority and status "Not Started".
  await ws.updateWorkload(id, { pillarPriorities: PILLAR_PRIORITY, improvementStatus: "NOT_STARTED" });
  const plan = await ws.improvementPlan(id, FW);
  assert.deepEqual(
    plan.map((item) => [item.risk, item.pillarId, item.questionId]),
    [
      ["HIGH", "security", "protect-compute"],
      ["HIGH", "operationalExcellence", "priorities"],
      ["HIGH", "performance", "compute-hardware"],
      ["MEDIUM", "sustainability", "sus_region"],
    ],
  );
  const compute = plan.find((item) => item.questionId === "compute-hardware");
  assert.ok(compute.bestPractices.length >= 5);
  assert.ok(compute.bestPractices.every((b) => b.improvementPlan?.displayText));

  // Step 4: improvements in progress. CloudWatch and Auto Scaling fix the compute question
  // completely; hardened images move the security question from HIGH to MEDIUM.
  await ws.updateWorkload(id, { improvementStatus: "IN_PROGRESS" });
  const computeQuestion = questions.find((q) => q.id === "compute-hardware");
  const fixed = await ws.updateAnswer(id, FW, "compute-hardware", {
    selectedChoices: computeQuestion.choices.filter((c) => !c.id.endsWith("_no")).map((c) => c.id),
    notes: "Added Amazon CloudWatch to get better metrics and AWS Auto Scaling to enable elasticity.",
  });
  assert.equal(fixed.risk, "NONE");
  const better = await ws.updateAnswer(id, FW, "protect-compute", {
    selectedChoices: ["sec_protect_compute_vulnerability_management", "sec_protect_compute_hardened_images"],
  });
  assert.equal(better.risk, "MEDIUM");

  const after = await ws.getLensReview(id, FW);
  assert.equal(after.riskCounts.HIGH, 1);
  assert.equal(after.riskCounts.MEDIUM, 2);
  assert.deepEqual(
    (await ws.improvementPlan(id, FW)).map((item) => item.questionId),
    ["priorities", "protect-compute", "sus_region"],
  );

  // A second milestone; the first one is unchanged.
  const v11 = await ws.createMilestone(id, "Version 1.1");
  assert.equal(v11.milestoneNumber, 2);
  const milestones = await ws.listMilestones(id);
  assert.deepEqual(
    milestones.map((m) => [m.milestoneName, m.riskCounts.HIGH, m.riskCounts.MEDIUM]),
    [
      ["Version 1.0 - initial review", 3, 1],
      ["Version 1.1", 1, 2],
    ],
  );
  const frozen = await ws.getLensReview(id, FW, { milestoneNumber: 1 });
  assert.equal(frozen.riskCounts.HIGH, 3);
  const frozenPlan = await ws.improvementPlan(id, FW, { milestoneNumber: 1 });
  assert.equal(frozenPlan.length, 4);

  const current = await ws.getWorkload(id);
  assert.equal(current.improvementStatus, "IN_PROGRESS");
  assert.deepEqual(current.pillarPriorities.slice(0, 5), PILLAR_PRIORITY);

  // The dashboard over all workloads (just this one).
  const dashboard = await ws.dashboard();
  assert.equal(dashboard.totals.workloads, 1);
  assert.equal(dashboard.totals.highRisks, 1);
  assert.equal(dashboard.totals.mediumRisks, 2);
  assert.equal(dashboard.totals.workloadsWithHighRisks, 1);
  assert.equal(dashboard.workloads[0].workloadName, "Retail Website - North America");
  assert.equal(dashboard.workloads[0].topRiskPillar, "operationalExcellence");
});
