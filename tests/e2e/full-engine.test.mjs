// The page starts on the lean engine (pkg/plumbline_bg.wasm) and fetches the full one
// (pkg/full/) only when a method the lean engine leaves out is first called: here Export
// (exportReport), then Back up workspace (exportWorkspace) on the same full engine, then Restore
// from backup (importWorkspace), whose result the lean engine lists. In real Chromium on the
// built site, with the page's own resource timing as the record of what it fetched (the service
// worker's precache is not the page's doing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { session, openApp, defineWorkloadUI, waitForView } from './support.mjs';

/** How many times the page fetched each file of the full engine. */
async function fullEngineFetches(page) {
  return page.evaluate(() => {
    const counts = { glue: 0, wasm: 0 };
    for (const entry of performance.getEntriesByType('resource')) {
      const { pathname } = new URL(entry.name);
      if (pathname.endsWith('/pkg/full/plumbline.js')) counts.glue += 1;
      if (pathname.endsWith('/pkg/full/plumbline_bg.wasm')) counts.wasm += 1;
    }
    return counts;
  });
}

/** Clicks `click` and resolves to the download's file name and path. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-full-')), file.suggestedFilename());
  await file.saveAs(to);
  return { name: file.suggestedFilename(), file: to, text: fs.readFileSync(to, 'utf8') };
}

test('the full engine is fetched on the first full-only action, once, and works on the same data', { timeout: 180_000 }, async () => {
  const s = await session();
  try {
    const id = await defineWorkloadUI(s.page, s.server.url, { name: 'Two engines, one store' });
    await openApp(s.page, s.server.url, '#/workloads');
    await s.page.locator(`tbody tr[data-workload-id="${id}"]`).waitFor();
    // Performance entries are the page's own: a hash change keeps them, a reload would not.
    assert.deepEqual(await fullEngineFetches(s.page), { glue: 0, wasm: 0 }, 'nothing of the full engine at start');

    // Export: the first full-only call. The report is of the workload the lean engine defined.
    await openApp(s.page, s.server.url, `#/workloads/${id}`);
    const panel = s.page.locator('section.export-panel');
    await panel.getByLabel('Format', { exact: true }).selectOption('markdown');
    const started = Date.now();
    const report = await download(s.page, () => panel.getByRole('button', { name: 'Download' }).click());
    const firstCallMs = Date.now() - started;
    await panel.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();
    assert.match(report.name, /\.md$/);
    assert.match(report.text, /Two engines, one store/);
    assert.deepEqual(await fullEngineFetches(s.page), { glue: 1, wasm: 1 });
    // The same export again, on the loaded engine: the difference is the cost of loading it.
    const again = Date.now();
    const second = await download(s.page, () => panel.getByRole('button', { name: 'Download' }).click());
    const againMs = Date.now() - again;
    assert.match(second.text, /Two engines, one store/);
    assert.deepEqual(await fullEngineFetches(s.page), { glue: 1, wasm: 1 });

    // Back up workspace: the same full engine (no second fetch), the same data.
    await openApp(s.page, s.server.url, '#/settings');
    const backup = await download(s.page, () => s.page.getByRole('button', { name: 'Back up workspace' }).click());
    assert.deepEqual(JSON.parse(backup.text).workloads.map((w) => w.workload?.workloadName ?? w.workloadName), ['Two engines, one store']);
    assert.deepEqual(await fullEngineFetches(s.page), { glue: 1, wasm: 1 });

    // Delete in the lean engine; Restore from backup in the full one; the lean list shows it again.
    await openApp(s.page, s.server.url, `#/workloads/${id}`);
    await s.page.locator('main').getByRole('button', { name: 'Delete workload' }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await waitForView(s.page, /^\/workloads$/);
    await s.page.locator(`tbody tr[data-workload-id="${id}"]`).waitFor({ state: 'detached' });
    await openApp(s.page, s.server.url, '#/settings');
    await s.page.getByLabel('Backup file to restore (JSON)').setInputFiles(backup.file);
    await s.page.getByRole('button', { name: 'Restore from backup' }).click();
    await s.page.locator('[data-restore-preview]').waitFor();
    await s.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await s.page.locator('[data-section="backup"] p[role="status"]', { hasText: 'Restored 1 item(s).' }).waitFor();
    await openApp(s.page, s.server.url, '#/workloads');
    await s.page.locator(`tbody tr[data-workload-id="${id}"]`).waitFor();
    assert.match(await s.page.locator('tbody').textContent(), /Two engines, one store/);
    assert.deepEqual(await fullEngineFetches(s.page), { glue: 1, wasm: 1 });
    console.log(`first full-only call (full engine fetched, initialised, opened, export made): ${firstCallMs} ms; the same export again: ${againMs} ms`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
