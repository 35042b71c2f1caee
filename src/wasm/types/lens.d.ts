/** One finding in a lens file. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Stable machine-readable code. */
  code: string;
  /** JSON path, e.g. `pillars[0].questions[2].riskRules[0].condition`; "" for the root. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  message: string;
}
/** Options of `Lens.lint`. */
export interface LintOptions {
  /** Keys the lens format does not define are errors instead of warnings. */
  strict?: boolean;
}
export interface LintResult {
  /** True when the lens has no error (warnings allowed) and can be used in a review. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The lens as far as it could be read (for a preview of a draft), or null. */
  model: LensModel | null;
}

export interface Resource { displayText: string; url?: string }
export interface AdditionalResources { type: "HELPFUL_RESOURCE" | "IMPROVEMENT_PLAN"; content: Resource[] }
/** A lens as `lens.toJSON()` gives it: the custom-lens JSON shape. */
export interface LensModel {
  schemaVersion: string;
  name: string;
  description: string;
  pillars: LensPillar[];
}
export interface LensPillar { id: string; name: string; questions: LensQuestion[] }
export interface LensQuestion {
  id: string;
  title: string;
  description: string;
  helpfulResource?: Resource;
  choices: LensChoice[];
  /** In file order; the first whose condition holds sets the risk. */
  riskRules: { condition: string; risk: LensRisk }[];
}
export interface LensChoice {
  id: string;
  title: string;
  description?: string;
  helpfulResource?: Resource;
  improvementPlan?: Resource;
  additionalResources: AdditionalResources[];
}
export interface LensSummary {
  lensAlias: string;
  lensArn: string;
  lensName: string;
  lensVersion: string;
  description: string;
  lensType: LensType;
  pillarCount: number;
  questionCount: number;
  /** Custom lenses only: `DRAFT` until a version is published (a draft cannot be applied). */
  lensStatus?: "DRAFT" | "PUBLISHED";
  /** Custom lenses only (ISO 8601 UTC). */
  createdAt?: string;
  updatedAt?: string;
  /** Custom lenses only: errors in the current draft (a draft with errors cannot be published). */
  draftErrorCount?: number;
  /** Custom lenses only, when tagged (`tagLens`). */
  tags?: Record<string, string>;
}

/** One question's answer, as `lens.evaluate` takes it (AWS Answer, camelCase). */
export interface AnswerInput {
  questionId: string;
  pillarId?: string;
  selectedChoices?: string[];
  choiceAnswers?: ChoiceAnswer[];
  /** Default true. */
  isApplicable?: boolean;
  reason?: Reason;
  notes?: string;
}
export interface ChoiceAnswer { choiceId: string; status: ChoiceStatus; reason?: Reason; notes?: string }
/** The output of AWS `ListAnswers`, as exported from AWS (PascalCase; missing fields take AWS's defaults). */
export interface AwsListAnswers {
  AnswerSummaries: {
    QuestionId: string;
    PillarId?: string;
    SelectedChoices?: string[];
    ChoiceAnswerSummaries?: { ChoiceId: string; Status?: ChoiceStatus; Reason?: Reason }[];
    IsApplicable?: boolean;
    Reason?: Reason;
    [other: string]: unknown;
  }[];
  [other: string]: unknown;
}
export interface LensEvaluation {
  /** In lens order. */
  questions: { questionId: string; pillarId: string; risk: Risk }[];
  pillars: { pillarId: string; riskCounts: RiskCounts }[];
  riskCounts: RiskCounts;
}
/** `lens.explain(answer)`: one question's risk and why. */
export interface RiskExplanation {
  questionId: string;
  risk: Risk;
  /** Index in the question's `riskRules` of the first rule that held; null when none applies. */
  matchedRule: number | null;
  /** The answer as the engine reads it, in lens order. */
  selectedChoices: string[];
  notApplicableChoices: string[];
}
export interface PlanOptions {
  /** Pillar ids, most important first; the others follow in lens order. */
  pillarPriority?: string[];
  /** Keep only these risks; default both. */
  risks?: ("HIGH" | "MEDIUM")[];
  pillars?: string[];
  questionIds?: string[];
}
export interface WorkspacePlanOptions extends PlanOptions {
  /** Plan of a milestone's frozen answers. */
  milestoneNumber?: number;
}
export interface PlanItem {
  questionId: string;
  pillarId: string;
  questionTitle: string;
  risk: "HIGH" | "MEDIUM";
  /** Unselected applicable best practices, the most impactful first. */
  bestPractices: PlanBestPractice[];
}
export interface PlanBestPractice {
  choiceId: string;
  title: string;
  improvementPlan?: Resource;
  additionalResources: Resource[];
  /** The risk the question would have with every choice but this one selected. */
  impact: Risk;
}

