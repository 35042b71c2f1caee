// @ts-check
// A grouped horizontal bar chart of high and medium issues per pillar, drawn as inline SVG
// with DOM APIs, followed by the same numbers as a table (the accessible form of the chart).
import { h, nextId } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element with its attributes and children (text becomes text nodes).
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {...(Node | string | null)} children
 */
function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A generous width per character of the 12 px chart text, so no text is ever cut. */
const CHAR_W = 7.5;

/**
 * `text` in lines of at most `max` characters, broken between words (a longer word stays whole
 * on its own line, and the label column is made wide enough for it).
 * @param {string} text @param {number} max
 */
export function wrapLabel(text, max) {
  /** @type {string[]} */
  const lines = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/**
 * rows: [{label, high, medium, group?}]; series: which of 'high' / 'medium' to draw. Rows with
 * a `group` (a lens name) are drawn under that group's heading when there is more than one.
 * Returns a <figure> with the SVG and a table. Every text is measured generously and the
 * drawing made wide enough for it, so labels and values are never clipped.
 * @param {string} title
 * @param {{label: string, high: number, medium: number, group?: string}[]} rows
 * @param {('high' | 'medium')[]} [series]
 */
export function issuesChart(title, rows, series = ['high', 'medium']) {
  const titleId = nextId('chart-title');
  const descId = nextId('chart-desc');
  const grouped = new Set(rows.map((r) => r.group ?? '')).size > 1;
  const barH = 14;
  const gap = 4;
  const lineH = 14;
  const width = 640;
  const valueText = (/** @type {number} */ n, /** @type {'high' | 'medium'} */ s) => `${n} ${s}`;
  const valueW = Math.max(0, ...rows.flatMap((r) => series.map((s) => valueText(r[s], s).length))) * CHAR_W + 10;
  const longestWord = Math.max(0, ...rows.flatMap((r) => r.label.split(/\s+/).map((w) => w.length)));
  const labelChars = Math.max(longestWord, Math.min(24, Math.max(0, ...rows.map((r) => r.label.length))));
  const labelW = Math.min(width / 2, labelChars * CHAR_W + 16);
  const plotW = Math.max(40, width - labelW - valueW);
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r[s])));
  const desc = rows.map((r) => `${r.label}: ${series.map((s) => valueText(r[s], s)).join(', ')}`).join('; ');

  const chart = svg('svg', { role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: titleId }, title),
    svg('desc', { id: descId }, desc || 'No issues.'));
  let y = 4;
  let group = null;
  for (const r of rows) {
    if (grouped && (r.group ?? '') !== group) {
      group = r.group ?? '';
      y += group === (rows[0].group ?? '') ? 0 : 8;
      chart.append(svg('text', { x: 0, y: y + 12, class: 'chart-group' }, group || 'Other pillars'));
      y += lineH + 6;
    }
    const lines = wrapLabel(r.label, Math.floor((labelW - 16) / CHAR_W));
    const barsH = series.length * (barH + gap);
    const groupH = Math.max(barsH, lines.length * lineH) + 12;
    const labelTop = y + (barsH - lines.length * lineH) / 2 + 11;
    chart.append(svg('text', { x: labelW - 8, y: labelTop, 'text-anchor': 'end', class: 'chart-label' },
      ...lines.map((line, i) => svg('tspan', { x: labelW - 8, y: labelTop + i * lineH }, line))));
    series.forEach((s, j) => {
      const barY = y + j * (barH + gap);
      const w = Math.round((r[s] / max) * plotW);
      chart.append(svg('rect', { x: labelW, y: barY, width: Math.max(w, r[s] > 0 ? 2 : 0), height: barH, class: `bar bar-${s}` }));
      chart.append(svg('text', { x: labelW + w + 6, y: barY + barH - 3, class: 'chart-value' }, valueText(r[s], s)));
    });
    y += groupH;
  }
  chart.setAttribute('viewBox', `0 0 ${width} ${Math.max(40, y + 10)}`);
  const legend = h('p.chart-legend', { 'aria-hidden': 'true' },
    series.includes('high') ? h('span.legend-high', 'High risk') : null,
    series.includes('medium') ? h('span.legend-medium', 'Medium risk') : null);

  const columns = 1 + series.length;
  /** @param {{label: string, high: number, medium: number}} r */
  const row = (r) => h('tr', h('th', { scope: 'row' }, r.label),
    series.includes('high') ? h('td.num', String(r.high)) : null,
    series.includes('medium') ? h('td.num', String(r.medium)) : null);
  const bodies = grouped
    ? [...new Set(rows.map((r) => r.group ?? ''))].map((g) => h('tbody',
      h('tr', h('th', { scope: 'rowgroup', colspan: String(columns), class: 'group-head' }, g || 'Other pillars')),
      rows.filter((r) => (r.group ?? '') === g).map(row)))
    : [h('tbody', rows.map(row))];
  const table = h('table.data',
    h('caption', `${title} (table)`),
    h('thead', h('tr', h('th', { scope: 'col' }, 'Pillar'),
      series.includes('high') ? h('th', { scope: 'col' }, 'High risks') : null,
      series.includes('medium') ? h('th', { scope: 'col' }, 'Medium risks') : null)),
    bodies);

  return h('figure.chart-figure', chart, legend, h('div.table-scroll', { role: 'region', 'aria-label': `${title} as a table`, tabindex: '0' }, table));
}
