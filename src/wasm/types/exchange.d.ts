/** What `importAnswers` did. Nothing is written when the file has any problem. */
export interface ImportSummary {
  lensAlias: string;
  /** Questions the file answers. */
  questionsInFile: number;
  /** Of those, the questions whose saved answer changed. */
  questionsUpdated: number;
  /** The lens review's counts after the import. */
  riskCounts: RiskCounts;
}
