// @ts-check
// An ordered list the user reorders with "Move up" / "Move down" buttons (keyboard friendly,
// no drag and drop). onChange receives the ids in their new order.
import { h } from './dom.js';
import { announce } from './announce.js';

/**
 * priorityList({label, items: [{id, name}], onChange}) → {node, value}
 * @param {object} options
 * @param {string} options.label
 * @param {{id: string, name: string}[]} options.items
 * @param {(ids: string[]) => void} [options.onChange]
 * @param {string} [options.idPrefix]
 */
export function priorityList({ label, items, onChange, idPrefix = 'prio' }) {
  let order = items.map((i) => ({ ...i }));
  const list = h('ol.priority-list', { 'aria-label': label });

  /** @param {number} index @param {number} delta @param {'up' | 'down'} which */
  function move(index, delta, which) {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const [item] = order.splice(index, 1);
    order.splice(target, 0, item);
    draw();
    const btn = /** @type {HTMLButtonElement | null} */ (list.querySelector(`[data-move="${which}"][data-item="${CSS.escape(item.id)}"]`));
    const fallback = /** @type {HTMLButtonElement | null} */ (list.querySelector(`[data-move="${which === 'up' ? 'down' : 'up'}"][data-item="${CSS.escape(item.id)}"]`));
    (btn && !btn.disabled ? btn : fallback)?.focus();
    announce(`${item.name} moved to position ${target + 1} of ${order.length}.`);
    onChange?.(order.map((i) => i.id));
  }

  function draw() {
    list.replaceChildren(...order.map((item, index) =>
      h('li', { dataset: { pillarId: item.id } },
        h('span.priority-name', item.name),
        h('span.priority-buttons',
          h('button', {
            type: 'button', class: 'small secondary', disabled: index === 0, 'aria-label': `Move ${item.name} up`,
            dataset: { move: 'up', item: item.id }, id: `${idPrefix}-${item.id}-up`,
            on: { click: () => move(index, -1, 'up') },
          }, '↑ Up'),
          h('button', {
            type: 'button', class: 'small secondary', disabled: index === order.length - 1, 'aria-label': `Move ${item.name} down`,
            dataset: { move: 'down', item: item.id }, id: `${idPrefix}-${item.id}-down`,
            on: { click: () => move(index, 1, 'down') },
          }, '↓ Down')))));
  }

  draw();
  return { node: list, value: () => order.map((i) => i.id) };
}

/**
 * The lens's pillars in the workload's priority order (unnamed pillars follow in lens order).
 * @template {{id: string}} P
 * @param {P[]} pillars
 * @param {string[] | undefined} priority none yet in a workload being defined
 */
export function orderPillars(pillars, priority) {
  const byId = new Map(pillars.map((p) => [p.id, p]));
  /** @type {P[]} */
  const out = [];
  for (const id of priority ?? []) {
    const p = byId.get(id);
    if (p) { out.push(p); byId.delete(id); }
  }
  for (const p of pillars) if (byId.has(p.id)) out.push(p);
  return out;
}
