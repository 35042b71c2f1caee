export interface OpenOptions {
  /** Default: "indexeddb" where IndexedDB exists, else "memory". */
  storage?: StorageKind;
  /** The database (IndexedDB) or key prefix (localStorage); default "plumbline". */
  name?: string;
  /**
   * Where the shipped lens files come from, when they are not loaded yet: the texts
   * (`{ wellarchitected, serverless }`, as `Lens.useBuiltins` takes them), or the URL of the
   * folder holding `wellarchitected.json` and `serverless.json`. Default: the package's own
   * `lenses/` folder, next to `plumbline.js` (`new URL("./lenses/", import.meta.url)`).
   * The Node entries load them on import and ignore this.
   */
  lenses?: Record<string, string> | string | { readonly href: string };
  /**
   * `false`: fetch no shipped lens file now. The workspace opens at once and lists workloads
   * and lenses without them; a call that needs a lens not given yet rejects with
   * `kind: "Uninitialized"` and its `lensAlias`: give that file with
   * `Lens.useBuiltins({ [lensAlias]: text })` and call again (nothing was changed). Default
   * `true`: the lenses not given yet are fetched before the workspace opens.
   */
  loadLenses?: boolean;
  /**
   * Keep the documents in this store instead of `storage` (which is then ignored): the app's
   * PouchDB store (`www/sync/pouch-store.js`), where each workload has a database of its own
   * that team sync replicates. `name` is the store's business.
   */
  store?: DocumentStore;
}
/**
 * A store written in JS. Every method returns a promise of plain JSON data; a record is
 * `{rev, body}`, `rev` changing on every write. A failure rejects with an object whose `kind`
 * is one of "Conflict" (with the `id`), "QuotaExceeded", "Corrupted" (with the `id`),
 * "Unavailable" or anything else (a storage failure), and a `message`.
 */
export interface DocumentStore {
  /** What `workspace.storage` reports, e.g. "pouchdb"; default "custom". */
  readonly kind?: string;
  /** The record `id`, or null when there is none. */
  get(id: string): Promise<{ rev: string; body: unknown } | null>;
  /** Every record whose id starts with `prefix`, in id order. */
  list(prefix: string): Promise<Array<{ id: string; rev: string; body: unknown }>>;
  /** As `list`, each record as stored (`{rev, body}` when intact), damaged ones included. */
  listRaw(prefix: string): Promise<Array<{ id: string; stored: unknown }>>;
  /**
   * Applies every write or none: a write whose `expectedRev` is not the record's current
   * revision (null: the record must not exist) rejects the whole commit with "Conflict".
   * `body` null deletes. Resolves to the new revisions in order ("" for deletions).
   */
  commit(writes: Array<{ id: string; expectedRev: string | null; body: unknown | null }>): Promise<string[]>;
}
/** Read the frozen state of a milestone instead of the current one. */
export interface ReadOptions { milestoneNumber?: number }

/** `defineWorkload`'s argument (AWS CreateWorkload, camelCase). */
export interface WorkloadInput {
  /** 3..100 characters, unique ignoring case and whitespace. */
  workloadName: string;
  /** 3..250 characters. */
  description: string;
  environment: WorkloadEnvironment;
  /** 3..255 characters. */
  reviewOwner: string;
  /** At least one of awsRegions and nonAwsRegions. */
  awsRegions?: string[];
  nonAwsRegions?: string[];
  accountIds?: string[];
  architecturalDesign?: string;
  industryType?: string;
  industry?: string;
  notes?: string;
  tags?: Record<string, string>;
  improvementStatus?: ImprovementStatus;
  pillarPriorities?: string[];
  /** Lens aliases; "wellarchitected" is always applied. */
  lenses?: string[];
  /** At most one review template id: its lenses, answers and notes are copied in, each
   * answer marked with its provenance (`Answer.fromTemplate`). */
  reviewTemplateIds?: string[];
}
/** `updateWorkload`'s argument: only the properties present change. */
export interface WorkloadPatch extends Partial<Omit<WorkloadInput, "lenses" | "reviewTemplateIds">> {
  /** The `revision` read; a stale one is refused with kind "Conflict". */
  expectedRevision?: string;
}
export interface Workload {
  workloadId: string;
  workloadName: string;
  description: string;
  environment: WorkloadEnvironment;
  reviewOwner: string;
  awsRegions: string[];
  nonAwsRegions: string[];
  accountIds: string[];
  architecturalDesign?: string;
  industryType?: string;
  industry?: string;
  notes?: string;
  tags: Record<string, string>;
  improvementStatus: ImprovementStatus;
  pillarPriorities: string[];
  lenses: string[];
  riskCounts: RiskCounts;
  questionsAnswered: number;
  questionCount: number;
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
  revision: string;
  /** The review template the workload was defined from. */
  reviewTemplate?: ReviewTemplateLink;
  /** The workload's profile, when it has one (`associateProfile`). */
  profile?: WorkloadProfile;
}
export interface WorkloadSummary {
  workloadId: string;
  workloadName: string;
  reviewOwner: string;
  environment: WorkloadEnvironment;
  lenses: string[];
  riskCounts: RiskCounts;
  questionsAnswered: number;
  questionCount: number;
  improvementStatus: ImprovementStatus;
  milestoneCount: number;
  updatedAt: string;
  /** The workload's tags (as in `getWorkload`), so a list can be searched by them. */
  tags: Record<string, string>;
}

