// Exports through the packed package: exportReport writes every format as a file named after
// the workload (CSV and tracker files parsed back, JSON parsed, Markdown rendered), exportData
// and consolidatedReport give plain data, exportConsolidatedReport its JSON and CSV; bad
// options are Validation errors naming the option.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse as parseCsv } from "csv-parse/sync";
import { marked } from "marked";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";
const HOSTILE = "=HYPERLINK(\"http://x\") <img src=x onerror=alert(1)>";

/** A workspace with two workloads: "Shop" (a high-risk question, hostile notes) and "Blog". */
async function setUp() {
  const ws = await Workspace.open({ storage: "memory" });
  const shop = await ws.defineWorkload(workloadInput({ workloadName: "Shop / Checkout: ünï" }));
  const blog = await ws.defineWorkload(workloadInput({ workloadName: "Blog" }));
  for (const w of [shop, blog]) {
    // "None of these" in the first question: HIGH risk in both workloads.
    await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"], notes: HOSTILE });
  }
  return { ws, shop, blog };
}

const csvRows = (text) => parseCsv(text.replace(/^\uFEFF/, ""), { relax_column_count: true });

test("exportReport writes each format, named after the workload", async () => {
  const { ws, shop } = await setUp();
  const expected = {
    csv: ["shop-checkout-ünï.csv", /^text\/csv/],
    markdown: ["shop-checkout-ünï.md", /^text\/markdown/],
    json: ["shop-checkout-ünï.json", /^application\/json/],
    jira: ["shop-checkout-ünï-jira.csv", /^text\/csv/],
    github: ["shop-checkout-ünï-github-issues.json", /^application\/json/],
    "azure-devops": ["shop-checkout-ünï-azure-devops.csv", /^text\/csv/],
  };
  for (const [format, [fileName, type]] of Object.entries(expected)) {
    const file = await ws.exportReport(shop.workloadId, { format });
    assert.deepEqual(Object.keys(file).sort(), ["fileName", "mediaType", "text"], format);
    assert.equal(file.fileName, fileName);
    assert.match(file.mediaType, type);
    assert.ok(file.text.length > 0, format);
  }

  // CSV: one row per choice of every question, the hostile note neutralised.
  const csv = csvRows((await ws.exportReport(shop.workloadId, { format: "csv" })).text);
  const answers = await ws.listAnswers(shop.workloadId, FW);
  const choices = answers.reduce((n, a) => n + a.choices.length, 0);
  assert.equal(csv.length, 1 + choices);
  const noted = csv.filter((r) => r.includes(`'${HOSTILE}`));
  assert.ok(noted.length > 0, "the question's notes are there, with a leading apostrophe");
  assert.ok(csv.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell)), "no cell reads as a formula");

  // JSON: the API's shapes, indented by two spaces.
  const jsonText = (await ws.exportReport(shop.workloadId, { format: "json" })).text;
  assert.match(jsonText, /^\{\n {2}"format": "plumbline-workload-export"/);
  const doc = JSON.parse(jsonText);
  assert.equal(doc.workload.workloadId, shop.workloadId);
  assert.deepEqual(doc.lensReviews[0].lensReview.riskCounts, (await ws.getLensReview(shop.workloadId, FW)).riskCounts);
  assert.equal(doc.lensReviews[0].answers.find((a) => a.questionId === "priorities").notes, HOSTILE);
  assert.equal(doc.lensReviews[0].improvementPlan[0].questionId, "priorities");

  // Markdown: rendered, the note is text, not an element.
  const html = marked.parse((await ws.exportReport(shop.workloadId, { format: "markdown" })).text);
  assert.ok(!/<img/i.test(html), "no raw HTML survives");
  assert.match(html, /&lt;img src=x/);

  // Trackers: one ticket per plan item (one HIGH question here), GitHub issues as JSON.
  const issues = JSON.parse((await ws.exportReport(shop.workloadId, { format: "github" })).text);
  assert.equal(issues.length, 1);
  assert.match(issues[0].title, /^OPS 1 · /);
  assert.ok(issues[0].labels.includes("risk-high"));
  const mediumOnly = JSON.parse((await ws.exportReport(shop.workloadId, { format: "github", risks: ["MEDIUM"] })).text);
  assert.deepEqual(mediumOnly, []);
  const jira = csvRows((await ws.exportReport(shop.workloadId, { format: "jira" })).text);
  assert.ok(jira.length > 2, "a header, the epic and its tasks");
  const otherPillar = csvRows((await ws.exportReport(shop.workloadId, { format: "azure-devops", pillars: ["security"] })).text);
  const all = csvRows((await ws.exportReport(shop.workloadId, { format: "azure-devops" })).text);
  assert.ok(otherPillar.length < all.length, "the pillar filter drops the operational excellence item");

  // Statuses: by default only work still to do becomes a ticket; asked for, a done item too.
  await ws.updateImprovementItem(shop.workloadId, FW, "priorities", { status: "DONE", owner: "Ana" });
  assert.deepEqual(JSON.parse((await ws.exportReport(shop.workloadId, { format: "github" })).text), []);
  const done = JSON.parse((await ws.exportReport(shop.workloadId, { format: "github", statuses: ["DONE"] })).text);
  assert.equal(done.length, 1);
  assert.match(done[0].body, /Ana/);
  const refused = await rejection(ws.exportReport(shop.workloadId, { format: "github", statuses: ["FINISHED"] }));
  assert.equal(refused.kind, "Validation");
});

