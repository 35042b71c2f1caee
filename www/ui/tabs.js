// @ts-check
// Page tabs as a navigation list of links: each tab is its own URL, the current one is marked
// with aria-current.
import { h, routeLink } from './dom.js';

/**
 * @param {string} label
 * @param {[key: string, text: string, route: string][]} tabs
 * @param {string} currentKey
 */
export function tabNav(label, tabs, currentKey) {
  return h('nav.tabs', { 'aria-label': label },
    h('ul', tabs.map(([key, text, route]) => h('li',
      routeLink(route, { 'aria-current': key === currentKey ? 'page' : undefined }, text)))));
}
