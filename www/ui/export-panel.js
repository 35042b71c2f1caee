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
 * @param {{alias: string, name: string, pillars?: {id: string, name: string}[]}[]} options.lenses
 *   the lenses that can be exported, with their pillars for the tracker formats' pillar filter
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
  const tickets = ticketFilters(lenses);
  const showTickets = () => { tickets.node.hidden = !TRACKERS.has(format.value); };
  format.addEventListener('change', showTickets);
  showTickets();

  async function download() {
    button.disabled = true;
    const chosen = /** @type {PanelFormat} */ (format.value);
    const lensAliases = lens.value ? [lens.value] : undefined;
    const at = milestoneNumber ? { milestoneNumber } : {};
    await saveFile({ status, error }, async () => {
      if (chosen !== 'xlsx') {
        const filters = TRACKERS.has(chosen) ? tickets.options() : {};
        return engineFile(await exportReport({ format: chosen, lensAliases, ...at, ...filters }));
      }
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
    tickets.node,
    error,
    status);
}

/** The formats that are tracker imports: their items can be filtered. */
const TRACKERS = new Set(['jira', 'github', 'azure-devops']);

/** @type {[string, string, ('HIGH' | 'MEDIUM')[]][]} */
const RISK_CHOICES = [
  ['both', 'High and medium risk', ['HIGH', 'MEDIUM']],
  ['high', 'High risk only', ['HIGH']],
  ['medium', 'Medium risk only', ['MEDIUM']],
];

/** @type {[string, string, import('../pkg/plumbline.js').ItemStatus[] | undefined][]} */
const STATUS_CHOICES = [
  ['todo', 'Open and in progress', undefined],
  ['all', 'Every status', ['OPEN', 'IN_PROGRESS', 'DONE', 'POSTPONED', 'RISK_ACKNOWLEDGED']],
];

/**
 * Which improvement items become tickets: a pillar, the risks, the backlog statuses (by default
 * the work still to do, as the engine's default).
 * @param {{pillars?: {id: string, name: string}[]}[]} lenses
 */
function ticketFilters(lenses) {
  const pillars = new Map(lenses.flatMap((l) => (l.pillars ?? []).map((p) => [p.id, p.name])));
  /** @param {string} name @param {string} text @param {[string, string][]} choices */
  const select = (name, text, choices) => {
    const id = nextId(`export-${name}`);
    const input = h('select', { id, name }, choices.map(([value, words]) => h('option', { value }, words)));
    return { input, field: h('div.field', h('label', { for: id }, text), input) };
  };
  const pillar = select('pillar', 'Pillar', [['', 'All pillars'], ...pillars]);
  const risk = select('risk', 'Risk', RISK_CHOICES.map(([v, t]) => [v, t]));
  const state = select('status', 'Item status', STATUS_CHOICES.map(([v, t]) => [v, t]));
  const node = h('fieldset.export-tickets',
    h('legend', 'Improvement items that become tickets'),
    h('div.export-controls', pillar.field, risk.field, state.field));
  /** @returns {Pick<import('../pkg/plumbline.js').ReportOptions, 'pillars' | 'risks' | 'statuses'>} */
  const options = () => ({
    pillars: pillar.input.value ? [pillar.input.value] : undefined,
    risks: RISK_CHOICES.find(([v]) => v === risk.input.value)?.[2],
    statuses: STATUS_CHOICES.find(([v]) => v === state.input.value)?.[2],
  });
  return { node, options };
}
