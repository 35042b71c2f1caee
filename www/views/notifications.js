// @ts-check
// The Notifications page: one list of what waits, workload by workload: a newer version of a
// custom lens (Upgrade lens version: the lens page's upgrade flow), a changed profile (Upgrade
// profile version), a deleted profile, a changed review template. Each can be dismissed; a
// dismissal hides that version only, so a later change shows again.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { scrollTable } from '../ui/table.js';
import { sayError } from '../errors.js';
import { upgradeProfileFlow } from './profile-upgrade.js';
import { refreshNotificationCount } from '../ui/notification-count.js';

/** @typedef {import('../pkg/plumbline.js').Notification} Notification */

/**
 * What each kind says and which action it offers: a new kind is one entry here.
 * @type {Record<string, {label: string, say: (n: Notification) => string, action?: (n: Notification, ctx: import('../app.js').ViewContext) => Node}>}
 */
const KINDS = {
  LENS_VERSION_DEPRECATED: {
    label: 'Newer lens version',
    say: (n) => `Lens ${n.resourceName}: the workload uses version ${n.currentVersion}; version ${n.latestVersion} is published.`,
    action: (n) => routeLink(`#/workloads/${n.workloadId}/lenses/${encodeURIComponent(n.resourceId)}`,
      { class: 'button small primary', 'aria-label': `Upgrade lens version of ${n.resourceName} in ${n.workloadName}` }, 'Upgrade lens version'),
  },
  PROFILE_ANSWERS_UPDATED: {
    label: 'Profile changed',
    say: (n) => `Profile ${n.resourceName}: the workload uses version ${n.currentVersion}; version ${n.latestVersion} is saved.`,
    action: (n, ctx) => h('button', {
      type: 'button', class: 'small primary', 'aria-label': `Upgrade profile version of ${n.resourceName} in ${n.workloadName}`,
      on: {
        click: async () => {
          try {
            const done = await upgradeProfileFlow({ workloadId: n.workloadId, workloadName: n.workloadName, profileName: n.resourceName, from: n.currentVersion, to: n.latestVersion });
            if (!done) return;
            ctx.announce(`${n.workloadName} now uses version ${n.latestVersion} of ${n.resourceName}.`);
            ctx.reload();
          } catch (e) {
            ctx.announce(sayError(e));
            showError(sayError(e));
          }
        },
      },
    }, 'Upgrade profile version'),
  },
  PROFILE_DELETED: {
    label: 'Profile deleted',
    say: (n) => `Profile ${n.resourceName} was deleted. The workload keeps the questions it prioritised; give it another profile on its page if you like.`,
    action: (n) => routeLink(`#/workloads/${n.workloadId}`, { class: 'button small secondary', 'aria-label': `Open workload ${n.workloadName}` }, 'Open workload'),
  },
  TEMPLATE_UPDATED: {
    label: 'Template changed',
    say: (n) => `Review template ${n.resourceName} is at version ${n.latestVersion}; this workload took its answers from version ${n.currentVersion}. Updating takes only the answers your team left as the template had them, and asks about the others.`,
    // The choice per conflicting question lives on the workload's page (ui/template-update.js).
    action: (n) => routeLink(`#/workloads/${n.workloadId}`, { class: 'button small primary', 'aria-label': `Update from template: ${n.workloadName}` }, 'Update from template'),
  },
};

const errorSlot = h('p.field-error', { hidden: true, role: 'alert' });
/** @param {string} message */
function showError(message) {
  errorSlot.hidden = false;
  errorSlot.textContent = message;
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Notifications');
  const list = await api.listNotifications();
  refreshNotificationCount(list.length);
  errorSlot.hidden = true;
  const rows = list.map((n) => {
    const kind = KINDS[n.notificationType] || { label: n.notificationType, say: () => '' };
    return h('tr', { dataset: { notification: n.notificationType, workloadId: n.workloadId } },
      h('th', { scope: 'row' }, routeLink(`#/workloads/${n.workloadId}`, {}, n.workloadName)),
      h('td', kind.label),
      h('td', kind.say(n)),
      h('td.actions-cell',
        kind.action ? kind.action(n, ctx) : null,
        h('button', {
          type: 'button', class: 'small secondary', 'aria-label': `Dismiss: ${kind.label}, ${n.workloadName}`,
          on: {
            click: async () => {
              try {
                await api.dismissNotification(n.dismissKey);
                ctx.announce(`Dismissed: ${kind.label}, ${n.workloadName}.`);
                ctx.reload();
              } catch (e) {
                showError(sayError(e));
              }
            },
          },
        }, 'Dismiss')));
  });
  return h('section.page.notifications-page',
    h('h1', 'Notifications'),
    h('p.lead', 'Changes that wait for you: newer versions of the custom lenses, profiles and review templates your workloads use. Nothing changes in a workload until you choose its action.'),
    errorSlot,
    list.length
      ? scrollTable('Notifications', h('table.data',
        h('caption.visually-hidden', `Notifications (${list.length})`),
        h('thead', h('tr', ...['Workload', 'Kind', 'What changed', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', rows)))
      : h('p.empty', { dataset: { empty: 'notifications' } }, 'Nothing waits for you.'));
}
