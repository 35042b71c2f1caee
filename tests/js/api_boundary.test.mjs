// The edges of the JS API in Node (memory storage), imported by name: concurrent calls on one
// Workspace, getMilestone's number, objects used after free()/[Symbol.dispose], arguments that
// throw while being read, and bad input to every method — every error an Error with a `kind`
// from the closed set the declarations document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Lens, Workspace } from "plumbline-review";
import { nodeStorage } from "./pouch-store.mjs";
import { rejection, workloadInput } from "./support.mjs";

const FW = "wellarchitected";

/** The `ErrorKind` union of the package's own declarations. */
const KINDS = (() => {
  // The declarations are not an export of the package: find them next to its manifest.
  const manifest = createRequire(import.meta.url).resolve("plumbline-review/package.json");
  const declarations = new URL("plumbline.d.ts", `file://${manifest}`);
  const union = readFileSync(declarations, "utf8").match(/export type ErrorKind =([^;]+);/);
  assert.ok(union, "plumbline.d.ts declares ErrorKind");
  return new Set([...union[1].matchAll(/"(\w+)"/g)].map((m) => m[1]));
})();

/** What `f` threw or rejected with (failing if it did neither). */
async function failure(f) {
  try {
    await f();
  } catch (e) {
    return e;
  }
  assert.fail(`expected ${f} to fail`);
}

function assertKind(err, label) {
  assert.ok(err instanceof Error, `${label}: an Error, got ${err}`);
  assert.equal(typeof err.kind, "string", `${label}: kind is a string (${err.message})`);
  assert.ok(KINDS.has(err.kind), `${label}: kind ${err.kind} is one of ${[...KINDS]}`);
}

test("the documented kinds include Disposed", () => {
  for (const kind of ["Validation", "LensInvalid", "NotFound", "Conflict", "Disposed", "Internal"]) {
    assert.ok(KINDS.has(kind), kind);
  }
});

test("50 concurrent updateAnswer calls on one workspace all succeed; counts match the answers", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload(workloadInput());
  const lens = Lens.builtin(FW);
  const answers = lens
    .toJSON()
    .pillars.flatMap((p) => p.questions)
    .slice(0, 50)
    .map((q, i) => ({ questionId: q.id, selectedChoices: [q.choices[i % 2 ? q.choices.length - 1 : 0].id] }));
  const results = await Promise.allSettled(
    answers.map((a) => ws.updateAnswer(workloadId, FW, a.questionId, { selectedChoices: a.selectedChoices })),
  );
  assert.deepEqual(results.filter((r) => r.status === "rejected").map((r) => r.reason.message), []);
  const expected = lens.evaluate(answers).riskCounts;
  assert.deepEqual((await ws.getLensReview(workloadId, FW)).riskCounts, expected);
  const [summary] = await ws.listWorkloads();
  assert.deepEqual(summary.riskCounts, expected);
  assert.equal(summary.questionsAnswered, 50);
});

test("calls on one workspace settle in call order, and a failing one does not stall the rest", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload(workloadInput());
  const order = [];
  const track = (label, promise) =>
    promise.then(
      (v) => (order.push(label), v),
      (e) => (order.push(label), e),
    );
  const calls = [
    track("update A", ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] })),
    track("read A", ws.getAnswer(workloadId, FW, "priorities")),
    track("bad", ws.updateAnswer(workloadId, FW, "no-such-question", {})),
    track("lens", ws.lens(FW)),
    track("update B", ws.updateAnswer(workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_no"] })),
    track("read B", ws.getAnswer(workloadId, FW, "priorities")),
  ];
  const [, readA, bad, , , readB] = await Promise.all(calls);
  assert.deepEqual(order, ["update A", "read A", "bad", "lens", "update B", "read B"]);
  assert.deepEqual(readA.selectedChoices, ["ops_priorities_ext_cust_needs"]);
  assertKind(bad, "bad question");
  assert.deepEqual(readB.selectedChoices, ["ops_priorities_no"]);
});

