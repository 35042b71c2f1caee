// @ts-check
// A page's own state in its address, after the `?` of the hash route (`#/workloads?q=…`): read
// when the page is drawn, and replaced (not pushed) as it changes, so a reload shows the same
// state and Back leaves the page instead of stepping through every keystroke.

/** The query of the current hash route. */
export function routeQuery() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

/**
 * Puts `route` in the address without drawing the page again (no hashchange).
 * @param {string} route
 */
export function replaceRoute(route) {
  if (location.hash !== route) history.replaceState(history.state, '', route);
}
