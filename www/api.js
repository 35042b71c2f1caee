// The one module that talks to the engine (./engine.js, the wasm boundary). Views call these
// functions; nothing else imports engine.js. It opens the workspace once, keeps the plain lens
// models for rendering and smooths over list results that may come wrapped in an object.
import * as engine from './engine.js';

let workspacePromise = null;
const lensModels = new Map();

function workspace() {
  if (!workspacePromise) {
    workspacePromise = (async () => {
      if (typeof engine.ready === 'function') await engine.ready();
      else if (engine.ready && typeof engine.ready.then === 'function') await engine.ready;
      return engine.Workspace.open({ storage: 'indexeddb' });
    })();
  }
  return workspacePromise;
}

function list(value, ...keys) {
  if (Array.isArray(value)) return value;
  for (const k of keys) if (Array.isArray(value?.[k])) return value[k];
  return [];
}

export async function engineVersion() {
  const v = engine.version ?? engine.VERSION ?? engine.engineVersion;
  try {
    return String(typeof v === 'function' ? await v() : v ?? 'unknown');
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

/** The plain lens model (pillars → questions → choices) for rendering. */
export async function lensModel(alias) {
  if (!lensModels.has(alias)) {
    lensModels.set(alias, (async () => {
      const ws = await workspace();
      const lens = await ws.lens(alias);
      return typeof lens.toJSON === 'function' ? lens.toJSON() : lens;
    })());
  }
  try {
    return await lensModels.get(alias);
  } catch (e) {
    lensModels.delete(alias);
    throw e;
  }
}

export function lensName(model, alias) {
  return model?.name || alias;
}

// ---- workloads -----------------------------------------------------------------------------

export const defineWorkload = async (input) => (await workspace()).defineWorkload(input);
export const listWorkloads = async () => list(await (await workspace()).listWorkloads(), 'workloadSummaries', 'workloads');
export const getWorkload = async (id) => (await workspace()).getWorkload(id);
export const deleteWorkload = async (id) => (await workspace()).deleteWorkload(id);
export const associateLenses = async (id, aliases) => (await workspace()).associateLenses(id, aliases);
export const disassociateLenses = async (id, aliases) => (await workspace()).disassociateLenses(id, aliases);

/** Writes `patch`, naming the revision that was read when the caller has it. */
export async function updateWorkload(id, patch, read) {
  const ws = await workspace();
  const body = { ...patch };
  if (read && read.revision !== undefined && body.revision === undefined) body.revision = read.revision;
  return ws.updateWorkload(id, body);
}

// ---- reviews -------------------------------------------------------------------------------

const milestoneOpts = (milestoneNumber) => (milestoneNumber ? { milestoneNumber: Number(milestoneNumber) } : {});

export const updateAnswer = async (id, alias, questionId, update) =>
  (await workspace()).updateAnswer(id, alias, questionId, update);
export const getAnswer = async (id, alias, questionId, milestoneNumber) =>
  (await workspace()).getAnswer(id, alias, questionId, milestoneOpts(milestoneNumber));
export const listAnswers = async (id, alias, milestoneNumber) =>
  list(await (await workspace()).listAnswers(id, alias, milestoneOpts(milestoneNumber)), 'answerSummaries', 'answers');
export const getLensReview = async (id, alias, milestoneNumber) =>
  (await workspace()).getLensReview(id, alias, milestoneOpts(milestoneNumber));
export const updateLensReview = async (id, alias, update) => (await workspace()).updateLensReview(id, alias, update);
export const improvementPlan = async (id, alias, options = {}) =>
  list(await (await workspace()).improvementPlan(id, alias, options), 'improvementSummaries', 'items');

// ---- milestones ----------------------------------------------------------------------------

export const createMilestone = async (id, name) => (await workspace()).createMilestone(id, name);
export const listMilestones = async (id) => list(await (await workspace()).listMilestones(id), 'milestoneSummaries', 'milestones');
export const getMilestone = async (id, n) => (await workspace()).getMilestone(id, Number(n));
