// @ts-check
// Service worker: keeps the app and the engine so the app starts offline after the first visit.
//
// The built site (scripts/bundle.mjs) gets a copy of this file with BUILD, an id that changes
// with every build, and ASSETS, every file of the site with a hash of its content. There it is
// cache-first: each file is downloaded once per content (a file a new build did not change is
// not downloaded again), a start makes no request but the browser's own check of sw.js, and a
// new build installs in the background and waits until the page's "Reload to update" (a
// `skip-waiting` message) lets it take over.
//
// In development (www/ served as it is: BUILD 'dev', no ASSETS) it is network-first, so an edit
// shows on the next reload, with the files of SHELL kept for offline use. Only same-origin GET
// requests are handled; everything else passes through.
// The build writes its id here; nothing reads it, but it makes each build's sw.js differ, which
// is how the browser notices a new version.
// eslint-disable-next-line no-unused-vars
const BUILD = 'dev';
/** Every file of the built site by path ("./app.js"; the page is "./") with its content hash. */
const ASSETS = /** @type {Record<string, string> | null} */ (null);

// This script's global scope: the checker's `self` is a plain worker's (tsconfig.sw.json).
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

// Every module of www/ and what the engine needs (a test keeps this list complete).
const SHELL = [
  './', './index.html', './styles.css', './app.js', './api.js', './engine.js',
  './ui/announce.js', './ui/chart.js', './ui/dialog.js', './ui/dom.js', './ui/field.js', './ui/format.js',
  './ui/lens-text.js', './ui/plan-items.js', './ui/backlog-editor.js', './ui/query-state.js',
  './ui/priority-list.js', './ui/risk.js', './ui/table.js',
  './ui/tabs.js', './ui/tags.js', './views/workload-actions.js',
  './ui/route-query.js', './models/workload-list.js', './models/compare-groups.js', './models/pillar-groups.js',
  './ui/answers-file.js', './ui/download.js', './ui/local-risk.js', './ui/notes-editor.js',
  './ui/report-content.js', './ui/report-file.js', './ui/workload-props.js',
  './ui/compare-form.js', './ui/compare-lens.js', './views/compare.js',
  './views/dashboard.js', './views/milestone.js', './views/plan.js', './views/review.js',
  './views/lens-overview.js', './views/report.js',
  './views/lenses.js', './views/builtin-lens.js', './ui/lens-check.js', './ui/lens-file.js',
  './ui/lens-preview.js', './ui/rule-tryout.js', './ui/custom-lenses.js', './ui/diagnostics.js', './ui/text-position.js',
  './views/workload-details.js', './views/workload-form.js', './views/workloads.js',
  './views/later.js', './views/settings.js', './views/settings-backup.js', './storage.js', './backup-reminder.js', './edit-journal.js', './lint-worker.js',
  './ui/pending-edits.js', './ui/notices.js', './ui/backup-banner.js',
  './ui/damage.js', './views/damaged.js',
  './views/damage-actions.js', './ui/delete-flow.js', './models/review-model.js', './ui/review-parts.js', './errors.js', './field-labels.js', './input-modality.js',
  './pkg/plumbline.js', './pkg/lean.js', './pkg/plumbline_bg.wasm', './pkg/full/plumbline.js', './pkg/full/plumbline_bg.wasm',
  './pkg/lenses/wellarchitected.json', './pkg/lenses/serverless.json',
  './update-notice.js',
  './sync/session.js', './sync/replicate.js', './sync/conflicts.js', './sync/pouch.js', './sync/pouch-replication.js', './sync/workload-db.js', './sync/pouch-store.js', './sync/app-store.js', './sync/fresh-store.js',
  './csp.js', './idb-names.js', './sync/shared-list.js', './sync/rules.js', './sync/design.js', './sync/server-admin.js', './sync/shares.js', './sync/shares-ui.js',
  './sync/connection.js', './sync/sync-panel.js', './sync/sync-runner.js', './sync/came-back.js', './views/shared-with-you.js', './sync/lens-docs.js', './sync/shared-lenses.js',
  './ui/export-panel.js', './views/consolidated.js', './models/workbook.js', './xlsx.js', './ui/print-header.js',
  './views/templates.js', './views/template-form.js', './ui/template-update.js',
  './views/profiles.js', './views/notifications.js', './views/profile-upgrade.js', './ui/notification-count.js',
  './ui/tag-filter.js', './ui/prioritized.js', './views/workload-profile.js', './views/dashboard-profiles.js',
];

