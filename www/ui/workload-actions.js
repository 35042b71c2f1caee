// Actions on a workload used from more than one page: Delete (with its confirmation; also
// for a damaged workload, which the engine always deletes) and Save milestone (with its name
// dialog).
import * as api from '../api.js';
import { h } from './dom.js';
import { confirmDialog, fieldDialog } from './dialog.js';

export async function deleteWorkloadFlow(ctx, workload) {
  const name = workload.workloadName;
  const ok = await confirmDialog({
    title: `Delete ${name}?`,
    body: [h('p', 'Deleting the workload ', h('strong', name),
      ' also deletes all of its milestones and all of its answers, notes and improvement plan. This cannot be undone.')],
    confirmLabel: 'Delete',
    danger: true,
  });
  if (!ok) return false;
  try {
    await api.deleteWorkload(workload.workloadId);
  } catch (e) {
    ctx.announce(`Could not delete: ${e?.message || e}`);
    return false;
  }
  ctx.announce(`Workload ${name} deleted.`);
  ctx.navigate('#/workloads');
  return true;
}

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

/** A milestone's risk counts: from its summary when present, else summed over its lens reviews. */
export async function milestoneRiskCounts(workloadId, m) {
  const direct = m.workload?.riskCounts || m.riskCounts || m.workloadSummary?.riskCounts;
  if (direct) return direct;
  const lenses = m.workload?.lenses || (await api.getWorkload(workloadId)).lenses || [];
  const total = {};
  for (const alias of lenses) {
    const r = await api.getLensReview(workloadId, alias, m.milestoneNumber);
    for (const [k, v] of Object.entries(r.riskCounts || {})) total[k] = (total[k] || 0) + v;
  }
  return total;
}
