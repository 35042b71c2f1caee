// Answers files through the packed package: exportAnswers prints AWS ListAnswers JSON,
// importAnswers applies it to another workload (same risks), and a bad file is refused with
// kind "Validation", field "answers" and the JSON path, changing nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";
const namedWorkload = (workloadName) => workloadInput({ workloadName, environment: "PRODUCTION" });

test("export → import into another workload → the same risks", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const source = await ws.defineWorkload(namedWorkload("Source"));
  const target = await ws.defineWorkload(namedWorkload("Target"));
  await ws.updateAnswer(source.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await ws.updateAnswer(source.workloadId, FW, "ops-model", { isApplicable: false, reason: "OUT_OF_SCOPE" });
  const text = await ws.exportAnswers(source.workloadId, FW);
  assert.equal(typeof text, "string");
  const doc = JSON.parse(text);
  assert.equal(doc.WorkloadId, source.workloadId);
  assert.equal(doc.LensAlias, FW);
  assert.equal(doc.AnswerSummaries.length, source.questionCount);
  const first = doc.AnswerSummaries[0];
  assert.deepEqual(Object.keys(first).sort(),
    ["ChoiceAnswerSummaries", "IsApplicable", "PillarId", "QuestionId", "QuestionTitle", "Risk", "SelectedChoices"]);
  assert.deepEqual(first.SelectedChoices, ["ops_priorities_ext_cust_needs"]);

  const summary = await ws.importAnswers(target.workloadId, FW, text);
  assert.equal(summary.lensAlias, FW);
  assert.equal(summary.questionsInFile, source.questionCount);
  assert.equal(summary.questionsUpdated, 2);
  const risks = async (id) => (await ws.listAnswers(id, FW)).map((a) => [a.questionId, a.risk]);
  assert.deepEqual(await risks(target.workloadId), await risks(source.workloadId));
  assert.deepEqual(summary.riskCounts, (await ws.getLensReview(target.workloadId, FW)).riskCounts);
});

test("a bad file is a Validation error with the JSON path; nothing changes", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const w = await ws.defineWorkload(namedWorkload("Target"));
  const before = await ws.exportAnswers(w.workloadId, FW);
  const bad = JSON.stringify({ AnswerSummaries: [
    { QuestionId: "priorities", SelectedChoices: ["ops_priorities_ext_cust_needs"] },
    { QuestionId: "ops-model", SelectedChoices: ["not_a_choice"] },
  ] });
  const err = await rejection(ws.importAnswers(w.workloadId, FW, bad));
  assert.ok(err instanceof Error);
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "answers");
  assert.equal(err.path, "AnswerSummaries[1].SelectedChoices[0]");
  assert.match(err.message, /not_a_choice/);
  assert.equal(await ws.exportAnswers(w.workloadId, FW), before, "the first answer was not applied either");

  const syntax = await rejection(ws.importAnswers(w.workloadId, FW, "{\n  \"AnswerSummaries\": [\n"));
  assert.equal(syntax.kind, "Validation");
  assert.equal(typeof syntax.line, "number");
  const notText = await rejection(ws.importAnswers(w.workloadId, FW, 42));
  assert.equal(notText.field, "text");
  const missing = await rejection(ws.exportAnswers("0".repeat(32), FW));
  assert.equal(missing.kind, "NotFound");
});
