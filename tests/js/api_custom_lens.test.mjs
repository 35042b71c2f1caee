// Custom lenses through the packed package in Node (memory storage): import a draft with an
// error, publish refused, fix and publish, define a workload with the lens, answer, and read
// the lens review's risk counts; export and delete.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Lens, Workspace } from "plumbline";
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
