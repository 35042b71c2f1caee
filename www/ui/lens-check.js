// @ts-check
// "Check a lens file": a file input and a text box for the lens JSON, Check lens, and the
// findings (summary line and diagnostics table, each with Show in text). Choosing a file puts
// its text in the box and checks it at once; the engine checks the box's text, so the line and
// column it reports point into what the box shows, numbered in a gutter beside it, and after a
// check the box jumps to (scrolls to and selects) the first error. Everything stays in the
// page.
import { h, nextId } from './dom.js';
import { readLensFile } from './lens-file.js';
import { diagnosticsSummary, diagnosticsTable } from './diagnostics.js';
import { selectLine } from './text-position.js';
import { errorText, sayError } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').LintResult} LintResult */

/**
 * lensCheckPanel({lint, onChecked, announce}) → {node, results, load}. `lint(text)` is the
 * engine's check; `onChecked({text, lint})` follows every check; `onChecked(null)` when the
 * input could not be read. `results` is the findings section, for the page to place;
 * `load(text)` puts a text in the box and checks it without moving focus (Preview of a custom
 * lens).
 * @param {object} options
 * @param {(text: string) => Promise<LintResult>} options.lint
 * @param {(checked: {text: string, lint: LintResult} | null) => Promise<void> | void} options.onChecked
 * @param {(message: string) => void} [options.announce]
 */
export function lensCheckPanel({ lint: lintText, onChecked, announce }) {
  const fileId = nextId('lens-file');
  const textId = nextId('lens-text');
  const file = h('input', { type: 'file', id: fileId, accept: '.json,application/json', 'aria-describedby': `${fileId}-hint` });
  const text = h('textarea', {
    id: textId, rows: 24, spellcheck: 'false', autocomplete: 'off', wrap: 'off',
    class: 'lens-text', 'aria-describedby': `${textId}-hint`,
  });
  const gutter = lineGutter(text);
  const error = h('p.error-text', { role: 'alert', hidden: true, dataset: { lensError: '' } });
  const button = h('button', { type: 'button', class: 'primary', on: { click: () => check() } }, 'Check lens');

  const summary = h('p.check-summary', { role: 'status', dataset: { summary: '' } });
  const table = h('div');
  const results = h('section.panel', { 'aria-labelledby': 'check-results-h', hidden: true, dataset: { results: '' } },
    h('h2', { id: 'check-results-h' }, 'Results'), summary, table);

  /** @param {string | null} message */
  function showError(message) {
    error.hidden = !message;
    error.textContent = message || '';
  }

  /** @param {number} line @param {number} column */
  function showInText(line, column) {
    if (!selectLine(text, line, column)) {
      showError(`Line ${line} is no longer in the text: it was edited after the check. Choose Check lens again.`);
    }
  }

  /** @param {{jump?: boolean}} [options] jump: select the first error in the text afterwards */
  async function check({ jump = true } = {}) {
    showError('');
    const value = text.value;
    if (value.trim() === '') {
      showError('Paste a lens or choose a lens file first.');
      results.hidden = true;
      onChecked?.(null);
      text.focus();
      return;
    }
    button.disabled = true;
    try {
      const lint = await lintText(value);
      const diagnostics = lint.diagnostics;
      summary.textContent = diagnosticsSummary(diagnostics);
      table.replaceChildren(diagnostics.length ? diagnosticsTable(diagnostics, showInText) : '');
      results.hidden = false;
      announce?.(`Lens checked: ${summary.textContent}.`);
      await onChecked?.({ text: value, lint });
      const first = diagnostics.find((d) => d.severity === 'error');
      if (jump && first && text.value === value) selectLine(text, first.line, first.column);
    } catch (e) {
      results.hidden = true;
      showError(`The lens could not be checked. ${sayError(e)}`);
      onChecked?.(null);
    } finally {
      button.disabled = false;
    }
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    showError('');
    try {
      text.value = await readLensFile(chosen);
      gutter.update();
    } catch (e) {
      results.hidden = true;
      showError(errorText(e));
      onChecked?.(null);
      return;
    }
    await check();
  });

  const node = h('section.panel', { 'aria-labelledby': 'check-h' },
    h('h2', { id: 'check-h' }, 'Check a lens file'),
    h('p', 'Choose a custom lens JSON file, or paste its text, then check it: every error and warning is listed with its line, column and JSON path.'),
    h('div.field',
      h('label', { for: fileId }, 'Choose a lens file'),
      file,
      h('p.hint', { id: `${fileId}-hint` }, 'The file is read in this browser and never uploaded. The limit is 500,000 bytes, as in AWS.')),
    h('div.field',
      h('label', { for: textId }, 'Lens JSON'),
      h('div.lens-editor', gutter.node, text),
      h('p.hint', { id: `${textId}-hint` }, 'A chosen file appears here; edit it and check again. Nothing leaves this page.')),
    h('div.actions', button),
    error);
  /** @param {string} value */
  async function load(value) {
    text.value = value;
    gutter.update();
    await check({ jump: false });
  }

  return { node, results, load };
}

/**
 * Line numbers beside a textarea that does not wrap its lines: one text node, redrawn only when
 * the number of lines changes, and scrolled with the box. Hidden from screen readers, which
 * read the line from the text itself.
 * @param {HTMLTextAreaElement} textarea
 */
function lineGutter(textarea) {
  const node = h('pre.line-numbers', { 'aria-hidden': 'true', dataset: { lineNumbers: '' } });
  let shown = 0;
  function update() {
    const lines = countLines(textarea.value);
    if (lines !== shown) {
      shown = lines;
      node.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
    }
    node.scrollTop = textarea.scrollTop;
  }
  textarea.addEventListener('input', update);
  textarea.addEventListener('scroll', () => { node.scrollTop = textarea.scrollTop; });
  update();
  return { node, update };
}

/** Lines as the engine counts them: ended by "\n", "\r\n" or a lone "\r". @param {string} text */
export function countLines(text) {
  return (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}
