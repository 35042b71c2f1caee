// @ts-check
// After a pull: installs in the workspace the custom-lens versions the pulled workload uses
// (its `lens:<alias>@<version>` documents, ./lens-docs.js) that the workspace lacks, so that
// a colleague without the lens can open the review, answer it and see its plan and risks.
//
// Installed as the workspace's own custom lens (the same alias, each version under its own
// number), through the engine's restore of a backup (`importWorkspace`): the engine writes
// its own records, checks their shapes, and every lens operation works on them afterwards
// (listing, export, backup). The lens's record says where it came from (`sharedFrom`: the
// workload). The store could instead have answered the engine's lens reads from the workload
// databases, but the lens would then be missing from the lens list, the backups and deletes.
//
// A pulled document is untrusted: its shape is checked, its text goes through the linter as
// any imported lens, and its name, description and counts are taken from the text, not from
// what the document says. A refused document is a problem of that workload
// (sharedLensProblems), shown on its page; the rest of the pull goes on.
import { lensDocId } from './lens-docs.js';

/** @typedef {{ valid: boolean, diagnostics: Array<{ severity: string, line: number, column: number, message: string }>, model: any }} LintResult */
/** @typedef {(text: string) => Promise<LintResult> | LintResult} Linter */
/** @typedef {{ number: number, entry: any, record: any }} PulledVersion */

/** The engine's limit for a lens file (500 KB), so that a huge document is not even linted. */
const MAX_TEXT = 500_000;
/** @type {Linter | null} */
let linter = null;
/** Installs one after the other: two at once would both restore the same lens. */
let queue = Promise.resolve();
/** @type {Map<string, string[]>} */
const problems = new Map();

/**
 * Names the function that checks lens texts (the page's `lintLens`, or `Lens.lint` in Node):
 * until one is named, pulled lens versions are refused, never installed unchecked.
 * @param {Linter} lint
 */
export function useLensLinter(lint) {
  linter = lint;
}

/**
 * Why lens versions pulled with the workload could not be installed (none: empty), from the
 * last installSharedLenses of the workload.
 * @param {string} workloadId
 */
export const sharedLensProblems = (workloadId) => problems.get(workloadId) ?? [];

/** A refused document, in words the owner of the page can act on. */
class LensDocError extends Error {}

/**
 * The version a document carries, checked: shape, id, and a text the linter finds no error in.
 * @param {any} doc @returns {Promise<PulledVersion & { alias: string }>}
 */
async function checked(doc) {
  const { version: entry, record } = doc?.body ?? {};
  const alias = record?.lensAlias;
  const name = record?.lensVersion;
  if (typeof alias !== 'string' || typeof name !== 'string' || typeof record.text !== 'string' || typeof record.createdAt !== 'string') {
    throw new LensDocError('it does not hold a published lens version (lens alias, version name, text and creation time)');
  }
  if (record.text.length > MAX_TEXT) throw new LensDocError(`its lens text is longer than a lens file may be (${MAX_TEXT} characters)`);
  if (!/^[0-9a-f]{32}$/.test(alias)) throw new LensDocError('its lens alias is not a custom lens alias (32 hexadecimal characters)');
  if (doc._id !== lensDocId(alias, name)) throw new LensDocError(`its id does not name the version it holds (${lensDocId(alias, name)})`);
  if (entry?.lensVersion !== name || !Number.isInteger(entry.number) || entry.number < 1 || entry.number > 100) {
    throw new LensDocError('its version entry does not match the version it holds (name, and a number from 1 to 100)');
  }
  if (!linter) throw new LensDocError('the lens checker is not loaded, so the version cannot be checked');
  const lint = await linter(record.text);
  const first = lint.diagnostics.find((d) => d.severity === 'error');
  if (!lint.valid || !lint.model) {
    throw new LensDocError(`its lens text is not a valid lens${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}`);
  }
  const { model } = lint;
  const counted = {
    lensName: model.name, description: model.description, pillarCount: model.pillars.length,
    questionCount: model.pillars.reduce((/** @type {number} */ n, /** @type {any} */ p) => n + p.questions.length, 0),
  };
  return {
    alias, number: entry.number,
    entry: { lensVersion: name, number: entry.number, isMajorVersion: entry.isMajorVersion === true, createdAt: record.createdAt, ...counted },
    record: { lensAlias: alias, lensVersion: name, text: record.text, createdAt: record.createdAt },
  };
}

