// The one module that talks to the engine (./engine.js, the wasm boundary). Views call these
// functions; nothing else imports engine.js. It opens the workspace once, keeps the plain lens
// models for rendering and smooths over list results that may come wrapped in an object.
// Every write goes through write(), which counts the stored change for the backup reminder.
import { loadEngine } from './engine.js';
import { recordChange } from './backup-reminder.js';

let workspacePromise = null;
const lensModels = new Map();
const lensEngines = new Map();

function workspace() {
  workspacePromise ??= loadEngine()
    .then(({ Workspace }) => Workspace.open({ storage: 'indexeddb' }))
    .catch((e) => {
      workspacePromise = null;
      throw e;
    });
  return workspacePromise;
}

/** Runs a write on the workspace; once it is stored, counts it (backup-reminder.js). */
async function write(run) {
  const result = await run(await workspace());
  recordChange();
  return result;
}

function list(value, ...keys) {
  if (Array.isArray(value)) return value;
  for (const k of keys) if (Array.isArray(value?.[k])) return value[k];
  return [];
}

export async function engineVersion() {
  try {
    const { version } = await loadEngine();
    return String(typeof version === 'function' ? version() : version);
  } catch {
    return 'unknown';
  }
}

export async function open() {
  return workspace();
}

// ---- lenses --------------------------------------------------------------------------------

export async function lenses() {
  const ws = await workspace();
  return list(await ws.lenses(), 'lensSummaries', 'lenses');
}

/** Forgets the lens objects of `alias`, every version (after a publish or a delete changed it). */
function forgetLens(alias) {
  for (const map of [lensEngines, lensModels]) {
    for (const key of map.keys()) if (key.startsWith(`${alias}@`)) map.delete(key);
  }
}

// ---- custom lenses in the workspace ----------------------------------------------------------

/** Keeps a lens text as a draft: {lensAlias, lensName, status: "DRAFT", diagnostics}. */
export const importLens = (text, lensAlias) =>
  write((ws) => ws.importLens(text, lensAlias ? { lensAlias } : {}));
