// @ts-check
// Dashboard: totals, high and medium issues per pillar (chart + table), issues per workload
// per pillar, and improvement items across workloads; filters by pillar and risk. The engine
// computes it (workspace.dashboard); this view only draws it, with the pillars grouped by the
// lens they come from (a custom lens's pillars apart from the framework's).
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { formatDate, isoDate, IMPROVEMENT_STATUS, label, NO_RISKS } from '../ui/format.js';
import { riskBadge } from '../ui/risk.js';
import { issuesChart } from '../ui/chart.js';
import { scrollTable } from '../ui/table.js';
import { flatQuestions, questionHeading } from '../ui/lens-text.js';
import { groupPillars } from '../models/pillar-groups.js';
import { prioritizedPanel } from './dashboard-profiles.js';

/**
 * The lenses whose pillars the dashboard can show, the framework first (its pillar ids are
 * shared by the other AWS lenses), each with its pillar ids; drafts and unreadable lenses left
 * out (their pillars then fall under "Other pillars").
 * @returns {Promise<{lensAlias: string, lensName: string, pillarIds: string[]}[]>}
 */
async function lensPillars() {
  const listed = (await api.lenses()).filter((l) => l.lensStatus !== 'DRAFT');
  const ordered = [...listed.filter((l) => l.lensAlias === 'wellarchitected'), ...listed.filter((l) => l.lensAlias !== 'wellarchitected')];
  const found = await Promise.all(ordered.map(async (l) => {
    try {
      const model = await api.lensModel(l.lensAlias);
      return { lensAlias: l.lensAlias, lensName: l.lensName, pillarIds: model.pillars.map((p) => p.id) };
    } catch {
      return null;
    }
  }));
  return found.filter((l) => l !== null);
}

/**
 * One pillar cell of the workload table: "2 high" over "0 medium", each kept on one line, so
 * the cell reads as words and the column stays narrow.
 * @param {import('../pkg/plumbline.js').RiskCounts} x @param {('high' | 'medium')[]} series
 */
