// @ts-check
// Tables: a wide table inside a labelled, keyboard-scrollable region, so small screens scroll
// the table and not the page; while it is wider than its region, a line above says so and its
// right edge fades (a cut-off column alone looks like the end of the table). And column
// headers that sort, as buttons, with `aria-sort` on the header.
import { h } from './dom.js';

/** @param {string} name what the table holds, for the scroll region's label @param {HTMLTableElement} table */
export function scrollTable(name, table) {
  const region = h('div.table-scroll', { role: 'region', 'aria-label': `${name} table`, tabindex: '0' }, table);
  const cue = h('p.scroll-cue', { hidden: true }, 'Scroll sideways to see every column (or focus the table and use the arrow keys).');
  const frame = h('div.table-frame', cue, region);
  const update = () => {
    const wider = region.scrollWidth > region.clientWidth + 1;
    cue.hidden = !wider;
    frame.classList.toggle('scrolls', wider);
    frame.classList.toggle('at-end', region.scrollLeft + region.clientWidth >= region.scrollWidth - 1);
  };
  // Sizes are only known on screen, and change with the window and with redrawn rows.
  if (typeof ResizeObserver === 'function') {
    const watch = new ResizeObserver(update);
    watch.observe(region);
    watch.observe(table);
  }
  region.addEventListener('scroll', update, { passive: true });
  return frame;
}

/**
 * A column header that sorts its table: a button (so Tab and Enter reach it) inside a `th`
 * whose `aria-sort` says the current order; the arrow repeats it for the eye.
 * @param {string} label
 * @param {'ascending' | 'descending' | null} sorted this column's order, or null when another column sorts
 * @param {() => void} onSort
 */
export function sortHeader(label, sorted, onSort) {
  const arrow = sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕';
  return h('th', { scope: 'col', 'aria-sort': sorted ?? 'none', dataset: { sort: label } },
    h('button.sort-button', { type: 'button', on: { click: onSort } },
      label, h('span.sort-arrow', { 'aria-hidden': 'true' }, ` ${arrow}`)));
}
