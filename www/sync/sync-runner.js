// @ts-check
// Team sync of every workload this browser shares, from the app's start: one running sync per
// accepted share (./replicate.js: live while online, resuming when the network is back), kept
// across pages until the user disconnects, whatever page is open. After each pull it rebuilds
// the workspace's derived data (afterPull) and looks for documents that came back after a
// delete (./came-back.js); sync panels (./sync-panel.js) only listen.
import { currentSession, onConnectionChange, resume } from './connection.js';
import { cameBack, deleteAgain } from './came-back.js';
import { remoteDatabase, startSync } from './replicate.js';
import { markShared, sharedWorkloads } from './shared-list.js';
import { afterPull, liveStores, openWorkloadDb, pouchDB, signUnsigned, watchChanges } from './workload-db.js';

/** @typedef {import('./replicate.js').SyncState} SyncState */
/** @typedef {import('./session.js').Session} Session */
/** @typedef {import('./came-back.js').CameBack} CameBack */
/** @typedef {{ recordId: string, message: string }} Unreadable a document the engine could not read */
/**
 * A running sync as the panels show it: its state, the documents of the last pull the engine
 * could not read (left as they are), those that came back after a delete (until the user
 * acts), and the panels listening (`pulled`: the call follows a pull). `busy` is the refresh of
 * the workload's local data under way; `quiet()` resolves once the start and it are over.
 * @typedef {{ state: SyncState, unreadable: Unreadable[], returned: CameBack[], stop: () => void,
 *   busy: Promise<unknown>, quiet: () => Promise<void>,
 *   listeners: Set<(entry: SyncEntry | null, pulled: boolean) => void> }} SyncEntry
 */

/** How long a pull's batches may keep coming before the derived data is rebuilt once. */
const SETTLE_MS = 300;

/** @type {Map<string, SyncEntry>} */
const running = new Map();

onConnectionChange(() => {
  if (currentSession()) return;
  for (const [id, entry] of running) {
    entry.stop();
    running.delete(id);
    for (const l of entry.listeners) l(null, false);
  }
});

// The sync panel's Delete again, here so that came-back.js lives in this chunk only.
export { deleteAgain };

/**
 * Syncs every accepted share of this browser now (when the browser still holds a session with
 * the team server) and whenever the user connects. Resolves once each is started.
 * @param {() => Promise<any>} workspace the open workspace, refreshed after pulls
 */
export async function syncAllShares(workspace) {
  const startAll = () => {
    const session = currentSession();
    if (!session) return;
    for (const [id, role] of sharedWorkloads()) if (role !== 'removed') ensureSync(session, id, workspace);
  };
  if (!listening) onConnectionChange(startAll);
  listening = true;
  if (!currentSession()) await resume();
  startAll();
}
let listening = false;

/** The running sync of a workload, if any. @param {string} workloadId */
export const syncOf = (workloadId) => running.get(workloadId);

/**
 * Delete for whoever is not an owner of a shared workload: removes it from this browser only.
 * The sync stops and the share is forgotten first (a page closed halfway does not sync it
 * again), then the store destroys its database, which pushes nothing: the team keeps it.
 * @param {string} workloadId
 */
export async function leaveWorkload(workloadId) {
  const entry = running.get(workloadId);
  if (entry) {
    entry.stop();
    running.delete(workloadId);
    for (const l of entry.listeners) l(null, false);
  }
  markShared(workloadId, null);
  // A sync still starting, or a refresh under way, would write the database or the list copy
  // again after the store forgot them.
  if (entry) await entry.quiet();
  for (const store of liveStores) await store.forgetWorkload(workloadId);
}

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

/**
 * The workload's running sync, started unless it runs.
 * @param {Session} session @param {string} workloadId @param {() => Promise<any>} workspace
 * @returns {SyncEntry}
 */
export function ensureSync(session, workloadId, workspace) {
  const found = running.get(workloadId);
  if (found) return found;
  /** @type {SyncEntry} */
  const entry = {
    state: { status: 'syncing', role: session.roleFor(workloadId), readOnly: false, pending: 0, refused: [], reason: null },
    unreadable: [], returned: [], stop: () => {}, busy: Promise.resolve(), quiet: () => Promise.resolve(), listeners: new Set(),
  };
  running.set(workloadId, entry);
  let stopped = false;
  entry.stop = () => { stopped = true; };
  const started = start(session, workloadId, workspace, entry).then((stop) => {
    if (stopped) stop();
    else entry.stop = stop;
  }, (e) => {
    entry.state = { ...entry.state, status: 'error', reason: e instanceof Error ? e.message : String(e) };
    for (const l of entry.listeners) l(entry, false);
  });
  entry.quiet = async () => {
    await started;
    await entry.busy;
  };
  return entry;
}

/**
 * Starts the replication of `entry`; resolves to its stop.
 * @param {Session} session @param {string} workloadId @param {() => Promise<any>} workspace @param {SyncEntry} entry
 */
async function start(session, workloadId, workspace, entry) {
  const local = await openWorkloadDb(workloadId);
  const PouchDB = /** @type {any} */ (await pouchDB());
  const role = session.roleFor(workloadId);
  // Lens versions reviews used before they were copied into the workload: only owners may add them.
  if (role === 'owner') for (const store of liveStores) await store.recordLensVersions(workloadId);
  if (role === 'owner' || role === 'contributor') await signUnsigned(local, session.name);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let settle;
  /** @type {Set<string>} */
  const arrived = new Set();
  const refresh = (pulled = true) => (entry.busy = entry.busy.then(async () => {
    const ids = [...arrived];
    arrived.clear();
    // A workload deleted here has no record to refresh: what came back is still reported.
    entry.unreadable = await afterPull(await workspace(), workloadId).catch(() => entry.unreadable);
    const back = await cameBack(local, ids).catch(() => []);
    entry.returned = [...entry.returned.filter((r) => !back.some((b) => b.id === r.id)), ...back];
    for (const l of entry.listeners) l(entry, pulled);
  }).catch(() => {}));
  // A pull written just before the page closed may never have been refreshed: once at start.
  void refresh(false);
  const sync = startSync({
    PouchDB, local, session, workloadId,
    localChanges: (listener) => watchChanges(local, listener),
    onState: (state) => {
      entry.state = state;
      if (state.status === 'removed') markShared(workloadId, 'removed');
      else if (state.role) markShared(workloadId, state.role);
      for (const l of entry.listeners) l(entry, false);
    },
    // A pull writes in batches: the derived data is rebuilt once they settle.
    onPulled: (docs) => {
      for (const d of docs) if (typeof d?._id === 'string') arrived.add(d._id);
      clearTimeout(settle);
      settle = setTimeout(() => void refresh(), SETTLE_MS);
    },
  });
  return () => {
    clearTimeout(settle);
    sync.stop();
  };
}
