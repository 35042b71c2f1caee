// @ts-check
// The IndexedDB backend: the browser's default store, written in JS because the browser's
// own API is JS. In Rust, through the `idb` crate, the same operations cost 11.5 KiB gzip of
// the engine (futures, closure shims, error mapping); here they are a few hundred lines the
// browser already knows how to run. `indexeddb.rs` imports this module (a wasm-bindgen
// snippet) and hands the object `openDatabase` resolves to the engine's JS-store bridge, so it
// answers the `DocumentStore` contract of `types/workspace.d.ts`.
//
// One database per workspace name. Records live in the object store `docs` with out-of-line
// keys (the document id) and values `{rev, body}`: plain JSON documents that a later CouchDB
// sync can replicate unchanged. Schema versions, walked one step at a time by `upgrade` so that
// a database created by any older release reaches the current one:
// - v1: object store `docs`.
// - v2: object store `meta` with one record, `schema`: `{schemaVersion, createdAt,
//   upgradedFrom, upgradedAt}`, which the app shows in its storage panel and which tells a
//   future migration which release created the data.
//
// Every commit is ONE readwrite transaction that reads the current revisions, refuses the
// whole batch on the first stale one (the transaction is aborted, so nothing is written), then
// puts or deletes, and resolves only once the browser reports the transaction complete: a
// resolved commit is on disk, not merely queued.
//
// Failures reject with `{kind, message, id?}`, the kinds the engine maps to its errors.

/** The schema this release writes. Raising it means adding a step to `upgrade`. */
export const SCHEMA_VERSION = 2;

/**
 * Marks a store object as one of the engine's own (this one and `memory.js`'s): its writes carry
 * the revisions the engine makes, and it lists through `listText`. The engine reads it when a
 * store is handed in (`js_store.rs`, `ENGINE_STORE`): the package's browser entry hands a
 * memory workspace's store from the lean engine to the full one. From the global registry, so
 * both engines' copies of this file make the same key.
 */
export const ENGINE_STORE = Symbol.for('plumbline.engineStore');

const DOCS = 'docs';
const META = 'meta';
const SCHEMA_KEY = 'schema';
/** The revision a write names to replace or delete a record whose own one cannot be read. */
const UNREADABLE_REV = 'unreadable';

/** @typedef {{kind: string, message: string, id?: string}} StoreFailure */

/** @returns {StoreFailure} */
export const failure = (/** @type {string} */ kind, /** @type {string} */ message, id = '') => ({ kind, message, id });

/**
 * A DOMException (or anything the browser threw) as the failure the engine maps.
 * @param {unknown} error
 * @returns {StoreFailure}
 */
function fromDom(error) {
  const e = /** @type {{name?: string, message?: string} | null} */ (error);
  const name = e?.name ?? 'Error';
  const message = `${name}: ${e?.message ?? String(error)}`;
  if (name === 'QuotaExceededError') return failure('QuotaExceeded', message);
  if (name === 'VersionError' || name === 'InvalidStateError') return failure('Unavailable', message);
  return failure('Backend', message);
}

/**
 * A request's result, or its error as a failure.
 * @template T
 * @param {IDBRequest<T>} request
 * @returns {Promise<T>}
 */
function settled(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(fromDom(request.error));
  });
}

/** The revision of a stored value, or null when it has no string `rev`. @param {any} value */
export function storedRevision(value) {
  return value !== null && typeof value === 'object' && typeof value.rev === 'string' ? value.rev : null;
}

/**
 * Walks every schema step from the stored version to ours, inside the upgrade transaction.
 * @param {IDBDatabase} db @param {IDBTransaction} tx @param {number} old @param {number} target
 */
function upgrade(db, tx, old, target) {
  for (let version = old + 1; version <= target; version++) {
    if (version === 1) {
      // Out-of-line keys: the value is exactly `{rev, body}`, the id is the key.
      db.createObjectStore(DOCS);
    } else if (version === 2) {
      const now = new Date().toISOString();
      const info = { schemaVersion: SCHEMA_VERSION, createdAt: now, upgradedFrom: old, upgradedAt: now };
      // Queued in the upgrade transaction: if it fails, the whole open fails.
      db.createObjectStore(META).put(info, SCHEMA_KEY);
    } else {
      throw failure('Backend', `no upgrade step to schema version ${version}`);
    }
  }
  // Later releases: a step that rewrites records reads and writes through `tx` here.
  void tx;
}

