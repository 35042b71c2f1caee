// @ts-check
// Create template / Edit template: name, description, notes, tags and lenses (the framework
// lens always applied). The engine checks every field (AWS's rules) and the one at fault is
// shown next to its field.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { textField, checkbox } from '../ui/field.js';
import { tagEditor } from '../ui/tags.js';
import { sayError, sayProblem, engineErrorOf } from '../errors.js';

const FRAMEWORK = 'wellarchitected';
const TEXT_RULE = "Letters A-Z, digits, spaces and - _ . , : / ( ) @ ! & ? # + ' ’ only.";

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const id = ctx.params.templateId;
  const [template, lensList] = await Promise.all([id ? api.getReviewTemplate(id) : null, api.lenses()]);
  const title = template ? `Edit ${template.templateName}` : 'Create template';
  ctx.setTitle(title);
  /** @type {Record<string, any>} */
  const fields = {
    templateName: textField({ name: 'templateName', label: 'Name', value: template?.templateName, maxLength: 100, hint: `3 to 100 characters, unique ignoring case and spaces. ${TEXT_RULE}` }),
    description: textField({ name: 'description', label: 'Description', multiline: true, rows: 3, value: template?.description, maxLength: 250, hint: `3 to 250 characters. ${TEXT_RULE}` }),
    notes: textField({ name: 'notes', label: 'Notes', optional: true, multiline: true, rows: 3, value: template?.notes, maxLength: 2084, hint: 'At most 2084 characters.' }),
    tags: tagEditor(template?.tags),
  };
  const current = new Set(template?.lenses ?? [FRAMEWORK]);
  const usable = lensList.filter((l) => l.lensStatus !== 'DRAFT' || current.has(l.lensAlias));
  const lensBoxes = usable.map((l) => checkbox({
    name: 'lenses', value: l.lensAlias, label: l.lensName || l.lensAlias, checked: current.has(l.lensAlias), disabled: l.lensAlias === FRAMEWORK,
    description: l.lensAlias === FRAMEWORK ? 'Applied to every template; it cannot be removed.' : undefined,
  }));
  const lensError = h('p.field-error', { hidden: true });
  fields.lenses = fields.lensAliases = {
    node: null, input: lensBoxes.find((b) => !b.input.disabled)?.input,
    setError(/** @type {string | null} */ m) { lensError.hidden = !m; lensError.textContent = m || ''; },
  };
  const formError = h('div.form-error', { role: 'alert', hidden: true, tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary' }, template ? 'Save' : 'Create template');
  const form = h('form.workload-form', { novalidate: true },
    formError,
    fields.templateName.node, fields.description.node, fields.notes.node, fields.tags.node,
    h('fieldset.field', h('legend', 'Lenses'), lensError, lensBoxes.map((b) => b.node)),
    h('div.actions', routeLink(template ? `#/templates/${id}` : '#/templates', { class: 'button secondary' }, 'Cancel'), submit));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const f of Object.values(fields)) f.setError?.(null);
    formError.hidden = true;
    const chosen = lensBoxes.filter((b) => b.input.checked).map((b) => b.input.value);
    const input = {
      templateName: fields.templateName.input.value,
      description: fields.description.input.value,
      notes: fields.notes.input.value,
      tags: fields.tags.value(),
    };
    submit.disabled = true;
    try {
      const saved = template
        ? await api.updateReviewTemplate(template.templateId, {
          ...input,
          expectedRevision: template.revision,
          lensesToAssociate: chosen.filter((l) => !current.has(l)),
          lensesToDisassociate: [...current].filter((l) => !chosen.includes(l)),
        })
        : await api.createReviewTemplate({ ...input, lenses: chosen });
      ctx.announce(`Template ${saved.templateName} saved.`);
      ctx.navigate(`#/templates/${saved.templateId}`);
    } catch (e) {
      submit.disabled = false;
      const err = engineErrorOf(e);
      const field = err?.kind === 'Validation' ? fields[(err.field ?? '').match(/^[A-Za-z]+/)?.[0] ?? ''] : undefined;
      if (field && err) {
        field.setError(sayProblem({ field: err.field ?? '', message: err.message.replace(/^[A-Za-z]+: /, '') }));
        field.input?.focus();
      } else {
        formError.hidden = false;
        formError.replaceChildren(h('p', sayError(e)));
        formError.focus();
      }
    }
  });
  return h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol', h('li', routeLink('#/templates', {}, 'Review templates')), h('li', { 'aria-current': 'page' }, title))),
    h('h1', title),
    form);
}
