// @ts-check
// One lens of a comparison: its pillars' High and Medium risks before → after, in words as
// well as numbers, and the questions whose risk changed, each linking to its review page.
import { h, routeLink } from './dom.js';
import { riskBadge } from './risk.js';
import { scrollTable } from './table.js';

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

/** @param {string} workloadId @param {string} alias @param {import('../pkg/plumbline.js').QuestionChange} q */
function questionItem(workloadId, alias, q) {
  const route = `#/workloads/${workloadId}/lenses/${encodeURIComponent(alias)}/review/${encodeURIComponent(q.questionId)}`;
  return h('li', { dataset: { questionId: q.questionId, change: q.change } },
    h('p.compare-q',
      h('strong.compare-change', `${CHANGE_LABELS[q.change]}: `),
      routeLink(route, {}, q.questionTitle)),
    h('p.compare-risks', riskBadge(q.riskBefore), h('span', { 'aria-hidden': 'true' }, ' → '),
      h('span.visually-hidden', ' changed to '), riskBadge(q.riskAfter)),
    choiceList('Newly selected', q.selectedChoicesAdded),
    choiceList('No longer selected', q.selectedChoicesRemoved));
}

/** @param {string} workloadId @param {import('../pkg/plumbline.js').LensComparison} lens */
export function compareLens(workloadId, lens) {
  const headingId = `cmp-${lens.lensAlias}`;
  const b = lens.riskCountsBefore;
  const a = lens.riskCountsAfter;
  const changed = lens.changedQuestions;
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
    h('h3', `Questions whose risk changed (${changed.length})`),
    changed.length
      ? h('ul.plain.compare-questions', changed.map((q) => questionItem(workloadId, lens.lensAlias, q)))
      : h('p.subtle', 'No question changed its risk.'));
}

/** @param {import('../pkg/plumbline.js').RiskCounts} c */
function answered(c) {
  return c.HIGH + c.MEDIUM + c.NONE + c.NOT_APPLICABLE;
}
