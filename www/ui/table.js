// @ts-check
// A wide table inside a keyboard-scrollable region, so small screens scroll the table and not
// the page.
import { h } from './dom.js';

export function scrollTable(name, table) {
  return h('div.table-scroll', { role: 'region', 'aria-label': `${name} table`, tabindex: '0' }, table);
}
