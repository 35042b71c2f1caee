// @ts-check
// The header of every printed page (a PDF of the report): text in the @page margin boxes,
// which CSS can only take from a stylesheet, so a stylesheet made for the page on screen and
// removed when it leaves. A constructed sheet is CSSOM, not an inline style: the page's
// Content-Security-Policy allows it. The text is untrusted (workload names): it goes in as a
// CSS string with its quotes, backslashes and control characters escaped.

/**
 * `text` as a CSS string literal.
 * @param {string} text
 */
export function cssString(text) {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

/**
 * Puts `left` and `right` at the top of every printed page until the returned function runs.
 * @param {string} left
 * @param {string} right
 * @returns {() => void} removes the header
 */
export function printHeader(left, right) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@page { @top-left { content: ${cssString(left)}; font-size: 9pt; } @top-right { content: ${cssString(right)}; font-size: 9pt; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
