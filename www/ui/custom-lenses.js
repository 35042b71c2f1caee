// @ts-check
// The workspace's custom lenses on the Lenses page. "Import lens" keeps the last checked text
// as a draft (a new lens, or the new draft of one already imported: that is how an author
// fixes a draft); the "Custom lenses" table lists them with Preview (the draft's text, checked
// and previewed in the workbench, errors and all), Publish lens (a version name;
// refused while the draft has errors), Export lens (the draft's JSON) and Delete (refused
// while a workload uses the lens). Every message is text; nothing is uploaded.
import { h, nextId } from './dom.js';
import { scrollTable } from './table.js';
import { fieldDialog, confirmDialog } from './dialog.js';
import { tagEditor } from './tags.js';
import { tagFilter, matchesTag, tagsText } from './tag-filter.js';
import { deleteFlow } from './delete-flow.js';
import { downloadText, fileName } from './download.js';
import { formatDate } from './format.js';
import { diagnosticsSummary } from './diagnostics.js';
import { sayError } from '../errors.js';

const NEW_LENS = '';
const plural = (/** @type {number} */ n, /** @type {string} */ one) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** @typedef {import('../pkg/plumbline.js').LensSummary} LensSummary */
/** @typedef {import('../pkg/plumbline.js').DamagedRecord} DamagedRecord */

/**
 * What the panel does with the workspace; the Lenses view passes the engine's calls.
 * @typedef {object} CustomLensStore
 * @property {() => Promise<{lenses: LensSummary[], damaged: DamagedRecord[]}>} list the custom lenses and the unreadable ones
 * @property {(text: string, lensAlias: string | undefined) => Promise<import('../pkg/plumbline.js').ImportLensResult>} importLens
 * @property {(lensAlias: string, lensVersion: string) => Promise<import('../pkg/plumbline.js').LensVersionSummary>} createLensVersion
 * @property {(lensAlias: string) => Promise<string>} exportLens the draft's text
 * @property {(lensAlias: string) => Promise<void>} deleteLens
 * @property {(lensAlias: string, tags: Record<string, string>) => Promise<LensSummary>} tagLens replaces the lens's tags
 */

/**
 * customLensesPanel({store, announce, preview}) → {importNode, tableNode, setChecked, refresh}.
 * `setChecked({text, lint} | null)` follows every check of the workbench; `preview(text, name)`
 * shows a lens's draft text in the workbench.
 * @param {{store: CustomLensStore, announce: (message: string) => void,
 *   preview: (text: string, name: string) => Promise<void>}} options
 */
