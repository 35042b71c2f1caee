// Review templates end to end: a template is created and answered on the review page, two
// workloads are defined from it (the copied answer says "From template …"), the template is
// edited, and one workload is updated from it: the question its team also changed is offered
// as a choice, nothing is taken until the user chooses, and the choice is what is stored. The
// Notifications page lists the template's change per workload until updated or dismissed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView } from './support.mjs';
import { change } from './pouch-records.mjs';

const PRI = ['ops_priorities_ext_cust_needs', 'ops_priorities_int_cust_needs'];
const OPS = ['ops_ops_model_def_resource_owners', 'ops_ops_model_def_proc_owners', 'ops_ops_model_def_activity_owners'];

/** On the define page as it is: the minimum fields, Define workload; the new workload's id. */
async function defineHere(page, name) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description').fill('Customer-facing website for retail order processing');
  await page.getByLabel('Review owner').fill('Ana Carolina Silva');
  await page.getByLabel('Production', { exact: true }).check();
  await page.locator('input[name="awsRegions"][value="us-east-1"]').check();
  await page.getByRole('button', { name: 'Define workload' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
  return (await page.evaluate(() => document.body.dataset.rendered)).split('/')[2];
}

/** On a review page (workload or template): ticks `choice` and waits for the save. */
async function tick(page, url, route, choice) {
  await openApp(page, url, route);
  await page.locator(`input[data-choice="${choice}"]`).check();
  await page.locator('p.save-state', { hasText: 'All changes saved.' }).waitFor();
}

test('a template answered, two workloads from it, the template edited, one updated with a conflict choice', { timeout: 180_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url, '#/templates');
    await page.getByRole('link', { name: 'Create template' }).click();
    await waitForView(page, /^\/templates\/new$/);
    await page.getByLabel('Name', { exact: true }).fill('Retail baseline');
    await page.getByLabel('Description').fill('Answers every retail team starts from');
    await page.getByRole('button', { name: 'Create template' }).click();
    await waitForView(page, /^\/templates\/[0-9a-f]{32}$/);
    const templateId = (await page.evaluate(() => document.body.dataset.rendered)).split('/')[2];
    const templateReview = `#/templates/${templateId}/lenses/wellarchitected/review`;
    await tick(page, server.url, `${templateReview}/priorities`, PRI[0]);
    assert.equal(await page.locator('p.question-risk').isVisible(), false, 'a template shows no risk');
    await tick(page, server.url, `${templateReview}/ops-model`, OPS[0]);

    // Two workloads from it: from the template's page and from the define page.
    await openApp(page, server.url, `#/templates/${templateId}`);
    await page.getByRole('link', { name: 'Define workload from template' }).click();
    await waitForView(page, /^\/workloads\/new$/);
    assert.equal(await page.getByLabel('Review template – optional').inputValue(), templateId);
    const a = await defineHere(page, 'Shop A');
    await openApp(page, server.url, '#/workloads/new');
    await page.getByLabel('Review template – optional').selectOption(templateId);
    const b = await defineHere(page, 'Shop B');

    await openApp(page, server.url, `#/workloads/${a}/lenses/wellarchitected/review/priorities`);
    assert.equal(await page.locator('[data-from-template]').textContent(), 'From template Retail baseline');
    assert.ok(await page.locator(`input[data-choice="${PRI[0]}"]`).isChecked(), 'the answer was copied');
    // Shop A's team changes ops-model: the mark goes.
    await tick(page, server.url, `#/workloads/${a}/lenses/wellarchitected/review/ops-model`, OPS[1]);
    assert.equal(await page.locator('[data-from-template]').isVisible(), false);

    // The template changes both questions (ops-model otherwise than Shop A's team).
    await tick(page, server.url, `${templateReview}/priorities`, PRI[1]);
    await tick(page, server.url, `${templateReview}/ops-model`, OPS[2]);

    // The Notifications page lists the change once per workload, each leading to its update.
    await openApp(page, server.url, '#/notifications');
    const templateRows = page.locator('tr[data-notification="TEMPLATE_UPDATED"]');
    await templateRows.first().waitFor();
    assert.equal(await templateRows.count(), 2);
    await page.getByRole('link', { name: 'Update from template: Shop A' }).click();
    await waitForView(page, new RegExp(`^/workloads/${a}$`));

    await openApp(page, server.url, `#/workloads/${a}`);
    const panel = page.locator('[data-template-update]');
    await panel.waitFor();
    assert.match(await panel.textContent(), /Template Retail baseline changed/);
    const conflict = panel.locator(`[data-conflict="wellarchitected/ops-model"]`);
    assert.equal(await conflict.count(), 1, 'ops-model is offered as a choice');
    await panel.getByRole('button', { name: 'Update from template' }).click();
    await panel.getByRole('alert').waitFor();
    assert.match(await panel.getByRole('alert').textContent(), /Choose which answer to keep/);
    await conflict.getByLabel('Keep our answer').check();
    await panel.getByRole('button', { name: 'Update from template' }).click();
    await page.locator('[data-template-update]').waitFor({ state: 'detached' });

    await openApp(page, server.url, `#/workloads/${a}/lenses/wellarchitected/review/priorities`);
    assert.ok(await page.locator(`input[data-choice="${PRI[1]}"]`).isChecked(), "the template's change was taken");
    await openApp(page, server.url, `#/workloads/${a}/lenses/wellarchitected/review/ops-model`);
    assert.ok(await page.locator(`input[data-choice="${OPS[1]}"]`).isChecked(), 'our answer was kept');
    assert.equal(await page.locator(`input[data-choice="${OPS[2]}"]`).isChecked(), false, "the template's was not taken");
    // Shop B still has the update waiting.
    await openApp(page, server.url, `#/workloads/${b}`);
    await page.locator('[data-template-update]').waitFor();
    // So does its notification, until dismissed; Shop A's went with its update.
    await openApp(page, server.url, '#/notifications');
    await templateRows.first().waitFor();
    assert.equal(await templateRows.count(), 1, 'Shop A was updated');
    await page.getByRole('button', { name: 'Dismiss: Template changed, Shop B' }).click();
    await page.locator('p.empty[data-empty="notifications"]').waitFor();

    // A workload whose template this workspace lacks (as on a colleague's replica: team sync
    // shares the workload, not the template): its overview says so and keeps the answers.
    await change(page, { remove: [`template/${templateId}`] });
    await openApp(page, server.url, `#/workloads/${b}`);
    await page.locator('.template-panel', { hasText: 'not in this workspace' }).waitFor();
    assert.equal(await page.locator('[data-template-update]').count(), 0);
    await openApp(page, server.url, `#/workloads/${b}/lenses/wellarchitected/review/priorities`);
    assert.ok(await page.locator(`input[data-choice="${PRI[0]}"]`).isChecked(), 'the copied answer is kept');
    assert.deepEqual(s.errors ?? [], []);
  } finally {
    await s.done();
  }
});
