// Generate report: the workload's properties, per lens the counts and every question with its
// answer and notes, and the improvement plan (high risks first); Print hides the app around
// it; Download report saves a self-contained HTML file with its own CSP, no script, and every
// user text escaped. The same for a milestone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { session, openApp, defineWorkloadUI, waitForView } from './support.mjs';
import { bestPractices, noneOfThese } from './lens-data.mjs';

const XSS = '<img src=x onerror=alert(1)>';

test('the report shows the review, prints without the app around it, and downloads safely', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const id = await defineWorkloadUI(page, s.server.url, { name: `Report ${XSS}` });
    await openApp(page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await page.locator(`input[data-choice="${noneOfThese('priorities')}"]`).check();
    await page.getByRole('textbox', { name: 'Notes – optional' }).fill(`Question note ${XSS}`);
    await page.getByRole('button', { name: 'Next' }).click();
    await waitForView(page, /\/review\/ops-model$/);
    const [first, second] = bestPractices('ops-model');
    await page.locator(`input[data-choice="${first}"]`).check();
    await page.getByRole('button', { name: 'Mark best practices that do not apply' }).click();
    await page.locator(`input[data-choice-na="${second}"]`).check();
    await page.getByText('All changes saved.').waitFor();
    await openApp(page, s.server.url, `#/workloads/${id}/lenses/wellarchitected`);
    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await page.getByRole('textbox', { name: 'Lens notes' }).fill(`Lens note ${XSS}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Lens note ${XSS}`).waitFor();

    await openApp(page, s.server.url, `#/workloads/${id}`);
    await page.getByRole('link', { name: 'Generate report' }).click();
    await waitForView(page, /\/report$/);
    const report = page.locator('article.report');
    const text = await report.textContent();
    for (const want of [`Report ${XSS}`, 'Ana Carolina Silva', 'Lens: Well-Architected Framework', `Lens note ${XSS}`,
      `Question note ${XSS}`, 'Best practices that do not apply:', 'reason: Out of scope', 'Selected best practices:', 'Improvement plan']) {
      assert.ok(text.includes(want), `the report shows ${want}`);
    }
    assert.equal(await page.locator('main img').count(), 0, 'user text is never markup');
    assert.equal(await report.locator('.report-question[data-question-id="priorities"]').getAttribute('data-risk'), 'HIGH');
    const planRisks = await report.locator('.plan-item').evaluateAll((els) => els.map((e) => e.dataset.risk));
    assert.ok(planRisks.length >= 2);
    assert.deepEqual(planRisks, [...planRisks].sort((a, b) => (a === b ? 0 : a === 'HIGH' ? -1 : 1)), 'HIGH before MEDIUM');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'print hides the navigation');
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    assert.equal(await report.isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report' }).click()]);
    assert.match(download.suggestedFilename(), /^Report-img-src-x-onerror-alert-1-report\.html$/);
    const html = fs.readFileSync(await download.path(), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.match(html, /Lens note &lt;img src=x onerror=alert\(1\)&gt;/);
    // Opened on its own, the file shows the report and runs nothing.
    const file = await s.context.newPage();
    const dialogs = [];
    file.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await file.setContent(html);
    assert.match(await file.locator('h1').textContent(), /^Report: Report <img/);
    assert.equal(await file.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
    await file.close();

    // A milestone's report, from its read-only page.
    await openApp(page, s.server.url, `#/workloads/${id}`);
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await page.getByRole('dialog').getByLabel('Milestone name').fill('Baseline');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await waitForView(page, /\/milestones$/);
    await openApp(page, s.server.url, `#/workloads/${id}/milestones/1`);
    await page.getByRole('link', { name: 'Generate report' }).click();
    await waitForView(page, /\/milestones\/1\/report$/);
    assert.match(await page.locator('h1').textContent(), /milestone Baseline$/);
    assert.match(await page.locator('article.report').textContent(), /Baseline \(number 1, saved/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
