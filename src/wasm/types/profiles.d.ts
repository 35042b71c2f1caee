/** One answered question of the profile questionnaire. */
export interface ProfileAnswer {
  questionId: string;
  selectedChoiceIds: string[];
}

/** `createProfile` / `updateProfile`'s argument. The name is fixed once created. */
export interface ProfileInput {
  /** 3 to 100 characters, unique ignoring case and spaces; required on create. */
  profileName?: string;
  /** 3 to 250 characters. */
  profileDescription?: string;
  profileQuestions?: ProfileAnswer[];
  /** As on workloads: at most 50, keys 1-128 characters not starting with `aws:`, values up to 256. */
  tags?: Record<string, string>;
}

/** A stored profile. `profileVersion` starts at 1 and goes up by one on each update. */
export interface Profile {
  profileId: string;
  profileName: string;
  profileDescription: string;
  profileVersion: number;
  profileQuestions: ProfileAnswer[];
  tags: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** A workload's profile, as of the version it adopted. */
export interface WorkloadProfile {
  profileId: string;
  profileName: string;
  profileVersion: number;
  /** The choices of that version (kept when the profile changes or is deleted). */
  choiceIds: string[];
  /** The profile was deleted; the workload keeps its priorities. */
  deleted?: boolean;
}

/** The shipped questionnaire (`lenses/profiles/wellarchitected.json`). */
export interface ProfileTemplate {
  about: string;
  lensAlias: string;
  questions: Array<{
    questionId: string;
    title: string;
    description: string;
    minSelectedChoices: number;
    maxSelectedChoices: number;
    choices: Array<{ choiceId: string; title: string; prioritizes: string[] }>;
  }>;
}

export interface UpgradeProfileOptions {
  /** Record a milestone of the state before the upgrade, with this name. */
  milestoneName?: string;
}

/** `prioritizedQuestions`: the question ids the profile prioritises, per applied lens. */
export interface PrioritizedQuestions {
  profile: WorkloadProfile | null;
  questions: Record<string, string[]>;
}

export type NotificationType =
  | "LENS_VERSION_DEPRECATED"
  | "PROFILE_ANSWERS_UPDATED"
  | "PROFILE_DELETED"
  | "TEMPLATE_UPDATED";

/** One thing that waits for the user on a workload. */
export interface Notification {
  notificationType: NotificationType;
  workloadId: string;
  workloadName: string;
  /** The lens alias or profile id. */
  resourceId: string;
  resourceName: string;
  currentVersion: string;
  latestVersion: string;
  /** What `dismissNotification` takes. */
  dismissKey: string;
}
