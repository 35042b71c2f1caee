// @ts-check
// The one module that talks to the engine (./engine.js, the wasm boundary). Views call these
// functions; nothing else imports engine.js. It opens the workspace once and keeps the plain
// lens models for rendering. Results are the package's own shapes (pkg/plumbline.d.ts), passed
// on unchanged: a contract break fails the type check instead of being smoothed over here.
// Every write goes through write(), which counts the stored change for the backup reminder.
import { loadEngine } from './engine.js';
import { recordChange } from './backup-reminder.js';
import { errorText } from './errors.js';
import { appStoreOptions } from './sync/app-store.js';
import { useLensLinter } from './sync/shared-lenses.js';

/** @typedef {import('./pkg/plumbline.js').Workspace} Workspace */
/** @typedef {import('./pkg/plumbline.js').Lens} Lens */
/** @typedef {import('./pkg/plumbline.js').LensModel} LensModel */
/** @typedef {import('./pkg/plumbline.js').LintResult} LintResult */
/** @typedef {import('./pkg/plumbline.js').ErrorKind} ErrorKind */

/** @type {Promise<Workspace> | null} */
let workspacePromise = null;
/** @type {Map<string, Promise<LensModel>>} */
const lensModels = new Map();
/** @type {Map<string, Promise<Lens>>} */
const lensEngines = new Map();

// Lens versions pulled from a team server are checked as an imported lens is.
useLensLinter((text) => lintLens(text));

/** @returns {Promise<Workspace>} */
function workspace() {
  // The engine and the store (the PouchDB chunk, its databases) load side by side; no lens file
  // before the first page: each comes when a call first needs it (see below).
  workspacePromise ??= Promise.all([loadEngine(), appStoreOptions()])
    .then(async ([{ Workspace }, options]) => lensFetchingWorkspace(await Workspace.open({ ...options, loadLenses: false })))
    .catch((e) => {
      workspacePromise = null;
      throw e;
    });
  return workspacePromise;
}

// ---- shipped lenses, fetched on first need -----------------------------------------------------
// The workspace opens without the shipped lens files (55 and 19 KiB gzip), so the workload list
// waits for neither. A call that needs one rejects with kind "Uninitialized" and its lensAlias:
// the file is fetched next to the app (the service worker keeps it for offline use), handed to
// the engine, and the call runs again. Every caller of the workspace, the sync screens too (they
// get it from open()), goes through this.

/** One download per shipped lens, shared by concurrent callers; forgotten when it fails. */
/** @type {Map<string, Promise<void>>} */
const shippedLensFiles = new Map();

/**
 * @param {string} alias
 * @returns {Promise<void>}
 */
function giveShippedLens(alias) {
  let giving = shippedLensFiles.get(alias);
  if (!giving) {
    giving = fetchShippedLens(alias);
    shippedLensFiles.set(alias, giving);
    giving.catch(() => shippedLensFiles.delete(alias));
  }
  return giving;
}

/** @param {string} alias */
async function fetchShippedLens(alias) {
  const url = `./pkg/lenses/${encodeURIComponent(alias)}.json`;
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw engineError('Unavailable', `The lens file ${url} could not be downloaded: ${errorText(e)}`);
  }
  if (!response.ok) throw engineError('Unavailable', `The lens file ${url} could not be downloaded (HTTP ${response.status}).`);
  const { Lens } = await loadEngine();
  Lens.useBuiltins({ [alias]: await response.text() });
}

/**
 * Settles as `call` did, except when it failed for want of a shipped lens: then gives that lens
 * and calls again (once per lens: a call over two lenses may ask for each in turn).
 * @template T
 * @param {() => Promise<T>} call
 * @param {Set<string>} [given] the lenses given for this call so far
 * @returns {Promise<T>}
 */
