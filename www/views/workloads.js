// @ts-check
// Workloads page: the table of workloads with View details, Edit and Delete, searched by name,
// owner or tag, filtered by risk and improvement status, sorted by any column; that state lives
// in the address (models/workload-list.js). Workload records the engine cannot read are rows
// marked Damaged, always first and never filtered out, with Export as stored, Repair and Delete.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { IMPROVEMENT_STATUS, label, formatDate, isoDate, answeredOf } from '../ui/format.js';
import { scrollTable, sortHeader } from '../ui/table.js';
import { routeQuery, replaceRoute } from '../ui/route-query.js';
import {
  readState, stateRoute, sortedBy, visibleWorkloads, DEFAULT_STATE, SORT_COLUMNS, RISK_FILTERS,
} from '../models/workload-list.js';
import { deleteWorkloadFlow } from './workload-actions.js';
import { damagedLabel } from '../ui/damage.js';
import { damageActions, storedName } from './damage-actions.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Workloads');
  const [listed, damaged] = await Promise.all([api.listWorkloads(), api.damagedWorkloads()]);
  const items = listed;
  const section = h('section.page',
    h('div.page-head',
      h('h1', 'Workloads'),
      h('div.head-actions',
        routeLink('#/shared', { class: 'button secondary' }, 'Workloads shared with you'),
        routeLink('#/workloads/new', { class: 'button primary' }, 'Define workload'))),
    h('p.lead', 'A workload is a collection of resources and code that delivers business value. Define one, review it against a lens, and follow its improvement plan.'));

  if (items.length === 0 && damaged.length === 0) {
    section.append(h('div.empty', h('h2', 'No workloads'), h('p', 'You have not defined a workload yet.'),
      routeLink('#/workloads/new', { class: 'button' }, 'Define workload')));
    return section;
  }

  const statusLabel = (/** @type {string} */ status) => label(IMPROVEMENT_STATUS, status);
  let state = readState(routeQuery(), IMPROVEMENT_STATUS.map(([v]) => v));
  const controls = listControls(state, (change) => update({ ...state, ...change }));
  const shown = h('p.list-count', { role: 'status', dataset: { listCount: '' } });
  const head = h('thead');
  const body = h('tbody');
  const damagedBody = await damagedRows(ctx, damaged);

  /** @param {import('../models/workload-list.js').ListState} next */
  function update(next) {
    state = next;
    replaceRoute(stateRoute(state));
    draw();
  }

  function draw() {
    const visible = visibleWorkloads(items, state, statusLabel);
    head.replaceChildren(h('tr',
      SORT_COLUMNS.map((c) => sortHeader(c.label,
        state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : null,
        () => {
          update(sortedBy(state, c.key));
          // The header was drawn again: keep the keyboard on the same column.
          /** @type {HTMLElement | null} */ (head.querySelector(`th[data-sort="${c.label}"] button`))?.focus();
        })),
      h('th', { scope: 'col' }, 'Actions')));
    body.replaceChildren(...visible.map((w) => workloadRow(ctx, w, statusLabel)));
    if (visible.length === 0) {
      body.append(h('tr', h('td', { colspan: String(SORT_COLUMNS.length + 1) }, 'No workload matches the search and filters.')));
    }
    shown.textContent = visible.length === items.length
      ? `${items.length} ${items.length === 1 ? 'workload' : 'workloads'}`
      : `Showing ${visible.length} of ${items.length} workloads`;
    controls.sync(state);
  }
  draw();

  section.append(controls.node, shown, scrollTable('Workloads',
    h('table.data.workload-list',
      h('caption.visually-hidden', `Workloads (${items.length + damaged.length})`),
      head,
      damagedBody.length ? h('tbody', damagedBody) : null,
      body)));
  return section;
}

/**
 * One workload's row.
 * @param {import('../app.js').ViewContext} ctx
 * @param {import('../pkg/plumbline.js').WorkloadSummary} w
 * @param {(status: string) => string} statusLabel
 */
function workloadRow(ctx, w, statusLabel) {
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
    h('td', statusLabel(w.improvementStatus || 'NOT_APPLICABLE')),
    h('td', h('time', { datetime: isoDate(w.updatedAt) }, formatDate(w.updatedAt))),
    h('td.actions-cell',
      routeLink(`#/workloads/${w.workloadId}`, { 'aria-label': `View details of ${name}` }, 'View details'),
      routeLink(`#/workloads/${w.workloadId}/edit`, { 'aria-label': `Edit ${name}` }, 'Edit'),
      del));
}

/**
 * The search box and the two filters, each labelled; `sync` shows a state set elsewhere (a
 * sort, Clear filters). Typing filters at once: the list is already in memory.
 * @param {import('../models/workload-list.js').ListState} state
 * @param {(change: Partial<import('../models/workload-list.js').ListState>) => void} onChange
 */
function listControls(state, onChange) {
  const [searchId, riskId, statusId] = [nextId('wl-search'), nextId('wl-risk'), nextId('wl-status')];
  const search = h('input', { id: searchId, type: 'search', value: state.q, autocomplete: 'off', maxlength: '200' });
  const risk = h('select', { id: riskId }, RISK_FILTERS.map(([v, text]) => h('option', { value: v }, text)));
  const status = h('select', { id: statusId }, h('option', { value: '' }, 'Any status'),
    IMPROVEMENT_STATUS.map(([v, text]) => h('option', { value: v }, text)));
  const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear search and filters');
  search.addEventListener('input', () => onChange({ q: search.value }));
  risk.addEventListener('change', () => onChange({ risk: /** @type {import('../models/workload-list.js').RiskFilter} */ (risk.value) }));
  status.addEventListener('change', () => onChange({ status: status.value }));
  clear.addEventListener('click', () => {
    onChange({ q: DEFAULT_STATE.q, risk: DEFAULT_STATE.risk, status: DEFAULT_STATE.status });
    search.focus();
  });
  const node = h('div.list-controls', { role: 'search', 'aria-label': 'Find workloads' },
    h('div.inline-field.list-search',
      h('label', { for: searchId }, 'Search by name, review owner or tag'), search),
    h('div.inline-field', h('label', { for: riskId }, 'Risk'), risk),
    h('div.inline-field', h('label', { for: statusId }, 'Improvement status'), status),
    clear);
  return {
    node,
    /** @param {import('../models/workload-list.js').ListState} s */
    sync(s) {
      if (search.value !== s.q) search.value = s.q;
      risk.value = s.risk;
      status.value = s.status;
      clear.hidden = !s.q && !s.risk && !s.status;
    },
  };
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
