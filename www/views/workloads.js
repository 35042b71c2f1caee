// Workloads page: the table of workloads with View details, Edit and Delete.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { IMPROVEMENT_STATUS, label, formatDate, isoDate, counts, answeredOf } from '../ui/format.js';
import { confirmDialog } from '../ui/dialog.js';
import { scrollTable } from '../ui/table.js';

export async function render(ctx) {
  ctx.setTitle('Workloads');
  const items = (await api.listWorkloads()).sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  const section = h('section.page',
    h('div.page-head',
      h('h1', 'Workloads'),
      routeLink('#/workloads/new', { class: 'button primary' }, 'Define workload')),
    h('p.lead', 'A workload is a collection of resources and code that delivers business value. Define one, review it against a lens, and follow its improvement plan.'));

  if (items.length === 0) {
    section.append(h('div.empty', h('h2', 'No workloads'), h('p', 'You have not defined a workload yet.'),
      routeLink('#/workloads/new', { class: 'button' }, 'Define workload')));
    return section;
  }

  const rows = items.map((w) => {
    const c = counts(w.riskCounts);
    const { answered, total } = answeredOf(w.riskCounts);
    const name = w.workloadName;
    const del = h('button', { type: 'button', class: 'link-button danger-text', 'aria-label': `Delete ${name}` }, 'Delete');
    del.addEventListener('click', async () => {
      const ok = await confirmDialog({
        title: `Delete ${name}?`,
        body: [
          h('p', 'Deleting the workload ', h('strong', name), ' also deletes all of its milestones and all of its answers, notes and improvement plan. This cannot be undone.'),
        ],
        confirmLabel: 'Delete',
        danger: true,
      });
      if (!ok) return;
      try {
        await api.deleteWorkload(w.workloadId);
        ctx.announce(`Workload ${name} deleted.`);
      } catch (e) {
        ctx.announce(`Could not delete: ${e.message}`);
      }
      ctx.navigate('#/workloads');
    });
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
      h('caption.visually-hidden', `Workloads (${items.length})`),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Questions answered'),
        h('th', { scope: 'col' }, 'High risks'),
        h('th', { scope: 'col' }, 'Medium risks'),
        h('th', { scope: 'col' }, 'Improvement status'),
        h('th', { scope: 'col' }, 'Last updated'),
        h('th', { scope: 'col' }, 'Actions'))),
      h('tbody', rows))));
  return section;
}
