// @ts-check
// A page's filters kept in the address (`#/path?owner=Ana&status=OPEN`), so that a link or a
// reload shows the same view. Written with replaceState: changing a filter is not a new
// history entry and does not draw the page again (no hashchange).

/**
 * The values of `keys` in the address's query ('' when absent).
 * @template {string} K
 * @param {readonly K[]} keys
 * @returns {Record<K, string>}
 */
export function readQuery(keys) {
  const hash = location.hash;
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  return /** @type {Record<K, string>} */ (Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])));
}

/**
 * Puts `values` in the address's query, leaving out empty ones.
 * @param {Record<string, string>} values
 */
export function writeQuery(values) {
  const hash = location.hash;
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  const query = params.toString();
  history.replaceState(history.state, '', `${path}${query ? `?${query}` : ''}`);
}
