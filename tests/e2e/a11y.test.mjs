// Accessibility and layout: axe-core finds no violation on any page or dialog at 1280 and
// 390 px, and every page fits 390 and 360 px wide screens without scrolling sideways. A
// screenshot of each page, at 1280 and 390 px, goes to tests/e2e/screenshots/. The pages and
// their workspace come from pages.mjs, which the screenshot command (screenshots.mjs) shares.
//
// axe-core is injected with page.addScriptTag, i.e. as an inline script, which the app's own
// Content-Security-Policy (rightly) blocks; this test alone runs with bypassCSP so axe can
// run. The policy itself is tested in security.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { session, openApp, waitForView, defineWorkloadUI, axe, screenshot, SCREENSHOTS } from './support.mjs';
import { fillWorkspace, pageList, openEverything, WIDTHS } from './pages.mjs';
import { customLens } from './custom-lens.mjs';
import { records, change } from './pouch-records.mjs';

const require = createRequire(import.meta.url);
let axeMissing = null;
try {
  require.resolve('axe-core');
} catch {
  axeMissing = 'axe-core is not installed (npm i -D axe-core)';
}

test('no axe-core violation on any page at 1280 and 390 px; every page fits 360 px', { timeout: 300_000, skip: axeMissing ?? false }, async (t) => {
  const s = await session({ browser: { bypassCSP: true } });
  try {
    const { page, server } = s;
    const { workloadId: id, templateId } = await fillWorkspace(page, server.url);
    const pages = pageList(id, templateId);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const check = async (name, prepare) => {
      for (const { width, height, suffix } of WIDTHS) {
        await page.setViewportSize({ width, height });
        if (prepare) await prepare();
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${name} (${suffix}): axe-core violations`);
        const overflow = await sideways();
        assert.ok(overflow <= 0, `${name} (${suffix}) scrolls sideways by ${overflow}px`);
        await screenshot(page, `page-${name}-${suffix}`);
      }
      // The narrowest phones in use: the layout still fits, without a second axe run.
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow = await sideways();
      assert.ok(overflow <= 0, `${name} (360 px) scrolls sideways by ${overflow}px`);
    };
    for (const [name, route] of pages) {
      await t.test(name, async () => {
        await openApp(page, server.url, route);
        await check(name, () => openEverything(page, name));
      });
    }
    await t.test('lens notes editor', async () => {
      await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected`);
      await page.getByRole('button', { name: 'Edit notes: Notes on Security' }).click();
      await page.getByRole('textbox', { name: 'Notes on Security' }).fill('x'.repeat(2100));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
      await check('lens-notes-editor');
      // The refused text is unsaved work: leaving would ask first. Give it up explicitly.
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
    await t.test('lenses: a lens with errors checked', async () => {
      const broken = customLens();
      const deploy = broken.pillars[0].questions[0];
      deploy.riskRules = [{ condition: 'deploy_ci && deploy_rollbak', risk: 'NO_RISK' }];
      await openApp(page, server.url, '#/lenses');
      await page.getByLabel('Lens JSON').fill(JSON.stringify(broken, null, 2));
      await page.getByRole('button', { name: 'Check lens' }).click();
      await page.locator('[data-summary]').filter({ hasText: '2 errors' }).waitFor();
      await page.locator('[data-question-id="deploy"] summary').click();
      await check('lenses-errors');
    });
    await t.test('lenses: preview with Try the risk rules open', async () => {
      await openApp(page, server.url, '#/lenses');
      await page.getByLabel('Lens JSON').fill(JSON.stringify(customLens(), null, 2));
      await page.getByRole('button', { name: 'Check lens' }).click();
      await page.locator('[data-summary]').filter({ hasText: 'No problems found' }).waitFor();
      const q = page.locator('[data-question-id="deploy"]');
      await q.locator('summary').click();
      await q.locator('input[data-choice="deploy_ci"]').check();
      await q.getByLabel('Mark not applicable: Automated rollback').check();
      await check('lenses-tryout');
    });
    await t.test('lenses: custom lenses table (a draft with an error, a published lens) and the publish dialog', async () => {
      const broken = customLens();
      broken.name = 'Draft lens';
      broken.pillars[0].questions[0].riskRules[0].condition = 'deploy_ci && deploy_rollbak';
      await openApp(page, server.url, '#/lenses');
      for (const lens of [broken, { ...customLens(), name: 'Published lens' }]) {
        await page.getByLabel('Lens JSON').fill(JSON.stringify(lens, null, 2));
        await page.getByRole('button', { name: 'Check lens' }).click();
        await page.locator('[data-summary]').filter({ hasText: lens === broken ? '1 error' : 'No problems found' }).waitFor();
        await page.getByLabel('Import as').selectOption('');
        await page.getByRole('button', { name: 'Import lens', exact: true }).click();
        await page.locator('[data-custom-status]').filter({ hasText: `Imported “${lens.name}”` }).waitFor();
      }
      await page.getByRole('button', { name: 'Publish lens Published lens' }).click();
      await page.getByLabel('Version name').fill('1.0');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.locator('[data-custom-status]').filter({ hasText: 'Published “Published lens” version 1.0' }).waitFor();
      await check('lenses-custom');
      await page.getByRole('button', { name: 'Publish lens Draft lens' }).click();
      await page.getByLabel('Version name').fill('1.0');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.locator('dialog .form-error').filter({ hasText: 'cannot be published' }).waitFor();
      await check('lenses-publish-refused');
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
    await t.test('lens overview: newer custom lens version banner and the upgrade dialog', async () => {
      await openApp(page, server.url, '#/lenses');
      const row = page.locator('[data-custom-lenses] tbody tr', { hasText: 'Published lens' });
      const alias = await row.getAttribute('data-lens-alias');
      const workload = await defineWorkloadUI(page, server.url, { name: 'Upgrade candidate', lenses: [alias] });
      await openApp(page, server.url, '#/lenses');
      await page.getByLabel('Lens JSON').fill(JSON.stringify({ ...customLens({ title: 'How do changes reach production?' }), name: 'Published lens' }, null, 2));
      await page.getByRole('button', { name: 'Check lens' }).click();
      await page.locator('[data-summary]').filter({ hasText: 'No problems found' }).waitFor();
      await page.getByLabel('Import as').selectOption(alias);
      await page.getByRole('button', { name: 'Import lens', exact: true }).click();
      await page.locator('[data-custom-status]').filter({ hasText: 'as a draft' }).waitFor();
      await page.getByRole('button', { name: 'Publish lens Published lens' }).click();
      await page.getByLabel('Version name').fill('2.0');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.locator('[data-custom-status]').filter({ hasText: 'version 2.0' }).waitFor();
      await openApp(page, server.url, `#/workloads/${workload}/lenses/${alias}`);
      await page.getByRole('button', { name: 'Upgrade lens version' }).waitFor();
      await check('lens-overview-upgrade-banner');
      await page.getByRole('button', { name: 'Upgrade lens version' }).click();
      await page.getByRole('dialog').waitFor();
      await check('lens-upgrade-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    });
    await t.test('backup reminder and a save refused by another tab', async () => {
      // 20 changes since the last backup: the reminder is due at the next start.
      await page.evaluate(() => localStorage.setItem('plumbline.backup.changes', '20'));
      const route = `#/workloads/${id}/lenses/wellarchitected/review/ops-model`;
      await openApp(page, server.url, route);
      await page.reload();
      await waitForView(page, /\/review\/ops-model$/);
      await page.getByRole('region', { name: 'Time to back up your work' }).waitFor();
      const other = await page.context().newPage();
      await openApp(other, server.url, route);
      await other.getByRole('button', { name: 'Mark best practices that do not apply' }).click();
      await other.locator('input[data-choice-na]').first().check();
      await other.getByText('All changes saved.').waitFor();
      await other.close();
      await page.locator('input[data-choice]').last().click();
      await page.locator('[data-save-error]').waitFor({ state: 'visible' });
      await check('review-conflict-and-backup-reminder');
      await page.getByRole('region', { name: 'Time to back up your work' }).getByRole('button', { name: /Dismiss/ }).click();
    });
    await t.test('define-workload with errors', async () => {
      await openApp(page, server.url, '#/workloads/new');
      await page.getByRole('button', { name: 'Define workload' }).click();
      await page.locator('.field-error:not([hidden])').first().waitFor();
      await check('define-workload-error');
    });
    await t.test('delete dialog', async () => {
      await openApp(page, server.url, '#/workloads');
      await page.getByRole('button', { name: 'Delete Accessible workload' }).click();
      await page.getByRole('dialog').waitFor();
      await check('delete-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    });
    await t.test('save milestone dialog', async () => {
      await openApp(page, server.url, `#/workloads/${id}`);
      await page.getByRole('button', { name: 'Save milestone' }).click();
      await page.getByRole('dialog').waitFor();
      await check('save-milestone-dialog');
      await page.keyboard.press('Escape');
    });
    await t.test('a damaged workload: its row, its page and the dashboard notice', async () => {
      const all = await records(page);
      const record = `workload/${id}`;
      await change(page, { put: { [record]: { rev: all[record].rev, body: { ...all[record].body, riskCounts: 'lots' } } } });
      for (const [name, route] of [['workloads-damaged', '#/workloads'], ['workload-damaged', `#/workloads/${id}`], ['dashboard-damaged', '#/dashboard']]) {
        await openApp(page, server.url, route);
        await page.locator('[data-damaged], .damaged-notice').first().waitFor();
        await check(name, async () => {
          if (name === 'workloads-damaged') await page.$$eval('main details', (ds) => ds.forEach((d) => { d.open = true; }));
        });
      }
    });
    assert.deepEqual(s.errors, []);
    console.log(`# screenshots in ${SCREENSHOTS}`);
  } finally {
    await s.done();
  }
});
