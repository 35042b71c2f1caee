// @ts-check
// Improvement items as expandable <details>: the question, its risk, its backlog (owner,
// status, due date, notes), and each best practice to adopt with its improvement text, links
// and impact. Practices whose absence creates no risk are listed apart as "also recommended"
// and not counted. Items no longer at risk but with backlog fields are listed apart as
// resolved. Shared by the live plan, milestones, the report and the dashboard.
import { h, routeLink, externalLink } from './dom.js';
import { riskBadge } from './risk.js';
import { flatQuestions, questionHeading, pillarName } from './lens-text.js';
import { backlogSummary } from './backlog-editor.js';
import { statusLabel } from './format.js';

/** @typedef {import('../pkg/plumbline.js').BacklogItem} BacklogItem */
/**
 * A plan item from the workspace (with backlog fields) or from a lens alone (without).
 * @typedef {Omit<BacklogItem, 'resolved' | 'status' | 'revision'> & Partial<Pick<BacklogItem, 'resolved' | 'status' | 'revision'>>} ListedItem
 */
/**
 * Makes an item's edit controls; `refresh(saved)` updates the item's summary line after a save.
 * @typedef {(item: BacklogItem, refresh: (saved: BacklogItem) => void) => Node} ItemEditor
 */

/**
 * `level`: the heading level of each best practice (one below the list's own heading); the
 * resolved items' heading is one above it.
 * @param {ListedItem[]} items
 * @param {import('../pkg/plumbline.js').LensModel} model
 * @param {{reviewBase?: string, workloadName?: string, level?: number, editor?: ItemEditor}} [options]
 */
export function planItemList(items, model, { reviewBase, workloadName, level = 4, editor } = {}) {
  const numbering = new Map(flatQuestions(model).map((e) => [e.question.id, e]));
  /** @param {ListedItem} item */
  const titleOf = (item) => {
    const entry = numbering.get(item.questionId);
    return entry ? questionHeading(entry) : item.questionTitle || item.questionId;
  };
  const parts = { titleOf, model, reviewBase, workloadName, level, editor };
  const atRisk = items.filter((i) => !i.resolved);
  const resolved = items.filter((i) => i.resolved);
  const list = atRisk.length
    ? h('ol.plan-items', atRisk.map((item) => planItem(item, parts)))
    : h('p.empty-items', 'No improvement items: no question has a high or medium risk.');
  if (!resolved.length) return list;
  return h('div.plan-lists', list,
    h('section.resolved-items', { 'aria-label': 'Resolved improvement items' },
      h(`h${Math.max(2, level - 1)}`, 'Resolved improvement items'),
      h('p.hint', 'These questions are no longer at high or medium risk; their owner, status and notes are kept.'),
      h('ul.plan-items', resolved.map((item) => planItem(item, parts)))));
}

/**
 * @param {ListedItem} item
 * @param {{titleOf: (item: ListedItem) => string, model: import('../pkg/plumbline.js').LensModel,
 *   reviewBase?: string, workloadName?: string, level: number, editor?: ItemEditor}} parts
 */
function planItem(item, { titleOf, model, reviewBase, workloadName, level, editor }) {
  const bps = item.bestPractices;
  // A practice whose absence alone leaves the question at no risk does not lower the risk.
  const lowering = bps.filter((bp) => bp.impact !== 'NONE');
  const also = bps.filter((bp) => bp.impact === 'NONE');
  const backlogLine = h('span.plan-backlog');
  /** @param {ListedItem} shown */
  const showBacklog = (shown) => {
    backlogLine.textContent = shown.updatedAt
      ? [statusLabel(shown.status), shown.owner, shown.dueDate ? `due ${shown.dueDate}` : ''].filter(Boolean).join(' · ')
      : '';
    backlogLine.hidden = !shown.updatedAt;
  };
  showBacklog(item);
  const count = item.resolved
    ? `resolved: risk now ${riskWord(item.risk)}`
    : `${lowering.length} recommended improvement ${lowering.length === 1 ? 'item' : 'items'}`;
  const editable = editor && item.status !== undefined && item.revision !== undefined;
  const backlog = editable
    ? editor(/** @type {BacklogItem} */ (item), showBacklog)
    : backlogSummary({ ...item, status: item.status ?? 'OPEN' });
  return h(`li.plan-item${item.resolved ? '.resolved-item' : ''}`,
    { dataset: { questionId: item.questionId, pillarId: item.pillarId, risk: item.risk, status: item.status ?? 'OPEN', resolved: item.resolved ? 'true' : 'false' } },
    h('details',
      h('summary',
        item.resolved ? h('span.risk.risk-resolved', 'Resolved') : riskBadge(item.risk), ' ',
        h('span.plan-title', titleOf(item)),
        h('span.plan-meta', workloadName ? `${workloadName} · ` : '', pillarName(model, item.pillarId), ` · ${count}`),
        backlogLine),
      h('div.plan-body',
        reviewBase ? h('p', routeLink(`${reviewBase}/${encodeURIComponent(item.questionId)}`, {}, 'Review this question')) : null,
        backlog,
        item.resolved ? null : practices(lowering, also, level))));
}

/** @param {string} risk */
const riskWord = (risk) => ({ NONE: 'None', NOT_APPLICABLE: 'Not applicable', UNANSWERED: 'Unanswered' })[risk] ?? risk;

/**
 * @param {import('../pkg/plumbline.js').PlanBestPractice[]} lowering
 * @param {import('../pkg/plumbline.js').PlanBestPractice[]} also
 * @param {number} level
 */
function practices(lowering, also, level) {
  return [
    lowering.length
      ? h('ul.best-practices', lowering.map((bp) => bestPractice(bp, level)))
      : h('p.subtle', also.length
        ? 'No single best practice lowers this risk; the risk comes from the lens rules.'
        : 'Every best practice is followed or marked not applicable; the risk comes from the lens rules.'),
    also.length
      ? h('div.also-recommended',
        h('p.also-heading', 'Also recommended: good practice, but leaving one of these out does not raise this question\'s risk.'),
        h('ul.best-practices', also.map((bp) => bestPractice(bp, level))))
      : null,
  ];
}

/** @param {import('../pkg/plumbline.js').PlanBestPractice} bp @param {number} level */
function bestPractice(bp, level) {
  const plan = bp.improvementPlan;
  const extra = bp.additionalResources;
  return h('li.best-practice', { dataset: { choiceId: bp.choiceId, impact: bp.impact } },
    h(`h${level}`, bp.title),
    h('p.impact', 'Impact if not followed: ', riskBadge(bp.impact)),
    plan?.displayText ? h('p', plan.displayText) : null,
    plan?.url ? h('p', externalLink(plan.url, 'Improvement guidance')) : null,
    extra.length ? h('ul.links', extra.map((r) => h('li', r.url ? externalLink(r.url, r.displayText || r.url) : r.displayText))) : null);
}
