// @ts-check
// An improvement item's backlog (owner, status and its reason, due date, notes): as read-only
// lines (milestones, reports) or as a small form that saves through `save` (the plan page).
// Errors name the field by its label, next to it, and focus goes to the first one.
import { h } from './dom.js';
import { textField, selectField } from './field.js';
import { engineErrorOf, errorText, sayError } from '../errors.js';
import { ITEM_STATUS, statusLabel } from './format.js';

/** @typedef {import('../pkg/plumbline.js').BacklogItem} BacklogItem */
/** @typedef {import('../pkg/plumbline.js').ItemStatus} ItemStatus */
/** @typedef {import('../pkg/plumbline.js').ImprovementItemUpdate} ImprovementItemUpdate */

/** Statuses that keep the risk on purpose, so they say why. */
const NEEDS_REASON = new Set(['POSTPONED', 'RISK_ACKNOWLEDGED']);

/** The labels the form shows, by the API's field names (errors are worded with them). */
const LABELS = /** @type {const} */ ({ owner: 'Owner', status: 'Status', statusReason: 'Reason', dueDate: 'Due date', notes: 'Item notes' });

/**
 * A person's sentence for the engine's error about `field`: the label instead of the field's
 * name, no code quotes.
 * @param {string} label @param {string} field @param {string} message
 */
export function fieldMessage(label, field, message) {
  const rule = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return `${label} ${rule.replace(/`([^`]*)`/g, '"$1"')}`;
}

/**
 * The item's backlog as lines of text, or null when it has none.
 * @param {Pick<BacklogItem, 'owner' | 'status' | 'statusReason' | 'dueDate' | 'notes' | 'updatedAt'>} item
 */
export function backlogSummary(item) {
  if (!item.updatedAt) return null;
  /** @type {[string, string | undefined][]} */
  const rows = [
    ['Status', item.statusReason ? `${statusLabel(item.status)} (${item.statusReason})` : statusLabel(item.status)],
    ['Owner', item.owner],
    ['Due date', item.dueDate],
    ['Item notes', item.notes],
  ];
  return h('dl.backlog-fields', rows.filter(([, v]) => v).map(([k, v]) => h('div', h('dt', k), h('dd', v))));
}

/**
 * The form for one item. `save(update)` writes it and returns the saved item; `onSaved` then
 * hears of it (the page redraws counts and filters).
 * @param {BacklogItem} item
 * @param {{save: (update: ImprovementItemUpdate) => Promise<BacklogItem>, onSaved?: (saved: BacklogItem) => void}} options
 */
export function backlogForm(item, { save, onSaved }) {
  let current = item;
  const owner = textField({ name: 'owner', label: LABELS.owner, value: item.owner, maxLength: 100, optional: true, hint: 'A person or a team.' });
  const status = selectField({ name: 'status', label: LABELS.status, options: ITEM_STATUS, value: item.status });
  const reason = textField({ name: 'statusReason', label: LABELS.statusReason, value: item.statusReason, maxLength: 250, hint: 'Why the risk stays for now (needed for Postponed and Risk acknowledged).' });
  const due = textField({ name: 'dueDate', label: LABELS.dueDate, value: item.dueDate, type: 'date', optional: true });
  const notes = textField({ name: 'notes', label: LABELS.notes, value: item.notes, maxLength: 2084, multiline: true, rows: 3, optional: true });
  const fields = { owner, status, statusReason: reason, dueDate: due, notes };
  const showReason = () => { reason.node.hidden = !NEEDS_REASON.has(status.input.value); };
  status.input.addEventListener('change', showReason);
  showReason();
  const result = h('p.save-state', { role: 'status' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Save item');
  const form = h('form.backlog-form', { novalidate: true },
    h('div.backlog-grid', owner.node, status.node, due.node), reason.node, notes.node,
    h('div.backlog-actions', button, result));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of Object.values(fields)) f.setError(null);
    result.textContent = '';
    const chosen = /** @type {ItemStatus} */ (status.input.value);
    /** @type {ImprovementItemUpdate} */
    const update = {
      owner: owner.input.value,
      status: chosen,
      statusReason: NEEDS_REASON.has(chosen) ? reason.input.value : '',
      dueDate: due.input.value,
      notes: notes.input.value,
      expectedRevision: current.revision,
    };
    button.disabled = true;
    try {
      const saved = await save(update);
      current = saved;
      result.textContent = `Saved: ${statusLabel(saved.status)}${saved.owner ? `, owner ${saved.owner}` : ''}${saved.dueDate ? `, due ${saved.dueDate}` : ''}.`;
      onSaved?.(saved);
    } catch (e) {
      const err = engineErrorOf(e);
      const key = /** @type {keyof typeof fields | undefined} */ (err?.field && err.field in fields ? err.field : undefined);
      if (key) {
        const message = fieldMessage(LABELS[key], key, errorText(e));
        fields[key].setError(message);
        fields[key].input.focus();
        result.textContent = `Not saved: ${message}`;
      } else if (err?.kind === 'Conflict') {
        result.textContent = 'Not saved: this item was changed elsewhere (another tab or window). Reload the page to see the change, then edit again.';
      } else {
        result.textContent = `Not saved: ${sayError(e)}`;
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
