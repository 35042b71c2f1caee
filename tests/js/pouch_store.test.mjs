// The PouchDB store behind the engine's store seam (www/sync/pouch-store.js), in Node on
// pouchdb's memory adapter: where each record lands (a database per workload, CouchDB-safe
// ids), revisions and conflicts, all-or-nothing commits over two databases, afterPull after
// documents arrive by replication, and the migration of another store's records.
// (The API tests run through this store too: the `js` step runs them with the preload of
// ./pouch-store.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { Workspace } from "plumbline-review";
import { freshPouchStore } from "./pouch-store.mjs";
import { rejection, workloadInput } from "./support.mjs";
import { afterPull, refreshAfterPulls, watchChanges, workloadDbName } from "../../www/sync/workload-db.js";
import { cameBack } from "../../www/sync/came-back.js";
import { placeOf, seamIdOf } from "../../www/sync/pouch-store.js";

const FW = "wellarchitected";

async function opened() {
  const store = await freshPouchStore();
  const ws = await Workspace.open({ store });
  return { store, ws };
}

/** The ids of a PouchDB database's live documents. */
const idsIn = async (db) => (await db.allDocs()).rows.map((r) => r.id);

test("ids: seam ids map to CouchDB-safe ids the server's rules accept, and back", () => {
  const w = "0123456789abcdef0123456789abcdef";
  const cases = [
    [`answer/${w}/${FW}/priorities`, `answer:${FW}:priorities`],
    [`review/${w}/serverless`, "notes:serverless"],
    [`milestone/${w}/012`, "milestone:12"],
    // A segment with the separator keeps it, escaped.
    [`answer/${w}/${FW}/a:b`, `answer:${FW}:a%3Ab`],
  ];
  for (const [seam, doc] of cases) {
    assert.deepEqual(placeOf(seam), { workloadId: w, docId: doc });
    assert.equal(seamIdOf(w, doc), seam);
  }
  assert.deepEqual(placeOf("name/payments%20api"), { workloadId: null, docId: "name/payments%20api" });
  assert.equal(seamIdOf(w, "workload"), null);
  assert.equal(seamIdOf(w, "_design/plumbline"), null);
  assert.match(workloadDbName(w), /^plumbline-w-0123/);
  assert.throws(() => workloadDbName("../x"), TypeError);
});

test("a workload's records live in its own database; the list and names stay local", async () => {
  const { store, ws } = await opened();
  assert.equal(ws.storage, "pouchdb");
  const w = await ws.defineWorkload(workloadInput({ lenses: ["serverless"] }));
  await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const db = await store.workloadDb(w.workloadId);
  const ids = await idsIn(db);
  assert.ok(ids.includes("workload"), ids.join());
  assert.ok(ids.includes(`answer:${FW}:priorities`), ids.join());
  assert.ok(ids.includes("notes:serverless"), ids.join());
  assert.ok(ids.every((id) => !id.startsWith("name/") && !id.startsWith("workload/")), ids.join());
  // The replicated properties carry no derived figures; the local index has them.
  const props = await db.get("workload");
  assert.equal(props.body.workloadName, "Payments API");
  assert.equal(props.body.riskCounts, undefined);
  assert.match(props.updatedAt, /Z$/);
  const localIds = await idsIn(store.local);
  assert.ok(localIds.includes(`workload/${w.workloadId}`));
  assert.ok(localIds.some((id) => id.startsWith("name/")));
  assert.ok(localIds.every((id) => !id.startsWith("answer/")));
  // Everything reads back through the engine.
  const got = await ws.getWorkload(w.workloadId);
  assert.equal(got.questionsAnswered, 1);
  assert.deepEqual((await ws.listWorkloads()).map((s) => s.workloadId), [w.workloadId]);
  assert.deepEqual(await store.registered(), [w.workloadId]);
});

