// The store of a first visit (www/sync/fresh-store.js) in Node, in front of the PouchDB store on
// pouchdb's memory adapter: the engine opens an empty workspace and lists it without PouchDB
// being opened; the layout record it writes then is stored under the revision the engine was
// given; any other write, or the page being idle, opens the PouchDB store, and from then on
// everything reads and writes there; a failed opening fails the next call.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { freshPouchStore } from "./pouch-store.mjs";
import { workloadInput } from "./support.mjs";
import { freshStore } from "../../www/sync/fresh-store.js";

/**
 * A fresh store in front of a PouchDB store of its own, with what the test looks at: how many
 * times the PouchDB store was opened, the revisions the engine was given, and the idle task.
 */
function firstVisit({ openPouch = () => freshPouchStore() } = {}) {
  const seen = { opened: 0, pouch: null, idle: null, revs: [] };
  const store = freshStore(
    async () => {
      seen.opened += 1;
      seen.pouch = await openPouch();
      return seen.pouch;
    },
    { later: (task) => { seen.idle = task; } },
  );
  const commit = store.commit;
  store.commit = async (writes) => {
    const revs = await commit(writes);
    seen.revs.push(...writes.map((w, i) => [w.id, revs[i]]));
    return revs;
  };
  return { store, seen };
}

test("an empty workspace opens and lists without the PouchDB store being opened", async () => {
  const { store, seen } = firstVisit();
  const ws = await Workspace.open({ store });
  assert.equal(ws.storage, "pouchdb");
  assert.deepEqual(await ws.listWorkloads(), []);
  assert.deepEqual(await ws.damagedWorkloads(), []);
  assert.equal(seen.opened, 0, "PouchDB not opened for the first page");
  // The engine wrote its layout record, answered from memory.
  assert.deepEqual(seen.revs.map(([id]) => id), ["meta/plumbline"]);
  assert.match(seen.revs[0][1], /^1-[0-9a-f]{32}$/);
  assert.equal(typeof seen.idle, "function", "the opening waits for the page to be idle");
});

test("an idle moment before the engine opened the workspace does not make the first page wait for PouchDB", async () => {
  // PouchDB's opening never ends here: anything that waited for it would hang the test.
  const { store, seen } = firstVisit({ openPouch: () => new Promise(() => {}) });
  assert.equal(seen.idle, null, "no opening asked for before the engine opened the workspace");
  const ws = await Workspace.open({ store });
  assert.deepEqual(await ws.listWorkloads(), []);
  assert.equal(seen.opened, 0);
  assert.equal(typeof seen.idle, "function", "asked for once the workspace is open");
  seen.idle();
  assert.equal(seen.opened, 1);
});

test("once idle, the PouchDB store opens and holds the layout record under the engine's revision", async () => {
  const { store, seen } = firstVisit();
  await Workspace.open({ store });
  seen.idle();
  await store.ready();
  assert.equal(seen.opened, 1);
  const [[id, rev]] = seen.revs;
  const doc = await seen.pouch.local.get(id, { conflicts: true });
  assert.equal(doc._rev, rev);
  assert.equal(doc.body.layout, 2);
  assert.equal(doc._conflicts, undefined);
  // The next start opens the PouchDB store itself: the workspace is there, nothing to write again.
  const writes = [];
  const commit = seen.pouch.commit;
  seen.pouch.commit = (w) => {
    writes.push(...w.map((x) => x.id));
    return commit(w);
  };
  const again = await Workspace.open({ store: seen.pouch });
  assert.deepEqual(await again.listWorkloads(), []);
  assert.deepEqual(writes, [], "the layout record read back, not written again");
});

test("a write opens the PouchDB store, lands there, and reads follow it", async () => {
  const { store, seen } = firstVisit();
  const ws = await Workspace.open({ store });
  const w = await ws.defineWorkload(workloadInput());
  assert.equal(seen.opened, 1);
  assert.deepEqual((await ws.listWorkloads()).map((s) => s.workloadId), [w.workloadId]);
  const stored = await seen.pouch.get(`workload/${w.workloadId}`);
  assert.equal(stored.body.workloadName, w.workloadName);
  // Writes after it carry the revisions the PouchDB store gave, the layout record's included.
  const changed = await ws.updateWorkload(w.workloadId, { description: "Changed after the first visit", expectedRevision: w.revision });
  assert.equal(changed.description, "Changed after the first visit");
  const reopened = await Workspace.open({ store: seen.pouch });
  assert.equal((await reopened.getWorkload(w.workloadId)).description, "Changed after the first visit");
  seen.idle(); // the idle task finds it open: not opened twice
  await store.ready();
  assert.equal(seen.opened, 1);
});

test("a PouchDB store that cannot open fails the next call, not the first page", async () => {
  const broken = new Error("IndexedDB refused");
  const { store } = firstVisit({ openPouch: async () => { throw broken; } });
  const ws = await Workspace.open({ store });
  assert.deepEqual(await ws.listWorkloads(), []);
  await assert.rejects(ws.defineWorkload(workloadInput()));
  await assert.rejects(store.ready(), broken);
  await assert.rejects(store.list("workload/"), broken, "reads fail from then on too");
});
