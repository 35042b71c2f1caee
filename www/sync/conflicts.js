// @ts-check
// Conflicts of a synced document: the same answer changed on two replicas. PouchDB keeps both
// and picks a winner the same way everywhere; the other versions are listed in `_conflicts`.
// Nothing is dropped without the user seeing it: the page shows every version (who, when,
// what) and the user keeps one. The others are then deleted, with the user's name on each
// tombstone as the server's rules ask, and that deletion replicates, clearing the conflict on
// every replica.

/**
 * The part of a PouchDB database used here.
 * @typedef {object} ConflictDatabase
 * @property {(id: string, options?: { conflicts?: boolean, rev?: string }) => Promise<any>} get
 * @property {(docs: object[]) => Promise<Array<{ ok?: boolean, id: string, rev?: string, error?: string, reason?: string }>>} bulkDocs
 */

/**
 * Every version of a document in conflict, the current winner first; one element when there
 * is no conflict.
 * @param {ConflictDatabase} db @param {string} id
 * @returns {Promise<any[]>}
 */
export async function versionsOf(db, id) {
  const winner = await db.get(id, { conflicts: true });
  const losers = Array.isArray(winner._conflicts) ? winner._conflicts.filter((/** @type {unknown} */ r) => typeof r === 'string') : [];
  const others = await Promise.all(losers.map((/** @type {string} */ rev) => db.get(id, { rev })));
  const { _conflicts, ...shown } = winner;
  return [shown, ...others];
}

/**
 * Keeps the version `keepRev` of document `id` and deletes every other one.
 * @param {ConflictDatabase} db @param {string} id @param {string} keepRev
 * @param {string} userName who resolves it (the logged-in user)
 * @returns {Promise<string[]>} the revisions deleted
 */
export async function keepVersion(db, id, keepRev, userName) {
  const versions = await versionsOf(db, id);
  if (!versions.some((v) => v._rev === keepRev)) throw new Error(`${id}: no version ${keepRev} to keep`);
  const updatedAt = new Date().toISOString();
  const drop = versions.filter((v) => v._rev !== keepRev).map((v) => ({ _id: id, _rev: v._rev, _deleted: true, updatedBy: userName, updatedAt }));
  const results = await db.bulkDocs(drop);
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) throw new Error(`${id}: ${failed.map((r) => `${r.error}: ${r.reason}`).join('; ')}`);
  return drop.map((d) => d._rev);
}