/**
 * Opens (creating or upgrading) the database `name` at SCHEMA_VERSION, as a DocumentStore
 * with `kind: "indexeddb"`, `schemaInfo()` and `close()`.
 *
 * If another tab holds the database open at an older version and does not let go, the browser
 * would wait forever: this rejects with "Unavailable" as soon as the browser says the upgrade
 * is blocked. A database from a NEWER release is "Unavailable" too: this page is stale.
 * @param {string} name
 */
export function openDatabase(name) {
  return new Promise((resolve, reject) => {
    /** @type {IDBOpenDBRequest} */
    let request;
    try {
      request = indexedDB.open(name, SCHEMA_VERSION);
    } catch (e) {
      reject(failure('Unavailable', `IndexedDB cannot be used here: ${/** @type {Error} */ (e)?.message ?? e}`));
      return;
    }
    let abandoned = false;
    /** @type {StoreFailure | null} */
    let upgradeFailure = null;
    request.onblocked = () => {
      abandoned = true;
      reject(failure('Unavailable', `upgrading the database \`${name}\` is blocked by another tab that still has it open; close the other Plumbline tabs and reload`));
    };
    request.onupgradeneeded = (event) => {
      const tx = /** @type {IDBTransaction} */ (request.transaction);
      // The caller was told "blocked" and has moved on; when the other tab finally closes, do
      // not upgrade behind its back and leave a connection nobody owns: the database stays.
      if (abandoned) {
        tx.abort();
        return;
      }
      try {
        upgrade(request.result, tx, event.oldVersion, event.newVersion ?? SCHEMA_VERSION);
      } catch (e) {
        upgradeFailure = /** @type {any} */ (e)?.kind ? /** @type {StoreFailure} */ (e) : fromDom(e);
        tx.abort();
      }
    };
    request.onerror = () => {
      const error = request.error;
      if (upgradeFailure) reject(upgradeFailure);
      else if (error?.name === 'VersionError') reject(failure('Unavailable', `the database \`${name}\` was written by a newer release of Plumbline; reload the page to get it`));
      else reject(fromDom(error));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (abandoned) {
        db.close();
        return;
      }
      // Let a newer release in another tab upgrade: close our connection when asked, instead
      // of blocking it. Later calls then fail with "Unavailable" (reload needed).
      db.onversionchange = () => db.close();
      resolve(storeOver(db));
    };
  });
}

