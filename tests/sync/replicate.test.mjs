// Replication between people, against the running test server, with www/sync/'s modules as
// the page will use them: two local PouchDB memory databases stand for two people's browsers.
// Different questions answered on both: both see everything, no conflict. The same question on
// both: a conflict in `_conflicts`, resolved by deleting the loser, and the resolution reaches
// the other replica. A write the server refuses is reported with the server's reason; a
// reader only pulls; offline, local changes wait and then go; a removed share turns the copy
// read-only with its data kept. Logging in keeps no password.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import PouchDB from "pouchdb-core";
import memory from "pouchdb-adapter-memory";
import http from "pouchdb-adapter-http";
import replication from "pouchdb-replication";
import { cameBack, deleteAgain } from "../../www/sync/came-back.js";
import { keepVersion, versionsOf } from "../../www/sync/conflicts.js";
import { openPouchStore } from "../../www/sync/pouch-store.js";
import { startSync } from "../../www/sync/replicate.js";
import { logIn, serverUrl, SyncError } from "../../www/sync/session.js";
import { couchServer, eventually, newUser, newWorkloadId } from "./support.mjs";

const Pouch = PouchDB.plugin(memory).plugin(http).plugin(replication);
let server;
before(async () => {
  server = await couchServer();
});
after(() => server?.close());
// Every sync a test starts is stopped after it, passed or failed: a live one would keep
// retrying and hold the test process open.
const started = [];
afterEach(() => {
  for (const sync of started.splice(0)) sync.stop();
});
/** startSync, stopped after the test. */
const track = (sync) => {
  started.push(sync);
  return sync;
};

let nextDb = 0;
const localDb = () => new Pouch(`replica-${process.pid}-${(nextDb += 1)}`, { adapter: "memory" });
const stamp = (name) => ({ updatedBy: name, updatedAt: new Date().toISOString() });

/** A shared workload with its owner's `workload` document on the server. */
async function sharedWorkload() {
  const workloadId = newWorkloadId();
  await server.admin.putWorkloadDatabase(workloadId);
  const owner = await newUser(server.admin, "owner", workloadId, "owner");
  const ownerSession = await logIn(server.url, owner.name, owner.password);
  const res = await ownerSession.fetch(`${server.url}/plumbline-wl-${workloadId}/workload`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ workloadName: "Checkout", ...stamp(owner.name) }),
  });
  assert.equal(res.status, 201);
  return { workloadId, owner };
}

/**
 * One person's browser: a session, a local database and its sync, with a way to wait for a
 * state. `fetchImpl` lets a test cut the network.
 */
async function person(workloadId, user, fetchImpl = globalThis.fetch, { backOffFunction = () => 200, whenOnline, local = localDb() } = {}) {
  const session = await logIn(server.url, user.name, user.password, { fetch: fetchImpl });
  const waiters = [];
  const states = [];
  const sync = track(startSync({
    PouchDB: Pouch, local, session, workloadId, backOffFunction, whenOnline,
    onState: (s) => {
      states.push(s);
      for (const w of [...waiters]) if (w.check(s)) w.done(s);
    },
  }));
  /** Resolves with the first state (current or coming) that satisfies `check`. */
  const until = (check, what, ms = 20_000) => new Promise((resolve, reject) => {
    if (check(sync.state())) return resolve(sync.state());
    const timer = setTimeout(() => reject(new Error(`${user.name}: no state "${what}" in ${ms} ms; last: ${JSON.stringify(sync.state())}`)), ms);
    waiters.push({ check, done: (s) => {
      clearTimeout(timer);
      waiters.splice(waiters.findIndex((w) => w.check === check), 1);
      resolve(s);
    } });
  });
  const synced = (ms) => until((s) => s.status === "synced" && s.pending === 0, "synced", ms);
  return { session, local, sync, until, synced, states, name: user.name };
}

const has = (db, id) => db.get(id).then(() => true, () => false);

