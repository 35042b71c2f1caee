// @ts-check
// Start-up and the router. Routes are URL fragments (#/workloads/…), so every URL stays
// relative and the app works from any folder of any static host. At start-up, saves that a
// closed or reloaded page cut off are finished first (edit-journal.js); leaving a page with
// changes that are not saved asks first (ui/pending-edits.js).
import * as api from './api.js';
import { h } from './ui/dom.js';
import { announce } from './ui/announce.js';
import { confirmDialog } from './ui/dialog.js';
import { hasUnsaved } from './ui/pending-edits.js';
import { replay } from './edit-journal.js';
import { showNotice } from './ui/notices.js';
import { watchBackups } from './ui/backup-banner.js';
import { offerUpdates } from './update-notice.js';
import * as workloads from './views/workloads.js';
import { refreshNotificationCount } from './ui/notification-count.js';
import { sayError, engineErrorOf } from './errors.js';
import { trackInputModality } from './input-modality.js';
import { sharedWorkloads } from './sync/shared-list.js';

/**
 * What every view's render(ctx) is given.
 * @typedef {object} ViewContext
 * @property {Record<string, string>} params the route's parts, by name, plus the route's extras
 * @property {(route: string) => void} navigate
 * @property {(text: string) => void} setTitle
 * @property {(message: string) => void} announce
 * @property {() => boolean} isCurrent false once another page started to render
 * @property {() => void} reload draws the page again from stored data
 */
/**
 * A view's result: its node, or the node with what to do when the page is left, which element
 * to focus (default the h1) and what to run once it is on screen.
 * @typedef {Node | ViewPage} ViewResult
 */
/** @typedef {{node: Node, leave?: () => unknown, focus?: string, afterMount?: () => void}} ViewPage */
/** @typedef {[RegExp, (ctx: ViewContext, ...more: any[]) => Promise<ViewResult> | ViewResult, string[], Record<string, string>?]} Route */

/**
 * The pages a start does not show (all but the workload list), in one module fetched the first
 * time one of them is shown (from the service worker's cache after the first visit): a start
 * downloads, parses and runs the code of the workload list only. One module rather than one
 * per page keeps the site's files few and well compressed.
 */
const laterPages = () => import('./views/later.js');

/**
 * @param {(pages: typeof import('./views/later.js')) => Route[1]} pick the page's render function
 * @returns {Route[1]}
 */
function later(pick) {
  return async (ctx, ...more) => pick(await laterPages())(ctx, ...more);
}

/** @type {Route[]} */
const ROUTES = [
  [/^\/workloads$/, workloads.render, []],
  [/^\/workloads\/new$/, later((p) => p.workloadForm.render), [], { mode: 'define' }],
  [/^\/workloads\/([0-9a-zA-Z_-]+)$/, later((p) => p.workloadDetails.render), ['workloadId'], { tab: 'overview' }],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/milestones$/, later((p) => p.workloadDetails.render), ['workloadId'], { tab: 'milestones' }],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/properties$/, later((p) => p.workloadDetails.render), ['workloadId'], { tab: 'properties' }],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/shares$/, later((p) => p.workloadDetails.render), ['workloadId'], { tab: 'shares' }],
  [/^\/shared$/, later((p) => p.sharedWithYou.render), []],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/edit$/, later((p) => p.workloadForm.render), ['workloadId'], { mode: 'edit' }],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/lenses\/([^/]+)\/review(?:\/([^/]+))?$/, later((p) => p.review.render), ['workloadId', 'lensAlias', 'questionId']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/lenses\/([^/]+)\/plan$/, later((p) => p.plan.render), ['workloadId', 'lensAlias']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/lenses\/([^/]+)$/, later((p) => p.lensOverview.render), ['workloadId', 'lensAlias']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/milestones\/(\d+)$/, later((p) => p.milestone.render), ['workloadId', 'milestoneNumber']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/compare\/(\d+|current)\/(\d+|current)$/, later((p) => p.compare.render), ['workloadId', 'from', 'to']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/report$/, later((p) => p.report.render), ['workloadId']],
  [/^\/workloads\/([0-9a-zA-Z_-]+)\/milestones\/(\d+)\/report$/, later((p) => p.report.render), ['workloadId', 'milestoneNumber']],
  [/^\/dashboard$/, later((p) => p.dashboard.render), []],
  [/^\/dashboard\/consolidated(?:\/([^/]+))?$/, later((p) => p.consolidated.render), ['lensAlias']],
  [/^\/lenses$/, later((p) => p.lensesPage.render), []],
  [/^\/lenses\/([^/]+)$/, later((p) => p.builtinLens.render), ['lensAlias']],
  [/^\/settings$/, later((p) => p.settings.render), []],
  [/^\/templates$/, later((p) => p.templates.render), []],
  [/^\/templates\/new$/, later((p) => p.templateForm.render), []],
  [/^\/templates\/([0-9a-f]{32})$/, later((p) => p.templates.detail), ['templateId']],
  [/^\/templates\/([0-9a-f]{32})\/edit$/, later((p) => p.templateForm.render), ['templateId']],
  [/^\/templates\/([0-9a-f]{32})\/lenses\/([^/]+)\/review(?:\/([^/]+))?$/, later((p) => p.review.render), ['workloadId', 'lensAlias', 'questionId'], { mode: 'template' }],
  [/^\/profiles$/, later((p) => p.profiles.render), []],
  [/^\/notifications$/, later((p) => p.notifications.render), []],
];

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
/** @type {ViewPage | null} */
let current = null; // the page on screen, for its leave()
let renderToken = 0;
/** @type {string | null} */
let shownHash = null; // the route on screen, to go back to when leaving is cancelled

