// @ts-check
// Comparison of two states of a workload (two milestones, or a milestone and the current
// state): per lens, the risks by pillar before → after and every question whose answer
// changed; a lens in which nothing changed is named in one line instead of a section.
// Route: #/workloads/:id/compare/:from/:to, where each side is a milestone number or `current`.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { formatDate, isoDate } from '../ui/format.js';
import { compareForm } from '../ui/compare-form.js';
import { compareLens } from '../ui/compare-lens.js';
import { unchanged } from '../models/compare-groups.js';
import { flatQuestions, questionHeading } from '../ui/lens-text.js';

const side = (/** @type {string} */ param) => (param === 'current' ? undefined : Number(param));

/** "Milestone Version 1.0 (saved 3 Mar 2026, 10:00)" or "Current state". */
/** @param {import('../pkg/plumbline.js').ComparedState} state */
function stateText(state) {
  if (state.milestoneNumber === undefined) return ['Current state'];
  return [`Milestone ${state.milestoneName}`, ' (saved ',
    h('time', { datetime: isoDate(state.recordedAt) }, formatDate(state.recordedAt)), ')'];
}

/** @param {string} title @param {string} note @param {import('../pkg/plumbline.js').LensOnOneSide[]} lenses */
function oneSideLenses(title, note, lenses) {
  if (!lenses.length) return null;
  return h('section.panel', { 'aria-label': title },
    h('h2', title),
    h('ul.plain', lenses.map((l) => {
      const c = l.riskCounts;
      return h('li', { dataset: { lens: l.lensAlias } },
        h('strong', l.lensName), `: ${note} (high risks ${c.HIGH}, medium risks ${c.MEDIUM}, `,
        `${l.questionsAnswered}/${l.questionCount} questions answered).`);
    })));
}

/**
 * Question numbers and order from the lens model of the later side, then the earlier one (a
 * question only the earlier version had); titles alone when neither model can be read.
 * @param {import('../pkg/plumbline.js').LensComparison} lens
 * @returns {Promise<import('../ui/compare-lens.js').QuestionNames>}
 */
async function questionNames(lens) {
  const versions = [...new Set([lens.lensVersionAfter, lens.lensVersionBefore])];
  const models = await Promise.all(versions.map((v) => api.lensModel(lens.lensAlias, v).catch(() => null)));
  /** @type {Map<string, import('../ui/lens-text.js').NumberedQuestion>} */
  const entries = new Map();
  for (const model of models) {
    if (!model) continue;
    for (const e of flatQuestions(model)) if (!entries.has(e.question.id)) entries.set(e.question.id, e);
  }
  return {
    heading: (id) => { const e = entries.get(id); return e ? questionHeading(e) : undefined; },
    position: (id) => entries.get(id)?.index ?? -1,
  };
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId } = ctx.params;
  const [w, milestones] = await Promise.all([api.getWorkload(workloadId), api.listMilestones(workloadId)]);
  const from = side(ctx.params.from);
  const to = side(ctx.params.to);
  ctx.setTitle(`Compare milestones — ${w.workloadName}`);

  const form = h('section.panel', compareForm(ctx, workloadId, milestones, { from: ctx.params.from, to: ctx.params.to, heading: 'Compare other states' }));
  let body;
  if (from === undefined && to === undefined) {
    body = h('p.banner', { role: 'note' }, 'Both sides are the current state, so there is nothing to compare. Choose a milestone for From or To.');
  } else {
    const c = await api.compareMilestones(workloadId, { from, to });
    const changed = c.lenses.filter((l) => !unchanged(l));
    const still = c.lenses.filter(unchanged);
    const names = await Promise.all(changed.map(questionNames));
    body = [
      h('p.compare-sides', h('strong', 'From: '), stateText(c.from), h('br'), h('strong', 'To: '), stateText(c.to)),
      changed.map((lens, i) => compareLens(workloadId, lens, names[i])),
      still.length
        ? h('p.banner.compare-unchanged', { role: 'note' },
          changed.length || c.lensesAdded.length || c.lensesRemoved.length
            ? `No answer changed in ${still.map((l) => l.lensName).join(', ')}.`
            : 'No answer changed between these two states.')
        : null,
      oneSideLenses('Lenses added', 'applied in the later state only', c.lensesAdded),
      oneSideLenses('Lenses removed', 'applied in the earlier state only', c.lensesRemoved),
    ];
  }

  return h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(`#/workloads/${workloadId}`, {}, w.workloadName)),
        h('li', routeLink(`#/workloads/${workloadId}/milestones`, {}, 'Milestones')),
        h('li', { 'aria-current': 'page' }, 'Compare'))),
    h('h1', 'Compare milestones'),
    body,
    form);
}
