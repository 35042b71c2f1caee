// @ts-check
// Define workload / Edit workload. Every rule is shown next to its field; the engine validates
// every field at once and each problem of its Validation error is shown, in words, at the
// field it names. Until it is saved, a
// changed form asks before the page is left (ui/pending-edits.js); the first workload defined
// asks the browser for persistent storage.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { textField, selectField, radioGroup, checkbox } from '../ui/field.js';
import { tagEditor } from '../ui/tags.js';
import { priorityList, orderPillars } from '../ui/priority-list.js';
import { AWS_REGIONS, ENVIRONMENTS, IMPROVEMENT_STATUS, INDUSTRY_TYPES } from '../ui/format.js';
import { trackEdits } from '../ui/pending-edits.js';
import { requestPersistenceOnce } from '../storage.js';
import { sayError, sayProblem, engineErrorOf } from '../errors.js';
import { routeQuery } from '../ui/route-query.js';

const FRAMEWORK = 'wellarchitected';

const splitList = (/** @type {string} */ text) => text.split(',').map((s) => s.trim()).filter(Boolean);


/** @param {string[] | undefined} selected none yet in a workload being defined */
function regionPicker(selected) {
  const errId = nextId('awsRegions-error');
  const chosen = new Set(selected || []);
  const boxes = AWS_REGIONS.map(([code, name]) => checkbox({ name: 'awsRegions', value: code, label: `${name} — ${code}`, checked: chosen.has(code) }));
  const extra = [...chosen].filter((c) => !AWS_REGIONS.some(([code]) => code === c));
  const extraBoxes = extra.map((code) => checkbox({ name: 'awsRegions', value: code, label: code, checked: true }));
  const all = [...boxes, ...extraBoxes];
  const errorEl = h('p.field-error', { id: errId, hidden: true });
  const node = h('fieldset.field', { dataset: { fieldWrapper: 'awsRegions' }, 'aria-describedby': errId },
    h('legend', 'AWS Regions'),
    errorEl,
    h('p.hint', 'The AWS Regions in which your workload runs. Give AWS Regions, non-AWS regions, or both: at least one region is required.'),
    h('div.region-grid', all.map((b) => b.node)));
  return {
    node,
    input: all[0].input,
    value: () => all.filter((b) => b.input.checked).map((b) => b.input.value),
    setError(/** @type {string | null} */ message) {
      errorEl.hidden = !message;
      errorEl.textContent = message || '';
      node.classList.toggle('has-error', Boolean(message));
      for (const b of all) {
        if (message) b.input.setAttribute('aria-invalid', 'true');
        else b.input.removeAttribute('aria-invalid');
      }
    },
  };
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const editing = ctx.params.mode === 'edit';
  const [workload, lensList, framework, templates, profiles] = await Promise.all([
    editing ? api.getWorkload(ctx.params.workloadId) : null,
    api.lenses(),
    api.lensModel(FRAMEWORK),
    editing ? [] : api.listReviewTemplates(),
    api.listProfiles(),
  ]);
  /** @type {Partial<import('../pkg/plumbline.js').Workload>} */
  const w = workload ?? {};
  const title = editing ? `Edit ${w.workloadName}` : 'Define workload';
  ctx.setTitle(title);

  // By the property each field edits, the name an engine error gives in `field`; some are
  // added below (edit only, or built differently), hence looked up by any name.
  /** @type {Record<string, any>} */
  const fields = {
    workloadName: textField({
      name: 'workloadName', label: 'Name', description: 'A unique identifier for the workload', value: w.workloadName, maxLength: 100,
      hint: 'The name must be from 3 to 100 characters. At least 3 characters must be non-whitespace. Names are unique; spaces and capitalization are ignored when comparing them.',
    }),
    description: textField({
      name: 'description', label: 'Description', multiline: true, rows: 3, value: w.description, maxLength: 250,
      description: 'A brief description of the workload to document its scope and intended purpose',
      hint: 'The description must be from 3 to 250 characters.',
    }),
    reviewOwner: textField({
      name: 'reviewOwner', label: 'Review owner', value: w.reviewOwner, maxLength: 255,
      description: 'The name, email address, or identifier for the primary individual or group that owns the review process',
      hint: 'The review owner must be from 3 to 255 characters. At least 3 characters must be non-whitespace.',
    }),
    environment: radioGroup({
      name: 'environment', legend: 'Environment', description: 'The environment in which your workload runs',
      options: ENVIRONMENTS, value: w.environment,
    }),
    awsRegions: regionPicker(w.awsRegions),
    nonAwsRegions: textField({
      name: 'nonAwsRegions', label: 'Non-AWS regions', optional: true, value: (w.nonAwsRegions || []).join(', '),
      description: 'The regions outside of AWS in which your workload runs',
      hint: 'Specify up to 5 unique regions separated by commas. Each region name must be from 3 to 25 characters.',
    }),
    accountIds: textField({
      name: 'accountIds', label: 'Account IDs', optional: true, value: (w.accountIds || []).join(', '), inputmode: 'numeric',
      description: 'The IDs of the AWS accounts your workload spans across',
      hint: 'Specify up to 100 unique account IDs separated by commas. Each account ID is 12 digits.',
    }),
    architecturalDesign: textField({
      name: 'architecturalDesign', label: 'Architectural design', optional: true, type: 'url', value: w.architecturalDesign, maxLength: 2048,
      description: 'A link to your architectural design',
      hint: 'The URL can be up to 2048 characters and must begin with one of the following protocols: http, https, ftp.',
    }),
    industryType: selectField({
      name: 'industryType', label: 'Industry type', optional: true, value: w.industryType, emptyLabel: 'Not specified',
      description: 'The industry that your workload is associated with', options: INDUSTRY_TYPES.map((t) => [t, t]),
    }),
    industry: textField({
      name: 'industry', label: 'Industry', optional: true, value: w.industry, maxLength: 100,
      description: 'The category within your industry that your workload is associated with',
      hint: 'At most 100 characters.',
    }),
    notes: textField({
      name: 'notes', label: 'Notes', optional: true, multiline: true, rows: 4, value: w.notes, maxLength: 2084,
      hint: 'At most 2084 characters.',
    }),
    tags: tagEditor(w.tags),
  };
  if (!editing && templates.length) {
    fields.reviewTemplateIds = selectField({
      name: 'reviewTemplateIds', label: 'Review template', optional: true, emptyLabel: 'None',
      value: routeQuery().get('template') ?? '',
      description: 'Start from a template: its lenses, answers and notes are copied into the workload',
      options: templates.map((t) => [t.templateId, t.templateName]),
    });
  }
  if (editing) {
    fields.improvementStatus = selectField({
      name: 'improvementStatus', label: 'Improvement status', value: w.improvementStatus || 'NOT_APPLICABLE',
      description: 'The status of your workload improvements', options: IMPROVEMENT_STATUS,
    });
  }
  const priority = priorityList({
    label: 'Pillar priority',
    items: orderPillars(framework.pillars, w.pillarPriorities).map((p) => ({ id: p.id, name: p.name })),
    idPrefix: 'form-prio',
  });
  const prioError = h('p.field-error', { id: nextId('prio-error'), hidden: true });
  fields.pillarPriorities = {
    node: priority.node, input: priority.node.querySelector('button:not([disabled])'),
    setError(/** @type {string | null} */ message) { prioError.hidden = !message; prioError.textContent = message || ''; },
  };

  const current = new Set(w.lenses || [FRAMEWORK]);
  // A draft custom lens cannot be applied (publish it first on the Lenses page).
  const usable = lensList.filter((l) => l.lensStatus !== 'DRAFT' || current.has(l.lensAlias));
  const lensBoxes = usable.map((l) => {
    const alias = l.lensAlias;
    const fixed = alias === FRAMEWORK;
    return checkbox({
      name: 'lenses', value: alias, label: l.lensName || alias, checked: fixed || current.has(alias), disabled: fixed,
      description: fixed ? 'Applied to every workload; it cannot be removed.' : l.description,
    });
  });
  const lensErrId = nextId('lenses-error');
  const lensError = h('p.field-error', { id: lensErrId, hidden: true });
  const lensFieldset = h('fieldset.field', { dataset: { fieldWrapper: 'lenses' }, 'aria-describedby': lensErrId },
    h('legend', 'Lenses'),
    lensError,
    h('p.hint', 'Choose the lenses that apply to this workload. The Well-Architected Framework lens is always applied. Removing a lens later keeps its answers; adding it back restores them.'),
    lensBoxes.map((b) => b.node));
  fields.lenses = {
    node: lensFieldset, input: lensBoxes.find((b) => !b.input.disabled)?.input || lensBoxes[0]?.input,
    setError(/** @type {string | null} */ message) { lensError.hidden = !message; lensError.textContent = message || ''; },
  };

  // At most one profile; a deleted one is kept by the workload until another is chosen.
  const linked = w.profile && !w.profile.deleted ? w.profile.profileId : '';
  const profileField = selectField({
    name: 'profile', label: 'Profile', optional: true, emptyLabel: 'No profile', value: linked,
    options: profiles.map((p) => [p.profileId, p.profileName]),
    hint: 'Marks the questions that matter most for the business as Prioritized. Profiles are made on the Profiles page.',
  });

  const formError = h('div.form-error', { role: 'alert', hidden: true, tabindex: '-1' });
  const submitLabel = editing ? 'Save' : 'Define workload';
  const cancelRoute = editing ? `#/workloads/${w.workloadId}` : '#/workloads';
  const submitButton = h('button', { type: 'submit', class: 'primary' }, submitLabel);

  const form = h('form.workload-form', { novalidate: true },
    formError,
    h('section.form-section', { 'aria-labelledby': 'props-h' },
      h('h2', { id: 'props-h' }, 'Workload properties'),
      fields.workloadName.node, fields.description.node, fields.reviewOwner.node, fields.environment.node,
      editing ? fields.improvementStatus.node : null),
    h('section.form-section', { 'aria-labelledby': 'regions-h' },
      h('h2', { id: 'regions-h' }, 'Regions'),
      fields.awsRegions.node, fields.nonAwsRegions.node),
    h('section.form-section', { 'aria-labelledby': 'more-h' },
      h('h2', { id: 'more-h' }, 'More about the workload'),
      fields.accountIds.node, fields.architecturalDesign.node, fields.industryType.node, fields.industry.node,
      fields.notes.node, fields.tags.node),
    h('section.form-section', { 'aria-labelledby': 'prio-h' },
      h('h2', { id: 'prio-h' }, 'Pillar priority'),
      prioError,
      h('p.hint', { id: 'prio-hint' }, 'The improvement plan lists high risks first, then medium risks; within each, questions follow this pillar order. Most important first.'),
      priority.node),
    h('section.form-section', { 'aria-labelledby': 'lens-h' },
      h('h2', { id: 'lens-h' }, 'Apply lenses'),
      fields.reviewTemplateIds?.node ?? null,
      lensFieldset),
    h('section.form-section', { 'aria-labelledby': 'profile-form-h' },
      h('h2', { id: 'profile-form-h' }, 'Profile'),
      profileField.node),
    h('div.actions',
      routeLink(cancelRoute, { class: 'button secondary' }, 'Cancel'),
      submitButton));

  // Changed = any control or the pillar order differs from what the page showed first. Nothing
  // here can be saved without the user (the engine may refuse a field), so it only warns.
  const snapshot = () => JSON.stringify([
    [...form.elements].map((/** @type {any} */ el) => (el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value)),
    priority.value(), fields.tags.value()]);
  const initial = snapshot();
  const edits = trackEdits({ unsaved: () => snapshot() !== initial });
  for (const type of ['input', 'change', 'click']) form.addEventListener(type, () => edits.changed());

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const f of Object.values(fields)) f.setError?.(null);
    formError.hidden = true;
    // As typed: the engine checks every field (an environment not chosen included) and names
    // the one at fault, which the form shows next to it.
    const input = /** @type {import('../pkg/plumbline.js').WorkloadInput} */ ({
      workloadName: fields.workloadName.input.value,
      description: fields.description.input.value,
      reviewOwner: fields.reviewOwner.input.value,
      environment: fields.environment.value(),
      awsRegions: fields.awsRegions.value(),
      nonAwsRegions: splitList(fields.nonAwsRegions.input.value),
      accountIds: splitList(fields.accountIds.input.value),
      architecturalDesign: fields.architecturalDesign.input.value.trim(),
      industryType: fields.industryType.input.value,
      industry: fields.industry.input.value,
      notes: fields.notes.input.value,
      tags: fields.tags.value(),
      pillarPriorities: priority.value(),
    });
    const chosenLenses = [FRAMEWORK, ...lensBoxes.filter((b) => b.input.checked && b.input.value !== FRAMEWORK).map((b) => b.input.value)];
    submitButton.disabled = true;
    try {
      let id;
      if (editing) {
        input.improvementStatus = fields.improvementStatus.input.value;
        const read = /** @type {import('../pkg/plumbline.js').Workload} */ (workload);
        await api.updateWorkload(read.workloadId, input, read);
        id = read.workloadId;
        const add = chosenLenses.filter((l) => !current.has(l));
        const remove = [...current].filter((l) => !chosenLenses.includes(l));
        if (add.length) await api.associateLenses(id, add);
        if (remove.length) await api.disassociateLenses(id, remove);
        ctx.announce(`Workload ${input.workloadName} saved.`);
      } else {
        const template = fields.reviewTemplateIds?.input.value;
        const created = await api.defineWorkload({ ...input, lenses: chosenLenses, ...(template ? { reviewTemplateIds: [template] } : {}) });
        id = created.workloadId;
        ctx.announce(`Workload ${input.workloadName} defined.`);
        // Work worth keeping now exists: ask that the browser never clear it on its own.
        requestPersistenceOnce();
      }
      const chosenProfile = profileField.input.value;
      if (chosenProfile && chosenProfile !== linked) await api.associateProfile(id, chosenProfile);
      else if (!chosenProfile && linked) await api.disassociateProfile(id);
      edits.release();
      ctx.navigate(`#/workloads/${id}`);
    } catch (e) {
      submitButton.disabled = false;
      showError(e);
    }
  });

  /** @param {unknown} e the engine's error */
  function showError(e) {
    const engineError = engineErrorOf(e);
    // Every problem next to its field, in words; focus on the first flagged field of the form.
    const problems = engineError?.kind === 'Validation'
      ? (engineError.problems ?? [{ field: engineError.field ?? '', message: engineError.message.replace(/^[A-Za-z]+: /, '') }])
      : [];
    const placed = problems.filter((p) => fieldOf(p.field));
    if (placed.length) {
      for (const p of placed) fieldOf(p.field).setError(sayProblem(p));
      const first = Object.values(fields).find((f) => placed.some((p) => fieldOf(p.field) === f));
      first?.input?.focus();
      ctx.announce(placed.length === 1 ? 'One field needs a change.' : `${placed.length} fields need a change.`);
      if (placed.length === problems.length) return;
    }
    formError.hidden = false;
    formError.replaceChildren(h('p', sayError(e)));
    formError.focus();
  }

  /** @param {string} name the `field` of a problem, maybe with a path inside it ("tags.x") */
  function fieldOf(name) {
    const key = name.match(/^[A-Za-z]+/)?.[0];
    return key ? fields[key] : undefined;
  }

  const node = h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol', h('li', routeLink('#/workloads', {}, 'Workloads')),
        editing ? h('li', routeLink(`#/workloads/${w.workloadId}`, {}, w.workloadName)) : null,
        h('li', { 'aria-current': 'page' }, editing ? 'Edit' : 'Define workload'))),
    h('h1', title),
    form);
  return { node, leave: () => edits.release() };
}
