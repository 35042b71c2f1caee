/** `createReviewTemplate`'s argument (AWS CreateReviewTemplate, camelCase). */
export interface ReviewTemplateInput {
  /** 3..100 characters of A-Z, 0-9, spaces and - _ . , : / ( ) @ ! & ? # + ' ’; unique
   * ignoring case and whitespace. */
  templateName: string;
  /** 3..250 characters, the same characters as the name. */
  description: string;
  /** At most 2084 characters. */
  notes?: string;
  tags?: Record<string, string>;
  /** Lens aliases; "wellarchitected" is always applied, first. */
  lenses?: string[];
}
/** `updateReviewTemplate`'s argument: only the fields present change ("" clears notes). */
export interface ReviewTemplatePatch {
  templateName?: string;
  description?: string;
  notes?: string;
  tags?: Record<string, string>;
  lensesToAssociate?: string[];
  /** "wellarchitected" cannot be removed. */
  lensesToDisassociate?: string[];
  /** The `revision` read; a stale one is refused with kind "Conflict". */
  expectedRevision?: string;
}
/** AWS QuestionCounts. */
export interface QuestionCounts { ANSWERED: number; UNANSWERED: number }
export interface ReviewTemplateUser {
  workloadId: string;
  workloadName: string;
  /** The template version the workload's answers were last brought up to. */
  templateVersion: number;
}
export interface ReviewTemplate {
  templateId: string;
  templateName: string;
  description: string;
  notes?: string;
  lenses: string[];
  tags: Record<string, string>;
  /** Raised by every change of the template's content. */
  templateVersion: number;
  questionCounts: QuestionCounts;
  updateStatus: "CURRENT" | "LENS_NOT_CURRENT";
  createdAt: string;
  updatedAt: string;
  /** The workloads defined from it (deleting it marks their link deleted). */
  usedBy: ReviewTemplateUser[];
  revision: string;
}
/** A workload's review template. */
export interface ReviewTemplateLink {
  templateId: string;
  /** As it was when last applied (still shown once the template is deleted). */
  templateName: string;
  templateVersion: number;
  /** The template was deleted; the workload kept its data. */
  deleted?: boolean;
}
/** A template question with its answer: `Answer` without risk, with AWS's AnswerStatus. */
export interface ReviewTemplateAnswer extends Omit<Answer, "risk" | "fromTemplate"> {
  answerStatus: "ANSWERED" | "UNANSWERED";
}
export interface ReviewTemplateLensReview {
  templateId: string;
  lensAlias: string;
  lensName: string;
  lensVersion: string;
  notes?: string;
  questionCounts: QuestionCounts;
  pillarReviewSummaries: {
    pillarId: string;
    pillarName: string;
    notes?: string;
    questionCounts: QuestionCounts;
  }[];
  /** Pass it back as `expectedRevision` to `updateReviewTemplateLensReview`. */
  revision: string;
}
/** One question of an update from a template; `key` is `lensAlias/questionId`. */
export interface ReviewTemplateQuestion {
  key: string;
  lensAlias: string;
  questionId: string;
  questionTitle: string;
}
/** What `reviewTemplateUpdate` proposes and `updateFromReviewTemplate` did. */
export interface ReviewTemplateUpdate {
  workloadId: string;
  templateId: string;
  templateName: string;
  currentTemplateVersion: number;
  latestTemplateVersion: number;
  /** Changed by the template only: taken. */
  updates: ReviewTemplateQuestion[];
  /** Changed by both: each needs a choice in `resolutions`. */
  conflicts: ReviewTemplateQuestion[];
  applied: boolean;
}
export interface ReviewTemplateUpdateOptions {
  /** A choice for every conflict, by its `key`. */
  resolutions?: Record<string, "KEEP_WORKLOAD" | "TAKE_TEMPLATE">;
}
/** A workload whose template changed since its answers were copied (`TEMPLATE_UPDATED`). */
export interface ReviewTemplateNotice {
  workloadId: string;
  workloadName: string;
  templateId: string;
  templateName: string;
  currentTemplateVersion: number;
  latestTemplateVersion: number;
}
export interface ImportReviewTemplateOptions {
  /** Replaces the file's template name (when it is taken here). */
  templateName?: string;
}
