// @ts-check
// How many changes were stored since the last backup, for the reminder to back up (see
// ui/backup-banner.js). api.js calls recordChange() after every successful write; the Backup
// section of Settings calls markBackedUp() after a backup. Kept in localStorage under
// "plumbline.backup." so every tab of the app counts into the same figures.

const KEY = {
  changes: 'plumbline.backup.changes', // stored changes since the last backup
  dismissedAt: 'plumbline.backup.dismissedAt', // the count when the reminder was last dismissed
  lastBackup: 'plumbline.backup.lastBackup', // ISO time of the last backup
};

/** Changes after which the reminder comes back (after a backup, or after a dismissal). */
export const REMIND_EVERY = 20;

/** @typedef {{changes: number, lastBackup: string | null, due: boolean}} BackupState */

/** @type {Set<(state: BackupState) => void>} */
const listeners = new Set();

/** @param {string} key */
function readCount(key) {
  const n = Number(localStorage.getItem(key));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** @param {string} key @param {string | number | null} value */
function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, String(value));
  } catch (e) {
    console.warn('backup reminder:', e); // a full or blocked localStorage only costs the reminder
  }
  for (const fn of listeners) fn(backupState());
}

/** {changes, lastBackup (ISO string or null), due}: due once REMIND_EVERY changes went by since the later of the last backup and the last dismissal. */
/** @returns {BackupState} */
export function backupState() {
  const changes = readCount(KEY.changes);
  const dismissedAt = Math.min(readCount(KEY.dismissedAt), changes);
  return {
    changes,
    lastBackup: localStorage.getItem(KEY.lastBackup),
    due: changes - dismissedAt >= REMIND_EVERY,
  };
}

/** One more stored change. */
export function recordChange() {
  write(KEY.changes, readCount(KEY.changes) + 1);
}

/** Hides the reminder until REMIND_EVERY more changes. */
export function dismissReminder() {
  write(KEY.dismissedAt, readCount(KEY.changes));
}

/** A backup was made now: the count starts again from zero. */
export function markBackedUp(when = new Date()) {
  localStorage.removeItem(KEY.dismissedAt);
  localStorage.setItem(KEY.lastBackup, when.toISOString());
  write(KEY.changes, 0);
}

/** Calls fn(backupState()) after every change of the figures; returns the unsubscribe. */
/** @param {(state: BackupState) => void} fn */
export function onBackupState(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
