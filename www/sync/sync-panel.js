// @ts-check
// A shared workload's panel on its page: the sync state (synced, syncing, offline, changes
// waiting, error with the server's reason, share removed), the changes the server refused, the
// answers in conflict with every version side by side (keep one, or merge them), a name that a
// pull made a duplicate, and the activity read from the documents' updatedBy / updatedAt.
// The sync itself (./sync-runner.js) runs from the app's start, one per workload, until the
// user disconnects; the panel only listens to it. It also lists the documents of the last pull
// the engine could not read (left as they are: deleting them would delete them for everyone)
// and those that came back after a delete (./came-back.js), to keep or delete again.
import { h, nextId } from '../ui/dom.js';
import { formatDate, isoDate } from '../ui/format.js';
import { currentSession, onConnectionChange, resume } from './connection.js';
import { keepVersion, versionsOf } from './conflicts.js';
import { afterPull, installPulledLenses, openWorkloadDb, watchChanges } from './workload-db.js';
import { sharedLensProblems } from './shared-lenses.js';

/** @typedef {import('./replicate.js').SyncState} SyncState */
/** @typedef {import('./session.js').Session} Session */
/** @typedef {import('./sync-runner.js').SyncEntry} SyncEntry */
/**
 * What the page hands in: the open workspace (refreshed after a pull, and asked for the names
 * of the other workloads).
 * @typedef {{ workspace: () => Promise<any>,
 *   announce: (message: string) => void, reload: () => void }} PanelContext
 */

/** How many activity entries the panel lists. */
const ACTIVITY_SHOWN = 20;

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
 * The sync runner (./sync-runner.js), its own chunk: a browser with shares loads it at every
 * start (app.js), without the screens of this chunk.
 */
export const syncRunner = () => import('./sync-runner.js');

/**
 * The panel of a shared workload.
 * @param {PanelContext} page @param {string} workloadId @param {string} [title] its heading
 * @returns {Promise<{ node: HTMLElement, leave: () => void }>}
 */
export async function syncPanel(page, workloadId, title = 'Team sync') {
  const headingId = nextId('sync');
  const status = h('p', { role: 'status', dataset: { syncStatus: '' } }, 'Not connected to the team server: connect on the Shares tab to sync this workload.');
  const refused = h('ul.plain', { dataset: { refused: '' } });
  const unreadable = h('div', { dataset: { unreadable: '' } });
  const returned = h('div', { dataset: { cameBack: '' } });
  const arrived = h('div');
  const duplicate = h('div');
  const lensProblems = h('ul.plain', { dataset: { lensProblems: '' } });
  const conflicts = h('div', { dataset: { conflicts: '' } });
  const activity = h('div', { dataset: { activity: '' } });
  const node = h('section.panel', { 'aria-labelledby': headingId, dataset: { syncPanel: workloadId } },
    h('h2', { id: headingId }, title), status, refused, lensProblems, unreadable, returned, arrived, duplicate, conflicts, activity);
  const local = await openWorkloadDb(workloadId);
  // Lens versions pulled before this page opened are installed (or their problems named) now.
  await installPulledLenses(await page.workspace(), workloadId).catch(() => {});

  const refreshLensProblems = () => {
    const problems = sharedLensProblems(workloadId);
    if (problems.length) lensProblems.setAttribute('role', 'alert');
    else lensProblems.removeAttribute('role');
    lensProblems.replaceChildren(...problems.map((p) => h('li.error-text', p)));
  };
  const refreshDuplicate = async () => {
    const other = await duplicateName(page, workloadId).catch(() => null);
    duplicate.replaceChildren(other
      ? h('div.banner', { role: 'note', dataset: { duplicateName: '' } }, h('p', `Another workload in this browser is also named “${other}”. Workload names must be unique: rename one of them (Edit). Plumbline never renames one for you.`))
      : '');
  };
  const refreshDocs = async () => {
    refreshLensProblems();
    conflicts.replaceChildren(await conflictList(page, local, workloadId, refreshDocs));
    activity.replaceChildren(await activityList(local));
    await refreshDuplicate();
  };
  /** The lists last drawn. @type {{ unreadable: unknown, returned: unknown }} */
  let shown = { unreadable: null, returned: null };
  /** @param {SyncEntry | null} entry @param {boolean} pulled */
  const show = (entry, pulled) => {
    if (!entry) {
      status.textContent = 'Disconnected from the team server: changes are kept here until you connect again.';
      return;
    }
    const s = entry.state;
    status.textContent = stateText(s);
    status.dataset.syncStatus = s.status;
    status.dataset.pending = String(s.pending);
    refused.replaceChildren(...s.refused.map((r) => h('li', { dataset: { refusedId: r.id } }, `Refused by the server: ${r.id} — ${r.reason}`)));
    // Drawn again only when they changed: a state change must not take the focus off a button.
    if (shown.unreadable !== entry.unreadable) unreadable.replaceChildren(unreadableList(entry));
    if (shown.returned !== entry.returned) returned.replaceChildren(cameBackList(page, local, workloadId, entry, () => show(entry, false)));
    shown = { unreadable: entry.unreadable, returned: entry.returned };
    if (pulled) {
      arrived.replaceChildren(h('div.banner', { role: 'note' }, h('p', 'Changes from your team arrived.'),
        h('button', { type: 'button', class: 'secondary', on: { click: () => page.reload() } }, 'Show them')));
      // The conflicts and activity follow the change feed (below); the names are the
      // workload list's, which the pull's refresh just rebuilt.
      refreshLensProblems();
      void refreshDuplicate();
    }
  };

  /** @type {(() => void) | null} */
  let unlisten = null;
  const attach = async () => {
    const session = currentSession() ?? await resume();
    if (!session) return;
    const entry = (await syncRunner()).ensureSync(session, workloadId, page.workspace);
    entry.listeners.add(show);
    unlisten = () => entry.listeners.delete(show);
    show(entry, false);
  };
  await attach();
  await refreshDocs();
  // Every change of the replica, from this page, a pull or another tab, shows in the
  // conflicts and the activity: gathered, as a pull writes documents in batches.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let feedTimer;
  const stopFeed = watchChanges(local, () => {
    clearTimeout(feedTimer);
    feedTimer = setTimeout(() => void refreshDocs(), 200);
  });
  const unsubscribe = onConnectionChange(() => {
    if (currentSession() && !unlisten) void attach();
  });
  return { node, leave: () => { unlisten?.(); unsubscribe(); stopFeed(); clearTimeout(feedTimer); } };
}

