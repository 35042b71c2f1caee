// @ts-check
// Tag rows: key and value inputs with Add tag / Remove.
import { h, nextId } from './dom.js';

export function tagEditor(initial = {}) {
  const rows = h('div.tag-rows');
  const errId = nextId('tags-error');
  const errorEl = h('p.field-error', { id: errId, hidden: true });
  let count = 0;

  function addRow(key = '', value = '') {
    count += 1;
    const n = count;
    const keyId = nextId('tag-key');
    const valueId = nextId('tag-value');
    const keyInput = h('input', { id: keyId, type: 'text', class: 'tag-key', maxlength: '128', 'aria-describedby': errId, autocomplete: 'off' });
    const valueInput = h('input', { id: valueId, type: 'text', class: 'tag-value', maxlength: '256', 'aria-describedby': errId, autocomplete: 'off' });
    keyInput.value = key;
    valueInput.value = value;
    const row = h('div.tag-row',
      h('div.tag-cell', h('label', { for: keyId }, `Tag ${n} key`), keyInput),
      h('div.tag-cell', h('label', { for: valueId }, `Tag ${n} value`), valueInput),
      h('button', {
        type: 'button', class: 'small secondary', 'aria-label': `Remove tag ${n}`,
        on: { click: () => { row.remove(); addButton.focus(); } },
      }, 'Remove'));
    rows.append(row);
    return keyInput;
  }

  const addButton = h('button', { type: 'button', class: 'secondary', on: { click: () => addRow().focus() } }, 'Add tag');
  for (const [k, v] of Object.entries(initial || {})) addRow(k, v);

  const node = h('fieldset.field', { dataset: { fieldWrapper: 'tags' } },
    h('legend', 'Tags', h('span.optional', ' – optional')),
    h('p.hint', 'Up to 50 tags. A key is 1 to 128 characters and unique; a value is at most 256 characters.'),
    rows, addButton, errorEl);

  return {
    node,
    input: addButton,
    value() {
      /** @type {Record<string, string>} */
      const out = {};
      for (const row of rows.querySelectorAll('.tag-row')) {
        const k = /** @type {HTMLInputElement} */ (row.querySelector('.tag-key')).value.trim();
        const v = /** @type {HTMLInputElement} */ (row.querySelector('.tag-value')).value;
        if (k || v) out[k] = v;
      }
      return out;
    },
    setError(/** @type {string | null} */ message) {
      errorEl.hidden = !message;
      errorEl.textContent = message || '';
      node.classList.toggle('has-error', Boolean(message));
      const first = rows.querySelector('input');
      if (first) {
        if (message) first.setAttribute('aria-invalid', 'true');
        else first.removeAttribute('aria-invalid');
      }
    },
  };
}
