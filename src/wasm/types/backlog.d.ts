/** Where the work on an improvement item stands; an item never edited is `OPEN`. */
export type ItemStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "POSTPONED" | "RISK_ACKNOWLEDGED";
/** `updateImprovementItem`'s argument: every field optional, an empty string clears it. */
export interface ImprovementItemUpdate {
  /** Free text, trimmed, at most 100 characters. */
  owner?: string;
  status?: ItemStatus;
  /** Required (at most 250 characters) while the status is `POSTPONED` or `RISK_ACKNOWLEDGED`. */
  statusReason?: string;
  /** A calendar date, `YYYY-MM-DD`. */
  dueDate?: string;
  /** At most 2,084 characters. */
  notes?: string;
  /** The item's `revision` as read; a stale one rejects with `kind: "Conflict"`. */
  expectedRevision?: string;
}
/** An improvement item of `Workspace.improvementPlan`, with its backlog fields. */
export interface BacklogItem {
  questionId: string;
  pillarId: string;
  questionTitle: string;
  /** HIGH or MEDIUM; the question's risk now for a resolved item. */
  risk: Risk;
  /** Unselected applicable best practices, the most impactful first; empty when resolved. */
  bestPractices: PlanBestPractice[];
  /** The question is no longer at high or medium risk; listed for the fields it kept. */
  resolved: boolean;
  owner?: string;
  status: ItemStatus;
  statusReason?: string;
  dueDate?: string;
  notes?: string;
  /** When the backlog fields were last saved; absent when the item has none. */
  updatedAt?: string;
  /** Pass it back as `expectedRevision` (`""` in a milestone). */
  revision: string;
}
