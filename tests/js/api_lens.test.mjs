// The Lens API of the npm package, imported by name as an application would:
// Lens.parse / Lens.lint / Lens.builtin, lens.evaluate (camelCase answers and the AWS
// ListAnswers export), lens.improvementPlan, toJSON, and the errors thrown (real Errors with
// `kind` and `diagnostics`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Lens, Workspace, version } from "plumbline-review";

/**
 * The test lens shared with the Rust and end-to-end tests: pillar "ops" (questions "deploy" and
 * "monitor"), pillar "sec" (question "access"), rules at every level.
 */
const LENS = JSON.parse(readFileSync(new URL("../fixtures/test-lens.json", import.meta.url), "utf8"));
const TEXT = JSON.stringify(LENS, null, 2);
const ZERO = { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
const counts = (partial) => ({ ...ZERO, ...partial });

/** Runs `fn`, returns what it threw (failing if it did not throw). */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected a throw");
}

test("version() is the package version", () => {
  const manifest = JSON.parse(
    readFileSync(new URL(import.meta.resolve("plumbline-review/package.json")), "utf8"),
  );
  assert.equal(version(), manifest.version);
});

test("parse reads a valid lens; name, description and toJSON give its content", () => {
  const lens = Lens.parse(TEXT);
  assert.equal(lens.name, "Workbench Test Lens");
  assert.equal(lens.description, LENS.description);
  const model = lens.toJSON();
  assert.equal(model.schemaVersion, "2021-11-01");
  assert.deepEqual(model.pillars.map((p) => p.id), ["ops", "sec"]);
  const deploy = model.pillars[0].questions[0];
  assert.equal(deploy.title, "How do you deploy changes?");
  assert.deepEqual(deploy.helpfulResource, { displayText: "Deployment guide", url: "https://example.com/deploy" });
  assert.deepEqual(deploy.choices.map((c) => c.id), ["deploy_ci", "deploy_rollback", "deploy_no"]);
  assert.deepEqual(deploy.choices[0].improvementPlan, LENS.pillars[0].questions[0].choices[0].improvementPlan);
  // Risk rules as written, in file order.
  assert.deepEqual(deploy.riskRules, LENS.pillars[0].questions[0].riskRules);
  // Plain data: JSON.stringify keeps everything (no Map, no class instances).
  assert.deepEqual(JSON.parse(JSON.stringify(lens)), model);
});

test("parse throws a LensInvalid Error with located diagnostics", () => {
  const broken = structuredClone(LENS);
  broken.pillars[0].questions[0].riskRules[0].condition = "deploy_ci && deploy_typo";
  const err = thrown(() => Lens.parse(JSON.stringify(broken, null, 2)));
  assert.ok(err instanceof Error, "a real Error");
  assert.equal(err.kind, "LensInvalid");
  assert.match(err.message, /deploy_typo/);
  assert.ok(Array.isArray(err.diagnostics) && err.diagnostics.length >= 1);
  const d = err.diagnostics.find((x) => x.severity === "error");
  assert.equal(d.path, "pillars[0].questions[0].riskRules[0].condition");
  assert.equal(typeof d.code, "string");
  assert.ok(d.line > 1 && d.column >= 1, `located: ${d.line}:${d.column}`);
  assert.ok(err.stack, "has a stack trace");
});

test("parse of text that is not JSON throws LensInvalid with a line and column", () => {
  const err = thrown(() => Lens.parse('{\n  "name": "x",\n  oops\n}'));
  assert.equal(err.kind, "LensInvalid");
  assert.equal(err.diagnostics[0].line, 3);
});

test("parse and lint of something that is not a string throw a Validation Error naming the text", () => {
  for (const call of [() => Lens.parse(42), () => Lens.lint({ pillars: [] })]) {
    const err = thrown(call);
    assert.ok(err instanceof Error);
    assert.equal(err.kind, "Validation");
    assert.equal(err.field, "text");
  }
});

