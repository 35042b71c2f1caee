//! The JavaScript API: the only module that uses wasm-bindgen.
//!
//! Everything here is translation. Values cross the boundary as JSON text ([`js_json`]): JS
//! arguments are read with `JSON.stringify` + serde_json into the core's own input types, and
//! results go out through ONE path ([`to_js`]: serde_json + `JSON.parse`; maps become plain
//! objects, `None` becomes `null`), so what JS receives can be `JSON.stringify`'d as is. One
//! string per call is far cheaper than building objects property by property from Rust. Every failure is thrown through ONE helper
//! ([`js_error`]) as a real `Error` with a `kind` property and, where it applies, `field`,
//! `path` or `diagnostics` — so callers can branch on `err.kind` and still get a stack trace.
//!
//! Classes: [`JsLens`] (`Lens` in JS) wraps an immutable parsed lens; [`JsWorkspace`]
//! (`Workspace`) wraps the core workspace in an `Rc`, and every async method moves a clone of
//! that `Rc` into `future_to_promise`, because a `Promise` outlives the `&self` borrow.
//!
//! The TypeScript declarations of the plain-data shapes are written by hand in the
//! `typescript_custom_section` below, and the exports refer to them with
//! `unchecked_param_type`/`unchecked_return_type`, so `tsc` checks consumers against them.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use serde::Deserialize;
use serde_json::Value;

use crate::catalog;
use crate::lens::{self, Diagnostic};
use crate::review::{self, Answer, PlanOptions};
use crate::store::indexeddb::{IndexedDbStore, DEFAULT_NAME};
use crate::store::js_json;
use crate::store::localstorage::LocalStorageStore;
use crate::store::memory::MemoryStore;
use crate::store::{Document, RawRecord, Store, StoreError, TypedDocument, Write};
use crate::workload::backup::RestoreOptions;
use crate::workload::turnstile::Turnstile;
use crate::workload::{
    from_json, Environment, ImportLensOptions, LensVersionInput, LensVersionOptions, Workspace,
    WorkspaceError,
};

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Builds the `Error` every export throws: `message`, `kind` and any extra properties
/// (`field`, `path`, `diagnostics`). The one place errors are made.
fn js_error(kind: &str, message: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let error = js_sys::Error::new(message);
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), value);
    };
    set("kind", &JsValue::from_str(kind));
    for (key, value) in extra {
        set(key, value);
    }
    error.into()
}

/// A lens text with errors: `kind: "LensInvalid"` and every diagnostic (errors and warnings).
fn lens_invalid(diagnostics: &[Diagnostic]) -> JsValue {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let message = match diagnostics.iter().find(|d| d.is_error()) {
        Some(first) => format!(
            "the lens has {errors} error(s); first at {}:{} ({}): {}",
            first.line,
            first.column,
            if first.path.is_empty() {
                "$"
            } else {
                &first.path
            },
            first.message
        ),
        None => "the lens could not be read".to_string(),
    };
    let diagnostics = to_js(diagnostics).unwrap_or(JsValue::NULL);
    js_error("LensInvalid", &message, &[("diagnostics", diagnostics)])
}

/// An argument that does not have the expected shape: `kind: "Validation"` naming the argument.
fn invalid_argument(field: &str, message: &str) -> JsValue {
    js_error(
        "Validation",
        &format!("{field}: {message}"),
        &[("field", JsValue::from_str(field))],
    )
}

/// A milestone number as an argument of its own (`getMilestone`): a whole number from 1 to the
/// most milestones a workload can have, else `Validation` with `field: "milestoneNumber"`.
fn milestone_number_of(value: &JsValue) -> Result<u32, JsValue> {
    let max = crate::workload::validate::MAX_MILESTONES as u32;
    let rule = format!("must be a whole number from 1 to {max}");
    let Some(n) = value.as_f64() else {
        let got = if value.is_string() {
            "a string"
        } else {
            "not a number"
        };
        return Err(invalid_argument(
            "milestoneNumber",
            &format!("{rule}; got {got}"),
        ));
    };
    if n.fract() != 0.0 || !(1.0..=f64::from(max)).contains(&n) {
        return Err(invalid_argument(
            "milestoneNumber",
            &format!("{rule}; got {n}"),
        ));
    }
    Ok(n as u32)
}

// ---------------------------------------------------------------------------------------------
// Disposed objects
// ---------------------------------------------------------------------------------------------

// `free()` (and `[Symbol.dispose]`, the same function) destroys the Rust object and sets the JS
// object's `__wbg_ptr` to 0; a later call reaches wasm-bindgen's own null check, which throws a
// plain "null pointer passed to rust" Error that no caller can tell apart. That check is in
// the generated shims, with no hook, so the guard sits in front of it, in JS: the first object
// of each class made here hands its prototype to `guardPrototype`, which wraps every method and
// accessor with a check that throws `kind: "Disposed"` for a freed object. Patching the shared
// prototype once covers every object of the class, made before or after, whichever entry
// (Node, web, the app) loaded the glue.
#[wasm_bindgen(inline_js = r#"
export function guardPrototype(probe, message) {
  const proto = Object.getPrototypeOf(probe);
  for (const key of Reflect.ownKeys(proto)) {
    if (key === "constructor" || (typeof key === "string" && key.startsWith("__"))) continue;
    // Disposing twice does nothing (as the explicit resource management proposal asks of
    // `[Symbol.dispose]`, which is `free`); wasm-bindgen's own threw the null-pointer Error.
    const dispose = key === "free" || key === Symbol.dispose;
    const d = Object.getOwnPropertyDescriptor(proto, key);
    for (const slot of ["value", "get", "set"]) {
      const inner = d[slot];
      if (typeof inner !== "function") continue;
      d[slot] = function (...args) {
        if (this != null && this.__wbg_ptr === 0) {
          if (dispose) return undefined;
          const error = new Error(message);
          error.kind = "Disposed";
          throw error;
        }
        return inner.apply(this, args);
      };
      Object.defineProperty(d[slot], "name", { value: inner.name });
    }
    Object.defineProperty(proto, key, d);
  }
  probe.free();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = guardPrototype)]
    fn guard_prototype(probe: &JsValue, message: &str);
}

const WORKSPACE_DISPOSED: &str =
    "this Workspace was disposed (free() or [Symbol.dispose] was called) \
     and cannot be used any more; open it again with Workspace.open";
const LENS_DISPOSED: &str = "this Lens was disposed (free() or [Symbol.dispose] was called) and \
     cannot be used any more; get a new one with Lens.parse, Lens.builtin or workspace.lens";

thread_local! {
    static WORKSPACE_GUARDED: Cell<bool> = const { Cell::new(false) };
    static LENS_GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the disposal guard on a class's prototype the first time an object of it is made:
/// `probe` makes a throwaway object (sharing the real one's data), which the guard frees.
fn guard_disposal(
    done: &'static std::thread::LocalKey<Cell<bool>>,
    message: &str,
    probe: impl FnOnce() -> JsValue,
) {
    if !done.get() {
        done.set(true);
        guard_prototype(&probe(), message);
    }
}

// ---------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------

/// Every result that crosses into JS goes through here.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_json::to_js(value)
        .map_err(|e| js_error("Internal", &format!("cannot convert the result: {e}"), &[]))
}