describe("logging in", () => {
  test("only http(s) URLs without credentials; a wrong password is refused with the server's reason", async () => {
    for (const bad of ["javascript:alert(1)", "ftp://127.0.0.1/", "http://u:p@127.0.0.1:1/", "not a url"]) {
      assert.throws(() => serverUrl(bad), SyncError, bad);
    }
    const { workloadId } = await sharedWorkload();
    const user = await newUser(server.admin, "login", workloadId, "reader");
    await assert.rejects(logIn(server.url, user.name, `${user.password}x`), (e) => e instanceof SyncError && e.status === 401 && e.reason.length > 0);
  });

  test("a session keeps the cookie, never the password, and knows the user's role", async () => {
    const { workloadId } = await sharedWorkload();
    const user = await newUser(server.admin, "keeper", workloadId, "contributor");
    const session = await logIn(server.url, user.name, user.password);
    assert.ok(!JSON.stringify(session).includes(user.password));
    assert.ok(!Object.values(session).some((v) => typeof v === "string" && v.includes(user.password)));
    assert.equal(session.roleFor(workloadId), "contributor");
    assert.equal(session.roleFor(newWorkloadId()), null);
    const res = await session.fetch(`${server.url}/plumbline-wl-${workloadId}/workload`);
    assert.equal(res.status, 200, "the cookie alone opens the database");
    assert.equal(await session.isValid(), true);
    await session.logOut();
    assert.equal(await session.isValid(), false);
  });
});

