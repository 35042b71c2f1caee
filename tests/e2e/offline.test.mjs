// After the first visit the app starts and works with no network at all: the service worker
// serves the app shell and the engine (pkg/) from its cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, defineWorkloadUI } from './support.mjs';

test('the app starts offline after the first visit', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server, context } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Offline workload' });
    await openApp(page, server.url, '#/workloads');
    await page.waitForFunction(() => document.body.dataset.offlineReady === 'true', null, { timeout: 20000 });
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)));

    // No network: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.close();

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.rendered === '/workloads', null, { timeout: 20000 });
    assert.match(await page.locator('tbody').textContent(), /Offline workload/);
    assert.notEqual(await page.locator('#engine-version').textContent(), '…');

    // A new tab, opened cold while offline, works too — and so does a review.
    const tab = await context.newPage();
    await tab.goto(`${server.url}#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await tab.waitForFunction(() => document.body.dataset.rendered?.endsWith('/review/priorities'), null, { timeout: 20000 });
    await tab.locator('input[data-choice="ops_priorities_no"]').check();
    await tab.getByText('All changes saved.').waitFor();
    assert.equal(await tab.locator('#review-risks [data-count="high"]').textContent(), '1');
    await tab.getByRole('button', { name: 'Save and exit' }).click();
    await waitForView(tab, /^\/workloads\/[0-9a-f]{32}$/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
