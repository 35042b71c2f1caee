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

/**
 * rows: [{label, high, medium}]; series: which of 'high' / 'medium' to draw.
 * Returns a <figure> with the SVG and a table.
 * @param {string} title
 * @param {{label: string, high: number, medium: number}[]} rows
 * @param {('high' | 'medium')[]} [series]
 */
export function issuesChart(title, rows, series = ['high', 'medium']) {
  const titleId = nextId('chart-title');
  const descId = nextId('chart-desc');
  const labelW = 190;
  const barH = 14;
  const gap = 4;
  const groupH = series.length * (barH + gap) + 12;
  const width = 640;
  const plotW = width - labelW - 50;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r[s])));
  const height = Math.max(40, rows.length * groupH + 30);
  const desc = rows.map((r) => `${r.label}: ${series.map((s) => `${r[s]} ${s}`).join(', ')}`).join('; ');

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: titleId }, title),
    svg('desc', { id: descId }, desc || 'No issues.'));
  rows.forEach((r, i) => {
    const y0 = i * groupH + 4;
    chart.append(svg('text', { x: labelW - 8, y: y0 + (series.length * (barH + gap)) / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, r.label));
    series.forEach((s, j) => {
      const y = y0 + j * (barH + gap);
      const w = Math.round((r[s] / max) * plotW);
      chart.append(svg('rect', { x: labelW, y, width: Math.max(w, r[s] > 0 ? 2 : 0), height: barH, class: `bar bar-${s}` }));
      chart.append(svg('text', { x: labelW + w + 6, y: y + barH - 3, class: 'chart-value' }, `${r[s]} ${s === 'high' ? 'high' : 'medium'}`));
    });
  });
  const legend = h('p.chart-legend', { 'aria-hidden': 'true' },
    series.includes('high') ? h('span.legend-high', 'High risk') : null,
    series.includes('medium') ? h('span.legend-medium', 'Medium risk') : null);

  const table = h('table.data',
    h('caption', `${title} (table)`),
    h('thead', h('tr', h('th', { scope: 'col' }, 'Pillar'),
      series.includes('high') ? h('th', { scope: 'col' }, 'High risks') : null,
      series.includes('medium') ? h('th', { scope: 'col' }, 'Medium risks') : null)),
    h('tbody', rows.map((r) => h('tr', h('th', { scope: 'row' }, r.label),
      series.includes('high') ? h('td.num', String(r.high)) : null,
      series.includes('medium') ? h('td.num', String(r.medium)) : null))));

  return h('figure.chart-figure', chart, legend, h('div.table-scroll', { role: 'region', 'aria-label': `${title} as a table`, tabindex: '0' }, table));
}
