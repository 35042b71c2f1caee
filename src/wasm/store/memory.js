// @ts-check
// The store of `storage: "memory"` (the default in Node): records in a Map, gone with the page
// or process. In JS, as the IndexedDB store is, so that the engine compiles its store calls
// for two kinds of store (JS and localStorage) where it had three (3.2 KiB gzip). The engine
// makes every revision (each write carries it), so records read exactly as the crate's
// memory store (`src/store/memory.rs`, for Rust callers and the native tests) writes them, and
// the rules of a commit are the IndexedDB store's.

import { ENGINE_STORE, listingText, precondition, storedRevision } from './indexeddb.js';

/** A new, empty store with `kind: "memory"`, answering the `DocumentStore` contract. */
export function memoryStore() {
  /** @type {Map<string, {rev: string, body: unknown}>} */
  const records = new Map();
  /** The ids under `prefix`, in id order (code units, as IndexedDB orders keys). @param {string} prefix */
  const ids = (prefix) => [...records.keys()].filter((id) => id.startsWith(prefix)).sort();
  return {
    kind: 'memory',
    [ENGINE_STORE]: true,
    /** @param {string} id */
    async get(id) {
      return records.get(id) ?? null;
    },
    /** @param {string} prefix */
    async list(prefix) {
      return ids(prefix).map((id) => ({ id, ...records.get(id) }));
    },
    /** @param {string} prefix */
    async listText(prefix) {
      return listingText(ids(prefix).map((id) => ({ id, value: records.get(id) })));
    },
    /** @param {string} prefix */
    async listRaw(prefix) {
      return ids(prefix).map((id) => ({ id, stored: records.get(id) }));
    },
    /**
     * Every write or none: the preconditions are all checked before the first change.
     * @param {Array<{id: string, expectedRev: string | null, body: unknown, rev?: string}>} writes
     */
    async commit(writes) {
      for (const w of writes) {
        const current = records.get(w.id);
        const why = precondition(w, current === undefined ? undefined : storedRevision(current));
        if (why) throw why;
      }
      return writes.map((w) => {
        if (w.body === null) {
          records.delete(w.id);
          return '';
        }
        const rev = /** @type {string} */ (w.rev); // checked by `precondition`
        records.set(w.id, { rev, body: w.body });
        return rev;
      });
    },
  };
}
