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
import { Workspace } from "plumbline-review";
import { openPouchStore } from "../../www/sync/pouch-store.js";
import { usePouchDB } from "../../www/sync/workload-db.js";

export const MemoryPouch = PouchDB.plugin(memory).defaults({ adapter: "memory" });
usePouchDB(MemoryPouch);

/** A PouchDB store on a local database of its own (memory adapter). */
export const freshPouchStore = (options = {}) =>
  openPouchStore({ name: `plumbline-local-${randomBytes(6).toString("hex")}`, ...options });

/** What `workspace.storage` the API tests expect of the default store in Node. */
export const nodeStorage = () => (process.env.PLUMBLINE_TEST_STORE === "pouchdb" ? "pouchdb" : "memory");

if (process.env.PLUMBLINE_TEST_STORE === "pouchdb") {
  const open = Workspace.open.bind(Workspace);
  Workspace.open = async (options) => {
    const storage = options?.storage;
    if (options?.store || (storage !== undefined && storage !== "memory")) return open(options);
    return open({ ...options, store: await freshPouchStore() });
  };
}