test("getMilestone refuses a number that is not a whole number from 1 to 100", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId } = await ws.defineWorkload(workloadInput());
  await ws.createMilestone(workloadId, "First review");
  // Each of these read milestone 1 before (wasm-bindgen wrapped or truncated them).
  for (const n of [4294967297, -4294967295, 1.9, "1", 0, 101, NaN, Infinity, null, undefined]) {
    const err = await rejection(ws.getMilestone(workloadId, n));
    assertKind(err, String(n));
    assert.equal(err.kind, "Validation", String(n));
    assert.equal(err.field, "milestoneNumber", String(n));
    assert.match(err.message, /whole number from 1 to 100/);
  }
  assert.equal((await ws.getMilestone(workloadId, 1)).milestoneName, "First review");
  assert.equal((await rejection(ws.getMilestone(workloadId, 2))).kind, "NotFound");
});

test("a freed Workspace or Lens throws kind Disposed from every method; disposing twice is harmless", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  ws.free();
  for (const call of [() => ws.listWorkloads(), () => ws.getWorkload("x"), () => ws.storage, () => ws.lens(FW), () => ws.close()]) {
    const err = await failure(call);
    assertKind(err, String(call));
    assert.equal(err.kind, "Disposed");
    assert.match(err.message, /Workspace was disposed/);
  }
  ws.free();
  ws[Symbol.dispose]();

  const other = await Workspace.open({ storage: "memory" });
  other[Symbol.dispose]();
  assert.equal((await failure(() => other.dashboard())).kind, "Disposed");

  const lens = Lens.builtin("serverless");
  lens[Symbol.dispose]();
  for (const call of [() => lens.name, () => lens.toJSON(), () => lens.evaluate([]), () => lens.explain({})]) {
    const err = await failure(call);
    assert.equal(err.kind, "Disposed", String(call));
    assert.match(err.message, /Lens was disposed/);
  }
  lens.free();
  // Other objects are untouched.
  assert.equal(Lens.builtin("serverless").name.length > 0, true);
  assert.equal((await Workspace.open({ storage: "memory" })).storage, nodeStorage());
});

test("an argument whose getter throws is a Validation error naming the argument, with the message", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const boom = {
    get workloadName() {
      throw new Error("boom");
    },
  };
  const err = await rejection(ws.defineWorkload(boom));
  assertKind(err, "defineWorkload");
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "workload");
  assert.match(err.message, /boom/);

  const lens = Lens.builtin("serverless");
  const answers = [{ get questionId() { throw new Error("bang"); } }];
  const evaluated = await failure(() => lens.evaluate(answers));
  assert.equal(evaluated.kind, "Validation");
  assert.equal(evaluated.field, "answers");
  assert.match(evaluated.message, /bang/);
  // The lens still works after the refused call.
  assert.equal(typeof lens.evaluate([]).riskCounts.HIGH, "number");

  const options = await rejection(ws.getLensReview("0".repeat(32), FW, { get milestoneNumber() { throw new Error("pow"); } }));
  assert.equal(options.field, "options");
  assert.match(options.message, /pow/);
});