async function withLensRetry(call, given = new Set()) {
  try {
    return await call();
  } catch (e) {
    const alias = /** @type {import('./pkg/plumbline.js').PlumblineError} */ (e)?.lensAlias;
    if (/** @type {{kind?: unknown}} */ (e)?.kind !== 'Uninitialized' || typeof alias !== 'string' || given.has(alias)) throw e;
    given.add(alias);
    await giveShippedLens(alias);
    return withLensRetry(call, given);
  }
}

/**
 * The workspace as its callers use it, every method that returns a promise wrapped in
 * withLensRetry (properties and synchronous methods as they are).
 * @param {Workspace} ws
 * @returns {Workspace}
 */
function lensFetchingWorkspace(ws) {
  return new Proxy(ws, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (/** @type {unknown[]} */ ...args) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        let attempts = 0;
        return withLensRetry(() => (attempts++ === 0 ? result : value.apply(target, args)));
      };
    },
  });
}

/**
 * Runs a write on the workspace; once it is stored, counts it (backup-reminder.js).
 * @template T
 * @param {(ws: Workspace) => Promise<T>} run
 * @returns {Promise<T>}
 */
async function write(run) {
  const result = await run(await workspace());
  recordChange();
  return result;
}

/** The engine's version for the footer, or "unknown" when the engine cannot load. */
export async function engineVersion() {
  try {
    const { version } = await loadEngine();
    return version();
  } catch {
    return 'unknown';
  }
}

export async function open() {
  return workspace();
}

// ---- lenses --------------------------------------------------------------------------------

export const lenses = async () => (await workspace()).lenses();

/**
 * Forgets the lens objects of `alias`, every version (after a publish or a delete changed it).
 * @param {string} alias
 */
function forgetLens(alias) {
  for (const map of [lensEngines, lensModels]) {
    for (const key of map.keys()) if (key.startsWith(`${alias}@`)) map.delete(key);
  }
}

// ---- custom lenses in the workspace ----------------------------------------------------------

/**
 * Keeps a lens text as a draft: {lensAlias, lensName, status: "DRAFT", diagnostics}.
 * @param {string} text
 * @param {string} [lensAlias] the draft to replace; a new lens without it
 */
export const importLens = (text, lensAlias) =>
  write((ws) => ws.importLens(text, lensAlias ? { lensAlias } : {}));
/**
 * Publishes the draft as version `lensVersion` (throws LensInvalid when it has errors).
 * @param {string} alias
 * @param {string} lensVersion
 */
export async function createLensVersion(alias, lensVersion) {
  const version = await write((ws) => ws.createLensVersion(alias, { lensVersion }));
  forgetLens(alias);
  return version;
}
/**
 * The draft's JSON text (the author's latest work).
 * @param {string} alias
 */
export const exportLens = async (alias) => (await workspace()).exportLens(alias, {});
/** @param {string} alias */
export async function deleteLens(alias) {
  await write((ws) => ws.deleteLens(alias));
  forgetLens(alias);
}

/**
 * The engine's Lens object (kept for the page's life), to evaluate answers on the spot,
 * without a storage round trip: `lens.evaluate([answer])`.
 */
// One promise per key, so concurrent callers share a load; a failed load is dropped so that
// the next call tries again.
/**
 * @template T
 * @param {Map<string, Promise<T>>} map
 * @param {string} key
 * @param {() => Promise<T>} load
 * @returns {Promise<T>}
 */
async function cached(map, key, load) {
  let loading = map.get(key);
  if (!loading) map.set(key, (loading = load()));
  try {
    return await loading;
  } catch (e) {
    map.delete(key);
    throw e;
  }
}

/**
 * The engine's Lens, and below the plain lens model (pillars → questions → choices) for
 * rendering. A custom lens can have several published versions, and a workload (or a
 * milestone) keeps the one it was reviewed with: pages about a review pass its `lensVersion`,
 * so they show that version's questions, not the latest's.
 * @param {string} alias
 * @param {string} [lensVersion]
 * @returns {Promise<Lens>}
 */
export async function lensEngine(alias, lensVersion) {
  return cached(lensEngines, `${alias}@${lensVersion ?? ''}`,
    () => workspace().then((ws) => ws.lens(alias, lensVersion ? { lensVersion } : undefined)));
}

