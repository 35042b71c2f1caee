// Fast start, through the service worker of the built site (scripts/bundle.mjs): a repeat visit
// downloads nothing but the browser's check of sw.js, an offline start makes no network request
// at all, and a new build is downloaded in the background (only the files that changed), then
// offered with "Reload to update", which reloads the page into it. Each test serves its own
// copy of target/site, so it can make a "new build" of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITE, startServer } from '../../scripts/serve.mjs';
import { writeServiceWorker } from '../../scripts/bundle.mjs';
import { launch, openApp, rmProfile } from './support.mjs';

/** A copy of the built site, served on a free port, with the paths of the requests it got. */
async function servedCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-site-'));
  fs.cpSync(SITE, dir, { recursive: true });
  const server = await startServer({ port: 0, site: dir });
  const seen = [];
  server.server.on('request', (req) => seen.push(new URL(req.url, server.url).pathname));
  return {
    dir,
    url: server.url,
    /** The paths requested since the last call. */
    take: () => seen.splice(0),
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A served copy of the site and a browser on a fresh profile, both closed after the test. */
async function siteAndBrowser(t) {
  const site = await servedCopy();
  const browser = await launch();
  t.after(async () => {
    await browser.context.close();
    rmProfile(browser.profile);
    await site.close();
  });
  return { site, browser };
}

async function firstVisit(page, site) {
  await openApp(page, site.url, '#/workloads');
  await page.waitForFunction(() => document.body.dataset.offlineReady === 'true', null, { timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
}

test('a repeat visit downloads nothing, and an offline start makes no network request', { timeout: 120_000 }, async (t) => {
  const { site, browser } = await siteAndBrowser(t);
  const { page, context } = browser;
  await firstVisit(page, site);
  // The page's own downloads (its resource timing; the service worker's precache has its own).
  const lensFetches = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => e.name).filter((name) => name.includes('/pkg/lenses/')));
  assert.deepEqual(lensFetches, [], 'the workload list waits for no lens file');
  const first = site.take();
  assert.ok(first.some((p) => p.endsWith('/pkg/lenses/serverless.json')), `the lenses are kept for offline use: ${first.join(' ')}`);
  // One download of each file: the engine once, not once for the page and again for the cache.
  assert.equal(first.filter((p) => p.endsWith('/plumbline_bg.wasm')).length, 1, `first visit: ${first.join(' ')}`);
  assert.equal(first.filter((p) => p.endsWith('/app.js')).length, 1, `first visit: ${first.join(' ')}`);

  await page.goto('about:blank');
  await openApp(page, site.url, '#/workloads');
  assert.deepEqual(site.take().filter((p) => !p.endsWith('/sw.js')), [], 'a repeat visit downloads nothing but sw.js');

  // Offline: every request the page or its worker makes must be answered by the service worker.
  const requests = [];
  context.on('request', (req) => requests.push(req));
  await context.setOffline(true);
  await page.goto('about:blank');
  await openApp(page, site.url, '#/workloads');
  assert.match(await page.locator('main h1, main h2').first().textContent(), /Workloads|No workloads/);
  assert.notEqual(await page.locator('#engine-version').textContent(), '…');
  const network = [];
  for (const req of requests) {
    const res = await req.response();
    if (!req.url().startsWith(site.url)) continue;
    if (!res || !res.fromServiceWorker() || req.serviceWorker()) network.push(req.url());
  }
  assert.deepEqual(network, [], 'an offline start makes no network request');
  assert.ok(requests.length >= 3, `the start was seen (${requests.length} requests)`);
  assert.deepEqual(site.take(), []);
  assert.deepEqual(browser.errors, []);
});

test('a new build downloads only what changed and is offered with "Reload to update"', { timeout: 120_000 }, async (t) => {
  const { site, browser } = await siteAndBrowser(t);
  const { page } = browser;
  await firstVisit(page, site);
  site.take();

  // The next build changes the style sheet only.
  const marker = '/* the next build */';
  fs.appendFileSync(path.join(site.dir, 'styles.css'), `\n${marker}\n`);
  writeServiceWorker(site.dir);

  await page.goto('about:blank');
  await openApp(page, site.url, '#/workloads');
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await reload.waitFor({ timeout: 30000 });
  assert.deepEqual(site.take().filter((p) => !p.endsWith('/sw.js')), ['/styles.css'], 'only the changed file is downloaded');
  const notice = page.locator('#notices [data-notice="update"]');
  assert.match(await notice.getAttribute('aria-label'), /new version/);
  await page.waitForFunction(() => /new version/i.test(document.getElementById('announcer')?.textContent || ''), null, { timeout: 5000 });
  const styles = () => page.evaluate(() => fetch('styles.css').then((r) => r.text()));
  assert.ok(!(await styles()).includes(marker), 'until the reload, the page keeps its build');

  // Keyboard: focus the button and press Enter; the page reloads into the new build.
  await reload.focus();
  await Promise.all([page.waitForNavigation({ timeout: 30000 }), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.body.dataset.rendered === '/workloads', null, { timeout: 20000 });
  assert.ok((await styles()).includes(marker), 'after the reload, the new build');
  assert.equal(await page.locator('#notices [data-notice="update"]').count(), 0);
  assert.deepEqual(site.take().filter((p) => !p.endsWith('/sw.js')), [], 'the reload downloads nothing');
  assert.deepEqual(browser.errors, []);
});

test('www/ runs as it is, unbundled, with --dev (network-first service worker)', { timeout: 120_000 }, async (t) => {
  const server = await startServer({ port: 0, dev: true });
  const browser = await launch();
  t.after(async () => {
    await browser.context.close();
    rmProfile(browser.profile);
    await server.close();
  });
  const { page } = browser;
  const modules = [];
  page.on('request', (req) => modules.push(new URL(req.url()).pathname));
  await openApp(page, server.url, '#/workloads');
  await page.waitForFunction(() => document.body.dataset.offlineReady === 'true', null, { timeout: 30000 });
  assert.ok(modules.includes('/views/workloads.js'), 'the views load as modules of www/');
  // Changed with issue 17: a shipped lens is fetched when a view first needs it, not at start.
  await openApp(page, server.url, '#/lenses/wellarchitected');
  assert.match(await page.locator('main h1').textContent(), /Well-Architected Framework/);
  assert.ok(modules.includes('/pkg/lenses/wellarchitected.json'), 'the shipped lenses come from pkg/lenses/');
  assert.notEqual(await page.locator('#engine-version').textContent(), '…');
  assert.deepEqual(browser.errors, []);
});
