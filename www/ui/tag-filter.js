// @ts-check
// "Filter by tag" for a list: one text box taking `key` or `key=value`; a row stays when one of
// its tags matches (keys exactly, values exactly, as the AWS console's tag filter does).
import { h, nextId } from './dom.js';

/**
 * Whether `tags` pass `query` (empty: everything passes).
 * @param {Record<string, string> | undefined} tags
 * @param {string} query
 */
export function matchesTag(tags, query) {
  const q = query.trim();
  if (!q) return true;
  const eq = q.indexOf('=');
  const key = (eq < 0 ? q : q.slice(0, eq)).trim();
  const value = eq < 0 ? null : q.slice(eq + 1).trim();
  return Object.entries(tags || {}).some(([k, v]) => k === key && (value === null || v === value));
}

/**
 * The filter box; `onChange(query)` runs on each edit.
 * @param {string} what the list's name, for the label ("profiles")
 * @param {(query: string) => void} onChange
 */
export function tagFilter(what, onChange) {
  const id = nextId('tag-filter');
  const input = h('input', { id, type: 'search', autocomplete: 'off', 'aria-describedby': `${id}-hint`, dataset: { tagFilter: what } });
  input.addEventListener('input', () => onChange(input.value));
  const node = h('div.field.tag-filter',
    h('label', { for: id }, `Filter ${what} by tag`),
    input,
    h('p.hint', { id: `${id}-hint` }, 'A tag key, or key=value.'));
  return { node, input };
}

/** Tags as text for a table cell. @param {Record<string, string> | undefined} tags */
export function tagsText(tags) {
  const entries = Object.entries(tags || {});
  return entries.length ? entries.map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ') : '—';
}
