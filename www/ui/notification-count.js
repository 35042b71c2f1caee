// @ts-check
// The count beside Notifications in the navigation: how many notifications wait. Refreshed
// after each page is drawn (a change anywhere may add or clear one) and by the Notifications
// page with the list it has just read.
import * as api from '../api.js';

/** @param {number} [known] the count when the caller has just read the list */
export async function refreshNotificationCount(known) {
  const badge = document.getElementById('notification-count');
  if (!badge) return;
  let n = known;
  if (n === undefined) {
    try {
      n = (await api.listNotifications()).length;
    } catch {
      return; // the count is a hint; the page itself reports storage problems
    }
  }
  badge.textContent = n ? String(n) : '';
  badge.hidden = !n;
  const link = badge.closest('a');
  link?.setAttribute('aria-label', n ? `Notifications, ${n} waiting` : 'Notifications');
}
