// @ts-check
// What PouchDB needs to talk to the team's server, kept out of the app's start: the HTTP
// adapter and replication (`PouchDB.replicate`, `PouchDB.sync`, `db.replicate`). Loaded on
// demand, when a workload is shared or synced, and plugged into the local PouchDB of
// ./pouch.js (./workload-db.js, pouchDB()), so that the databases the store already opened can
// replicate too.
// @ts-expect-error -- no declarations (./pouch.js says why)
import http from 'pouchdb-adapter-http';
// @ts-expect-error -- no declarations (./pouch.js says why)
import replication from 'pouchdb-replication';

/**
 * Adds the HTTP adapter and replication to `PouchDB` (./pouch.js's constructor) and returns it.
 * @template T @param {T} PouchDB @returns {T}
 */
export default function withReplication(PouchDB) {
  return /** @type {any} */ (PouchDB).plugin(http).plugin(replication);
}
