// @ts-check
// The workload report as DOM: first a one-screen summary (totals over every lens, a table of
// pillars, the top improvement items), then the workload's properties, then per lens its
// counts, every answered question with its risk, selected and not-applicable best practices
// and notes, the unanswered ones in one short list per pillar, and the improvement plan (high
// risks first). Built with h() only, so every text from lenses and users is a text node; the
// same nodes make the page, the printout (a page per pillar) and the downloaded file.
import { h } from './dom.js';
import { REASONS, label, formatDate, isoDate, answeredOf } from './format.js';
import { describedRows, listText, propRow } from './workload-props.js';
import { riskSummary, riskBadge } from './risk.js';
import { planItemList } from './plan-items.js';
import { flatQuestions, questionHeading, pillarName } from './lens-text.js';
import { scrollTable } from './table.js';


/**
 * One lens of the report.
 * @typedef {{alias: string, model: import('../pkg/plumbline.js').LensModel, review: import('../pkg/plumbline.js').LensReview, answers: import('../pkg/plumbline.js').Answer[], plan: import('../pkg/plumbline.js').BacklogItem[]}} ReportLens
 */
/**
 * Everything the report shows, read by the view.
 * @typedef {{workload: import('../pkg/plumbline.js').Workload, milestone: import('../pkg/plumbline.js').Milestone | null, generatedAt: string, engine: string, lenses: ReportLens[]}} ReportData
 */

/** How many improvement items the summary lists. */
export const TOP_ITEMS = 5;

/**
 * The report's article.
 * @param {ReportData} data
 */
export function reportContent(data) {
  const w = data.workload;
  const m = data.milestone;
  const node = h('article.report',
    summarySection(data),
    h('section.report-section', { 'aria-labelledby': 'rp-props' },
      h('h2', { id: 'rp-props' }, 'Workload properties'),
      h('dl.props',
        propRow('Name', w.workloadName),
        m ? propRow('Milestone', `${m.milestoneName} (number ${m.milestoneNumber}, saved ${formatDate(m.recordedAt)})`) : null,
        describedRows(w),
        propRow('Pillar priority', listText(w.pillarPriorities.map((id) => pillarNameIn(data.lenses, id)))),
        propRow('Workload notes', w.notes ? h('span.notes', w.notes) : '—'),
        propRow('Last updated', formatDate(w.updatedAt)),
        propRow('Report generated', h('time', { datetime: isoDate(data.generatedAt) }, formatDate(data.generatedAt))),
        propRow('Plumbline engine', data.engine))),
    data.lenses.map((l) => lensSection(l)));
  for (const d of node.querySelectorAll('details')) d.open = true;
  return node;
}

/**
 * A pillar's name from the first lens that has it (its id when none does).
 * @param {ReportLens[]} lenses
 * @param {string} pillarId
 */
function pillarNameIn(lenses, pillarId) {
  const lens = lenses.find((l) => l.model.pillars.some((p) => p.id === pillarId));
  return lens ? pillarName(lens.model, pillarId) : pillarId;
}

/**
 * The one-screen summary: totals over every lens, a row per pillar of each lens, and the
 * first improvement items (HIGH before MEDIUM, each lens's plan order).
 * @param {ReportData} data
 */
function summarySection(data) {
  /** @type {import('../pkg/plumbline.js').RiskCounts} */
  const total = { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
  for (const l of data.lenses) {
    for (const k of /** @type {(keyof typeof total)[]} */ (Object.keys(total))) total[k] += l.review.riskCounts[k];
  }
  const several = data.lenses.length > 1;
  const items = data.lenses.flatMap((l) => {
    const numbering = new Map(flatQuestions(l.model).map((e) => [e.question.id, e]));
    return l.plan.map((item) => ({ item, lens: l, entry: numbering.get(item.questionId) }));
  });
  const top = [...items.filter((i) => i.item.risk === 'HIGH'), ...items.filter((i) => i.item.risk === 'MEDIUM')].slice(0, TOP_ITEMS);
  return h('section.report-section.report-summary', { 'aria-labelledby': 'rp-summary' },
    h('h2', { id: 'rp-summary' }, 'Summary'),
    riskSummary(total),
    scrollTable('Risks by pillar', h('table.data',
      h('caption', 'Risks by pillar'),
      h('thead', h('tr', [several ? 'Lens' : null, 'Pillar', 'Questions answered', 'High risks', 'Medium risks']
        .filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', data.lenses.flatMap((l) => l.review.pillarReviewSummaries.map((p) => {
        const a = answeredOf(p.riskCounts);
        return h('tr', { dataset: { pillar: p.pillarId } },
          several ? h('td', l.model.name || l.alias) : null,
          h('th', { scope: 'row' }, p.pillarName || p.pillarId),
          h('td.num', `${a.answered}/${a.total}`), h('td.num', String(p.riskCounts.HIGH)), h('td.num', String(p.riskCounts.MEDIUM)));
      }))))),
    h('h3', 'Top improvement items'),
    top.length === 0
      ? h('p', 'No question has a high or medium risk.')
      : h('ul.top-items', top.map(({ item, lens, entry }) => h('li', { dataset: { questionId: item.questionId, risk: item.risk } },
        riskBadge(item.risk), ' ',
        entry ? questionHeading(entry) : item.questionTitle,
        several ? h('span.subtle', ` (${lens.model.name || lens.alias})`) : null))),
    items.length > top.length ? h('p.subtle', `${items.length - top.length} more in the improvement plan of each lens below.`) : null);
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
    model.pillars.map((pillar) => {
      const entries = flatQuestions(model).filter((e) => e.pillar === pillar).map((e) => ({ e, a: answerOf(byQ, e.question.id) }));
      const unanswered = entries.filter(({ a }) => a.risk === 'UNANSWERED');
      const answered = entries.filter(({ a }) => a.risk !== 'UNANSWERED');
      return h('div.report-pillar', { dataset: { pillar: pillar.id } },
        h('h4', pillar.name),
        pillarNotes.get(pillar.id) ? h('p.notes', h('strong', 'Pillar notes: '), pillarNotes.get(pillar.id)) : null,
        answered.length ? h('ul.answer-list', answered.map(({ e, a }) => questionItem(e, a))) : null,
        unanswered.length
          ? h('div.report-unanswered',
            h('p.report-label', `Unanswered (${unanswered.length}):`),
            h('ul', unanswered.map(({ e }) => h('li', { dataset: { questionId: e.question.id } }, questionHeading(e)))))
          : null);
    }),
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
      : !a.isApplicable ? null : h('p.subtle', 'No best practice selected.'),
    na.length
      ? [h('p.report-label', 'Best practices that do not apply:'),
        h('ul', na.map((c) => {
          const w = /** @type {import('../pkg/plumbline.js').ChoiceAnswer} */ (waived.get(c.id));
          return h('li', c.title, ` (reason: ${label(REASONS, w.reason ?? 'NONE')})`, w.notes ? ` — ${w.notes}` : '');
        }))]
      : null,
    a.notes ? h('p.notes', h('strong', 'Notes: '), a.notes) : null);
}
