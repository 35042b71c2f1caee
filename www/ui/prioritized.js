// @ts-check
// What a workload's profile adds to the review, the plan and the dashboard: the "Prioritized"
// badge, the prioritised risk counts beside the normal ones, and the "Prioritized by profile"
// filter. The question ids come from the engine (prioritizedQuestions); this only shows them.
import { h, nextId } from './dom.js';

/** The badge on a prioritised question. */
export function prioritizedBadge() {
  return h('span.badge.prioritized', { dataset: { prioritized: '' } }, 'Prioritized');
}

/**
 * "Prioritized by profile: N high risk, M medium risk, K of P questions answered".
 * @param {{questionId: string, risk: string}[]} risks each question's risk (the lens's questions)
 * @param {string[]} prioritized question ids
 * @param {string} [profileName]
 */
export function prioritizedCounts(risks, prioritized, profileName) {
  const mine = risks.filter((r) => prioritized.includes(r.questionId));
  const count = (/** @type {string} */ risk) => mine.filter((r) => r.risk === risk).length;
  const answered = mine.filter((r) => r.risk !== 'UNANSWERED').length;
  return h('p.prioritized-counts', { dataset: { prioritizedCounts: '' } },
    prioritizedBadge(), ' ',
    `${profileName ? `Profile ${profileName}: ` : ''}${count('HIGH')} high risk, ${count('MEDIUM')} medium risk among ${mine.length} prioritized question${mine.length === 1 ? '' : 's'} (${answered} answered).`);
}

/**
 * The "Prioritized by profile" checkbox; `onChange(on)` runs when it changes.
 * @param {(on: boolean) => void} onChange
 * @param {boolean} [checked]
 */
export function prioritizedFilter(onChange, checked = false) {
  const id = nextId('prioritized-filter');
  const input = h('input', { type: 'checkbox', id, dataset: { prioritizedFilter: '' } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return { node: h('div.choice-line', input, h('label', { for: id }, 'Prioritized by profile')), input };
}