/** @param {IDBDatabase} db */
function storeOver(db) {
  /** @param {string[]} stores @param {IDBTransactionMode} mode */
  function transaction(stores, mode) {
    try {
      return db.transaction(stores, mode);
    } catch (e) {
      // The connection was closed: another tab upgraded the database (or close() was called).
      if (/** @type {Error} */ (e)?.name === 'InvalidStateError') {
        throw failure('Unavailable', 'the database was closed because a newer Plumbline opened it in another tab; reload the page');
      }
      throw fromDom(e);
    }
  }

  /**
   * The ids and stored values of every record under `prefix`, read in one snapshot: both
   * requests run in the same transaction, so they describe the same records in key order.
   * @param {string} prefix
   */
  async function readRange(prefix) {
    const docs = transaction([DOCS], 'readonly').objectStore(DOCS);
    // [prefix, prefix + U+FFFF): every string key that starts with `prefix` (ids are ASCII).
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`, false, true);
    const [keys, values] = await Promise.all([settled(docs.getAllKeys(range)), settled(docs.getAll(range))]);
    return keys.map((key, i) => {
      if (typeof key !== 'string') throw failure('Corrupted', 'a record has a key that is not a string', '?');
      return { id: key, value: values[i] };
    });
  }

  return {
    kind: 'indexeddb',
    [ENGINE_STORE]: true,

    /** @param {string} id */
    async get(id) {
      const value = await settled(transaction([DOCS], 'readonly').objectStore(DOCS).get(id));
      return value === undefined ? null : value;
    },

    /**
     * Every record as `{id, rev, body}`, as `DocumentStore` asks (a damaged record keeps what
     * it has). The engine itself lists through `listText`, and through `listRaw` to name a
     * damaged record.
     * @param {string} prefix
     */
    async list(prefix) {
      return (await readRange(prefix)).map(({ id, value }) => ({ id, rev: value?.rev, body: value?.body }));
    },

    /**
     * The listing the engine reads in one piece: the ids, and ONE JSON text of the stored
     * values in the same order; null when a value cannot be written as JSON (the engine then
     * lists the records to name it).
     * @param {string} prefix
     */
    async listText(prefix) {
      return listingText(await readRange(prefix));
    },

    /**
     * Every record as stored. A value JSON cannot describe (a BigInt, a cycle, put there by
     * hand) is kept as its description, so the record can still be shown and deleted.
     * @param {string} prefix
     */
    async listRaw(prefix) {
      return (await readRange(prefix)).map(({ id, value }) => {
        try {
          JSON.stringify(value);
          return { id, stored: value };
        } catch {
          return { id, stored: String(value) };
        }
      });
    },

    /**
     * Applies every write or none; each write carries the revision the engine made for it.
     * @param {Array<{id: string, expectedRev: string | null, body: unknown, rev?: string}>} writes
     */
    commit(writes) {
      return new Promise((resolve, reject) => {
        const tx = transaction([DOCS], 'readwrite');
        const docs = tx.objectStore(DOCS);
        /** @type {StoreFailure | null} */
        let refused = null;
        const refuse = (/** @type {StoreFailure} */ why) => {
          refused ??= why;
          try {
            tx.abort();
          } catch {
            // Already finished or aborting: the first reason stands.
          }
        };
        tx.oncomplete = () => resolve(writes.map((w) => (w.body === null ? '' : String(w.rev))));
        // A failed request is left to abort the transaction (its error event is not cancelled),
        // so that nothing of the commit is written; the abort reports it once.
        tx.onabort = () => reject(refused ?? (tx.error ? fromDom(tx.error) : failure('Backend', 'the browser aborted the transaction')));

        // 1. Every precondition, before anything is written; 2. then the writes, queued in the
        // same transaction (its outcome, complete or abort, is what counts).
        let checked = 0;
        for (const w of writes) {
          const request = docs.get(w.id);
          request.onsuccess = () => {
            if (refused) return;
            const current = request.result;
            const why = precondition(w, current === undefined ? undefined : storedRevision(current));
            if (why) return refuse(why);
            if (++checked < writes.length) return;
            for (const write of writes) {
              if (write.body === null) docs.delete(write.id);
              else docs.put({ rev: /** @type {string} */ (write.rev), body: write.body }, write.id);
            }
          };
        }
      });
    },

    /** The `meta/schema` record. */
    async schemaInfo() {
      const info = await settled(transaction([META], 'readonly').objectStore(META).get(SCHEMA_KEY));
      if (info === undefined) throw failure('Corrupted', 'missing', SCHEMA_KEY);
      return info;
    },

    /** Closes the connection; later calls reject with "Unavailable". */
    close() {
      db.close();
    },
  };
}

/**
 * `{ids, text}` of records read in id order, or null when one cannot be written as JSON.
 * Shared by the memory store (memory.js).
 * @param {Array<{id: string, value: unknown}>} records
 */
export function listingText(records) {
  try {
    return { ids: records.map((r) => r.id), text: JSON.stringify(records.map((r) => r.value)) };
  } catch {
    return null;
  }
}

/**
 * Why a write may not go ahead, or null. `current` is undefined for an absent record and null
 * for one whose revision cannot be read: only UNREADABLE_REV replaces or deletes that one.
 * Shared by the memory store (memory.js).
 * @param {{id: string, expectedRev: string | null, body: unknown, rev?: string}} write
 * @param {string | null | undefined} current
 * @returns {StoreFailure | null}
 */
export function precondition(write, current) {
  if (write.body !== null && typeof write.rev !== 'string') {
    // The engine makes every revision of its own stores; a write without one is its bug.
    return failure('Backend', `the write of \`${write.id}\` carries no revision`, write.id);
  }
  if (current === null) {
    return write.expectedRev === UNREADABLE_REV ? null : failure('Corrupted', 'its revision cannot be read', write.id);
  }
  const matches = current === undefined ? write.expectedRev === null : write.expectedRev === current;
  return matches ? null : failure('Conflict', '', write.id);
}
