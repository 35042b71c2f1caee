// A workload reviewed with a custom lens, shared through the running test server with a
// colleague who does not have the lens: two workspaces (the engine over www/sync/'s PouchDB
// store, memory databases) stand for two browsers. The owner applies the lens and syncs; the
// colleague pulls, gets the lens version installed from the workload's `lens:` document, and
// reviews a question of the custom lens, which reaches the owner. A lens document with a
// broken text, added by the owner, is reported on the colleague's side and installs nothing.
// Who may write lens documents is in ./roles.test.mjs.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import PouchDB from "pouchdb-core";
import memory from "pouchdb-adapter-memory";
import http from "pouchdb-adapter-http";
import replication from "pouchdb-replication";
import { Lens, Workspace } from "../../pkg/node.js";
import { openPouchStore } from "../../www/sync/pouch-store.js";
import { afterPull, signUnsigned, workloadDbName } from "../../www/sync/workload-db.js";
import { lensDocId } from "../../www/sync/lens-docs.js";
import { sharedLensProblems, useLensLinter } from "../../www/sync/shared-lenses.js";
import { startSync } from "../../www/sync/replicate.js";
import { logIn } from "../../www/sync/session.js";
import { couchServer, eventually, newUser } from "./support.mjs";

const Pouch = PouchDB.plugin(memory).plugin(http).plugin(replication);
const LENS = readFileSync(new URL("../fixtures/review-lens.json", import.meta.url), "utf8");
useLensLinter((text) => Lens.lint(text));

let server;
before(async () => {
  server = await couchServer();
});
after(() => server?.close());

/**
 * One person's browser: a workspace over a PouchDB store of memory databases of its own.
 * `author.name` is who writes (null: nobody logged in yet).
 */
async function browser(author) {
  const Apart = Pouch.defaults({ adapter: "memory", prefix: `b${randomBytes(6).toString("hex")}-` });
  const dbs = new Map();
  const workloadDb = async (id) => {
    if (!dbs.has(id)) dbs.set(id, new Apart(workloadDbName(id)));
    return dbs.get(id);
  };
  const store = await openPouchStore({ PouchDB: Apart, workloadDb, author: () => author.name });
  return { store, ws: await Workspace.open({ store }), workloadDb };
}

/** Syncs the workload's database of `who` with the server, as `user`, until test `t` ends. */
async function syncing(t, who, user, workloadId) {
  const session = await logIn(server.url, user.name, user.password);
  const sync = startSync({ PouchDB: Pouch, local: await who.workloadDb(workloadId), session, workloadId, onState: () => {}, backOffFunction: () => 200 });
  t.after(() => sync.stop());
  return { session, sync };
}
const has = async (db, id) => db.get(id).then(() => true, () => false);

test("a colleague without the custom lens pulls the workload and reviews with its lens", async (t) => {
  const owner = await browser({ name: null });
  const { lensAlias } = await owner.ws.importLens(LENS);
  await owner.ws.createLensVersion(lensAlias, { lensVersion: "1.0" });
  const { workloadId } = await owner.ws.defineWorkload({
    workloadName: `Shared custom ${randomBytes(3).toString("hex")}`, description: "Card payments", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: [lensAlias],
  });
  await server.admin.putWorkloadDatabase(workloadId);
  const ownerUser = await newUser(server.admin, "owner", workloadId, "owner");
  const colleagueUser = await newUser(server.admin, "colleague", workloadId, "contributor");
  // Written before anyone logged in: signed by the owner before the first push.
  const ownerDb = await owner.workloadDb(workloadId);
  await signUnsigned(ownerDb, ownerUser.name);
  const ownerSync = await syncing(t, owner, ownerUser, workloadId);
  const lensId = lensDocId(lensAlias, "1.0");
  const onServer = async (id) => (await ownerSync.session.fetch(`${server.url}/plumbline-wl-${workloadId}/${encodeURIComponent(id)}`)).status === 200;
  await eventually(() => onServer(lensId), "the lens version on the server");

  const colleague = await browser(colleagueUser);
  assert.ok(!(await colleague.ws.lenses()).some((l) => l.lensAlias === lensAlias), "the colleague has no such lens");
  const colleagueSync = await syncing(t, colleague, colleagueUser, workloadId);
  const pulled = await colleague.workloadDb(workloadId);
  await eventually(async () => (await has(pulled, lensId)) && has(pulled, "workload"), "the colleague pulled the workload and its lens");
  await afterPull(colleague.ws, workloadId);
  assert.deepEqual(sharedLensProblems(workloadId), []);
  assert.equal((await colleague.ws.getLensReview(workloadId, lensAlias)).lensVersion, "1.0");
  const answer = await colleague.ws.updateAnswer(workloadId, lensAlias, "backups", { selectedChoices: ["backups_no"] });
  assert.equal(answer.risk, "HIGH");
  const plan = await colleague.ws.improvementPlan(workloadId, lensAlias);
  assert.ok(plan.some((item) => item.questionId === "backups"));

  // The answer reaches the owner; the colleague's sync wrote nothing the server refused.
  await eventually(() => has(ownerDb, `answer:${lensAlias}:backups`), "the owner has the colleague's answer");
  assert.deepEqual(colleagueSync.sync.state().refused, []);
  await afterPull(owner.ws, workloadId);
  assert.equal((await owner.ws.getAnswer(workloadId, lensAlias, "backups")).risk, "HIGH");
});

test("a broken lens document pulled from the server is reported and installs nothing", async (t) => {
  const owner = await browser({ name: null });
  const { workloadId } = await owner.ws.defineWorkload({
    workloadName: `Broken lens ${randomBytes(3).toString("hex")}`, description: "Card payments", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: ["wellarchitected"],
  });
  await server.admin.putWorkloadDatabase(workloadId);
  const ownerUser = await newUser(server.admin, "owner", workloadId, "owner");
  const colleagueUser = await newUser(server.admin, "colleague", workloadId, "reader");
  await signUnsigned(await owner.workloadDb(workloadId), ownerUser.name);
  const ownerSync = await syncing(t, owner, ownerUser, workloadId);
  // An owner's lens document whose text refers to a choice the lens does not have.
  const alias = randomBytes(16).toString("hex");
  const text = LENS.replace("backups_automated && backups_tested && backups_offsite", "backups_automated && backups_unknown");
  const id = lensDocId(alias, "1.0");
  const put = await ownerSync.session.fetch(`${server.url}/plumbline-wl-${workloadId}/${encodeURIComponent(id)}`, {
    method: "PUT", headers: { "content-type": "application/json" },
    body: JSON.stringify({
      body: { version: { lensVersion: "1.0", number: 1 }, record: { lensAlias: alias, lensVersion: "1.0", text, createdAt: new Date().toISOString() } },
      updatedBy: ownerUser.name, updatedAt: new Date().toISOString(),
    }),
  });
  assert.equal(put.status, 201, await put.text());

  const colleague = await browser(colleagueUser);
  await syncing(t, colleague, colleagueUser, workloadId);
  const pulled = await colleague.workloadDb(workloadId);
  await eventually(async () => (await has(pulled, id)) && has(pulled, "workload"), "the colleague pulled the workload and the lens document");
  await afterPull(colleague.ws, workloadId);
  const problems = sharedLensProblems(workloadId);
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.ok(problems[0].includes(id) && problems[0].includes("not a valid lens"), problems[0]);
  assert.ok(!(await colleague.ws.lenses()).some((l) => l.lensAlias === alias));
  // The rest of the workload is the colleague's to read.
  assert.equal((await colleague.ws.getWorkload(workloadId)).lenses[0], "wellarchitected");
});