test("parse, lint and importLens take the file's UTF-8 bytes (Uint8Array, Buffer) as they take its text", async () => {
  // Non-ASCII texts, so the bytes and the string differ in length and a byte/character mix-up shows.
  const accented = structuredClone(LENS);
  accented.description = "Revue “à la carte” — déploiement, sécurité";
  accented.pillars[0].questions[0].riskRules[0].condition = "deploy_ci && deploy_typo";
  const text = JSON.stringify(accented, null, 2);
  const buffer = Buffer.from("\uFEFF" + text, "utf8");
  const bytes = new Uint8Array(buffer);
  const fromText = Lens.lint("\uFEFF" + text);
  for (const given of [bytes, buffer]) {
    const report = Lens.lint(given);
    assert.deepEqual(report, fromText, "the same diagnostics, at the same lines and columns, and the same model");
    const err = thrown(() => Lens.parse(given));
    assert.equal(err.kind, "LensInvalid");
    assert.deepEqual(err.diagnostics, thrown(() => Lens.parse("\uFEFF" + text)).diagnostics);
  }
  assert.ok(fromText.diagnostics.some((d) => d.severity === "error" && d.line > 1), "the error is located");
  const valid = new TextEncoder().encode(TEXT);
  assert.deepEqual(Lens.parse(valid).toJSON(), Lens.parse(TEXT).toJSON());

  const ws = await Workspace.open({ storage: "memory" });
  const imported = await ws.importLens(valid);
  assert.equal(imported.lensName, "Workbench Test Lens");
  assert.deepEqual(imported.diagnostics.filter((d) => d.severity === "error"), []);
});

test("bytes that are not UTF-8 are refused with the offset of the first bad byte, before any reading", () => {
  const good = new TextEncoder().encode(TEXT);
  const bad = new Uint8Array(good.length + 1);
  bad.set(good.subarray(0, 40));
  bad[40] = 0xff; // never part of UTF-8
  bad.set(good.subarray(40), 41);
  for (const call of [() => Lens.parse(bad), () => Lens.lint(bad)]) {
    const err = thrown(call);
    assert.ok(err instanceof Error);
    assert.equal(err.kind, "Validation");
    assert.equal(err.field, "text");
    assert.match(err.message, /not UTF-8 text: the character at byte 40 /);
  }
  // A character cut off at the end (the first two of the three bytes of “—”).
  const cut = new Uint8Array([...new TextEncoder().encode('{"name": "x'), 0xe2, 0x80]);
  assert.match(thrown(() => Lens.parse(cut)).message, /at byte 11 /);
});

test("lint never throws: valid lens, invalid lens with a preview model, non-JSON", () => {
  const ok = Lens.lint(TEXT);
  assert.equal(ok.valid, true);
  assert.deepEqual(ok.diagnostics.filter((d) => d.severity === "error"), []);
  assert.equal(ok.model.name, "Workbench Test Lens");

  const broken = structuredClone(LENS);
  broken.pillars[1].questions[0].riskRules[1].risk = "SEVERE_RISK";
  const bad = Lens.lint(JSON.stringify(broken));
  assert.equal(bad.valid, false);
  assert.ok(bad.diagnostics.some((d) => d.severity === "error" && d.path.startsWith("pillars[1].questions[0].riskRules[1]")));

  const garbage = Lens.lint("not json at all");
  assert.equal(garbage.valid, false);
  assert.equal(garbage.model, null);
  assert.ok(garbage.diagnostics.length >= 1);
});

test("lint {strict: true}: unknown keys become errors; unknown options are refused", () => {
  const extended = JSON.stringify({ ...LENS, _version: "3" });
  const relaxed = Lens.lint(extended);
  assert.equal(relaxed.valid, true);
  assert.deepEqual(relaxed.diagnostics.map((d) => [d.severity, d.code, d.path]), [["warning", "unknown-key", "_version"]]);
  const strict = Lens.lint(extended, { strict: true });
  assert.equal(strict.valid, false);
  assert.deepEqual(strict.diagnostics.map((d) => [d.severity, d.code, d.path]), [["error", "unknown-key", "_version"]]);
  assert.equal(Lens.lint(TEXT, { strict: true }).valid, true, "a clean lens stays clean");
  assert.throws(() => Lens.lint(TEXT, { strcit: true }), (err) => err instanceof Error && err.kind === "Validation");
});

test("a byte-order mark is a warning, as in the CLI: parse accepts the lens, lint reports it", () => {
  const marked = "\uFEFF" + TEXT;
  assert.equal(Lens.parse(marked).name, "Workbench Test Lens");
  const report = Lens.lint(marked);
  assert.equal(report.valid, true);
  assert.deepEqual(
    report.diagnostics.map((d) => [d.severity, d.code, d.path, d.line, d.column]),
    [["warning", "json-byte-order-mark", "", 1, 1]],
  );
});

