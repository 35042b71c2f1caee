// @ts-check
// The findings of a lens check: a summary line ("2 errors, 5 warnings" / "No problems found")
// and a table of every diagnostic (severity in words and a shape, code, line:column, JSON
// path, message) with "Show in text" to select the reported line in the lens text, drawn a
// page of rows at a time.
import { h } from './dom.js';
import { scrollTable } from './table.js';

/** @type {Record<string, {shape: string, word: string}>} */
const SEVERITY = {
  error: { shape: '⊗', word: 'Error' },
  warning: { shape: '⚠', word: 'Warning' },
};

const plural = (/** @type {number} */ n, /** @type {string} */ one) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "2 errors, 5 warnings", "No errors, 1 warning", or "No problems found".
 * @param {import('../pkg/plumbline.js').Diagnostic[]} diagnostics
 */
export function diagnosticsSummary(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!errors && !warnings) return 'No problems found';
  return `${errors ? plural(errors, 'error') : 'No errors'}, ${plural(warnings, 'warning')}`;
}

/** @param {string} severity */
export function severityBadge(severity) {
  const s = SEVERITY[severity] || { shape: '•', word: String(severity) };
  return h('span', { class: `severity severity-${s.word.toLowerCase()}` },
    h('span', { 'aria-hidden': 'true' }, s.shape, ' '), s.word);
}

/** How many rows the table draws at first and at each "Show more": a lens with 100,000
 * problems must not build 100,000 rows (that froze the tab for minutes), and nobody reads
 * past the first few hundred before fixing some. */
export const PAGE_SIZE = 500;

/** @typedef {(line: number, column: number) => void} ShowInText */

/** @param {import('../pkg/plumbline.js').Diagnostic} d @param {ShowInText} showInText */
function diagnosticRow(d, showInText) {
  const where = `${d.line}:${d.column}`;
  const show = h('button', { type: 'button', class: 'link-button', on: { click: () => showInText(d.line, d.column) } },
    'Show in text', h('span.visually-hidden', ` for line ${d.line} (${d.code})`));
  return h('tr', { dataset: { code: d.code, severity: d.severity } },
    h('td', severityBadge(d.severity)),
    h('td.diag-code', h('code', d.code)),
    h('td.num', { dataset: { position: where } }, where),
    h('td', h('code.json-path', d.path || '(root)')),
    h('td', d.message),
    h('td', show));
}

/**
 * The table of diagnostics, the first PAGE_SIZE rows drawn, then "and N more" with a button
 * that draws the next PAGE_SIZE; `showInText(line, column)` is called by each row's action.
 * Rows are built off the document and added in one go (a DocumentFragment), and nothing reads
 * layout while they are built.
 * @param {import('../pkg/plumbline.js').Diagnostic[]} diagnostics
 * @param {ShowInText} showInText
 */
export function diagnosticsTable(diagnostics, showInText) {
  const tbody = h('tbody');
  const more = h('p.more-diagnostics', { dataset: { more: '' } });
  let drawn = 0;
  function drawNext() {
    const fragment = document.createDocumentFragment();
    const end = Math.min(drawn + PAGE_SIZE, diagnostics.length);
    for (let i = drawn; i < end; i++) fragment.append(diagnosticRow(diagnostics[i], showInText));
    const firstNew = fragment.firstElementChild;
    tbody.append(fragment);
    drawn = end;
    const left = diagnostics.length - drawn;
    more.replaceChildren();
    if (left > 0) {
      const next = Math.min(PAGE_SIZE, left);
      more.append(`Showing the first ${drawn.toLocaleString('en-US')} of ${diagnostics.length.toLocaleString('en-US')}, and ${left.toLocaleString('en-US')} more. `,
        h('button', { type: 'button', class: 'secondary', on: { click: () => showMore() } }, `Show ${next.toLocaleString('en-US')} more`));
    }
    return firstNew;
  }
  function showMore() {
    const firstNew = drawNext();
    // The button went away with the text: keep keyboard focus on the first new row's action.
    firstNew?.querySelector('button')?.focus();
  }
  drawNext();
  return h('div',
    scrollTable('Diagnostics',
      h('table.data.diagnostics',
        h('caption.visually-hidden', `Diagnostics (${diagnostics.length})`),
        h('thead', h('tr',
          h('th', { scope: 'col' }, 'Severity'),
          h('th', { scope: 'col' }, 'Code'),
          h('th', { scope: 'col' }, 'Line:column'),
          h('th', { scope: 'col' }, 'JSON path'),
          h('th', { scope: 'col' }, 'Message'),
          h('th', { scope: 'col' }, 'Action'))),
        tbody)),
    more);
}
