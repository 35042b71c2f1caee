// @ts-check
// The Export panel of a workload or a milestone: a format, the lenses, Download. Every format
// but the spreadsheet is a file the engine writes; the spreadsheet is built here from the
// engine's export data by www/xlsx.js, loaded on first use only.
import { h, nextId } from './dom.js';
import { downloadBlob } from './download.js';
import { sayError } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').ExportFormat | 'xlsx'} PanelFormat */

/** The choices of the Format list, with what each file is for. @type {[PanelFormat, string][]} */
export const EXPORT_FORMATS = [
  ['xlsx', 'Excel workbook (.xlsx)'],
  ['csv', 'CSV, one row per best practice'],
  ['markdown', 'Markdown report'],
  ['json', 'JSON (API shapes, for scripts)'],
  ['jira', 'Jira import (CSV)'],
  ['github', 'GitHub issues (JSON for gh)'],
  ['azure-devops', 'Azure DevOps work items (CSV)'],
];

/**
 * A file name part made as the engine makes its own (`safe_name`): letters and digits of any
 * script, lowercased, every other run one "-".
 * @param {string} text
 */
export function safeName(text) {
  const parts = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [...parts.join('-')].slice(0, 60).join('').replace(/-+$/, '') || 'workload';
}

/**
 * A file the engine wrote, as saveFile takes it.
 * @param {import('../pkg/plumbline.js').ExportFile} file
 */
export const engineFile = (file) => ({ name: file.fileName, blob: new Blob([file.text], { type: file.mediaType }) });

/**
 * One download: says it is being prepared, saves the file `make` gives and says which, or
 * shows why not (in `error`, an alert).
 * @param {{status: HTMLElement, error: HTMLElement}} out
 * @param {() => Promise<{name: string, blob: Blob}>} make
 */
export async function saveFile({ status, error }, make) {
  error.hidden = true;
  status.textContent = 'Preparing the file…';
  try {
    const { name, blob } = await make();
    downloadBlob(name, blob);
    status.textContent = `Downloaded ${name}.`;
  } catch (e) {
    status.textContent = '';
    error.hidden = false;
    error.textContent = `Not exported: ${sayError(e)}`;
  }
}

/**
 * exportPanel({...}) → the panel's node.
 * @param {object} options
 * @param {string} options.workloadName for the spreadsheet's file name
 * @param {number} [options.milestoneNumber] the milestone shown; none for the workload now
 * @param {{alias: string, name: string}[]} options.lenses the lenses that can be exported
 * @param {(options: import('../pkg/plumbline.js').ReportOptions) => Promise<import('../pkg/plumbline.js').ExportFile>} options.exportReport
 * @param {(options: import('../pkg/plumbline.js').ExportDataOptions) => Promise<import('../pkg/plumbline.js').ExportData>} options.exportData
 */
export function exportPanel({ workloadName, milestoneNumber, lenses, exportReport, exportData }) {
  const formatId = nextId('export-format');
  const lensId = nextId('export-lens');
  const headingId = nextId('export-h');
  const format = h('select', { id: formatId, name: 'format' },
    EXPORT_FORMATS.map(([value, text]) => h('option', { value }, text)));
  const lens = h('select', { id: lensId, name: 'lens' },
    h('option', { value: '' }, 'All lenses'),
    lenses.map((l) => h('option', { value: l.alias }, l.name)));
  const status = h('p.save-state', { role: 'status' });
  const error = h('p.error-text', { role: 'alert', hidden: true });
  const button = h('button', { type: 'button', class: 'secondary', on: { click: download } }, 'Download');

  async function download() {
    button.disabled = true;
    const chosen = /** @type {PanelFormat} */ (format.value);
    const lensAliases = lens.value ? [lens.value] : undefined;
    const at = milestoneNumber ? { milestoneNumber } : {};
    await saveFile({ status, error }, async () => {
      if (chosen !== 'xlsx') return engineFile(await exportReport({ format: chosen, lensAliases, ...at }));
      const [{ workbookBlob }, data] = await Promise.all([import('../xlsx.js'), exportData({ lensAliases, ...at })]);
      const name = `${safeName(workloadName)}${milestoneNumber ? `-milestone-${milestoneNumber}` : ''}.xlsx`;
      return { name, blob: await workbookBlob(data) };
    });
    button.disabled = false;
  }

  return h('section.panel.export-panel', { 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Export'),
    h('p', milestoneNumber
      ? 'Download this milestone as a spreadsheet, a report, a data file for scripts, or tickets for your tracker.'
      : 'Download the current state as a spreadsheet, a report, a data file for scripts, or tickets for your tracker.'),
    h('div.export-controls',
      h('div.field', h('label', { for: formatId }, 'Format'), format),
      h('div.field', h('label', { for: lensId }, 'Lens'), lens),
      h('div.actions', button)),
    error,
    status);
}
