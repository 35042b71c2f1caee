// @ts-check
// Messages that outlive a page (work a closed page could not save, the backup reminder): each
// is a labelled region in #notices, above the page, until the user dismisses it. Not a modal:
// the app stays usable around it.
import { h } from './dom.js';
import { announce } from './announce.js';

const area = () => document.getElementById('notices');

/**
 * Shows `lines` (strings or nodes, one paragraph each) under `title`, replacing a notice with
 * the same `name`; `actions` are extra nodes beside Dismiss. Returns the notice's node.
 * @param {string} title
 * @param {(string | Node)[]} lines
 * @param {{name?: string, actions?: Node[], onDismiss?: () => void}} [options]
 */
export function showNotice(title, lines, { name = title, actions = [], onDismiss } = {}) {
  hideNotice(name);
  const dismiss = h('button', { type: 'button', class: 'secondary' }, 'Dismiss', h('span.visually-hidden', `: ${title}`));
  const notice = h('section.notice', { 'aria-label': title, dataset: { notice: name } },
    h('div.notice-text', h('p', h('strong', title)), lines.map((line) => h('p', line))),
    h('div.actions', actions, dismiss));
  dismiss.addEventListener('click', () => {
    notice.remove();
    onDismiss?.();
    document.getElementById('main')?.focus();
  });
  area()?.append(notice);
  announce(`${title}. ${lines.filter((l) => typeof l === 'string').join(' ')}`);
  return notice;
}

/** @param {string} name */
export function hideNotice(name) {
  area()?.querySelector(`[data-notice="${CSS.escape(name)}"]`)?.remove();
}