test("evaluate: risk per question in lens order, per pillar, for the lens", () => {
  const lens = Lens.parse(TEXT);
  const result = lens.evaluate([
    { questionId: "deploy", selectedChoices: ["deploy_ci"] },
    { questionId: "access", selectedChoices: ["access_no"] },
  ]);
  assert.deepEqual(result.questions, [
    { questionId: "deploy", pillarId: "ops", risk: "MEDIUM" },
    { questionId: "monitor", pillarId: "ops", risk: "UNANSWERED" },
    { questionId: "access", pillarId: "sec", risk: "HIGH" },
  ]);
  assert.deepEqual(result.pillars, [
    { pillarId: "ops", riskCounts: counts({ MEDIUM: 1, UNANSWERED: 1 }) },
    { pillarId: "sec", riskCounts: counts({ HIGH: 1 }) },
  ]);
  assert.deepEqual(result.riskCounts, counts({ HIGH: 1, MEDIUM: 1, UNANSWERED: 1 }));
});

test("evaluate: not applicable questions and waived best practices", () => {
  const lens = Lens.parse(TEXT);
  const result = lens.evaluate([
    // A best practice marked not applicable counts as met.
    {
      questionId: "deploy",
      selectedChoices: ["deploy_ci"],
      choiceAnswers: [{ choiceId: "deploy_rollback", status: "NOT_APPLICABLE", reason: "ARCHITECTURE_CONSTRAINTS" }],
    },
    { questionId: "monitor", isApplicable: false, reason: "OUT_OF_SCOPE" },
    { questionId: "access", selectedChoices: ["access_mfa", "access_least"] },
  ]);
  assert.deepEqual(result.questions.map((q) => q.risk), ["NONE", "NOT_APPLICABLE", "NONE"]);
  assert.deepEqual(result.riskCounts, counts({ NONE: 2, NOT_APPLICABLE: 1 }));
});

test("evaluate accepts the AWS ListAnswers export (PascalCase) as it comes", () => {
  const lens = Lens.parse(TEXT);
  const exported = {
    AnswerSummaries: [
      {
        QuestionId: "deploy",
        PillarId: "ops",
        QuestionTitle: "How do you deploy changes?",
        SelectedChoices: ["deploy_ci"],
        ChoiceAnswerSummaries: [{ ChoiceId: "deploy_ci", Status: "SELECTED" }],
        IsApplicable: true,
        Risk: "MEDIUM",
      },
      { QuestionId: "monitor", PillarId: "ops", SelectedChoices: ["monitor_metrics"] },
    ],
    LensAlias: "arn:aws:wellarchitected:us-east-1:123456789012:lens/abc",
    NextToken: null,
  };
  const result = lens.evaluate(exported);
  assert.deepEqual(result.questions.map((q) => q.risk), ["MEDIUM", "NONE", "UNANSWERED"]);
});

test("evaluate gives the same result, key order included, for answers as an array and as the AWS export", () => {
  // An array of plain answers takes the engine's fast path; the AWS export is read as JSON.
  const lens = Lens.builtin("wellarchitected");
  const questions = lens.toJSON().pillars.flatMap((p) => p.questions);
  const statuses = ["SELECTED", "NOT_APPLICABLE", "UNSELECTED"];
  for (let i = 0; i < 300; i++) {
    const answers = [];
    for (let k = 0; k < i % 30; k++) {
      const q = questions[(i * 7 + k * 13) % questions.length];
      const ids = q.choices.map((c) => c.id);
      answers.push({
        questionId: k % 11 === 5 ? "not-a-question" : q.id,
        selectedChoices: ids.filter((_, j) => (i + j + k) % 3 === 0),
        choiceAnswers: ids
          .filter((_, j) => (i + j) % 5 === 0)
          .map((choiceId, j) => ({ choiceId, status: statuses[(i + j) % 3], reason: j % 2 ? "OTHER" : undefined })),
        isApplicable: (i + k) % 9 !== 0,
        notes: k % 2 ? "a note" : null,
      });
    }
    const aws = {
      AnswerSummaries: answers.map((a) => ({
        QuestionId: a.questionId,
        SelectedChoices: a.selectedChoices,
        ChoiceAnswerSummaries: a.choiceAnswers.map((c) => ({ ChoiceId: c.choiceId, Status: c.status, Reason: c.reason })),
        IsApplicable: a.isApplicable,
      })),
    };
    assert.equal(JSON.stringify(lens.evaluate(answers)), JSON.stringify(lens.evaluate(aws)), `answer set ${i}`);
  }
});

