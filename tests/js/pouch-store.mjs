// The PouchDB store (www/sync/pouch-store.js) in Node, on pouchdb's memory adapter: what the
// store tests open, and a preload that runs the API tests against it.
//
// As a preload (`PLUMBLINE_TEST_STORE=pouchdb node --import ./tests/js/pouch-store.mjs --test
// tests/js/api_*.test.mjs`, the `js` step does it), every `Workspace.open` of the memory store
// (the default in Node, or asked for by name) opens a fresh PouchDB store instead, so every
// promise the API tests check is checked through the PouchDB store too.
import { randomBytes } from "node:crypto";
import PouchDB from "pouchdb-core";
import memory from "pouchdb-adapter-memory";
import replication from "pouchdb-replication";
import { Workspace } from "plumbline-review";
import { openPouchStore } from "../../www/sync/pouch-store.js";
import { usePouchDB, workloadDbName } from "../../www/sync/workload-db.js";

export const MemoryPouch = PouchDB.plugin(memory).plugin(replication).defaults({ adapter: "memory" });
usePouchDB(MemoryPouch);

/**
 * A PouchDB store with databases of its own (memory adapter): its local database and its
 * workload databases are named with a prefix no other store of the process shares, as two
 * browser profiles would be apart. Given the `prefix` of an earlier one, it opens that
 * store's databases again (the same profile after a reload).
 */
export function freshPouchStore({ prefix = `p${randomBytes(6).toString("hex")}-`, ...options } = {}) {
  const Apart = MemoryPouch.defaults({ prefix });
  const opened = new Map();
  const workloadDb = async (id) => {
    const name = workloadDbName(id);
    if (!opened.has(name)) opened.set(name, new Apart(name));
    return opened.get(name);
  };
  return openPouchStore({ PouchDB: Apart, workloadDb, ...options });
}

/** What `workspace.storage` the API tests expect of the default store in Node. */
export const nodeStorage = () => (process.env.PLUMBLINE_TEST_STORE === "pouchdb" ? "pouchdb" : "memory");

if (process.env.PLUMBLINE_TEST_STORE === "pouchdb") {
  const open = Workspace.open.bind(Workspace);
  Workspace.open = async (options) => {
    let plain;
    try {
      plain = options === undefined ? {} : { ...options };
    } catch {
      return open(options); // a getter that throws: the engine's error, as without the preload
    }
    if (plain.store || (plain.storage !== undefined && plain.storage !== "memory")) return open(options);
    return open({ ...plain, store: await freshPouchStore() });
  };
}
