// @ts-check
// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape, and we
// return focus to the control that opened it.
import { h, nextId } from './dom.js';
import { textField } from './field.js';
import { sayError, kindOf } from '../errors.js';

/**
 * Opens a modal dialog that `build` fills; resolves with what `build`'s `done` is given.
 * @template T
 * @param {(dialog: HTMLDialogElement, titleId: string, done: (value: T) => void) => void} build
 * @returns {Promise<T | undefined>}
 */
function openDialog(build) {
  const opener = document.activeElement;
  const titleId = nextId('dialog-title');
  const dialog = h('dialog.dialog', { 'aria-labelledby': titleId });
  document.body.append(dialog);
  return new Promise((resolve) => {
    /** @type {T | undefined} */
    let result;
    const done = (/** @type {T} */ value) => {
      result = value;
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(result);
    });
    build(dialog, titleId, done);
    dialog.showModal();
    const first = /** @type {HTMLElement | null} */ (dialog.querySelector('[autofocus]') || dialog.querySelector('input, select, textarea, button'));
    first?.focus();
  });
}

/**
 * Resolves true when confirmed. `body` is an array of nodes/strings.
 * @param {{title: string, body: import('./dom.js').Child[], confirmLabel: string, danger?: boolean}} options
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, body, confirmLabel, danger = false }) {
  return openDialog((/** @type {HTMLDialogElement} */ dialog, /** @type {string} */ titleId, /** @type {(confirmed: boolean) => void} */ done) => {
    dialog.append(
      h('h2', { id: titleId }, title),
      h('div.dialog-body', ...body),
      h('div.actions',
        h('button', { type: 'button', class: 'secondary', autofocus: true, on: { click: () => done(false) } }, 'Cancel'),
        h('button', { type: 'button', class: danger ? 'danger' : 'primary', on: { click: () => done(true) } }, confirmLabel)),
    );
  }).then((v) => v === true);
}

/**
 * A one-field form dialog. `submit(value)` may throw an Error with kind "Validation": its
 * message is shown under the field and the dialog stays open. Resolves with submit's result,
 * or undefined when cancelled.
 * @template T
 * @param {object} options
 * @param {string} options.title
 * @param {string} [options.intro]
 * @param {string} options.label
 * @param {string} [options.hint]
 * @param {number} [options.maxLength]
 * @param {string} options.submitLabel
 * @param {(value: string) => Promise<T>} options.submit
 * @returns {Promise<T | undefined>}
 */
export function fieldDialog({ title, intro, label, hint, maxLength, submitLabel, submit }) {
  return openDialog((/** @type {HTMLDialogElement} */ dialog, /** @type {string} */ titleId, /** @type {(value: T | undefined) => void} */ done) => {
    const field = textField({ name: 'value', label, hint, maxLength, required: true });
    const form = h('form', { novalidate: true },
      h('h2', { id: titleId }, title),
      intro ? h('p', intro) : null,
      field.node,
      h('p.error-text.form-error', { role: 'alert', hidden: true }),
      h('div.actions',
        h('button', { type: 'button', class: 'secondary', on: { click: () => done(undefined) } }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, submitLabel)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      field.setError(null);
      try {
        done(await submit(field.input.value));
      } catch (e) {
        if (kindOf(e) === 'Validation' || kindOf(e) === 'Conflict') field.setError(sayError(e));
        else {
          const box = /** @type {HTMLElement} */ (form.querySelector('.form-error'));
          box.hidden = false;
          box.textContent = sayError(e);
        }
      }
    });
    dialog.append(form);
  });
}