/**
 * @param {string} alias
 * @param {string} [lensVersion]
 * @returns {Promise<LensModel>}
 */
export async function lensModel(alias, lensVersion) {
  return cached(lensModels, `${alias}@${lensVersion ?? ''}`,
    async () => (await lensEngine(alias, lensVersion)).toJSON());
}

// ---- lens files (the workbench) ------------------------------------------------------------

/**
 * Checks a lens text without throwing: {valid, diagnostics, model}. `model` is the lens as far
 * as it could be read (null after a structural error), for a preview of a draft.
 * @param {string} text
 * @returns {Promise<LintResult>}
 */
export async function lintLens(text) {
  try {
    return await lintInWorker(text);
  } catch (e) {
    if (!(e instanceof LintWorkerFailure)) throw e;
    console.warn('lens check on the main thread:', e.message);
  }
  const { Lens } = await loadEngine();
  return Lens.lint(text);
}

// The worker (lint-worker.js) that checks lens texts off the main thread, started on the first
// check and kept. If it cannot start or dies (a browser without module workers, a policy that
// blocks it), lintLens falls back to the page: slower with a huge text, never broken.
/** @type {Worker | null} */
let linter = null;
let lintSeq = 0;
/** @type {Map<number, {resolve: (lint: LintResult) => void, reject: (e: Error) => void}>} */
const lintWaiting = new Map();

/** The worker could not check the text (it did not start, died, or has no engine): lintLens tries in the page. */
class LintWorkerFailure extends Error {}

/**
 * @param {string} text
 * @returns {Promise<LintResult>}
 */
function lintInWorker(text) {
  if (!linter) {
    try {
      linter = new Worker(new URL('./lint-worker.js', import.meta.url), { type: 'module' });
    } catch (e) {
      return Promise.reject(new LintWorkerFailure(errorText(e)));
    }
    linter.addEventListener('message', ({ data }) => {
      const waiting = lintWaiting.get(data?.id);
      if (!waiting) return;
      lintWaiting.delete(data.id);
      if (!data.error) return waiting.resolve(data.lint);
      // Without a kind the engine could not load there: try in the page.
      waiting.reject(data.error.kind ? engineError(data.error.kind, data.error.message) : new LintWorkerFailure(data.error.message));
    });
    linter.addEventListener('error', (ev) => {
      ev.preventDefault();
      linter?.terminate();
      linter = null;
      for (const waiting of lintWaiting.values()) waiting.reject(new LintWorkerFailure(ev.message || 'the lens checker stopped'));
      lintWaiting.clear();
    });
  }
  const worker = linter;
  const id = ++lintSeq;
  return new Promise((resolve, reject) => {
    lintWaiting.set(id, { resolve, reject });
    worker.postMessage({ id, text });
  });
}

/**
 * An Error shaped as the engine's (pkg/plumbline.d.ts PlumblineError), for a failure the page
 * finds itself (a lens not applied to the workload, a question not in the lens) and for one
 * the lens worker passed on as data.
 * @param {ErrorKind} kind
 * @param {string} message
 * @returns {import('./pkg/plumbline.js').PlumblineError}
 */
export function engineError(kind, message) {
  return Object.assign(new Error(message), { kind });
}

/**
 * The engine's Lens for a text with no error (throws kind "LensInvalid" otherwise).
 * @param {string} text
 */
export async function parseLens(text) {
  const { Lens } = await loadEngine();
  return Lens.parse(text);
}

/**
 * @param {LensModel | null | undefined} model
 * @param {string} alias
 */
export function lensName(model, alias) {
  return model?.name || alias;
}

// ---- workloads -----------------------------------------------------------------------------

