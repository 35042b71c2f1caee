// @ts-check
// A shared workload's panel on its page: the sync state (synced, syncing, offline, changes
// waiting, error with the server's reason, share removed), the changes the server refused, the
// answers in conflict with every version side by side (keep one, or merge them), a name that a
// pull made a duplicate, and the activity read from the documents' updatedBy / updatedAt.
// The sync itself (./replicate.js) keeps running when the page is left, one per workload, until
// the user disconnects; the panel only listens to it.
import { h, nextId } from '../ui/dom.js';
import { formatDate, isoDate } from '../ui/format.js';
import { currentSession, onConnectionChange, resume } from './connection.js';
import { keepVersion, versionsOf } from './conflicts.js';
import { remoteDatabase, startSync } from './replicate.js';
import { markShared } from './shared-list.js';
import { afterPull, openWorkloadDb, pouchDB, signUnsigned } from './workload-db.js';

/** @typedef {import('./replicate.js').SyncState} SyncState */
/** @typedef {import('./session.js').Session} Session */
/**
 * What the page hands in: the open workspace (refreshed after a pull, and asked for the names
 * of the other workloads).
 * @typedef {{ workspace: () => Promise<any>,
 *   announce: (message: string) => void, reload: () => void }} PanelContext
 */

/** How many activity entries the panel lists. */
const ACTIVITY_SHOWN = 20;

/**
 * One running sync per workload, kept across pages; `listeners` are the panels showing it.
 * @type {Map<string, { state: SyncState, stop: () => void, listeners: Set<(s: SyncState | null, pulled: boolean) => void> }>}
 */
const running = new Map();

onConnectionChange(() => {
  if (currentSession()) return;
  for (const [id, entry] of running) {
    entry.stop();
    running.delete(id);
    for (const l of entry.listeners) l(null, false);
  }
});

/**
 * The first pull of a workload just accepted: once, to the end, refused documents an error.
 * @param {Session} session @param {string} workloadId @param {any} local
 */
export async function pullOnce(session, workloadId, local) {
  const PouchDB = /** @type {any} */ (await pouchDB());
  const remote = remoteDatabase(PouchDB, session, workloadId);
  const result = await PouchDB.replicate(remote, local, { batch_size: 100, checkpoint: 'target' });
  if (result.doc_write_failures > 0) throw new Error(`${result.doc_write_failures} document(s) could not be written locally: ${(result.errors ?? []).map(String).join('; ')}`);
  return result;
}

/** Starts the workload's sync unless it runs. @param {Session} session @param {string} workloadId @param {PanelContext} page */
async function ensureSync(session, workloadId, page) {
  let entry = running.get(workloadId);
  if (entry) return entry;
  const local = await openWorkloadDb(workloadId);
  const PouchDB = /** @type {any} */ (await pouchDB());
  const role = session.roleFor(workloadId);
  if (role === 'owner' || role === 'contributor') await signUnsigned(local, session.name);
  /** @type {Set<(s: SyncState | null, pulled: boolean) => void>} */
  const listeners = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pullTimer;
  const made = { state: /** @type {SyncState} */ ({ status: 'syncing', role: null, readOnly: false, pending: 0, refused: [], reason: null }), stop: () => {}, listeners };
  running.set(workloadId, made);
  const sync = startSync({
    PouchDB, local, session, workloadId,
    onState: (state) => {
      made.state = state;
      if (state.status === 'removed') markShared(workloadId, 'removed');
      else if (state.role) markShared(workloadId, state.role);
      for (const l of listeners) l(state, false);
    },
    // A batch of pulled documents: the workspace's derived data is rebuilt once they settle.
    onPulled: () => {
      clearTimeout(pullTimer);
      pullTimer = setTimeout(async () => {
        await afterPull(await page.workspace(), workloadId).catch(() => {});
        for (const l of listeners) l(made.state, true);
      }, 300);
    },
  });
  made.stop = sync.stop;
  entry = made;
  return entry;
}

/** The state in words. @param {SyncState} s */
function stateText(s) {
  const waiting = s.pending > 0 ? ` ${s.pending} change${s.pending === 1 ? '' : 's'} waiting to be sent.` : '';
  switch (s.status) {
    case 'synced': return `Synced.${s.readOnly ? ' Read-only: changes arrive here; you cannot send any.' : ''}`;
    case 'syncing': return `Syncing…${waiting}`;
    case 'offline': return `Offline: the server cannot be reached. Your changes are kept here and sent when it can.${waiting}`;
    case 'removed': return s.reason ?? 'The share was removed. Your copy is kept, read-only.';
    default: return `Sync error: ${s.reason ?? 'no reason given'}${waiting}`;
  }
}

