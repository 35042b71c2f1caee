export interface ImportLensOptions {
  /** Replace the draft of this custom lens (its alias or ARN) instead of creating one. */
  lensAlias?: string;
}
/** What `importLens` returns: the draft is kept even when `diagnostics` has errors. */
export interface ImportLensResult {
  lensAlias: string;
  lensArn: string;
  lensName: string;
  status: "DRAFT";
  diagnostics: Diagnostic[];
}
export interface LensVersionInput {
  /** 1 to 32 characters, unique within the lens. */
  lensVersion: string;
  isMajorVersion?: boolean;
}
export interface LensVersionOptions {
  /** A published version; default: the latest (lens) or the draft (exportLens). */
  lensVersion?: string;
}
export interface LensVersionSummary {
  lensVersion: string;
  isMajorVersion: boolean;
  createdAt: string;
  pillarCount: number;
  questionCount: number;
}
