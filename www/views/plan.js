// @ts-check
// Lens improvement plan: risk counts, improvement status, pillar priority (reorderable with
// buttons), filters by risk and pillar, and the improvement items.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { IMPROVEMENT_STATUS } from '../ui/format.js';
import { riskSummary, updateRiskSummary } from '../ui/risk.js';
import { priorityList, orderPillars } from '../ui/priority-list.js';
import { planItemList } from '../ui/plan-items.js';
import { errorText } from '../errors.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId, lensAlias } = ctx.params;
  let [w, review] = await Promise.all([api.getWorkload(workloadId), api.getLensReview(workloadId, lensAlias)]);
  const model = await api.lensModel(lensAlias, review.lensVersion);
  const lensName = model.name || lensAlias;
  ctx.setTitle(`Improvement plan — ${lensName} — ${w.workloadName}`);
  const reviewBase = `#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}/review`;

  const summary = riskSummary(review.riskCounts, { withAnswered: true, id: 'plan-risks' });
  const status = h('p.save-state', { role: 'status' });

  // Improvement status
  const statusId = nextId('improvement-status');
  const statusSelect = h('select', { id: statusId, 'aria-describedby': `${statusId}-hint` },
    IMPROVEMENT_STATUS.map(([v, t]) => h('option', { value: v }, t)));
  statusSelect.value = w.improvementStatus;
  statusSelect.addEventListener('change', async () => {
    try {
      w = await api.updateWorkload(workloadId, { improvementStatus: /** @type {import('../pkg/plumbline.js').ImprovementStatus} */ (statusSelect.value) }, w);
      status.textContent = 'Improvement status saved.';
    } catch (e) {
      status.textContent = `Not saved: ${errorText(e)}`;
    }
  });

  // Pillar priority
  const priority = priorityList({
    label: 'Pillar priority',
    items: orderPillars(model.pillars, w.pillarPriorities).map((p) => ({ id: p.id, name: p.name })),
    idPrefix: 'plan-prio',
    onChange: async (ids) => {
      try {
        w = await api.updateWorkload(workloadId, { pillarPriorities: ids }, w);
        status.textContent = 'Pillar priority saved.';
        await loadItems();
      } catch (e) {
        status.textContent = `Not saved: ${errorText(e)}`;
      }
    },
  });

  // Filters
  const riskFilterId = nextId('risk-filter');
  const riskFilter = h('select', { id: riskFilterId },
    h('option', { value: '' }, 'All risks'), h('option', { value: 'HIGH' }, 'High risk'), h('option', { value: 'MEDIUM' }, 'Medium risk'));
  const pillarFilterId = nextId('pillar-filter');
  const pillarFilter = h('select', { id: pillarFilterId },
    h('option', { value: '' }, 'All pillars'), model.pillars.map((p) => h('option', { value: p.id }, p.name)));
  const itemsHost = h('div.plan-host', { 'aria-live': 'polite' });
  const countLine = h('p.subtle', { id: 'plan-count' });
  /** @type {import('../pkg/plumbline.js').PlanItem[]} */
  let items = [];

  function draw() {
    const r = riskFilter.value;
    const p = pillarFilter.value;
    const shown = items.filter((i) => (!r || i.risk === r) && (!p || i.pillarId === p));
    countLine.textContent = `${shown.length} of ${items.length} improvement items shown.`;
    itemsHost.replaceChildren(planItemList(shown, model, { reviewBase, level: 3 }));
  }
  async function loadItems() {
    items = await api.improvementPlan(workloadId, lensAlias, { pillarPriority: w.pillarPriorities });
    review = await api.getLensReview(workloadId, lensAlias);
    updateRiskSummary(summary, review.riskCounts);
    draw();
  }
  riskFilter.addEventListener('change', draw);
  pillarFilter.addEventListener('change', draw);
  items = await api.improvementPlan(workloadId, lensAlias, { pillarPriority: w.pillarPriorities });
  draw();

  return h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(`#/workloads/${workloadId}`, {}, w.workloadName)),
        h('li', { 'aria-current': 'page' }, `Improvement plan: ${lensName}`))),
    h('div.page-head',
      h('h1', `${lensName}: Improvement plan`),
      h('div.head-actions', routeLink(reviewBase, { class: 'button secondary' }, 'Continue reviewing'))),
    h('p.subtle', `Workload: ${w.workloadName}`),
    h('div.plan-top',
      h('section.panel', { 'aria-labelledby': 'ipo-h' },
        h('h2', { id: 'ipo-h' }, 'Improvement plan overview'),
        summary,
        h('div.field',
          h('label', { for: statusId }, 'Improvement status'),
          statusSelect,
          h('p.hint', { id: `${statusId}-hint` }, 'Choose the status of your workload improvements.')),
        status),
      h('section.panel', { 'aria-labelledby': 'pp-h' },
        h('h2', { id: 'pp-h' }, 'Pillar priority'),
        h('p.hint', 'High risks come first, then medium risks; within each, questions follow this pillar order. Use the buttons to reorder.'),
        priority.node)),
    h('section.panel', { 'aria-labelledby': 'ii-h' },
      h('h2', { id: 'ii-h' }, 'Improvement items'),
      h('div.filters', { role: 'group', 'aria-label': 'Filter improvement items' },
        h('div.inline-field', h('label', { for: riskFilterId }, 'Filter by risk'), riskFilter),
        h('div.inline-field', h('label', { for: pillarFilterId }, 'Filter by pillar'), pillarFilter)),
      countLine,
      itemsHost));
}
