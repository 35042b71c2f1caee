// @ts-check
// The workload report as DOM: workload properties, then per lens its risk counts, the counts
// per pillar, every question with its risk, selected and not-applicable best practices,
// notes, and the improvement plan (high risks first). Built with h() only, so every text from
// lenses and users is a text node; the same nodes make the page and the downloaded file.
import { h } from './dom.js';
import { REASONS, RISK_LABELS, label, formatDate, isoDate, answeredOf } from './format.js';
import { describedRows, listText, propRow } from './workload-props.js';
import { riskSummary, riskBadge } from './risk.js';
import { planItemList } from './plan-items.js';
import { flatQuestions, questionHeading } from './lens-text.js';
import { scrollTable } from './table.js';


/**
 * One lens of the report.
 * @typedef {{alias: string, model: import('../pkg/plumbline.js').LensModel, review: import('../pkg/plumbline.js').LensReview, answers: import('../pkg/plumbline.js').Answer[], plan: import('../pkg/plumbline.js').BacklogItem[]}} ReportLens
 */
/**
 * Everything the report shows, read by the view.
 * @typedef {{workload: import('../pkg/plumbline.js').Workload, milestone: import('../pkg/plumbline.js').Milestone | null, generatedAt: string, engine: string, lenses: ReportLens[]}} ReportData
 */

/**
 * The report's article.
 * @param {ReportData} data
 */
export function reportContent(data) {
  const w = data.workload;
  const m = data.milestone;
  const node = h('article.report',
    h('section.report-section', { 'aria-labelledby': 'rp-props' },
      h('h2', { id: 'rp-props' }, 'Workload properties'),
      h('dl.props',
        propRow('Name', w.workloadName),
        m ? propRow('Milestone', `${m.milestoneName} (number ${m.milestoneNumber}, saved ${formatDate(m.recordedAt)})`) : null,
        describedRows(w),
        propRow('Pillar priority', listText(w.pillarPriorities)),
        propRow('Workload notes', w.notes ? h('span.notes', w.notes) : '—'),
        propRow('Last updated', formatDate(w.updatedAt)),
        propRow('Report generated', h('time', { datetime: isoDate(data.generatedAt) }, formatDate(data.generatedAt))),
        propRow('Plumbline engine', data.engine))),
    data.lenses.map((l) => lensSection(l)));
  for (const d of node.querySelectorAll('details')) d.open = true;
  return node;
}

/** @param {ReportLens} lens */
function lensSection({ alias, model, review, answers, plan }) {
  const name = model.name || alias;
  const id = `rp-lens-${alias.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const byQ = new Map(answers.map((a) => [a.questionId, a]));
  const pillarNotes = new Map(review.pillarReviewSummaries.map((p) => [p.pillarId, p.notes]));
  return h('section.report-section.report-lens', { 'aria-labelledby': id, dataset: { lens: alias } },
    h('h2', { id }, `Lens: ${name}`),
    riskSummary(review.riskCounts),
    scrollTable(`${name} risks by pillar`, h('table.data',
      h('caption', `${name}: risks by pillar`),
      h('thead', h('tr', ['Pillar', 'Questions answered', 'High risks', 'Medium risks', 'No risk', 'Not applicable']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', review.pillarReviewSummaries.map((p) => {
        const c = p.riskCounts;
        const a = answeredOf(p.riskCounts);
        return h('tr', { dataset: { pillar: p.pillarId } },
          h('th', { scope: 'row' }, p.pillarName || p.pillarId),
          h('td.num', `${a.answered}/${a.total}`), h('td.num', String(c.HIGH)), h('td.num', String(c.MEDIUM)),
          h('td.num', String(c.NONE)), h('td.num', String(c.NOT_APPLICABLE)));
      })))),
    review.notes ? [h('h3', 'Lens notes'), h('p.notes', review.notes)] : null,
    h('h3', 'Questions'),
    model.pillars.map((pillar) => h('div.report-pillar',
      h('h4', pillar.name),
      pillarNotes.get(pillar.id) ? h('p.notes', h('strong', 'Pillar notes: '), pillarNotes.get(pillar.id)) : null,
      h('ol.answer-list', flatQuestions(model).filter((e) => e.pillar === pillar).map((e) => questionItem(e, answerOf(byQ, e.question.id)))))),
    h('h3', 'Improvement plan'),
    planItemList(plan, model, { level: 4 }));
}

/**
 * The answer to a question; listAnswers gives every question of the lens, answered or not.
 * @param {Map<string, import('../pkg/plumbline.js').Answer>} byQ
 * @param {string} questionId
 */
function answerOf(byQ, questionId) {
  const a = byQ.get(questionId);
  if (!a) throw new Error(`The review has no answer for question ${questionId}.`);
  return a;
}

/**
 * @param {import('./lens-text.js').NumberedQuestion} entry
 * @param {import('../pkg/plumbline.js').Answer} a
 */
function questionItem(entry, a) {
  const q = entry.question;
  const selected = new Set(a.selectedChoices);
  const waived = new Map(a.choiceAnswers.filter((c) => c.status === 'NOT_APPLICABLE').map((c) => [c.choiceId, c]));
  const chosen = q.choices.filter((c) => selected.has(c.id));
  const na = q.choices.filter((c) => waived.has(c.id));
  return h('li.report-question', { dataset: { questionId: q.id, risk: a.risk } },
    h('p.answer-q', h('span.answer-title', questionHeading(entry)), ' ', riskBadge(a.risk)),
    !a.isApplicable
      ? h('p', `Question does not apply to this workload. Reason: ${label(REASONS, a.reason ?? 'NONE')}.`)
      : null,
    chosen.length
      ? [h('p.report-label', 'Selected best practices:'), h('ul', chosen.map((c) => h('li', c.title)))]
      : !a.isApplicable ? null : h('p.subtle', a.risk === 'UNANSWERED' ? RISK_LABELS.UNANSWERED : 'No best practice selected.'),
    na.length
      ? [h('p.report-label', 'Best practices that do not apply:'),
        h('ul', na.map((c) => {
          const w = /** @type {import('../pkg/plumbline.js').ChoiceAnswer} */ (waived.get(c.id));
          return h('li', c.title, ` (reason: ${label(REASONS, w.reason ?? 'NONE')})`, w.notes ? ` — ${w.notes}` : '');
        }))]
      : null,
    a.notes ? h('p.notes', h('strong', 'Notes: '), a.notes) : null);
}
