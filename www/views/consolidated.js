// @ts-check
// The consolidated report (AWS GetConsolidatedReport): every workload, or those using one
// lens, side by side; a page to read or print, and XLSX, JSON and CSV downloads.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { RISK_LABELS, formatDate, isoDate } from '../ui/format.js';
import { scrollTable } from '../ui/table.js';
import { safeName, saveFile, engineFile } from '../ui/export-panel.js';
import { printHeader } from '../ui/print-header.js';

/** @typedef {import('../pkg/plumbline.js').ConsolidatedReport} ConsolidatedReport */

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const lensAlias = ctx.params.lensAlias || undefined;
  const [report, lenses] = await Promise.all([
    api.consolidatedReport(lensAlias ? { lensAlias } : {}),
    api.lenses(),
  ]);
  ctx.setTitle('Consolidated report');

  const lensId = nextId('cons-lens');
  const lensChoice = h('select', { id: lensId, on: { change: () => ctx.navigate(lensChoice.value ? `#/dashboard/consolidated/${encodeURIComponent(lensChoice.value)}` : '#/dashboard/consolidated') } },
    h('option', { value: '' }, 'All workloads and lenses'),
    lenses.map((l) => h('option', { value: l.lensAlias, selected: l.lensAlias === lensAlias }, `Workloads using ${l.lensName}`)));
  const status = h('p.save-state', { role: 'status' });
  const error = h('p.error-text', { role: 'alert', hidden: true });

  /** @param {'json' | 'csv' | 'xlsx'} format */
  const download = (format) => saveFile({ status, error }, async () => {
    if (format !== 'xlsx') return engineFile(await api.exportConsolidatedReport({ format, ...(lensAlias ? { lensAlias } : {}) }));
    const { consolidatedBlob } = await import('../xlsx.js');
    return { name: `consolidated-report${lensAlias ? `-${safeName(lensAlias)}` : ''}.xlsx`, blob: await consolidatedBlob(report) };
  });
  const button = (/** @type {'json' | 'csv' | 'xlsx'} */ format, /** @type {string} */ text) =>
    h('button', { type: 'button', class: 'secondary', on: { click: () => download(format) } }, text);

  const lensName = lenses.find((l) => l.lensAlias === lensAlias)?.lensName;
  const removeHeader = printHeader(lensName ? `Consolidated report: ${lensName}` : 'Consolidated report', formatDate(new Date().toISOString()));
  const node = h('section.page.report-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol', h('li', routeLink('#/dashboard', {}, 'Dashboard')), h('li', { 'aria-current': 'page' }, 'Consolidated report'))),
    h('div.page-head',
      h('h1', 'Consolidated report'),
      h('div.head-actions.report-actions',
        h('button', { type: 'button', class: 'primary', on: { click: () => window.print() } }, 'Print'),
        button('xlsx', 'Download XLSX'), button('json', 'Download JSON'), button('csv', 'Download CSV'))),
    h('div.filters.report-actions', h('div.inline-field', h('label', { for: lensId }, 'Show'), lensChoice)),
    error,
    status,
    consolidatedContent(report));
  return { node, leave: removeHeader };
}

/**
 * The report's article: workloads, their risks by lens and pillar, the shared improvements.
 * @param {ConsolidatedReport} report
 */
function consolidatedContent(report) {
  if (report.workloads.length === 0) {
    return h('article.report', h('p', 'No workload to report on. Define a workload, or choose another lens.'));
  }
  const names = new Map(report.workloads.map((w) => [w.workloadId, w.workloadName]));
  const countCells = (/** @type {import('../pkg/plumbline.js').RiskCounts} */ c) =>
    [c.HIGH, c.MEDIUM, c.NONE, c.NOT_APPLICABLE, c.UNANSWERED].map((n) => h('td.num', String(n)));
  const countHeads = ['High', 'Medium', 'None', 'Not applicable', 'Unanswered'].map((t) => h('th', { scope: 'col' }, t));
  return h('article.report',
    h('section.report-section', { 'aria-labelledby': 'cr-w' },
      h('h2', { id: 'cr-w' }, `Workloads (${report.workloads.length})`),
      scrollTable('Workloads', h('table.data',
        h('thead', h('tr', h('th', { scope: 'col' }, 'Workload'), h('th', { scope: 'col' }, 'Review owner'), countHeads, h('th', { scope: 'col' }, 'Last updated'))),
        h('tbody', report.workloads.map((w) => h('tr', { dataset: { workloadId: w.workloadId } },
          h('th', { scope: 'row' }, routeLink(`#/workloads/${w.workloadId}`, {}, w.workloadName)),
          h('td', w.reviewOwner), countCells(w.riskCounts),
          h('td', h('time', { datetime: isoDate(w.updatedAt) }, formatDate(w.updatedAt))))))))),
    h('section.report-section', { 'aria-labelledby': 'cr-p' },
      h('h2', { id: 'cr-p' }, 'Risks by lens and pillar'),
      report.workloads.map((w) => scrollTable(`${w.workloadName}: risks by pillar`, h('table.data',
        h('caption', w.workloadName),
        h('thead', h('tr', h('th', { scope: 'col' }, 'Lens'), h('th', { scope: 'col' }, 'Pillar'), countHeads.map((c) => c.cloneNode(true)))),
        h('tbody', w.lenses.flatMap((l) => l.pillars.map((p) => h('tr',
          h('td', l.lensName), h('th', { scope: 'row' }, p.pillarName), countCells(p.riskCounts))))))))),
    h('section.report-section', { 'aria-labelledby': 'cr-i' },
      h('h2', { id: 'cr-i' }, 'Improvements shared by workloads'),
      report.improvements.length === 0
        ? h('p', 'No question is at high or medium risk.')
        : scrollTable('Improvements shared by workloads', h('table.data',
          h('thead', h('tr', ['Question', 'Risk', 'Workloads', 'Which'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', report.improvements.map((i) => h('tr', { dataset: { questionId: i.questionId } },
            h('th', { scope: 'row' }, i.questionNumber ? `${i.questionNumber} · ${i.questionTitle}` : i.questionTitle),
            h('td', RISK_LABELS[i.risk]),
            h('td.num', String(i.workloadCount)),
            h('td', i.workloadIds.map((id) => names.get(id) ?? id).join(', ')))))))));
}
