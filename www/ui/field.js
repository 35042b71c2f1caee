// @ts-check
// Form fields with their label, the rule they follow, a character counter and an error slot,
// all wired with aria-describedby so a screen reader reads the rule and the error. The error
// stands right under the control, above the hint, where the eye is after typing.
import { h, nextId } from './dom.js';

/** @param {string} id */
function errorSlot(id) {
  return h('p.field-error', { id, hidden: true });
}

/**
 * The field's setError(message): shows the message (null hides it) and marks the controls.
 * @param {HTMLElement} wrapper
 * @param {Element[]} controls
 * @param {HTMLElement} errorEl
 * @returns {(message: string | null | undefined) => void}
 */
function wireError(wrapper, controls, errorEl) {
  return (message) => {
    errorEl.hidden = !message;
    errorEl.textContent = message ? message : '';
    wrapper.classList.toggle('has-error', Boolean(message));
    for (const c of controls) {
      if (message) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    }
  };
}

/** @param {number} max @param {number} used */
function remainingText(max, used) {
  const left = max - used;
  return left >= 0 ? `${left} characters remaining` : `${-left} characters too many`;
}

/**
 * textField({name, label, hint, value, maxLength, multiline, rows, optional, type, autocomplete})
 * → {node, input, setError}
 * @param {{name: string, label: string, hint?: string, description?: string, value?: string, maxLength?: number,
 *   multiline?: boolean, rows?: number, optional?: boolean, required?: boolean, type?: string, autocomplete?: string,
 *   spellcheck?: boolean, inputmode?: string}} opts
 */
export function textField(opts) {
  const id = nextId(opts.name);
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errId = `${id}-error`;
  const describedBy = [errId, opts.hint ? hintId : null, opts.maxLength ? countId : null].filter(Boolean).join(' ');
  const attrs = {
    id,
    name: opts.name,
    'aria-describedby': describedBy,
    autocomplete: opts.autocomplete || 'off',
    spellcheck: opts.spellcheck === false ? 'false' : undefined,
    dataset: { field: opts.name },
  };
  const input = opts.multiline
    ? h('textarea', { ...attrs, rows: opts.rows || 4 })
    : h('input', { ...attrs, type: opts.type || 'text', inputmode: opts.inputmode });
  input.value = opts.value ?? '';
  const counter = opts.maxLength ? h('p.counter', { id: countId }, remainingText(opts.maxLength, input.value.length)) : null;
  const max = opts.maxLength;
  if (counter && max) {
    input.addEventListener('input', () => {
      counter.textContent = remainingText(max, input.value.length);
      counter.classList.toggle('over', input.value.length > max);
    });
  }
  const errorEl = errorSlot(errId);
  const node = h('div.field', { dataset: { fieldWrapper: opts.name } },
    h('label', { for: id }, opts.label, opts.optional ? h('span.optional', ' – optional') : null),
    opts.description ? h('p.field-description', opts.description) : null,
    input,
    errorEl,
    opts.hint ? h('p.hint', { id: hintId }, opts.hint) : null,
    counter);
  return { node, input, setError: wireError(node, [input], errorEl) };
}

/**
 * selectField({name, label, options: [[value, text]], value, hint, optional, emptyLabel})
 * @param {{name: string, label: string, options: readonly (readonly string[])[], value?: string, hint?: string,
 *   description?: string, optional?: boolean, emptyLabel?: string}} opts
 */
export function selectField(opts) {
  const id = nextId(opts.name);
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  const select = h('select', { id, name: opts.name, 'aria-describedby': [errId, opts.hint ? hintId : null].filter(Boolean).join(' '), dataset: { field: opts.name } },
    opts.emptyLabel !== undefined ? h('option', { value: '' }, opts.emptyLabel) : null,
    opts.options.map(([v, t]) => h('option', { value: v }, t)));
  select.value = opts.value ?? '';
  const errorEl = errorSlot(errId);
  const node = h('div.field', { dataset: { fieldWrapper: opts.name } },
    h('label', { for: id }, opts.label, opts.optional ? h('span.optional', ' – optional') : null),
    opts.description ? h('p.field-description', opts.description) : null,
    select,
    errorEl,
    opts.hint ? h('p.hint', { id: hintId }, opts.hint) : null);
  return { node, input: select, setError: wireError(node, [select], errorEl) };
}

/**
 * radioGroup({name, legend, options: [[value, text, description]], value})
 * @param {{name: string, legend: string, options: readonly (readonly string[])[], value?: string, description?: string}} opts
 */
export function radioGroup(opts) {
  const errId = nextId(`${opts.name}-error`);
  /** @type {HTMLInputElement[]} */
  const radios = [];
  const fieldset = h('fieldset.field', { dataset: { fieldWrapper: opts.name }, 'aria-describedby': errId },
    h('legend', opts.legend),
    opts.description ? h('p.field-description', opts.description) : null,
    opts.options.map(([value, text, description]) => {
      const id = nextId(`${opts.name}-${value}`);
      const descId = description ? `${id}-desc` : undefined;
      const input = h('input', { type: 'radio', id, name: opts.name, value, 'aria-describedby': descId, dataset: { field: opts.name } });
      input.checked = opts.value === value;
      radios.push(input);
      return h('div.choice-line', input, h('label', { for: id }, text), description ? h('span.choice-help', { id: descId }, description) : null);
    }));
  const errorEl = errorSlot(errId);
  fieldset.append(errorEl);
  return {
    node: fieldset,
    input: radios[0],
    inputs: radios,
    value: () => radios.find((r) => r.checked)?.value,
    setError: wireError(fieldset, radios, errorEl),
  };
}

/**
 * A single checkbox with its label: {name, label, checked, disabled, description}
 * @param {{name: string, label: string, value?: string, checked?: boolean, disabled?: boolean, description?: string}} opts
 */
export function checkbox(opts) {
  const id = nextId(opts.name);
  const descId = opts.description ? `${id}-desc` : undefined;
  const input = h('input', { type: 'checkbox', id, name: opts.name, value: opts.value, disabled: opts.disabled, 'aria-describedby': descId });
  input.checked = Boolean(opts.checked);
  const node = h('div.choice-line', input, h('label', { for: id }, opts.label),
    opts.description ? h('span.choice-help', { id: descId }, opts.description) : null);
  return { node, input };
}
