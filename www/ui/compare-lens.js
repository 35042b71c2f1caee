// @ts-check
// One lens of a comparison: its pillars' High and Medium risks before → after, in words as
// well as numbers, and every question whose answer changed, grouped by how its risk moved,
// each linking (by its number and title) to its review page.
import { h, routeLink } from './dom.js';
import { riskBadge } from './risk.js';
import { scrollTable } from './table.js';
import { changeGroups } from '../models/compare-groups.js';

/**
 * What each kind of change is called on the page.
 * @type {Record<import('../pkg/plumbline.js').RiskChange, string>}
 */
export const CHANGE_LABELS = {
  IMPROVED: 'Improved',
  WORSENED: 'Worsened',
  ANSWERED: 'Newly answered',
  UNANSWERED: 'No longer answered',
  RECLASSIFIED: 'Changed',
  SAME_RISK: 'Answer changed',
};

/**
 * "2 → 1 (1 fewer)": the count before and after, and the difference in words.
 * @param {number} before
 * @param {number} after
 */
export function countChange(before, after) {
  const d = after - before;
  const words = d === 0 ? 'no change' : d < 0 ? `${-d} fewer` : `${d} more`;
  return [h('span.count-pair', `${before} → ${after}`), ' ', h('span.count-delta', `(${words})`)];
}

/** @param {number} before @param {number} after @param {string} kind */
function countCell(before, after, kind) {
  return h('td.num', { dataset: { count: kind, before: String(before), after: String(after) } }, countChange(before, after));
}

/** @param {import('../pkg/plumbline.js').PillarComparison} p */
function pillarRow(p) {
  const b = p.riskCountsBefore;
  const a = p.riskCountsAfter;
  return h('tr', { dataset: { pillar: p.pillarId } },
    h('th', { scope: 'row' }, p.pillarName),
    countCell(b.HIGH, a.HIGH, 'high'),
    countCell(b.MEDIUM, a.MEDIUM, 'medium'));
}

/** @param {string} label @param {import('../pkg/plumbline.js').ChoiceRef[]} choices */
function choiceList(label, choices) {
  if (!choices.length) return null;
  return h('div.compare-choices', h('p.compare-choices-label', `${label}:`),
    h('ul', choices.map((c) => h('li', c.title))));
}

/**
 * How a lens's questions are named on the page: their heading ("OPS 1. How do you …") and
 * their place in the lens, or -1 for a question the lens model does not have.
 * @typedef {{heading: (questionId: string) => string | undefined, position: (questionId: string) => number}} QuestionNames
 */

/**
 * @param {string} workloadId @param {string} alias
 * @param {import('../pkg/plumbline.js').QuestionChange} q @param {QuestionNames} names
 */
function questionItem(workloadId, alias, q, names) {
  const route = `#/workloads/${workloadId}/lenses/${encodeURIComponent(alias)}/review/${encodeURIComponent(q.questionId)}`;
  const sameRisk = q.change === 'SAME_RISK';
  return h('li', { dataset: { questionId: q.questionId, change: q.change } },
    h('p.compare-q',
      h('strong.compare-change', `${CHANGE_LABELS[q.change]}: `),
      routeLink(route, {}, names.heading(q.questionId) ?? q.questionTitle)),
    sameRisk
      ? h('p.compare-risks', riskBadge(q.riskAfter), ' ', h('span.subtle', 'before and after'))
      : h('p.compare-risks', riskBadge(q.riskBefore), h('span', { 'aria-hidden': 'true' }, ' → '),
        h('span.visually-hidden', ' changed to '), riskBadge(q.riskAfter)),
    choiceList('Newly selected', q.selectedChoicesAdded),
    choiceList('No longer selected', q.selectedChoicesRemoved),
    choiceList('Newly marked not applicable', q.notApplicableChoicesAdded),
    choiceList('No longer marked not applicable', q.notApplicableChoicesRemoved),
    q.notesChanged ? h('p.compare-notes', 'The notes changed.') : null);
}

/**
 * The changed questions of one lens, a titled list per kind of risk change.
 * @param {string} workloadId @param {import('../pkg/plumbline.js').LensComparison} lens
 * @param {QuestionNames} names
 */
function changedQuestions(workloadId, lens, names) {
  const groups = changeGroups(lens, names.position);
  const count = groups.reduce((n, g) => n + g.questions.length, 0);
  return [
    h('h3', `Questions whose answer changed (${count})`),
    count
      ? groups.map((g) => h('section.compare-group', { dataset: { group: g.key }, 'aria-label': `${lens.lensName}: ${g.title}` },
        h('h4', `${g.title} (${g.questions.length})`),
        h('ul.plain.compare-questions', g.questions.map((q) => questionItem(workloadId, lens.lensAlias, q, names)))))
      : h('p.subtle', 'No answer changed.'),
  ];
}

/**
 * @param {string} workloadId @param {import('../pkg/plumbline.js').LensComparison} lens
 * @param {QuestionNames} names
 */
export function compareLens(workloadId, lens, names) {
  const headingId = `cmp-${lens.lensAlias}`;
  const b = lens.riskCountsBefore;
  const a = lens.riskCountsAfter;
  return h('section.panel', { dataset: { lens: lens.lensAlias }, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, lens.lensName),
    h('dl.compare-totals',
      h('div', h('dt', 'High risks'), h('dd', { dataset: { count: 'high' } }, countChange(b.HIGH, a.HIGH))),
      h('div', h('dt', 'Medium risks'), h('dd', { dataset: { count: 'medium' } }, countChange(b.MEDIUM, a.MEDIUM))),
      h('div', h('dt', 'Questions answered'),
        h('dd', { dataset: { count: 'answered' } }, countChange(answered(b), answered(a))))),
    lens.lensVersionBefore !== lens.lensVersionAfter
      ? h('p.subtle', `Lens version ${lens.lensVersionBefore} before, ${lens.lensVersionAfter} after.`)
      : null,
    scrollTable(`${lens.lensName} risks by pillar`, h('table.data.compare-pillars',
      h('caption', 'Risks by pillar, before → after'),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Pillar'),
        h('th', { scope: 'col' }, 'High risks'), h('th', { scope: 'col' }, 'Medium risks'))),
      h('tbody', lens.pillars.map(pillarRow)))),
    changedQuestions(workloadId, lens, names));
}

/** @param {import('../pkg/plumbline.js').RiskCounts} c */
function answered(c) {
  return c.HIGH + c.MEDIUM + c.NONE + c.NOT_APPLICABLE;
}
