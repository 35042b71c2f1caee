// @ts-check
// The reminder to back up: a dismissible notice (not a modal) linking to Settings, shown when
// REMIND_EVERY changes were stored since the last backup (or the last dismissal) and the
// browser may clear the site's storage (not persistent). With persistent storage there is no
// reminder: the data only goes when the user clears it.
import { routeLink } from './dom.js';
import { showNotice, hideNotice } from './notices.js';
import { backupState, dismissReminder, onBackupState } from '../backup-reminder.js';
import { isPersisted } from '../storage.js';

const NAME = 'backup';
let shown = false;

/** @param {import('../backup-reminder.js').BackupState} state */
async function update(state) {
  const due = state.due && !(await isPersisted());
  if (due === shown) return;
  shown = due;
  if (!due) {
    hideNotice(NAME);
    return;
  }
  showNotice('Time to back up your work', [
    `${state.changes} changes were saved since ${state.lastBackup ? 'your last backup' : 'you started'}. `
      + 'This browser may delete the data of this site when space runs low, because its storage is not persistent.',
  ], {
    name: NAME,
    actions: [routeLink('#/settings', { class: 'button primary' }, 'Open Settings')],
    onDismiss: () => {
      shown = false;
      dismissReminder();
    },
  });
}

/** Shows the reminder when it is due now, and whenever a later change makes it due. */
export function watchBackups() {
  onBackupState((state) => {
    update(state).catch((e) => console.error(e));
  });
  return update(backupState());
}
