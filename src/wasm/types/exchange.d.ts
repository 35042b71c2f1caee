/** `exportAnswers`' options. */
export interface ExportAnswersOptions extends ReadOptions {
  /**
   * Also write every question's and best practice's notes, in the `Notes` fields of AWS's
   * GetAnswer (ListAnswers has none); `importAnswers` reads them back. Default: false.
   */
  includeNotes?: boolean;
}
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