/** @param {import('./pkg/plumbline.js').WorkloadInput} input */
export const defineWorkload = (input) => write((ws) => ws.defineWorkload(input));
export const listWorkloads = async () => (await workspace()).listWorkloads();
/** @param {string} id */
export const getWorkload = async (id) => (await workspace()).getWorkload(id);
/** @param {string} id */
export const deleteWorkload = (id) => write((ws) => ws.deleteWorkload(id));
/** @param {string} id @param {string[]} aliases */
export const associateLenses = (id, aliases) => write((ws) => ws.associateLenses(id, aliases));
/** @param {string} id @param {string[]} aliases */
export const disassociateLenses = (id, aliases) => write((ws) => ws.disassociateLenses(id, aliases));

// ---- damaged records (see src/workload/damage.rs) -------------------------------------------

/** The workload records the list leaves out because they cannot be read: DamagedRecord[]. */
export const damagedWorkloads = async () => (await workspace()).damagedWorkloads();
/** The custom lens records the lens list leaves out because they cannot be read. */
export const damagedLenses = async () => (await workspace()).damagedLenses();
/**
 * Every record of the workload exactly as stored, damaged ones included (JSON text).
 * @param {string} id
 */
export const exportRawWorkload = async (id) => (await workspace()).exportRawWorkload(id);
/**
 * {workloadId, removed, recomputed}; kind "Corrupted" when its own properties are unreadable.
 * @param {string} id
 */
export const repairWorkload = (id) => write((ws) => ws.repairWorkload(id));

/**
 * Writes `patch`, naming the revision that was read (`read.revision`) so that a change made
 * meanwhile in another tab is refused (kind "Conflict") instead of overwritten.
 * @param {string} id
 * @param {import('./pkg/plumbline.js').WorkloadPatch} patch
 * @param {{revision: string}} [read]
 */
export function updateWorkload(id, patch, read) {
  const body = { ...patch };
  if (read && body.expectedRevision === undefined) body.expectedRevision = read.revision;
  return write((ws) => ws.updateWorkload(id, body));
}

// ---- reviews -------------------------------------------------------------------------------

// Milestone numbers come from the route (text) or from the engine (a number).
/** @typedef {number | string | undefined} MilestoneRef */
/** @param {MilestoneRef} milestoneNumber @returns {import('./pkg/plumbline.js').ReadOptions} */
const milestoneOpts = (milestoneNumber) => (milestoneNumber ? { milestoneNumber: Number(milestoneNumber) } : {});

/**
 * @param {string} id @param {string} alias @param {string} questionId
 * @param {import('./pkg/plumbline.js').AnswerUpdate} update
 */
export const updateAnswer = (id, alias, questionId, update) =>
  write((ws) => ws.updateAnswer(id, alias, questionId, update));
/** @param {string} id @param {string} alias @param {string} questionId @param {MilestoneRef} [milestoneNumber] */
export const getAnswer = async (id, alias, questionId, milestoneNumber) =>
  (await workspace()).getAnswer(id, alias, questionId, milestoneOpts(milestoneNumber));
/** @param {string} id @param {string} alias @param {MilestoneRef} [milestoneNumber] */
export const listAnswers = async (id, alias, milestoneNumber) =>
  (await workspace()).listAnswers(id, alias, milestoneOpts(milestoneNumber));
/** @param {string} id @param {string} alias @param {MilestoneRef} [milestoneNumber] */
export const getLensReview = async (id, alias, milestoneNumber) =>
  (await workspace()).getLensReview(id, alias, milestoneOpts(milestoneNumber));
/** @param {string} id @param {string} alias @param {import('./pkg/plumbline.js').LensReviewUpdate} update */
export const updateLensReview = (id, alias, update) => write((ws) => ws.updateLensReview(id, alias, update));
/**
 * Moves the review of a custom lens to the lens's latest published version.
 * @param {string} id @param {string} alias
 */
export const upgradeLensReview = (id, alias) => write((ws) => ws.upgradeLensReview(id, alias));
/**
 * The lens review's answers as the JSON text `aws wellarchitected list-answers` prints; with
 * `includeNotes`, the notes too (in GetAnswer's Notes fields).
 * @param {string} id @param {string} alias @param {MilestoneRef} [milestoneNumber]
 * @param {{includeNotes?: boolean}} [options]
 */