function pillarCell(x, series) {
  return h('td.num.pillar-counts', series.map((s) => h('span.count-line', { dataset: { risk: s } },
    s === 'high' ? `${x.HIGH} high` : `${x.MEDIUM} medium`)));
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Dashboard');
  const [all, lenses] = await Promise.all([api.dashboard({}), lensPillars()]);
  const pillarNames = new Map(all.pillars.map((p) => [p.pillarId, p.pillarName]));
  const workloadNames = new Map(all.workloads.map((w) => [w.workloadId, w.workloadName]));
  const numbering = new Map();
  for (const alias of new Set(all.improvements.map((i) => i.lensAlias))) {
    try {
      const model = await api.lensModel(alias);
      numbering.set(alias, { name: model.name || alias, questions: new Map(flatQuestions(model).map((e) => [e.question.id, e])) });
    } catch {
      numbering.set(alias, { name: alias, questions: new Map() });
    }
  }

  const pillarFilterId = nextId('dash-pillar');
  const riskFilterId = nextId('dash-risk');
  const pillarFilter = h('select', { id: pillarFilterId }, h('option', { value: '' }, 'All pillars'),
    all.pillars.map((p) => h('option', { value: p.pillarId }, p.pillarName)));
  const riskFilter = h('select', { id: riskFilterId }, h('option', { value: '' }, 'High and medium'),
    h('option', { value: 'HIGH' }, 'High risk'), h('option', { value: 'MEDIUM' }, 'Medium risk'));
  const host = h('div.dashboard-body', { 'aria-live': 'polite' });

  /** @param {import('../pkg/plumbline.js').Dashboard} d */
  function draw(d) {
    const rf = riskFilter.value;
    /** @type {('high' | 'medium')[]} */
    const series = rf === 'HIGH' ? ['high'] : rf === 'MEDIUM' ? ['medium'] : ['high', 'medium'];
    const groups = groupPillars(d.pillars, lenses);
    const grouped = groups.length > 1;
    const chartRows = groups.flatMap((g) => g.pillars.map((p) => {
      const c = p.riskCounts;
      return { label: p.pillarName, high: c.HIGH, medium: c.MEDIUM, group: g.lensName };
    }));
    const shownPillars = groups.flatMap((g) => g.pillars.map((p) => [p.pillarId, p.pillarName]));

    // With pillars of several lenses, a first header row names each lens over its pillars.
    const span = grouped ? { rowspan: '2' } : {};
    const workloadTable = h('table.data.workload-reviews',
      h('caption.visually-hidden', 'Issues per workload and pillar'),
      h('thead', h('tr',
        h('th', { scope: 'col', ...span }, 'Workload'),
        h('th', { scope: 'col', ...span }, 'Questions answered'),
        series.includes('high') ? h('th', { scope: 'col', ...span }, 'High risks') : null,
        series.includes('medium') ? h('th', { scope: 'col', ...span }, 'Medium risks') : null,
        grouped
          ? groups.map((g) => h('th.lens-head', { scope: 'colgroup', colspan: String(g.pillars.length), dataset: { lens: g.lensAlias } }, g.lensName))
          : shownPillars.map(([, name]) => h('th.pillar-head', { scope: 'col' }, name)),
        h('th', { scope: 'col', ...span }, 'Improvement status'),
        h('th', { scope: 'col', ...span }, 'Last updated')),
      grouped ? h('tr', shownPillars.map(([, name]) => h('th.pillar-head', { scope: 'col' }, name))) : null),
      h('tbody', d.workloads.map((w) => {
        const c = w.riskCounts;
        const byPillar = new Map(w.pillars.map((p) => [p.pillarId, p.riskCounts]));
        return h('tr', { dataset: { workloadId: w.workloadId } },
          h('th', { scope: 'row' }, routeLink(`#/workloads/${w.workloadId}`, {}, w.workloadName)),
          h('td.num', `${w.questionsAnswered}/${w.questionCount}`),
          series.includes('high') ? h('td.num', String(c.HIGH)) : null,
          series.includes('medium') ? h('td.num', String(c.MEDIUM)) : null,
          shownPillars.map(([id]) => pillarCell(byPillar.get(id) ?? NO_RISKS, series)),
          h('td', label(IMPROVEMENT_STATUS, w.improvementStatus)),
          h('td', h('time', { datetime: isoDate(w.updatedAt) }, formatDate(w.updatedAt))));
      })));

    const items = d.improvements.map((item) => {
      const lens = numbering.get(item.lensAlias) || { name: item.lensAlias, questions: new Map() };
      const e = lens.questions.get(item.questionId);
      const title = e ? questionHeading(e) : item.questionTitle || item.questionId;
      return h('tr', { dataset: { questionId: item.questionId, risk: item.risk } },
        h('td', riskBadge(item.risk)),
        h('th', { scope: 'row' }, title),
        // One bulleted line per workload, so stacked names read as separate links.
        h('td', h('ul.workload-links', item.workloadIds.map((id) => h('li',
          routeLink(`#/workloads/${id}/lenses/${encodeURIComponent(item.lensAlias)}/plan`,
            { 'aria-label': `Improvement plan of ${workloadNames.get(id) || id}` }, workloadNames.get(id) || id))))),
        h('td', lens.name),
        h('td', pillarNames.get(item.pillarId) || item.pillarId));
    });

    host.replaceChildren(
      h('section.panel', { 'aria-labelledby': 'dash-res' },
        h('h2', { id: 'dash-res' }, 'Totals across workloads'),
        h('dl.totals',
          h('div', h('dt', 'Total workload reviews'), h('dd', { dataset: { total: 'workloads' } }, String(d.totals.workloads))),
          h('div', h('dt', 'With high risks'), h('dd', { dataset: { total: 'high' } }, String(d.totals.workloadsWithHighRisks))),
          h('div', h('dt', 'With medium risks'), h('dd', { dataset: { total: 'medium' } }, String(d.totals.workloadsWithMediumRisks))),
          h('div', h('dt', 'High risk issues'), h('dd', { dataset: { total: 'high-issues' } }, String(d.totals.highRisks))),
          h('div', h('dt', 'Medium risk issues'), h('dd', { dataset: { total: 'medium-issues' } }, String(d.totals.mediumRisks))))),
      h('section.panel', { 'aria-labelledby': 'dash-chart' },
        h('h2', { id: 'dash-chart' }, 'Issues per pillar'),
        issuesChart('High and medium issues per pillar, all workloads', chartRows, series)),
      h('section.panel', { 'aria-labelledby': 'dash-wl' },
        h('h2', { id: 'dash-wl' }, 'Workload reviews'),
        d.workloads.length ? scrollTable('Issues per workload and pillar', workloadTable) : h('p', 'No workloads match.')),
      h('section.panel', { 'aria-labelledby': 'dash-items' },
        h('h2', { id: 'dash-items' }, `Improvement items across workloads (${items.length})`),
        items.length
          ? scrollTable('Improvement items across workloads', h('table.data',
            h('thead', h('tr',
              h('th', { scope: 'col' }, 'Risk'), h('th', { scope: 'col' }, 'Question'), h('th', { scope: 'col' }, 'Workloads'),
              h('th', { scope: 'col' }, 'Lens'), h('th', { scope: 'col' }, 'Pillar'))),
            h('tbody', items)))
          : h('p', 'No improvement items match.')));
  }

  let token = 0;
  async function refilter() {
    const mine = ++token;
    /** @type {import('../pkg/plumbline.js').DashboardFilter} */
    const filter = {};
    if (pillarFilter.value) filter.pillars = [pillarFilter.value];
    if (riskFilter.value) filter.risks = [/** @type {'HIGH' | 'MEDIUM'} */ (riskFilter.value)];
    const d = await api.dashboard(filter);
    if (mine === token) {
      draw(d);
      host.dataset.filtered = `${pillarFilter.value}|${riskFilter.value}`;
    }
  }
  pillarFilter.addEventListener('change', refilter);
  riskFilter.addEventListener('change', refilter);
  draw(all);
  host.dataset.filtered = '|';

  return h('section.page',
    h('h1', 'Dashboard'),
    consolidatedLink(),
    damagedNotice(all.damagedWorkloads),
    h('div.filters', { role: 'group', 'aria-label': 'Filter the dashboard' },
      h('div.inline-field', h('label', { for: pillarFilterId }, 'Filter by pillar'), pillarFilter),
      h('div.inline-field', h('label', { for: riskFilterId }, 'Filter by risk'), riskFilter)),
    host,
    await prioritizedPanel(all.workloads));
}

/** The way to the consolidated report (its own page: www/views/consolidated.js). */
function consolidatedLink() {
  return h('p.consolidated-link',
    routeLink('#/dashboard/consolidated', { class: 'button secondary' }, 'Consolidated report'),
    ' Every workload side by side, to print or download as XLSX, JSON or CSV.');
}

/** Says how many workloads the figures leave out because their records cannot be read. */
/** @param {import('../pkg/plumbline.js').DamagedRecord[]} damaged */
function damagedNotice(damaged) {
  if (damaged.length === 0) return null;
  const n = damaged.length;
  return h('div.banner.damaged-notice', { role: 'note' },
    h('p', `${n} ${n === 1 ? 'workload is' : 'workloads are'} left out of these figures because ${n === 1 ? 'its stored record is' : 'their stored records are'} damaged.`),
    routeLink('#/workloads', { class: 'button secondary' }, 'Review damaged workloads'));
}
