// @ts-check
// The store of a browser profile that has no workspace yet (a first visit): it answers the
// engine at once, and opens the PouchDB store behind it only once the first page is drawn.
//
// Why: on a new profile, opening the local PouchDB means running PouchDB's code and creating
// its IndexedDB database (20–170 ms measured on the 2-core machine), and the first page only
// needs to know that the workspace is empty, which it is when neither the PouchDB store's
// local database nor the IndexedDB store's database exist (./app-store.js reads the list of
// databases, which creates nothing).
//
// Until the PouchDB store is open, reads are answered from what this store knows: nothing,
// and the workspace's layout record (`meta/…`), which the engine writes when it opens an
// empty workspace. That record is the only write answered before it is stored: its revision
// is chosen here and the document is written under it, as replication writes one
// (`new_edits: false`), so the revision the engine holds is the stored one. Lost (the page
// closed first), the engine writes it again on the next open. Every other write opens the
// PouchDB store if the page has not yet and waits for it, as does every read from then on;
// once that store is open, everything goes to it. What a second tab wrote in the meantime is
// seen from then on.

/** @typedef {{ rev: string, body: unknown }} StoredRecord */
/** @typedef {{ id: string, expectedRev: string | null, body: unknown }} SeamWrite */
/**
 * The part of the PouchDB store (./pouch-store.js) used here.
 * @typedef {{ kind: string, local: any, get: (id: string) => Promise<StoredRecord | null>, list: (prefix: string) => Promise<Array<{ id: string } & StoredRecord>>, listRaw: (prefix: string) => Promise<Array<{ id: string, stored: unknown }>>, commit: (writes: SeamWrite[]) => Promise<string[]> }} PouchStore
 */

/** The engine's layout record of the workspace, written when an empty workspace is opened. */
const LAYOUT_RECORD = /^meta\/[^/]+$/;

/** A first revision as PouchDB writes them: `1-` and 32 hex digits. */
function firstRevision() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `1-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Runs `task` once the page has nothing else to do (after the first page is drawn, as a rule),
 * or after a while where the browser cannot tell.
 * @param {() => void} task
 */
function whenIdle(task) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 250);
}

/**
 * The store for a profile without a workspace. `openPouch` opens the PouchDB store: called when
 * the page is idle (`later`) after the engine opened the workspace, or before, by the first call
 * that needs it. `ready()` opens it if
 * need be and settles when it is open behind this one and the layout record, if any, is stored
 * (rejecting as the opening did; so does every call from then on).
 * @template {PouchStore} S
 * @param {() => Promise<S>} openPouch
 * @param {{ later?: (task: () => void) => void }} [options]
 */
export function freshStore(openPouch, { later = whenIdle } = {}) {
  /** Records answered before they were stored, by id: the layout record only. @type {Map<string, StoredRecord>} */
  const early = new Map();
  /** Whether the PouchDB store is being opened: the layout record is then written as any other. */
  let opening = false;
  /** Whether calls are answered by the PouchDB store: it is open, or a write waits for it. */
  let wait = false;
  /** @type {Promise<S> | null} */
  let ready = null;

  /** The PouchDB store with the early records stored in it; the first call opens it. */
  function pouch() {
    if (ready) return ready;
    opening = true;
    ready = openPouch().then(async (store) => {
      const docs = [...early].map(([id, { rev, body }]) => ({ _id: id, _rev: rev, body }));
      // Either waits until the database is open: until then, reads are answered from memory.
      if (docs.length > 0) await store.local.bulkDocs(docs, { new_edits: false });
      else await store.local.info();
      return store;
    }).finally(() => {
      wait = true;
    });
    // A failure shows in the next call (and in ready()), not as an unhandled rejection.
    ready.catch(() => {});
    return ready;
  }
  /**
   * Asks for the opening once the page is idle. Not before the engine has opened the workspace
   * (its layout record answered, or its first list read): an idle moment while the engine is
   * still being fetched would otherwise start the opening first, and the layout record's write
   * would then wait for PouchDB, and the first page with it.
   */
  let scheduled = false;
  const openWhenIdle = () => {
    if (scheduled) return;
    scheduled = true;
    later(() => void pouch());
  };

  /** The early records whose id starts with `prefix`, in id order. @param {string} prefix */
  const earlyUnder = (prefix) => [...early].filter(([id]) => id.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  /** Whether this commit is the engine opening an empty workspace: new layout records only. @param {SeamWrite[]} writes */
  const isLayoutOnly = (writes) => writes.length > 0
    && writes.every((w) => LAYOUT_RECORD.test(w.id) && w.expectedRev === null && w.body !== null && !early.has(w.id));

  return {
    kind: 'pouchdb',
    ready: pouch,
    /** @param {string} id */
    async get(id) {
      return wait ? (await pouch()).get(id) : early.get(id) ?? null;
    },
    /** @param {string} prefix */
    async list(prefix) {
      openWhenIdle();
      return wait ? (await pouch()).list(prefix) : earlyUnder(prefix).map(([id, record]) => ({ id, ...record }));
    },
    /** @param {string} prefix */
    async listRaw(prefix) {
      return wait ? (await pouch()).listRaw(prefix) : earlyUnder(prefix).map(([id, stored]) => ({ id, stored }));
    },
    /** @param {SeamWrite[]} writes */
    async commit(writes) {
      if (!opening && isLayoutOnly(writes)) {
        const revs = writes.map((w) => {
          const rev = firstRevision();
          early.set(w.id, { rev, body: w.body });
          return rev;
        });
        openWhenIdle();
        return revs;
      }
      // From here on, reads wait for the PouchDB store too: they must see this write.
      wait = true;
      return (await pouch()).commit(writes);
    },
  };
}
