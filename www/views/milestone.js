// @ts-check
// A milestone, read-only: the workload as it was, each lens review with its risks per pillar,
// the answers (with why a question or best practice does not apply, as the report says), and
// the improvement plan frozen at that moment.
//
// The answers show the answered questions by default: a milestone records decisions, and a
// lens of 57 questions with 5 answered would bury them; "All questions" is one click away,
// and the address keeps the choice (`?questions=all`).
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { formatDate, isoDate, IMPROVEMENT_STATUS, label, REASONS } from '../ui/format.js';
import { riskSummary, riskBadge } from '../ui/risk.js';
import { planItemList } from '../ui/plan-items.js';
import { flatQuestions, questionHeading } from '../ui/lens-text.js';
import { scrollTable } from '../ui/table.js';
import { routeQuery, replaceRoute } from '../ui/route-query.js';
import { exportPanel } from '../ui/export-panel.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId } = ctx.params;
  const n = Number(ctx.params.milestoneNumber);
  const m = await api.getMilestone(workloadId, n);
  const snap = m.workload;
  const name = m.milestoneName;
  ctx.setTitle(`Milestone ${name} — ${snap.workloadName}`);
  const total = snap.riskCounts;
  const showAll = routeQuery().get('questions') === 'all';

  const lensSections = await Promise.all(snap.lenses.map(async (alias) => {
    const [review, answers, items] = await Promise.all([
      api.getLensReview(workloadId, alias, n),
      api.listAnswers(workloadId, alias, n),
      api.improvementPlan(workloadId, alias, { milestoneNumber: n, pillarPriority: snap.pillarPriorities }),
    ]);
    const model = await api.lensModel(alias, review.lensVersion);
    const lensName = model.name || alias;
    const byQ = new Map(answers.map((a) => [a.questionId, a]));
    const pillarRows = review.pillarReviewSummaries.map((p) => {
      const c = p.riskCounts;
      const total = Object.values(c).reduce((x, y) => x + y, 0);
      return h('tr', h('th', { scope: 'row' }, p.pillarName),
        h('td.num', `${total - c.UNANSWERED}/${total}`), h('td.num', String(c.HIGH)), h('td.num', String(c.MEDIUM)));
    });
    const answerList = h('ol.answer-list', flatQuestions(model).map((e) => {
      // listAnswers gives every question of the lens, answered or not.
      const a = byQ.get(e.question.id);
      if (!a) throw new Error(`The milestone has no answer for question ${e.question.id}.`);
      const selected = new Set(a.selectedChoices);
      const na = new Set(a.choiceAnswers.filter((c) => c.status === 'NOT_APPLICABLE').map((c) => c.choiceId));
      const chosen = e.question.choices.filter((c) => selected.has(c.id));
      const waived = e.question.choices.filter((c) => na.has(c.id));
      const waiver = new Map(a.choiceAnswers.map((c) => [c.choiceId, c]));
      const unanswered = a.risk === 'UNANSWERED';
      return h('li', { dataset: { questionId: e.question.id, answered: String(!unanswered) }, hidden: unanswered && !showAll },
        h('p.answer-q', h('span.answer-title', questionHeading(e)), ' ', riskBadge(a.risk)),
        !a.isApplicable
          ? h('p.subtle', { dataset: { notApplicable: 'question' } },
            `Question does not apply to this workload. Reason: ${label(REASONS, a.reason ?? 'NONE')}.`)
          : null,
        chosen.length ? h('ul.plain', chosen.map((c) => h('li', '✓ ', c.title))) : null,
        waived.length
          ? h('ul.plain', waived.map((c) => {
            const w = waiver.get(c.id);
            return h('li', { dataset: { notApplicable: c.id } }, '⊘ ', c.title,
              ` (not applicable; reason: ${label(REASONS, w?.reason ?? 'NONE')})`, w?.notes ? ` — ${w.notes}` : '');
          }))
          : null,
        a.notes ? h('p.notes', a.notes) : null);
    }));
    const answeredCount = answers.filter((a) => a.risk !== 'UNANSWERED').length;
    return h('section.panel', { dataset: { lens: alias }, 'aria-label': lensName },
      h('h2', lensName),
      riskSummary(review.riskCounts),
      scrollTable(`${lensName} risks by pillar`, h('table.data',
        h('caption', 'Risks by pillar'),
        h('thead', h('tr', h('th', { scope: 'col' }, 'Pillar'), h('th', { scope: 'col' }, 'Questions answered'),
          h('th', { scope: 'col' }, 'High risks'), h('th', { scope: 'col' }, 'Medium risks'))),
        h('tbody', pillarRows))),
      h('h3', 'Improvement plan'),
      planItemList(items, model),
      h('details.answers',
        h('summary', 'Answers ', h('span.answer-count', { dataset: { answered: String(answeredCount), total: String(answers.length) } },
          `(${answeredCount} of ${answers.length} questions answered)`)),
        answerList));
  }));

  return h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(`#/workloads/${workloadId}`, {}, snap.workloadName)),
        h('li', routeLink(`#/workloads/${workloadId}/milestones`, {}, 'Milestones')),
        h('li', { 'aria-current': 'page' }, name))),
    h('div.page-head',
      h('h1', `Milestone: ${name}`),
      h('div.head-actions',
        routeLink(`#/workloads/${workloadId}/compare/${m.milestoneNumber}/current`, { class: 'button secondary' }, 'Compare with current state'),
        routeLink(`#/workloads/${workloadId}/milestones/${m.milestoneNumber}/report`, { class: 'button secondary' }, 'Generate report'))),
    h('p.banner.read-only', { role: 'note' },
      'This milestone is read-only: it shows the workload as it was when the milestone was saved on ',
      h('time', { datetime: isoDate(m.recordedAt) }, formatDate(m.recordedAt)), '.'),
    questionFilter(showAll),
    h('section.panel', { 'aria-labelledby': 'ms-ov' },
      h('h2', { id: 'ms-ov' }, 'Workload overview'),
      riskSummary(total),
      h('dl.props',
        h('div', h('dt', 'Milestone number'), h('dd', String(m.milestoneNumber))),
        h('div', h('dt', 'Workload'), h('dd', snap.workloadName)),
        h('div', h('dt', 'Improvement status'), h('dd', label(IMPROVEMENT_STATUS, snap.improvementStatus || 'NOT_APPLICABLE'))))),
    lensSections,
    exportPanel({
      workloadName: snap.workloadName,
      milestoneNumber: m.milestoneNumber,
      lenses: lensSections.map((s) => ({ alias: s.dataset.lens ?? '', name: s.getAttribute('aria-label') ?? '' })),
      exportReport: (options) => api.exportReport(workloadId, options),
      exportData: (options) => api.exportData(workloadId, options),
    }));
}

/**
 * "Show in the answers: Answered questions / All questions", two radio buttons that hide or
 * show the unanswered questions of every lens and keep the choice in the address.
 * @param {boolean} showAll
 */
function questionFilter(showAll) {
  const name = nextId('ms-questions');
  /** @param {string} value @param {string} text @param {boolean} checked */
  const option = (value, text, checked) => {
    const id = `${name}-${value}`;
    return h('div.radio', h('input', { type: 'radio', id, name, value, checked }), h('label', { for: id }, text));
  };
  const group = h('fieldset.question-filter', { dataset: { questionFilter: '' } },
    h('legend', 'Questions shown in the answers'),
    option('answered', 'Answered questions', !showAll),
    option('all', 'All questions', showAll));
  group.addEventListener('change', (ev) => {
    const all = /** @type {HTMLInputElement} */ (ev.target).value === 'all';
    const main = group.closest('section.page');
    for (const li of main?.querySelectorAll('li[data-answered="false"]') ?? []) /** @type {HTMLElement} */ (li).hidden = !all;
    const [path] = location.hash.split('?');
    replaceRoute(all ? `${path}?questions=all` : path);
  });
  return group;
}
