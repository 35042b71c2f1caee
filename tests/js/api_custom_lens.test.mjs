// Custom lenses through the packed package in Node (memory storage): import a draft with an
// error, publish refused, fix and publish, define a workload with the lens, answer, and read
// the lens review's risk counts; export and delete.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Lens, Workspace } from "plumbline-review";
import { rejection } from "./support.mjs";

const LENS = readFileSync(new URL("../fixtures/review-lens.json", import.meta.url), "utf8");
const BROKEN = LENS.replace(
  "backups_automated && backups_tested && backups_offsite",
  "backups_automated && backups_unknown",
);

test("custom lens: import → publish → review with it", async () => {
  const ws = await Workspace.open({ storage: "memory" });

  const draft = await ws.importLens(BROKEN);
  assert.equal(draft.status, "DRAFT");
  assert.match(draft.lensAlias, /^[0-9a-f]{32}$/);
  assert.ok(draft.lensArn.endsWith(draft.lensAlias));
  assert.ok(draft.diagnostics.some((d) => d.severity === "error" && d.path.includes("riskRules")));

  const listed = (await ws.lenses()).find((l) => l.lensAlias === draft.lensAlias);
  assert.equal(listed.lensType, "CUSTOM_SELF");
  assert.equal(listed.lensStatus, "DRAFT");

  const refused = await rejection(ws.createLensVersion(draft.lensAlias, { lensVersion: "1.0" }));
  assert.ok(refused instanceof Error);
  assert.equal(refused.kind, "LensInvalid");
  assert.ok(refused.diagnostics.some((d) => d.severity === "error"));

  const usesDraft = await rejection(ws.defineWorkload({
    workloadName: "Uses a draft", description: "Card payments", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: [draft.lensAlias],
  }));
  assert.equal(usesDraft.kind, "Validation");
  assert.equal(usesDraft.field, "lenses");

  const fixed = await ws.importLens(LENS, { lensAlias: draft.lensAlias });
  assert.equal(fixed.lensAlias, draft.lensAlias);
  assert.ok(fixed.diagnostics.every((d) => d.severity !== "error"));
  const version = await ws.createLensVersion(draft.lensAlias, { lensVersion: "1.0" });
  assert.equal(version.lensVersion, "1.0");
  const badName = await rejection(ws.createLensVersion(draft.lensAlias, { lensVersion: "1.0" }));
  assert.equal(badName.field, "lensVersion");

  const lens = await ws.lens(draft.lensAlias);
  assert.ok(lens instanceof Lens);
  assert.equal(lens.toJSON().pillars.length, 2);

  const { workloadId, lenses } = await ws.defineWorkload({
    workloadName: "Custom reviewed", description: "Card payments", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: [draft.lensAlias],
  });
  assert.deepEqual(lenses, ["wellarchitected", draft.lensAlias]);
  const answer = await ws.updateAnswer(workloadId, draft.lensAlias, "backups", { selectedChoices: ["backups_no"] });
  assert.equal(answer.risk, "HIGH");
  await ws.updateAnswer(workloadId, draft.lensAlias, "secrets", { selectedChoices: ["secrets_vault"] });
  const review = await ws.getLensReview(workloadId, draft.lensAlias);
  assert.equal(review.lensVersion, "1.0");
  assert.deepEqual(review.riskCounts, { UNANSWERED: 3, HIGH: 1, MEDIUM: 1, NONE: 0, NOT_APPLICABLE: 0 });
  const plan = await ws.improvementPlan(workloadId, draft.lensAlias);
  assert.deepEqual(plan.map((i) => i.questionId), ["backups", "secrets"]);

  assert.equal(await ws.exportLens(draft.lensAlias, { lensVersion: "1.0" }), LENS);
  const inUse = await rejection(ws.deleteLens(draft.lensAlias));
  assert.equal(inUse.kind, "Conflict");
  assert.match(inUse.message, /Custom reviewed/);
  await ws.deleteWorkload(workloadId);
  await ws.deleteLens(draft.lensAlias);
  assert.ok(!(await ws.lenses()).some((l) => l.lensAlias === draft.lensAlias));
});

// Version 2.0: `scaling` removed; `backups` loses `backups_offsite` and gets a new title.
function secondVersion() {
  const lens = JSON.parse(LENS);
  const questions = lens.pillars[0].questions;
  lens.pillars[0].questions = questions.filter((q) => q.id !== "scaling");
  const backups = lens.pillars[0].questions[0];
  backups.title = "How do you back up and restore data?";
  backups.choices = backups.choices.filter((c) => c.id !== "backups_offsite");
  backups.riskRules = [
    { condition: "backups_automated && backups_tested", risk: "NO_RISK" },
    { condition: "backups_tested", risk: "MEDIUM_RISK" },
    { condition: "default", risk: "HIGH_RISK" },
  ];
  return JSON.stringify(lens, null, 2);
}

test("custom lens: upgradeLensReview moves a workload to the latest version", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { lensAlias } = await ws.importLens(LENS);
  await ws.createLensVersion(lensAlias, { lensVersion: "1.0" });
  const { workloadId } = await ws.defineWorkload({
    workloadName: "Upgraded", description: "Card payments", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: [lensAlias],
  });
  await ws.updateAnswer(workloadId, lensAlias, "backups", { selectedChoices: ["backups_automated", "backups_offsite"] });
  await ws.updateAnswer(workloadId, lensAlias, "scaling", { selectedChoices: ["scaling_no"] });
  await ws.createMilestone(workloadId, "On 1.0");

  const already = await rejection(ws.upgradeLensReview(workloadId, lensAlias));
  assert.equal(already.kind, "Validation");
  assert.equal(already.field, "lensAlias");
  const shipped = await rejection(ws.upgradeLensReview(workloadId, "wellarchitected"));
  assert.equal(shipped.kind, "Validation");
  assert.equal(shipped.field, "lensAlias");

  await ws.importLens(secondVersion(), { lensAlias });
  await ws.createLensVersion(lensAlias, { lensVersion: "2.0" });
  const before = await ws.getLensReview(workloadId, lensAlias);
  assert.equal(before.lensVersion, "1.0");
  assert.equal(before.latestLensVersion, "2.0");
  assert.deepEqual(before.riskCounts, { UNANSWERED: 3, HIGH: 1, MEDIUM: 1, NONE: 0, NOT_APPLICABLE: 0 });

  const after = await ws.upgradeLensReview(workloadId, lensAlias);
  assert.equal(after.lensVersion, "2.0");
  assert.equal(after.latestLensVersion, "2.0");
  assert.deepEqual(after.riskCounts, { UNANSWERED: 3, HIGH: 1, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
  const backups = await ws.getAnswer(workloadId, lensAlias, "backups");
  assert.equal(backups.questionTitle, "How do you back up and restore data?");
  assert.deepEqual(backups.selectedChoices, ["backups_automated"]);
  const [row] = (await ws.listWorkloads()).filter((w) => w.workloadId === workloadId);
  assert.equal(row.riskCounts.HIGH, 1);
  assert.equal(row.riskCounts.MEDIUM, 0);
  const frozen = await ws.getLensReview(workloadId, lensAlias, { milestoneNumber: 1 });
  assert.equal(frozen.lensVersion, "1.0");
});