/** Whether the workspace has version `name` of lens `alias`. @param {any} workspace @param {string} alias @param {string} name */
const hasVersion = (workspace, alias, name) => workspace.exportLens(alias, { lensVersion: name }).then(() => true, () => false);

/**
 * The backup entry of lens `alias` with `pulled` added: the workspace's own entry when it has
 * the lens (its draft and versions kept), else a new lens whose draft is its latest version.
 * @param {any} workspace @param {string} alias @param {PulledVersion[]} pulled @param {string} workloadId
 */
async function lensEntry(workspace, alias, pulled, workloadId) {
  const have = (await workspace.lenses()).some((/** @type {any} */ l) => l.lensAlias === alias);
  const mine = have ? JSON.parse(await workspace.exportWorkspace()).customLenses.find((/** @type {any} */ l) => l.lens.lensAlias === alias) : null;
  const now = new Date().toISOString();
  const entry = mine ?? { lens: { lensAlias: alias, draftErrorCount: 0, draftWarningCount: 0, versions: [], createdAt: now, sharedFrom: workloadId }, draft: null, versions: [] };
  for (const v of pulled) {
    const taken = entry.lens.versions.find((/** @type {any} */ e) => e.number === v.number);
    if (taken) throw new LensDocError(`this workspace's lens has another version (${taken.lensVersion}) under number ${v.number}`);
    entry.lens.versions.push(v.entry);
    entry.versions.push({ number: v.number, record: v.record });
  }
  entry.lens.versions.sort((/** @type {any} */ a, /** @type {any} */ b) => a.number - b.number);
  const latest = entry.lens.versions[entry.lens.versions.length - 1];
  if (!mine) {
    Object.assign(entry.lens, { lensName: latest.lensName, description: latest.description, draftPillarCount: latest.pillarCount, draftQuestionCount: latest.questionCount });
    entry.draft = { lensAlias: alias, text: entry.versions.find((/** @type {any} */ v) => v.number === latest.number).record.text };
  }
  entry.lens.updatedAt = now;
  return entry;
}

/**
 * Installs the lens versions of `docs` (a workload database's `lens:` documents) the workspace
 * lacks. Resolves to the problems (also kept for sharedLensProblems); never rejects for a bad
 * document.
 * @param {any} workspace @param {string} workloadId @param {any[]} docs
 * @returns {Promise<string[]>}
 */
export function installSharedLenses(workspace, workloadId, docs) {
  const run = queue.then(() => install(workspace, workloadId, docs));
  queue = run.then(() => {}, () => {});
  return run;
}

/** @param {any} workspace @param {string} workloadId @param {any[]} docs @returns {Promise<string[]>} */
async function install(workspace, workloadId, docs) {
  /** @type {string[]} */
  const found = [];
  /** @type {Map<string, PulledVersion[]>} */
  const missing = new Map();
  for (const doc of docs) {
    try {
      const v = await checked(doc);
      if (!(await hasVersion(workspace, v.alias, v.entry.lensVersion))) missing.set(v.alias, [...(missing.get(v.alias) ?? []), v]);
    } catch (e) {
      found.push(`Lens version ${doc?._id} was not installed: ${/** @type {Error} */ (e).message}.`);
    }
  }
  for (const [alias, pulled] of missing) {
    try {
      const backup = {
        format: 'plumbline-workspace-backup', formatVersion: 1, exportedAt: new Date().toISOString(), engineVersion: 'team-sync',
        workloads: [], customLenses: [await lensEntry(workspace, alias, pulled, workloadId)], damaged: [],
      };
      await workspace.importWorkspace(JSON.stringify(backup), { mode: 'apply', resolutions: { [alias]: 'takeBackup' } });
    } catch (e) {
      found.push(`Lens ${alias} (${pulled.map((v) => v.entry.lensVersion).join(', ')}) was not installed: ${/** @type {Error} */ (e).message}.`);
    }
  }
  problems.set(workloadId, found);
  return found;
}
