// @ts-check
// Lens improvement plan: risk counts, improvement status, pillar priority (reorderable with
// buttons), filters by risk, pillar, owner and status (kept in the address, so a link or a
// reload shows the same items), and the improvement items with their backlog, editable.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { IMPROVEMENT_STATUS, ITEM_STATUS } from '../ui/format.js';
import { riskSummary, updateRiskSummary } from '../ui/risk.js';
import { priorityList, orderPillars } from '../ui/priority-list.js';
import { planItemList } from '../ui/plan-items.js';
import { backlogForm } from '../ui/backlog-editor.js';
import { readQuery, writeQuery } from '../ui/query-state.js';
import { sayError } from '../errors.js';
import { prioritizedBadge, prioritizedCounts, prioritizedFilter } from '../ui/prioritized.js';

/** The filters a plan address can carry, and the value that means "all". */
const FILTERS = ['risk', 'pillar', 'owner', 'status'];
/** The owner filter's value for items without an owner. */
const NO_OWNER = '-';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId, lensAlias } = ctx.params;
  let [w, review] = await Promise.all([api.getWorkload(workloadId), api.getLensReview(workloadId, lensAlias)]);
  const priorities = await api.prioritizedQuestions(workloadId);
  const prioritized = priorities.questions[lensAlias] || [];
  let onlyPrioritized = false;
  let prioritizedFirst = false;
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
      status.textContent = `Not saved: ${sayError(e)}`;
    }
  });

  // Pillar priority
  const priority = priorityList({
    label: 'Pillar priority',
    items: orderPillars(model.pillars, w.pillarPriorities).map((p) => ({ id: p.id, name: p.name })),
    idPrefix: 'plan-prio',
    onChange: async (ids) => {
      status.textContent = 'Saving pillar priority…';
      try {
        w = await api.updateWorkload(workloadId, { pillarPriorities: ids }, w);
      } catch (e) {
        status.textContent = `Not saved: ${sayError(e)}`;
        return;
      }
      try {
        // Said once the plan below is in the new order, not while it still shows the old one.
        await loadItems();
        status.textContent = 'Pillar priority saved.';
      } catch (e) {
        status.textContent = `Pillar priority saved, but the plan could not be shown in its new order: ${sayError(e)} Reload the page.`;
      }
    },
  });

  // Filters, read from and written to the address.
  const query = readQuery(FILTERS);
  const riskFilterId = nextId('risk-filter');
  const riskFilter = h('select', { id: riskFilterId },
    h('option', { value: '' }, 'All risks'), h('option', { value: 'HIGH' }, 'High risk'), h('option', { value: 'MEDIUM' }, 'Medium risk'));
  const pillarFilterId = nextId('pillar-filter');
  const pillarFilter = h('select', { id: pillarFilterId },
    h('option', { value: '' }, 'All pillars'), model.pillars.map((p) => h('option', { value: p.id }, p.name)));
  const ownerFilterId = nextId('owner-filter');
  const ownerFilter = h('select', { id: ownerFilterId });
  const statusFilterId = nextId('status-filter');
  const statusFilter = h('select', { id: statusFilterId },
    h('option', { value: '' }, 'All statuses'), ITEM_STATUS.map(([v, t]) => h('option', { value: v }, t)));
  const itemsHost = h('div.plan-host', { 'aria-live': 'polite' });
  const countLine = h('p.subtle', { id: 'plan-count' });
  /** @type {import('../pkg/plumbline.js').BacklogItem[]} */
  let items = [];

  // Owners of the items, and the one in the address even when no item has it (yet).
  function fillOwners() {
    const owners = [...new Set(items.map((i) => i.owner).filter((o) => o !== undefined))];
    if (query.owner && query.owner !== NO_OWNER && !owners.includes(query.owner)) owners.push(query.owner);
    owners.sort((a, b) => a.localeCompare(b));
    ownerFilter.replaceChildren(h('option', { value: '' }, 'All owners'), h('option', { value: NO_OWNER }, 'No owner'),
      ...owners.map((o) => h('option', { value: o }, o)));
    ownerFilter.value = query.owner;
  }

  /** @param {import('../pkg/plumbline.js').BacklogItem} i */
  const shownBy = (i) => (!query.risk || i.risk === query.risk) && (!query.pillar || i.pillarId === query.pillar)
    && (!query.owner || (query.owner === NO_OWNER ? !i.owner : i.owner === query.owner))
    && (!query.status || i.status === query.status)
    && (!onlyPrioritized || prioritized.includes(i.questionId));

  /** The items in plan order, or with the prioritised ones first (each group in plan order). */
  const ordered = () => (prioritizedFirst
    ? [...items.filter((i) => prioritized.includes(i.questionId)), ...items.filter((i) => !prioritized.includes(i.questionId))]
    : items);

  function countText() {
    const shown = items.filter(shownBy);
    const open = items.filter((i) => !i.resolved).length;
    const resolved = items.length - open;
    const shownOpen = shown.filter((i) => !i.resolved).length;
    return `${shownOpen} of ${open} improvement items shown.`
      + (resolved ? ` ${shown.length - shownOpen} of ${resolved} resolved items shown.` : '');
  }

  /** @param {import('../pkg/plumbline.js').BacklogItem} item @param {(saved: import('../pkg/plumbline.js').BacklogItem) => void} refresh */
  const editor = (item, refresh) => backlogForm(item, {
    save: (update) => api.updateImprovementItem(workloadId, lensAlias, item.questionId, update),
    onSaved: (saved) => {
      // The item stays on screen even when it no longer matches the filters: it moves on the
      // next filter change, not under the user's hands.
      items = items.map((i) => (i.questionId === saved.questionId ? saved : i));
      refresh(saved);
      fillOwners();
      countLine.textContent = countText();
    },
  });

  function draw() {
    riskFilter.value = query.risk;
    pillarFilter.value = query.pillar;
    statusFilter.value = query.status;
    fillOwners();
    countLine.textContent = countText();
    itemsHost.replaceChildren(planItemList(ordered().filter(shownBy), model, { reviewBase, level: 3, editor }));
    for (const li of /** @type {NodeListOf<HTMLElement>} */ (itemsHost.querySelectorAll('li.plan-item'))) {
      if (prioritized.includes(li.dataset.questionId || '')) li.querySelector('h3, h2')?.append(' ', prioritizedBadge());
    }
  }
  async function loadItems() {
    items = await api.improvementPlan(workloadId, lensAlias, { pillarPriority: w.pillarPriorities });
    review = await api.getLensReview(workloadId, lensAlias);
    updateRiskSummary(summary, review.riskCounts);
    draw();
  }
  for (const [select, key] of /** @type {const} */ ([[riskFilter, 'risk'], [pillarFilter, 'pillar'], [ownerFilter, 'owner'], [statusFilter, 'status']])) {
    select.addEventListener('change', () => {
      query[key] = select.value;
      writeQuery(query);
      draw();
    });
  }
  items = await api.improvementPlan(workloadId, lensAlias, { pillarPriority: w.pillarPriorities });
  const answers = prioritized.length ? await api.listAnswers(workloadId, lensAlias) : [];
  const planRisks = () => answers;
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
        prioritized.length ? prioritizedCounts(planRisks(), prioritized, priorities.profile?.profileName) : null,
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
        h('div.inline-field', h('label', { for: pillarFilterId }, 'Filter by pillar'), pillarFilter),
        h('div.inline-field', h('label', { for: ownerFilterId }, 'Filter by owner'), ownerFilter),
        h('div.inline-field', h('label', { for: statusFilterId }, 'Filter by status'), statusFilter)),
      prioritized.length ? h('div.filters', { role: 'group', 'aria-label': 'Profile priorities' },
        prioritizedFilter((on) => { onlyPrioritized = on; draw(); }).node,
        prioritizedFirstBox().node) : null,
      countLine,
      itemsHost));

  function prioritizedFirstBox() {
    const box = prioritizedFilter((on) => { prioritizedFirst = on; draw(); });
    const label = box.node.querySelector('label');
    if (label) label.textContent = 'Prioritized items first';
    box.input.dataset.prioritizedFirst = '';
    delete box.input.dataset.prioritizedFilter;
    return box;
  }
}