export const exportAnswers = async (id, alias, milestoneNumber, { includeNotes = false } = {}) =>
  (await workspace()).exportAnswers(id, alias, { ...milestoneOpts(milestoneNumber), ...(includeNotes ? { includeNotes } : {}) });
/**
 * Applies an AWS answers file (text) to the lens review, whole or not at all.
 * @param {string} id @param {string} alias @param {string} text
 */
export const importAnswers = (id, alias, text) => write((ws) => ws.importAnswers(id, alias, text));
/**
 * @param {string} id @param {string} alias
 * @param {import('./pkg/plumbline.js').WorkspacePlanOptions} [options]
 */
export const improvementPlan = async (id, alias, options = {}) =>
  (await workspace()).improvementPlan(id, alias, options);
/**
 * Sets an improvement item's owner, status (and reason), due date or notes.
 * @param {string} id @param {string} alias @param {string} questionId
 * @param {import('./pkg/plumbline.js').ImprovementItemUpdate} update
 */
export const updateImprovementItem = (id, alias, questionId, update) =>
  write((ws) => ws.updateImprovementItem(id, alias, questionId, update));

/**
 * Risks across every workload: {totals, pillars, workloads, improvements}.
 * @param {import('./pkg/plumbline.js').DashboardFilter} [filter]
 */
export const dashboard = async (filter = {}) => (await workspace()).dashboard(filter);

// ---- milestones ----------------------------------------------------------------------------

/** @param {string} id @param {string} name */
export const createMilestone = (id, name) => write((ws) => ws.createMilestone(id, name));
/** @param {string} id */
export const listMilestones = async (id) => (await workspace()).listMilestones(id);
/** @param {string} id @param {number | string} n */
export const getMilestone = async (id, n) => (await workspace()).getMilestone(id, Number(n));
/**
 * Two states compared lens by lens; `from`/`to` are milestone numbers, omitted = now.
 * @param {string} id
 * @param {import('./pkg/plumbline.js').CompareOptions} [options]
 */
export const compareMilestones = async (id, options = {}) =>
  (await workspace()).compareMilestones(id, options);

// ---- exports --------------------------------------------------------------------------------

/**
 * A workload's (or milestone's) report as a file: {fileName, mediaType, text}.
 * @param {string} id @param {import('./pkg/plumbline.js').ReportOptions} options
 */
export const exportReport = async (id, options) => (await workspace()).exportReport(id, options);
/**
 * Everything the exports show, as data (the spreadsheet is built from it).
 * @param {string} id @param {import('./pkg/plumbline.js').ExportDataOptions} [options]
 */
export const exportData = async (id, options = {}) => (await workspace()).exportData(id, options);
/**
 * Every workload (or those using one lens) side by side, as data.
 * @param {import('./pkg/plumbline.js').ConsolidatedReportOptions} [options]
 */
export const consolidatedReport = async (options = {}) => (await workspace()).consolidatedReport(options);
/**
 * The consolidated report as a JSON or CSV file.
 * @param {import('./pkg/plumbline.js').ConsolidatedExportOptions} options
 */
export const exportConsolidatedReport = async (options) => (await workspace()).exportConsolidatedReport(options);

// ---- the whole workspace: backup and restore -----------------------------------------------

/** The whole workspace as one backup file (JSON text). */
export const exportWorkspace = async () => (await workspace()).exportWorkspace();
/**
 * Reads a backup file: with {mode: "preview"} lists what a restore would do and writes nothing;
 * with {mode: "apply", onConflict, resolutions} restores it in one commit. Restored custom
 * lenses may replace cached ones, so the lens caches are emptied after an applied restore.
 * @param {string} text
 * @param {import('./pkg/plumbline.js').RestoreOptions} [options]
 */
export async function importWorkspace(text, options) {
  /** @param {Workspace} ws */
  const restore = (ws) => ws.importWorkspace(text, options);
  const result = options?.mode === 'apply' ? await write(restore) : await restore(await workspace());
  if (result.applied) for (const map of [lensEngines, lensModels]) map.clear();
  return result;
}