/// Reads argument `field` into a core type; `undefined`/`null` read as the type's empty value
/// when it has one (options objects).
fn from_js<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    js_json::from_js(&value).map_err(|e| invalid_argument(field, &e.0))
}

/// Answers as `evaluate`/`improvementPlan` take them: an array of camelCase answers, or the
/// AWS ListAnswers output `{AnswerSummaries: [...]}` (PascalCase) as exported from AWS.
fn answers_from_js(value: JsValue) -> Result<Vec<Answer>, JsValue> {
    if js_sys::Array::is_array(&value) {
        return from_js(value, "answers");
    }
    if value.is_object() {
        // The AWS shape has its own reader (defaults, error paths); it takes JSON text.
        let text = js_json::json_text(&value).map_err(|e| invalid_argument("answers", &e.0))?;
        return review::import::answers_from_aws_json(&text).map_err(|e| {
            js_error(
                "Validation",
                &format!("answers: {e}"),
                &[
                    ("field", JsValue::from_str("answers")),
                    ("path", JsValue::from_str(&e.path)),
                ],
            )
        });
    }
    Err(invalid_argument(
        "answers",
        "expected an array of answers or the AWS ListAnswers output {AnswerSummaries: [...]}",
    ))
}

// ---------------------------------------------------------------------------------------------
// TypeScript: the plain-data shapes, written by hand so that they read like the AWS API
// reference. The exports below name them with `unchecked_param_type`/`unchecked_return_type`.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
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
 * called before `await init()` (thrown synchronously; the Node entries initialise on load), or
 * `Lens.builtin` before the shipped lens files were loaded (by `Workspace.open` or
 * `Lens.useBuiltins`; the Node entries load them on import).
 */
export type ErrorKind =
  | "Validation" | "LensInvalid" | "NotFound" | "Conflict"
  | "QuotaExceeded" | "Corrupted" | "Unavailable" | "Storage" | "Internal" | "Disposed"
  | "Uninitialized";
/** What the engine throws: a real Error with these extra properties. */
export interface PlumblineError extends Error {
  kind: ErrorKind;
  /**
   * Validation: the input property at fault (camelCase, as in the input object), or the
   * parameter's name when the argument as a whole cannot be read (a getter that throws).
   */
  field?: string;
  /** A JSON path into the input, when the fault is inside a document (answers files, backups). */
  path?: string;
  /** Corrupted: the id of the stored record that cannot be read. */
  recordId?: string;
  /** LensInvalid: every finding, errors and warnings. */
  diagnostics?: Diagnostic[];
}

/** One finding in a lens file. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Stable machine-readable code. */
  code: string;
  /** JSON path, e.g. `pillars[0].questions[2].riskRules[0].condition`; "" for the root. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  message: string;
}
/** Options of `Lens.lint`. */
export interface LintOptions {
  /** Keys the lens format does not define are errors instead of warnings. */
  strict?: boolean;
}
export interface LintResult {
  /** True when the lens has no error (warnings allowed) and can be used in a review. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The lens as far as it could be read (for a preview of a draft), or null. */
  model: LensModel | null;
}

export interface Resource { displayText: string; url?: string }
export interface AdditionalResources { type: "HELPFUL_RESOURCE" | "IMPROVEMENT_PLAN"; content: Resource[] }
/** A lens as `lens.toJSON()` gives it: the custom-lens JSON shape. */
export interface LensModel {
  schemaVersion: string;
  name: string;
  description: string;
  pillars: LensPillar[];
}
export interface LensPillar { id: string; name: string; questions: LensQuestion[] }
export interface LensQuestion {
  id: string;
  title: string;
  description: string;
  helpfulResource?: Resource;
  choices: LensChoice[];
  /** In file order; the first whose condition holds sets the risk. */
  riskRules: { condition: string; risk: LensRisk }[];
}
export interface LensChoice {
  id: string;
  title: string;
  description?: string;
  helpfulResource?: Resource;
  improvementPlan?: Resource;
  additionalResources: AdditionalResources[];
}
export interface LensSummary {
  lensAlias: string;
  lensArn: string;
  lensName: string;
  lensVersion: string;
  description: string;
  lensType: LensType;
  pillarCount: number;
  questionCount: number;
  /** Custom lenses only: `DRAFT` until a version is published (a draft cannot be applied). */
  lensStatus?: "DRAFT" | "PUBLISHED";
  /** Custom lenses only (ISO 8601 UTC). */
  createdAt?: string;
  updatedAt?: string;
  /** Custom lenses only: errors in the current draft (a draft with errors cannot be published). */
  draftErrorCount?: number;
}

/** One question's answer, as `lens.evaluate` takes it (AWS Answer, camelCase). */
export interface AnswerInput {
  questionId: string;
  pillarId?: string;
  selectedChoices?: string[];
  choiceAnswers?: ChoiceAnswer[];
  /** Default true. */
  isApplicable?: boolean;
  reason?: Reason;
  notes?: string;
}
export interface ChoiceAnswer { choiceId: string; status: ChoiceStatus; reason?: Reason; notes?: string }
/** The output of AWS `ListAnswers`, as exported from AWS (PascalCase; missing fields take AWS's defaults). */
export interface AwsListAnswers {
  AnswerSummaries: {
    QuestionId: string;
    PillarId?: string;
    SelectedChoices?: string[];
    ChoiceAnswerSummaries?: { ChoiceId: string; Status?: ChoiceStatus; Reason?: Reason }[];
    IsApplicable?: boolean;
    Reason?: Reason;
    [other: string]: unknown;
  }[];
  [other: string]: unknown;
}
export interface LensEvaluation {
  /** In lens order. */
  questions: { questionId: string; pillarId: string; risk: Risk }[];
  pillars: { pillarId: string; riskCounts: RiskCounts }[];
  riskCounts: RiskCounts;
}
/** `lens.explain(answer)`: one question's risk and why. */
export interface RiskExplanation {
  questionId: string;
  risk: Risk;
  /** Index in the question's `riskRules` of the first rule that held; null when none applies. */
  matchedRule: number | null;
  /** The answer as the engine reads it, in lens order. */
  selectedChoices: string[];
  notApplicableChoices: string[];
}
export interface PlanOptions {
  /** Pillar ids, most important first; the others follow in lens order. */
  pillarPriority?: string[];
  /** Keep only these risks; default both. */
  risks?: ("HIGH" | "MEDIUM")[];
  pillars?: string[];
  questionIds?: string[];
}
export interface WorkspacePlanOptions extends PlanOptions {
  /** Plan of a milestone's frozen answers. */
  milestoneNumber?: number;
}
export interface PlanItem {
  questionId: string;
  pillarId: string;
  questionTitle: string;
  risk: "HIGH" | "MEDIUM";
  /** Unselected applicable best practices, the most impactful first. */
  bestPractices: PlanBestPractice[];
}
export interface PlanBestPractice {
  choiceId: string;
  title: string;
  improvementPlan?: Resource;
  additionalResources: Resource[];
  /** The risk the question would have with every choice but this one selected. */
  impact: Risk;
}

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
}
/** `updateWorkload`'s argument: only the properties present change. */
export interface WorkloadPatch extends Partial<Omit<WorkloadInput, "lenses">> {
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
"#;

// ---------------------------------------------------------------------------------------------
// Lens
// ---------------------------------------------------------------------------------------------

/// A parsed, valid lens: immutable, evaluates answers and plans improvements.
///
/// ```javascript
/// const lens = Lens.parse(await (await fetch('my-lens.json')).text());
/// const { riskCounts } = lens.evaluate(answers);
/// ```
#[wasm_bindgen(js_name = Lens)]
pub struct JsLens {
    lens: Rc<lens::Lens>,
    /// What the fast path of `evaluate` needs, made on its first use.
    fast: OnceCell<FastEvaluate>,
}

#[wasm_bindgen(js_class = Lens)]
impl JsLens {
    /// Parses and validates a custom-lens JSON text. Throws `kind: "LensInvalid"` with
    /// `diagnostics` (each `{severity, code, path, line, column, message}`) if it has errors.
    pub fn parse(text: js_sys::JsString) -> Result<JsLens, JsValue> {
        lens::parse(&lens_text(&text)?)
            .map(|lens| JsLens::new(Rc::new(lens)))
            .map_err(|diagnostics| lens_invalid(&diagnostics))
    }

