// Review templates through the packed package: create and answer one, define workloads from
// it (provenance on each copied answer), Update from template with a conflict to choose, the
// notices, deleting a template in use, and template files in and out.
import test from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";
const PRI = ["ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs"];
const OPS = ["ops_ops_model_def_resource_owners", "ops_ops_model_def_proc_owners"];

async function withTemplate() {
  const ws = await Workspace.open({ storage: "memory" });
  const t = await ws.createReviewTemplate({
    templateName: "Retail baseline",
    description: "Answers every retail team starts from",
    tags: { team: "platform" },
    lenses: ["serverless"],
  });
  await ws.updateReviewTemplateAnswer(t.templateId, FW, "priorities", { selectedChoices: [PRI[0]] });
  await ws.updateReviewTemplateAnswer(t.templateId, FW, "ops-model", { selectedChoices: [OPS[0]] });
  await ws.updateReviewTemplateLensReview(t.templateId, FW, { lensNotes: "agreed with platform" });
  return { ws, templateId: t.templateId };
}

test("a template is answered like a review and counts questions, not risks", async () => {
  const { ws, templateId } = await withTemplate();
  const t = await ws.getReviewTemplate(templateId);
  assert.deepEqual(t.lenses, [FW, "serverless"]);
  assert.equal(t.templateVersion, 4);
  assert.equal(t.questionCounts.ANSWERED, 2);
  assert.deepEqual(t.tags, { team: "platform" });
  const review = await ws.getReviewTemplateLensReview(templateId, FW);
  assert.equal(review.notes, "agreed with platform");
  assert.equal(review.riskCounts, undefined);
  assert.equal(review.questionCounts.ANSWERED, 2);
  const answers = await ws.listReviewTemplateAnswers(templateId, FW);
  assert.equal(answers[0].answerStatus, "ANSWERED");
  assert.equal(answers[0].risk, undefined);
  const err = await rejection(ws.createReviewTemplate({ templateName: "retail  BASELINE", description: "again" }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "templateName");
  const framework = await rejection(ws.updateReviewTemplate(templateId, { lensesToDisassociate: [FW] }));
  assert.equal(framework.field, "lensAliases");
});

test("workloads from a template carry provenance and update without silent overwrites", async () => {
  const { ws, templateId } = await withTemplate();
  const a = await ws.defineWorkload(workloadInput({ workloadName: "Shop A", reviewTemplateIds: [templateId] }));
  const b = await ws.defineWorkload(workloadInput({ workloadName: "Shop B", reviewTemplateIds: [templateId] }));
  assert.equal(a.reviewTemplate.templateId, templateId);
  const copied = await ws.getAnswer(a.workloadId, FW, "priorities");
  assert.deepEqual(copied.fromTemplate, { templateId, templateVersion: 4 });
  // The team of A changes one answer; then the template changes both.
  const ours = await ws.updateAnswer(a.workloadId, FW, "ops-model", { selectedChoices: [OPS[1]] });
  assert.equal(ours.fromTemplate, undefined);
  await ws.updateReviewTemplateAnswer(templateId, FW, "priorities", { selectedChoices: PRI });
  await ws.updateReviewTemplateAnswer(templateId, FW, "ops-model", { selectedChoices: OPS });
  const notices = await ws.reviewTemplateUpdates();
  assert.deepEqual(notices.map((n) => n.workloadName).sort(), ["Shop A", "Shop B"]);
  const proposal = await ws.reviewTemplateUpdate(a.workloadId);
  assert.deepEqual(proposal.updates.map((q) => q.questionId), ["priorities"]);
  assert.deepEqual(proposal.conflicts.map((q) => q.key), [`${FW}/ops-model`]);
  const unresolved = await rejection(ws.updateFromReviewTemplate(a.workloadId));
  assert.equal(unresolved.field, "resolutions");
  assert.deepEqual((await ws.getAnswer(a.workloadId, FW, "priorities")).selectedChoices, [PRI[0]]);
  await ws.updateFromReviewTemplate(a.workloadId, { resolutions: { [`${FW}/ops-model`]: "KEEP_WORKLOAD" } });
  assert.deepEqual((await ws.getAnswer(a.workloadId, FW, "priorities")).selectedChoices, PRI);
  assert.deepEqual((await ws.getAnswer(a.workloadId, FW, "ops-model")).selectedChoices, [OPS[1]]);
  assert.deepEqual((await ws.reviewTemplateUpdates()).map((n) => n.workloadId), [b.workloadId]);
  // Deleting the template says who used it; the workloads keep their data.
  const users = await ws.deleteReviewTemplate(templateId);
  assert.deepEqual(users.map((u) => u.workloadName).sort(), ["Shop A", "Shop B"]);
  const after = await ws.getWorkload(b.workloadId);
  assert.equal(after.reviewTemplate.deleted, true);
  assert.equal(after.questionsAnswered, 2);
  assert.deepEqual(await ws.listReviewTemplates(), []);
});

test("a template file round trips and a bad one is refused with its path", async () => {
  const { ws, templateId } = await withTemplate();
  const text = await ws.exportReviewTemplate(templateId);
  assert.equal(JSON.parse(text).format, "plumbline-review-template");
  const other = await Workspace.open({ storage: "memory" });
  const imported = await other.importReviewTemplate(text);
  assert.equal(imported.templateName, "Retail baseline");
  assert.equal(imported.questionCounts.ANSWERED, 2);
  const bad = JSON.parse(text);
  bad.answers[0].selectedChoices = ["not_a_choice"];
  const err = await rejection(other.importReviewTemplate(JSON.stringify(bad), { templateName: "Other one" }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.path, "$.answers[0]");
  assert.equal((await other.listReviewTemplates()).length, 1);
});

test("a backup carries templates, described by the shipped schema, and restores them", async () => {
  const { ws, templateId } = await withTemplate();
  const text = await ws.exportWorkspace();
  const file = JSON.parse(text);
  const { createRequire } = await import("node:module");
  const schema = createRequire(import.meta.url)("plumbline-review/backup.schema.json");
  assert.ok("reviewTemplates" in schema.properties);
  for (const key of schema.$defs.templateEntry.required) assert.ok(key in file.reviewTemplates[0], key);
  const fresh = await Workspace.open({ storage: "memory" });
  const result = await fresh.importWorkspace(text, { mode: "apply" });
  assert.equal(result.summary.reviewTemplates, 1);
  assert.deepEqual(
    await fresh.listReviewTemplateAnswers(templateId, FW),
    await ws.listReviewTemplateAnswers(templateId, FW),
  );
});
