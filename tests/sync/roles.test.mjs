// The write rules of a shared workload's database, against the running test server: an owner,
// a contributor, a reader and a user with no role on the workload each try what they may and
// may not, and every refusal comes back with the server's reason (the words of
// www/sync/rules.js), also through `_bulk_docs` as replication writes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { designDocument, DESIGN_ID } from "../../sync/design.mjs";
import { clientFor, couchServer, newUser, newWorkloadId, stamp } from "./support.mjs";
import { lensDocId } from "../../www/sync/lens-docs.js";

let server;
let db;
let owner;
let contributor;
let reader;
let outsider;
/** @type {Record<string, ReturnType<typeof clientFor>>} */
const as = {};

before(async () => {
  server = await couchServer();
  const workloadId = newWorkloadId();
  db = `/${(await server.admin.putWorkloadDatabase(workloadId)).database}`;
  owner = await newUser(server.admin, "owner", workloadId, "owner");
  contributor = await newUser(server.admin, "contributor", workloadId, "contributor");
  reader = await newUser(server.admin, "reader", workloadId, "reader");
  outsider = await newUser(server.admin, "outsider", workloadId, null);
  for (const [key, user] of Object.entries({ owner, contributor, reader, outsider })) as[key] = clientFor(server.url, user);
  as.anonymous = clientFor(server.url, null);
});
after(() => server?.close());

/** Asserts a refusal: the status and a reason that contains every fragment given. */
function assertRefused(res, status, ...fragments) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(typeof res.body.reason, "string");
  for (const f of fragments) assert.ok(res.body.reason.includes(f), `reason ${JSON.stringify(res.body.reason)} should mention ${JSON.stringify(f)}`);
}