    /// Checks a lens text without throwing: `{valid, diagnostics, model}` where `model` is the
    /// lens as `toJSON()` would give it whenever its structure could be read (so a draft can be
    /// previewed with its errors listed), else `null`. `{strict: true}` makes keys the format
    /// does not define errors, as `plumbline lint --strict` does. Only bad arguments throw
    /// (`kind: "Validation"`, `field: "text"` or the option's name).
    #[wasm_bindgen(unchecked_return_type = "LintResult")]
    pub fn lint(
        text: js_sys::JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: LintFlags = input(options, "options")?;
        let options = lens::LintOptions {
            strict: options.strict,
            ..lens::LintOptions::default()
        };
        let report = lens::lint_with(&lens_text(&text)?, &options);
        to_js(&LintResult {
            valid: report.lens.is_some() && !report.has_errors(),
            diagnostics: &report.diagnostics,
            model: report.lens.as_ref().map(LensModel::of),
        })
    }

    /// The plain lens: pillars → questions → choices with every text, helpful resources,
    /// improvement plans and risk rules as written. The custom-lens JSON shape.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "LensModel")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&LensModel::of(&self.lens))
    }

    /// A lens shipped with Plumbline: `"wellarchitected"` (the framework) or `"serverless"`.
    /// Throws `kind: "NotFound"` for any other alias, and `kind: "Uninitialized"` while the
    /// shipped lens files are not loaded (the Node entries load them on import; in a browser,
    /// `Workspace.open` or `Lens.useBuiltins` does).
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] alias: JsValue,
    ) -> Result<JsLens, JsValue> {
        let alias = string_arg(alias, "alias")?;
        catalog::loaded()
            .map_err(|e| js_error(e.kind(), &e.to_string(), &[]))?
            .iter()
            .find(|l| l.alias == alias)
            .map(|l| JsLens::new(Rc::new(l.lens.clone())))
            .ok_or_else(|| unknown_lens(&alias))
    }

    /// Hands the engine the shipped lens files: `{ wellarchitected: text, serverless: text }`,
    /// the texts of the package's `lenses/*.json`. Parsed once, on first use; once parsed,
    /// later calls change nothing. Throws `kind: "Validation"` (`field: "lenses"`) for a
    /// missing or unknown alias.
    #[wasm_bindgen(js_name = useBuiltins)]
    pub fn use_builtins(
        #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] texts: JsValue,
    ) -> Result<(), JsValue> {
        let texts: std::collections::BTreeMap<String, String> = input(texts, "lenses")?;
        catalog::use_texts(texts.into_iter().collect())
            .map_err(|e| js_error(e.kind(), &e.to_string(), &[("field", "lenses".into())]))
    }

    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.lens.name.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn description(&self) -> String {
        self.lens.description.clone()
    }

    /// Risk per question (lens order), per pillar and for the lens. `answers` is an array of
    /// answers, or the AWS ListAnswers output.
    #[wasm_bindgen(unchecked_return_type = "LensEvaluation")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
    ) -> Result<JsValue, JsValue> {
        if let Some(evaluation) = self.evaluate_fast(&answers) {
            return Ok(evaluation);
        }
        let answers = answers_from_js(answers)?;
        let evaluation = review::evaluate(&self.lens, &answers);
        to_js(&evaluation)
    }

    /// One question's risk with the reasons behind it: `{questionId, risk, matchedRule,
    /// selectedChoices, notApplicableChoices}`, where `matchedRule` is the index of the first
    /// rule that held (null when none applies) and the choices are the answer as the engine
    /// reads it (`_no` and not-applicable precedence applied). Throws `kind: "NotFound"` for a
    /// question the lens does not have.
    #[wasm_bindgen(unchecked_return_type = "RiskExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput")] answer: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answer: Answer = from_js(answer, "answer")?;
        let question = self
            .lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .find(|q| q.id == answer.question_id)
            .ok_or_else(|| {
                js_error(
                    "NotFound",
                    &format!("no question `{}` in this lens", answer.question_id),
                    &[],
                )
            })?;
        to_js(&review::explain(question, &answer))
    }

    /// The questions at HIGH or MEDIUM risk, most urgent first, each with the best practices
    /// to adopt (most impactful first).
    #[wasm_bindgen(js_name = improvementPlan, unchecked_return_type = "PlanItem[]")]
    pub fn improvement_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answers = answers_from_js(answers)?;
        let options: PlanOptions = input(options, "options")?;
        to_js(&review::improvement_plan(&self.lens, &answers, &options))
    }
}

/// A lens text into wasm memory with one native `encodeInto` (`js_json::string_from_js`).
/// wasm-bindgen's own copy of a `&str` argument first walks it character by character in JS,
/// then re-encodes the rest from the first non-ASCII character: with a typographic quote near
/// the top of a 400 KB lens, that copy alone cost more than `JSON.parse` of the text.
fn lens_text(text: &js_sys::JsString) -> Result<String, JsValue> {
    if !text.is_string() {
        return Err(invalid_argument(
            "text",
            "must be a string (the lens JSON text)",
        ));
    }
    Ok(js_json::string_from_js(text))
}

impl JsLens {
    fn new(lens: Rc<lens::Lens>) -> Self {
        guard_disposal(&LENS_GUARDED, LENS_DISPOSED, || {
            JsLens {
                lens: lens.clone(),
                fast: OnceCell::new(),
            }
            .into()
        });
        JsLens {
            lens,
            fast: OnceCell::new(),
        }
    }

