// @ts-check
// The Backup section of Settings: "Back up workspace" saves the whole workspace as one file;
// "Restore from backup" reads such a file, shows what it would change (nothing is written
// yet), lets the user choose for each item that exists here with other content — keep mine,
// take the backup's, or keep both — and then restores everything in one go.
import * as api from '../api.js';
import { h, nextId } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { markBackedUp } from '../backup-reminder.js';
import { sayError } from '../errors.js';

const CHOICES = [
  ['keepMine', 'Keep mine'],
  ['takeBackup', "Take the backup's"],
  ['keepBoth', 'Keep both (restore a copy)'],
];
/** @type {Record<string, string>} */
const STATUS_TEXT = {
  new: 'Not here yet: will be restored',
  identical: 'Already here, unchanged',
  conflict: 'Here with other content',
};
/** @type {Record<string, string>} */
const KIND_TEXT = { workload: 'Workload', customLens: 'Custom lens' };

/**
 * What an engine error means to the person restoring.
 * @param {unknown} e the engine's error
 */
function problem(e) {
  return `${sayError(e)} Nothing was changed.`;
}

/** [label, select]; in a table row the label is for screen readers only. */
/**
 * @param {string} label
 * @param {import('../pkg/plumbline.js').RestoreResolution} value
 * @param {(value: import('../pkg/plumbline.js').RestoreResolution) => void} onChange
 * @param {{labelShown?: boolean}} [options]
 * @returns {[HTMLElement, HTMLSelectElement]}
 */
