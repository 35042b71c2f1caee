// Dashboard: totals, high and medium issues per pillar (chart + table), issues per workload
// per pillar, and improvement items across workloads; filters by pillar and risk.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { counts, formatDate, isoDate } from '../ui/format.js';
import { riskBadge } from '../ui/risk.js';
import { issuesChart } from '../ui/chart.js';
import { scrollTable } from '../ui/table.js';
import { flatQuestions, questionHeading, pillarName } from '../ui/lens-text.js';

async function collect() {
  const workloads = await api.listWorkloads();
  const pillars = new Map(); // id → name, in first-seen order
  const rows = await Promise.all(workloads.map(async (w) => {
    const lenses = await Promise.all((w.lenses || []).map(async (alias) => {
      const [model, review, items] = await Promise.all([
        api.lensModel(alias), api.getLensReview(w.workloadId, alias), api.improvementPlan(w.workloadId, alias),
      ]);
      return { alias, model, review, items };
    }));
    return { w, lenses };
  }));
  for (const { lenses } of rows) for (const l of lenses) for (const p of l.model.pillars) if (!pillars.has(p.id)) pillars.set(p.id, p.name);
  return { rows, pillars };
}

export async function render(ctx) {
  ctx.setTitle('Dashboard');
  const { rows, pillars } = await collect();

  const pillarFilterId = nextId('dash-pillar');
  const riskFilterId = nextId('dash-risk');
  const pillarFilter = h('select', { id: pillarFilterId }, h('option', { value: '' }, 'All pillars'),
    [...pillars].map(([id, name]) => h('option', { value: id }, name)));
  const riskFilter = h('select', { id: riskFilterId }, h('option', { value: '' }, 'High and medium'),
    h('option', { value: 'HIGH' }, 'High risk'), h('option', { value: 'MEDIUM' }, 'Medium risk'));
  const host = h('div.dashboard-body');

  function perPillar(lenses, pillarId) {
    let high = 0;
    let medium = 0;
    for (const l of lenses) {
      for (const p of l.review.pillarReviewSummaries || []) {
        if (p.pillarId !== pillarId) continue;
        const c = counts(p.riskCounts);
        high += c.HIGH;
        medium += c.MEDIUM;
      }
    }
    return { high, medium };
  }

  function draw() {
    const pf = pillarFilter.value;
    const rf = riskFilter.value;
    const series = rf === 'HIGH' ? ['high'] : rf === 'MEDIUM' ? ['medium'] : ['high', 'medium'];
    const shownPillars = [...pillars].filter(([id]) => !pf || id === pf);

    // Totals
    const totals = rows.map(({ w, lenses }) => {
      const t = shownPillars.reduce((acc, [id]) => {
        const x = perPillar(lenses, id);
        return { high: acc.high + x.high, medium: acc.medium + x.medium };
      }, { high: 0, medium: 0 });
      return { w, lenses, ...t };
    });
    const withHigh = totals.filter((t) => t.high > 0).length;
    const withMedium = totals.filter((t) => t.medium > 0).length;

    const chartRows = shownPillars.map(([id, name]) => {
      const sum = { label: name, high: 0, medium: 0 };
      for (const { lenses } of rows) {
        const x = perPillar(lenses, id);
        sum.high += x.high;
        sum.medium += x.medium;
      }
      return sum;
    });

    const workloadTable = h('table.data',
      h('caption.visually-hidden', 'Issues per workload and pillar'),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Workload'),
        series.includes('high') ? h('th', { scope: 'col' }, 'High risks') : null,
        series.includes('medium') ? h('th', { scope: 'col' }, 'Medium risks') : null,
        shownPillars.map(([, name]) => h('th', { scope: 'col' }, name)),
        h('th', { scope: 'col' }, 'Last updated'))),
      h('tbody', totals
        .filter((t) => !rf || (rf === 'HIGH' ? t.high > 0 : t.medium > 0))
        .map((t) => h('tr', { dataset: { workloadId: t.w.workloadId } },
          h('th', { scope: 'row' }, routeLink(`#/workloads/${t.w.workloadId}`, {}, t.w.workloadName)),
          series.includes('high') ? h('td.num', String(t.high)) : null,
          series.includes('medium') ? h('td.num', String(t.medium)) : null,
          shownPillars.map(([id]) => {
            const x = perPillar(t.lenses, id);
            return h('td.num', series.map((s) => (s === 'high' ? `H ${x.high}` : `M ${x.medium}`)).join(' · '));
          }),
          h('td', h('time', { datetime: isoDate(t.w.updatedAt) }, formatDate(t.w.updatedAt)))))));

    const itemRows = [];
    for (const { w, lenses } of rows) {
      for (const l of lenses) {
        const numbering = new Map(flatQuestions(l.model).map((e) => [e.question.id, e]));
        for (const item of l.items) {
          if (pf && item.pillarId !== pf) continue;
          if (rf && item.risk !== rf) continue;
          const e = numbering.get(item.questionId);
          itemRows.push({ w, l, item, title: e ? questionHeading(e) : item.questionTitle || item.questionId });
        }
      }
    }
    itemRows.sort((a, b) => (a.item.risk === b.item.risk ? 0 : a.item.risk === 'HIGH' ? -1 : 1));

    host.replaceChildren(
      h('section.panel', { 'aria-labelledby': 'dash-res' },
        h('h2', { id: 'dash-res' }, 'Resources'),
        h('dl.totals',
          h('div', h('dt', 'Total workload reviews'), h('dd', { dataset: { total: 'workloads' } }, String(rows.length))),
          h('div', h('dt', 'With high risks'), h('dd', { dataset: { total: 'high' } }, String(withHigh))),
          h('div', h('dt', 'With medium risks'), h('dd', { dataset: { total: 'medium' } }, String(withMedium))))),
      h('section.panel', { 'aria-labelledby': 'dash-chart' },
        h('h2', { id: 'dash-chart' }, 'Issues per pillar'),
        issuesChart('High and medium issues per pillar, all workloads', chartRows, series)),
      h('section.panel', { 'aria-labelledby': 'dash-wl' },
        h('h2', { id: 'dash-wl' }, 'Workload reviews'),
        rows.length ? scrollTable('Issues per workload and pillar', workloadTable) : h('p', 'No workloads yet.')),
      h('section.panel', { 'aria-labelledby': 'dash-items' },
        h('h2', { id: 'dash-items' }, `Improvement items across workloads (${itemRows.length})`),
        itemRows.length
          ? scrollTable('Improvement items across workloads', h('table.data',
            h('thead', h('tr',
              h('th', { scope: 'col' }, 'Risk'), h('th', { scope: 'col' }, 'Question'), h('th', { scope: 'col' }, 'Workload'),
              h('th', { scope: 'col' }, 'Lens'), h('th', { scope: 'col' }, 'Pillar'))),
            h('tbody', itemRows.map(({ w, l, item, title }) => h('tr', { dataset: { questionId: item.questionId, risk: item.risk } },
              h('td', riskBadge(item.risk)),
              h('th', { scope: 'row' }, routeLink(`#/workloads/${w.workloadId}/lenses/${encodeURIComponent(l.alias)}/plan`, {}, title)),
              h('td', w.workloadName),
              h('td', l.model.name || l.alias),
              h('td', pillarName(l.model, item.pillarId)))))))
          : h('p', 'No improvement items match.')));
  }

  pillarFilter.addEventListener('change', draw);
  riskFilter.addEventListener('change', draw);
  draw();

  return h('section.page',
    h('h1', 'Dashboard'),
    h('div.filters', { role: 'group', 'aria-label': 'Filter the dashboard' },
      h('div.inline-field', h('label', { for: pillarFilterId }, 'Filter by pillar'), pillarFilter),
      h('div.inline-field', h('label', { for: riskFilterId }, 'Filter by risk'), riskFilter)),
    host);
}
