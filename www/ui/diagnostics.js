// The findings of a lens check: a summary line ("2 errors, 5 warnings" / "No problems found")
// and a table of every diagnostic (severity in words and a shape, code, line:column, JSON
// path, message) with "Show in text" to select the reported line in the lens text.
import { h } from './dom.js';
import { scrollTable } from './table.js';

const SEVERITY = {
  error: { shape: '⊗', word: 'Error' },
  warning: { shape: '⚠', word: 'Warning' },
};

const plural = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 errors, 5 warnings", "No errors, 1 warning", or "No problems found". */
export function diagnosticsSummary(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!errors && !warnings) return 'No problems found';
  return `${errors ? plural(errors, 'error') : 'No errors'}, ${plural(warnings, 'warning')}`;
}

export function severityBadge(severity) {
  const s = SEVERITY[severity] || { shape: '•', word: String(severity) };
  return h('span', { class: `severity severity-${s.word.toLowerCase()}` },
    h('span', { 'aria-hidden': 'true' }, s.shape, ' '), s.word);
}

/** The table of diagnostics; `showInText(line, column)` is called by each row's action. */
export function diagnosticsTable(diagnostics, showInText) {
  const rows = diagnostics.map((d) => {
    const where = `${d.line}:${d.column}`;
    const show = h('button', { type: 'button', class: 'link-button', on: { click: () => showInText(d.line, d.column) } },
      'Show in text', h('span.visually-hidden', ` for line ${d.line} (${d.code})`));
    return h('tr', { dataset: { code: d.code, severity: d.severity } },
      h('td', severityBadge(d.severity)),
      h('td', h('code', d.code)),
      h('td.num', { dataset: { position: where } }, where),
      h('td', h('code.json-path', d.path || '(root)')),
      h('td', d.message),
      h('td', show));
  });
  return scrollTable('Diagnostics',
    h('table.data.diagnostics',
      h('caption.visually-hidden', `Diagnostics (${diagnostics.length})`),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Severity'),
        h('th', { scope: 'col' }, 'Code'),
        h('th', { scope: 'col' }, 'Line:column'),
        h('th', { scope: 'col' }, 'JSON path'),
        h('th', { scope: 'col' }, 'Message'),
        h('th', { scope: 'col' }, 'Action'))),
      h('tbody', rows)));
}