test("review templates, profiles and dismissals stay in the local database: a template gets no workload database", async () => {
  const prefix = `t${Date.now()}-`;
  const store = await freshPouchStore({ prefix });
  const ws = await Workspace.open({ store });
  const t = await ws.createReviewTemplate({ templateName: "Retail baseline", description: "Where retail teams start", lenses: ["serverless"] });
  await ws.updateReviewTemplateAnswer(t.templateId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await ws.updateReviewTemplateLensReview(t.templateId, FW, { lensNotes: "agreed" });
  const w = await ws.defineWorkload(workloadInput({ reviewTemplateIds: [t.templateId] }));
  const profile = await ws.createProfile({ profileName: "Regulated shop", profileDescription: "Payments and personal data", profileQuestions: ws.getProfileTemplate().questions.map((q) => ({ questionId: q.questionId, selectedChoiceIds: [q.choices[0].choiceId] })) });
  await ws.associateProfile(w.workloadId, profile.profileId);
  assert.ok((await idsIn(store.local)).includes(`profile/${profile.profileId}`));
  await ws.deleteProfile(profile.profileId);
  const [note] = await ws.listNotifications();
  await ws.dismissNotification(note.dismissKey);

  const localIds = await idsIn(store.local);
  for (const id of [`template/${t.templateId}`, `answer/${t.templateId}/${FW}/priorities`, `review/${t.templateId}/${FW}`, "dismissed/plumbline"]) {
    assert.ok(localIds.includes(id), `${id} in ${localIds.join()}`);
  }
  // Only the workload has a database (the unit of sharing); its copied answer is its own.
  assert.deepEqual(await store.registered(), [w.workloadId]);
  assert.deepEqual(await idsIn(await store.workloadDb(t.templateId)), []);
  const wIds = await idsIn(await store.workloadDb(w.workloadId));
  assert.ok(wIds.includes(`answer:${FW}:priorities`), wIds.join());
  assert.ok(wIds.every((id) => !id.startsWith("template") && !id.startsWith("profile") && !id.startsWith("dismissed")), wIds.join());

  // After a reload (a store that has met no template yet), the template reads from the local database.
  const again = await Workspace.open({ store: await freshPouchStore({ prefix }) });
  const [answer] = await again.listReviewTemplateAnswers(t.templateId, FW);
  assert.deepEqual(answer.selectedChoices, ["ops_priorities_ext_cust_needs"]);
  assert.equal((await again.getReviewTemplateLensReview(t.templateId, FW)).notes, "agreed");
  await again.updateReviewTemplateAnswer(t.templateId, FW, "priorities", { selectedChoices: [], expectedRevision: answer.revision });
  assert.deepEqual(await store.registered(), [w.workloadId]);
  assert.equal((await store.local.get(`answer/${t.templateId}/${FW}/priorities`))._rev, (await again.listReviewTemplateAnswers(t.templateId, FW))[0].revision);
});

test("an answer changes its own document only: the workload document is left alone", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const db = await store.workloadDb(w.workloadId);
  const before = (await db.get("workload"))._rev;
  await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await ws.updateAnswer(w.workloadId, FW, "ops-model", { isApplicable: false, reason: "OUT_OF_SCOPE" });
  assert.equal((await db.get("workload"))._rev, before);
  await ws.updateWorkload(w.workloadId, { notes: "changed" });
  assert.notEqual((await db.get("workload"))._rev, before);
});

test("a stale revision is a Conflict and writes nothing", async () => {
  const { ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const a = await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: [], expectedRevision: a.revision });
  const err = await rejection(ws.updateAnswer(w.workloadId, FW, "priorities", { notes: "late", expectedRevision: a.revision }));
  assert.equal(err.kind, "Conflict");
  const now = await ws.getAnswer(w.workloadId, FW, "priorities");
  assert.equal(now.notes ?? "", "");
});

