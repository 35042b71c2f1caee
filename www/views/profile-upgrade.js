// @ts-check
// Upgrade profile version: asks first, offering to save a milestone of the state before (the
// engine records it, then moves the workload to the profile's latest version). Used by the
// Notifications page and the workload page.
import * as api from '../api.js';
import { h } from '../ui/dom.js';
import { confirmDialog } from '../ui/dialog.js';
import { textField } from '../ui/field.js';

/**
 * Resolves true once upgraded, false when cancelled; throws the engine's error.
 * @param {{workloadId: string, workloadName: string, profileName: string, from: string, to: string}} what
 */
export async function upgradeProfileFlow({ workloadId, workloadName, profileName, from, to }) {
  const milestone = textField({ name: 'milestoneName', label: 'Milestone name', optional: true, maxLength: 100,
    hint: 'Leave empty to upgrade without saving a milestone. 3 to 100 characters, unique in the workload.' });
  const ok = await confirmDialog({
    title: `Upgrade ${workloadName} to version ${to} of ${profileName}?`,
    body: [
      h('p', `The workload uses version ${from} of the profile. After the upgrade, the questions version ${to} prioritises are marked Prioritized; answers and notes do not change.`),
      h('p', 'To keep a record of the state before, name a milestone: it is saved first.'),
      milestone.node,
    ],
    confirmLabel: 'Upgrade profile version',
  });
  if (!ok) return false;
  await api.upgradeProfileVersion(workloadId, milestone.input.value.trim() || undefined);
  return true;
}
