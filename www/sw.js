// Service worker: keeps the app shell and the engine (pkg/) so the app starts offline after
// the first visit. Network first (so a new version is picked up when online), cache as the
// fallback. Only same-origin GET requests are handled; everything else passes through.
const CACHE = 'plumbline-v4';

const SHELL = [
  './', './index.html', './styles.css', './app.js', './api.js', './engine.js',
  './ui/announce.js', './ui/chart.js', './ui/dialog.js', './ui/dom.js', './ui/field.js', './ui/format.js',
  './ui/lens-text.js', './ui/plan-items.js', './ui/priority-list.js', './ui/risk.js', './ui/table.js',
  './ui/tabs.js', './ui/tags.js', './views/workload-actions.js',
  './ui/answers-file.js', './ui/download.js', './ui/local-risk.js', './ui/notes-editor.js',
  './ui/report-content.js', './ui/report-file.js', './ui/workload-props.js',
  './ui/compare-form.js', './ui/compare-lens.js', './views/compare.js',
  './views/dashboard.js', './views/milestone.js', './views/plan.js', './views/review.js',
  './views/lens-overview.js', './views/report.js',
  './views/lenses.js', './views/builtin-lens.js', './ui/lens-check.js', './ui/lens-file.js',
  './ui/lens-preview.js', './ui/rule-tryout.js', './ui/custom-lenses.js', './ui/diagnostics.js', './ui/text-position.js',
  './views/workload-details.js', './views/workload-form.js', './views/workloads.js',
  './views/settings.js', './views/settings-backup.js', './storage.js', './backup-reminder.js', './edit-journal.js', './lint-worker.js',
  './ui/pending-edits.js', './ui/notices.js', './ui/backup-banner.js',
  './ui/damage.js', './views/damaged.js',
  './views/damage-actions.js',
  './ui/delete-flow.js',
  './models/review-model.js',
  './ui/review-parts.js',
  './errors.js',
  './pkg/plumbline.js', './pkg/plumbline_bg.wasm',
];

const scoped = (path) => new URL(path, self.registration.scope).href;
const sameOrigin = (url) => new URL(url).origin === self.location.origin;

async function cacheAll(urls) {
  const cache = await caches.open(CACHE);
  await Promise.allSettled(urls.filter(sameOrigin).map(async (url) => {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.ok) await cache.put(url, res);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheAll(SHELL.map(scoped)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page sends the URLs it has loaded (its resource timing entries) so that whatever the
// first visit needed is kept too; it is told when that is done.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-urls') return;
  const urls = (event.data.urls || []).filter((u) => typeof u === 'string');
  event.waitUntil(cacheAll(urls).then(() => event.source?.postMessage({ type: 'cached' })));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !sameOrigin(req.url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok && res.type === 'basic') cache.put(req, res.clone());
      return res;
    } catch (err) {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      if (req.mode === 'navigate') {
        const shell = (await cache.match(scoped('./'))) || (await cache.match(scoped('./index.html')));
        if (shell) return shell;
      }
      throw err;
    }
  })());
});