// ---- review templates ------------------------------------------------------------------------

/** @typedef {import('./pkg/plumbline.js').ReviewTemplateInput} ReviewTemplateInput */
/** @typedef {import('./pkg/plumbline.js').ReviewTemplatePatch} ReviewTemplatePatch */

export const listReviewTemplates = async () => (await workspace()).listReviewTemplates();
/** @param {string} id */
export const getReviewTemplate = async (id) => (await workspace()).getReviewTemplate(id);
/** @param {ReviewTemplateInput} input */
export const createReviewTemplate = (input) => write((ws) => ws.createReviewTemplate(input));
/** @param {string} id @param {ReviewTemplatePatch} patch */
export const updateReviewTemplate = (id, patch) => write((ws) => ws.updateReviewTemplate(id, patch));
/** @param {string} id */
export const deleteReviewTemplate = (id) => write((ws) => ws.deleteReviewTemplate(id));
/** @param {string} id */
export const exportReviewTemplate = async (id) => (await workspace()).exportReviewTemplate(id);
/** @param {string} text @param {string} [templateName] */
export const importReviewTemplate = (text, templateName) =>
  write((ws) => ws.importReviewTemplate(text, templateName ? { templateName } : {}));
/** @param {string} workloadId */
export const reviewTemplateUpdate = async (workloadId) => (await workspace()).reviewTemplateUpdate(workloadId);
/**
 * @param {string} workloadId
 * @param {Record<string, "KEEP_WORKLOAD" | "TAKE_TEMPLATE">} resolutions
 */
export const updateFromReviewTemplate = (workloadId, resolutions) =>
  write((ws) => ws.updateFromReviewTemplate(workloadId, { resolutions }));
/** The workloads whose template changed since their answers were copied (for notifications). */
export const reviewTemplateUpdates = async () => (await workspace()).reviewTemplateUpdates();
/** @param {string} id @param {string} alias */
export const getReviewTemplateLensReview = async (id, alias) => (await workspace()).getReviewTemplateLensReview(id, alias);
// ---- profiles and notifications ------------------------------------------------------------

/** @typedef {import('./pkg/plumbline.js').ProfileInput} ProfileInput */

/** The shipped questionnaire with its mapping (synchronous in the engine). */
export const profileTemplate = async () => (await workspace()).getProfileTemplate();
export const listProfiles = async () => (await workspace()).listProfiles();
/** @param {string} id */
export const getProfile = async (id) => (await workspace()).getProfile(id);
/** @param {ProfileInput} input */
export const createProfile = (input) => write((ws) => ws.createProfile(input));
/** @param {string} id @param {ProfileInput} input */
export const updateProfile = (id, input) => write((ws) => ws.updateProfile(id, input));
/** Resolves to the names of the workloads that used it. @param {string} id */
export const deleteProfile = (id) => write((ws) => ws.deleteProfile(id));
/** @param {string} workloadId @param {string} profileId */
export const associateProfile = (workloadId, profileId) => write((ws) => ws.associateProfile(workloadId, profileId));
/** @param {string} workloadId */
export const disassociateProfile = (workloadId) => write((ws) => ws.disassociateProfile(workloadId));
/** @param {string} workloadId @param {string} [milestoneName] */
export const upgradeProfileVersion = (workloadId, milestoneName) =>
  write((ws) => ws.upgradeProfileVersion(workloadId, milestoneName ? { milestoneName } : {}));
/** @param {string} workloadId */
export const prioritizedQuestions = async (workloadId) => (await workspace()).prioritizedQuestions(workloadId);
export const listNotifications = async () => (await workspace()).listNotifications();
/** @param {string} key */
export const dismissNotification = (key) => write((ws) => ws.dismissNotification(key));
/** @param {string} alias @param {Record<string, string>} tags */
export const tagLens = (alias, tags) => write((ws) => ws.tagLens(alias, tags));