    /// `evaluate` of an array of plain answers, without JSON either way: `packAnswers` reads
    /// only what evaluation needs into one string, and `evaluationOf` builds the result from
    /// one risk code per question. `None` when the answers are anything else (the AWS shape,
    /// a value of the wrong type, ...): the JSON path then reads them and reports any error.
    fn evaluate_fast(&self, answers: &JsValue) -> Option<JsValue> {
        if !js_sys::Array::is_array(answers) {
            return None;
        }
        let packed = pack_answers(answers).dyn_into::<js_sys::JsString>().ok()?;
        let fast = self.fast.get_or_init(|| FastEvaluate::new(&self.lens));
        let risks = fast
            .index
            .risks(&self.lens, &js_json::string_from_js(&packed))?;
        // Codes are positions in `Risk::ALL`, the order of `RISKS` in `evaluationOf`.
        let codes: Vec<u8> = risks.iter().map(|r| *r as u8).collect();
        Some(evaluation_of(&fast.shape, &codes))
    }

    /// For tests and the workspace: the core lens.
    pub fn core(&self) -> &lens::Lens {
        &self.lens
    }
}

/// The lens side of `evaluate`'s fast path: the question index, and the ids `evaluationOf`
/// puts in the result (`{questionIds, pillarIds, questionCounts}`), made into JS once.
struct FastEvaluate {
    index: review::packed::PackedIndex,
    shape: JsValue,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EvaluationShape<'a> {
    question_ids: Vec<&'a str>,
    pillar_ids: Vec<&'a str>,
    question_counts: Vec<usize>,
}

impl FastEvaluate {
    fn new(lens: &lens::Lens) -> Self {
        let shape = EvaluationShape {
            question_ids: lens
                .pillars
                .iter()
                .flat_map(|p| &p.questions)
                .map(|q| q.id.as_str())
                .collect(),
            pillar_ids: lens.pillars.iter().map(|p| p.id.as_str()).collect(),
            question_counts: lens.pillars.iter().map(|p| p.questions.len()).collect(),
        };
        FastEvaluate {
            index: review::packed::PackedIndex::new(lens),
            shape: js_json::to_js(&shape).unwrap_or(JsValue::NULL),
        }
    }
}

// The JS half of `evaluate`'s fast path. `packAnswers` accepts exactly the answers that the
// JSON path reads without error, and gives up (undefined) on anything else, so errors keep
// coming from one place. `evaluationOf` builds the shape `review::evaluate` serialises to:
// keys in the same order, all five risk counts.
#[wasm_bindgen(inline_js = r#"
const REASONS = new Set(["OUT_OF_SCOPE", "BUSINESS_PRIORITIES", "ARCHITECTURE_CONSTRAINTS", "OTHER", "NONE"]);
const RISKS = ["UNANSWERED", "HIGH", "MEDIUM", "NONE", "NOT_APPLICABLE"];

function plain(o) {
  if (o === null || typeof o !== "object" || Array.isArray(o) || o.toJSON !== undefined) return false;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}
const optText = (v) => v === undefined || v === null || typeof v === "string";
const optReason = (v) => v === undefined || v === null || REASONS.has(v);
const token = (tag, s) => tag + s.length + ":" + s;

// A getter of the caller's that throws must not escape here (unwinding through wasm, without
// a kind): give up, and the JSON path reports it as a Validation error of `answers`.
export function packAnswers(answers) {
  try {
    return pack(answers);
  } catch {
    return undefined;
  }
}

function pack(answers) {
  let out = "";
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    if (!plain(a) || typeof a.questionId !== "string" || !optText(a.pillarId)) return undefined;
    if (!optText(a.notes) || !optReason(a.reason)) return undefined;
    const applicable = a.isApplicable;
    if (applicable !== undefined && typeof applicable !== "boolean") return undefined;
    out += token("q", a.questionId);
    if (applicable === false) out += "x";
    const selected = a.selectedChoices;
    if (selected !== undefined) {
      if (!Array.isArray(selected)) return undefined;
      for (let k = 0; k < selected.length; k++) {
        if (typeof selected[k] !== "string") return undefined;
        out += token("s", selected[k]);
      }
    }
    const choices = a.choiceAnswers;
    if (choices !== undefined) {
      if (!Array.isArray(choices)) return undefined;
      for (let k = 0; k < choices.length; k++) {
        const c = choices[k];
        if (!plain(c) || typeof c.choiceId !== "string") return undefined;
        if (!optText(c.notes) || !optReason(c.reason)) return undefined;
        if (c.status === "SELECTED") out += token("s", c.choiceId);
        else if (c.status === "NOT_APPLICABLE") out += token("a", c.choiceId);
        else if (c.status !== "UNSELECTED") return undefined;
      }
    }
  }
  return out;
}

function counts(c) {
  return { UNANSWERED: c[0], HIGH: c[1], MEDIUM: c[2], NONE: c[3], NOT_APPLICABLE: c[4] };
}

export function evaluationOf(shape, codes) {
  const { questionIds, pillarIds, questionCounts } = shape;
  const questions = [];
  const pillars = [];
  const total = [0, 0, 0, 0, 0];
  let k = 0;
  for (let p = 0; p < pillarIds.length; p++) {
    const pillarId = pillarIds[p];
    const c = [0, 0, 0, 0, 0];
    for (const end = k + questionCounts[p]; k < end; k++) {
      const r = codes[k];
      c[r]++;
      total[r]++;
      questions.push({ questionId: questionIds[k], pillarId, risk: RISKS[r] });
    }
    pillars.push({ pillarId, riskCounts: counts(c) });
  }
  return { questions, pillars, riskCounts: counts(total) };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = packAnswers)]
    fn pack_answers(answers: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = evaluationOf)]
    fn evaluation_of(shape: &JsValue, codes: &[u8]) -> JsValue;
}

/// `Lens.lint`'s options, read like the workspace's inputs (unknown names are refused).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct LintFlags {
    strict: bool,
}

#[derive(Serialize)]
struct LintResult<'a> {
    valid: bool,
    diagnostics: &'a [Diagnostic],
    model: Option<LensModel<'a>>,
}

/// The lens model as JS renders it: the custom-lens JSON field names, risk rules as written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LensModel<'a> {
    schema_version: &'a str,
    name: &'a str,
    description: &'a str,
    pillars: Vec<PillarModel<'a>>,
}

#[derive(Serialize)]
struct PillarModel<'a> {
    id: &'a str,
    name: &'a str,
    questions: Vec<QuestionModel<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionModel<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    helpful_resource: Option<&'a lens::model::Resource>,
    choices: Vec<ChoiceModel<'a>>,
    risk_rules: Vec<RuleModel<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChoiceModel<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    helpful_resource: Option<&'a lens::model::Resource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    improvement_plan: Option<&'a lens::model::Resource>,
    additional_resources: &'a [lens::model::AdditionalResources],
}

#[derive(Serialize)]
struct RuleModel<'a> {
    condition: &'a str,
    risk: lens::model::LensRisk,
}

