// @ts-check
// The "Compare milestones" form: two labelled selects (From, To), each offering the saved
// milestones and the current state, and a Compare button that opens the comparison page.
// A plain form, so Enter submits it and every control is reachable by keyboard.
import { h } from './dom.js';
import { selectField } from './field.js';

/**
 * The route of a comparison; `current` stands for the workload as it is now.
 * @param {string} workloadId
 * @param {string} from
 * @param {string} to
 */
export function compareRoute(workloadId, from, to) {
  return `#/workloads/${workloadId}/compare/${from}/${to}`;
}

/**
 * compareForm(ctx, workloadId, milestones, {from, to, heading}) → the form. `milestones` are
 * listMilestones rows; `from` and `to` preselect a side ('current' or a number); by default
 * the latest milestone is compared with the current state.
 * @param {{navigate: (route: string) => void}} ctx
 * @param {string} workloadId
 * @param {import('../pkg/plumbline.js').MilestoneSummary[]} milestones
 * @param {{from?: string, to?: string, heading?: string}} [selected]
 */
export function compareForm(ctx, workloadId, milestones, selected = {}) {
  const heading = selected.heading || 'Compare milestones';
  const newestFirst = [...milestones].sort((a, b) => b.milestoneNumber - a.milestoneNumber);
  const options = [['current', 'Current state'],
    ...newestFirst.map((m) => [String(m.milestoneNumber), `${m.milestoneName} (milestone ${m.milestoneNumber})`])];
  const latest = newestFirst[0] ? String(newestFirst[0].milestoneNumber) : 'current';
  const from = selectField({ name: 'compareFrom', label: 'From', options, value: String(selected.from ?? latest),
    hint: 'The earlier state: what the workload looked like before.' });
  const to = selectField({ name: 'compareTo', label: 'To', options, value: String(selected.to ?? 'current'),
    hint: 'The later state, compared with the one above.' });

  /** @param {SubmitEvent} ev */
  function submit(ev) {
    ev.preventDefault();
    if (from.input.value === to.input.value) {
      to.setError('Choose two different states to compare.');
      to.input.focus();
      return;
    }
    to.setError('');
    ctx.navigate(compareRoute(workloadId, from.input.value, to.input.value));
  }

  return h('form.compare-form', { 'aria-labelledby': 'compare-h', novalidate: true, on: { submit } },
    h('h2', { id: 'compare-h' }, heading),
    h('p.subtle', 'See which risks changed between two milestones, or between a milestone and the current state.'),
    h('div.compare-fields', from.node, to.node),
    h('button', { type: 'submit', class: 'primary' }, 'Compare'));
}
