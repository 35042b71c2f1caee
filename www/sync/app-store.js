// @ts-check
// Which store the app opens its workspace in. With the PouchDB store (./pouch-store.js) every
// workload lives in a local PouchDB database of its own, ready to be shared; the first time it
// is used, the records of the IndexedDB workspace the app kept until now (database
// `plumbline`, object store `docs`) are carried over, damaged ones as they are. That database
// is left in place, untouched, as it was: a way back if something went wrong, and what an
// older release of the app still reads.
//
// The PouchDB store is chosen in this browser profile by the `plumbline.store` key of
// localStorage ("pouchdb"), so that it can be tried before it is the default.
import { openPouchStore } from './pouch-store.js';

const CHOICE = 'plumbline.store';
const OLD_DATABASE = 'plumbline';

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

/**
 * Moves this browser profile to the PouchDB store from its next start (a team server was
 * chosen: shared workloads live there). Resolves to true when the page must reload for it.
 */
export function choosePouchStore() {
  if (usesPouchStore()) return false;
  localStorage.setItem(CHOICE, 'pouchdb');
  return true;
}

/** Whether this browser profile uses the PouchDB store. */
export function usesPouchStore() {
  try {
    return localStorage.getItem(CHOICE) === 'pouchdb';
  } catch {
    return false;
  }
}

/** Every record of the old IndexedDB workspace as stored, or [] when there is none. */
async function oldRecords() {
  const known = await indexedDB.databases?.();
  if (known && !known.some((d) => d.name === OLD_DATABASE)) return [];
  /** @type {IDBDatabase} */
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open(OLD_DATABASE);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
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
 * over on first use) or IndexedDB.
 * @returns {Promise<{ storage: 'indexeddb' } | { store: Awaited<ReturnType<typeof openPouchStore>> }>}
 */
export async function appStoreOptions() {
  if (!usesPouchStore()) return { storage: 'indexeddb' };
  const store = await openPouchStore({ author: () => author });
  const source = `indexeddb:${OLD_DATABASE}`;
  if (!(await store.migratedFrom(source))) await store.migrate(source, await oldRecords());
  return { store };
}