/**
 * The panel of a shared workload.
 * @param {PanelContext} page @param {string} workloadId @param {string} [title] its heading
 * @returns {Promise<{ node: HTMLElement, leave: () => void }>}
 */
export async function syncPanel(page, workloadId, title = 'Team sync') {
  const headingId = nextId('sync');
  const status = h('p', { role: 'status', dataset: { syncStatus: '' } }, 'Not connected to the team server: connect on the Shares tab to sync this workload.');
  const refused = h('ul.plain', { dataset: { refused: '' } });
  const arrived = h('div');
  const duplicate = h('div');
  const conflicts = h('div', { dataset: { conflicts: '' } });
  const activity = h('div', { dataset: { activity: '' } });
  const node = h('section.panel', { 'aria-labelledby': headingId, dataset: { syncPanel: workloadId } },
    h('h2', { id: headingId }, title), status, refused, arrived, duplicate, conflicts, activity);
  const local = await openWorkloadDb(workloadId);

  const refreshDocs = async () => {
    conflicts.replaceChildren(await conflictList(page, local, workloadId, refreshDocs));
    activity.replaceChildren(await activityList(local));
    const other = await duplicateName(page, workloadId).catch(() => null);
    duplicate.replaceChildren(other
      ? h('div.banner', { role: 'note', dataset: { duplicateName: '' } }, h('p', `Another workload in this browser is also named “${other}”. Workload names must be unique: rename one of them (Edit). Plumbline never renames one for you.`))
      : '');
  };
  /** @param {SyncState | null} s @param {boolean} pulled */
  const show = (s, pulled) => {
    if (!s) {
      status.textContent = 'Disconnected from the team server: changes are kept here until you connect again.';
      return;
    }
    status.textContent = stateText(s);
    status.dataset.syncStatus = s.status;
    status.dataset.pending = String(s.pending);
    refused.replaceChildren(...s.refused.map((r) => h('li', { dataset: { refusedId: r.id } }, `Refused by the server: ${r.id} — ${r.reason}`)));
    if (pulled) {
      arrived.replaceChildren(h('div.banner', { role: 'note' }, h('p', 'Changes from your team arrived.'),
        h('button', { type: 'button', class: 'secondary', on: { click: () => page.reload() } }, 'Show them')));
      void refreshDocs();
    }
  };

  /** @type {(() => void) | null} */
  let unlisten = null;
  const attach = async () => {
    const session = currentSession() ?? await resume();
    if (!session) return;
    const entry = await ensureSync(session, workloadId, page);
    entry.listeners.add(show);
    unlisten = () => entry.listeners.delete(show);
    show(entry.state, false);
  };
  await attach();
  await refreshDocs();
  // Every change of the replica, from this page, a pull or another tab, shows in the
  // conflicts and the activity: gathered, as a pull writes documents in batches.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let feedTimer;
  const feed = local.changes({ since: 'now', live: true }).on('change', () => {
    clearTimeout(feedTimer);
    feedTimer = setTimeout(() => void refreshDocs(), 200);
  });
  const unsubscribe = onConnectionChange(() => {
    if (currentSession() && !unlisten) void attach();
  });
  return { node, leave: () => { unlisten?.(); unsubscribe(); feed.cancel(); clearTimeout(feedTimer); } };
}

/**
 * The name of another workload here with this one's name (case-insensitively), or null: a pull
 * can bring a name that another workload of this browser has; the user renames one.
 * @param {PanelContext} page @param {string} workloadId
 */
async function duplicateName(page, workloadId) {
  const list = /** @type {Array<{ workloadId: string, workloadName: string }>} */ (await (await page.workspace()).listWorkloads());
  const mine = list.find((w) => w.workloadId === workloadId);
  const same = mine && list.find((w) => w.workloadId !== workloadId && w.workloadName.toLowerCase() === mine.workloadName.toLowerCase());
  return same ? same.workloadName : null;
}

/** A version's selections and notes, read from the stored answer record (`body`). @param {any} v */
function versionFacts(v) {
  const body = v?.body ?? {};
  const choices = Array.isArray(body.selectedChoices) ? body.selectedChoices.filter((/** @type {unknown} */ c) => typeof c === 'string') : [];
  return {
    who: typeof v?.updatedBy === 'string' ? v.updatedBy : 'someone',
    when: typeof v?.updatedAt === 'string' ? v.updatedAt : '',
    choices,
    notes: typeof body.notes === 'string' ? body.notes : '',
    notApplicable: body.isApplicable === false,
  };
}

/**
 * Every document in conflict, its versions side by side, with Keep this version for each and,
 * for answers, Merge (every selection of both, both notes).
 * @param {PanelContext} page @param {any} local @param {string} workloadId @param {() => Promise<void>} redraw
 */
