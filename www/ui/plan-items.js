// @ts-check
// Improvement items as expandable <details>: the question, its risk, and each best practice
// to adopt with its improvement text, links and impact. Shared by the live plan, milestones
// and the dashboard.
import { h, routeLink, externalLink } from './dom.js';
import { riskBadge } from './risk.js';
import { flatQuestions, questionHeading, pillarName } from './lens-text.js';

/**
 * `level`: the heading level of each best practice (one below the list's own heading).
 * @param {import('../pkg/plumbline.js').PlanItem[]} items
 * @param {import('../pkg/plumbline.js').LensModel} model
 * @param {{reviewBase?: string, workloadName?: string, level?: number}} [options]
 */
export function planItemList(items, model, { reviewBase, workloadName, level = 4 } = {}) {
  const numbering = new Map(flatQuestions(model).map((e) => [e.question.id, e]));
  if (!items.length) return h('p.empty-items', 'No improvement items: no question has a high or medium risk.');
  return h('ol.plan-items', items.map((item) => {
    const entry = numbering.get(item.questionId);
    const title = entry ? questionHeading(entry) : item.questionTitle || item.questionId;
    const bps = item.bestPractices;
    return h('li.plan-item', { dataset: { questionId: item.questionId, pillarId: item.pillarId, risk: item.risk } },
      h('details',
        h('summary',
          riskBadge(item.risk), ' ',
          h('span.plan-title', title),
          h('span.plan-meta', workloadName ? `${workloadName} · ` : '', pillarName(model, item.pillarId),
            ` · ${bps.length} recommended improvement ${bps.length === 1 ? 'item' : 'items'}`)),
        h('div.plan-body',
          reviewBase ? h('p', routeLink(`${reviewBase}/${encodeURIComponent(item.questionId)}`, {}, 'Review this question')) : null,
          bps.length ? h('ul.best-practices', bps.map((bp) => bestPractice(bp, level))) : h('p.subtle', 'Every best practice is followed or marked not applicable; the risk comes from the lens rules.'))));
  }));
}

/** @param {import('../pkg/plumbline.js').PlanBestPractice} bp @param {number} level */
function bestPractice(bp, level) {
  const plan = bp.improvementPlan;
  const extra = bp.additionalResources;
  return h('li.best-practice', { dataset: { choiceId: bp.choiceId } },
    h(`h${level}`, bp.title),
    h('p.impact', 'Impact if not followed: ', riskBadge(bp.impact)),
    plan?.displayText ? h('p', plan.displayText) : null,
    plan?.url ? h('p', externalLink(plan.url, 'Improvement guidance')) : null,
    extra.length ? h('ul.links', extra.map((r) => h('li', r.url ? externalLink(r.url, r.displayText || r.url) : r.displayText))) : null);
}
