// A TypeScript application using the package by name. The test command's TypeScript step
// (tests/js/typecheck.mjs) checks it with several TypeScript versions, as a bundler app and as
// Node resolve the package, with and without the DOM lib, all with `skipLibCheck: false`. It
// uses no DOM type itself (consumer_dom.ts has what needs one). Extend it with every API that
// ships, so its declarations stay usable.
import init, { initSync, version, Lens, Workspace, type InitOutput, type ImportSummary, type RiskCounts,
  type MilestoneComparison, type QuestionChange, type RiskChange, type CompareOptions, type ErrorKind,
  type ImportLensResult, type LensVersionSummary, type LensSummary, type Diagnostic, type LensReview, type LintResult, type LintOptions,
  type PlumblineError, type ValidationProblem } from "plumbline-review";

const output: InitOutput = await init();
const sync: (module: { module: ArrayBuffer | Uint8Array }) => InitOutput = initSync;
const notYet: ErrorKind = "Uninitialized";
const engine: string = version();

const lensText = "{}";
const lint = Lens.lint(lensText);
const strictOptions: LintOptions = { strict: true };
const strictLint: LintResult = Lens.lint(lensText, strictOptions);
const strictValid: boolean = strictLint.valid;
const lens: Lens = Lens.parse(lensText);
const lensName: string = lens.name;
lens.free();

// Answers files in the AWS ListAnswers format, both ways.
const ws: Workspace = await Workspace.open({ storage: "memory" });
const exported: string = await ws.exportAnswers("0".repeat(32), "wellarchitected", { milestoneNumber: 1 });
const imported: ImportSummary = await ws.importAnswers("0".repeat(32), "wellarchitected", exported);
const changed: number = imported.questionsUpdated;
const afterImport: RiskCounts = imported.riskCounts;

// Comparing a milestone with the current state, and two milestones.
const options: CompareOptions = { from: 1 };
const comparison: MilestoneComparison = await ws.compareMilestones("0".repeat(32), options);
const twoMilestones: MilestoneComparison = await ws.compareMilestones("0".repeat(32), { from: 1, to: 2 });
const latest: MilestoneComparison = await ws.compareMilestones("0".repeat(32));
const firstChange: QuestionChange | undefined = comparison.lenses[0]?.changedQuestions[0];
const how: RiskChange | undefined = firstChange?.change;
const highAfter: number | undefined = comparison.lenses[0]?.pillars[0]?.riskCountsAfter.HIGH;
const fromName: string | undefined = twoMilestones.from.milestoneName;
const added: string[] = latest.lensesAdded.map((l) => l.lensAlias);
// Answers changed at the same risk, and what changed in them.
const sameRisk: QuestionChange | undefined = comparison.lenses[0]?.sameRiskQuestions[0];
const sameRiskKind: RiskChange = "SAME_RISK";
const notesChanged: boolean | undefined = sameRisk?.notesChanged;
const waived: string[] = sameRisk?.notApplicableChoicesAdded.map((c) => c.title) ?? [];
// The list's rows carry each workload's tags.
const tagsOfFirst: Record<string, string> | undefined = (await ws.listWorkloads())[0]?.tags;

export { output, sync, notYet, engine, lint, lensName, changed, afterImport, how, highAfter, fromName, added,
  sameRiskKind, notesChanged, waived, tagsOfFirst };

// Custom lenses: import a draft, publish a version, list, open, export and delete.
const draft: ImportLensResult = await ws.importLens(lensText);
const findings: Diagnostic[] = draft.diagnostics;
const replaced: ImportLensResult = await ws.importLens(lensText, { lensAlias: draft.lensAlias });
const published: LensVersionSummary = await ws.createLensVersion(draft.lensAlias, { lensVersion: "1.0", isMajorVersion: true });
const all: LensSummary[] = await ws.lenses();
const status: "DRAFT" | "PUBLISHED" | undefined = all[0]?.lensStatus;
const customLens: Lens = await ws.lens(draft.lensAlias, { lensVersion: published.lensVersion });
const lensJson: string = await ws.exportLens(draft.lensAlias, { lensVersion: "1.0" });
// A review on an older version of a custom lens: move it to the latest.
const onOld: LensReview = await ws.getLensReview("0".repeat(32), draft.lensAlias);
const newer: boolean = onOld.latestLensVersion !== onOld.lensVersion;
const upgraded: LensReview = await ws.upgradeLensReview("0".repeat(32), draft.lensAlias);
const upgradedTo: string = upgraded.lensVersion;
await ws.deleteLens(draft.lensAlias);

// A refused input lists every problem, each with its field.
const problemsOf = (e: unknown): ValidationProblem[] => (e as PlumblineError).problems ?? [];
const firstField: string | undefined = problemsOf(new Error("refused"))[0]?.field;
const firstMessage: string | undefined = problemsOf(new Error("refused"))[0]?.message;