async function conflictList(page, local, workloadId, redraw) {
  const all = await local.allDocs({ include_docs: true, conflicts: true });
  const ids = all.rows.filter((/** @type {any} */ r) => Array.isArray(r.doc?._conflicts) && r.doc._conflicts.length > 0).map((/** @type {any} */ r) => r.id);
  if (ids.length === 0) return h('div');
  const error = h('p.error-text', { role: 'alert' });
  /** @param {() => Promise<unknown>} action */
  const resolve = async (action) => {
    const session = currentSession();
    if (!session) {
      error.textContent = 'Connect to the team server first: the server records who resolved the conflict.';
      return;
    }
    try {
      await action();
      await afterPull(await page.workspace(), workloadId);
      page.announce('Conflict resolved. The other versions are deleted everywhere at the next sync.');
      await redraw();
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const blocks = await Promise.all(ids.map(async (/** @type {string} */ id) => {
    const versions = await versionsOf(local, id);
    const isAnswer = id.startsWith('answer:');
    const title = isAnswer ? `Question ${versions[0]?.body?.questionId ?? id} (${versions[0]?.body?.lensAlias ?? ''})` : id;
    const cards = versions.map((v, i) => {
      const f = versionFacts(v);
      return h('div.panel', { dataset: { version: String(i) } },
        h('h4', `Version ${i + 1}: ${f.who}`),
        f.when ? h('p', h('time', { datetime: isoDate(f.when) }, formatDate(f.when))) : null,
        isAnswer ? h('p', f.notApplicable ? 'Question does not apply.' : `Selected: ${f.choices.length ? f.choices.join(', ') : 'nothing'}`) : null,
        isAnswer ? h('p.notes', f.notes ? `Notes: ${f.notes}` : 'No notes.') : null,
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Keep version ${i + 1} (${f.who}) of ${title}`,
          on: { click: () => resolve(() => keepVersion(local, id, v._rev, /** @type {Session} */ (currentSession()).name)) } }, 'Keep this version'));
    });
    const merge = isAnswer
      ? h('button', { type: 'button', class: 'secondary', 'aria-label': `Merge the versions of ${title}`,
        on: { click: () => resolve(async () => {
          const name = /** @type {Session} */ (currentSession()).name;
          const facts = versions.map(versionFacts);
          const body = { ...versions[0].body, isApplicable: true,
            selectedChoices: [...new Set(facts.flatMap((f) => f.choices))],
            notes: facts.map((f) => f.notes).filter(Boolean).join('\n\n') || undefined };
          const put = await local.put({ ...versions[0], body, updatedBy: name, updatedAt: new Date().toISOString() });
          await keepVersion(local, id, put.rev, name);
        }) } }, 'Merge: keep every selection and both notes')
      : null;
    return h('div', { dataset: { conflict: id } }, h('h4', title), h('div.conflict-versions', cards), merge);
  }));
  return h('div.banner', { role: 'group', 'aria-label': 'Conflicts' },
    h('h3', `${ids.length} conflict${ids.length === 1 ? '' : 's'}: the same thing was changed in two places`),
    h('p', 'Each version is kept until you choose. Keep one, or merge them; the choice reaches everyone at the next sync.'),
    blocks, error);
}

/** What a document is about, in words (the kinds of workload-db.js). @param {any} doc */
function whatChanged(doc) {
  const id = String(doc._id);
  if (id.startsWith('answer:')) return `answered ${doc.body?.questionId ?? id.split(':')[2]} (${doc.body?.lensAlias ?? id.split(':')[1]})`;
  if (id === 'workload') return 'changed the workload\'s properties';
  if (id.startsWith('notes:')) return `changed the notes of ${id.split(':')[1]}`;
  if (id.startsWith('milestone:')) return `saved milestone ${id.split(':')[1]}`;
  return `changed ${id}`;
}

/** Who changed what, when: the newest documents first. @param {any} local */
async function activityList(local) {
  const all = await local.allDocs({ include_docs: true });
  const entries = all.rows.map((/** @type {any} */ r) => r.doc)
    .filter((/** @type {any} */ d) => d && typeof d.updatedAt === 'string' && !String(d._id).startsWith('_design/'))
    .sort((/** @type {any} */ a, /** @type {any} */ b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, ACTIVITY_SHOWN);
  return h('div',
    h('h3', 'Activity'),
    entries.length === 0
      ? h('p.subtle', 'No changes recorded yet.')
      : h('ul.plain', entries.map((/** @type {any} */ d) => h('li', { dataset: { activity: String(d._id) } },
        h('time', { datetime: isoDate(d.updatedAt) }, formatDate(d.updatedAt)), ` ${typeof d.updatedBy === 'string' ? d.updatedBy : 'An unknown author'} ${whatChanged(d)}`))));
}
