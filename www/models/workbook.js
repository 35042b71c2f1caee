// @ts-check
// The spreadsheet export as data: the sheets of the workbook (Summary, one per lens, the
// improvement plan), each a header row and typed rows, from the engine's exportData(). Pure:
// www/xlsx.js writes these sheets to a file; the tests read them without one.
import { RISK_LABELS, REASONS, IMPROVEMENT_STATUS, ENVIRONMENTS, label, statusLabel } from '../ui/format.js';

/** @typedef {import('../pkg/plumbline.js').ExportData} ExportData */
/** @typedef {import('../pkg/plumbline.js').RiskCounts} RiskCounts */
/**
 * A cell: text, a number or a date; `null` is an empty cell.
 * @typedef {{type: 'string', value: string} | {type: 'number', value: number} | {type: 'date', value: Date} | null} Cell
 */
/**
 * One sheet: its name, its rows (the header first) and the table the filters cover
 * (`filterFrom`: the header's row index; the table runs to the last row).
 * @typedef {{name: string, rows: Cell[][], widths: number[], filterFrom: number}} Sheet
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * A text cell from untrusted text (lens titles, notes, names). Spreadsheets read a cell typed
 * in, or a CSV saved from the sheet, that starts with =, +, -, an at sign, tab or CR as a formula, so
 * such text gets a leading apostrophe, as the engine's CSV export does.
 * @param {string | null | undefined} text
 * @returns {Cell}
 */
export function textCell(text) {
  if (text == null || text === '') return null;
  return { type: 'string', value: /^[=+\-@\t\r]/.test(text) ? `'${text}` : text };
}

/** @param {number} n @returns {Cell} */
const num = (n) => ({ type: 'number', value: n });

/**
 * A date cell from an ISO 8601 time; the text itself when it is not one.
 * @param {string | null | undefined} iso
 * @returns {Cell}
 */
export function dateCell(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? textCell(iso) : { type: 'date', value: d };
}

/** @param {string[]} titles @returns {Cell[]} */
const header = (titles) => titles.map((t) => ({ type: 'string', value: t }));

/**
 * A sheet name Excel accepts: no [ ] : * ? / \, no apostrophe at either end, 1 to 31
 * characters, unique in the workbook ignoring case (`taken` holds the names used, lowercased).
 * @param {string} wanted
 * @param {Set<string>} taken
 */