test("evaluate rejects answers of the wrong shape with a Validation Error", () => {
  const lens = Lens.parse(TEXT);
  const err = thrown(() => lens.evaluate("nope"));
  assert.ok(err instanceof Error);
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "answers");
  for (const bad of [[{ questionId: 7 }], [null], [{ questionId: "deploy", selectedChoices: null }],
    [{ questionId: "deploy", choiceAnswers: [{ choiceId: "deploy_ci", status: "DONE" }] }]]) {
    const e = thrown(() => lens.evaluate(bad));
    assert.ok(e instanceof Error, JSON.stringify(bad));
    assert.equal(e.kind, "Validation");
    assert.equal(e.field, "answers");
  }
  const err2 = thrown(() => lens.evaluate({ AnswerSummaries: [{ QuestionId: 7 }] }));
  assert.equal(err2.kind, "Validation");
  assert.match(err2.path, /AnswerSummaries\[0\]/);
});

test("improvementPlan: HIGH before MEDIUM, pillar priority, best practices with their plans", () => {
  const lens = Lens.parse(TEXT);
  const answers = [
    { questionId: "deploy", selectedChoices: ["deploy_no"] }, // HIGH
    { questionId: "monitor", selectedChoices: ["monitor_no"] }, // MEDIUM
    { questionId: "access", selectedChoices: ["access_mfa"] }, // MEDIUM
  ];
  const plan = lens.improvementPlan(answers);
  assert.deepEqual(plan.map((i) => [i.questionId, i.risk]), [
    ["deploy", "HIGH"],
    ["monitor", "MEDIUM"],
    ["access", "MEDIUM"],
  ]);
  const deploy = plan[0];
  assert.equal(deploy.pillarId, "ops");
  assert.equal(deploy.questionTitle, "How do you deploy changes?");
  // Unselected applicable best practices, never the "None of these" choice.
  assert.deepEqual(new Set(deploy.bestPractices.map((b) => b.choiceId)), new Set(["deploy_ci", "deploy_rollback"]));
  // `deploy_ci` is the most impactful: without it nothing better than HIGH is possible.
  assert.equal(deploy.bestPractices[0].choiceId, "deploy_ci");
  assert.equal(deploy.bestPractices[0].impact, "HIGH");
  assert.deepEqual(deploy.bestPractices[0].improvementPlan, {
    displayText: "Adopt CI pipeline",
    url: "https://example.com/deploy_ci/plan",
  });

  // Security first, then the rest in lens order.
  const secFirst = lens.improvementPlan(answers, { pillarPriority: ["sec"] });
  assert.deepEqual(secFirst.map((i) => i.questionId), ["deploy", "access", "monitor"]);
  const onlyMedium = lens.improvementPlan(answers, { risks: ["MEDIUM"] });
  assert.deepEqual(onlyMedium.map((i) => i.questionId), ["monitor", "access"]);
});

test("improvementPlan rejects unknown options with a Validation Error naming the option", () => {
  const lens = Lens.parse(TEXT);
  const err = thrown(() => lens.improvementPlan([], { pillarPriority: "sec" }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "pillarPriority");
});

test("builtin lenses: the framework (6 pillars) and serverless; unknown alias is NotFound", () => {
  const fw = Lens.builtin("wellarchitected");
  const model = fw.toJSON();
  assert.equal(model.pillars.length, 6);
  assert.deepEqual(model.pillars.map((p) => p.id), [
    "operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability",
  ]);
  assert.ok(model.pillars[0].questions.some((q) => q.id === "priorities"));
  const none = fw.evaluate([]);
  const total = model.pillars.reduce((n, p) => n + p.questions.length, 0);
  assert.deepEqual(none.riskCounts, counts({ UNANSWERED: total }));

  assert.ok(Lens.builtin("serverless").name.length > 0);
  const err = thrown(() => Lens.builtin("nope"));
  assert.ok(err instanceof Error);
  assert.equal(err.kind, "NotFound");
});
