// Shares as the app makes them (www/sync/shares.js), against the running test server: an owner
// logged in as a server admin creates a share, the invitee finds the invitation in their own
// user document and answers it, the owner's list shows the answer, a permission change and a
// delete reach the invitee's access; a user who is not a server admin cannot share.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { logIn } from "../../www/sync/session.js";
import { answerInvitation, changePermission, createShare, deleteShare, listShares, myInvitations } from "../../www/sync/shares.js";
import { couchServer, newUser, newWorkloadId, stamp } from "./support.mjs";

let server;
let owner;
before(async () => {
  server = await couchServer();
  const colon = server.credentials.indexOf(":");
  owner = await logIn(server.url, server.credentials.slice(0, colon), server.credentials.slice(colon + 1));
});
after(() => server?.close());

const statusOf = async (session, method, path, body) =>
  (await session.fetch(server.url + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) })).status;

test("create share, accept, change permission, delete share", async () => {
  const workloadId = newWorkloadId();
  const db = `/plumbline-wl-${workloadId}`;
  const bobUser = await newUser(server.admin, "bob", workloadId, null);
  const bob = await logIn(server.url, bobUser.name, bobUser.password);
  assert.deepEqual(await myInvitations(bob), [], "nothing shared yet");

  await createShare(owner, { workloadId, workloadName: "Shop", user: bobUser.name, permission: "reader" });
  assert.deepEqual(await listShares(owner, workloadId), [{ user: bobUser.name, permission: "reader", status: "pending" }]);
  const [invitation] = await myInvitations(bob);
  assert.equal(invitation.workloadId, workloadId);
  assert.equal(invitation.workloadName, "Shop");
  assert.equal(invitation.permission, "reader");
  assert.equal(invitation.invitedBy, owner.name);
  assert.equal(bob.roleFor(workloadId), "reader", "the session's roles were refreshed from the user document");
  assert.equal(await statusOf(bob, "GET", `${db}/_all_docs`), 200, "a reader reads the database");
  assert.equal(await statusOf(bob, "PUT", `${db}/notes:wellarchitected`, { notes: "x", ...stamp(bobUser) }), 403, "but writes nothing");

  await answerInvitation(bob, workloadId, "accepted");
  assert.equal((await listShares(owner, workloadId))[0].status, "accepted", "the owner sees the answer");

  await changePermission(owner, workloadId, bobUser.name, "contributor");
  assert.deepEqual(await listShares(owner, workloadId), [{ user: bobUser.name, permission: "contributor", status: "accepted" }]);
  const bobAgain = await logIn(server.url, bobUser.name, bobUser.password);
  assert.equal(await statusOf(bobAgain, "PUT", `${db}/notes:wellarchitected`, { notes: "x", ...stamp(bobUser) }), 201, "a contributor writes notes");

  await deleteShare(owner, workloadId, bobUser.name);
  assert.deepEqual(await listShares(owner, workloadId), []);
  assert.deepEqual(await myInvitations(bobAgain), [], "the invitation went with the role");
  assert.ok([401, 403].includes(await statusOf(bobAgain, "GET", `${db}/_all_docs`)), "no access any more");
});

test("a rejected invitation is shown as rejected to the owner; bad permissions and non-admins are refused", async () => {
  const workloadId = newWorkloadId();
  const carolUser = await newUser(server.admin, "carol", workloadId, null);
  const carol = await logIn(server.url, carolUser.name, carolUser.password);
  await assert.rejects(createShare(owner, { workloadId, workloadName: "W", user: carolUser.name, permission: "boss" }), /Read-only/);
  await createShare(owner, { workloadId, workloadName: "W", user: carolUser.name, permission: "contributor" });
  await answerInvitation(carol, workloadId, "rejected");
  assert.deepEqual(await listShares(owner, workloadId), [{ user: carolUser.name, permission: "contributor", status: "rejected" }]);
  assert.equal(carol.roleFor(workloadId), null, "the session's roles are those of its login until the invitations are read");
  await assert.rejects(createShare(carol, { workloadId: newWorkloadId(), workloadName: "Mine", user: owner.name, permission: "reader" }),
    (e) => e.status === 403 && /only server admins/.test(e.reason), "only a server admin creates databases and gives roles");
});