export function sheetName(wanted, taken) {
  const clean = [...wanted.replace(/[[\]:*?/\\\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '')];
  const base = clean.length ? clean : [...'Sheet'];
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length).join('').trim() + suffix;
    // "History" is reserved by Excel for its change tracking.
    if (!taken.has(name.toLowerCase()) && name.toLowerCase() !== 'history') {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const COUNT_TITLES = ['High', 'Medium', 'None', 'Not applicable', 'Unanswered'];

/** @param {RiskCounts} c */
const countCells = (c) => [c.HIGH, c.MEDIUM, c.NONE, c.NOT_APPLICABLE, c.UNANSWERED].map(num);

/**
 * Every sheet of the workbook, in order.
 * @param {ExportData} data
 * @returns {Sheet[]}
 */
export function workbookSheets(data) {
  const taken = new Set(['summary', 'improvement plan']);
  return [
    summarySheet(data),
    ...data.lenses.map((lens) => lensSheet(lens, sheetName(lens.review.lensName || lens.review.lensAlias, taken))),
    planSheet(data),
  ];
}

/** @param {ExportData} data @returns {Sheet} */
function summarySheet(data) {
  const w = data.workload;
  const m = data.milestone;
  /** @type {[string, Cell][]} */
  const props = [
    ['Workload', textCell(w.workloadName)],
    ['Description', textCell(w.description)],
    ['Review owner', textCell(w.reviewOwner)],
    ['Environment', textCell(label(ENVIRONMENTS, w.environment))],
    ['Improvement status', textCell(label(IMPROVEMENT_STATUS, w.improvementStatus))],
    ['Last updated', dateCell(w.updatedAt)],
    ...(m ? /** @type {[string, Cell][]} */ ([
      ['Milestone', textCell(m.milestoneName)],
      ['Milestone number', num(m.milestoneNumber)],
      ['Milestone saved', dateCell(m.recordedAt)],
    ]) : []),
    ['Questions at high risk', num(data.riskCounts.HIGH)],
    ['Questions at medium risk', num(data.riskCounts.MEDIUM)],
  ];
  const rows = [header(['Property', 'Value']), ...props.map(([k, v]) => [textCell(k), v]), []];
  const filterFrom = rows.length;
  rows.push(header(['Lens', 'Pillar', ...COUNT_TITLES]));
  for (const lens of data.lenses) {
    const lensName = lens.review.lensName;
    rows.push([textCell(lensName), textCell('All pillars'), ...countCells(lens.review.riskCounts)]);
    for (const p of lens.pillars) rows.push([textCell(lensName), textCell(p.name), ...countCells(p.riskCounts)]);
  }
  return { name: 'Summary', rows, widths: [28, 40, 10, 10, 10, 14, 12], filterFrom };
}

/**
 * @param {ExportData['lenses'][number]} lens
 * @param {string} name
 * @returns {Sheet}
 */
function lensSheet(lens, name) {
  const rows = [header(['Pillar', 'Question', 'Question title', 'Best practice', 'Status', 'Does not apply because',
    'Question risk', 'Impact if missing', 'Practice notes', 'Question notes', 'Question does not apply because'])];
  for (const pillar of lens.pillars) {
    for (const q of pillar.questions) {
      for (const p of q.practices) {
        rows.push([
          textCell(pillar.name), textCell(q.number), textCell(q.title), textCell(p.title),
          textCell(p.status === 'SELECTED' ? 'Selected' : p.status === 'NOT_APPLICABLE' ? 'Not applicable' : 'Not selected'),
          textCell(p.reason ? label(REASONS, p.reason) : ''),
          textCell(RISK_LABELS[q.risk]),
          textCell(p.impact ? RISK_LABELS[p.impact] : ''),
          textCell(p.notes), textCell(q.notes),
          textCell(q.reason ? label(REASONS, q.reason) : ''),
        ]);
      }
    }
  }
  return { name, rows, widths: [22, 10, 50, 50, 14, 22, 14, 16, 40, 40, 22], filterFrom: 0 };
}

/** @param {ExportData} data @returns {Sheet} */
function planSheet(data) {
  const rows = [header(['Order', 'Lens', 'Pillar', 'Question', 'Question title', 'Risk', 'Best practices to adopt', 'Question notes',
    'Item status', 'Status reason', 'Owner', 'Due date', 'Item notes', 'Resolved'])];
  let order = 0;
  for (const lens of data.lenses) {
    const questions = new Map(lens.pillars.flatMap((p) => p.questions.map((q) => [q.questionId, { pillar: p.name, q }])));
    // Items at risk first, in plan order; then those whose question is no longer at risk, kept
    // for their backlog fields (the plan lists them after, as the page does).
    for (const item of lens.plan) {
      const at = questions.get(item.questionId);
      order += 1;
      rows.push([
        num(order), textCell(lens.review.lensName), textCell(at?.pillar ?? item.pillarId),
        textCell(at?.q.number ?? ''), textCell(item.questionTitle), textCell(RISK_LABELS[item.risk]),
        textCell(item.bestPractices.map((b) => b.title).join('\n')), textCell(at?.q.notes),
        textCell(statusLabel(item.status)), textCell(item.statusReason), textCell(item.owner),
        dateCell(item.dueDate), textCell(item.notes), textCell(item.resolved ? 'Yes' : 'No'),
      ]);
    }
  }
  return { name: 'Improvement plan', rows, widths: [8, 24, 22, 10, 50, 14, 60, 40, 18, 30, 20, 12, 40, 10], filterFrom: 0 };
}

/**
 * The consolidated report's sheets: risk counts per workload, per workload lens and pillar,
 * and the questions at risk in several workloads.
 * @param {import('../pkg/plumbline.js').ConsolidatedReport} report
 * @returns {Sheet[]}
 */
export function consolidatedSheets(report) {
  const workloads = [header(['Workload', 'Review owner', 'Last updated', ...COUNT_TITLES])];
  const pillars = [header(['Workload', 'Lens', 'Pillar', ...COUNT_TITLES])];
  for (const w of report.workloads) {
    workloads.push([textCell(w.workloadName), textCell(w.reviewOwner), dateCell(w.updatedAt), ...countCells(w.riskCounts)]);
    for (const lens of w.lenses) {
      for (const p of lens.pillars) {
        pillars.push([textCell(w.workloadName), textCell(lens.lensName), textCell(p.pillarName), ...countCells(p.riskCounts)]);
      }
    }
  }
  const names = new Map(report.workloads.map((w) => [w.workloadId, w.workloadName]));
  const lensNames = new Map(report.workloads.flatMap((w) => w.lenses.map((l) => [l.lensAlias, l.lensName])));
  const shared = [header(['Lens', 'Question', 'Question title', 'Risk', 'Workloads', 'Workload names'])];
  for (const item of report.improvements) {
    shared.push([
      textCell(lensNames.get(item.lensAlias) ?? item.lensAlias), textCell(item.questionNumber), textCell(item.questionTitle),
      textCell(RISK_LABELS[item.risk]), num(item.workloadCount),
      textCell(item.workloadIds.map((id) => names.get(id) ?? id).join('\n')),
    ]);
  }
  return [
    { name: 'Workloads', rows: workloads, widths: [36, 28, 18, 10, 10, 10, 14, 12], filterFrom: 0 },
    { name: 'Risks by pillar', rows: pillars, widths: [36, 30, 30, 10, 10, 10, 14, 12], filterFrom: 0 },
    { name: 'Shared improvements', rows: shared, widths: [30, 10, 60, 14, 12, 50], filterFrom: 0 },
  ];
}
