// @ts-check
// What this browser remembers about team sync, in localStorage: the team server's URL (never a
// user name, password or cookie: the browser keeps the session cookie itself) and which
// workloads are shared, with the user's permission on each. Small and in the first download:
// the workload page reads it to decide whether to load the sharing code at all, and csp.js
// reads the server's origin before any script can connect.

const KEY = 'plumbline-sync';

/** @typedef {'owner' | 'contributor' | 'reader' | 'removed'} ShareRole 'removed': the share ended, the copy is kept read-only */
/** @typedef {{ server: string | null, workloads: Record<string, ShareRole> }} SyncMemory */

/** @returns {SyncMemory} */
function read() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    const server = typeof stored?.server === 'string' ? stored.server : null;
    /** @type {Record<string, ShareRole>} */
    const workloads = {};
    for (const [id, role] of Object.entries(stored?.workloads ?? {})) {
      if (/^[0-9a-f]{32}$/.test(id) && ['owner', 'contributor', 'reader', 'removed'].includes(String(role))) workloads[id] = /** @type {ShareRole} */ (role);
    }
    return { server, workloads };
  } catch {
    return { server: null, workloads: {} };
  }
}

/** @param {(memory: SyncMemory) => SyncMemory} change */
function write(change) {
  localStorage.setItem(KEY, JSON.stringify(change(read())));
}

/** The team server's URL, or null when none was set. */
export const syncServer = () => read().server;

/** Sets (or with null forgets) the team server's URL; the caller has checked it. @param {string | null} url */
export const setSyncServer = (url) => write((m) => ({ ...m, server: url }));

/** The user's permission on a shared workload, or null when it is not shared. @param {string} workloadId */
export const sharedRole = (workloadId) => read().workloads[workloadId] ?? null;

/** Every shared workload of this browser, with the user's permission. */
export const sharedWorkloads = () => Object.entries(read().workloads);

/** @param {string} workloadId @param {ShareRole | null} role null: no longer shared */
export function markShared(workloadId, role) {
  write((m) => {
    const workloads = { ...m.workloads };
    if (role === null) delete workloads[workloadId];
    else workloads[workloadId] = role;
    return { ...m, workloads };
  });
}

/**
 * Why this workload cannot be edited here, or null when it can: a Read-only share, or a share
 * that was removed (the copy stays, read-only).
 * @param {string} workloadId
 */
export function readOnlyReason(workloadId) {
  const role = sharedRole(workloadId);
  if (role === 'reader') return 'This workload is shared with you Read-only: only its contributors and owners can change it.';
  if (role === 'removed') return 'This workload is no longer shared with you: your copy is kept, read-only.';
  return null;
}

/**
 * What Delete does to a workload, in the confirmation's words: for a workload shared with the
 * user (not as an owner) only this browser's copy goes, for an owner every replica's.
 * @param {string} name the workload's name @param {ShareRole | null} role sharedRole's answer
 */
export function deleteConsequences(name, role) {
  const everything = 'all of its milestones and all of its answers, notes and improvement plan';
  if (role === 'owner') return `You own the shared workload “${name}”: deleting it deletes it, with ${everything}, for everyone it is shared with, not only in this browser. This cannot be undone.`;
  if (role === null) return `Deleting the workload “${name}” also deletes ${everything}. This cannot be undone.`;
  const back = role === 'removed'
    ? 'It is no longer shared with you: only an owner sharing it with you again brings it back.'
    : 'While it is shared with you, you can accept it again from Workloads shared with you.';
  return `“${name}” is shared with you, so it is deleted from this browser only: its sync stops and this browser's copy goes. Your team keeps the workload with every answer; nothing is sent to the team server. ${back}`;
}