describe("two people on one workload", () => {
  test("different questions answered on both: both see everything, no conflict", async () => {
    const { workloadId } = await sharedWorkload();
    const [alice, bob] = await Promise.all(["alice", "bob"].map(async (label) =>
      person(workloadId, await newUser(server.admin, label, workloadId, "contributor"))));
    await alice.local.put({ _id: "answer:wellarchitected:ops-1", selectedChoices: ["a"], ...stamp(alice.name) });
    await bob.local.put({ _id: "answer:wellarchitected:sec-2", selectedChoices: ["b"], ...stamp(bob.name) });
    for (const p of [alice, bob]) {
      for (const id of ["workload", "answer:wellarchitected:ops-1", "answer:wellarchitected:sec-2"]) {
        await eventually(() => has(p.local, id), `${p.name} has ${id}`);
        const doc = await p.local.get(id, { conflicts: true });
        assert.equal(doc._conflicts, undefined, `${p.name}: ${id} has no conflict`);
      }
      await p.synced();
    }
    assert.equal((await bob.local.get("answer:wellarchitected:ops-1")).updatedBy, alice.name);
    for (const p of [alice, bob]) p.sync.stop();
  });

  test("the same question on both: a conflict both see, resolved once for everyone", async () => {
    const { workloadId } = await sharedWorkload();
    const users = await Promise.all(["alice", "bob"].map((label) => newUser(server.admin, label, workloadId, "contributor")));
    // Each answers while not syncing yet, so neither version has seen the other.
    const id = "answer:wellarchitected:rel-3";
    const locals = [localDb(), localDb()];
    await locals[0].put({ _id: id, selectedChoices: ["alice-choice"], ...stamp(users[0].name) });
    await locals[1].put({ _id: id, selectedChoices: ["bob-choice"], ...stamp(users[1].name) });
    const people = [];
    for (const [i, user] of users.entries()) {
      const session = await logIn(server.url, user.name, user.password);
      people.push({ session, local: locals[i], sync: track(startSync({ PouchDB: Pouch, local: locals[i], session, workloadId, onState: () => {}, backOffFunction: () => 200 })) });
    }
    const [alice, bob] = people;
    const conflicted = async (p) => (await p.local.get(id, { conflicts: true }))._conflicts?.length === 1;
    await eventually(() => conflicted(alice), "alice sees the conflict");
    await eventually(() => conflicted(bob), "bob sees the conflict");
    const [aliceVersions, bobVersions] = [await versionsOf(alice.local, id), await versionsOf(bob.local, id)];
    assert.deepEqual(aliceVersions.map((v) => v._rev), bobVersions.map((v) => v._rev), "the same winner on both replicas");
    assert.deepEqual(new Set(aliceVersions.map((v) => v.selectedChoices[0])), new Set(["alice-choice", "bob-choice"]), "both versions are kept");

    // Alice keeps the losing version (Bob's or hers, whichever lost), deleting the winner.
    const keep = aliceVersions[1];
    const deleted = await keepVersion(alice.local, id, keep._rev, alice.session.name);
    assert.deepEqual(deleted, [aliceVersions[0]._rev]);
    const resolved = async (p) => {
      const doc = await p.local.get(id, { conflicts: true });
      return doc._conflicts === undefined && doc._rev === keep._rev;
    };
    await eventually(() => resolved(alice), "alice's copy resolved");
    await eventually(() => resolved(bob), "the resolution replicated to bob");
    assert.deepEqual((await bob.local.get(id)).selectedChoices, keep.selectedChoices);
    assert.deepEqual(await cameBack(alice.local, [id]), [], "a resolved conflict is not a document back after a delete");
    for (const p of people) p.sync.stop();
  });

  test("a conflict resolved on one replica while the losing version is edited on the other: the conflict is back, with the edit", async () => {
    const { workloadId } = await sharedWorkload();
    const id = "answer:wellarchitected:rel-4";
    const users = await Promise.all(["alice", "bob"].map((label) => newUser(server.admin, label, workloadId, "contributor")));
    const locals = [localDb(), localDb()];
    await locals[0].put({ _id: id, selectedChoices: ["alice-choice"], ...stamp(users[0].name) });
    await locals[1].put({ _id: id, selectedChoices: ["bob-choice"], ...stamp(users[1].name) });
    let bobOnline = true;
    const bobFetch = (url, init) => (bobOnline ? fetch(url, init) : Promise.reject(new TypeError("fetch failed")));
    const alice = await person(workloadId, users[0], globalThis.fetch, { local: locals[0] });
    const bob = await person(workloadId, users[1], bobFetch, { local: locals[1] });
    const conflicted = async (p) => (await p.local.get(id, { conflicts: true }))._conflicts?.length === 1;
    for (const p of [alice, bob]) await eventually(() => conflicted(p), `${p.name} sees the conflict`);
    await Promise.all([alice.synced(), bob.synced()]);
    // Bob, offline, changes his version again; Alice keeps hers, deleting his.
    bobOnline = false;
    const bobs = (await versionsOf(bob.local, id)).find((v) => v.updatedBy === bob.name);
    await bob.local.put({ ...bobs, selectedChoices: ["bob-second-thought"], ...stamp(bob.name) });
    const alices = (await versionsOf(alice.local, id)).find((v) => v.updatedBy === alice.name);
    await keepVersion(alice.local, id, alices._rev, alice.name);
    await alice.synced();
    bobOnline = true;
    await bob.synced();
    for (const p of [alice, bob]) {
      await eventually(() => conflicted(p), `${p.name} sees the conflict again`);
      const versions = (await versionsOf(p.local, id)).map((v) => v.selectedChoices[0]).sort();
      assert.deepEqual(versions, ["alice-choice", "bob-second-thought"], `${p.name}: both versions, Bob's edit kept`);
    }
    for (const p of [alice, bob]) p.sync.stop();
  });

  test("an edit concurrent with a delete wins: the document is back on both, flagged, and can be deleted again", async () => {
    const { workloadId } = await sharedWorkload();
    let bobOnline = true;
    const bobFetch = (url, init) => (bobOnline ? fetch(url, init) : Promise.reject(new TypeError("fetch failed")));
    const alice = await person(workloadId, await newUser(server.admin, "alice", workloadId, "contributor"));
    const bob = await person(workloadId, await newUser(server.admin, "bob", workloadId, "contributor"), bobFetch);
    const id = "answer:wellarchitected:ops-11";
    await alice.local.put({ _id: id, selectedChoices: ["a"], ...stamp(alice.name) });
    const seen = await eventually(() => bob.local.get(id).catch(() => null), "bob has the answer");
    // Bob edits it offline while Alice deletes it (a workload deleted, a record repaired away).
    bobOnline = false;
    await bob.until((s) => s.status === "offline" || s.status === "error", "bob offline").catch(() => {});
    await alice.local.put({ _id: id, _rev: (await alice.local.get(id))._rev, _deleted: true, ...stamp(alice.name) });
    await alice.synced();
    await bob.local.put({ ...seen, selectedChoices: ["b"], ...stamp(bob.name) });
    bobOnline = true;
    await bob.synced();
    const back = await eventually(() => alice.local.get(id).catch(() => null), "the edited answer is back on alice's replica");
    assert.deepEqual(back.selectedChoices, ["b"], "the edit won over the delete");
    for (const p of [alice, bob]) {
      await eventually(async () => (await cameBack(p.local, [id])).length === 1, `${p.name} sees it came back`);
      const [found] = await cameBack(p.local, [id]);
      assert.equal(found.deletedBy, alice.name, `${p.name}: who deleted it`);
      assert.equal(found.doc.updatedBy, bob.name, `${p.name}: whose edit brought it back`);
    }
    // Alice deletes it again: gone for both, and no longer reported.
    await deleteAgain(alice.local, (await cameBack(alice.local, [id]))[0], alice.name);
    await eventually(async () => !(await has(bob.local, id)), "the second delete reached bob");
    assert.deepEqual(await cameBack(bob.local, [id]), []);
    for (const p of [alice, bob]) p.sync.stop();
  });
});