describe("the workload document", () => {
  test("owners write it; contributors and readers are refused with the reason", async () => {
    const created = await as.owner("PUT", `${db}/workload`, { workloadName: "Shop", ...stamp(owner) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const byContributor = await as.contributor("PUT", `${db}/workload`, { _rev: created.body.rev, workloadName: "Mine", ...stamp(contributor) });
    assertRefused(byContributor, 403, "owners");
    const byReader = await as.reader("PUT", `${db}/workload`, { _rev: created.body.rev, workloadName: "Mine", ...stamp(reader) });
    assertRefused(byReader, 403, "read");
    const stored = await as.reader("GET", `${db}/workload`);
    assert.equal(stored.body.workloadName, "Shop", "the refused writes changed nothing");
  });

  test("only owners may delete it (a tombstone names its author too)", async () => {
    const created = await as.owner("PUT", `${db}/workload`, { ...(await as.owner("GET", `${db}/workload`)).body, ...stamp(owner) });
    assert.equal(created.status, 201);
    const byContributor = await as.contributor("PUT", `${db}/workload`, { _rev: created.body.rev, _deleted: true, ...stamp(contributor) });
    assertRefused(byContributor, 403, "owners", "delete");
    const withoutAuthor = await as.owner("DELETE", `${db}/workload?rev=${created.body.rev}`);
    assertRefused(withoutAuthor, 403, "updatedBy", owner.name);
  });
});

describe("answers and notes", () => {
  test("contributors and owners write them; readers cannot", async () => {
    for (const [who, user] of [["contributor", contributor], ["owner", owner]]) {
      const answer = await as[who]("PUT", `${db}/answer:wellarchitected:ops-${who}`, { selectedChoices: ["a"], ...stamp(user) });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const notes = await as[who]("PUT", `${db}/notes:wellarchitected:operationalExcellence-${who}`, { notes: "n", ...stamp(user) });
      assert.equal(notes.status, 201, JSON.stringify(notes.body));
    }
    assertRefused(await as.reader("PUT", `${db}/answer:wellarchitected:ops-reader`, { selectedChoices: [], ...stamp(reader) }), 403, "read");
    assertRefused(await as.reader("PUT", `${db}/notes:wellarchitected`, { notes: "n", ...stamp(reader) }), 403, "read");
  });

  test("updatedBy must be the logged-in user and updatedAt an ISO time", async () => {
    const otherAuthor = await as.contributor("PUT", `${db}/answer:wellarchitected:sec-1`, { ...stamp(owner) });
    assertRefused(otherAuthor, 403, "updatedBy", contributor.name, owner.name);
    const noAuthor = await as.contributor("PUT", `${db}/answer:wellarchitected:sec-1`, { updatedAt: new Date().toISOString() });
    assertRefused(noAuthor, 403, "updatedBy");
    const badTime = await as.contributor("PUT", `${db}/answer:wellarchitected:sec-1`, { ...stamp(contributor), updatedAt: "yesterday" });
    assertRefused(badTime, 403, "updatedAt");
  });

  test("a contributor may delete an answer (resolving a conflict), with their name on the tombstone", async () => {
    const id = `${db}/answer:wellarchitected:rel-1`;
    const created = await as.contributor("PUT", id, { selectedChoices: ["x"], ...stamp(contributor) });
    const deleted = await as.contributor("PUT", id, { _rev: created.body.rev, _deleted: true, ...stamp(contributor) });
    assert.equal(deleted.status, 201, JSON.stringify(deleted.body));
    assert.equal((await as.reader("GET", id)).status, 404);
  });
});

describe("milestones, lens versions and activity entries", () => {
  test("milestones: owners save them, nobody changes them, owners may delete them", async () => {
    assertRefused(await as.contributor("PUT", `${db}/milestone:1`, { milestoneName: "m", ...stamp(contributor) }), 403, "owners", "milestones");
    const saved = await as.owner("PUT", `${db}/milestone:1`, { milestoneName: "m", ...stamp(owner) });
    assert.equal(saved.status, 201);
    assertRefused(await as.owner("PUT", `${db}/milestone:1`, { _rev: saved.body.rev, milestoneName: "changed", ...stamp(owner) }), 403, "never changes", "milestone:1");
    const deleted = await as.owner("PUT", `${db}/milestone:1`, { _rev: saved.body.rev, _deleted: true, ...stamp(owner) });
    assert.equal(deleted.status, 201, JSON.stringify(deleted.body));
  });

  test("lens versions: owners add them and they never change", async () => {
    assertRefused(await as.contributor("PUT", `${db}/lens:custom-a@v1`, { lens: {}, ...stamp(contributor) }), 403, "owners");
    const added = await as.owner("PUT", `${db}/lens:custom-a@v1`, { lens: {}, ...stamp(owner) });
    assert.equal(added.status, 201);
    assertRefused(await as.owner("PUT", `${db}/lens:custom-a@v1`, { _rev: added.body.rev, lens: { x: 1 }, ...stamp(owner) }), 403, "never changes");
  });

  test("lens versions as the app writes them: escaped names pass, readers are refused, owners may take one back", async () => {
    // www/sync/lens-docs.js escapes the version's name, so `:` and `@` never reach the id.
    const id = encodeURIComponent(lensDocId(newWorkloadId(), "2.0 / beta: final@last"));
    const doc = { body: { version: { lensVersion: "2.0 / beta: final@last", number: 2 }, record: { text: "{}" } } };
    assertRefused(await as.reader("PUT", `${db}/${id}`, { ...doc, ...stamp(reader) }), 403, "read");
    assertRefused(await as.contributor("PUT", `${db}/${id}`, { ...doc, ...stamp(contributor) }), 403, "owners", "lens versions");
    const added = await as.owner("PUT", `${db}/${id}`, { ...doc, ...stamp(owner) });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assertRefused(await as.owner("PUT", `${db}/${encodeURIComponent("lens:custom-b@1:0")}`, { ...doc, ...stamp(owner) }), 403, "lens:<alias>@<version>");
    // A commit refused halfway puts back what it wrote: a new lens version becomes a tombstone.
    assertRefused(await as.contributor("PUT", `${db}/${id}`, { _rev: added.body.rev, _deleted: true, ...stamp(contributor) }), 403, "owners");
    const deleted = await as.owner("PUT", `${db}/${id}`, { _rev: added.body.rev, _deleted: true, ...stamp(owner) });
    assert.equal(deleted.status, 201, JSON.stringify(deleted.body));
  });

  test("activity entries and comments are added by contributors, never changed or deleted", async () => {
    const id = `${db}/activity:${newWorkloadId()}`;
    const added = await as.contributor("PUT", id, { what: "answered", ...stamp(contributor) });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assertRefused(await as.contributor("PUT", id, { _rev: added.body.rev, what: "edited", ...stamp(contributor) }), 403, "only ever added");
    assertRefused(await as.owner("PUT", id, { _rev: added.body.rev, _deleted: true, ...stamp(owner) }), 403, "only ever added");
    assertRefused(await as.reader("PUT", `${db}/comment:${newWorkloadId()}`, { text: "hi", ...stamp(reader) }), 403, "read");
  });
});

describe("everything else", () => {
  test("an id a workload does not have is refused, naming the kinds it has", async () => {
    const res = await as.owner("PUT", `${db}/settings`, { ...stamp(owner) });
    assertRefused(res, 403, "settings", "answer:<lens>:<question>");
    assertRefused(await as.owner("PUT", `${db}/answer:only-two`, { ...stamp(owner) }), 403, "answer:only-two");
  });

  test("only owners (database admins) write design documents", async () => {
    const res = await as.contributor("PUT", `${db}/_design/mine`, { validate_doc_update: "function () {}" });
    assert.ok(res.status === 401 || res.status === 403, `status ${res.status}`);
    const current = await as.owner("GET", `${db}/${DESIGN_ID}`);
    assert.equal(current.body.validate_doc_update, designDocument().validate_doc_update, "the installed rules are the file's");
  });

  test("users without a role, and anonymous requests, can neither read nor write", async () => {
    for (const who of ["outsider", "anonymous"]) {
      const read = await as[who]("GET", `${db}/workload`);
      assert.ok(read.status === 401 || read.status === 403, `${who} read: ${read.status}`);
      const write = await as[who]("PUT", `${db}/answer:wellarchitected:x`, { ...stamp(outsider) });
      assert.ok(write.status === 401 || write.status === 403, `${who} write: ${write.status}`);
    }
  });

  test("replicated writes (_bulk_docs, new_edits=false) are refused one by one with the reason", async () => {
    const docs = [
      { _id: "answer:wellarchitected:cost-1", _rev: "1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ...stamp(contributor) },
      { _id: "workload", _rev: "9-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", workloadName: "Taken", ...stamp(contributor) },
    ];
    const res = await as.contributor("POST", `${db}/_bulk_docs`, { docs, new_edits: false });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const refused = res.body.filter((r) => r.error);
    assert.equal(refused.length, 1, JSON.stringify(res.body));
    assert.equal(refused[0].id, "workload");
    assert.equal(refused[0].error, "forbidden");
    assert.ok(refused[0].reason.includes("owners"), refused[0].reason);
    assert.equal((await as.reader("GET", `${db}/answer:wellarchitected:cost-1`)).status, 200, "the allowed document was written");
  });
});
