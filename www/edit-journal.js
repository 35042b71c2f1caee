// @ts-check
// The journal of saves in progress: a save of typed work writes here first (localStorage is
// synchronous, so this survives a reload or a closed tab that cuts the IndexedDB save off) and
// the entry is forgotten once the save is stored. At the next start, replay() finishes what
// is left, field by field, so it never overwrites a change made meanwhile in another tab:
//   - the record already holds what was typed → nothing to do (the save did complete);
//   - the record still holds what this tab last saw → the typed work is written;
//   - anything else (another tab changed it) → not written, and reported with the text.
// While its save runs, the tab holds a Web Lock named like the entry, so a tab that starts
// meanwhile leaves the entry to it and only looks again once the lock is free.
import * as api from './api.js';
import { sayError } from './errors.js';

const PREFIX = 'plumbline.pending.';

/**
 * One journaled save as kept in localStorage (JSON): the OPS entry, its arguments, and the
 * fields before and after. Arguments and fields are per op, hence `any` here.
 * @typedef {{op: string, args: any[], before: unknown, after: any}} JournalEntry
 */
/**
 * A kind of journaled save: read its fields (with the revision to write over) and write.
 * @typedef {object} JournalOp
 * @property {(args: any[]) => Promise<{revision: string, fields: unknown}>} read
 * @property {(args: any[], expectedRevision: string, after: any) => Promise<unknown>} write
 * @property {(args: any[]) => string} what the work, in the user's words
 */

/**
 * What a save compares: enough of an answer (or of an update) to tell whose version a record holds.
 * @param {{selectedChoices?: string[], isApplicable?: boolean, notes?: string}} a
 */
export const answerFields = (a) => ({
  selectedChoices: [...(a?.selectedChoices || [])].sort(),
  isApplicable: a?.isApplicable !== false,
  notes: a?.notes || '',
});

/** @param {import('./pkg/plumbline.js').LensReview} review @param {string} pillarId */
const pillarNotesOf = (review, pillarId) =>
  review.pillarReviewSummaries.find((p) => p.pillarId === pillarId)?.notes || '';

// Each kind of journaled save: read its fields (with the revision to write over) and write.
/** @type {Record<string, JournalOp>} */
const OPS = {
  // args: [workloadId, lensAlias, questionId, update]
  answer: {
    async read([id, alias, questionId]) {
      const a = await api.getAnswer(id, alias, questionId);
      return { revision: a.revision, fields: answerFields(a) };
    },
    write: ([id, alias, questionId, update], expectedRevision) =>
      api.updateAnswer(id, alias, questionId, { ...update, expectedRevision }),
    what: ([, , questionId]) => `your answer to question ${questionId}`,
  },
  // args: [workloadId, lensAlias, pillarId or null (lens notes)]; fields: {notes}
  reviewNotes: {
    async read([id, alias, pillarId]) {
      const r = await api.getLensReview(id, alias);
      return { revision: r.revision, fields: { notes: pillarId ? pillarNotesOf(r, pillarId) : r.notes || '' } };
    },
    write: ([id, alias, pillarId], expectedRevision, { notes }) =>
      api.updateLensReview(id, alias, pillarId
        ? { pillarNotes: { [pillarId]: notes }, expectedRevision }
        : { lensNotes: notes, expectedRevision }),
    what: ([, , pillarId]) => (pillarId ? `your notes on the pillar ${pillarId}` : 'your lens notes'),
  },
};

/** @type {Map<string, () => void>} */
const releases = new Map(); // key → ends the lock held while that save runs

/** @param {string} key */
function hold(key) {
  if (releases.has(key) || !navigator.locks) return;
  /** @type {() => void} */
  let release = () => {};
  const running = new Promise((resolve) => { release = () => resolve(undefined); });
  releases.set(key, release);
  navigator.locks.request(PREFIX + key, { mode: 'shared' }, () => running).catch(() => {});
}

/**
 * Records a save before it starts: `op` names an entry of OPS, `before` the fields this tab
 * last saw stored, `after` the fields being saved. Returns the key to forget() once stored.
 * @param {string} op
 * @param {any[]} args
 * @param {unknown} before
 * @param {unknown} after
 */
export function journal(op, args, before, after) {
  const key = `${op}/${args.slice(0, 3).map((a) => a ?? '').join('/')}`;
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ op, args, before, after }));
    hold(key);
  } catch (e) {
    console.warn('save not journaled:', e); // storage full or blocked: the save itself still runs
  }
  return key;
}

/** @param {string} key */
export function forget(key) {
  releases.get(key)?.();
  releases.delete(key);
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to undo
  }
}

const same = (/** @type {unknown} */ a, /** @type {unknown} */ b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Finishes one journaled save (if it is still there); a problem goes into `problems`.
 * @param {string} name
 * @param {string[]} problems
 */
async function replayEntry(name, problems) {
  /** @type {JournalEntry | null} */
  let entry = null;
  try {
    entry = JSON.parse(localStorage.getItem(name) ?? 'null');
    const op = entry && OPS[entry.op];
    if (!entry || !op) return;
    const current = await op.read(entry.args);
    if (same(current.fields, entry.after)) return;
    if (!same(current.fields, entry.before)) {
      problems.push(lost(op, entry, 'it was changed in another tab or window meanwhile'));
      return;
    }
    await op.write(entry.args, current.revision, entry.after);
  } catch (e) {
    if (entry && OPS[entry.op]) problems.push(lost(OPS[entry.op], entry, sayError(e)));
  } finally {
    localStorage.removeItem(name);
  }
}

/**
 * Finishes the journaled saves. Resolves to the messages for the user about work that could
 * not be saved (empty when everything was); every entry is forgotten either way, so a problem
 * is reported once. An entry whose save another open tab is still running waits for that tab
 * (normally it then is gone); `onLateProblems(messages)` reports what that wait turned up.
 * @param {{onLateProblems?: (messages: string[]) => void}} [options]
 */
export async function replay({ onLateProblems } = {}) {
  /** @type {string[]} */
  const entries = [];
  for (let i = 0; i < localStorage.length; i++) {
    const name = localStorage.key(i);
    if (name?.startsWith(PREFIX)) entries.push(name);
  }
  /** @type {string[]} */
  const problems = [];
  for (const name of entries) {
    if (!navigator.locks) {
      await replayEntry(name, problems);
      continue;
    }
    await navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock) return replayEntry(name, problems);
      // Held: a live tab is saving it. Take it over only once that tab lets go, and only if
      // the entry is still the one seen now (not gone, not a newer save of that tab).
      const seen = localStorage.getItem(name);
      navigator.locks.request(name, async () => {
        if (localStorage.getItem(name) !== seen) return;
        /** @type {string[]} */
        const late = [];
        await replayEntry(name, late);
        if (late.length) onLateProblems?.(late);
      }).catch((e) => console.error(e));
      return null;
    });
  }
  return problems;
}

/**
 * @param {JournalOp} op
 * @param {JournalEntry} entry
 * @param {string} why
 */
function lost(op, entry, why) {
  const notes = entry.after?.notes;
  return `The page closed while saving ${op.what(entry.args)}, and it could not be saved afterwards: ${why.replace(/\.$/, '')}.`
    + (notes ? ` The notes were: “${notes}”` : '');
}
