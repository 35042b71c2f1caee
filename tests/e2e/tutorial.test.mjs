// The user guide's tutorial, "Retail Website - North America", from start to finish through
// the UI: define the workload, answer every question, read the risks, save a milestone, follow
// the improvement plan, save a second milestone, and find it all on the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, screenshot, SCREENSHOTS } from './support.mjs';
import { assertClean } from './harness.mjs';
import { questions, bestPractices, noneOfThese } from './lens-data.mjs';

const NAME = 'Retail Website - North America';
// Three questions left at high risk ("None of these"), one at medium risk, one not applicable.
const HIGH = ['priorities', 'securely-operate', 'adapt-to-changes'];
const MEDIUM = { 'workload-observability': ['ops_workload_observability_create_alerts'] };
const NOT_APPLICABLE = 'evaluate-cost-effort';

async function text(page, selector) {
  return (await page.locator(selector).first().textContent()).trim();
}

test('tutorial: Retail Website - North America', { timeout: 300_000 }, async (t) => {
  const s = await session();
  const { page, server, errors } = s;
  try {
    await t.test('define the workload', async () => {
      await openApp(page, server.url);
      await screenshot(page, '01-workloads-empty');
      await page.getByRole('link', { name: 'Define workload' }).first().click();
      await waitForView(page, /^\/workloads\/new$/);
      await page.getByLabel('Name', { exact: true }).fill(NAME);
      await page.getByLabel('Description').fill('Customer-facing website for retail order processing');
      await page.getByLabel('Review owner').fill('Ana Carolina Silva');
      await page.getByLabel('Production', { exact: true }).check();
      await page.locator('input[name="awsRegions"][value="us-east-1"]').check();
      await page.locator('input[name="awsRegions"][value="us-west-2"]').check();
      await page.getByLabel('Non-AWS regions').fill('Local data center');
      assert.equal(await text(page, '[data-field-wrapper="workloadName"] .counter'), '70 characters remaining');
      const framework = page.locator('input[name="lenses"][value="wellarchitected"]');
      assert.ok(await framework.isChecked());
      assert.ok(await framework.isDisabled());
      await screenshot(page, '02-define-workload');
      await page.getByRole('button', { name: 'Define workload' }).click();
      await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
      assert.equal(await text(page, 'h1'), NAME);
      assert.match(await text(page, '.banner'), /57 of 57 questions are not answered yet/);
      await screenshot(page, '03-workload-overview-new');
    });

    await t.test('document the workload state: answer every question', async () => {
      await page.getByRole('link', { name: 'Start reviewing' }).first().click();
      await waitForView(page, /\/review$/);
      assert.equal(await text(page, '#question-title'), `OPS 1. ${questions[0].title}`);
      for (let i = 0; i < questions.length; i++) {
        const q = questions[i];
        if (i > 0) await waitForView(page, new RegExp(`/review/${q.id}$`));
        if (q.id === NOT_APPLICABLE) {
          await page.getByLabel('Question does not apply to this workload').check();
          await page.getByLabel('Reason the question does not apply').selectOption('BUSINESS_PRIORITIES');
        } else if (HIGH.includes(q.id)) {
          await page.locator(`input[data-choice="${noneOfThese(q.id)}"]`).check();
          await page.getByRole('textbox', { name: 'Notes – optional' }).fill("We don't do any of these as part of version 3. We've added this as a high priority item for version 4.");
        } else {
          for (const c of MEDIUM[q.id] || bestPractices(q.id)) await page.locator(`input[data-choice="${c}"]`).check();
        }
        if (i === 0) {
          await page.getByText('All changes saved.').waitFor();
          assert.equal(await text(page, '.question-risk'), 'Question risk: ⊗ High risk');
          assert.equal(await text(page, '#review-risks [data-count="high"]'), '1');
          await screenshot(page, '04-review-question');
        }
        const next = i < questions.length - 1 ? 'Next' : 'Finish';
        await page.getByRole('button', { name: next, exact: true }).click();
      }
      await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
      assert.equal(await text(page, '#workload-risks [data-count="answered"]'), '57/57');
      assert.equal(await text(page, '#workload-risks [data-count="high"]'), '3');
      assert.equal(await text(page, '#workload-risks [data-count="medium"]'), '1');
      assert.equal(await page.locator('.banner').count(), 0, 'no "unanswered" banner once every question is answered');
      assert.ok(await page.getByRole('link', { name: 'Continue reviewing' }).first().isVisible());
      await screenshot(page, '05-workload-overview-answered');
    });

    await t.test('save milestone "Version 1.0 - initial review"', async () => {
      await page.getByRole('button', { name: 'Save milestone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save milestone' });
      await dialog.getByLabel('Milestone name').fill('Version 1.0 - initial review');
      assert.match(await dialog.locator('.counter').textContent(), /72 characters remaining/);
      await screenshot(page, '06-save-milestone-dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await waitForView(page, /\/milestones$/);
      const row = page.locator('tr[data-milestone="1"]');
      assert.match(await row.textContent(), /Version 1\.0 - initial review/);
      assert.deepEqual(await row.locator('td.num').allTextContents(), ['3', '1']);
    });

    await t.test('review the improvement plan', async () => {
      await page.getByRole('link', { name: 'Overview' }).click();
      await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
      await page.getByRole('link', { name: 'Improvement plan of Well-Architected Framework' }).click();
      await waitForView(page, /\/plan$/);
      assert.equal(await text(page, '#plan-risks [data-count="high"]'), '3');
      assert.equal(await text(page, '#plan-risks [data-count="medium"]'), '1');
      let order = await page.locator('.plan-item').evaluateAll((els) => els.map((e) => `${e.dataset.risk}:${e.dataset.questionId}`));
      assert.deepEqual(order, ['HIGH:priorities', 'HIGH:securely-operate', 'HIGH:adapt-to-changes', 'MEDIUM:workload-observability']);
      await page.getByLabel('Improvement status').selectOption('NOT_STARTED');
      await page.getByText('Improvement status saved.').waitFor();
      // Security first, as in the tutorial: move it up once.
      await page.getByRole('button', { name: 'Move Security up' }).click();
      await page.getByText('Pillar priority saved.').waitFor();
      await page.waitForFunction(() => document.querySelector('.plan-item')?.dataset.questionId === 'securely-operate');
      order = await page.locator('.plan-item').evaluateAll((els) => els.map((e) => e.dataset.questionId));
      assert.deepEqual(order, ['securely-operate', 'priorities', 'adapt-to-changes', 'workload-observability']);
      // Security is now first, so its "up" button is disabled and focus moves to its "down" button.
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move Security down', 'focus stays on the moved pillar');
      // Expand an item: its best practices with improvement text, links and impact.
      const item = page.locator('.plan-item[data-question-id="adapt-to-changes"]');
      await item.locator('summary').click();
      const bps = item.locator('.best-practice');
      assert.equal(await bps.count(), bestPractices('adapt-to-changes').length);
      assert.match(await bps.first().textContent(), /Impact if not followed/);
      const link = bps.first().locator('a.external').first();
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      // Filters
      await page.getByLabel('Filter by risk').selectOption('MEDIUM');
      assert.equal(await page.locator('.plan-item').count(), 1);
      await page.getByLabel('Filter by risk').selectOption('');
      await page.getByLabel('Filter by pillar').selectOption('reliability');
      assert.deepEqual(await page.locator('.plan-item').evaluateAll((els) => els.map((e) => e.dataset.questionId)), ['adapt-to-changes']);
      await page.getByLabel('Filter by pillar').selectOption('');
      await page.getByLabel('Improvement status').selectOption('IN_PROGRESS');
      await page.getByText('Improvement status saved.').waitFor();
      await screenshot(page, '07-improvement-plan');
    });

    await t.test('make improvements and measure progress', async () => {
      for (const qid of ['adapt-to-changes', 'securely-operate']) {
        await page.locator(`.plan-item[data-question-id="${qid}"] summary`).click();
        await page.locator(`.plan-item[data-question-id="${qid}"]`).getByRole('link', { name: 'Review this question' }).click();
        await waitForView(page, new RegExp(`/review/${qid}$`));
        for (const c of bestPractices(qid)) await page.locator(`input[data-choice="${c}"]`).check();
        assert.equal(await page.locator(`input[data-choice="${noneOfThese(qid)}"]`).isChecked(), false, '"None of these" is cleared by choosing a best practice');
        await page.getByRole('textbox', { name: 'Notes – optional' }).fill('Added Amazon CloudWatch to get better metrics and AWS Auto Scaling to enable elasticity.');
        await page.getByRole('button', { name: 'Save and exit' }).click();
        await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
        await page.getByRole('link', { name: 'Improvement plan of Well-Architected Framework' }).click();
        await waitForView(page, /\/plan$/);
      }
      assert.equal(await text(page, '#plan-risks [data-count="high"]'), '1');
      assert.equal(await text(page, '#plan-risks [data-count="medium"]'), '1');
      assert.equal(await page.getByLabel('Improvement status').inputValue(), 'IN_PROGRESS');
    });

    await t.test('save milestone "Version 1.1" and compare', async () => {
      await page.getByRole('link', { name: NAME }).click();
      await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
      await page.getByRole('button', { name: 'Save milestone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save milestone' });
      await dialog.getByLabel('Milestone name').fill('version 1.0 -  INITIAL review');
      await dialog.getByRole('button', { name: 'Save' }).click();
      // The refusal comes back from the engine asynchronously: wait for its words.
      await dialog.locator('.field-error', { hasText: /unique/i }).waitFor({ timeout: 10_000 });
      assert.match(await dialog.locator('.field-error').textContent(), /unique/i, 'names differing only in case and spaces are refused');
      await dialog.getByLabel('Milestone name').fill('Version 1.1');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await waitForView(page, /\/milestones$/);
      const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td.num')].map((td) => td.textContent)]));
      assert.deepEqual(rows, [['Version 1.1', '1', '1'], ['Version 1.0 - initial review', '3', '1']]);
      await screenshot(page, '08-milestones');
      await page.getByRole('link', { name: 'Version 1.0 - initial review', exact: true }).click();
      await waitForView(page, /\/milestones\/1$/);
      assert.match(await text(page, 'h1'), /Version 1\.0 - initial review/);
      // The answered / all questions filter and the Export panel's choices (format, lens) change
      // no data: every other control would edit.
      const editing = await page.locator('main input, main textarea, main select')
        .evaluateAll((els) => els.filter((el) => !el.closest('[data-question-filter], .export-panel')).length);
      assert.equal(editing, 0, 'a milestone is read-only');
      assert.equal(await page.locator('.export-panel').getByLabel('Format', { exact: true }).count(), 1, 'it can be exported');
      assert.equal(await page.locator('.plan-item').count(), 4, 'the frozen plan still has its four items');
      assert.equal(await text(page, '.panel .risk-summary [data-count="high"]'), '3');
      await screenshot(page, '09-milestone-read-only');
    });

    await t.test('the dashboard shows the workload', async () => {
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await waitForView(page, /^\/dashboard$/);
      assert.equal(await text(page, '[data-total="workloads"]'), '1');
      assert.equal(await text(page, '[data-total="high"]'), '1');
      assert.equal(await text(page, '[data-total="medium"]'), '1');
      assert.equal(await page.locator('svg.chart rect.bar-high').count(), 6);
      const reliability = page.locator('figure table tbody tr', { hasText: 'Reliability' });
      assert.deepEqual(await reliability.locator('td').allTextContents(), ['0', '0']);
      const ops = page.locator('figure table tbody tr', { hasText: 'Operational Excellence' });
      assert.deepEqual(await ops.locator('td').allTextContents(), ['1', '1']);
      assert.match(await page.locator('tr[data-workload-id]').textContent(), /Retail Website - North America/);
      assert.equal(await page.locator('tr[data-question-id]').count(), 2);
      const filter = async (pillar, risk) => {
        await page.getByLabel('Filter by pillar').selectOption(pillar);
        await page.getByLabel('Filter by risk').selectOption(risk);
        await page.waitForFunction((v) => document.querySelector('.dashboard-body')?.dataset.filtered === v, `${pillar}|${risk}`);
      };
      await filter('', 'HIGH');
      assert.equal(await page.locator('tr[data-question-id]').count(), 1);
      assert.equal(await page.locator('svg.chart rect.bar-medium').count(), 0, 'the chart shows only high risks');
      await filter('security', 'HIGH');
      assert.equal(await page.locator('tr[data-question-id]').count(), 0);
      assert.equal(await page.locator('svg.chart rect.bar-high').count(), 1, 'one pillar');
      await filter('', '');
      await screenshot(page, '10-dashboard');
    });
    assert.deepEqual(errors, [], 'no page errors, console errors or alert dialogs');
    assertClean(s.problems);
    console.log(`screenshots in ${SCREENSHOTS}`);
  } finally {
    await s.done();
  }
});
