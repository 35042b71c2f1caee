// @ts-check
// Shares of a workload, as the AWS Well-Architected Tool has them: the owner shares it with a
// user as Read-only or Contributor (at most 20 shares), changes the permission, deletes the
// share; the user sees the invitation under "Workloads shared with you" and accepts or rejects
// it. On CouchDB 3 only a server admin may create a database or give a role, so creating and
// changing shares needs the owner to be logged in as one (README, "Team sync").
// The invitation is kept in the invitee's `_users` document with the role it goes with
// (./server-admin.js); the invitee reads it there and writes their answer there. Everything
// read back is untrusted: an invitation is only shown once its shape was checked.
import { ServerAdmin, userPath } from './server-admin.js';
import { SyncError, reasonText, workloadDatabase } from './session.js';

/** How many users one workload may be shared with (as the AWS tool). */
export const MAX_SHARES = 20;
/** @typedef {'reader' | 'contributor'} Permission */
/** @typedef {'pending' | 'accepted' | 'rejected'} ShareStatus */
/**
 * One share of a workload, as its owner lists it.
 * @typedef {{ user: string, permission: Permission, status: ShareStatus }} Share
 */
/**
 * An invitation, as its invitee sees it.
 * @typedef {{ workloadId: string, workloadName: string, permission: Permission, invitedBy: string, invitedAt: string, status: ShareStatus }} Invitation
 */
/** @typedef {import('./session.js').Session} Session */

const PERMISSIONS = ['reader', 'contributor'];
const STATUSES = ['pending', 'accepted', 'rejected'];

/** The admin calls, made with the session's cookie. @param {Session} session */
const adminOf = (session) => new ServerAdmin(session.server, session.fetch);

/** Whether this user may create and change shares (a server admin, see above). */
export const canShare = (/** @type {Session} */ session) => session.roles.includes('_admin');

/** Said before the server is asked, which would refuse in less helpful words. @param {Session} session */
function requireAdmin(session) {
  if (!canShare(session)) throw new SyncError('share', 403, `${session.name} is not an admin of this server: on CouchDB only server admins can create and change shares. Ask yours, or log in as one.`);
  return adminOf(session);
}

/** @param {unknown} value @returns {Permission} */
function permissionOf(value) {
  if (typeof value === 'string' && PERMISSIONS.includes(value)) return /** @type {Permission} */ (value);
  throw new SyncError('share', null, `a permission is Read-only (reader) or Contributor (contributor), not ${JSON.stringify(reasonText(String(value), ''))}`);
}

/**
 * The workload's shares, from the users' documents (a server admin's view).
 * @param {Session} session @param {string} workloadId
 * @returns {Promise<Share[]>}
 */
export async function listShares(session, workloadId) {
  const db = workloadDatabase(workloadId);
  const all = await requireAdmin(session).request('GET', '/_users/_all_docs?include_docs=true');
  /** @type {Share[]} */
  const shares = [];
  for (const row of Array.isArray(all?.rows) ? all.rows : []) {
    const doc = row?.doc;
    if (typeof doc?.name !== 'string' || !Array.isArray(doc.roles)) continue;
    const permission = PERMISSIONS.find((p) => doc.roles.includes(`${db}-${p}`));
    if (!permission) continue;
    const status = doc.plumbline?.invitations?.[workloadId]?.status;
    shares.push({ user: doc.name, permission: /** @type {Permission} */ (permission), status: STATUSES.includes(status) ? status : 'pending' });
  }
  return shares.sort((a, b) => a.user.localeCompare(b.user));
}

/**
 * Create share: the database (with its rules and `_security`) when it is the first share, then
 * the user's role with a pending invitation. Sharing again with the same user changes nothing
 * but the permission.
 * @param {Session} session @param {{ workloadId: string, workloadName: string, user: string, permission: string }} share
 */
export async function createShare(session, { workloadId, workloadName, user, permission }) {
  const granted = permissionOf(permission);
  requireAdmin(session);
  if (user === session.name) throw new SyncError('share', null, 'you own this workload already: share it with someone else');
  const shares = await listShares(session, workloadId);
  if (shares.length >= MAX_SHARES && !shares.some((s) => s.user === user)) {
    throw new SyncError('share', null, `a workload can be shared with at most ${MAX_SHARES} users; delete a share first`);
  }
  const admin = adminOf(session);
  await admin.putWorkloadDatabase(workloadId);
  const invitation = { workloadName, permission: granted, invitedBy: session.name, invitedAt: new Date().toISOString(), status: 'pending' };
  await admin.grant(user, workloadId, granted, invitation);
}

/**
 * Changes the permission of an existing share; the invitation's answer is kept.
 * @param {Session} session @param {string} workloadId @param {string} user @param {string} permission
 */
export async function changePermission(session, workloadId, user, permission) {
  const granted = permissionOf(permission);
  const admin = requireAdmin(session);
  const doc = await admin.getOrNull(userPath(user));
  const invitation = doc?.plumbline?.invitations?.[workloadId];
  await admin.grant(user, workloadId, granted, { ...(invitation ?? {}), permission: granted });
}

/** Delete share: the role and the invitation go; the user's copy turns read-only. */
export async function deleteShare(/** @type {Session} */ session, /** @type {string} */ workloadId, /** @type {string} */ user) {
  await requireAdmin(session).revoke(user, workloadId);
}

/**
 * The invitations of the logged-in user whose role is still granted, from their own user
 * document; refreshes the session's roles from it (a grant made after logging in counts).
 * @param {Session} session
 * @returns {Promise<Invitation[]>}
 */
export async function myInvitations(session) {
  const doc = await adminOf(session).request('GET', userPath(session.name));
  if (Array.isArray(doc?.roles) && doc.roles.every((/** @type {unknown} */ r) => typeof r === 'string')) session.roles = doc.roles;
  const stored = doc?.plumbline?.invitations;
  /** @type {Invitation[]} */
  const out = [];
  for (const [workloadId, inv] of Object.entries(stored && typeof stored === 'object' ? stored : {})) {
    if (!/^[0-9a-f]{32}$/.test(workloadId) || session.roleFor(workloadId) === null) continue;
    const text = (/** @type {unknown} */ v) => (typeof v === 'string' ? reasonText(v, '') : '');
    out.push({
      workloadId,
      workloadName: text(inv?.workloadName) || workloadId,
      permission: session.roleFor(workloadId) === 'contributor' ? 'contributor' : 'reader',
      invitedBy: text(inv?.invitedBy),
      invitedAt: text(inv?.invitedAt),
      status: STATUSES.includes(inv?.status) ? inv.status : 'pending',
    });
  }
  return out;
}

/**
 * Accept or Reject: the answer is written to the user's own document, where the owner's list
 * reads it. Rejecting keeps nothing locally; accepting is followed by the first pull.
 * @param {Session} session @param {string} workloadId @param {'accepted' | 'rejected'} answer
 */
export async function answerInvitation(session, workloadId, answer) {
  const admin = adminOf(session);
  const doc = await admin.request('GET', userPath(session.name));
  const invitations = { ...(doc?.plumbline?.invitations ?? {}) };
  if (!invitations[workloadId]) throw new SyncError('invitation', 404, 'this invitation was withdrawn');
  invitations[workloadId] = { ...invitations[workloadId], status: answer };
  await admin.request('PUT', userPath(session.name), { ...doc, plumbline: { ...(doc.plumbline ?? {}), invitations } });
}
