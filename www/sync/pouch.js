// @ts-check
// The browser's PouchDB for local databases: the core and the IndexedDB adapter, all the
// workspace's store needs (./pouch-store.js, every workload in a database of its own). The app
// loads it at start, so it is kept to these two parts; the HTTP adapter and replication, which
// only a shared or synced workload needs, are ./pouch-replication.js, plugged in on demand
// (./workload-db.js, pouchDB()). Map/reduce and the older idb adapter are left out.
// scripts/bundle.mjs makes both chunks of their own (sync/pouch.js and sync/pouch-replication.js
// in the site, with what they share in sync/chunk-*.js), imported at run time.
// PouchDB 9 publishes no type declarations; ./replicate.js types the part of it that it uses.
// @ts-expect-error -- no declarations (see above)
import PouchDB from 'pouchdb-core';
// @ts-expect-error -- no declarations (see above)
import indexeddb from 'pouchdb-adapter-indexeddb';

/**
 * PouchDB with local databases in IndexedDB by default, compacted on each write: without it the
 * IndexedDB adapter keeps the body of every earlier revision inside the document's record, so
 * that the workload list's index (rewritten with each answer) grew with every change and
 * listing 1,000 workloads read them all. Conflicting revisions are leaves and stay; remote
 * (HTTP) databases ignore the option.
 */
export default PouchDB.plugin(indexeddb).defaults({ adapter: 'indexeddb', auto_compaction: true });
