// @ts-check
// Notes shown as text with an Edit button; Edit opens a labelled textarea with a character
// counter (the engine's limit), Save and Cancel. Save calls `save(text)`; an error stays on
// screen next to the text, which is kept. A Conflict (changed in another tab) also shows the
// version saved there, and Save again replaces it with the text in the box. flush() saves a
// changed, open box without a click (the page is being hidden or closed); unsaved() says when
// the box holds text a save refused, which only the user can resolve.
import { h, nextId } from './dom.js';
import { sayError, kindOf } from '../errors.js';

/** Characters as the engine counts them (Unicode scalar values, not UTF-16 units). */
export const charCount = (/** @type {string} */ text) => [...text].length;

/**
 * notesEditor({label, value, max, emptyText, save, reload})
 * - label: what the notes are ("Lens notes", "Notes on Security");
 * - save(text): async, resolves to the saved text; throws the engine's Error;
 * - reload(): async, after a Conflict: the text saved elsewhere;
 * - onChange(): after anything that may change unsaved() (typing, a save that ended).
 * Returns {node, setValue, flush, unsaved}.
 * @param {{label: string, value?: string, max: number, emptyText: string, save: (text: string) => Promise<string>,
 *   reload?: () => Promise<string>, onChange?: () => void}} options
 */
export function notesEditor({ label, value = '', max, emptyText, save, reload, onChange }) {
  let saved = value || '';
  let saving = false;
  let failed = false; // the last Save was refused and the box still holds the text
  const id = nextId('notes');
  const shown = h('div.notes-shown');
  const edit = h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit notes: ${label}`, dataset: { action: 'edit-notes' } }, 'Edit notes');
  const view = h('div.notes-view', shown, h('div.actions', edit));

  const box = h('textarea', { id, rows: 5, 'aria-describedby': `${id}-count ${id}-hint` });
  const count = h('p.counter', { id: `${id}-count`, 'aria-live': 'polite' });
  const error = h('div.error-text', { role: 'alert', hidden: true });
  const saveButton = h('button', { type: 'button', class: 'primary' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = h('div.notes-form', { hidden: true },
    h('div.field',
      h('label', { for: id }, label),
      box,
      h('p.hint', { id: `${id}-hint` }, `At most ${max.toLocaleString('en-US')} characters.`),
      count),
    error,
    h('div.actions', saveButton, cancel));

  function renderShown() {
    shown.replaceChildren(saved ? h('p.notes', saved) : h('p.subtle', emptyText));
  }
  function updateCount() {
    const left = max - charCount(box.value);
    count.textContent = left >= 0
      ? `${left.toLocaleString('en-US')} of ${max.toLocaleString('en-US')} characters remaining`
      : `${(-left).toLocaleString('en-US')} characters too many (at most ${max.toLocaleString('en-US')})`;
    count.classList.toggle('over', left < 0);
  }
  function open() {
    box.value = saved;
    error.hidden = true;
    updateCount();
    view.hidden = true;
    form.hidden = false;
    box.focus();
  }
  function close() {
    failed = false;
    form.hidden = true;
    view.hidden = false;
    renderShown();
    edit.focus();
  }
  // keepOpen: a save the user did not ask for (the tab was hidden) leaves the box as it was.
  async function submit({ keepOpen = false } = {}) {
    saveButton.disabled = true;
    saving = true;
    try {
      saved = (await save(box.value)) ?? box.value;
      failed = false;
      if (!keepOpen) close();
    } catch (e) {
      failed = true;
      error.hidden = false;
      if (kindOf(e) === 'Conflict') {
        const theirs = reload ? await reload().catch(() => null) : null;
        error.replaceChildren(
          h('p', 'These notes were changed in another tab or window. Your text is still in the box. ',
            'Choose Save to replace the other version with yours, or Cancel to keep it.'),
          theirs !== null ? h('p', 'Saved version: ', theirs ? h('span.notes', theirs) : h('em', 'no notes')) : '');
        if (theirs !== null) saved = theirs;
      } else {
        error.replaceChildren(h('p', 'Not saved. ', sayError(e)));
      }
      box.focus();
    } finally {
      saving = false;
      saveButton.disabled = false;
      onChange?.();
    }
  }
  const changed = () => !form.hidden && box.value !== saved;

  edit.addEventListener('click', open);
  cancel.addEventListener('click', close);
  saveButton.addEventListener('click', () => submit());
  box.addEventListener('input', () => {
    updateCount();
    onChange?.();
  });
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    }
  });
  renderShown();
  return {
    node: h('div.notes-editor', view, form),
    setValue(/** @type {string | undefined} */ text) {
      saved = text || '';
      if (form.hidden) renderShown();
    },
    flush() {
      if (changed() && !saving && !failed) submit({ keepOpen: true });
    },
    unsaved: () => changed() && failed,
  };
}
