// @ts-check
// The local PouchDB database of each workload: the one the workspace's store (./pouch-store.js)
// keeps the workload's documents in, and the one team sync replicates with the server. Both
// must hold the same database object, so that a change written by one is seen at once by the
// other's change feed: this module opens each database once per page and hands out that object.
//
// What a workload database holds (one document per record of the core, ids safe for CouchDB
// and accepted by sync/validate_doc_update.js):
//   workload                     the workload's properties (not its derived figures)
//   notes:<lensAlias>            the lens review: lens notes, pillar notes, associated flag
//   answer:<lensAlias>:<qid>     one answered question
//   milestone:<number>           an immutable snapshot (number without leading zeros)
//   lens:<alias>@<version>       a custom-lens version the reviews use (./lens-docs.js)
// Each document is `{ _id, _rev, body, updatedBy?, updatedAt }`: `body` is the core's record,
// unchanged; `updatedBy`/`updatedAt` say who wrote it when (the server's rules ask for them).
// Derived data (risk counts, the workload list's index, the name claims) stays in the
// workspace's local database and is never replicated: afterPull rebuilds it (and only it).

import { installSharedLenses } from './shared-lenses.js';

/**
 * The part of PouchDB the store and team sync use; the constructor is the browser's build
 * (./pouch.js, with ./pouch-replication.js plugged in for team sync) unless a test hands in
 * another (usePouchDB).
 * @typedef {{ new (name: string, options?: object): any }} PouchConstructor
 */

/** @type {Promise<PouchConstructor> | null} */
let localPromise = null;
/** @type {Promise<PouchConstructor> | null} */
let replicatingPromise = null;
/** @type {Map<string, any>} */
const opened = new Map();
/**
 * The stores that keep derived data of workload databases (./pouch-store.js registers each).
 * @type {Set<{ refreshIndex: (workloadId: string) => Promise<void>, recordLensVersions: (workloadId: string) => Promise<void>, workloadDb: (workloadId: string) => Promise<any>, forgetWorkload: (workloadId: string) => Promise<void> }>}
 */
export const liveStores = new Set();

/**
 * Uses `PouchDB` instead of the browser's build (Node tests: the memory adapter).
 * @param {PouchConstructor} PouchDB
 */
export function usePouchDB(PouchDB) {
  localPromise = Promise.resolve(PouchDB);
  replicatingPromise = localPromise;
  opened.clear();
}

/**
 * `load()` once; a failed load is forgotten (through `forget`), so that the next call tries again.
 * @param {() => Promise<PouchConstructor>} load @param {() => void} forget
 */
function once(load, forget) {
  return load().catch((e) => {
    forget();
    throw e;
  });
}

/**
 * PouchDB for local databases (core + IndexedDB adapter, the store's chunk, loaded at start).
 * @returns {Promise<PouchConstructor>}
 */
export function localPouchDB() {
  localPromise ??= once(() => import('./pouch.js').then((m) => m.default), () => { localPromise = null; });
  return localPromise;
}

/**
 * PouchDB able to reach the team's server: the local one with the HTTP adapter and replication
 * plugged in, loaded on first use (a shared or synced workload). The databases opened before
 * can replicate as well: the plugins extend their constructor.
 * @returns {Promise<PouchConstructor>}
 */
export function pouchDB() {
  replicatingPromise ??= once(
    async () => {
      const [PouchDB, { default: withReplication }] = await Promise.all([localPouchDB(), import('./pouch-replication.js')]);
      return withReplication(PouchDB);
    },
    () => { replicatingPromise = null; },
  );
  return replicatingPromise;
}

/** Refuses anything but a workload id (32 lowercase hex) before it names a database. */
function checkedId(/** @type {unknown} */ workloadId) {
  if (typeof workloadId !== 'string' || !/^[0-9a-f]{32}$/.test(workloadId)) {
    throw new TypeError(`a workload id is 32 lowercase hex characters, not ${JSON.stringify(String(workloadId).slice(0, 40))}`);
  }
  return workloadId;
}

/**
 * The local database's name of a workload (the server's is plumbline-wl-<id>, session.js).
 * @param {string} workloadId
 */
export function workloadDbName(workloadId) {
  return `plumbline-w-${checkedId(workloadId)}`;
}

/**
 * The workload's local PouchDB database, opened once per page (created when absent).
 * @param {string} workloadId
 */
export async function openWorkloadDb(workloadId) {
  const name = workloadDbName(workloadId);
  let db = opened.get(name);
  if (!db) {
    const PouchDB = await localPouchDB();
    db = opened.get(name) ?? new PouchDB(name);
    opened.set(name, db);
  }
  return db;
}

/**
 * Signs the workload's documents that name no author with `name`, before their first push:
 * the server takes a document only when `updatedBy` is the logged-in user, and documents
 * written before anyone logged in (or while the session was not known) name nobody.
 * @param {any} db the workload's local database @param {string} name
 */
