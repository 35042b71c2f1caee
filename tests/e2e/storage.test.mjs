// Eviction: the first workload defined asks the browser for persistent storage, once; the
// Settings page shows whether storage is persistent and how much of the quota is used, and
// can ask again; while storage is not persistent, every 20 changes bring a dismissible
// reminder to back up, which markBackedUp() (called by Back up workspace) starts over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, waitForView } from './support.mjs';
import { bestPractices } from './lens-data.mjs';

// Counts calls of navigator.storage.persist() across reloads (in localStorage, test-only key).
function countPersistCalls() {
  const original = StorageManager.prototype.persist;
  StorageManager.prototype.persist = function persist() {
    localStorage.setItem('test.persistCalls', String(Number(localStorage.getItem('test.persistCalls') || 0) + 1));
    return original.call(this);
  };
}
const persistCalls = (page) => page.evaluate(() => Number(localStorage.getItem('test.persistCalls') || 0));
const changes = (page) => page.evaluate(() => localStorage.getItem('plumbline.backup.changes'));
const banner = (page) => page.getByRole('region', { name: 'Time to back up your work' });

test('persistent storage: asked once, shown in Settings with the space used, asked again there', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, context, server } = s;
    await context.addInitScript(countPersistCalls);
    // Headless Chromium does not grant persistence to a site without engagement: the
    // "not persistent" path is the one under test.
    await openApp(page, server.url, '#/workloads');
    assert.equal(await page.evaluate(() => navigator.storage.persisted()), false);
    assert.equal(await persistCalls(page), 0);

    await defineWorkloadUI(page, server.url, { name: 'First stored workload' });
    await page.waitForFunction(() => localStorage.getItem('test.persistCalls') === '1');
    await defineWorkloadUI(page, server.url, { name: 'Second stored workload' });
    assert.equal(await persistCalls(page), 1, 'asked when the first workload was defined, not again');

    // Settings, from the main navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await waitForView(page, /^\/settings$/);
    const storage = page.locator('[data-section="storage"]');
    assert.equal(await storage.locator('h2').textContent(), 'Storage');
    assert.equal(await storage.locator('[data-persisted]').getAttribute('data-persisted'), 'false');
    assert.match(await storage.locator('[data-persisted]').textContent(), /^Not persistent/);
    const used = await storage.locator('[data-usage]').textContent();
    assert.match(used, /^[\d.,]+ (bytes|KB|MB|GB) of [\d.,]+ (KB|MB|GB|TB) \((less than 0\.1|[\d.,]+) %\)$/);
    assert.ok(Number(await storage.locator('[data-usage]').getAttribute('data-usage')) > 0, 'two workloads take some space');
    assert.equal(await storage.locator('[data-changes]').getAttribute('data-changes'), '2');
    const backup = page.locator('[data-section="backup"]');
    assert.equal(await backup.locator('h2').textContent(), 'Backup', 'the Backup section follows');
    assert.equal(await backup.getByRole('button', { name: 'Back up workspace' }).count(), 1);

    await storage.getByRole('button', { name: 'Ask for persistent storage' }).click();
    await storage.locator('[data-persist-result]').filter({ hasText: /declined|made the storage persistent/ }).waitFor();
    assert.equal(await persistCalls(page), 2);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('a reminder to back up every 20 changes while storage is not persistent; dismiss; markBackedUp', { timeout: 180_000 }, async () => {
  // Unbundled (www/ as it is): the test drives the app's own modules (api.js).
  const s = await session({ server: { dev: true } });
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Reminder workload' }); // change 1
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/ops-model`);
    const choices = bestPractices('ops-model');
    // Changes 2..19: one click, one stored answer each.
    const click = async (n) => {
      await page.locator(`input[data-choice="${choices[n % choices.length]}"]`).click();
      await page.waitForFunction((want) => localStorage.getItem('plumbline.backup.changes') === want, String(n + 1));
      await page.getByText('All changes saved.').waitFor();
    };
    for (let n = 1; n < 19; n++) await click(n);
    assert.equal(await changes(page), '19');
    assert.equal(await banner(page).count(), 0, 'no reminder before 20 changes');

    await click(19);
    await banner(page).waitFor();
    assert.match(await banner(page).textContent(), /20 changes were saved since you started/);
    await banner(page).getByRole('link', { name: 'Open Settings' }).click();
    await waitForView(page, /^\/settings$/);
    assert.equal(await banner(page).count(), 1, 'not a page: it stays until dismissed');
    await banner(page).getByRole('button', { name: /Dismiss/ }).click();
    assert.equal(await banner(page).count(), 0);

    // Dismissed: not back at the next change, nor after a reload…
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/ops-model`);
    await click(20);
    assert.equal(await banner(page).count(), 0);
    await page.reload();
    await waitForView(page, /\/review\/ops-model$/);
    assert.equal(await banner(page).count(), 0);
    // …until 20 more changes.
    for (let n = 21; n < 39; n++) await click(n);
    assert.equal(await banner(page).count(), 0);
    await click(39);
    await banner(page).waitFor();

    // A backup (the Backup section will call this) starts the count again and hides it.
    await page.evaluate(async () => (await import('./backup-reminder.js')).markBackedUp());
    await banner(page).waitFor({ state: 'detached' });
    assert.equal(await changes(page), '0');
    assert.ok(await page.evaluate(() => localStorage.getItem('plumbline.backup.lastBackup')));
    await click(0);
    assert.equal(await banner(page).count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
