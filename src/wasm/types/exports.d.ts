/** `exportReport`'s file formats. */
export type ExportFormat = "csv" | "markdown" | "json" | "jira" | "github" | "azure-devops";
/** `exportReport`'s options. */
export interface ReportOptions {
  format: ExportFormat;
  /** The lenses to export, in this order; each must be applied. Default: every applied lens. */
  lensAliases?: string[];
  /** Export a milestone's frozen state instead of the current one. */
  milestoneNumber?: number;
  /** Tracker formats only: the pillars whose plan items become tickets (default: every one). */
  pillars?: string[];
  /** Tracker formats only: the risks whose plan items become tickets (default: both). */
  risks?: ("HIGH" | "MEDIUM")[];
  /**
   * Tracker formats only: the backlog statuses whose plan items become tickets (an item never
   * edited is OPEN). Default: OPEN and IN_PROGRESS, the work still to do.
   */
  statuses?: ItemStatus[];
}
/** A file to download, as `exportReport` and `exportConsolidatedReport` make it. */
export interface ExportFile {
  /** Made from the workload's name: lowercase letters and digits joined by "-". */
  fileName: string;
  /** E.g. "text/csv;charset=utf-8", to give a Blob. */
  mediaType: string;
  text: string;
}
/** `exportData`'s options. */
export interface ExportDataOptions {
  lensAliases?: string[];
  milestoneNumber?: number;
}
/** Everything a workload's exports show, as plain data. */
export interface ExportData {
  /** As `getWorkload` returns it, or the milestone's frozen copy. */
  workload: Workload;
  milestone?: MilestoneSummary;
  /** Over the exported lenses. */
  riskCounts: RiskCounts;
  lenses: LensExport[];
}
export interface LensExport {
  review: LensReview;
  /** In lens order. */
  answers: Answer[];
  /** In plan order, with the workload's pillar priorities; then the resolved items (`resolved`). */
  plan: BacklogItem[];
  pillars: PillarExport[];
}
export interface PillarExport {
  pillarId: string;
  name: string;
  notes?: string;
  riskCounts: RiskCounts;
  questions: QuestionExport[];
}
export interface QuestionExport {
  /** "OPS 1" in the framework's pillars; the position in the pillar elsewhere. */
  number: string;
  questionId: string;
  title: string;
  risk: Risk;
  isApplicable: boolean;
  reason?: Reason;
  notes?: string;
  practices: PracticeExport[];
}
export interface PracticeExport {
  choiceId: string;
  title: string;
  noneOfThese: boolean;
  status: ChoiceStatus;
  reason?: Reason;
  /** The question's risk when this practice alone is missing; absent for "None of these". */
  impact?: Risk;
  notes?: string;
}
/** `consolidatedReport`'s options. */
export interface ConsolidatedReportOptions {
  /** Only workloads using this lens, and only its risks. Default: every workload and lens. */
  lensAlias?: string;
}
/** `exportConsolidatedReport`'s options. */
export interface ConsolidatedExportOptions extends ConsolidatedReportOptions {
  format: "json" | "csv";
}
/** AWS GetConsolidatedReport, camelCase. */
export interface ConsolidatedReport {
  lensAlias?: string;
  /** By name. */
  workloads: ConsolidatedWorkload[];
  /** Questions at HIGH or MEDIUM risk, in the most workloads first. */
  improvements: SharedImprovement[];
}
export interface ConsolidatedWorkload {
  workloadId: string;
  workloadName: string;
  reviewOwner: string;
  updatedAt: string;
  riskCounts: RiskCounts;
  lenses: {
    lensAlias: string;
    lensName: string;
    lensVersion: string;
    riskCounts: RiskCounts;
    pillars: { pillarId: string; pillarName: string; riskCounts: RiskCounts }[];
  }[];
}
export interface SharedImprovement {
  lensAlias: string;
  pillarId: string;
  questionId: string;
  questionNumber: string;
  questionTitle: string;
  risk: "HIGH" | "MEDIUM";
  workloadCount: number;
  /** By workload name. */
  workloadIds: string[];
}
