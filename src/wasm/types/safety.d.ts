/** A stored record that cannot be read; lists and the dashboard leave it out. */
export interface DamagedRecord {
  recordId: string;
  recordKind: "workload" | "name" | "review" | "answer" | "milestone" | "customLens" | "customLensDraft" | "customLensVersion" | "meta" | "unknown";
  /** The workload the record belongs to, when its id names one. */
  workloadId: string | null;
  message: string;
}
/** What `repairWorkload` did. */
export interface RepairReport {
  workloadId: string;
  /** Unreadable records removed (answers, milestones) or replaced by empty ones (reviews). */
  removed: string[];
  recomputed: boolean;
}
export type RestoreResolution = "keepMine" | "takeBackup" | "keepBoth";
/** `importWorkspace`'s options. Without `mode: "apply"` nothing is written. */
export interface RestoreOptions {
  mode?: "preview" | "apply";
  /** The choice for every conflict without its own entry in `resolutions`. */
  onConflict?: RestoreResolution;
  /** Choices per item id (workload or review template id, or custom lens alias). A review
   * template takes `takeBackup` or keeps its own. */
  resolutions?: { [id: string]: RestoreResolution };
}
export interface RestoreItem {
  itemKind: "workload" | "customLens" | "reviewTemplate" | "profile";
  id: string;
  name: string;
  status: "new" | "identical" | "conflict";
  reason?: string;
  resolution?: RestoreResolution;
  copyId?: string;
  copyName?: string;
}
export interface RestoreResult {
  applied: boolean;
  summary: {
    formatVersion: number;
    exportedAt: string;
    workloads: number;
    answers: number;
    milestones: number;
    customLenses: number;
    /** Left out when the backup has none. */
    profiles?: number;
    damaged: number;
    reviewTemplates: number;
  };
  items: RestoreItem[];
  /** Records the backup kept as damaged; never written back. */
  damagedSkipped: number;
}
