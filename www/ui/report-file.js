// @ts-check
// The report as a self-contained HTML file: an <html> element tree made with DOM APIs, the
// report's nodes cloned into it, a small stylesheet as text, and a Content-Security-Policy that
// allows no script, no fetch and no outside style. All lens and user text went in as text
// nodes, so serialising the document escapes it; no string of HTML is ever parsed.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.45; color: #16191f; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #d5dbdb; padding-bottom: 0.25rem; margin-top: 2rem; }
dl.props div { display: flex; flex-wrap: wrap; gap: 0 1rem; } dl.props dt { font-weight: 600; min-width: 12rem; } dl.props dd { margin: 0; }
table { border-collapse: collapse; margin: 0.75rem 0; } th, td { border: 1px solid #d5dbdb; padding: 0.25rem 0.5rem; text-align: left; } td.num { text-align: right; }
.risk-summary { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; } .risk-summary dd { margin: 0; font-weight: 700; }
.risk { font-weight: 600; } .risk-high { color: #b0160f; } .risk-medium { color: #8a5300; } .risk-none { color: #1d6b2b; }
.notes { white-space: pre-wrap; } .subtle { color: #545b64; } .visually-hidden { position: absolute; left: -9999px; }
li { margin: 0.25rem 0; } .answer-list, .plan-items, .top-items { list-style: none; padding-left: 0; } .report-question { margin-bottom: 0.75rem; } .report-label { margin: 0.25rem 0 0; font-weight: 600; }
@media print { h2 { break-after: avoid; } .report-question, .plan-item { break-inside: avoid; } .report-pillar { break-before: page; } .report-summary { break-after: page; } }
`;

/**
 * The file's text: `<!doctype html>` and the serialised page. The elements are built detached
 * (never connected to this page), so their stylesheet is not applied here and the page's own
 * CSP has nothing to check; `nodes` are cloned, not moved.
 * @param {string} title
 * @param {Node[]} nodes
 */
export function reportFile(title, nodes) {
  const el = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attrs = {}) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const html = el('html', { lang: 'en' });
  const head = el('head');
  const titleEl = el('title');
  titleEl.textContent = title;
  const style = el('style');
  style.textContent = CSS;
  head.append(
    el('meta', { charset: 'utf-8' }),
    el('meta', { 'http-equiv': 'Content-Security-Policy', content: CSP }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'referrer', content: 'no-referrer' }),
    titleEl,
    style);
  const main = el('main');
  for (const node of nodes) main.append(node.cloneNode(true));
  // Nothing that runs: drop any script and inline handler, whatever the source.
  for (const e of main.querySelectorAll('script, iframe, object, embed')) e.remove();
  for (const e of main.querySelectorAll('*')) {
    for (const attr of [...e.attributes]) if (/^on/i.test(attr.name)) e.removeAttribute(attr.name);
  }
  const body = el('body');
  body.append(main);
  html.append(head, body);
  return `<!doctype html>\n${html.outerHTML}\n`;
}
