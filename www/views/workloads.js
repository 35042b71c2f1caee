// @ts-check
// Workloads page: the table of workloads with View details, Edit and Delete. Workload records
// the engine cannot read are rows marked Damaged, with Export as stored, Repair and Delete.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { IMPROVEMENT_STATUS, label, formatDate, isoDate, answeredOf } from '../ui/format.js';
import { scrollTable } from '../ui/table.js';
import { deleteWorkloadFlow } from './workload-actions.js';
import { damagedLabel } from '../ui/damage.js';
import { damageActions, storedName } from './damage-actions.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Workloads');
  const [listed, damaged] = await Promise.all([api.listWorkloads(), api.damagedWorkloads()]);
  const items = listed.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  const section = h('section.page',
    h('div.page-head',
      h('h1', 'Workloads'),
      routeLink('#/workloads/new', { class: 'button primary' }, 'Define workload')),
    h('p.lead', 'A workload is a collection of resources and code that delivers business value. Define one, review it against a lens, and follow its improvement plan.'));

  if (items.length === 0 && damaged.length === 0) {
    section.append(h('div.empty', h('h2', 'No workloads'), h('p', 'You have not defined a workload yet.'),
      routeLink('#/workloads/new', { class: 'button' }, 'Define workload')));
    return section;
  }

  const rows = items.map((w) => {
    const c = w.riskCounts;
    const { answered, total } = answeredOf(w.riskCounts);
    const name = w.workloadName;
    const del = h('button', { type: 'button', class: 'link-button danger-text', 'aria-label': `Delete ${name}` }, 'Delete');
    del.addEventListener('click', () => deleteWorkloadFlow(ctx, w));
    return h('tr', { dataset: { workloadId: w.workloadId } },
      h('th', { scope: 'row' }, routeLink(`#/workloads/${w.workloadId}`, {}, name)),
      h('td.num', total ? `${answered}/${total}` : '0'),
      h('td.num', String(c.HIGH)),
      h('td.num', String(c.MEDIUM)),
      h('td', label(IMPROVEMENT_STATUS, w.improvementStatus || 'NOT_APPLICABLE')),
      h('td', h('time', { datetime: isoDate(w.updatedAt) }, formatDate(w.updatedAt))),
      h('td.actions-cell',
        routeLink(`#/workloads/${w.workloadId}`, { 'aria-label': `View details of ${name}` }, 'View details'),
        routeLink(`#/workloads/${w.workloadId}/edit`, { 'aria-label': `Edit ${name}` }, 'Edit'),
        del));
  });

  section.append(scrollTable('Workloads',
    h('table.data',
      h('caption.visually-hidden', `Workloads (${items.length + damaged.length})`),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Questions answered'),
        h('th', { scope: 'col' }, 'High risks'),
        h('th', { scope: 'col' }, 'Medium risks'),
        h('th', { scope: 'col' }, 'Improvement status'),
        h('th', { scope: 'col' }, 'Last updated'),
        h('th', { scope: 'col' }, 'Actions'))),
      h('tbody', await damagedRows(ctx, damaged), rows))));
  return section;
}

/**
 * One row per unreadable workload record, first, so it is not missed: its stored name when
 * one can still be read, the word Damaged (not a colour alone), why, and its three actions.
 */
/**
 * @param {import('../app.js').ViewContext} ctx
 * @param {import('../pkg/plumbline.js').DamagedRecord[]} damaged
 */
async function damagedRows(ctx, damaged) {
  const ofWorkloads = /** @type {(import('../pkg/plumbline.js').DamagedRecord & {workloadId: string})[]} */ (damaged.filter((d) => d.workloadId));
  return Promise.all(ofWorkloads.map(async (d) => {
    const name = await storedName(d.workloadId);
    return h('tr.damaged-row', { dataset: { workloadId: d.workloadId, damaged: 'true' } },
      h('th', { scope: 'row' }, damagedLabel(d.workloadId, name), ' ', h('strong.damaged-tag', 'Damaged')),
      h('td', { colspan: '5' },
        h('p', 'Its stored record cannot be read, so its answers and risks are not shown or counted anywhere. Repair computes its totals again where it can; otherwise export it as stored, then delete it.'),
        h('details', h('summary', 'Technical details'), h('p', h('code', d.recordId)), h('p', d.message))),
      h('td.actions-cell', damageActions(ctx, { workloadId: d.workloadId, name })));
  }));
}