function choiceSelect(label, value, onChange, { labelShown = false } = {}) {
  const id = nextId('restore-choice');
  const select = h('select', { id, on: { change: () => onChange(/** @type {import('../pkg/plumbline.js').RestoreResolution} */ (select.value)) } },
    CHOICES.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return [h(labelShown ? 'label' : 'label.visually-hidden', { for: id }, label), select];
}

/**
 * The preview of a restore: a table of items, a choice per conflict, and Restore.
 * @param {import('../pkg/plumbline.js').RestoreResult} preview
 * @param {string} text the backup file
 * @param {import('../app.js').ViewContext} ctx
 * @param {(result: import('../pkg/plumbline.js').RestoreResult) => void} onDone
 */
function previewPanel(preview, text, ctx, onDone) {
  const conflicts = preview.items.filter((i) => i.status === 'conflict');
  /** @type {Record<string, import('../pkg/plumbline.js').RestoreResolution>} */
  const resolutions = Object.fromEntries(conflicts.map((i) => [i.id, 'keepMine']));
  const status = h('p', { role: 'status' });
  const error = h('p.error-text', { role: 'alert', hidden: true });
  const s = preview.summary;
  const restore = h('button', { type: 'button', class: 'primary' }, 'Restore');

  const selects = new Map();
  const rows = preview.items.map((item) => {
    /** @type {string | HTMLElement[]} */
    let cell = '—';
    if (item.status === 'conflict') {
      cell = choiceSelect(`What to do with ${item.name}`, resolutions[item.id], (v) => { resolutions[item.id] = v; });
      selects.set(item.id, cell[1]);
    }
    return h('tr', { dataset: { itemId: item.id, status: item.status } },
      h('td', KIND_TEXT[item.itemKind] ?? item.itemKind),
      h('th', { scope: 'row' }, item.name),
      h('td', STATUS_TEXT[item.status] ?? item.status, item.reason ? h('span.hint', ` (${item.reason})`) : null),
      h('td', cell));
  });
  // One choice for every conflict at once; each row can still be changed after.
  const forAll = conflicts.length > 1
    ? h('div.field', choiceSelect('For every item that exists here with other content', 'keepMine', (v) => {
      for (const [id, select] of selects) {
        resolutions[id] = v;
        select.value = v;
      }
    }, { labelShown: true }))
    : null;

  restore.addEventListener('click', async () => {
    restore.disabled = true;
    error.hidden = true;
    status.textContent = 'Restoring…';
    try {
      const result = await api.importWorkspace(text, { mode: 'apply', resolutions });
      const copies = result.items.filter((i) => i.copyName).map((i) => `"${i.copyName}"`);
      const restored = result.items.filter((i) => i.status === 'new' || (i.resolution && i.resolution !== 'keepMine')).length;
      status.textContent = `Restored ${restored} item(s).` + (copies.length ? ` Copies: ${copies.join(', ')}.` : '')
        + (result.damagedSkipped ? ` ${result.damagedSkipped} damaged record(s) kept in the file were not restored.` : '');
      ctx.announce(status.textContent);
      onDone?.(result);
    } catch (e) {
      status.textContent = '';
      error.hidden = false;
      error.textContent = problem(e);
      ctx.announce(error.textContent);
    } finally {
      restore.disabled = false;
    }
  });

  return h('div.restore-preview', { dataset: { restorePreview: '' } },
    h('p', `Backup of ${new Date(s.exportedAt).toLocaleString('en-US')}: ${s.workloads} workload(s), ${s.answers} answer(s), `
      + `${s.milestones} milestone(s), ${s.customLenses} custom lens(es).`),
    conflicts.length
      ? h('p', `${conflicts.length} item(s) exist here with other content. Choose for each what to keep; nothing is overwritten unless you choose "Take the backup's".`)
      : null,
    forAll,
    h('table.data',
      h('caption.visually-hidden', 'What the restore does with each item of the backup'),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Choice'))),
      h('tbody', rows)),
    h('div.actions', restore),
    error,
    status);
}

/**
 * The Backup section; `ctx` gives announce().
 * @param {import('../app.js').ViewContext} ctx
 */
export function backupSection(ctx) {
  const headingId = nextId('backup-h');
  const fileId = nextId('backup-file');
  const status = h('p', { role: 'status' });
  const error = h('p.error-text', { role: 'alert', hidden: true });
  const previewSlot = h('div');
  const file = h('input', { type: 'file', id: fileId, accept: '.json,application/json', 'aria-describedby': `${fileId}-hint` });

  const backUp = h('button', { type: 'button', class: 'primary' }, 'Back up workspace');
  backUp.addEventListener('click', async () => {
    error.hidden = true;
    backUp.disabled = true;
    try {
      const text = await api.exportWorkspace();
      const day = new Date().toISOString().slice(0, 10);
      downloadText(`plumbline-backup-${day}.json`, text, 'application/json');
      markBackedUp();
      status.textContent = 'Workspace backed up. Keep the file somewhere safe: it holds every workload, answer, note, milestone and custom lens.';
      ctx.announce(status.textContent);
    } catch (e) {
      error.hidden = false;
      error.textContent = `Not backed up. ${sayError(e)}`;
    } finally {
      backUp.disabled = false;
    }
  });

  const restore = h('button', { type: 'button', class: 'secondary' }, 'Restore from backup');
  restore.addEventListener('click', async () => {
    error.hidden = true;
    previewSlot.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) {
      error.hidden = false;
      error.textContent = 'Choose a backup file first.';
      file.focus();
      return;
    }
    try {
      const text = await chosen.text();
      const preview = await api.importWorkspace(text, { mode: 'preview' });
      previewSlot.replaceChildren(previewPanel(preview, text, ctx, () => { file.value = ''; }));
      /** @type {HTMLElement | null} */ (previewSlot.querySelector('select, button'))?.focus();
    } catch (e) {
      error.hidden = false;
      error.textContent = problem(e);
      ctx.announce(error.textContent);
    }
  });

  return h('section.panel', { 'aria-labelledby': headingId, dataset: { section: 'backup' } },
    h('h2', { id: headingId }, 'Backup'),
    h('p', 'One file holds the whole workspace: every workload with its properties, answers, notes and milestones, and every custom lens with its draft and versions. Restoring it here or in another browser brings everything back.'),
    h('div.actions', backUp),
    h('div.field',
      h('label', { for: fileId }, 'Backup file to restore (JSON)'),
      file,
      h('p.hint', { id: `${fileId}-hint` }, 'You see what the restore would change before anything is written.')),
    h('div.actions', restore),
    error,
    status,
    previewSlot);
}