test("exportReport of a milestone shows the milestone, in its file name too", async () => {
  const { ws, shop } = await setUp();
  await ws.createMilestone(shop.workloadId, "Before");
  const question = (await ws.listAnswers(shop.workloadId, FW)).find((a) => a.questionId === "priorities");
  const every = question.choices.filter((c) => !c.noneOfThese).map((c) => c.choiceId);
  await ws.updateAnswer(shop.workloadId, FW, "priorities", { selectedChoices: every });
  const now = JSON.parse((await ws.exportReport(shop.workloadId, { format: "json" })).text);
  const file = await ws.exportReport(shop.workloadId, { format: "json", milestoneNumber: 1 });
  assert.equal(file.fileName, "shop-checkout-ünï-milestone-1.json");
  const then = JSON.parse(file.text);
  assert.equal(then.milestone.milestoneName, "Before");
  const risk = (d) => d.lensReviews[0].answers.find((a) => a.questionId === "priorities").risk;
  assert.equal(risk(then), "HIGH");
  assert.equal(risk(now), "NONE");
});

test("exportReport refuses a bad format, a lens not applied and a missing workload", async () => {
  const { ws, shop } = await setUp();
  for (const options of [{ format: "xlsx" }, { format: "CSV" }, {}, { format: 3 }]) {
    const err = await rejection(ws.exportReport(shop.workloadId, options));
    assert.equal(err.kind, "Validation", JSON.stringify(options));
    assert.equal(err.field, "format", JSON.stringify(options));
  }
  const lens = await rejection(ws.exportReport(shop.workloadId, { format: "csv", lensAliases: ["serverless"] }));
  assert.equal(lens.kind, "Validation");
  assert.equal(lens.field, "lensAliases");
  const unknown = await rejection(ws.exportReport(shop.workloadId, { format: "csv", colour: "red" }));
  assert.equal(unknown.kind, "Validation");
  assert.equal(unknown.field, "colour");
  const missing = await rejection(ws.exportReport("0".repeat(32), { format: "csv" }));
  assert.equal(missing.kind, "NotFound");
  const milestone = await rejection(ws.exportReport(shop.workloadId, { format: "csv", milestoneNumber: 4 }));
  assert.equal(milestone.kind, "NotFound");
});