test("a commit refused in its second database puts back what it wrote in the first", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const db = await store.workloadDb(w.workloadId);
  // The local database (the workload list's index) refuses the next write.
  const bulkDocs = store.local.bulkDocs.bind(store.local);
  store.local.bulkDocs = async () => {
    store.local.bulkDocs = bulkDocs;
    throw Object.assign(new Error("disk unplugged"), { status: 500 });
  };
  const err = await rejection(ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"], notes: "lost" }));
  assert.equal(err.kind, "Storage", err.message);
  assert.match(err.message, /disk unplugged/);
  // The answer written in the workload's database was taken back.
  await assert.rejects(db.get(`answer:${FW}:priorities`), (e) => e.status === 404);
  const again = await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  assert.equal(again.selectedChoices.length, 1);
  assert.equal((await ws.getWorkload(w.workloadId)).questionsAnswered, 1);
});

test("afterPull: documents that arrived by replication show in the workload and its figures", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const db = await store.workloadDb(w.workloadId);
  // A colleague's answer and rename, written straight into the database as a pull would.
  const mine = await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const answer = await db.get(`answer:${FW}:priorities`);
  const other = { ...answer, _id: `answer:${FW}:ops-model`, body: { ...answer.body, questionId: "ops-model", isApplicable: false, reason: "OUT_OF_SCOPE", selectedChoices: [] } };
  delete other._rev;
  await db.put(other);
  const props = await db.get("workload");
  await db.put({ ...props, body: { ...props.body, workloadName: "Payments API v2" }, updatedBy: "colleague" });
  assert.ok(mine.revision);
  const unreadable = await afterPull(ws, w.workloadId);
  assert.deepEqual(unreadable, [], "every pulled document reads");
  const got = await ws.getWorkload(w.workloadId);
  assert.equal(got.workloadName, "Payments API v2");
  assert.equal(got.questionsAnswered, 2);
  assert.equal(got.riskCounts.NOT_APPLICABLE, 1);
  const [summary] = await ws.listWorkloads();
  assert.equal(summary.workloadName, "Payments API v2");
  // The new name is claimed: another workload cannot take it.
  const dup = await rejection(ws.defineWorkload(workloadInput({ workloadName: "payments api V2" })));
  assert.equal(dup.kind, "Validation");
  // And the workload is writable again after the pull.
  const edited = await ws.updateWorkload(w.workloadId, { notes: "after the pull" });
  assert.equal(edited.notes, "after the pull");
});

test("afterPull rewrites nothing replicated: an unreadable pulled answer is reported, kept, and left out of the figures", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await ws.updateAnswer(w.workloadId, FW, "ops-model", { isApplicable: false, reason: "OUT_OF_SCOPE" });
  const db = await store.workloadDb(w.workloadId);
  // A colleague's newer release wrote an answer this engine cannot read, and the lens review
  // document is missing (not pulled yet): a repair would delete the one and write the other.
  const answer = await db.get(`answer:${FW}:ops-model`);
  await db.put({ ...answer, body: { ...answer.body, selectedChoices: "every one" }, updatedBy: "colleague" });
  await db.remove(await db.get(`notes:${FW}`));
  const before = await db.info();

  const unreadable = await afterPull(ws, w.workloadId);

  assert.deepEqual(unreadable.map((d) => d.recordId), [`answer/${w.workloadId}/${FW}/ops-model`]);
  assert.equal(unreadable[0].recordKind, "answer");
  assert.ok(unreadable[0].message.length > 0, "it says why");
  assert.equal((await db.info()).update_seq, before.update_seq, "nothing was written to the workload's database");
  assert.equal((await db.get(`answer:${FW}:ops-model`)).body.selectedChoices, "every one");
  assert.equal((await ws.getWorkload(w.workloadId)).questionsAnswered, 1, "the figures count what reads");
  // The repair the user may choose still removes it.
  assert.deepEqual((await ws.repairWorkload(w.workloadId)).removed, [`answer/${w.workloadId}/${FW}/ops-model`]);
});

