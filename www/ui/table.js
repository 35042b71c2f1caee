// @ts-check
// A wide table inside a keyboard-scrollable region, so small screens scroll the table and not
// the page.
import { h } from './dom.js';

/** @param {string} name what the table holds, for the scroll region's label @param {HTMLTableElement} table */
export function scrollTable(name, table) {
  return h('div.table-scroll', { role: 'region', 'aria-label': `${name} table`, tabindex: '0' }, table);
}
