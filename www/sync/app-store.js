// @ts-check
// Which store the app opens its workspace in. Wherever the browser has IndexedDB it is the
// PouchDB store (./pouch-store.js), from the first visit, shared or not: every workload lives
// in a local PouchDB database of its own, so that sharing it is only replicating it. The first
// time, the records of the IndexedDB workspace the app kept until then (database `plumbline`,
// object store `docs`) are carried over, damaged ones as they are. That database is left in
// place, untouched, as it was: a way back if something went wrong, and what an older release
// of the app still reads.
//
// Without IndexedDB (some private modes) the workspace lives in localStorage, without sync.
// A profile can be pinned to the IndexedDB store the app used before, with the `plumbline.store`
// key of localStorage = "indexeddb": what the tests and benchmarks use to write a workspace in
// that layout (the data a migration starts from) and to measure the two stores side by side.
// Choosing a team server lifts the pin (choosePouchStore).
//
// A first visit (no database of either store yet) gets the PouchDB store behind ./fresh-store.js,
// which answers the first page without waiting for PouchDB to create its database. The old
// workspace is looked for only where the browser lists a database of that name: asking for it
// by opening it would create it.
import { openPouchStore } from './pouch-store.js';
import { freshStore } from './fresh-store.js';

const CHOICE = 'plumbline.store';
const OLD_DATABASE = 'plumbline';
/** The PouchDB store's local database as IndexedDB names it (the adapter's `_pouch_` prefix). */
const LOCAL_DATABASE = '_pouch_plumbline-local';

/** @type {string | null} who writes, as team sync's session names them */
let author = null;

/**
 * Names the author of the next writes (`updatedBy` of each workload document, which a team
 * server requires to be the logged-in user); null when nobody is logged in.
 * @param {string | null} name
 */
export function setAuthor(name) {
  author = name;
}

/** The store this profile pins, or null (localStorage unreadable counts as no pin). */
function pinned() {
  try {
    return localStorage.getItem(CHOICE);
  } catch {
    return null;
  }
}

/**
 * Moves this browser profile to the PouchDB store from its next start when it was pinned to
 * IndexedDB (a team server was chosen: shared workloads live there). Returns true when the
 * page must reload for it.
 */
export function choosePouchStore() {
  if (usesPouchStore() || pinned() !== 'indexeddb') return false;
  localStorage.removeItem(CHOICE);
  return true;
}

/** Whether this browser profile uses the PouchDB store: wherever IndexedDB exists, unless pinned. */
export function usesPouchStore() {
  return typeof indexedDB !== 'undefined' && pinned() !== 'indexeddb';
}

/**
 * The names of this origin's IndexedDB databases, or null where the browser cannot list them:
 * the answer the page asked for as it started (../idb-names.js), once; later calls (another
 * attempt after a failed open) ask again.
 */
async function databaseNames() {
  const page = /** @type {{ plumblineDatabaseNames?: Promise<string[] | null> }} */ (globalThis);
  const early = page.plumblineDatabaseNames;
  delete page.plumblineDatabaseNames;
  if (early) return early;
  try {
    return indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '') : null;
  } catch {
    return null;
  }
}

/**
 * Every record of the old IndexedDB workspace as stored, or [] when there is none. Where the
 * browser could not list its databases, opening this one would create it when absent: the
 * creation is aborted instead.
 */
async function oldRecords() {
  /** @type {IDBDatabase | null} */
  const db = await new Promise((ok, fail) => {
    let absent = false;
    const r = indexedDB.open(OLD_DATABASE);
    r.onupgradeneeded = () => {
      absent = true;
      r.transaction?.abort();
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = (ev) => {
      if (!absent) return fail(r.error);
      ev.preventDefault();
      ok(null);
    };
  });
  if (!db) return [];
  try {
    if (!db.objectStoreNames.contains('docs')) return [];
    const docs = db.transaction('docs').objectStore('docs');
    /** @type {<T>(req: IDBRequest<T>) => Promise<T>} */
    const done = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const [keys, values] = await Promise.all([done(docs.getAllKeys()), done(docs.getAll())]);
    return keys.map((k, i) => ({ id: String(k), stored: values[i] }));
  } finally {
    db.close();
  }
}

/**
 * `Workspace.open`'s options for this profile: the PouchDB store (the old workspace carried
 * over on first use; on a first visit behind ./fresh-store.js), IndexedDB when pinned to it,
 * localStorage without IndexedDB.
 * @returns {Promise<{ storage: 'indexeddb' | 'localstorage' } | { store: import('../pkg/plumbline.js').DocumentStore }>}
 */
export async function appStoreOptions() {
  if (typeof indexedDB === 'undefined') return { storage: 'localstorage' };
  if (!usesPouchStore()) return { storage: 'indexeddb' };
  const names = await databaseNames();
  const oldOne = names === null || names.includes(OLD_DATABASE);
  if (names !== null && !oldOne && !names.includes(LOCAL_DATABASE)) return { store: freshStore(() => openStore(false)) };
  return { store: await openStore(oldOne) };
}

/**
 * The PouchDB store, the old workspace carried over first when there may be one (`fromOld`)
 * and it was not already.
 * @param {boolean} fromOld
 */
async function openStore(fromOld) {
  const store = await openPouchStore({ author: () => author });
  const source = `indexeddb:${OLD_DATABASE}`;
  if (fromOld && !(await store.migratedFrom(source))) await store.migrate(source, await oldRecords());
  return store;
}
