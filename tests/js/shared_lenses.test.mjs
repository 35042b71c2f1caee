// Custom lenses travel with a shared workload (www/sync/lens-docs.js, shared-lenses.js), in
// Node on pouchdb's memory adapter, two workspaces standing for two browsers: applying or
// upgrading a custom lens writes its version into the workload's database once; a workspace
// without the lens that receives the database installs the versions after the pull, and then
// reviews with them; a later version joins the installed ones; a broken lens document is
// reported and installs nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Lens, Workspace } from "plumbline-review";
import { freshPouchStore } from "./pouch-store.mjs";
import { workloadInput } from "./support.mjs";
import { afterPull, installPulledLenses } from "../../www/sync/workload-db.js";
import { lensDocId } from "../../www/sync/lens-docs.js";
import { sharedLensProblems, useLensLinter } from "../../www/sync/shared-lenses.js";

const LENS = readFileSync(new URL("../fixtures/review-lens.json", import.meta.url), "utf8");
useLensLinter((text) => Lens.lint(text));

async function opened(author) {
  const store = await freshPouchStore({ author: () => author });
  return { store, ws: await Workspace.open({ store }) };
}

/** The owner's workspace: the fixture lens published as 1.0 and applied to a new workload. */
async function owned() {
  const owner = await opened("owner");
  const { lensAlias } = await owner.ws.importLens(LENS);
  await owner.ws.createLensVersion(lensAlias, { lensVersion: "1.0" });
  const { workloadId } = await owner.ws.defineWorkload(workloadInput({ lenses: [lensAlias] }));
  return { ...owner, lensAlias, workloadId, db: await owner.store.workloadDb(workloadId) };
}

/** A colleague's workspace that received the workload's database, as a first pull does. */
async function colleagueOf(owner) {
  const colleague = await opened("colleague");
  await owner.db.replicate.to(await colleague.store.workloadDb(owner.workloadId));
  return colleague;
}

test("applying a custom lens writes its version into the workload's database, once", async () => {
  const { db, lensAlias, ws, workloadId } = await owned();
  const doc = await db.get(lensDocId(lensAlias, "1.0"));
  assert.equal(doc.updatedBy, "owner");
  assert.equal(doc.body.record.lensAlias, lensAlias);
  assert.equal(doc.body.record.text, LENS);
  assert.equal(doc.body.version.lensVersion, "1.0");
  assert.equal(doc.body.version.number, 1);
  // An answer rewrites the workload's record; the version's document stays as written.
  await ws.updateAnswer(workloadId, lensAlias, "backups", { selectedChoices: ["backups_no"] });
  assert.equal((await db.get(doc._id))._rev, doc._rev);
  // Upgrading to a new version adds that version's document beside the first.
  await ws.importLens(LENS.replace("\"name\": \"", "\"name\": \"Next "), { lensAlias });
  await ws.createLensVersion(lensAlias, { lensVersion: "2.0 / beta" });
  await ws.upgradeLensReview(workloadId, lensAlias);
  const next = await db.get(lensDocId(lensAlias, "2.0 / beta"));
  assert.equal(next.body.version.number, 2);
  assert.match(next._id, /^lens:[0-9a-f]{32}@[^:@/ ]+$/, "the version's name is escaped in the id");
  assert.equal((await db.get(doc._id))._rev, doc._rev);
});

test("a workload reviewed before lens documents existed gets them before its first push", async () => {
  const { db, lensAlias, store, workloadId } = await owned();
  const doc = await db.get(lensDocId(lensAlias, "1.0"));
  await db.remove(doc);
  await store.recordLensVersions(workloadId);
  assert.equal((await db.get(lensDocId(lensAlias, "1.0"))).body.record.text, LENS);
});