/** `updateAnswer`'s argument (AWS UpdateAnswer, camelCase). */
export interface AnswerUpdate {
  /** The full new selection, not a delta. */
  selectedChoices?: string[];
  choiceUpdates?: Record<string, { status: ChoiceStatus; reason?: Reason; notes?: string }>;
  isApplicable?: boolean;
  reason?: Reason;
  notes?: string;
  /** The answer's `revision` as read ("" if never saved); a stale one is refused. */
  expectedRevision?: string;
}
/** A question with its answer and risk (AWS Answer, camelCase, plus every choice). */
export interface Answer {
  lensAlias: string;
  questionId: string;
  pillarId: string;
  questionTitle: string;
  questionDescription: string;
  helpfulResource?: Resource;
  choices: ChoiceView[];
  selectedChoices: string[];
  choiceAnswers: ChoiceAnswer[];
  isApplicable: boolean;
  reason?: Reason;
  notes?: string;
  risk: Risk;
  updatedAt?: string;
  revision: string;
  /** The review template (and its version) this answer was copied from; gone once the
   * team changes the answer. */
  fromTemplate?: { templateId: string; templateVersion: number };
}
export interface ChoiceView {
  choiceId: string;
  title: string;
  description?: string;
  helpfulResource?: Resource;
  improvementPlan?: Resource;
  /** The question's "None of these" choice (id ending in `_no`). */
  noneOfThese: boolean;
  status: ChoiceStatus;
  reason?: Reason;
  notes?: string;
}
export interface LensReview {
  lensAlias: string;
  lensArn: string;
  lensName: string;
  lensVersion: string;
  /** The lens's latest published version; newer than `lensVersion` when `upgradeLensReview` can move the review. */
  latestLensVersion: string;
  riskCounts: RiskCounts;
  pillarReviewSummaries: PillarReviewSummary[];
  notes?: string;
  questionsAnswered: number;
  questionCount: number;
  updatedAt: string;
  milestoneNumber?: number;
  revision: string;
}
export interface PillarReviewSummary {
  pillarId: string;
  pillarName: string;
  riskCounts: RiskCounts;
  notes?: string;
  questionsAnswered: number;
  questionCount: number;
}
export interface LensReviewUpdate {
  lensNotes?: string;
  /** Pillar id → notes; pillars not named keep theirs. */
  pillarNotes?: Record<string, string>;
  expectedRevision?: string;
}
/** `createMilestone`'s result and a row of `listMilestones`. */
export interface MilestoneSummary {
  milestoneNumber: number;
  milestoneName: string;
  recordedAt: string;
  riskCounts: RiskCounts;
  questionsAnswered: number;
  questionCount: number;
}
/** A milestone: the workload as it was, its lens reviews and every answer. */
export interface Milestone {
  milestoneNumber: number;
  milestoneName: string;
  recordedAt: string;
  workload: Workload;
  lensReviews: LensReview[];
  answers: Answer[];
}
export interface DashboardFilter {
  pillars?: string[];
  risks?: ("HIGH" | "MEDIUM")[];
}
export interface Dashboard {
  totals: {
    workloads: number;
    workloadsWithHighRisks: number;
    workloadsWithMediumRisks: number;
    highRisks: number;
    mediumRisks: number;
  };
  pillars: {
    pillarId: string;
    pillarName: string;
    riskCounts: RiskCounts;
    workloadsWithHighRisks: number;
    workloadsWithMediumRisks: number;
  }[];
  workloads: {
    workloadId: string;
    workloadName: string;
    reviewOwner: string;
    improvementStatus: ImprovementStatus;
    updatedAt: string;
    questionsAnswered: number;
    questionCount: number;
    riskCounts: RiskCounts;
    pillars: { pillarId: string; pillarName: string; riskCounts: RiskCounts }[];
    topRiskPillar?: string;
  }[];
  improvements: {
    lensAlias: string;
    questionId: string;
    questionTitle: string;
    pillarId: string;
    risk: "HIGH" | "MEDIUM";
    workloadCount: number;
    workloadIds: string[];
  }[];
  /** Workload records that could not be read, left out of every figure above. */
  damagedWorkloads: DamagedRecord[];
}