test("every Workspace and Lens method refuses bad input with an Error of a documented kind", async (t) => {
  const ws = await Workspace.open({ storage: "memory" });
  const { workloadId: id } = await ws.defineWorkload(workloadInput());
  const lens = Lens.builtin("serverless");
  const throwing = { get x() { throw new Error("boom"); }, toJSON() { throw new Error("boom"); } };
  // One or more bad calls per method; a method missing here fails the coverage check below.
  const workspaceCases = {
    defineWorkload: [() => ws.defineWorkload(42), () => ws.defineWorkload(throwing), () => ws.defineWorkload({})],
    getWorkload: [() => ws.getWorkload("nope"), () => ws.getWorkload("f".repeat(32)), () => ws.getWorkload(42), () => ws.getWorkload(null), () => ws.getWorkload()],
    updateWorkload: [() => ws.updateWorkload(id, { environment: "MARS" }), () => ws.updateWorkload(id, { expectedRevision: "1-x" })],
    deleteWorkload: [() => ws.deleteWorkload("nope")],
    associateLenses: [() => ws.associateLenses(id, "serverless"), () => ws.associateLenses(id, ["no-such-lens"])],
    disassociateLenses: [() => ws.disassociateLenses(id, [5]), () => ws.disassociateLenses(id, [FW])],
    updateAnswer: [() => ws.updateAnswer(id, FW, "priorities", { selectedChoices: "x" }), () => ws.updateAnswer(id, "nope", "q", {}), () => ws.updateAnswer(id, FW, { id: 1 }, {})],
    getAnswer: [() => ws.getAnswer(id, FW, "priorities", { milestoneNumber: 1.5 }), () => ws.getAnswer(id, FW, "nope")],
    listAnswers: [() => ws.listAnswers(id, FW, { bogus: 1 })],
    getLensReview: [() => ws.getLensReview(id, FW, { milestoneNumber: "1" }), () => ws.getLensReview(id, FW, throwing)],
    updateLensReview: [() => ws.updateLensReview(id, FW, { lensNotes: 5 })],
    upgradeLensReview: [() => ws.upgradeLensReview(id, FW)],
    improvementPlan: [() => ws.improvementPlan(id, FW, { milestoneNumber: -1 }), () => ws.improvementPlan(id, FW, { risks: "HIGH" })],
    updateImprovementItem: [() => ws.updateImprovementItem(id, FW, "priorities", { status: "LATER" }), () => ws.updateImprovementItem(id, FW, "priorities", { owner: 5 }), () => ws.updateImprovementItem(id, FW, "nope", {}), () => ws.updateImprovementItem(id, FW, "priorities", throwing)],
    createMilestone: [() => ws.createMilestone(id, 5), () => ws.createMilestone(id, "x")],
    listMilestones: [() => ws.listMilestones("nope")],
    getMilestone: [() => ws.getMilestone(id, 4294967297), () => ws.getMilestone(id, 7)],
    dashboard: [() => ws.dashboard({ pillars: 5 }), () => ws.dashboard(throwing)],
    compareMilestones: [() => ws.compareMilestones(id, { from: "a" }), () => ws.compareMilestones(id, { from: 9 })],
    exportAnswers: [() => ws.exportAnswers(id, FW, { milestoneNumber: 0.5 }), () => ws.exportAnswers(id, FW, { includeNotes: 1 })],
    exportReport: [() => ws.exportReport(id, { format: "pdf" }), () => ws.exportReport(id), () => ws.exportReport(5, { format: "csv" }), () => ws.exportReport(id, throwing)],
    exportData: [() => ws.exportData(id, { lensAliases: "x" }), () => ws.exportData("nope")],
    consolidatedReport: [() => ws.consolidatedReport({ lensAlias: 5 }), () => ws.consolidatedReport(throwing)],
    exportConsolidatedReport: [() => ws.exportConsolidatedReport({ format: "xml" }), () => ws.exportConsolidatedReport()],
    importAnswers: [() => ws.importAnswers(id, FW, {}), () => ws.importAnswers(id, FW, "{")],
    importLens: [() => ws.importLens(5), () => ws.importLens("{}", { lensAlias: 5 })],
    createLensVersion: [() => ws.createLensVersion("nope", { lensVersion: 5 }), () => ws.createLensVersion("nope", { lensVersion: "v1" })],
    exportLens: [() => ws.exportLens("nope", { lensVersion: 5 }), () => ws.exportLens("nope")],
    deleteLens: [() => ws.deleteLens("nope")],
    lens: [() => ws.lens("nope"), () => ws.lens(FW, { lensVersion: 5 })],
    exportRawWorkload: [() => ws.exportRawWorkload("nope"), () => ws.exportRawWorkload("f".repeat(32))],
    repairWorkload: [() => ws.repairWorkload("nope"), () => ws.repairWorkload("f".repeat(32))],
    refreshWorkload: [() => ws.refreshWorkload("nope"), () => ws.refreshWorkload("f".repeat(32))],
    exportWorkspace: [],
    createProfile: [() => ws.createProfile(5), () => ws.createProfile({ profileName: "x" }), () => ws.createProfile(throwing)],
    updateProfile: [() => ws.updateProfile("nope", {}), () => ws.updateProfile("f".repeat(32), {}), () => ws.updateProfile("f".repeat(32), { tags: 5 })],
    getProfile: [() => ws.getProfile("nope"), () => ws.getProfile("f".repeat(32)), () => ws.getProfile(5)],
    deleteProfile: [() => ws.deleteProfile("nope"), () => ws.deleteProfile("f".repeat(32))],
    associateProfile: [() => ws.associateProfile(id, "f".repeat(32)), () => ws.associateProfile("nope", "nope")],
    disassociateProfile: [() => ws.disassociateProfile("nope"), () => ws.disassociateProfile(5)],
    upgradeProfileVersion: [() => ws.upgradeProfileVersion(id), () => ws.upgradeProfileVersion(id, { milestone: "x" })],
    prioritizedQuestions: [() => ws.prioritizedQuestions("nope"), () => ws.prioritizedQuestions("f".repeat(32))],
    dismissNotification: [() => ws.dismissNotification("nope"), () => ws.dismissNotification(5)],
    tagLens: [() => ws.tagLens(FW, {}), () => ws.tagLens("nope", { a: 5 })],
    importWorkspace: [() => ws.importWorkspace(5), () => ws.importWorkspace("{"), () => ws.importWorkspace("{}", { mode: "now" })],
    createReviewTemplate: [() => ws.createReviewTemplate({ templateName: "x" }), () => ws.createReviewTemplate(throwing), () => ws.createReviewTemplate({ lenses: "x" })],
    getReviewTemplate: [() => ws.getReviewTemplate("f".repeat(32)), () => ws.getReviewTemplate(5)],
    updateReviewTemplate: [() => ws.updateReviewTemplate("f".repeat(32), {}), () => ws.updateReviewTemplate("nope", { templateName: 5 })],
    deleteReviewTemplate: [() => ws.deleteReviewTemplate("nope")],
    updateReviewTemplateAnswer: [() => ws.updateReviewTemplateAnswer("f".repeat(32), FW, "priorities", {}), () => ws.updateReviewTemplateAnswer(id, FW, "priorities", { selectedChoices: "x" })],
    listReviewTemplateAnswers: [() => ws.listReviewTemplateAnswers("f".repeat(32), FW), () => ws.listReviewTemplateAnswers(5, FW)],
    getReviewTemplateLensReview: [() => ws.getReviewTemplateLensReview(id, FW)],
    updateReviewTemplateLensReview: [() => ws.updateReviewTemplateLensReview(id, FW, { lensNotes: 5 })],
    reviewTemplateUpdate: [() => ws.reviewTemplateUpdate(id), () => ws.reviewTemplateUpdate("nope")],
    updateFromReviewTemplate: [() => ws.updateFromReviewTemplate(id, { resolutions: { x: "MAYBE" } }), () => ws.updateFromReviewTemplate(id)],
    exportReviewTemplate: [() => ws.exportReviewTemplate("f".repeat(32))],
    importReviewTemplate: [() => ws.importReviewTemplate(5), () => ws.importReviewTemplate("{"), () => ws.importReviewTemplate("{}", { templateName: 5 })],
  };
  // Methods that take no input cannot be given a bad one.
  const noInput = new Set(["constructor", "free", "close", "storage", "listWorkloads", "lenses", "damagedRecords", "damagedWorkloads", "damagedLenses",
    "listProfiles", "listNotifications", "getProfileTemplate", "listReviewTemplates", "reviewTemplateUpdates"]);
  const lensCases = {
    toJSON: [],
    evaluate: [() => lens.evaluate("x"), () => lens.evaluate([{ questionId: 5 }]), () => lens.evaluate({ AnswerSummaries: 5 })],
    explain: [() => lens.explain({}), () => lens.explain({ questionId: "nope" })],
    improvementPlan: [() => lens.improvementPlan([], { risks: "x" }), () => lens.improvementPlan(5)],
  };
  const staticCases = [
    () => Lens.parse("{"),
    () => Lens.parse(5),
    () => Lens.lint(5),
    () => Lens.lint("{}", { strict: "yes" }),
    () => Lens.builtin("nope"),
    () => Lens.builtin(null),
    () => Lens.builtin(7),
    () => Workspace.open({ storage: "floppy" }),
    () => Workspace.open({ name: "" }),
    () => Workspace.open(throwing),
  ];

  const own = (proto) => Reflect.ownKeys(proto).filter((k) => typeof k === "string" && !k.startsWith("__"));
  const uncovered = own(Workspace.prototype).filter((k) => !(k in workspaceCases) && !noInput.has(k));
  assert.deepEqual(uncovered, [], "every Workspace method has bad-input cases");
  const lensUncovered = own(Lens.prototype).filter((k) => !(k in lensCases) && !["constructor", "free", "name", "description"].includes(k));
  assert.deepEqual(lensUncovered, [], "every Lens method has bad-input cases");

  const all = [
    ...Object.entries(workspaceCases).flatMap(([m, cases]) => cases.map((c) => [`Workspace.${m}`, c])),
    ...Object.entries(lensCases).flatMap(([m, cases]) => cases.map((c) => [`Lens.${m}`, c])),
    ...staticCases.map((c) => ["static", c]),
  ];
  for (const [label, call] of all) {
    await t.test(`${label}: ${call}`, async () => assertKind(await failure(call), label));
  }
});
