// @ts-check
// Risk badges and risk-count summaries. Risk is never told by colour alone: every badge
// carries its words and a shape.
import { h } from './dom.js';
import { RISK_LABELS, answeredOf } from './format.js';

/** @type {Record<import('../pkg/plumbline.js').Risk, string>} */
const SHAPES = { HIGH: '⊗', MEDIUM: '⚠', NONE: '✓', NOT_APPLICABLE: '⊘', UNANSWERED: '○' };

/** @param {import('../pkg/plumbline.js').Risk} risk */
export function riskBadge(risk) {
  return h('span', { class: `risk risk-${String(risk).toLowerCase().replace('_', '-')}` },
    h('span', { 'aria-hidden': 'true' }, SHAPES[risk], ' '), RISK_LABELS[risk]);
}

/**
 * "Questions answered 12/57 · High risk 3 · Medium risk 1" as a description list.
 * @param {import('../pkg/plumbline.js').RiskCounts} riskCounts
 * @param {{withAnswered?: boolean, id?: string}} [options]
 */
export function riskSummary(riskCounts, { withAnswered = true, id } = {}) {
  const c = riskCounts;
  const { answered, total } = answeredOf(riskCounts);
  return h('dl', { class: 'risk-summary', id },
    withAnswered ? h('div', h('dt', 'Questions answered'), h('dd', { dataset: { count: 'answered' } }, `${answered}/${total}`)) : null,
    h('div.high', h('dt', h('span', { 'aria-hidden': 'true' }, SHAPES.HIGH, ' '), 'High risk'), h('dd', { dataset: { count: 'high' } }, String(c.HIGH))),
    h('div.medium', h('dt', h('span', { 'aria-hidden': 'true' }, SHAPES.MEDIUM, ' '), 'Medium risk'), h('dd', { dataset: { count: 'medium' } }, String(c.MEDIUM))));
}

/**
 * Updates a riskSummary() in place.
 * @param {Element} el
 * @param {import('../pkg/plumbline.js').RiskCounts} riskCounts
 */
export function updateRiskSummary(el, riskCounts) {
  const c = riskCounts;
  const { answered, total } = answeredOf(riskCounts);
  const set = (/** @type {string} */ k, /** @type {string} */ v) => {
    const dd = el.querySelector(`[data-count="${k}"]`);
    if (dd) dd.textContent = v;
  };
  set('answered', `${answered}/${total}`);
  set('high', String(c.HIGH));
  set('medium', String(c.MEDIUM));
}
