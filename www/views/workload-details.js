// @ts-check
// Workload details: Overview, Milestones, Properties and Shares tabs. A shared workload also
// shows its team sync panel; the sharing code (../sync/shares-ui.js) is a chunk of its own that
// only the Shares tab and shared workloads load.
import * as api from '../api.js';
import { h, routeLink, externalLink } from '../ui/dom.js';
import { IMPROVEMENT_STATUS, label, formatDate, isoDate, answeredOf } from '../ui/format.js';
import { riskSummary } from '../ui/risk.js';
import { tabNav } from '../ui/tabs.js';
import { scrollTable } from '../ui/table.js';
import { describedRows, listText, propRow } from '../ui/workload-props.js';
import { compareForm } from '../ui/compare-form.js';
import { exportPanel } from '../ui/export-panel.js';
import { lensName } from '../ui/lens-text.js';
import { deleteWorkloadFlow, saveMilestoneFlow } from './workload-actions.js';
import { templateUpdatePanel } from '../ui/template-update.js';
import { profilePanel } from './workload-profile.js';
import { readOnlyReason, sharedRole } from '../sync/shared-list.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId, tab } = ctx.params;
  const w = await api.getWorkload(workloadId);
  const lenses = await Promise.all(w.lenses.map(async (alias) => {
    const review = await api.getLensReview(workloadId, alias);
    const model = await api.lensModel(alias, review.lensVersion);
    return { alias, review, model };
  }));
  // The workload's counts are over its applied lenses (the engine keeps them).
  const total = w.riskCounts;
  const { answered, total: questionCount } = answeredOf(total);
  /** @type {Record<string, string>} */
  const tabTitles = { overview: 'Overview', milestones: 'Milestones', properties: 'Properties', shares: 'Shares' };
  ctx.setTitle(`${w.workloadName} — ${tabTitles[tab]}`);

  const nextLens = lenses.find((l) => l.review.riskCounts.UNANSWERED > 0) || lenses[0];
  const reviewLabel = answered === 0 ? 'Start reviewing' : 'Continue reviewing';
  const reviewRoute = nextLens ? `#/workloads/${workloadId}/lenses/${encodeURIComponent(nextLens.alias)}/review` : null;

  const readOnly = readOnlyReason(workloadId);
  const saveMilestone = h('button', { type: 'button', class: 'secondary', disabled: Boolean(readOnly), on: { click: () => saveMilestoneFlow(ctx, w) } }, 'Save milestone');
  const del = h('button', { type: 'button', class: 'secondary danger-text', on: { click: () => deleteWorkloadFlow(ctx, w) } }, 'Delete workload');

  const head = h('div.page-head',
    h('div',
      h('h1', w.workloadName),
      w.architecturalDesign ? h('p.subtle', 'Architectural design: ', externalLink(w.architecturalDesign, w.architecturalDesign)) : null),
    h('div.head-actions',
      reviewRoute ? routeLink(reviewRoute, { class: 'button primary' }, reviewLabel) : null,
      readOnly ? null : routeLink(`#/workloads/${workloadId}/edit`, { class: 'button secondary' }, 'Edit'),
      routeLink(`#/workloads/${workloadId}/report`, { class: 'button secondary' }, 'Generate report'),
      saveMilestone,
      del));

  let body;
  if (tab === 'overview') body = h('div', await templateUpdatePanel(ctx, w), overview(), await profilePanel(ctx, w));
  else if (tab === 'milestones') body = await milestones();
  else if (tab === 'shares') body = await (await import('../sync/shares-ui.js')).sharesTab(ctx, w);
  else body = properties();

  // A shared workload: its sync state, conflicts and activity, on every tab.
  const sync = sharedRole(workloadId)
    ? await (await import('../sync/shares-ui.js')).syncPanel({ workspace: api.open, announce: ctx.announce, reload: ctx.reload }, workloadId)
    : null;

  function overview() {
    const banner = reviewRoute && answered < questionCount
      ? h('div.banner', { role: 'note' },
        h('p', `${questionCount - answered} of ${questionCount} questions are not answered yet. `,
          `Choose ${reviewLabel} to document the state of this workload.`),
        routeLink(reviewRoute, { class: 'button primary' }, reviewLabel))
      : null;
    const lensRows = lenses.map(({ alias, review, model }) => {
      const c = review.riskCounts;
      const a = answeredOf(review.riskCounts);
      const name = model.name || alias;
      return h('tr', { dataset: { lens: alias } },
        h('th', { scope: 'row' }, routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(alias)}`, { 'aria-label': `${name}: lens overview and notes` }, name)),
        h('td.num', `${a.answered}/${a.total}`),
        h('td.num', String(c.HIGH)),
        h('td.num', String(c.MEDIUM)),
        h('td', a.answered === 0 ? 'Not started' : a.answered < a.total ? 'In progress' : 'Answered'),
        h('td.actions-cell',
          routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(alias)}/review`, { 'aria-label': `${a.answered === 0 ? 'Start' : 'Continue'} reviewing ${name}` },
            a.answered === 0 ? 'Start reviewing' : 'Continue reviewing'),
          routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(alias)}/plan`, { 'aria-label': `Improvement plan of ${name}` }, 'Improvement plan')));
    });
    return h('div',
      banner,
      h('section.panel', { 'aria-labelledby': 'wo-h' },
        h('h2', { id: 'wo-h' }, 'Workload overview'),
        riskSummary(total, { id: 'workload-risks' }),
        h('dl.props',
          h('div', h('dt', 'Improvement status'), h('dd', label(IMPROVEMENT_STATUS, w.improvementStatus))),
          h('div', h('dt', 'Last updated'), h('dd', h('time', { datetime: isoDate(w.updatedAt) }, formatDate(w.updatedAt))))),
        h('h3', 'Workload notes'),
        w.notes ? h('p.notes', w.notes) : h('p.subtle', 'No notes. Choose Edit to add them.')),
      h('section.panel', { 'aria-labelledby': 'lenses-h' },
        h('h2', { id: 'lenses-h' }, 'Lenses'),
        scrollTable('Lenses', h('table.data',
          h('thead', h('tr',
            h('th', { scope: 'col' }, 'Lens'),
            h('th', { scope: 'col' }, 'Questions answered'),
            h('th', { scope: 'col' }, 'High risks'),
            h('th', { scope: 'col' }, 'Medium risks'),
            h('th', { scope: 'col' }, 'State'),
            h('th', { scope: 'col' }, 'Actions'))),
          h('tbody', lensRows))),
      exportPanel({
        workloadName: w.workloadName,
        lenses: lenses.map((l) => ({
          alias: l.alias, name: lensName(l.model, l.alias), pillars: l.model.pillars.map((p) => ({ id: p.id, name: p.name })),
        })),
        exportReport: (options) => api.exportReport(workloadId, options),
        exportData: (options) => api.exportData(workloadId, options),
      })));
  }

  async function milestones() {
    const list = (await api.listMilestones(workloadId)).sort((a, b) => b.milestoneNumber - a.milestoneNumber);
    if (list.length === 0) {
      return h('section.panel', { 'aria-labelledby': 'ms-h' },
        h('h2', { id: 'ms-h' }, 'Milestones'),
        h('p', 'No milestones yet. A milestone records the state of the workload at a point in time; save one after your first review and after each round of improvements.'));
    }
    const rows = list.map((m) => {
      const c = m.riskCounts;
      return h('tr', { dataset: { milestone: String(m.milestoneNumber) } },
        h('th', { scope: 'row' }, routeLink(`#/workloads/${workloadId}/milestones/${m.milestoneNumber}`, {}, m.milestoneName)),
        h('td.num', String(c.HIGH)),
        h('td.num', String(c.MEDIUM)),
        h('td', h('time', { datetime: isoDate(m.recordedAt) }, formatDate(m.recordedAt))),
        h('td', routeLink(`#/workloads/${workloadId}/milestones/${m.milestoneNumber}`, { 'aria-label': `View milestone ${m.milestoneName}` }, 'View milestone')));
    });
    return h('div', h('section.panel', { 'aria-labelledby': 'ms-h' },
      h('h2', { id: 'ms-h' }, `Milestones (${list.length})`),
      scrollTable('Milestones', h('table.data',
        h('thead', h('tr',
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col' }, 'High risks'),
          h('th', { scope: 'col' }, 'Medium risks'),
          h('th', { scope: 'col' }, 'Date saved'),
          h('th', { scope: 'col' }, 'Actions'))),
        h('tbody', rows)))),
    h('section.panel', compareForm(ctx, workloadId, list)));
  }

  function properties() {
    const tags = Object.entries(w.tags);
    const lensNames = lenses.map((l) => lensName(l.model, l.alias));
    return h('section.panel', { 'aria-labelledby': 'props-h' },
      h('div.panel-head', h('h2', { id: 'props-h' }, 'Properties'),
        routeLink(`#/workloads/${workloadId}/edit`, { class: 'button secondary', 'aria-label': 'Edit properties' }, 'Edit')),
      h('dl.props',
        propRow('Name', w.workloadName),
        describedRows(w),
        propRow('Lenses', lensNames.join(', ')),
        propRow('Pillar priority', listText(w.pillarPriorities)),
        propRow('Tags', tags.length ? h('ul.plain', tags.map(([k, v]) => h('li', `${k}: ${v}`))) : '—'),
        propRow('Notes', w.notes),
        propRow('Workload ID', h('code', w.workloadId)),
        propRow('Last updated', formatDate(w.updatedAt))));
  }

  const node = h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol', h('li', routeLink('#/workloads', {}, 'Workloads')), h('li', { 'aria-current': 'page' }, w.workloadName))),
    head,
    readOnly ? h('p.banner.read-only', { role: 'note', dataset: { readOnly: '' } }, readOnly, ' Edit and Save milestone are not available.') : null,
    sync?.node,
    tabNav('Workload', [
      ['overview', 'Overview', `#/workloads/${workloadId}`],
      ['milestones', 'Milestones', `#/workloads/${workloadId}/milestones`],
      ['properties', 'Properties', `#/workloads/${workloadId}/properties`],
      ['shares', 'Shares', `#/workloads/${workloadId}/shares`],
    ], tab),
    body);
  return sync ? { node, leave: sync.leave } : node;
}
