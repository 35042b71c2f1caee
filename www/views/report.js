// @ts-check
// The workload report (Generate report), of the workload now or of a milestone: everything in
// one page to read, print (the print stylesheet hides the app around it) or download as a
// self-contained HTML file with no script in it.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { reportContent } from '../ui/report-content.js';
import { reportFile } from '../ui/report-file.js';
import { downloadText, fileName } from '../ui/download.js';
import { printHeader } from '../ui/print-header.js';
import { formatDate } from '../ui/format.js';

/**
 * Everything the report shows, read from the engine.
 * @param {string} workloadId
 * @param {string | undefined} milestoneNumber from the route; none for the workload now
 * @returns {Promise<import('../ui/report-content.js').ReportData>}
 */
async function load(workloadId, milestoneNumber) {
  const milestone = milestoneNumber ? await api.getMilestone(workloadId, milestoneNumber) : null;
  const workload = milestone?.workload || (await api.getWorkload(workloadId));
  const lenses = await Promise.all(workload.lenses.map(async (alias) => {
    const [review, answers, plan] = await Promise.all([
      api.getLensReview(workloadId, alias, milestoneNumber),
      api.listAnswers(workloadId, alias, milestoneNumber),
      api.improvementPlan(workloadId, alias, { pillarPriority: workload.pillarPriorities, ...(milestoneNumber ? { milestoneNumber: Number(milestoneNumber) } : {}) }),
    ]);
    const model = await api.lensModel(alias, review.lensVersion);
    return { alias, model, review, answers, plan };
  }));
  return { workload, milestone, lenses, generatedAt: new Date().toISOString(), engine: await api.engineVersion() };
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId, milestoneNumber } = ctx.params;
  const data = await load(workloadId, milestoneNumber);
  const w = data.workload;
  const title = data.milestone
    ? `Report: ${w.workloadName}, milestone ${data.milestone.milestoneName}`
    : `Report: ${w.workloadName}`;
  ctx.setTitle(title);
  const heading = h('h1', title);
  const content = reportContent(data);
  const status = h('p.save-state', { role: 'status' });

  function download() {
    const text = reportFile(title, [h('h1', title), content]);
    const parts = data.milestone ? [w.workloadName, 'milestone', data.milestone.milestoneNumber, 'report.html'] : [w.workloadName, 'report.html'];
    downloadText(fileName(...parts), text, 'text/html');
    status.textContent = 'Report downloaded.';
  }

  const removeHeader = printHeader(data.milestone ? `${w.workloadName}, milestone ${data.milestone.milestoneName}` : w.workloadName,
    formatDate(data.generatedAt));
  const back = data.milestone ? `#/workloads/${workloadId}/milestones/${data.milestone.milestoneNumber}` : `#/workloads/${workloadId}`;
  const node = h('section.page.report-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(`#/workloads/${workloadId}`, {}, w.workloadName)),
        data.milestone ? h('li', routeLink(back, {}, data.milestone.milestoneName)) : null,
        h('li', { 'aria-current': 'page' }, 'Report'))),
    h('div.page-head',
      heading,
      h('div.head-actions.report-actions',
        h('button', { type: 'button', class: 'primary', on: { click: () => window.print() } }, 'Print'),
        h('button', { type: 'button', class: 'secondary', on: { click: download } }, 'Download report'))),
    status,
    content);
  return { node, leave: removeHeader };
}
