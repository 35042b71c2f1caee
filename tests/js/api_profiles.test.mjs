// Profiles, notifications and lens tags through the packed package in Node (memory storage):
// the questionnaire file the package ships is the one the engine uses; a profile prioritises
// the framework questions its choices list; versions, upgrade with a milestone, deletion; a
// newer custom lens version; dismissals; typed Validation errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Workspace } from "plumbline-review";
import { rejection, workloadInput } from "./support.mjs";

const LENS = readFileSync(new URL("../fixtures/review-lens.json", import.meta.url), "utf8");
const shipped = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("plumbline-review/lenses/profiles/wellarchitected.json"), "utf8"));

/** Answers choosing, per question, the choice that prioritises the most questions. */
const widest = (template) => template.questions.map((q) => ({
  questionId: q.questionId,
  selectedChoiceIds: [[...q.choices].sort((a, b) => b.prioritizes.length - a.prioritizes.length)[0].choiceId],
}));

test("profile: the shipped mapping decides the prioritised questions, versions wait for an upgrade", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const template = ws.getProfileTemplate();
  assert.deepEqual(template, shipped, "the engine's questionnaire is the package's file");
  const { workloadId } = await ws.defineWorkload(workloadInput());
  const answers = widest(template);
  const profile = await ws.createProfile({ profileName: "Regulated shop", profileDescription: "Payments and personal data", profileQuestions: answers, tags: { team: "payments" } });
  assert.equal(profile.profileVersion, 1);
  const linked = await ws.associateProfile(workloadId, profile.profileId);
  assert.equal(linked.profile.profileId, profile.profileId);

  const expected = new Set(answers.flatMap((a) => template.questions.find((q) => q.questionId === a.questionId)
    .choices.filter((c) => a.selectedChoiceIds.includes(c.choiceId)).flatMap((c) => c.prioritizes)));
  const { questions } = await ws.prioritizedQuestions(workloadId);
  assert.deepEqual(new Set(questions.wellarchitected), expected);

  const changed = await ws.updateProfile(profile.profileId, { profileDescription: "Payments only" });
  assert.equal(changed.profileVersion, 2);
  const [note] = await ws.listNotifications();
  assert.equal(note.notificationType, "PROFILE_ANSWERS_UPDATED");
  assert.deepEqual([note.currentVersion, note.latestVersion], ["1", "2"]);
  const upgraded = await ws.upgradeProfileVersion(workloadId, { milestoneName: "Before v2" });
  assert.equal(upgraded.profile.profileVersion, 2);
  assert.deepEqual((await ws.listMilestones(workloadId)).map((m) => m.milestoneName), ["Before v2"]);
  assert.deepEqual(await ws.listNotifications(), []);

  assert.deepEqual(await ws.deleteProfile(profile.profileId), ["Payments API"]);
  const [deleted] = await ws.listNotifications();
  assert.equal(deleted.notificationType, "PROFILE_DELETED");
  await ws.dismissNotification(deleted.dismissKey);
  assert.deepEqual(await ws.listNotifications(), []);
  assert.equal((await ws.getWorkload(workloadId)).profile.deleted, true);
});

test("profile: validation errors name their field", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const questions = widest(ws.getProfileTemplate());
  const short = await rejection(ws.createProfile({ profileName: "ab", profileDescription: "Fine text", profileQuestions: questions }));
  assert.equal(short.kind, "Validation");
  assert.equal(short.field, "profileName");
  const unknown = await rejection(ws.createProfile({ profileName: "Shop", profileDescription: "Fine text", profileQuestions: [{ questionId: "mood", selectedChoiceIds: [] }] }));
  assert.equal(unknown.field, "profileQuestions");
  const extra = await rejection(ws.createProfile({ profileName: "Shop", colour: "red" }));
  assert.equal(extra.kind, "Validation");
});

test("notifications: a newer custom lens version; tags on the custom lens", async () => {
  const ws = await Workspace.open({ storage: "memory" });
  const { lensAlias } = await ws.importLens(LENS);
  await ws.createLensVersion(lensAlias, { lensVersion: "1.0" });
  const { workloadId } = await ws.defineWorkload(workloadInput({ lenses: [lensAlias] }));
  await ws.createLensVersion(lensAlias, { lensVersion: "2.0" });
  const [n] = await ws.listNotifications();
  assert.equal(n.notificationType, "LENS_VERSION_DEPRECATED");
  assert.equal(n.workloadId, workloadId);
  assert.deepEqual([n.currentVersion, n.latestVersion], ["1.0", "2.0"]);
  await ws.upgradeLensReview(workloadId, lensAlias);
  assert.deepEqual(await ws.listNotifications(), []);

  const tagged = await ws.tagLens(lensAlias, { owner: "platform" });
  assert.deepEqual(tagged.tags, { owner: "platform" });
  const reserved = await rejection(ws.tagLens(lensAlias, { "aws:owner": "x" }));
  assert.equal(reserved.field, "tags");
});