test("exportData is the plain data the formats show", async () => {
  const { ws, shop } = await setUp();
  const data = await ws.exportData(shop.workloadId);
  assert.equal(data.workload.workloadName, "Shop / Checkout: ünï");
  assert.equal(data.milestone, undefined);
  assert.deepEqual(data.riskCounts, (await ws.getWorkload(shop.workloadId)).riskCounts);
  const [lens] = data.lenses;
  assert.equal(lens.review.lensAlias, FW);
  assert.equal(lens.answers.length, shop.questionCount);
  const q = lens.pillars[0].questions[0];
  assert.equal(q.number, "OPS 1");
  assert.equal(q.risk, "HIGH");
  assert.equal(q.notes, HOSTILE);
  const none = q.practices.find((p) => p.noneOfThese);
  assert.equal(none.status, "SELECTED");
  assert.equal(none.impact, undefined, "None of these has no impact");
  assert.ok(q.practices.filter((p) => !p.noneOfThese).every((p) => ["HIGH", "MEDIUM", "NONE"].includes(p.impact)));
  assert.deepEqual(lens.plan.map((i) => i.questionId), ["priorities"]);
  const err = await rejection(ws.exportData(shop.workloadId, { format: "csv" }));
  assert.equal(err.field, "format");
});

test("consolidatedReport and its files: every workload, shared improvements", async () => {
  const { ws, shop, blog } = await setUp();
  const report = await ws.consolidatedReport();
  assert.deepEqual(report.workloads.map((w) => w.workloadName), ["Blog", "Shop / Checkout: ünï"]);
  assert.equal(report.lensAlias, undefined);
  const [item] = report.improvements;
  assert.equal(item.questionId, "priorities");
  assert.equal(item.questionNumber, "OPS 1");
  assert.equal(item.workloadCount, 2);
  assert.deepEqual(item.workloadIds, [blog.workloadId, shop.workloadId]);
  assert.equal(report.workloads[1].lenses[0].pillars[0].riskCounts.HIGH, 1);

  const byLens = await ws.consolidatedReport({ lensAlias: "serverless" });
  assert.deepEqual(byLens.workloads, [], "no workload uses the serverless lens");
  assert.equal(byLens.lensAlias, "serverless");

  const json = await ws.exportConsolidatedReport({ format: "json" });
  assert.equal(json.fileName, "consolidated-report.json");
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, "plumbline-consolidated-report");
  assert.deepEqual(doc.workloads, report.workloads);
  const csv = await ws.exportConsolidatedReport({ format: "csv", lensAlias: FW });
  assert.equal(csv.fileName, "consolidated-report-wellarchitected.csv");
  const rows = csvRows(csv.text);
  assert.equal(rows[0][0], "Workload");
  assert.ok(rows.some((r) => r[0] === "Blog"));

  for (const [call, options] of [
    [(o) => ws.exportConsolidatedReport(o), { format: "pdf" }],
    [(o) => ws.exportConsolidatedReport(o), {}],
    [(o) => ws.consolidatedReport(o), { format: "json" }],
  ]) {
    const err = await rejection(call(options));
    assert.equal(err.kind, "Validation");
    assert.equal(err.field, "format");
  }
});

test("exportAnswers with includeNotes carries the notes; importAnswers reads them back", async () => {
  const { ws, shop, blog } = await setUp();
  const plain = JSON.parse(await ws.exportAnswers(shop.workloadId, FW));
  assert.equal(plain.AnswerSummaries[0].Notes, undefined, "the ListAnswers file is as it was");
  const text = await ws.exportAnswers(shop.workloadId, FW, { includeNotes: true });
  const doc = JSON.parse(text);
  assert.equal(doc.AnswerSummaries[0].Notes, HOSTILE);
  await ws.updateAnswer(blog.workloadId, FW, "priorities", { notes: "" });
  await ws.importAnswers(blog.workloadId, FW, text);
  assert.equal((await ws.getAnswer(blog.workloadId, FW, "priorities")).notes, HOSTILE);
  const err = await rejection(ws.exportAnswers(shop.workloadId, FW, { includeNotes: "yes" }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "includeNotes");
});
