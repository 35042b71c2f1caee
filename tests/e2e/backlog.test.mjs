// The improvement plan as a backlog: owner, status (with its reason), due date and notes set
// on plan items, kept over a reload, filtered by owner and status with the filters in the
// address, frozen in a milestone while the current plan changes, and kept on an item whose
// question is answered out of risk (shown apart as resolved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, waitForView, axe } from './support.mjs';

const PRIORITIES = ['ops_priorities_ext_cust_needs', 'ops_priorities_int_cust_needs', 'ops_priorities_governance_reqs',
  'ops_priorities_compliance_reqs', 'ops_priorities_eval_threat_landscape', 'ops_priorities_eval_tradeoffs'];

/** Answers `questionId` through the review page: checks `choices`, then Save and exit. */
async function answer(page, url, id, questionId, choices) {
  await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/${questionId}`);
  for (const c of choices) await page.locator(`input[data-choice="${c}"]`).check();
  await page.getByRole('button', { name: 'Save and exit' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
}

const item = (page, questionId) => page.locator(`.plan-item[data-question-id="${questionId}"]`);
const shownItems = (page) => page.locator('.plan-item').evaluateAll((els) => els.map((e) => e.dataset.questionId));

test('plan items as a backlog: edit, reload, filter, milestone, resolved', { timeout: 180_000 }, async () => {
  // bypassCSP: axe-core is injected as an inline script, which the app's policy blocks.
  const s = await session({ browser: { bypassCSP: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    const id = await defineWorkloadUI(page, url, { name: 'Backlog workload' });
    await answer(page, url, id, 'priorities', ['ops_priorities_no']);
    await answer(page, url, id, 'ops-model', ['ops_ops_model_no']);
    const planRoute = `#/workloads/${id}/lenses/wellarchitected/plan`;
    await openApp(page, url, planRoute);
    await waitForView(page, /\/plan$/);
    assert.deepEqual(await shownItems(page), ['priorities', 'ops-model']);

    // A visible disclosure marker on the collapsed item, another when open.
    const marker = () => item(page, 'priorities').locator('summary').evaluate((el) => getComputedStyle(el, '::before').content);
    const closed = await marker();
    assert.match(closed, /▸/);
    // Keyboard: the summary opens with Enter, the owner is typed, Enter in a box submits.
    await item(page, 'priorities').locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.match(await marker(), /▾/);
    // Only practices that lower the risk are counted.
    const counted = Number((await item(page, 'priorities').locator('.plan-meta').textContent()).match(/(\d+) recommended/)[1]);
    assert.equal(counted, await item(page, 'priorities').locator('.plan-body > ul.best-practices > li').count());
    assert.equal(await item(page, 'priorities').locator('.plan-body > ul.best-practices [data-impact="NONE"]').count(), 0);

    const priorities = item(page, 'priorities');
    await priorities.getByLabel('Status').selectOption('IN_PROGRESS');
    await priorities.getByLabel('Due date').fill('2027-03-31');
    await priorities.getByLabel('Owner').focus();
    await page.keyboard.type('Ana');
    await page.keyboard.press('Enter');
    await priorities.getByText('Saved: In progress, owner Ana, due 2027-03-31.').waitFor();
    assert.equal(await priorities.locator('.plan-backlog').textContent(), 'In progress · Ana · due 2027-03-31');

    // Postponed needs a reason: the error names the field by its label, next to it, with focus.
    const opsModel = item(page, 'ops-model');
    await opsModel.locator('summary').click();
    await opsModel.getByLabel('Status').selectOption('POSTPONED');
    await opsModel.getByRole('button', { name: 'Save item' }).click();
    const reasonError = opsModel.locator('[data-field-wrapper="statusReason"] .field-error');
    await reasonError.waitFor();
    assert.match(await reasonError.textContent(), /^Reason is required when the status is Postponed/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'statusReason');
    assert.equal(await opsModel.locator('.plan-backlog').isVisible(), false, 'nothing was saved');
    await opsModel.getByLabel('Reason').fill('After the data centre exit');
    await opsModel.getByLabel('Owner').fill('Bo');
    await opsModel.getByRole('button', { name: 'Save item' }).click();
    await opsModel.getByText(/^Saved: Postponed, owner Bo\./).waitFor();
    assert.equal(await reasonError.isVisible(), false);

    // A reload shows what was saved.
    await page.reload();
    await waitForView(page, /\/plan$/);
    await item(page, 'priorities').locator('summary').click();
    assert.equal(await item(page, 'priorities').getByLabel('Owner').inputValue(), 'Ana');
    assert.equal(await item(page, 'priorities').getByLabel('Due date').inputValue(), '2027-03-31');
    assert.equal(await item(page, 'priorities').getByLabel('Status').inputValue(), 'IN_PROGRESS');
    await item(page, 'ops-model').locator('summary').click();
    assert.equal(await item(page, 'ops-model').getByLabel('Reason').inputValue(), 'After the data centre exit');

    // Filters by owner and status, kept in the address across a reload.
    await page.getByLabel('Filter by owner').selectOption('Ana');
    assert.deepEqual(await shownItems(page), ['priorities']);
    assert.match(page.url(), /\/plan\?owner=Ana$/);
    await page.getByLabel('Filter by status').selectOption('POSTPONED');
    assert.deepEqual(await shownItems(page), []);
    await page.getByLabel('Filter by owner').selectOption('');
    assert.deepEqual(await shownItems(page), ['ops-model']);
    await page.getByLabel('Filter by owner').selectOption('Bo');
    await page.reload();
    await waitForView(page, /\/plan$/);
    assert.equal(await page.getByLabel('Filter by owner').inputValue(), 'Bo');
    assert.equal(await page.getByLabel('Filter by status').inputValue(), 'POSTPONED');
    assert.deepEqual(await shownItems(page), ['ops-model']);
    assert.match(await page.locator('#plan-count').textContent(), /^1 of 2 improvement items shown\./);
    await page.getByLabel('Filter by owner').selectOption('');
    await page.getByLabel('Filter by status').selectOption('');

    // A milestone freezes the backlog; the current plan changes afterwards.
    await page.getByRole('link', { name: 'Backlog workload' }).first().click();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await page.getByRole('dialog').getByLabel('Milestone name').fill('Backlog frozen');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await waitForView(page, /\/milestones$/);
    await openApp(page, url, planRoute);
    await waitForView(page, /\/plan$/);
    await item(page, 'priorities').locator('summary').click();
    await item(page, 'priorities').getByLabel('Owner').fill('Chris');
    await item(page, 'priorities').getByLabel('Status').selectOption('DONE');
    await item(page, 'priorities').getByRole('button', { name: 'Save item' }).click();
    await item(page, 'priorities').getByText(/^Saved: Done, owner Chris/).waitFor();
    await openApp(page, url, `#/workloads/${id}/milestones/1`);
    await waitForView(page, /\/milestones\/1$/);
    const frozen = item(page, 'priorities');
    await frozen.locator('summary').click();
    assert.match(await frozen.locator('.backlog-fields').textContent(), /StatusIn progress.*OwnerAna.*Due date2027-03-31/);
    // The answered / all filter and the Export panel's choices change no data: nothing else is a control.
    const editing = await page.locator('main input, main textarea, main select')
      .evaluateAll((els) => els.filter((el) => !el.closest('[data-question-filter], .export-panel')).length);
    assert.equal(editing, 0, 'a milestone is read-only');

    // Answered out of risk: the item is shown apart as resolved, its fields kept.
    await answer(page, url, id, 'priorities', PRIORITIES);
    await openApp(page, url, planRoute);
    await waitForView(page, /\/plan$/);
    const resolved = page.locator('.resolved-items .plan-item[data-question-id="priorities"]');
    await resolved.waitFor();
    assert.equal(await resolved.getAttribute('data-resolved'), 'true');
    assert.match(await resolved.locator('summary').textContent(), /Resolved/);
    assert.equal(await resolved.locator('.plan-backlog').textContent(), 'Done · Chris · due 2027-03-31');
    await resolved.locator('summary').click();
    assert.equal(await resolved.getByLabel('Owner').inputValue(), 'Chris');
    assert.deepEqual(await page.locator('.plan-items:not(.resolved-items *) > .plan-item').evaluateAll((els) => els.map((e) => e.dataset.questionId)), ['ops-model']);
    assert.match(await page.locator('#plan-count').textContent(), /1 of 1 improvement items shown\. 1 of 1 resolved items shown\./);
    // Open forms, an error shown and the resolved list: nothing for axe-core to report.
    await item(page, 'ops-model').locator('summary').click();
    await item(page, 'ops-model').getByLabel('Reason').fill('');
    await item(page, 'ops-model').getByRole('button', { name: 'Save item' }).click();
    await item(page, 'ops-model').locator('.field-error').filter({ hasText: 'Reason is required' }).waitFor();
    assert.deepEqual(await axe(page), []);

    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