impl<'a> LensModel<'a> {
    fn of(lens: &'a lens::Lens) -> Self {
        LensModel {
            schema_version: &lens.schema_version,
            name: &lens.name,
            description: &lens.description,
            pillars: lens
                .pillars
                .iter()
                .map(|p| PillarModel {
                    id: &p.id,
                    name: &p.name,
                    questions: p
                        .questions
                        .iter()
                        .map(|q| QuestionModel {
                            id: &q.id,
                            title: &q.title,
                            description: &q.description,
                            helpful_resource: q.helpful_resource.as_ref(),
                            choices: q
                                .choices
                                .iter()
                                .map(|c| ChoiceModel {
                                    id: &c.id,
                                    title: &c.title,
                                    description: c.description.as_deref(),
                                    helpful_resource: c.helpful_resource.as_ref(),
                                    improvement_plan: c.improvement_plan.as_ref(),
                                    additional_resources: &c.additional_resources,
                                })
                                .collect(),
                            risk_rules: q
                                .risk_rules
                                .iter()
                                .map(|r| RuleModel {
                                    condition: &r.source,
                                    risk: r.risk,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Workspace
// ---------------------------------------------------------------------------------------------

/// The store a JS workspace keeps its documents in, chosen by `Workspace.open({storage})`.
enum BrowserStore {
    Memory(MemoryStore),
    IndexedDb(IndexedDbStore),
    LocalStorage(LocalStorageStore),
}

impl BrowserStore {
    fn kind(&self) -> &'static str {
        match self {
            BrowserStore::Memory(_) => "memory",
            BrowserStore::IndexedDb(_) => "indexeddb",
            BrowserStore::LocalStorage(_) => "localstorage",
        }
    }
}

impl Store for BrowserStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        match self {
            BrowserStore::Memory(s) => s.get(id).await,
            BrowserStore::IndexedDb(s) => s.get(id).await,
            BrowserStore::LocalStorage(s) => s.get(id).await,
        }
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        match self {
            BrowserStore::Memory(s) => s.list(prefix).await,
            BrowserStore::IndexedDb(s) => s.list(prefix).await,
            BrowserStore::LocalStorage(s) => s.list(prefix).await,
        }
    }

    async fn list_as<T: serde::de::DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<TypedDocument<T>>, StoreError> {
        match self {
            BrowserStore::Memory(s) => s.list_as(prefix).await,
            BrowserStore::IndexedDb(s) => s.list_as(prefix).await,
            BrowserStore::LocalStorage(s) => s.list_as(prefix).await,
        }
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        match self {
            BrowserStore::Memory(s) => s.list_raw(prefix).await,
            BrowserStore::IndexedDb(s) => s.list_raw(prefix).await,
            BrowserStore::LocalStorage(s) => s.list_raw(prefix).await,
        }
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        match self {
            BrowserStore::Memory(s) => s.commit(writes).await,
            BrowserStore::IndexedDb(s) => s.commit(writes).await,
            BrowserStore::LocalStorage(s) => s.commit(writes).await,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `crypto.getRandomValues`: `window.crypto` in pages, `globalThis.crypto` in Node 20.
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;
}

/// The core's clock and entropy: `Date.now()` and `crypto.getRandomValues`.
struct JsEnvironment;

impl Environment for JsEnvironment {
    fn now(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn random_bytes(&self, buf: &mut [u8]) {
        // Every supported runtime has Web Crypto; without it ids would not be unique, so
        // failing loudly is better than a weak fallback.
        if let Err(e) = get_random_values(buf) {
            wasm_bindgen::throw_val(e);
        }
    }
}

/// What a JS `Workspace` handle drives: the core workspace, and the queue its calls wait in
/// ([`spawn`]). It derefs to the workspace so that every method reads `ws.operation(...)`.
struct Core {
    workspace: Workspace<BrowserStore>,
    turns: Rc<Turnstile>,
}

impl std::ops::Deref for Core {
    type Target = Workspace<BrowserStore>;

    fn deref(&self) -> &Self::Target {
        &self.workspace
    }
}

/// `Workspace.open`'s argument.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct OpenOptions {
    storage: Option<String>,
    name: Option<String>,
}

/// `{milestoneNumber}`: read the frozen state of a milestone instead of the current one.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ReadOptions {
    milestone_number: Option<u32>,
}

/// Reads a JS input object into a core input type with the core's field-level errors
/// (`kind: "Validation"`, `field` = the offending property). `undefined` reads as `{}`. A value
/// that cannot even be read (a getter or `toJSON` that throws, a cycle, a BigInt) is refused
/// with `field` = `argument`, the parameter's name, and the engine's message.
fn input<T: DeserializeOwned>(value: JsValue, argument: &str) -> Result<T, JsValue> {
    let json: Value = if value.is_undefined() {
        Value::Null
    } else {
        from_js(value, argument)?
    };
    from_json(json).map_err(workspace_error)
}

/// Every workspace failure: `kind` from the core (`Validation`, `NotFound`, `Conflict`,
/// `QuotaExceeded`, `Corrupted`, `Unavailable`, `Storage`), plus `field` for validation.
fn workspace_error(e: WorkspaceError) -> JsValue {
    let mut extra = Vec::new();
    if let Some(f) = e.field() {
        extra.push(("field", JsValue::from_str(f)));
    }
    if let Some(p) = e.path() {
        extra.push(("path", JsValue::from_str(p)));
    }
    if let Some(id) = e.record_id() {
        extra.push(("recordId", JsValue::from_str(id)));
    }
    if let Some(d) = e.diagnostics() {
        extra.push(("diagnostics", to_js(d).unwrap_or(JsValue::NULL)));
    }
    js_error(e.kind(), &e.to_string(), &extra)
}

/// A string argument such as an id: anything else is a `Validation` error naming it (the
/// generated glue would otherwise pass a number to the engine as a broken string).
fn string_arg(value: JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_argument(field, "must be a string"))
}

/// A required string argument.
fn text(value: Option<String>, field: &str) -> Result<String, JsValue> {
    value.ok_or_else(|| invalid_argument(field, "is required and must be a string"))
}

/// Runs `op` on the shared core and settles the returned promise with its serialized result.
///
/// Calls on one handle run one after another, in call order: the place in the queue is taken
/// here, synchronously, and `op` starts when every earlier call has settled. Concurrent calls
/// that interleaved all rewrote the workload's summary document and defeated each other's
/// revisions, so most failed with a `Conflict` that no other writer caused. The turn is
/// released when `op` settles, with a result or an error.
fn spawn<T, F, Fut>(core: &Rc<Core>, op: F) -> js_sys::Promise
where
    T: Serialize,
    F: FnOnce(Rc<Core>) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, JsValue>> + 'static,
{
    let core = core.clone();
    let ticket = core.turns.enter();
    wasm_bindgen_futures::future_to_promise(async move {
        let turn = ticket.await;
        let result = op(core).await;
        drop(turn);
        to_js(&result?)
    })
}

/// Workloads, their lens reviews, answers and milestones, kept in the browser.
///
/// ```javascript
/// const ws = await Workspace.open({ storage: "indexeddb" });
/// const w = await ws.defineWorkload({ workloadName: "Retail Website - North America", ... });
/// await ws.updateAnswer(w.workloadId, "wellarchitected", "priorities", { selectedChoices: [...] });
/// const review = await ws.getLensReview(w.workloadId, "wellarchitected");
/// ```
#[wasm_bindgen(js_name = Workspace)]
pub struct JsWorkspace {
    core: Rc<Core>,
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Opens the workspace `name` (default `"plumbline"`) in `storage`: `"indexeddb"` (the
    /// default where IndexedDB exists), `"localstorage"`, or `"memory"` (the default elsewhere,
    /// e.g. Node; nothing is kept). Rejects with `kind: "Unavailable"` when the storage cannot
    /// be used (blocked upgrade, data from a newer release, storage disabled).
    pub async fn open(
        #[wasm_bindgen(unchecked_optional_param_type = "OpenOptions")] options: JsValue,
    ) -> Result<JsWorkspace, JsValue> {
        let options: OpenOptions = if options.is_undefined() || options.is_null() {
            OpenOptions::default()
        } else {
            from_js(options, "options")?
        };
        let name = options.name.unwrap_or_else(|| DEFAULT_NAME.to_string());
        if name.trim().is_empty() || name.chars().count() > 100 {
            return Err(invalid_argument("name", "must be 1 to 100 characters"));
        }
        // Before the store opens: nothing to close when the shipped lenses cannot be had.
        let lenses = catalog::loaded().map_err(|e| js_error(e.kind(), &e.to_string(), &[]))?;
        let storage = match options.storage {
            Some(s) => s,
            None if has_indexed_db() => "indexeddb".into(),
            None => "memory".into(),
        };
        let store_error = |e: StoreError| workspace_error(WorkspaceError::from(e));
        let store = match storage.as_str() {
            "memory" => BrowserStore::Memory(MemoryStore::new()),
            "indexeddb" => {
                BrowserStore::IndexedDb(IndexedDbStore::open(&name).await.map_err(store_error)?)
            }
            "localstorage" => {
                BrowserStore::LocalStorage(LocalStorageStore::open(&name).map_err(store_error)?)
            }
            other => {
                return Err(invalid_argument(
                    "storage",
                    &format!(
                    "`{other}` is not a storage; use \"indexeddb\", \"localstorage\" or \"memory\""
                ),
                ))
            }
        };
        let workspace = Workspace::open_with_lenses(store, JsEnvironment, lenses.to_vec())
            .await
            .map_err(workspace_error)?;
        let core = Rc::new(Core {
            workspace,
            turns: Turnstile::new(),
        });
        guard_disposal(&WORKSPACE_GUARDED, WORKSPACE_DISPOSED, || {
            JsWorkspace { core: core.clone() }.into()
        });
        Ok(JsWorkspace { core })
    }

    /// Which storage this workspace uses: `"indexeddb"`, `"localstorage"` or `"memory"`.
    #[wasm_bindgen(getter, unchecked_return_type = "StorageKind")]
    pub fn storage(&self) -> String {
        self.core.store().kind().to_string()
    }

    /// Closes the database connection (IndexedDB); later calls reject with `Unavailable`.
    pub fn close(&self) {
        if let BrowserStore::IndexedDb(s) = self.core.store() {
            s.close();
        }
    }

    /// Creates a workload. Required: `workloadName`, `description`, `environment`,
    /// `reviewOwner`, and `awsRegions` or `nonAwsRegions`. The framework lens is always applied.
    #[wasm_bindgen(js_name = defineWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn define_workload(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkloadInput")] workload: JsValue,
    ) -> js_sys::Promise {
        let parsed = input(workload, "workload");
        spawn(&self.core, move |ws| async move {
            ws.define_workload(parsed?).await.map_err(workspace_error)
        })
    }

    /// Every workload, by name.
    #[wasm_bindgen(js_name = listWorkloads, unchecked_return_type = "Promise<WorkloadSummary[]>")]
    pub fn list_workloads(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.list_workloads().await.map_err(workspace_error)
        })
    }

    #[wasm_bindgen(js_name = getWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn get_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.get_workload(&workload_id).await.map_err(workspace_error)
        })
    }

    /// Changes the properties present in `patch`; with `expectedRevision`, refuses (Conflict)
    /// if the workload changed since it was read.
    #[wasm_bindgen(js_name = updateWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn update_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WorkloadPatch")] patch: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let parsed = input(patch, "patch");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.update_workload(&workload_id, parsed?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Deletes the workload with its reviews, answers and milestones, in one transaction.
    #[wasm_bindgen(js_name = deleteWorkload, unchecked_return_type = "Promise<void>")]
    pub fn delete_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.delete_workload(&workload_id)
                .await
                .map_err(workspace_error)
        })
    }

    #[wasm_bindgen(js_name = associateLenses, unchecked_return_type = "Promise<Workload>")]
    pub fn associate_lenses(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAliases, unchecked_param_type = "string[]")]
        lens_aliases: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let aliases: Result<Vec<String>, JsValue> = from_js(lens_aliases, "lensAliases");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.associate_lenses(&workload_id, &aliases?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Removes lenses from the workload; their answers are kept and come back when the lens is
    /// added again. The framework lens cannot be removed.
    #[wasm_bindgen(js_name = disassociateLenses, unchecked_return_type = "Promise<Workload>")]
    pub fn disassociate_lenses(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAliases, unchecked_param_type = "string[]")]
        lens_aliases: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let aliases: Result<Vec<String>, JsValue> = from_js(lens_aliases, "lensAliases");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.disassociate_lenses(&workload_id, &aliases?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Answers a question: `selectedChoices` replaces the selection; `choiceUpdates` marks
    /// choices not applicable (with a reason) or adds notes. Returns the answer with its `risk`.
    #[wasm_bindgen(js_name = updateAnswer, unchecked_return_type = "Promise<Answer>")]
    pub fn update_answer(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnswerUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let question_id = string_arg(question_id, "questionId");
        let parsed = input(update, "update");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            let question_id = question_id?;
            ws.update_answer(&workload_id, &lens_alias, &question_id, parsed?)
                .await
                .map_err(workspace_error)
        })
    }

    #[wasm_bindgen(js_name = getAnswer, unchecked_return_type = "Promise<Answer>")]
    pub fn get_answer(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let question_id = string_arg(question_id, "questionId");
        let options: Result<ReadOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            let question_id = question_id?;
            ws.get_answer(
                &workload_id,
                &lens_alias,
                &question_id,
                options?.milestone_number,
            )
            .await
            .map_err(workspace_error)
        })
    }

    /// Every question of the lens with its answer (unanswered ones included), in lens order.
    #[wasm_bindgen(js_name = listAnswers, unchecked_return_type = "Promise<Answer[]>")]
    pub fn list_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let options: Result<ReadOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.list_answers(&workload_id, &lens_alias, options?.milestone_number)
                .await
                .map_err(workspace_error)
        })
    }

    /// Risk counts for the lens and each pillar, with notes; of a milestone if one is named.
    #[wasm_bindgen(js_name = getLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn get_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let options: Result<ReadOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.get_lens_review(&workload_id, &lens_alias, options?.milestone_number)
                .await
                .map_err(workspace_error)
        })
    }

    /// Sets lens notes and pillar notes.
    #[wasm_bindgen(js_name = updateLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn update_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LensReviewUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let parsed = input(update, "update");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.update_lens_review(&workload_id, &lens_alias, parsed?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Moves the review of a custom lens to the lens's latest published version, in one
    /// commit: answers to kept questions stay (choices the version lacks leave the selection),
    /// answers to removed questions are kept but no longer counted, risk counts are recomputed;
    /// milestones keep their version. Throws `kind: "Validation"` (`field: "lensAlias"`) for a
    /// shipped lens or a review already on the latest version.
    #[wasm_bindgen(js_name = upgradeLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn upgrade_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.upgrade_lens_review(&workload_id, &lens_alias)
                .await
                .map_err(workspace_error)
        })
    }

    /// The lens review's improvement plan, ordered by risk, then the workload's pillar
    /// priorities, then question order.
    #[wasm_bindgen(js_name = improvementPlan, unchecked_return_type = "Promise<PlanItem[]>")]
    pub fn improvement_plan(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WorkspacePlanOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        // PlanOptions plus `milestoneNumber`: split the one off before reading the other.
        let parsed = input::<Value>(options, "options").and_then(|mut options| {
            let milestone = match options
                .as_object_mut()
                .and_then(|o| o.remove("milestoneNumber"))
            {
                None | Some(Value::Null) => None,
                Some(n) => Some(n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(
                    || invalid_argument("milestoneNumber", "must be a whole number"),
                )?),
            };
            Ok((
                from_json::<PlanOptions>(options).map_err(workspace_error)?,
                milestone,
            ))
        });
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            let (options, milestone) = parsed?;
            ws.improvement_plan(&workload_id, &lens_alias, options, milestone)
                .await
                .map_err(workspace_error)
        })
    }

    /// Records an immutable snapshot of the workload (at most 100 per workload).
    #[wasm_bindgen(js_name = createMilestone, unchecked_return_type = "Promise<MilestoneSummary>")]
    pub fn create_milestone(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = milestoneName, unchecked_param_type = "string")]
        milestone_name: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let name = text(milestone_name.as_string(), "milestoneName");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.create_milestone(&workload_id, &name?)
                .await
                .map_err(workspace_error)
        })
    }

    #[wasm_bindgen(js_name = listMilestones, unchecked_return_type = "Promise<MilestoneSummary[]>")]
    pub fn list_milestones(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.list_milestones(&workload_id)
                .await
                .map_err(workspace_error)
        })
    }

    /// The snapshot: the workload as it was, its lens reviews and every answer.
    /// `milestoneNumber` is a whole number from 1 to 100 (else `Validation`).
    // Taken as a JS value and checked here: wasm-bindgen's `u32` conversion wraps 2^32 + 1 to
    // 1 and truncates 1.9 to 1, which read milestone 1 instead of refusing.
    #[wasm_bindgen(js_name = getMilestone, unchecked_return_type = "Promise<Milestone>")]
    pub fn get_milestone(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = milestoneNumber, unchecked_param_type = "number")]
        milestone_number: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let number = milestone_number_of(&milestone_number);
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.get_milestone(&workload_id, number?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Risks across every workload, by pillar, by workload and by question.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dashboard>")]
    pub fn dashboard(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DashboardFilter")] filter: JsValue,
    ) -> js_sys::Promise {
        let parsed = input(filter, "filter");
        spawn(&self.core, move |ws| async move {
            ws.dashboard(parsed?).await.map_err(workspace_error)
        })
    }

    /// Every lens: the shipped ones (framework first), then the custom lenses of this
    /// workspace (`lensType: "CUSTOM_SELF"`, `lensStatus: "DRAFT"` until published).
    #[wasm_bindgen(unchecked_return_type = "Promise<LensSummary[]>")]
    pub fn lenses(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.list_lenses().await.map_err(workspace_error)
        })
    }

    /// One lens with its content, to render its questions or evaluate answers outside a
    /// workload: a shipped lens, or a custom lens at `lensVersion` (default: its latest
    /// published version). A draft-only custom lens is refused (`Validation`, `lensAlias`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Lens>")]
    pub fn lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LensVersionOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let options: Result<LensVersionOptions, JsValue> = input(options, "options");
        let core = self.core.clone();
        // Queued like every other call (see `spawn`): a lens read right after a publish on
        // the same handle must see it.
        let ticket = core.turns.enter();
        wasm_bindgen_futures::future_to_promise(async move {
            let lens_alias = lens_alias?;
            let _turn = ticket.await;
            let options = options?;
            let lens = core
                .get_lens(&lens_alias, options.lens_version.as_deref())
                .await
                .map_err(workspace_error)?;
            Ok(JsLens::new(Rc::new(lens.lens.clone())).into())
        })
    }
}

