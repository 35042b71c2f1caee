// @ts-check
// "Update from template" on a workload defined from a review template: when the template
// changed since the workload's answers were copied, a panel says so and lists what updating
// does. Questions only the template changed are taken; for each question both the team and
// the template changed, the user chooses (keep the workload's answer or take the template's)
// before anything is written — nothing is overwritten silently.
import * as api from '../api.js';
import { h, nextId } from './dom.js';
import { sayError } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').ReviewTemplateQuestion} Question */

/**
 * The panel for workload `w`, or null when it has no template change waiting.
 * @param {import('../app.js').ViewContext} ctx
 * @param {import('../pkg/plumbline.js').Workload} w
 */
export async function templateUpdatePanel(ctx, w) {
  const link = w.reviewTemplate;
  if (!link) return null;
  if (link.deleted) {
    return h('section.panel.template-panel', h('p', `Defined from review template ${link.templateName}, which was deleted. The answers copied from it are kept.`));
  }
  /** @type {import('../pkg/plumbline.js').ReviewTemplateUpdate} */
  let proposal;
  try {
    proposal = await api.reviewTemplateUpdate(w.workloadId);
  } catch (e) {
    // Templates stay in the browser that made them: a workload a team sync brought here may
    // name one this workspace never had.
    if (/** @type {{kind?: unknown}} */ (e)?.kind !== 'NotFound') throw e;
    return h('section.panel.template-panel', h('p', `Defined from review template ${link.templateName}, which is not in this workspace (templates are not shared with a workload). The answers copied from it are kept.`));
  }
  if (proposal.latestTemplateVersion <= proposal.currentTemplateVersion) {
    return h('section.panel.template-panel', h('p', `Defined from review template ${proposal.templateName} (version ${proposal.currentTemplateVersion}, up to date).`));
  }
  const headingId = nextId('template-update-h');
  const error = h('p.error-text', { hidden: true, role: 'alert' });
  /** @type {Map<string, HTMLInputElement>} the "take the template's" radio of each conflict */
  const takes = new Map();
  const conflictRows = proposal.conflicts.map((q) => {
    const name = nextId('conflict');
    const keep = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name, id: `${name}-keep`, value: 'KEEP_WORKLOAD' }));
    const take = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name, id: `${name}-take`, value: 'TAKE_TEMPLATE' }));
    takes.set(q.key, take);
    return h('fieldset.conflict', { dataset: { conflict: q.key } },
      h('legend', q.questionTitle),
      h('div.choice-line', keep, h('label', { for: keep.id }, 'Keep our answer')),
      h('div.choice-line', take, h('label', { for: take.id }, "Take the template's answer")));
  });
  const apply = h('button', { type: 'button', class: 'primary', on: { click: run } }, 'Update from template');

  async function run() {
    /** @type {Record<string, "KEEP_WORKLOAD" | "TAKE_TEMPLATE">} */
    const resolutions = {};
    const open = [];
    for (const q of proposal.conflicts) {
      const take = /** @type {HTMLInputElement} */ (takes.get(q.key));
      const keep = /** @type {HTMLInputElement} */ (document.getElementById(take.id.replace(/-take$/, '-keep')));
      if (take.checked) resolutions[q.key] = 'TAKE_TEMPLATE';
      else if (keep?.checked) resolutions[q.key] = 'KEEP_WORKLOAD';
      else open.push(q.questionTitle);
    }
    if (open.length) {
      error.hidden = false;
      error.textContent = `Choose which answer to keep for: ${open.join('; ')}.`;
      return;
    }
    apply.disabled = true;
    try {
      const done = await api.updateFromReviewTemplate(w.workloadId, resolutions);
      ctx.announce(`Updated from template ${done.templateName}.`);
      ctx.reload();
    } catch (e) {
      apply.disabled = false;
      error.hidden = false;
      error.textContent = `Not updated: ${sayError(e)}`;
    }
  }

  const list = (/** @type {Question[]} */ qs) => h('ul', qs.map((q) => h('li', q.questionTitle)));
  return h('section.panel.template-panel', { 'aria-labelledby': headingId, dataset: { templateUpdate: '' } },
    h('h2', { id: headingId }, `Template ${proposal.templateName} changed`),
    h('p', `This workload has the answers of version ${proposal.currentTemplateVersion}; the template is at version ${proposal.latestTemplateVersion}.`),
    proposal.updates.length ? [h('p', 'These answers were not changed by your team and will be taken from the template:'), list(proposal.updates)] : null,
    conflictRows.length ? [h('p', 'Your team and the template both changed these questions. Choose for each:'), conflictRows] : null,
    error,
    apply);
}
