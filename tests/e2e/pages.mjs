// Every page of the app, once: the workspace that shows each of them with something on it,
// and the list of their routes. The accessibility test (a11y.test.mjs) checks each of these
// pages, and the screenshot command (screenshots.mjs) photographs the same list.
import { openApp, waitForView, defineWorkloadUI } from './support.mjs';
import { bestPractices } from './lens-data.mjs';

/**
 * Through the UI: a workload with the framework and serverless lenses, two answers (one with
 * a best practice marked not applicable), a milestone "First look", then a change after it so
 * the comparison lists a question; and a review template with one answer. Returns both ids.
 * @param {import('playwright').Page} page
 * @param {string} url
 */
export async function fillWorkspace(page, url) {
  const id = await defineWorkloadUI(page, url, { name: 'Accessible workload', lenses: ['serverless'] });
  await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
  await page.locator('input[data-choice="ops_priorities_no"]').check();
  await page.getByText('All changes saved.').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await waitForView(page, /\/review\/ops-model$/);
  const [first, second] = bestPractices('ops-model');
  await page.locator(`input[data-choice="${first}"]`).check();
  await page.getByRole('button', { name: 'Mark best practices that do not apply' }).click();
  await page.locator(`input[data-choice-na="${second}"]`).check();
  await page.getByText('All changes saved.').waitFor();
  await page.getByRole('button', { name: 'Save and exit' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await page.getByRole('dialog').getByLabel('Milestone name').fill('First look');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await waitForView(page, /\/milestones$/);
  // A change after the milestone, so the comparison page lists a changed question.
  await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
  for (const c of bestPractices('priorities')) await page.locator(`input[data-choice="${c}"]`).check();
  await page.getByText('All changes saved.').waitFor();
  await openApp(page, url, '#/templates/new');
  await page.getByLabel('Name', { exact: true }).fill('Accessible template');
  await page.getByLabel('Description').fill('Answers every team starts from');
  await page.getByRole('button', { name: 'Create template' }).click();
  await waitForView(page, /^\/templates\/[0-9a-f]{32}$/);
  const templateId = (await page.evaluate(() => document.body.dataset.rendered)).split('/')[2];
  await openApp(page, url, `#/templates/${templateId}/lenses/wellarchitected/review/priorities`);
  await page.locator(`input[data-choice="${bestPractices('priorities')[0]}"]`).check();
  await page.locator('p.save-state', { hasText: 'All changes saved.' }).waitFor();
  return { workloadId: id, templateId };
}

/**
 * [name, route] of every page, for the workload and the template of fillWorkspace.
 * @param {string} id
 * @param {string} templateId
 * @returns {[string, string][]}
 */
export function pageList(id, templateId) {
  return [
    ['workloads', '#/workloads'],
    ['define-workload', '#/workloads/new'],
    ['edit-workload', `#/workloads/${id}/edit`],
    ['overview', `#/workloads/${id}`],
    ['milestones', `#/workloads/${id}/milestones`],
    ['properties', `#/workloads/${id}/properties`],
    ['review', `#/workloads/${id}/lenses/wellarchitected/review/ops-model`],
    ['review-serverless', `#/workloads/${id}/lenses/serverless/review`],
    ['improvement-plan', `#/workloads/${id}/lenses/wellarchitected/plan`],
    ['milestone', `#/workloads/${id}/milestones/1`],
    ['compare', `#/workloads/${id}/compare/1/current`],
    ['lens-overview', `#/workloads/${id}/lenses/wellarchitected`],
    ['report', `#/workloads/${id}/report`],
    ['milestone-report', `#/workloads/${id}/milestones/1/report`],
    ['dashboard', '#/dashboard'],
    ['lenses', '#/lenses'],
    ['builtin-lens', '#/lenses/serverless'],
    ['settings', '#/settings'],
    ['templates', '#/templates'],
    ['create-template', '#/templates/new'],
    ['template', `#/templates/${templateId}`],
    ['edit-template', `#/templates/${templateId}/edit`],
    ['template-review', `#/templates/${templateId}/lenses/wellarchitected/review/priorities`],
    ['profiles', '#/profiles'],
    ['notifications', '#/notifications'],
    ['not-found', '#/nowhere'],
  ];
}

/**
 * Opens what a page hides behind a click, so a check or a screenshot sees all of it.
 * @param {import('playwright').Page} page
 * @param {string} name a name of pageList
 */
export async function openEverything(page, name) {
  if (name === 'improvement-plan' || name === 'milestone') {
    await page.$$eval('main details', (ds) => ds.forEach((d) => { d.open = true; }));
  }
  if (name === 'builtin-lens') {
    const first = page.locator('details.tryout-panel').first();
    if (!(await first.evaluate((d) => d.open))) await first.locator('summary').click();
  }
  if (name === 'review') await page.getByRole('button', { name: 'Info: about this question' }).click();
}

/** The widths every page is checked and photographed at: a laptop and a phone. */
export const WIDTHS = [
  { width: 1280, height: 900, suffix: 'desktop' },
  { width: 390, height: 844, suffix: 'phone' },
];