describe("what the server refuses", () => {
  test("a reader only pulls: read-only state, everything pulled, nothing pushed", async () => {
    const { workloadId } = await sharedWorkload();
    const reader = await person(workloadId, await newUser(server.admin, "reader", workloadId, "reader"));
    assert.equal(reader.sync.state().readOnly, true);
    assert.equal(reader.sync.state().role, "reader");
    await eventually(() => has(reader.local, "workload"), "the reader pulled the workload");
    await reader.local.put({ _id: "answer:wellarchitected:ops-9", ...stamp(reader.name) });
    await reader.synced();
    const onServer = await reader.session.fetch(`${server.url}/plumbline-wl-${workloadId}/answer:wellarchitected:ops-9`);
    assert.equal(onServer.status, 404, "a reader's local change is never sent");
    reader.sync.stop();
  });

  test("a refused write is an error listing the document and the server's reason", async () => {
    const { workloadId } = await sharedWorkload();
    const bob = await person(workloadId, await newUser(server.admin, "bob", workloadId, "contributor"));
    await bob.synced();
    // Bob is a contributor: the workload's properties are the owners'.
    const workload = await bob.local.get("workload");
    await bob.local.put({ ...workload, workloadName: "Renamed by bob", ...stamp(bob.name) });
    await bob.local.put({ _id: "answer:wellarchitected:ops-4", selectedChoices: ["x"], ...stamp(bob.name) });
    const state = await bob.until((s) => s.status === "error" && s.refused.length > 0, "refused");
    assert.deepEqual(state.refused.map((r) => r.id), ["workload"]);
    assert.match(state.refused[0].reason, /owners/);
    assert.match(state.reason, /refused 1 change/);
    assert.match(state.reason, /workload: /);
    const onServer = async () => (await bob.session.fetch(`${server.url}/plumbline-wl-${workloadId}/answer:wellarchitected:ops-4`)).status === 200;
    await eventually(onServer, "the allowed change reached the server");
    const settled = await bob.until((s) => s.status === "error" && s.pending === 0, "refused, nothing waiting");
    assert.equal(settled.refused.length, 1, "a refused change is reported, not counted as waiting");
    assert.match(settled.refused[0].rev ?? "", /^2-/, "the refused revision is the local edit");
    bob.sync.clearRefused();
    await bob.synced();
    bob.sync.stop();
  });

  test("a contributor made a reader: their next change is refused and reported", async () => {
    const { workloadId } = await sharedWorkload();
    const user = await newUser(server.admin, "demoted", workloadId, "contributor");
    const p = await person(workloadId, user);
    await p.synced();
    await server.admin.grant(user.name, workloadId, "reader");
    await p.local.put({ _id: "answer:wellarchitected:cost-2", selectedChoices: ["y"], ...stamp(p.name) });
    const state = await p.until((s) => s.refused.length > 0, "refused");
    assert.equal(state.status, "error");
    assert.equal(state.refused[0].id, "answer:wellarchitected:cost-2");
    assert.match(state.refused[0].reason, /read/);
    p.sync.stop();
  });
});