/** Publishes the draft as version `lensVersion` (throws LensInvalid when it has errors). */
export async function createLensVersion(alias, lensVersion) {
  const version = await write((ws) => ws.createLensVersion(alias, { lensVersion }));
  forgetLens(alias);
  return version;
}
/** The draft's JSON text (the author's latest work). */
export const exportLens = async (alias) => (await workspace()).exportLens(alias, {});
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
async function cached(map, key, load) {
  if (!map.has(key)) map.set(key, load());
  try {
    return await map.get(key);
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
 */
export async function lensEngine(alias, lensVersion) {
  return cached(lensEngines, `${alias}@${lensVersion ?? ''}`,
    () => workspace().then((ws) => ws.lens(alias, lensVersion ? { lensVersion } : undefined)));
}

export async function lensModel(alias, lensVersion) {
  return cached(lensModels, `${alias}@${lensVersion ?? ''}`, async () => {
    const lens = await lensEngine(alias, lensVersion);
    return typeof lens.toJSON === 'function' ? lens.toJSON() : lens;
  });
}

// ---- lens files (the workbench) ------------------------------------------------------------

/**
 * Checks a lens text without throwing: {valid, diagnostics, model}. `model` is the lens as far
 * as it could be read (null after a structural error), for a preview of a draft.
 */
export async function lintLens(text) {
  try {
    return await lintInWorker(text);
  } catch (e) {
    if (!e?.workerFailed) throw e;
    console.warn('lens check on the main thread:', e.message);
  }
  const { Lens } = await loadEngine();
  return Lens.lint(text);
}

// The worker (lint-worker.js) that checks lens texts off the main thread, started on the first
// check and kept. If it cannot start or dies (a browser without module workers, a policy that
// blocks it), lintLens falls back to the page: slower with a huge text, never broken.
let linter = null;
let lintSeq = 0;
const lintWaiting = new Map();

function workerFailure(message) {
  const e = new Error(message);
  e.workerFailed = true;
  return e;
}

function lintInWorker(text) {
  if (!linter) {
    try {
      linter = new Worker(new URL('./lint-worker.js', import.meta.url), { type: 'module' });
    } catch (e) {
      return Promise.reject(workerFailure(e?.message || String(e)));
    }
    linter.addEventListener('message', ({ data }) => {
      const waiting = lintWaiting.get(data?.id);
      if (!waiting) return;
      lintWaiting.delete(data.id);
      if (!data.error) return waiting.resolve(data.lint);
      const e = new Error(data.error.message);
      if (data.error.kind) e.kind = data.error.kind;
      else e.workerFailed = true; // e.g. the engine could not load there: try in the page
      waiting.reject(e);
    });
    linter.addEventListener('error', (ev) => {
      ev.preventDefault();
      linter?.terminate();
      linter = null;
      for (const waiting of lintWaiting.values()) waiting.reject(workerFailure(ev.message || 'the lens checker stopped'));
      lintWaiting.clear();
    });
  }
  const id = ++lintSeq;
  return new Promise((resolve, reject) => {
    lintWaiting.set(id, { resolve, reject });
    linter.postMessage({ id, text });
  });
}

/** The engine's Lens for a text with no error (throws kind "LensInvalid" otherwise). */
export async function parseLens(text) {
  const { Lens } = await loadEngine();
  return Lens.parse(text);
}

export function lensName(model, alias) {
  return model?.name || alias;
}

// ---- workloads -----------------------------------------------------------------------------

export const defineWorkload = (input) => write((ws) => ws.defineWorkload(input));
export const listWorkloads = async () => list(await (await workspace()).listWorkloads(), 'workloadSummaries', 'workloads');
export const getWorkload = async (id) => (await workspace()).getWorkload(id);
export const deleteWorkload = (id) => write((ws) => ws.deleteWorkload(id));
export const associateLenses = (id, aliases) => write((ws) => ws.associateLenses(id, aliases));
export const disassociateLenses = (id, aliases) => write((ws) => ws.disassociateLenses(id, aliases));

// ---- damaged records (see src/workload/damage.rs) -------------------------------------------

/** The workload records the list leaves out because they cannot be read: DamagedRecord[]. */
export const damagedWorkloads = async () => (await workspace()).damagedWorkloads();
/** The custom lens records the lens list leaves out because they cannot be read. */
export const damagedLenses = async () => (await workspace()).damagedLenses();
/** Every record of the workload exactly as stored, damaged ones included (JSON text). */
export const exportRawWorkload = async (id) => (await workspace()).exportRawWorkload(id);
/** {workloadId, removed, recomputed}; kind "Corrupted" when its own properties are unreadable. */
export const repairWorkload = (id) => write((ws) => ws.repairWorkload(id));

/**
 * Writes `patch`, naming the revision that was read (`read.revision`) so that a change made
 * meanwhile in another tab is refused (kind "Conflict") instead of overwritten.
 */
export function updateWorkload(id, patch, read) {
  const body = { ...patch };
  if (read?.revision !== undefined && body.expectedRevision === undefined) body.expectedRevision = read.revision;
  return write((ws) => ws.updateWorkload(id, body));
}

// ---- reviews -------------------------------------------------------------------------------

const milestoneOpts = (milestoneNumber) => (milestoneNumber ? { milestoneNumber: Number(milestoneNumber) } : {});

export const updateAnswer = (id, alias, questionId, update) =>
  write((ws) => ws.updateAnswer(id, alias, questionId, update));
export const getAnswer = async (id, alias, questionId, milestoneNumber) =>
  (await workspace()).getAnswer(id, alias, questionId, milestoneOpts(milestoneNumber));
export const listAnswers = async (id, alias, milestoneNumber) =>
  list(await (await workspace()).listAnswers(id, alias, milestoneOpts(milestoneNumber)), 'answerSummaries', 'answers');
export const getLensReview = async (id, alias, milestoneNumber) =>
  (await workspace()).getLensReview(id, alias, milestoneOpts(milestoneNumber));
export const updateLensReview = (id, alias, update) => write((ws) => ws.updateLensReview(id, alias, update));
/** Moves the review of a custom lens to the lens's latest published version. */
export const upgradeLensReview = (id, alias) => write((ws) => ws.upgradeLensReview(id, alias));
/** The lens review's answers as the JSON text `aws wellarchitected list-answers` prints. */
export const exportAnswers = async (id, alias, milestoneNumber) =>
  (await workspace()).exportAnswers(id, alias, milestoneOpts(milestoneNumber));
/** Applies an AWS answers file (text) to the lens review, whole or not at all. */
export const importAnswers = (id, alias, text) => write((ws) => ws.importAnswers(id, alias, text));
export const improvementPlan = async (id, alias, options = {}) =>
  list(await (await workspace()).improvementPlan(id, alias, options), 'improvementSummaries', 'items');

/** Risks across every workload: {totals, pillars, workloads, improvements}. */
export const dashboard = async (filter = {}) => (await workspace()).dashboard(filter);

// ---- milestones ----------------------------------------------------------------------------

export const createMilestone = (id, name) => write((ws) => ws.createMilestone(id, name));
export const listMilestones = async (id) => list(await (await workspace()).listMilestones(id), 'milestoneSummaries', 'milestones');
export const getMilestone = async (id, n) => (await workspace()).getMilestone(id, Number(n));
/** Two states compared lens by lens; `from`/`to` are milestone numbers, omitted = now. */
export const compareMilestones = async (id, { from, to } = {}) =>
  (await workspace()).compareMilestones(id, { from, to });

// ---- the whole workspace: backup and restore -----------------------------------------------

/** The whole workspace as one backup file (JSON text). */
export const exportWorkspace = async () => (await workspace()).exportWorkspace();
/**
 * Reads a backup file: with {mode: "preview"} lists what a restore would do and writes nothing;
 * with {mode: "apply", onConflict, resolutions} restores it in one commit. Restored custom
 * lenses may replace cached ones, so the lens caches are emptied after an applied restore.
 */
export async function importWorkspace(text, options) {
  const restore = (ws) => ws.importWorkspace(text, options);
  const result = options?.mode === 'apply' ? await write(restore) : await restore(await workspace());
  if (result.applied) for (const map of [lensEngines, lensModels]) map.clear();
  return result;
}
