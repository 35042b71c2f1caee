// @ts-check
// The Profiles page: what the business cares about, as answers to a short questionnaire; a
// workload with a profile shows the questions it prioritises. Create, edit (each save is a new
// version; workloads using the profile are told), delete (they keep their priorities), and
// filter the list by tag. Which questions each answer prioritises is shown with the answer: the
// mapping is a readable file (lenses/profiles/wellarchitected.json), not a hidden rule.
import * as api from '../api.js';
import { h } from '../ui/dom.js';
import { scrollTable } from '../ui/table.js';
import { textField } from '../ui/field.js';
import { tagEditor } from '../ui/tags.js';
import { tagFilter, matchesTag, tagsText } from '../ui/tag-filter.js';
import { deleteFlow } from '../ui/delete-flow.js';
import { sayError, engineErrorOf } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').Profile} Profile */
/** @typedef {import('../pkg/plumbline.js').ProfileTemplate} ProfileTemplate */

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Profiles');
  const [profiles, template, workloads] = await Promise.all([api.listProfiles(), api.profileTemplate(), api.listWorkloads()]);
  // listWorkloads has no profile link: the workloads are read for it, once per page.
  const linked = await Promise.all(workloads.map((w) => api.getWorkload(w.workloadId)));
  /** @param {string} id */
  const usersOf = (id) => linked.filter((w) => w.profile && !w.profile.deleted && w.profile.profileId === id).map((w) => w.workloadName);

  const formSlot = h('div');
  let query = '';
  const tbody = h('tbody');
  const status = h('p.subtle', { role: 'status' });
  function drawRows() {
    const shown = profiles.filter((p) => matchesTag(p.tags, query));
    status.textContent = query ? `${shown.length} of ${profiles.length} profiles match.` : '';
    tbody.replaceChildren(...(shown.length ? shown.map(row) : [h('tr', h('td', { colspan: 6 }, profiles.length ? 'No profile has this tag.' : 'No profiles yet.'))]));
  }
  /** @param {Profile} p */
  function row(p) {
    const users = usersOf(p.profileId);
    return h('tr', { dataset: { profileId: p.profileId } },
      h('th', { scope: 'row' }, p.profileName),
      h('td', p.profileDescription),
      h('td.num', String(p.profileVersion)),
      h('td', tagsText(p.tags)),
      h('td', users.length ? users.join(', ') : '—'),
      h('td.actions-cell',
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Edit profile ${p.profileName}`, on: { click: () => showForm(p) } }, 'Edit'),
        h('button', { type: 'button', class: 'small secondary danger-text', 'aria-label': `Delete profile ${p.profileName}`, on: { click: () => remove(p, users) } }, 'Delete')));
  }

  /** @param {Profile} p @param {string[]} users */
  async function remove(p, users) {
    const consequences = users.length
      ? `Used by ${users.length} workload(s): ${users.join(', ')}. They keep their answers and the questions this profile prioritised; their profile is shown as deleted. This cannot be undone.`
      : 'No workload uses it. This cannot be undone.';
    const done = await deleteFlow({ what: 'profile', name: p.profileName, consequences, remove: () => api.deleteProfile(p.profileId), announce: ctx.announce });
    if (done) ctx.reload();
  }

  /** @param {Profile | null} editing */
  function showForm(editing) {
    formSlot.replaceChildren(profileForm(template, editing, async (input) => {
      const saved = editing ? await api.updateProfile(editing.profileId, input) : await api.createProfile(input);
      ctx.announce(editing ? `Saved version ${saved.profileVersion} of ${saved.profileName}.` : `Created profile ${saved.profileName}.`);
      ctx.reload();
    }, () => formSlot.replaceChildren()));
    /** @type {HTMLElement | null} */ (formSlot.querySelector('h2'))?.focus();
  }

  const filter = tagFilter('profiles', (q) => { query = q; drawRows(); });
  drawRows();
  const node = h('section.page.profiles-page',
    h('div.page-head', h('h1', 'Profiles'),
      h('div.head-actions', h('button', { type: 'button', class: 'primary', on: { click: () => showForm(null) } }, 'Create profile'))),
    h('p.lead', 'A profile says what matters to the business behind a workload. Give a workload a profile and its review and improvement plan mark the questions that matter most for it as Prioritized.'),
    formSlot,
    h('section.panel', { 'aria-labelledby': 'profiles-h' },
      h('h2', { id: 'profiles-h' }, `Profiles (${profiles.length})`),
      filter.node, status,
      scrollTable('Profiles', h('table.data',
        h('caption.visually-hidden', 'Profiles'),
        h('thead', h('tr', ...['Name', 'Description', 'Version', 'Tags', 'Used by', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
        tbody))));
  return node;
}

/**
 * The create / edit form: name (fixed once created), description, one fieldset per question
 * (radios or checkboxes as the question allows), tags.
 * @param {ProfileTemplate} template
 * @param {Profile | null} editing
 * @param {(input: import('../pkg/plumbline.js').ProfileInput) => Promise<void>} save
 * @param {() => void} cancel
 */
function profileForm(template, editing, save, cancel) {
  const name = textField({ name: 'profileName', label: 'Name', hint: '3 to 100 characters. It cannot be changed later.', maxLength: 100, value: editing?.profileName });
  if (editing) name.input.disabled = true;
  const description = textField({ name: 'profileDescription', label: 'Description', hint: '3 to 250 characters.', maxLength: 250, multiline: true, rows: 2, value: editing?.profileDescription });
  const tags = tagEditor(editing?.tags);
  /** @type {Record<string, string[]>} */
  const chosen = Object.fromEntries((editing?.profileQuestions || []).map((q) => [q.questionId, q.selectedChoiceIds]));
  const questionsError = h('p.field-error', { hidden: true, id: 'profile-questions-error' });
  const questions = template.questions.map((q) => {
    const single = q.maxSelectedChoices === 1;
    return h('fieldset.field', { dataset: { profileQuestion: q.questionId } },
      h('legend', q.title),
      h('p.field-description', q.description, single ? '' : ' Select any that apply.'),
      q.choices.map((c) => {
        const id = `pq-${q.questionId}-${c.choiceId}`;
        const input = h('input', { type: single ? 'radio' : 'checkbox', id, name: `pq-${q.questionId}`, value: c.choiceId, 'aria-describedby': `${id}-why` });
        input.checked = (chosen[q.questionId] || []).includes(c.choiceId);
        const why = c.prioritizes.length ? `Prioritizes: ${c.prioritizes.join(', ')}` : 'Prioritizes no question.';
        return h('div.choice-line', input, h('label', { for: id }, c.title), h('span.choice-help', { id: `${id}-why` }, why));
      }));
  });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, editing ? 'Save profile' : 'Create profile');
  const form = h('form.panel.profile-form', { novalidate: true, 'aria-labelledby': 'profile-form-h' },
    h('h2', { id: 'profile-form-h', tabindex: '-1' }, editing ? `Edit profile ${editing.profileName}` : 'Create profile'),
    editing ? h('p.hint', `Saving makes version ${editing.profileVersion + 1}; workloads using this profile get a notification to upgrade.`) : null,
    name.node, description.node, questions, questionsError, tags.node,
    h('div.form-actions', saveButton, h('button', { type: 'button', class: 'secondary', on: { click: cancel } }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of [name, description, tags]) f.setError(null);
    questionsError.hidden = true;
    const profileQuestions = template.questions.map((q) => ({
      questionId: q.questionId,
      selectedChoiceIds: [...form.querySelectorAll(`input[name="pq-${q.questionId}"]:checked`)].map((i) => /** @type {HTMLInputElement} */ (i).value),
    }));
    try {
      await save({
        ...(editing ? {} : { profileName: name.input.value }),
        profileDescription: description.input.value,
        profileQuestions,
        tags: tags.value(),
      });
    } catch (e) {
      const field = engineErrorOf(e)?.field;
      const shown = { profileName: name, profileDescription: description, tags }[field || ''];
      if (shown) shown.setError(sayError(e));
      else {
        questionsError.hidden = false;
        questionsError.textContent = sayError(e);
      }
    }
  });
  return form;
}
