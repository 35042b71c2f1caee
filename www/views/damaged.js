// @ts-check
// The page shown instead of a workload page that could not load because a stored record is
// damaged (error kind "Corrupted"): what is damaged, in words, and the workload's three
// actions. The router (app.js) uses it for every page, so no view handles this on its own.
// Also the page for a workload whose own record is gone but whose answers, notes or
// milestones remain (leftovers): they can be exported and deleted.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { damagedLabel, describeRecord, workloadOfRecord } from '../ui/damage.js';
import { damageActions, storedName } from './damage-actions.js';

/**
 * @param {import('../app.js').ViewContext} ctx
 * @param {import('../pkg/plumbline.js').PlumblineError} error kind "Corrupted", naming the record
 */
export async function render(ctx, error) {
  ctx.setTitle('Damaged data');
  const workloadId = workloadOfRecord(error.recordId) ?? ctx.params.workloadId ?? null;
  const ownRecord = workloadId && workloadOfRecord(error.recordId) === workloadId;
  const name = ownRecord ? await storedName(workloadId) : null;
  const what = describeRecord(error.recordId);
  return h('section.page', { dataset: { damaged: error.recordId || '' } },
    h('h1', 'This page cannot be shown: stored data is damaged'),
    h('p.error-text', { role: 'alert' },
      ownRecord
        ? `Part of ${damagedLabel(workloadId, name)} cannot be read: ${what}. Other workloads are not affected.`
        : `Data this page needs cannot be read: ${what}. Other workloads are not affected.`),
    ownRecord
      ? h('div',
        h('p', 'Repair keeps what can be read and computes the totals again; what cannot be read is removed. If it cannot be repaired, export it as stored to keep a copy, then delete it.'),
        damageActions(ctx, { workloadId, name }))
      : h('p', 'The damaged record does not belong to this workload, so it cannot be repaired from here.'),
    h('details', h('summary', 'Technical details'), h('p', h('code', error.recordId || '—')), h('p', error.message || '')),
    h('p', routeLink('#/workloads', {}, 'Go to Workloads')));
}

/**
 * For a workload page whose workload does not exist: a page offering to export and delete what
 * is left of it when some of its records remain, or null when nothing does (a plain Not found).
 * @param {import('../app.js').ViewContext} ctx
 */
export async function leftovers(ctx) {
  const { workloadId } = ctx.params;
  if (!workloadId) return null;
  let records;
  try {
    records = JSON.parse(await api.exportRawWorkload(workloadId)).records;
  } catch {
    return null; // nothing of it is stored
  }
  // The workload itself exists: what is missing is something else (a milestone, a lens).
  if (records.some((/** @type {{id: string}} */ r) => r.id === `workload/${workloadId}`)) return null;
  const count = records.length;
  ctx.setTitle('Damaged data');
  return h('section.page', { dataset: { damaged: `workload/${workloadId}` } },
    h('h1', 'Only parts of this workload remain'),
    h('p.error-text', { role: 'alert' },
      `The workload’s own record is missing, but ${count} of its stored ${count === 1 ? 'record remains' : 'records remain'} (answers, notes or milestones). They are not shown or counted anywhere. Other workloads are not affected.`),
    h('p', 'Export them as stored to keep a copy, then delete them.'),
    damageActions(ctx, { workloadId, name: null, repair: false }),
    h('p', routeLink('#/workloads', {}, 'Go to Workloads')));
}
