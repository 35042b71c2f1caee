// @ts-check
// Documents that came back after a delete. Deletes replicate as tombstones, and CouchDB lets
// an edit made concurrently with a delete win: the document deleted on one replica (a workload
// deleted, a record repaired away) is live again once the other replica's edit arrives. The
// app must not assume a delete sticks, so after each pull it looks for such documents and the
// sync panel says what came back, who deleted it, and offers to keep it or delete it again.
//
// How one is told apart: the live version descends from the very version that was deleted
// (the tombstone's parent is among the live version's ancestors). A conflict resolved with
// Keep this version leaves a tombstone too, but on the other branch, so it is not reported.

/**
 * The part of a PouchDB database used here.
 * @typedef {object} RevisionDatabase
 * @property {(id: string, options?: object) => Promise<any>} get
 * @property {(doc: object) => Promise<{ ok?: boolean, rev?: string }>} put
 */

/**
 * A live document whose delete lost to a concurrent edit. `doc`: the live version;
 * `deletedBy` / `deletedAt`: the tombstone's author and time, when it names them.
 * @typedef {{ id: string, doc: any, deletedBy: string | null, deletedAt: string | null }} CameBack
 */

/** `<generation>-<hash>` of each version a `_revisions` field lists, newest first. @param {any} revisions */
const lineage = (revisions) => (Array.isArray(revisions?.ids) && Number.isInteger(revisions.start)
  ? revisions.ids.map((/** @type {string} */ hash, /** @type {number} */ i) => `${revisions.start - i}-${hash}`)
  : []);

/**
 * Of the documents `ids` of `db`, those live again after a delete (each once).
 * @param {RevisionDatabase} db @param {Iterable<string>} ids
 * @returns {Promise<CameBack[]>}
 */
export async function cameBack(db, ids) {
  /** @type {CameBack[]} */
  const found = [];
  for (const id of new Set(ids)) {
    if (id.startsWith('_')) continue;
    const doc = await db.get(id, { revs: true }).catch(() => null);
    if (!doc) continue;
    // Every leaf, the deleted ones too (PouchDB's get has no `deleted_conflicts`).
    const leaves = await db.get(id, { open_revs: 'all', revs: true }).catch(() => []);
    const ancestors = new Set(lineage(doc._revisions).slice(1));
    const gone = (Array.isArray(leaves) ? leaves : []).map((/** @type {any} */ l) => l?.ok)
      .find((/** @type {any} */ leaf) => leaf?._deleted === true && ancestors.has(lineage(leaf._revisions)[1]));
    if (gone) {
      const { _revisions, ...live } = doc;
      found.push({ id, doc: live,
        deletedBy: typeof gone.updatedBy === 'string' ? gone.updatedBy : null,
        deletedAt: typeof gone.updatedAt === 'string' ? gone.updatedAt : null });
    }
  }
  return found;
}

/**
 * Deletes again a document that came back, as `userName` (the server's rules ask for the
 * author on every tombstone). Refused (409) when it changed again since it was shown.
 * @param {RevisionDatabase} db @param {CameBack} back @param {string} userName
 */
export function deleteAgain(db, back, userName) {
  return db.put({ _id: back.id, _rev: back.doc._rev, _deleted: true, updatedBy: userName, updatedAt: new Date().toISOString() });
}
