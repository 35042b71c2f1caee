// @ts-check
// Line and column (as the engine reports them) back to offsets in a JS string, to select the
// reported line in a textarea. The engine's rules: lines end at "\n", "\r\n" or a lone "\r";
// columns count characters (Unicode code points), both 1-based. JS strings index UTF-16 code
// units, so a character outside the BMP takes two.

/**
 * {start, end} offsets of line `line` (1-based) without its line break; null when past the end.
 * @param {string} text
 * @param {number} line
 * @returns {{start: number, end: number} | null}
 */
export function lineRange(text, line) {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const lf = text.indexOf('\n', start);
    const cr = text.indexOf('\r', start);
    const brk = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (brk === -1) return null;
    start = brk + (text[brk] === '\r' && text[brk + 1] === '\n' ? 2 : 1);
  }
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/**
 * The offset of `column` (1-based, in code points) on the line starting at `start`, capped at `end`.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {number} column
 */
export function columnOffset(text, start, end, column) {
  let at = start;
  for (let c = 1; c < column && at < end; c++) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff && at + 1 < end ? 2 : 1;
  }
  return at;
}

/** Lines longer than this (a minified file is one line) get a short selection at the column. */
const LONG_LINE = 200;

/**
 * Focuses `textarea` and selects line `line`, scrolled into view. On a very long line only
 * the stretch from `column` is selected, so the place stays visible. Returns false when the
 * text has no such line (it was edited since the check).
 * @param {HTMLTextAreaElement} textarea
 * @param {number} line
 * @param {number} [column]
 */
export function selectLine(textarea, line, column = 1) {
  const text = textarea.value;
  const range = lineRange(text, line);
  if (!range) return false;
  let { start, end } = range;
  if (end - start > LONG_LINE) {
    start = columnOffset(text, start, end, column);
    end = Math.min(end, start + 40);
  }
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // Chromium does not always scroll a selection made by script into view: put the line about
  // a third of the way down the box.
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
  return true;
}
