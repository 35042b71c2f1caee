// @ts-check
// The browser's PouchDB, built from its parts: the core, the IndexedDB adapter (local
// databases), the HTTP adapter (the team's server) and replication; about a sixth of the size
// of the whole pouchdb-browser package leaves out map/reduce and the older idb adapter.
// scripts/bundle.mjs makes it a chunk of its own (sync/pouch.js in the site), loaded with
// `import('./sync/pouch.js')` only when a workload is synced, never by the first page load.
// PouchDB 9 publishes no type declarations; ./replicate.js types the part of it that it uses.
// @ts-expect-error -- no declarations (see above)
import PouchDB from 'pouchdb-core';
// @ts-expect-error -- no declarations (see above)
import indexeddb from 'pouchdb-adapter-indexeddb';
// @ts-expect-error -- no declarations (see above)
import http from 'pouchdb-adapter-http';
// @ts-expect-error -- no declarations (see above)
import replication from 'pouchdb-replication';

/** PouchDB with local databases in IndexedDB by default. */
export default PouchDB.plugin(indexeddb).plugin(http).plugin(replication).defaults({ adapter: 'indexeddb' });