export async function signUnsigned(db, name) {
  const { rows } = await db.allDocs({ include_docs: true });
  const unsigned = rows.map((/** @type {any} */ r) => r.doc).filter((/** @type {any} */ d) => d && !d._id.startsWith('_') && !d.updatedBy);
  if (unsigned.length) await db.bulkDocs(unsigned.map((/** @type {any} */ d) => ({ ...d, updatedBy: name })));
}

/**
 * The one live change feed of each open workload database, shared by everything that follows
 * it (the sync's count of changes waiting, the sync panel's conflicts and activity): PouchDB
 * runs a feed per `changes({live})` call, each reading every change again.
 * @type {Map<any, { feed: any, listeners: Set<(change: any) => void> }>}
 */
const feeds = new Map();

/**
 * Calls `listener` on every change of `db` (local writes and pulls alike); returns the
 * unsubscribe. The feed stops when its last listener leaves.
 * @param {any} db a workload's database (openWorkloadDb) @param {(change: any) => void} listener
 */
export function watchChanges(db, listener) {
  let entry = feeds.get(db);
  if (!entry) {
    const listeners = new Set();
    const feed = db.changes({ since: 'now', live: true });
    feed.on('change', (/** @type {any} */ change) => {
      for (const l of listeners) l(change);
    });
    entry = { feed, listeners };
    feeds.set(db, entry);
  }
  const mine = entry;
  mine.listeners.add(listener);
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0 && feeds.get(db) === mine) {
      feeds.delete(db);
      mine.feed.cancel();
    }
  };
}

/** Forgets an opened database (after it was destroyed). @param {string} workloadId */
export function forgetWorkloadDb(workloadId) {
  opened.delete(workloadDbName(workloadId));
}

/** @typedef {{ refreshWorkload: (workloadId: string) => Promise<Array<{ recordId: string, message: string }>> }} RefreshingWorkspace */

/**
 * After a replication brought documents of `workloadId` from elsewhere: rebuilds the
 * workspace's local, derived data of that workload (its entry in the workload list, its name
 * claim, risk counts and milestone index) and nothing else: a replicated document is never
 * deleted or rewritten by it, since that change would reach every replica. Resolves to the
 * documents the engine could not read (`DamagedRecord`s: record id and why), left as they are.
 * @param {RefreshingWorkspace} workspace
 * @param {string} workloadId
 */
export async function afterPull(workspace, workloadId) {
  checkedId(workloadId);
  for (const store of liveStores) await store.refreshIndex(workloadId);
  const problems = await installPulledLenses(workspace, workloadId);
  return workspace.refreshWorkload(workloadId).catch((/** @type {any} */ e) => {
    // A review whose lens could not be installed cannot be recomputed: the lens is the reason.
    throw problems.length ? Object.assign(new Error(`${problems.join(' ')} (${e?.message ?? e})`, { cause: e }), { kind: e?.kind }) : e;
  });
}

/**
 * Installs the custom-lens versions the workload uses that the workspace lacks, from the
 * workload's database (./shared-lenses.js), before its figures are recomputed with them.
 * Resolves to the problems, also shown by sharedLensProblems.
 * @param {any} workspace @param {string} workloadId
 */
export async function installPulledLenses(workspace, workloadId) {
  /** @type {Map<string, any>} */
  const docs = new Map();
  // Each live store's copy of the database: the page has one store; a test, one per browser.
  for (const store of liveStores) {
    const { rows } = await (await store.workloadDb(workloadId)).allDocs({ include_docs: true, startkey: 'lens:', endkey: 'lens:\uffff' });
    for (const r of rows) if (r.doc) docs.set(r.id, r.doc);
  }
  return installSharedLenses(workspace, workloadId, [...docs.values()]);
}

/**
 * Calls afterPull whenever `replication` (a PouchDB `sync` or `replicate` of the workload's
 * database, an event emitter) brought documents in: on each `change` event that carries
 * documents pulled from the server (`direction: "pull"` for a sync; every change for a
 * replication into the local database, `pulls: true`). Changes that arrive while a refresh
 * runs are gathered into one more refresh. `onError` hears a refresh that failed.
 * @param {RefreshingWorkspace} workspace
 * @param {string} workloadId
 * @param {{ on: (event: string, listener: (info: any) => void) => unknown }} replication
 * @param {{ pulls?: boolean, onError?: (e: unknown) => void, onRefreshed?: (report: unknown) => void }} [options]
 */
export function refreshAfterPulls(workspace, workloadId, replication, { pulls = false, onError = () => {}, onRefreshed = () => {} } = {}) {
  checkedId(workloadId);
  let running = false;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        onRefreshed(await afterPull(workspace, workloadId));
      } while (again);
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  replication.on('change', (info) => {
    const docs = pulls ? info?.docs : info?.direction === 'pull' ? info?.change?.docs : null;
    if (Array.isArray(docs) && docs.length > 0) void refresh();
  });
}
