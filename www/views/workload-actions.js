// @ts-check
// Actions on a workload used from more than one page: Delete (the app's one delete flow; also
// for a damaged workload, which the engine always deletes) and Save milestone (with its name
// dialog). Views, because they call the engine; the dialogs are ui/ widgets. A workload shared
// with the user, not as an owner, is deleted from this browser only (../sync/sync-runner.js).
import * as api from '../api.js';
import { fieldDialog } from '../ui/dialog.js';
import { deleteFlow } from '../ui/delete-flow.js';
import { deleteConsequences, sharedRole } from '../sync/shared-list.js';

/** @typedef {{announce: (message: string) => void, navigate: (route: string) => void}} ActionContext */

/**
 * Deletes the workload after the confirmation, then shows the list.
 * @param {ActionContext} ctx
 * @param {{workloadId: string, workloadName: string}} workload
 */
export async function deleteWorkloadFlow(ctx, workload) {
  const role = sharedRole(workload.workloadId);
  // Not an owner: the engine's delete would push a tombstone of every answer to the team.
  const thisBrowserOnly = role !== null && role !== 'owner';
  const deleted = await deleteFlow({
    what: 'workload',
    name: workload.workloadName,
    consequences: deleteConsequences(workload.workloadName, role),
    remove: thisBrowserOnly
      ? async () => (await import('../sync/sync-runner.js')).leaveWorkload(workload.workloadId)
      : () => api.deleteWorkload(workload.workloadId),
    announce: ctx.announce,
  });
  if (deleted) ctx.navigate('#/workloads');
  return deleted;
}

/**
 * @param {ActionContext} ctx
 * @param {{workloadId: string}} workload
 */
export async function saveMilestoneFlow(ctx, workload) {
  const saved = await fieldDialog({
    title: 'Save milestone',
    intro: 'Save a milestone to capture the state of your workload at this stage of your review. A milestone cannot be changed after it is saved.',
    label: 'Milestone name',
    hint: 'Milestone names within a workload must be unique; spaces and capitalization are ignored when comparing them. The name must be from 3 to 100 characters. At least 3 characters must be non-whitespace.',
    maxLength: 100,
    submitLabel: 'Save',
    submit: (name) => api.createMilestone(workload.workloadId, name),
  });
  if (!saved) return null;
  ctx.announce(`Milestone ${saved.milestoneName} saved.`);
  ctx.navigate(`#/workloads/${workload.workloadId}/milestones`);
  return saved;
}
