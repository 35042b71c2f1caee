/**
 * `compareMilestones`' options: milestone numbers; an omitted side is the current state.
 * With neither named, the latest milestone is compared with the current state.
 */
export interface CompareOptions {
  from?: number;
  to?: number;
}
/** One side of a comparison: a milestone, or the current state (every field absent). */
export interface ComparedState {
  milestoneNumber?: number;
  milestoneName?: string;
  recordedAt?: string;
}
/**
 * How a question's risk moved, by level HIGH > MEDIUM > NONE = NOT_APPLICABLE.
 * `ANSWERED`: unanswered before; `UNANSWERED`: unanswered after; `RECLASSIFIED`: NONE ↔
 * NOT_APPLICABLE (same level); `SAME_RISK`: the same risk but a different answer (only in
 * `LensComparison.sameRiskQuestions`).
 */
export type RiskChange = "IMPROVED" | "WORSENED" | "ANSWERED" | "UNANSWERED" | "RECLASSIFIED" | "SAME_RISK";
export interface ChoiceRef {
  choiceId: string;
  title: string;
}
export interface QuestionChange {
  questionId: string;
  pillarId: string;
  questionTitle: string;
  riskBefore: Risk;
  riskAfter: Risk;
  change: RiskChange;
  /** Best practices selected after and not before. */
  selectedChoicesAdded: ChoiceRef[];
  /** Best practices selected before and no longer after. */
  selectedChoicesRemoved: ChoiceRef[];
  /** Best practices marked not applicable after and not before. */
  notApplicableChoicesAdded: ChoiceRef[];
  /** Best practices marked not applicable before and no longer after. */
  notApplicableChoicesRemoved: ChoiceRef[];
  /** Whether the question's notes differ. */
  notesChanged: boolean;
}
export interface PillarComparison {
  pillarId: string;
  pillarName: string;
  riskCountsBefore: RiskCounts;
  riskCountsAfter: RiskCounts;
}
/** A lens applied on both sides. */
export interface LensComparison {
  lensAlias: string;
  lensName: string;
  lensVersionBefore: string;
  lensVersionAfter: string;
  riskCountsBefore: RiskCounts;
  riskCountsAfter: RiskCounts;
  pillars: PillarComparison[];
  /** Questions whose risk differs, in lens order. */
  changedQuestions: QuestionChange[];
  /** Questions whose risk is the same but whose answer differs (change `SAME_RISK`), in lens order. */
  sameRiskQuestions: QuestionChange[];
}
/** A lens applied on one side only, with its counts there. */
export interface LensOnOneSide {
  lensAlias: string;
  lensName: string;
  riskCounts: RiskCounts;
  questionsAnswered: number;
  questionCount: number;
}
export interface MilestoneComparison {
  workloadId: string;
  from: ComparedState;
  to: ComparedState;
  lenses: LensComparison[];
  /** Lenses applied in `to` only. */
  lensesAdded: LensOnOneSide[];
  /** Lenses applied in `from` only. */
  lensesRemoved: LensOnOneSide[];
}