/** @param {string} route */
export function navigate(route) {
  if (location.hash === route) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = route;
}

/** @param {string} path */
function match(path) {
  for (const [re, view, names, extra] of ROUTES) {
    const m = re.exec(path);
    if (m) {
      /** @type {Record<string, string>} */
      const params = { ...(extra || {}) };
      names.forEach((n, i) => {
        if (m[i + 1] !== undefined) params[n] = decodeURIComponent(m[i + 1]);
      });
      return { view, params };
    }
  }
  return null;
}

/** @param {string} text */
function setTitle(text) {
  document.title = text ? `${text} — Plumbline` : 'Plumbline';
}

/** @param {string} path */
function markNav(path) {
  for (const a of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-nav]'))) {
    const on = path.startsWith(`/${a.dataset.nav}`);
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) {
    if (hash === '' || hash === '#') history.replaceState(null, '', '#/workloads');
    else return; // in-page anchors such as the skip link
  }
  if (shownHash && location.hash !== shownHash && hasUnsaved() && !(await confirmLeave())) {
    history.replaceState(null, '', shownHash); // no hashchange: the page stays as it is
    return;
  }
  const path = location.hash.slice(1).split('?')[0];
  const token = ++renderToken;
  shownHash = location.hash;
  if (current?.leave) {
    try {
      await current.leave();
    } catch (e) {
      console.error(e);
    }
  }
  current = null;
  markNav(path);
  const found = match(path);
  const ctx = {
    params: found?.params || {}, navigate, setTitle, announce,
    isCurrent: () => token === renderToken,
    reload: () => navigate(location.hash), // draws the page again from stored data
  };
  let result;
  try {
    result = found ? await found.view(ctx) : notFound('This page does not exist.');
  } catch (e) {
    const engineError = engineErrorOf(e);
    if (engineError?.kind === 'NotFound') result = (await laterPages().then((p) => p.damaged.leftovers(ctx)).catch(() => null)) ?? notFound(sayError(engineError));
    else result = engineError?.kind === 'Corrupted' ? await damagedPage(ctx, engineError) : failure(e);
  }
  if (token !== renderToken) return;
  const page = result instanceof Node ? { node: result } : result;
  current = result instanceof Node ? null : result;
  main.replaceChildren(page.node);
  const heading = /** @type {HTMLElement | null} */ (main.querySelector(page.focus || 'h1'));
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
  window.scrollTo(0, 0);
  page.afterMount?.();
  if (!path.startsWith('/notifications')) void refreshNotificationCount();
  document.body.dataset.rendered = path;
}

// Inside the app a link does not unload the page, so the browser's own "Leave site?" does not
// come; this asks the same.
function confirmLeave() {
  return confirmDialog({
    title: 'Leave this page?',
    body: [h('p', 'Changes on this page are not saved yet. If you leave now, they are lost.')],
    confirmLabel: 'Leave without saving',
    danger: true,
  });
}

/** @param {string} message */
function notFound(message) {
  setTitle('Not found');
  return h('section', h('h1', 'Not found'), h('p', message || 'Nothing here.'),
    h('p', linkTo('#/workloads', 'Go to Workloads')));
}

// A damaged record is not a crash: say what is damaged and offer the workload's actions.
/** @param {ViewContext} ctx @param {import('./pkg/plumbline.js').PlumblineError} e */
async function damagedPage(ctx, e) {
  try {
    return await (await laterPages()).damaged.render(ctx, e);
  } catch (inner) {
    return failure(inner);
  }
}

/** @param {unknown} e whatever was thrown */
function failure(e) {
  console.error(e);
  setTitle('Error');
  return h('section', h('h1', 'Something went wrong'),
    h('p.error-text', { role: 'alert' }, sayError(e)),
    h('p', linkTo('#/workloads', 'Go to Workloads')));
}

/** @param {string} route @param {string} text */
function linkTo(route, text) {
  const a = h('a', text);
  a.setAttribute('href', route);
  return a;
}

async function start() {
  trackInputModality();
  document.getElementById('skip-link')?.addEventListener('click', (ev) => {
    ev.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', route);
  try {
    await api.open();
  } catch (e) {
    main.replaceChildren(failure(e));
    return;
  }
  api.engineVersion().then((v) => {
    const footer = document.getElementById('engine-version');
    if (footer) footer.textContent = v;
  });
  // Saves a closed or reloaded page did not finish, before any page reads the data.
  try {
    const report = (/** @type {string[]} */ problems) => showNotice('Work not saved', problems);
    const problems = await replay({ onLateProblems: report });
    if (problems.length) report(problems);
  } catch (e) {
    console.error(e);
  }
  watchBackups();
  document.body.dataset.ready = 'true';
  await route();
  // Team sync of every accepted share runs from the start, whatever page is open; its code
  // loads only in a browser that shares workloads, and without the sharing screens.
  if (sharedWorkloads().some(([, role]) => role !== 'removed')) {
    import('./sync/sync-runner.js').then((m) => m.syncAllShares(api.open)).catch((e) => console.warn('team sync:', e));
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    registerServiceWorker();
  }
}

// Registers sw.js, which keeps the site for offline starts; body[data-offline-ready] says when it
// is active (it has everything the next start needs). A new build it installs later is offered
// with "Reload to update".
async function registerServiceWorker() {
  try {
    const reg = await navigator.serviceWorker.register('./sw.js');
    offerUpdates(reg);
    await navigator.serviceWorker.ready;
    document.body.dataset.offlineReady = 'true';
  } catch (e) {
    console.warn('service worker:', e);
  }
}

start();