test("a colleague without the lens installs it after the pull and reviews with it", async () => {
  const owner = await owned();
  await owner.ws.updateAnswer(owner.workloadId, owner.lensAlias, "secrets", { selectedChoices: ["secrets_vault"] });
  const colleague = await colleagueOf(owner);
  assert.ok(!(await colleague.ws.lenses()).some((l) => l.lensAlias === owner.lensAlias));
  await afterPull(colleague.ws, owner.workloadId);
  assert.deepEqual(sharedLensProblems(owner.workloadId), []);
  const listed = (await colleague.ws.lenses()).find((l) => l.lensAlias === owner.lensAlias);
  assert.equal(listed.lensVersion, "1.0");
  const backedUp = JSON.parse(await colleague.ws.exportWorkspace()).customLenses.find((l) => l.lens.lensAlias === owner.lensAlias);
  assert.equal(backedUp.lens.sharedFrom, owner.workloadId, "the installed lens says where it came from");
  assert.equal(listed.lensName, (await owner.ws.lenses()).find((l) => l.lensAlias === owner.lensAlias).lensName);
  const answer = await colleague.ws.updateAnswer(owner.workloadId, owner.lensAlias, "backups", { selectedChoices: ["backups_no"] });
  assert.equal(answer.risk, "HIGH");
  const review = await colleague.ws.getLensReview(owner.workloadId, owner.lensAlias);
  assert.equal(review.lensVersion, "1.0");
  const plan = await colleague.ws.improvementPlan(owner.workloadId, owner.lensAlias);
  assert.ok(plan.some((item) => item.questionId === "backups"), JSON.stringify(plan.map((i) => i.questionId)));
  // The owner's answer came with the pull and counts in the colleague's figures.
  assert.equal((await colleague.ws.getLensReview(owner.workloadId, owner.lensAlias)).questionsAnswered, 2);
});

test("a later version pulled joins the installed one", async () => {
  const owner = await owned();
  const colleague = await colleagueOf(owner);
  await afterPull(colleague.ws, owner.workloadId);
  await owner.ws.importLens(LENS, { lensAlias: owner.lensAlias });
  await owner.ws.createLensVersion(owner.lensAlias, { lensVersion: "1.1" });
  await owner.ws.upgradeLensReview(owner.workloadId, owner.lensAlias);
  await owner.db.replicate.to(await colleague.store.workloadDb(owner.workloadId));
  await afterPull(colleague.ws, owner.workloadId);
  assert.deepEqual(sharedLensProblems(owner.workloadId), []);
  assert.equal((await colleague.ws.getLensReview(owner.workloadId, owner.lensAlias)).lensVersion, "1.1");
  for (const lensVersion of ["1.0", "1.1"]) assert.equal(await colleague.ws.exportLens(owner.lensAlias, { lensVersion }), LENS);
});

test("a broken lens document is reported by name and installs nothing", async () => {
  const owner = await owned();
  const doc = await owner.db.get(lensDocId(owner.lensAlias, "1.0"));
  const { _rev, ...fields } = doc;
  await owner.db.remove(doc);
  const broken = LENS.replace("backups_automated && backups_tested && backups_offsite", "backups_automated && backups_unknown");
  await owner.db.put({ ...fields, body: { ...doc.body, record: { ...doc.body.record, text: broken } } });
  const colleague = await colleagueOf(owner);
  // The workload's figures cannot be made without its lens: the error says why.
  const refused = await afterPull(colleague.ws, owner.workloadId).then(() => null, (e) => e);
  assert.ok(refused?.message.includes(doc._id), refused?.message);
  const [problem, ...more] = sharedLensProblems(owner.workloadId);
  assert.deepEqual(more, []);
  assert.ok(problem.includes(doc._id) && problem.includes("not a valid lens"), problem);
  assert.ok(!(await colleague.ws.lenses()).some((l) => l.lensAlias === owner.lensAlias));
});

test("what a lens document says about its lens is read from its text, not believed", async () => {
  const owner = await owned();
  const doc = await owner.db.get(lensDocId(owner.lensAlias, "1.0"));
  await owner.db.remove(doc);
  const { _rev, ...fields } = doc;
  await owner.db.put({ ...fields, body: { ...doc.body, version: { ...doc.body.version, lensName: "Forged", questionCount: 999 } } });
  const colleague = await colleagueOf(owner);
  await afterPull(colleague.ws, owner.workloadId);
  const listed = (await colleague.ws.lenses()).find((l) => l.lensAlias === owner.lensAlias);
  assert.notEqual(listed.lensName, "Forged");
  assert.equal(listed.questionCount, (await owner.ws.lenses()).find((l) => l.lensAlias === owner.lensAlias).questionCount);
});

test("two installs of the same workload's lenses at once install the lens once, without a problem", async () => {
  const owner = await owned();
  const colleague = await colleagueOf(owner);
  await Promise.all([installPulledLenses(colleague.ws, owner.workloadId), installPulledLenses(colleague.ws, owner.workloadId)]);
  assert.deepEqual(sharedLensProblems(owner.workloadId), []);
  assert.equal((await colleague.ws.lenses()).filter((l) => l.lensAlias === owner.lensAlias).length, 1);
});