/**
 * The documents of the last pull the engine could not read: named with why, left as they are
 * (the figures leave them out).
 * @param {SyncEntry} entry
 */
function unreadableList(entry) {
  if (entry.unreadable.length === 0) return h('div');
  return h('div.banner', { role: 'note' },
    h('p', `${entry.unreadable.length} document${entry.unreadable.length === 1 ? '' : 's'} from your team could not be read here and ${entry.unreadable.length === 1 ? 'is' : 'are'} left out of the figures (kept as they are: a newer version of Plumbline may read them):`),
    h('ul.plain', entry.unreadable.map((d) => h('li', { dataset: { unreadableId: d.recordId } }, `${d.recordId} — ${d.message}`))));
}

/**
 * The documents that came back after a delete, each with Keep it / Delete again.
 * @param {PanelContext} page @param {any} local @param {string} workloadId @param {SyncEntry} entry
 * @param {() => void} redraw
 */
function cameBackList(page, local, workloadId, entry, redraw) {
  if (entry.returned.length === 0) return h('div');
  const error = h('p.error-text', { role: 'alert' });
  const forget = (/** @type {string} */ id) => {
    entry.returned = entry.returned.filter((r) => r.id !== id);
    redraw();
  };
  const items = entry.returned.map((back) => {
    const who = typeof back.doc.updatedBy === 'string' ? back.doc.updatedBy : 'Someone';
    const what = whatChanged(back.doc);
    const deleted = back.deletedBy ? `${back.deletedBy} deleted it` : 'It was deleted';
    return h('li', { dataset: { cameBack: back.id } },
      h('p', `${who} ${what} while it was being deleted: the change wins, so it is back. ${deleted}${back.deletedAt ? ` on ${formatDate(back.deletedAt)}` : ''}.`),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Keep ${back.id}`, on: { click: () => {
        forget(back.id);
        page.announce(`${back.id} is kept.`);
      } } }, 'Keep it'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete ${back.id} again`, on: { click: async () => {
        const session = currentSession();
        if (!session) {
          error.textContent = 'Connect to the team server first: the server records who deleted it.';
          return;
        }
        try {
          await (await syncRunner()).deleteAgain(local, back, session.name);
          forget(back.id);
          // Its figures without it (a workload deleted here has none to rebuild).
          await afterPull(await page.workspace(), workloadId).catch(() => {});
          page.announce(`${back.id} is deleted again, for everyone at the next sync.`);
        } catch (e) {
          error.textContent = e instanceof Error ? e.message : String(e);
        }
      } } }, 'Delete again'));
  });
  return h('div.banner', { role: 'group', 'aria-label': 'Came back after a delete' },
    h('h3', 'Back after a delete'),
    h('ul.plain', items), error);
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