test("a workload pulled into a workspace that never had it appears after afterPull", async () => {
  const source = await opened();
  const w = await source.ws.defineWorkload(workloadInput());
  await source.ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  // The other replica: a workspace with databases of its own, into which the workload's
  // database is replicated as a first pull would.
  const other = await opened();
  await (await source.store.workloadDb(w.workloadId)).replicate.to(await other.store.workloadDb(w.workloadId));
  assert.deepEqual(await other.ws.listWorkloads(), []);
  await afterPull(other.ws, w.workloadId);
  const got = await other.ws.getWorkload(w.workloadId);
  assert.equal(got.workloadName, "Payments API");
  assert.equal(got.questionsAnswered, 1);
  assert.deepEqual((await other.ws.listWorkloads()).map((s) => s.workloadId), [w.workloadId]);
});

test("a pulled workload defined from a template with a profile: the template and profile stay with their maker, the colleague sees the answers and no false notice", async () => {
  const owner = await opened();
  const t = await owner.ws.createReviewTemplate({ templateName: "Retail baseline", description: "Where retail teams start" });
  await owner.ws.updateReviewTemplateAnswer(t.templateId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const w = await owner.ws.defineWorkload(workloadInput({ reviewTemplateIds: [t.templateId] }));
  const questions = owner.ws.getProfileTemplate().questions.map((q) => ({ questionId: q.questionId, selectedChoiceIds: [q.choices[0].choiceId] }));
  const profile = await owner.ws.createProfile({ profileName: "Regulated shop", profileDescription: "Payments and personal data", profileQuestions: questions });
  await owner.ws.associateProfile(w.workloadId, profile.profileId);
  const colleague = await opened();
  await (await owner.store.workloadDb(w.workloadId)).replicate.to(await colleague.store.workloadDb(w.workloadId));
  await afterPull(colleague.ws, w.workloadId);
  const got = await colleague.ws.getWorkload(w.workloadId);
  assert.equal(got.reviewTemplate.templateId, t.templateId);
  assert.equal(got.profile.profileId, profile.profileId);
  assert.equal(got.questionsAnswered, 1);
  const [answer] = (await colleague.ws.listAnswers(w.workloadId, FW)).filter((a) => a.questionId === "priorities");
  assert.equal(answer.fromTemplate.templateId, t.templateId);
  assert.deepEqual(await colleague.ws.listReviewTemplates(), []);
  assert.deepEqual(await colleague.ws.listProfiles(), []);
  // Neither is "deleted" there: they were never in that workspace.
  assert.deepEqual(await colleague.ws.listNotifications(), []);
  assert.deepEqual(await colleague.ws.reviewTemplateUpdates(), []);
  const err = await rejection(colleague.ws.reviewTemplateUpdate(w.workloadId));
  assert.equal(err.kind, "NotFound");
  assert.match(err.message, /not in this workspace/);
  assert.deepEqual((await colleague.ws.prioritizedQuestions(w.workloadId)).questions[FW], (await owner.ws.prioritizedQuestions(w.workloadId)).questions[FW]);
});

test("a workload deleted on one replica while an answer is edited on the other: the answer comes back, reported on both, figures from what is live", async () => {
  const owner = await opened();
  const w = await owner.ws.defineWorkload(workloadInput());
  await owner.ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  await owner.ws.updateAnswer(w.workloadId, FW, "ops-model", { selectedChoices: ["ops_ops_model_def_resource_owners"] });
  const colleague = await opened();
  const [ownerDb, colleagueDb] = [await owner.store.workloadDb(w.workloadId), await colleague.store.workloadDb(w.workloadId)];
  await ownerDb.replicate.to(colleagueDb);
  await afterPull(colleague.ws, w.workloadId);
  // Apart: the owner deletes the workload, the colleague changes one answer.
  await owner.ws.deleteWorkload(w.workloadId);
  await colleague.ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"], notes: "still needed" });
  const id = `answer:${FW}:priorities`;
  await ownerDb.replicate.to(colleagueDb);
  await colleagueDb.replicate.to(ownerDb);

  // The owner's replica: the workload stays deleted, the edited answer is back and reported.
  assert.equal((await ownerDb.get(id)).body.notes, "still needed");
  const [back] = await cameBack(ownerDb, [id, "workload", `answer:${FW}:ops-model`]);
  assert.equal(back.id, id);
  assert.equal(back.doc.body.notes, "still needed");
  await assert.rejects(afterPull(owner.ws, w.workloadId), (e) => e.kind === "NotFound");
  assert.deepEqual(await owner.ws.listWorkloads(), []);
  // The colleague's: the workload is deleted there too (its list entry and name claim with
  // it), and the answer their edit kept is reported, not deleted.
  assert.deepEqual((await cameBack(colleagueDb, [id])).map((b) => b.id), [id]);
  await assert.rejects(afterPull(colleague.ws, w.workloadId), (e) => e.kind === "NotFound");
  assert.deepEqual(await colleague.ws.listWorkloads(), []);
  assert.equal((await colleagueDb.get(id)).body.notes, "still needed");
  assert.ok((await colleague.ws.defineWorkload(workloadInput())).workloadId, "its name is free again");
});

test("forgetWorkload (Delete by a colleague who is not an owner): gone from their workspace, database destroyed, the owner's replica untouched", async () => {
  const owner = await opened();
  const w = await owner.ws.defineWorkload(workloadInput());
  await owner.ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const colleague = await opened();
  const [ownerDb, colleagueDb] = [await owner.store.workloadDb(w.workloadId), await colleague.store.workloadDb(w.workloadId)];
  await ownerDb.replicate.to(colleagueDb);
  await afterPull(colleague.ws, w.workloadId);
  assert.equal((await colleague.ws.listWorkloads()).length, 1);
  const ownerSeq = (await ownerDb.info()).update_seq;

  await colleague.store.forgetWorkload(w.workloadId);
  assert.deepEqual(await colleague.ws.listWorkloads(), []);
  assert.deepEqual(await colleague.store.registered(), []);
  await assert.rejects(colleagueDb.info(), "the colleague's database is destroyed");
  assert.ok((await colleague.ws.defineWorkload(workloadInput())).workloadId, "its name is free again");
  // Destroying replicates nothing: the owner's replica has every document, none changed.
  assert.equal((await ownerDb.info()).update_seq, ownerSeq);
  assert.equal((await owner.ws.getWorkload(w.workloadId)).questionsAnswered, 1);
});

test("migrate: another store's records are carried once, damaged ones as they are", async () => {
  // Records as the memory store's workspace keeps them, read raw through a first store.
  const first = await opened();
  const w = await first.ws.defineWorkload(workloadInput());
  await first.ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"], notes: "kept" });
  const t = await first.ws.createReviewTemplate({ templateName: "Retail baseline", description: "Where retail teams start" });
  await first.ws.updateReviewTemplateAnswer(t.templateId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  const records = await first.store.listRaw("");
  // Damaged: an answer left over from a workload whose record is gone, and a custom lens.
  const gone = "f".repeat(32);
  records.push({ id: `answer/${gone}/${FW}/ops-model`, stored: "not json at all" });
  records.push({ id: "customlens/0123456789abcdef0123456789abcdef", stored: { rev: "1-x", _weird: true } });
  const target = await freshPouchStore();
  const carried = await target.migrate("test", records);
  assert.equal(carried >= records.length, true, `${carried} of ${records.length}`);
  assert.equal(await target.migrate("test", records), 0, "a second run carries nothing");
  const ws = await Workspace.open({ store: target });
  const got = await ws.getAnswer(w.workloadId, FW, "priorities");
  assert.equal(got.notes, "kept");
  assert.equal((await ws.getWorkload(w.workloadId)).questionsAnswered, 1);
  // The template's answer goes to the local database, as written there: no workload database.
  assert.ok((await idsIn(target.local)).includes(`answer/${t.templateId}/${FW}/priorities`));
  assert.equal((await ws.getReviewTemplate(t.templateId)).questionCounts.ANSWERED, 1);
  assert.deepEqual(await target.registered(), [w.workloadId, gone].sort());
  const damaged = (await ws.damagedRecords()).map((d) => d.recordId).sort();
  assert.deepEqual(damaged, [`answer/${gone}/${FW}/ops-model`, "customlens/0123456789abcdef0123456789abcdef"]);
});

test("a store without the seam's methods is refused, naming the option", async () => {
  const err = await rejection(Workspace.open({ store: { get() {}, list() {} } }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "store");
  assert.match(err.message, /listRaw/);
});

test("what a JS store throws reaches the caller as its kind", async () => {
  const store = await freshPouchStore();
  const ws = await Workspace.open({ store });
  const commit = store.commit;
  store.commit = async () => {
    throw { kind: "QuotaExceeded", message: "no room left" };
  };
  const err = await rejection(ws.defineWorkload(workloadInput()));
  assert.equal(err.kind, "QuotaExceeded");
  assert.match(err.message, /no room left/);
  store.commit = commit;
  assert.ok((await ws.defineWorkload(workloadInput())).workloadId);
});

test("refreshAfterPulls: a pull's change event refreshes the workload; a push's does not", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const db = await store.workloadDb(w.workloadId);
  const listeners = [];
  const refreshed = [];
  refreshAfterPulls(ws, w.workloadId, { on: (event, listener) => listeners.push([event, listener]) }, { onRefreshed: (r) => refreshed.push(r) });
  const props = await db.get("workload");
  await db.put({ ...props, body: { ...props.body, workloadName: "Renamed elsewhere" } });
  const [[event, emit]] = listeners;
  assert.equal(event, "change");
  emit({ direction: "push", change: { docs: [{ _id: "answer:x:y" }] } });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(refreshed.length, 0, "a push brings nothing in");
  emit({ direction: "pull", change: { docs: [{ _id: "workload" }] } });
  for (let i = 0; i < 100 && refreshed.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
  assert.equal(refreshed.length, 1);
  assert.equal((await ws.getWorkload(w.workloadId)).workloadName, "Renamed elsewhere");
});

test("watchChanges: one live feed per database, shared by its listeners, stopped after the last", async () => {
  const { store, ws } = await opened();
  const w = await ws.defineWorkload(workloadInput());
  const db = await store.workloadDb(w.workloadId);
  const changes = db.changes.bind(db);
  const feeds = [];
  db.changes = (options) => {
    const feed = changes(options);
    if (options?.live) {
      feeds.push(feed);
      const cancel = feed.cancel.bind(feed);
      feed.cancel = () => {
        feed.stopped = true;
        cancel();
      };
    }
    return feed;
  };
  const heard = { sync: [], panel: [] };
  const stopSync = watchChanges(db, (c) => heard.sync.push(c.id));
  const stopPanel = watchChanges(db, (c) => heard.panel.push(c.id));
  await ws.updateAnswer(w.workloadId, FW, "priorities", { selectedChoices: ["ops_priorities_ext_cust_needs"] });
  for (let i = 0; i < 100 && heard.panel.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
  assert.equal(feeds.length, 1, "one feed for both");
  assert.deepEqual(heard.sync, [`answer:${FW}:priorities`]);
  assert.deepEqual(heard.panel, heard.sync);
  stopSync();
  assert.equal(feeds[0].stopped, undefined, "kept while a listener is left");
  stopPanel();
  assert.equal(feeds[0].stopped, true);
  watchChanges(db, () => {})();
  assert.equal(feeds.length, 2, "a new feed after the last listener left");
});