describe("network and share changes", () => {
  test("offline: changes wait and are counted, then go when the server is back", async () => {
    const { workloadId } = await sharedWorkload();
    let online = true;
    const flaky = (url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError("fetch failed")));
    const p = await person(workloadId, await newUser(server.admin, "traveller", workloadId, "contributor"), flaky);
    await p.synced();
    online = false;
    await p.local.put({ _id: "answer:wellarchitected:ops-5", ...stamp(p.name) });
    await p.local.put({ _id: "answer:wellarchitected:ops-6", ...stamp(p.name) });
    const away = await p.until((s) => s.status === "offline" && s.pending === 2, "offline with 2 waiting");
    assert.equal(away.readOnly, false, "offline is not read-only: edits wait");
    online = true;
    await p.synced();
    const res = await p.session.fetch(`${server.url}/plumbline-wl-${workloadId}/answer:wellarchitected:ops-6`);
    assert.equal(res.status, 200);
    p.sync.stop();
  });

  test("back online: replication starts again at once, without waiting out its back-off", async () => {
    const { workloadId } = await sharedWorkload();
    let online = true;
    const flaky = (url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError("fetch failed")));
    let comeBack = () => {};
    const whenOnline = (listener) => {
      comeBack = listener;
      return () => {};
    };
    // A back-off of 30 s, and 15 s to get back in step: only the online signal can make it.
    // (PouchDB's back-off timer cannot be cleared: it keeps Node alive up to 30 s after.)
    const p = await person(workloadId, await newUser(server.admin, "commuter", workloadId, "contributor"), flaky, { backOffFunction: () => 30_000, whenOnline });
    await p.synced();
    online = false;
    await p.local.put({ _id: "answer:wellarchitected:ops-10", ...stamp(p.name) });
    await p.until((s) => s.status === "offline" && s.pending === 1, "offline with 1 waiting");
    online = true;
    comeBack();
    await p.until((s) => s.status === "synced" && s.pending === 0, "synced", 15_000);
    const res = await p.session.fetch(`${server.url}/plumbline-wl-${workloadId}/answer:wellarchitected:ops-10`);
    assert.equal(res.status, 200);
    p.sync.stop();
  });

  test("the share removed (database deleted): read-only, local data kept", async () => {
    const { workloadId } = await sharedWorkload();
    const p = await person(workloadId, await newUser(server.admin, "left", workloadId, "contributor"));
    await p.local.put({ _id: "answer:wellarchitected:ops-7", ...stamp(p.name) });
    await p.synced();
    await server.admin.deleteWorkloadDatabase(workloadId);
    // The test server answers the DELETE before every route forgets the database: a write
    // let through in between would recreate it (CouchDB itself has no such window).
    const gone = async () => (await p.session.fetch(`${server.url}/plumbline-wl-${workloadId}`)).status === 404;
    await eventually(gone, "the server says the database is gone");
    await p.local.put({ _id: "answer:wellarchitected:ops-8", ...stamp(p.name) });
    const state = await p.until((s) => s.status === "removed", "removed");
    assert.equal(state.readOnly, true);
    assert.match(state.reason, /removed/);
    assert.ok(await has(p.local, "workload") && await has(p.local, "answer:wellarchitected:ops-7"), "the local copy is kept");
  });

  test("a contributor deletes the shared workload: gone from their browser only, the owner and the server keep every answer", async () => {
    const { workloadId, owner } = await sharedWorkload();
    const alice = await person(workloadId, owner);
    const bob = await person(workloadId, await newUser(server.admin, "leaver", workloadId, "contributor"));
    const answers = ["answer:wellarchitected:ops-1", "answer:wellarchitected:sec-2", "notes:wellarchitected"];
    // The properties as the app writes them (`body`), which bob's workload list is made from.
    await eventually(() => has(alice.local, "workload"), "the owner's replica has the workload");
    await alice.local.put({ ...(await alice.local.get("workload")), body: { workloadName: "Checkout", lensVersions: {} }, ...stamp(alice.name) });
    answers.push("workload");
    await alice.local.put({ _id: answers[0], body: { selectedChoices: ["a"] }, ...stamp(alice.name) });
    await bob.local.put({ _id: answers[1], body: { selectedChoices: ["b"] }, ...stamp(bob.name) });
    await bob.local.put({ _id: answers[2], body: { notes: "kept" }, ...stamp(bob.name) });
    for (const p of [alice, bob]) await eventually(async () => (await Promise.all(answers.map((id) => has(p.local, id)))).every(Boolean), `${p.name} has every answer`);
    await bob.synced();
    const read = (path) => bob.session.fetch(`${server.url}/plumbline-wl-${workloadId}${path}`).then((r) => r.json());
    const seqBefore = (await read("")).update_seq;
    // Bob's browser: his workspace's store over his replica, as the app holds it; Delete
    // (sync-runner's leaveWorkload) stops the sync, then the store forgets the workload.
    const store = await openPouchStore({ name: `bob-${workloadId}`, PouchDB: Pouch.defaults({ adapter: "memory" }), workloadDb: async () => bob.local });
    await store.refreshIndex(workloadId);
    assert.deepEqual(await store.registered(), [workloadId]);
    bob.sync.stop();
    await store.forgetWorkload(workloadId);
    assert.deepEqual(await store.registered(), [], "bob's workspace no longer lists it");
    assert.deepEqual(await store.list(`workload/${workloadId}`), []);
    assert.equal((await new Pouch(bob.local.name, { adapter: "memory" }).info()).doc_count, 0, "bob's replica is destroyed");

    // Nothing reached the server: no tombstone, every answer live there and on the owner's replica.
    await alice.local.put({ _id: "answer:wellarchitected:rel-3", body: { selectedChoices: ["c"] }, ...stamp(alice.name) });
    await eventually(async () => (await read("/answer:wellarchitected:rel-3")).body, "the owner's new answer on the server");
    const all = await read("/_all_docs");
    for (const id of answers) assert.ok(all.rows.some((r) => r.id === id && !r.value.deleted), `${id} on the server`);
    for (const id of answers) assert.ok(await has(alice.local, id), `${id} on the owner's replica`);
    const changes = await read(`/_changes?since=${encodeURIComponent(seqBefore)}`);
    assert.deepEqual(changes.results.map((c) => c.id), ["answer:wellarchitected:rel-3"], "only the owner's new answer since bob's delete");
  });

  test("the role taken away: the share is removed for that user", async () => {
    const { workloadId } = await sharedWorkload();
    const user = await newUser(server.admin, "revoked", workloadId, "contributor");
    const p = await person(workloadId, user);
    await p.synced();
    await server.admin.revoke(user.name, workloadId);
    await p.local.put({ _id: "answer:wellarchitected:sus-1", ...stamp(p.name) });
    const state = await p.until((s) => s.status === "removed", "removed");
    assert.equal(state.readOnly, true);
    assert.equal(state.pending, 1, "the change made after the revocation is still counted, kept locally");
    assert.ok(await has(p.local, "answer:wellarchitected:sus-1"));
  });
});