// Versioned entries all live in one cache, under "<url>?build=<hash of the content>": an entry a
// new build still lists is kept, so it is not downloaded again.
const CACHE = 'plumbline-assets';
const DEV_CACHE = 'plumbline-dev';

/** @param {string} path */
const scoped = (path) => new URL(path, sw.registration.scope).href;
/** @param {string} url */
const sameOrigin = (url) => new URL(url).origin === sw.location.origin;
/** @param {string} path @param {string} hash */
const versioned = (path, hash) => `${scoped(path)}?build=${hash}`;

/**
 * The ASSETS key of a request's URL ("./app.js"; the page itself is "./"), or null.
 * @param {string} url
 * @param {Record<string, string>} assets
 */
function assetPath(url, assets) {
  const scope = new URL(sw.registration.scope);
  const { origin, pathname } = new URL(url);
  if (origin !== scope.origin || !pathname.startsWith(scope.pathname)) return null;
  const rest = pathname.slice(scope.pathname.length);
  const path = rest === '' || rest === 'index.html' ? './' : `./${rest}`;
  return Object.hasOwn(assets, path) ? path : null;
}

/** @param {string} url */
async function download(url) {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** @param {Response} res */
async function contentHash(res) {
  const digest = await crypto.subtle.digest('SHA-256', await res.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

// The file with this content hash. The page has just downloaded most files on a first visit, so
// the browser's HTTP cache is asked first (not downloading them twice); a copy there from an
// older build has another hash and is downloaded again.
/** @param {string} path @param {string} hash */
async function downloadBuilt(path, hash) {
  const url = scoped(path);
  const cached = await fetch(url, { cache: 'force-cache' });
  if (cached.ok && (await contentHash(cached)) === hash) return cached;
  const res = await download(url);
  if ((await contentHash(res)) !== hash) throw new Error(`${url} changed while this build installed`);
  return res;
}

/** @param {Record<string, string>} assets */
async function installBuild(assets) {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(assets).map(async ([path, hash]) => {
    const key = versioned(path, hash);
    if (!(await cache.match(key))) await cache.put(key, await downloadBuilt(path, hash));
  }));
}

async function installDev() {
  const cache = await caches.open(DEV_CACHE);
  await Promise.allSettled(SHELL.map(scoped).map(async (url) => cache.put(url, await download(url))));
  await sw.skipWaiting();
}

sw.addEventListener('install', (event) => {
  event.waitUntil(ASSETS ? installBuild(ASSETS) : installDev());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = ASSETS ? CACHE : DEV_CACHE;
    for (const key of await caches.keys()) if (key !== keep) await caches.delete(key);
    if (ASSETS) {
      const cache = await caches.open(CACHE);
      const wanted = new Set(Object.entries(ASSETS).map(([path, hash]) => versioned(path, hash)));
      for (const req of await cache.keys()) if (!wanted.has(req.url)) await cache.delete(req);
    }
    await sw.clients.claim();
  })());
});

// The page's "Reload to update": the waiting build takes over, and the page reloads into it.
sw.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') sw.skipWaiting();
});

/** @param {Request} req @param {string} path @param {string} hash */
async function fromBuild(req, path, hash) {
  const cache = await caches.open(CACHE);
  const key = versioned(path, hash);
  const hit = await cache.match(key);
  if (hit) return hit;
  const res = await fetch(req.mode === 'navigate' ? scoped(path) : req);
  if (res.ok && res.type === 'basic') await cache.put(key, res.clone());
  return res;
}

/** @param {Request} req */
async function networkFirst(req) {
  const cache = await caches.open(DEV_CACHE);
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
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !sameOrigin(req.url)) return;
  if (!ASSETS) {
    event.respondWith(networkFirst(req));
    return;
  }
  const path = assetPath(req.url, ASSETS);
  if (path) event.respondWith(fromBuild(req, path, ASSETS[path]));
});