fn unknown_lens(alias: &str) -> JsValue {
    let known: Vec<&str> = catalog::shipped_aliases().collect();
    js_error(
        "NotFound",
        &format!("no lens `{alias}` (known: {})", known.join(", ")),
        &[],
    )
}

/// Whether this runtime has IndexedDB (browsers: yes; Node: no).
fn has_indexed_db() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false)
}

// ---------------------------------------------------------------------------------------------
// Misc
// ---------------------------------------------------------------------------------------------

/// The engine version (the crate version), shown in the app's footer and in reports.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

// ---------------------------------------------------------------------------------------------
// Answers files (AWS ListAnswers JSON): a separate block so the exports above stay as they are.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_EXCHANGE_TYPES: &'static str = r#"
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
"#;

/// A refused import: problems in the file are `kind: "Validation"` with `field: "answers"`
/// and the JSON `path` of the value at fault (plus `line`/`column` for syntax errors).
fn import_error(e: crate::workload::ImportAnswersError) -> JsValue {
    use crate::workload::ImportAnswersError;
    match e {
        ImportAnswersError::Workspace(e) => workspace_error(e),
        ImportAnswersError::File(e) => {
            let mut extra = vec![
                ("field", JsValue::from_str("answers")),
                ("path", JsValue::from_str(&e.path)),
            ];
            if let Some((line, column)) = e.line_column {
                extra.push(("line", JsValue::from(line as u32)));
                extra.push(("column", JsValue::from(column as u32)));
            }
            js_error("Validation", &format!("answers file: {e}"), &extra)
        }
    }
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The lens review's answers as the JSON text `aws wellarchitected list-answers` prints
    /// (`{WorkloadId, LensAlias, AnswerSummaries}`); of a milestone if one is named.
    #[wasm_bindgen(js_name = exportAnswers, unchecked_return_type = "Promise<string>")]
    pub fn export_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let options: Result<ReadOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.export_answers(&workload_id, &lens_alias, options?.milestone_number)
                .await
                .map_err(workspace_error)
        })
    }

    /// Applies an answers file (AWS ListAnswers or GetAnswer JSON text) to the lens review, in
    /// one transaction: a file with any problem changes nothing.
    #[wasm_bindgen(js_name = importAnswers, unchecked_return_type = "Promise<ImportSummary>")]
    pub fn import_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let text = text
            .as_string()
            .ok_or_else(|| invalid_argument("text", "must be the answers file's text (a string)"));
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            let lens_alias = lens_alias?;
            ws.import_answers(&workload_id, &lens_alias, &text?)
                .await
                .map_err(import_error)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing milestones: a separate block so the exports above stay as they are.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_COMPARE_TYPES: &'static str = r#"
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
 * NOT_APPLICABLE (same level).
 */
