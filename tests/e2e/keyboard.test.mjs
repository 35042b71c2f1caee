// The whole path through a review with the keyboard only (keyboard.press and nothing else
// after the first page load): define a workload, answer, use "None of these", mark a question
// not applicable, read Info, move between questions, save and exit, save a milestone, reorder
// pillar priority, and open and close the delete dialog. Focus is visible at every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, tabTo, pressText, screenshot } from './support.mjs';

async function focusIsVisible(page, what) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return { tag: el.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow };
  });
  assert.ok(style.outline !== 'none' && style.width >= 2, `visible focus on ${what} (${JSON.stringify(style)})`);
}

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el.getAttribute('aria-label') || el.id || el.textContent.trim();
});

test('keyboard only: a review from start to finish', { timeout: 240_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url);

    await tabTo(page, 'a', { name: 'Define workload' });
    await focusIsVisible(page, 'a link');
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads\/new$/);
    await tabTo(page, 'input[name="workloadName"]');
    await focusIsVisible(page, 'a text box');
    await pressText(page, 'Keyboard workload');
    await page.keyboard.press('Tab');
    await pressText(page, 'Reviewed without a mouse');
    await page.keyboard.press('Tab');
    await pressText(page, 'Ana Carolina Silva');
    await tabTo(page, 'input[type="radio"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="awsRegions"][value="us-east-1"]');
    await focusIsVisible(page, 'a checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="lenses"][value="serverless"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]', { name: 'Define workload' });
    await focusIsVisible(page, 'a button');
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    assert.equal(await page.locator('h1').textContent(), 'Keyboard workload');
    assert.equal(await page.locator('tr[data-lens]').count(), 2, 'both lenses applied');

    await tabTo(page, 'a', { name: 'Start reviewing' });
    await page.keyboard.press('Enter');
    await waitForView(page, /\/lenses\/wellarchitected\/review$/);

    // "None of these", then a best practice: each clears the other.
    await tabTo(page, 'input[data-choice="ops_priorities_no"]');
    await page.keyboard.press('Space');
    await page.getByText('All changes saved.').waitFor();
    assert.equal(await page.locator('#review-risks [data-count="high"]').textContent(), '1');
    await tabTo(page, 'input[data-choice="ops_priorities_ext_cust_needs"]', { shift: true });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('input[data-choice="ops_priorities_no"]').checked);
    await page.getByText('All changes saved.').waitFor();

    // Info for a best practice opens in the right panel and takes focus there.
    await tabTo(page, 'button', { name: 'Info: Priorities reflect' });
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'info-title');
    assert.match(await page.locator('#info-title').textContent(), /Priorities reflect what external customers need/);

    // Per-choice not applicable, with its reason, from the keyboard: unfolded by its toggle.
    await tabTo(page, 'button', { name: 'Mark best practices that do not apply', shift: true });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
    await tabTo(page, 'input[data-choice-na="ops_priorities_int_cust_needs"]', { shift: true });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT');
    await focusIsVisible(page, 'a select');
    await page.keyboard.press('ArrowDown');
    await page.getByText('All changes saved.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.value), 'BUSINESS_PRIORITIES');

    await tabTo(page, 'textarea');
    await focusIsVisible(page, 'the notes');
    await pressText(page, 'Typed with keys');
    await tabTo(page, 'button', { name: 'Next' });
    await page.keyboard.press('Enter');
    await waitForView(page, /\/review\/ops-model$/);
    assert.equal(await focused(page), 'question-title', 'focus starts at the new question');

    // The whole question does not apply.
    await tabTo(page, 'input[data-role="question-na"]');
    await page.keyboard.press('Space');
    await page.getByText('All changes saved.').waitFor();
    assert.match(await page.locator('.question-risk').textContent(), /Not applicable/);
    assert.equal(await page.locator('#review-risks [data-count="answered"]').textContent(), '2/57');

    // Back to OPS 1 from the left panel: it is Done, OPS 2 is N/A, and the notes were kept.
    await tabTo(page, 'nav.review-nav a', { name: 'OPS 1.', shift: true });
    await focusIsVisible(page, 'a question link');
    await page.keyboard.press('Enter');
    await waitForView(page, /\/review\/priorities$/);
    assert.match(await page.locator('nav.review-nav a[aria-current="page"]').textContent(), /\(Done\)/);
    assert.match(await page.locator('nav.review-nav a', { hasText: 'OPS 2.' }).textContent(), /\(N\/A\)/);
    assert.equal(await page.locator('textarea').first().inputValue(), 'Typed with keys');
    await screenshot(page, 'keyboard-review');

    await tabTo(page, 'button', { name: 'Save and exit' });
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);

    // Save milestone: the dialog takes focus, Enter submits.
    await tabTo(page, 'button', { name: 'Save milestone' });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.closest('dialog') !== null && document.activeElement.tagName), 'INPUT');
    await pressText(page, 'Keyboard milestone');
    await page.keyboard.press('Enter');
    await waitForView(page, /\/milestones$/);
    assert.match(await page.locator('tbody').textContent(), /Keyboard milestone/);

    // Improvement plan: move a pillar with the buttons.
    await tabTo(page, 'a', { name: 'Overview' });
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    await tabTo(page, 'a', { name: 'Improvement plan of Well-Architected Framework' });
    await page.keyboard.press('Enter');
    await waitForView(page, /\/plan$/);
    await tabTo(page, 'button', { name: 'Move Reliability up' });
    await page.keyboard.press('Enter');
    await page.getByText('Pillar priority saved.').waitFor();
    assert.equal(await focused(page), 'Move Reliability up', 'focus follows the moved pillar');
    await page.keyboard.press('Enter');
    await page.getByText('Pillar priority saved.').waitFor();
    assert.deepEqual((await page.locator('.priority-list li').evaluateAll((lis) => lis.map((li) => li.dataset.pillarId))).slice(0, 3),
      ['reliability', 'operationalExcellence', 'security']);
    await tabTo(page, 'summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.plan-item details[open]').count(), 1, 'Enter expands an improvement item');

    // Delete: the dialog opens on Cancel, Escape closes it, focus returns to Delete.
    await tabTo(page, 'a[data-nav="workloads"]', { shift: true });
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads$/);
    await tabTo(page, 'button', { name: 'Delete Keyboard workload' });
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'Cancel');
    assert.match(await page.locator('dialog').textContent(), /Keyboard workload.*milestones.*answers/s);
    await page.keyboard.press('Escape');
    await page.locator('dialog').waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'Delete Keyboard workload');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Delete workload');
    await page.keyboard.press('Enter');
    await page.getByText('No workloads', { exact: true }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
