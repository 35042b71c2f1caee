// The mark of the engine's own stores (`Symbol.for("plumbline.engineStore")`, src/wasm/store/
// js_store.rs): a store handed in with it is treated as one the engine opened (each write
// carries the engine's revision, listings go through `listText`), which is how the browser
// entry opens the full engine over a memory workspace's store. A store without it is the
// page's, and makes its own revisions. Through the Node entry (the full engine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const MARK = Symbol.for("plumbline.engineStore");

/**
 * A store in a Map that records every write its commit receives. With `marked`, it carries the
 * mark, keeps the revision each write brings and answers `listText`; without, it numbers its
 * own revisions as a page's store does.
 */
function recordingStore({ marked }) {
  const records = new Map();
  const ids = (prefix) => [...records.keys()].filter((id) => id.startsWith(prefix)).sort();
  const store = {
    kind: marked ? "memory" : "page",
    writes: [],
    async get(id) {
      return records.get(id) ?? null;
    },
    async list(prefix) {
      return ids(prefix).map((id) => ({ id, ...records.get(id) }));
    },
    async listRaw(prefix) {
      return ids(prefix).map((id) => ({ id, stored: records.get(id) }));
    },
    async commit(writes) {
      store.writes.push(...writes);
      return writes.map((w) => {
        if (w.body === null) {
          records.delete(w.id);
          return "";
        }
        const rev = marked ? w.rev : `${Number.parseInt(records.get(w.id)?.rev ?? "0", 10) + 1}-page`;
        records.set(w.id, { rev, body: w.body });
        return rev;
      });
    },
  };
  if (marked) {
    store[MARK] = true;
    store.listText = async (prefix) => ({ ids: ids(prefix), text: JSON.stringify(ids(prefix).map((id) => records.get(id))) });
  }
  return store;
}

test("a marked store is the engine's own: each write carries the engine's revision, and it lists through listText", async () => {
  const store = recordingStore({ marked: true });
  const workspace = await Workspace.open({ store });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Marked" }));
  assert.ok(store.writes.length > 0);
  for (const w of store.writes.filter((w) => w.body !== null)) {
    assert.match(w.rev, /^1-[0-9a-f]+$/, `the engine's first revision of ${w.id}`);
  }
  const { revision } = await workspace.getWorkload(workloadId);
  assert.equal(revision, store.writes.find((w) => w.id === `workload/${workloadId}`).rev);
  let listed = 0;
  const listText = store.listText;
  store.listText = (prefix) => {
    listed += 1;
    return listText(prefix);
  };
  assert.deepEqual((await workspace.listWorkloads()).map((w) => w.workloadName), ["Marked"]);
  assert.ok(listed > 0, "the listing went through listText");
  assert.equal(workspace.storage, "memory");
});

test("an unmarked store is the page's: no write carries a revision, the store makes them", async () => {
  const store = recordingStore({ marked: false });
  const workspace = await Workspace.open({ store });
  const { workloadId } = await workspace.defineWorkload(workloadInput({ workloadName: "Unmarked" }));
  assert.ok(store.writes.length > 0);
  assert.ok(store.writes.every((w) => !("rev" in w)), "no engine revision in any write");
  assert.equal((await workspace.getWorkload(workloadId)).revision, "1-page");
});

test("a marked store without listText is refused, naming the option and the method", async () => {
  const store = recordingStore({ marked: true });
  delete store.listText;
  const err = await rejection(Workspace.open({ store }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "store");
  assert.match(err.message, /listText/);
});