export type RiskChange = "IMPROVED" | "WORSENED" | "ANSWERED" | "UNANSWERED" | "RECLASSIFIED";
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
"#;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Compares two states of a workload lens by lens: `from` before, `to` after (milestone
    /// numbers; omitted = the current state; both omitted = the latest milestone against the
    /// current state). Rejects with `NotFound` for a missing workload or milestone, and with
    /// `Validation` naming `from` or `to` for a bad number.
    #[wasm_bindgen(
        js_name = compareMilestones,
        unchecked_return_type = "Promise<MilestoneComparison>"
    )]
    pub fn compare_milestones(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        let request: Result<crate::workload::CompareRequest, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.compare_milestones(&workload_id, request?)
                .await
                .map_err(workspace_error)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Custom lenses: a separate block so the exports above stay as they are.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_CUSTOM_LENS_TYPES: &'static str = r#"
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
"#;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Lints a lens JSON text and keeps it as a draft custom lens (also with errors, which
    /// `diagnostics` lists); with `{lensAlias}`, replaces that lens's draft. At most 500,000
    /// bytes. A draft cannot be applied until `createLensVersion` publishes it.
    #[wasm_bindgen(js_name = importLens, unchecked_return_type = "Promise<ImportLensResult>")]
    pub fn import_lens(
        &self,
        text: js_sys::JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "ImportLensOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let text = lens_text(&text);
        let options: Result<ImportLensOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            ws.import_lens(&text?, options?)
                .await
                .map_err(workspace_error)
        })
    }

    /// Publishes the draft as an immutable version. Throws `kind: "LensInvalid"` with
    /// `diagnostics` when the draft has errors; `Validation` (`lensVersion`) for a name that is
    /// empty, longer than 32 characters or already used, or past 100 versions.
    #[wasm_bindgen(js_name = createLensVersion, unchecked_return_type = "Promise<LensVersionSummary>")]
    pub fn create_lens_version(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LensVersionInput")] version: JsValue,
    ) -> js_sys::Promise {
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let version: Result<LensVersionInput, JsValue> = input(version, "version");
        spawn(&self.core, move |ws| async move {
            let lens_alias = lens_alias?;
            ws.create_lens_version(&lens_alias, version?)
                .await
                .map_err(workspace_error)
        })
    }

    /// The JSON text of a published version, or of the draft when no version is named.
    #[wasm_bindgen(js_name = exportLens, unchecked_return_type = "Promise<string>")]
    pub fn export_lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LensVersionOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let lens_alias = string_arg(lens_alias, "lensAlias");
        let options: Result<LensVersionOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            let lens_alias = lens_alias?;
            ws.export_lens(&lens_alias, options?.lens_version.as_deref())
                .await
                .map_err(workspace_error)
        })
    }

    /// Deletes a custom lens with its draft and versions. Throws `kind: "Conflict"` naming
    /// the workloads while any has a review of it.
    #[wasm_bindgen(js_name = deleteLens, unchecked_return_type = "Promise<void>")]
    pub fn delete_lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        let lens_alias = string_arg(lens_alias, "lensAlias");
        spawn(&self.core, move |ws| async move {
            let lens_alias = lens_alias?;
            ws.delete_lens(&lens_alias).await.map_err(workspace_error)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Data safety: damaged records, repair, and the whole workspace as one backup file.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const TS_SAFETY_TYPES: &'static str = r#"
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
  /** Choices per item id (workload id or custom lens alias). */
  resolutions?: { [id: string]: RestoreResolution };
}
export interface RestoreItem {
  itemKind: "workload" | "customLens";
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
    damaged: number;
  };
  items: RestoreItem[];
  /** Records the backup kept as damaged; never written back. */
  damagedSkipped: number;
}
"#;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Every record of the workspace that cannot be read (reads them all).
    #[wasm_bindgen(js_name = damagedRecords, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_records(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.damaged_records().await.map_err(workspace_error)
        })
    }

    /// The workload records that cannot be read: the rows `listWorkloads` leaves out.
    #[wasm_bindgen(js_name = damagedWorkloads, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_workloads(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.damaged_workloads().await.map_err(workspace_error)
        })
    }

    /// The custom lens records that cannot be read: the lenses `lenses()` leaves out. Delete
    /// one with `deleteLens(recordId.slice("customlens/".length))`.
    #[wasm_bindgen(js_name = damagedLenses, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_lenses(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.damaged_lenses().await.map_err(workspace_error)
        })
    }

    /// Every record of a workload exactly as stored, damaged ones included, as JSON text.
    #[wasm_bindgen(js_name = exportRawWorkload, unchecked_return_type = "Promise<string>")]
    pub fn export_raw_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.export_raw_workload(&workload_id)
                .await
                .map_err(workspace_error)
        })
    }

    /// Recomputes a workload's derived figures and removes its unreadable answers and
    /// milestones. `Corrupted` when its own properties cannot be read.
    #[wasm_bindgen(js_name = repairWorkload, unchecked_return_type = "Promise<RepairReport>")]
    pub fn repair_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        let workload_id = string_arg(workload_id, "workloadId");
        spawn(&self.core, move |ws| async move {
            let workload_id = workload_id?;
            ws.repair_workload(&workload_id)
                .await
                .map_err(workspace_error)
        })
    }

    /// The whole workspace as one backup file (JSON text, format `plumbline-workspace-backup`).
    #[wasm_bindgen(js_name = exportWorkspace, unchecked_return_type = "Promise<string>")]
    pub fn export_workspace(&self) -> js_sys::Promise {
        spawn(&self.core, move |ws| async move {
            ws.export_workspace().await.map_err(workspace_error)
        })
    }

    /// Restores a backup file. `{mode: "preview"}` (the default) lists what would happen;
    /// `{mode: "apply"}` writes, all or nothing, and refuses (`Validation`, `onConflict`)
    /// while an item that exists here with other content has no choice. A file that is not a
    /// valid backup: `Validation` with `field: "backup"` and the JSON `path` of the problem.
    #[wasm_bindgen(js_name = importWorkspace, unchecked_return_type = "Promise<RestoreResult>")]
    pub fn import_workspace(
        &self,
        text: js_sys::JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "RestoreOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let text = if text.is_string() {
            Ok(js_json::string_from_js(&text))
        } else {
            Err(invalid_argument(
                "backup",
                "must be a string (the backup file's text)",
            ))
        };
        let options: Result<RestoreOptions, JsValue> = input(options, "options");
        spawn(&self.core, move |ws| async move {
            ws.import_workspace(&text?, options?)
                .await
                .map_err(workspace_error)
        })
    }
}
