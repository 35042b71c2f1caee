// @ts-check
// "Reload to update": when the service worker has installed a new build of the site and it is
// waiting (this page still runs the old one), a notice offers to switch. Nothing switches by
// itself, so a page with work in progress is never reloaded under the user. The notice is a
// labelled region in #notices (announced through the polite live region) with a button.
import { h } from './ui/dom.js';
import { showNotice } from './ui/notices.js';

const TITLE = 'A new version of Plumbline is ready';

/**
 * Offers the update whenever `registration` has a waiting worker while this page is
 * controlled by an older one: now, or when one finishes installing later.
 * @param {ServiceWorkerRegistration} registration
 */
export function offerUpdates(registration) {
  /** @param {ServiceWorker | null} worker */
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) showUpdate(worker);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

/** @param {ServiceWorker} worker the installed build, waiting to take over */
function showUpdate(worker) {
  const reload = h('button', { type: 'button' }, 'Reload to update');
  reload.addEventListener('click', () => {
    reload.setAttribute('disabled', '');
    // The new worker takes control, then the page loads again from it.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'skip-waiting' });
  });
  showNotice(TITLE, ['Reload the page to use it. Save what you are editing first.'], { name: 'update', actions: [reload] });
}
