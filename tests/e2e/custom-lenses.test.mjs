// Custom lenses kept in the workspace, through the Lenses page: a lens with an error is
// imported as a draft and shown with the error; publishing it is refused with the error; the
// fixed text is imported as the lens's new draft and published as "1.0"; a workload defined
// with it shows the risk of an answer at once; and the lens cannot be deleted while in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI } from './support.mjs';
import { assertClean } from './harness.mjs';
import { customLens } from './custom-lens.mjs';

async function checkText(page, lens, summary) {
  await page.getByLabel('Lens JSON').fill(JSON.stringify(lens, null, 2));
  await page.getByRole('button', { name: 'Check lens' }).click();
  await page.locator('[data-summary]').filter({ hasText: summary }).waitFor();
}

test('import a draft with an error, fix it, publish 1.0, review a workload with it', { timeout: 180_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url, '#/lenses');
    await page.getByRole('heading', { level: 1, name: 'Lenses' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Import lens', exact: true }).isDisabled(), true, 'nothing checked yet');
    await page.locator('[data-no-custom-lenses]').waitFor();

    const broken = customLens();
    broken.pillars[0].questions[0].riskRules[0].condition = 'deploy_ci && deploy_rollbak';
    await checkText(page, broken, '1 error, 0 warnings');
    await page.getByRole('button', { name: 'Import lens', exact: true }).click();
    const status = page.locator('[data-custom-status]');
    await status.filter({ hasText: 'Imported “Workbench Test Lens” as a draft: 1 error, 0 warnings' }).waitFor();
    const row = page.locator('[data-custom-lenses] tbody tr');
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('[data-status]').textContent(), 'Draft');
    assert.equal(await row.locator('[data-draft]').textContent(), '1 error');
    const alias = await row.getAttribute('data-lens-alias');
    assert.match(alias, /^[0-9a-f]{32}$/);

    // Publishing a draft with an error is refused, and the dialog says why.
    await page.getByRole('button', { name: 'Publish lens Workbench Test Lens' }).click();
    await page.getByLabel('Version name').fill('1.0');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('dialog .form-error').filter({ hasText: 'cannot be published' }).waitFor();
    assert.match(await page.locator('dialog .form-error').textContent(), /deploy_rollbak/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The fixed text replaces the draft (the import target stays on the lens just imported).
    await checkText(page, customLens(), 'No problems found');
    assert.equal(await page.getByLabel('Import as').inputValue(), alias);
    await page.getByRole('button', { name: 'Import lens', exact: true }).click();
    await status.filter({ hasText: 'Imported “Workbench Test Lens” as a draft: No problems found' }).waitFor();
    assert.equal(await row.count(), 1, 'the same lens, a new draft');
    assert.equal(await row.locator('[data-draft]').textContent(), 'No errors');

    await page.getByRole('button', { name: 'Publish lens Workbench Test Lens' }).click();
    await page.getByLabel('Version name').fill('1.0');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await status.filter({ hasText: 'Published “Workbench Test Lens” version 1.0' }).waitFor();
    assert.equal(await row.locator('[data-status]').textContent(), 'Published');
    assert.equal(await row.locator('td').nth(1).textContent(), '1.0');

    // Define a workload with it, answer a question, see the risk.
    const id = await defineWorkloadUI(page, server.url, { name: 'Custom lens workload', lenses: [alias] });
    await openApp(page, server.url, `#/workloads/${id}/lenses/${alias}/review/deploy`);
    await page.locator('input[data-choice="deploy_ci"]').check();
    await page.getByText('All changes saved.').waitFor();
    assert.match(await page.locator('.question-risk .risk').textContent(), /Medium risk/);
    assert.equal(await page.locator('#review-risks [data-count="medium"]').textContent(), '1');
    await openApp(page, server.url, `#/workloads/${id}/lenses/${alias}/plan`);
    await page.getByText('How do you deploy changes?').first().waitFor();

    // Version 2.0 renames a question. The workload keeps reviewing 1.0, and its pages show
    // 1.0's text; a workload defined now gets 2.0.
    await openApp(page, server.url, '#/lenses');
    await checkText(page, customLens({ title: 'How do changes reach production?' }), 'No problems found');
    await page.getByLabel('Import as').selectOption(alias);
    await page.getByRole('button', { name: 'Import lens', exact: true }).click();
    await status.filter({ hasText: 'as a draft' }).waitFor();
    await page.getByRole('button', { name: 'Publish lens Workbench Test Lens' }).click();
    await page.getByLabel('Version name').fill('2.0');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await status.filter({ hasText: 'version 2.0' }).waitFor();
    await openApp(page, server.url, `#/workloads/${id}/lenses/${alias}/review/deploy`);
    const title = () => page.locator('main h2[tabindex="-1"]').textContent();
    assert.match(await title(), /How do you deploy changes\?/, 'the workload still on 1.0');
    assert.ok(await page.locator('input[data-choice="deploy_ci"]').isChecked(), 'its answer kept');
    const second = await defineWorkloadUI(page, server.url, { name: 'Second custom workload', lenses: [alias] });
    await openApp(page, server.url, `#/workloads/${second}/lenses/${alias}/review/deploy`);
    assert.match(await title(), /How do changes reach production\?/, 'a new workload on 2.0');

    // The 1.0 workload's lens overview offers the upgrade; by keyboard: the dialog says what
    // happens, and after it the review shows 2.0's text with the answer kept.
    await openApp(page, server.url, `#/workloads/${id}/lenses/${alias}`);
    const banner = page.getByRole('region', { name: 'Newer lens version' });
    await banner.getByText('This workload uses version 1.0 of the lens; version 2.0 is available.').waitFor();
    await banner.getByRole('button', { name: 'Upgrade lens version' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Upgrade to version 2.0?' });
    await dialog.waitFor();
    await dialog.getByText('No question is removed in version 2.0.').waitFor();
    await dialog.getByText('Milestones keep version 1.0.').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement), true, 'Cancel has focus');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('The workload now uses version 2.0 of the lens.').waitFor({ state: 'attached' });
    await banner.waitFor({ state: 'detached' });
    await page.locator('dl.props dd').filter({ hasText: /^2\.0$/ }).waitFor();
    assert.equal(await page.locator('#lens-risks [data-count="medium"]').textContent(), '1', 'the counts at 2.0');
    await openApp(page, server.url, `#/workloads/${id}/lenses/${alias}/review/deploy`);
    assert.match(await title(), /How do changes reach production\?/, 'the workload now on 2.0');
    assert.ok(await page.locator('input[data-choice="deploy_ci"]').isChecked(), 'its answer kept');

    // In use: Delete is refused with a message naming the workload.
    await openApp(page, server.url, '#/lenses');
    await page.getByRole('button', { name: 'Delete Workbench Test Lens' }).click();
    await page.getByRole('button', { name: 'Delete lens' }).click();
    await page.locator('[data-custom-error]').filter({ hasText: 'Custom lens workload' }).waitFor();
    assert.equal(await page.locator('[data-custom-lenses] tbody tr').count(), 1);
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});
