/** Risk of a question, in the AWS API's spelling. */
export type Risk = "UNANSWERED" | "HIGH" | "MEDIUM" | "NONE" | "NOT_APPLICABLE";
/** Number of questions at each risk; all five keys are always present. */
export interface RiskCounts {
  UNANSWERED: number;
  HIGH: number;
  MEDIUM: number;
  NONE: number;
  NOT_APPLICABLE: number;
}
/** The risk a lens rule assigns, in the lens file's spelling. */
export type LensRisk = "HIGH_RISK" | "MEDIUM_RISK" | "NO_RISK";
export type ChoiceStatus = "SELECTED" | "NOT_APPLICABLE" | "UNSELECTED";
/** Why a question or a best practice does not apply. */
export type Reason = "OUT_OF_SCOPE" | "BUSINESS_PRIORITIES" | "ARCHITECTURE_CONSTRAINTS" | "OTHER" | "NONE";
export type WorkloadEnvironment = "PRODUCTION" | "PREPRODUCTION";
export type ImprovementStatus = "NOT_APPLICABLE" | "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "RISK_ACKNOWLEDGED";
export type LensType = "AWS_OFFICIAL" | "CUSTOM_SHARED" | "CUSTOM_SELF";
export type StorageKind = "indexeddb" | "localstorage" | "memory";

/**
 * `err.kind` of every Error the engine throws. `Conflict`: the record was changed by another
 * writer using the same storage (another tab, window or program) since it was read; calls on
 * one Workspace never conflict with each other (they run one at a time, in call order).
 * `Disposed`: the Workspace or Lens was used after `free()` or `[Symbol.dispose]()` (thrown
 * synchronously, also by methods that return a promise). `Uninitialized`: the web entry was
 * called before `await init()` (thrown synchronously; the Node entries initialise on load), or a
 * call needs a shipped lens whose file was not given yet (`lensAlias` names it: give it with
 * `Lens.useBuiltins` and call again; `Workspace.open` gives them unless `loadLenses: false`, the
 * Node entries on import).
 */
export type ErrorKind =
  | "Validation" | "LensInvalid" | "NotFound" | "Conflict"
  | "QuotaExceeded" | "Corrupted" | "Unavailable" | "Storage" | "Internal" | "Disposed"
  | "Uninitialized";
/** One broken rule of an input: the camelCase property and the rule it breaks. */
export interface ValidationProblem {
  field: string;
  message: string;
}
/** What the engine throws: a real Error with these extra properties. */
export interface PlumblineError extends Error {
  kind: ErrorKind;
  /**
   * Validation: the input property at fault (camelCase, as in the input object), or the
   * parameter's name when the argument as a whole cannot be read (a getter that throws).
   */
  field?: string;
  /**
   * Validation of an input object: every broken rule, the first one being `field` and
   * `message`, so that a form can flag all its fields after one call.
   */
  problems?: ValidationProblem[];
  /** A JSON path into the input, when the fault is inside a document (answers files, backups). */
  path?: string;
  /** Corrupted: the id of the stored record that cannot be read. */
  recordId?: string;
  /** LensInvalid: every finding, errors and warnings. */
  diagnostics?: Diagnostic[];
  /**
   * Uninitialized: the shipped lens whose file the call needs (`"wellarchitected"`,
   * `"serverless"`); LensInvalid: the shipped lens whose given file does not parse.
   */
  lensAlias?: string;
}

