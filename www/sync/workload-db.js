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
// Each document is `{ _id, _rev, body, updatedBy?, updatedAt }`: `body` is the core's record,
// unchanged; `updatedBy`/`updatedAt` say who wrote it when (the server's rules ask for them).
// Derived data (risk counts, the workload list's index, the name claims) stays in the
// workspace's local database and is never replicated: afterPull rebuilds it.

/**
 * The part of PouchDB the store and team sync use; the constructor is the browser's build
 * (./pouch.js) unless a test hands in another (usePouchDB).
 * @typedef {{ new (name: string, options?: object): any }} PouchConstructor
 */

/** @type {Promise<PouchConstructor> | null} */
let pouchPromise = null;
/** @type {Map<string, any>} */
const opened = new Map();
/**
 * The stores that keep derived data of workload databases (./pouch-store.js registers each).
 * @type {Set<{ refreshIndex: (workloadId: string) => Promise<void> }>}
 */
export const liveStores = new Set();

/**
 * Uses `PouchDB` instead of the browser's build (Node tests: the memory adapter).
 * @param {PouchConstructor} PouchDB
 */
export function usePouchDB(PouchDB) {
  pouchPromise = Promise.resolve(PouchDB);
  opened.clear();
}

/** PouchDB, loading the sync chunk on first use. @returns {Promise<PouchConstructor>} */
export function pouchDB() {
  pouchPromise ??= import('./pouch.js').then((m) => m.default).catch((e) => {
    pouchPromise = null;
    throw e;
  });
  return pouchPromise;
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
    const PouchDB = await pouchDB();
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

/** Forgets an opened database (after it was destroyed). @param {string} workloadId */
export function forgetWorkloadDb(workloadId) {
  opened.delete(workloadDbName(workloadId));
}

/**
 * After a replication brought documents of `workloadId` from elsewhere: rebuilds the
 * workspace's derived data of that workload (its entry in the workload list, its name claim,
 * risk counts and milestone index). Resolves to the workspace's repair report.
 * @param {{ repairWorkload: (workloadId: string) => Promise<unknown> }} workspace
 * @param {string} workloadId
 */
export async function afterPull(workspace, workloadId) {
  checkedId(workloadId);
  for (const store of liveStores) await store.refreshIndex(workloadId);
  return workspace.repairWorkload(workloadId);
}

/**
 * Calls afterPull whenever `replication` (a PouchDB `sync` or `replicate` of the workload's
 * database, an event emitter) brought documents in: on each `change` event that carries
 * documents pulled from the server (`direction: "pull"` for a sync; every change for a
 * replication into the local database, `pulls: true`). Changes that arrive while a refresh
 * runs are gathered into one more refresh. `onError` hears a refresh that failed.
 * @param {{ repairWorkload: (workloadId: string) => Promise<unknown> }} workspace
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