export function customLensesPanel({ store, announce, preview }) {
  /** @type {LensSummary[]} */
  let lenses = [];
  /** Custom lens records that cannot be read, listed for deletion. @type {DamagedRecord[]} */
  let damaged = [];
  /** @type {{text: string} | null} */
  let checked = null;

  const status = h('p.check-summary', { role: 'status', dataset: { customStatus: '' } });
  const error = h('p.error-text', { role: 'alert', hidden: true, dataset: { customError: '' } });
  const targetId = nextId('import-target');
  const hintId = nextId('import-hint');
  const target = h('select', { id: targetId, name: 'importTarget', 'aria-describedby': hintId });
  const importButton = h('button', {
    type: 'button', class: 'primary', disabled: true, 'aria-describedby': hintId,
    on: { click: () => importChecked() },
  }, 'Import lens');
  const tableBox = h('div', { dataset: { customTable: '' } });
  let tagQuery = '';
  const filter = tagFilter('custom lenses', (q) => { tagQuery = q; renderTable(); });

  /** @param {string} message @param {boolean} [isError] */
  function say(message, isError = false) {
    error.hidden = !isError;
    error.textContent = isError ? message : '';
    status.textContent = isError ? '' : message;
    if (!isError && message) announce?.(message);
  }

  /** @param {string} [selected] */
  function renderTargets(selected = target.value) {
    target.replaceChildren(
      h('option', { value: NEW_LENS }, 'A new custom lens'),
      ...lenses.map((l) => h('option', { value: l.lensAlias }, `New draft of ${l.lensName}`)));
    target.value = lenses.some((l) => l.lensAlias === selected) ? selected : NEW_LENS;
  }

  /**
   * A custom lens record that cannot be read: named by its id, with Delete only.
   * @param {DamagedRecord} d
   */
  function damagedRow(d) {
    const alias = d.recordId.slice('customlens/'.length);
    const name = `Unreadable lens ${alias.slice(0, 8)}`;
    return h('tr', { dataset: { lensAlias: alias, damaged: 'true' } },
      h('th', { scope: 'row' }, name),
      h('td', { dataset: { status: '' } }, 'Damaged'),
      h('td', '—'),
      h('td', 'Its stored record cannot be read; it cannot be used, published or exported.'),
      h('td', '—'),
      h('td', '—'),
      h('td', h('div.row-actions',
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`, on: { click: () => remove({ lensAlias: alias, lensName: name }) } }, 'Delete'))));
  }

  function renderTable() {
    if (!lenses.length && !damaged.length) {
      tableBox.replaceChildren(h('p', { dataset: { noCustomLenses: '' } }, 'No custom lens yet. Check a lens file below, then choose Import lens.'));
      return;
    }
    const rows = lenses.filter((l) => matchesTag(l.tags, tagQuery)).map((l) => {
      const name = l.lensName || l.lensAlias;
      const draft = l.draftErrorCount ? plural(l.draftErrorCount, 'error') : 'No errors';
      return h('tr', { dataset: { lensAlias: l.lensAlias } },
        h('th', { scope: 'row' }, name),
        h('td', { dataset: { status: '' } }, l.lensStatus === 'DRAFT' ? 'Draft' : 'Published'),
        h('td', l.lensVersion || '—'),
        h('td', { dataset: { draft: '' } }, draft),
        h('td', formatDate(l.updatedAt)),
        h('td', { dataset: { tags: '' } }, tagsText(l.tags)),
        h('td', h('div.row-actions',
          h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit tags of ${name}`, on: { click: () => editTags(l) } }, 'Edit tags'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `Preview ${name}`, on: { click: () => previewLens(l) } }, 'Preview'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `Publish lens ${name}`, on: { click: () => publish(l) } }, 'Publish lens'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `Export lens ${name}`, on: { click: () => exportLens(l) } }, 'Export lens'),
          h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`, on: { click: () => remove(l) } }, 'Delete'))));
    });
    tableBox.replaceChildren(scrollTable('Custom lenses', h('table.data',
      h('caption.visually-hidden', `Custom lenses (${lenses.length + damaged.length})`),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Latest version'),
        h('th', { scope: 'col' }, 'Draft'),
        h('th', { scope: 'col' }, 'Updated'),
        h('th', { scope: 'col' }, 'Tags'),
        h('th', { scope: 'col' }, 'Actions'))),
      h('tbody', rows, damaged.map(damagedRow)))));
  }

  /** Edit tags: the workload tag editor in a dialog; replaces the lens's tags. @param {LensSummary} l */
  async function editTags(l) {
    const name = l.lensName || l.lensAlias;
    const editor = tagEditor(l.tags);
    const ok = await confirmDialog({ title: `Tags of ${name}`, body: [editor.node], confirmLabel: 'Save tags' });
    if (!ok) return;
    try {
      await store.tagLens(l.lensAlias, editor.value());
    } catch (e) {
      say(`The tags of “${name}” were not saved. ${sayError(e)}`, true);
      return;
    }
    await refresh(l.lensAlias);
    say(`Saved the tags of “${name}”.`);
  }

  /** @param {LensSummary} l */
  async function previewLens(l) {
    const name = l.lensName || l.lensAlias;
    try {
      await preview(await store.exportLens(l.lensAlias), name);
    } catch (e) {
      say(`The lens could not be previewed. ${sayError(e)}`, true);
    }
  }

  /** @param {string} [selected] the lens to preselect as the import target */
  async function refresh(selected) {
    ({ lenses, damaged } = await store.list());
    renderTable();
    renderTargets(selected);
  }

  async function importChecked() {
    if (!checked) return;
    importButton.disabled = true;
    try {
      const result = await store.importLens(checked.text, target.value || undefined);
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      await refresh(result.lensAlias);
      say(errors
        ? `Imported “${result.lensName}” as a draft: ${diagnosticsSummary(result.diagnostics)}. Fix the errors, check the lens again and import it as a new draft of “${result.lensName}”; then publish it.`
        : `Imported “${result.lensName}” as a draft: ${diagnosticsSummary(result.diagnostics)}. Publish it to use it in workloads.`);
    } catch (e) {
      say(`The lens could not be imported. ${sayError(e)}`, true);
    } finally {
      importButton.disabled = !checked;
    }
  }

  /** @param {LensSummary} l */
  async function publish(l) {
    const name = l.lensName || l.lensAlias;
    const version = await fieldDialog({
      title: `Publish lens ${name}`,
      intro: 'Publishing makes the current draft an immutable version that workloads can use. A draft with errors cannot be published.',
      label: 'Version name',
      hint: 'From 1 to 32 characters, unique in this lens, such as 1.0.',
      maxLength: 32,
      submitLabel: 'Publish',
      submit: (value) => store.createLensVersion(l.lensAlias, value.trim()),
    });
    if (!version) return;
    await refresh();
    say(`Published “${name}” version ${version.lensVersion}. It can now be applied to workloads.`);
  }

  /** @param {LensSummary} l */
  async function exportLens(l) {
    try {
      const text = await store.exportLens(l.lensAlias);
      downloadText(`${fileName(l.lensName || 'custom-lens')}.json`, text, 'application/json');
      say(`Exported the draft of “${l.lensName}”.`);
    } catch (e) {
      say(`The lens could not be exported. ${sayError(e)}`, true);
    }
  }

  /** @param {{lensAlias: string, lensName: string}} l */
  async function remove(l) {
    const name = l.lensName || l.lensAlias;
    const deleted = await deleteFlow({
      what: 'lens',
      name,
      consequences: `The custom lens “${name}”, its draft and all its versions will be deleted from this browser. This cannot be undone. A lens that a workload uses cannot be deleted.`,
      remove: () => store.deleteLens(l.lensAlias),
      announce,
      showError: (message) => say(message, true),
    });
    if (!deleted) return;
    await refresh();
    say(`Deleted “${name}”.`);
  }

  const tableNode = h('section.panel', { 'aria-labelledby': 'custom-h', dataset: { customLenses: '' } },
    h('h2', { id: 'custom-h' }, 'Custom lenses'),
    h('p', 'Lenses imported into this workspace. A draft can be previewed and fixed; publish a version to apply the lens to workloads.'),
    filter.node, tableBox, status, error);

  const importNode = h('section.panel', { 'aria-labelledby': 'import-h' },
    h('h2', { id: 'import-h' }, 'Import lens'),
    h('div.field',
      h('label', { for: targetId }, 'Import as'),
      target,
      h('p.hint', { id: hintId }, 'Imports the lens text last checked above into this workspace as a draft, errors and all. Check a lens first.')),
    h('div.actions', importButton));

  /** @param {{text: string} | null} value */
  function setChecked(value) {
    checked = value;
    importButton.disabled = !checked;
  }

  return { importNode, tableNode, setChecked, refresh };
}
