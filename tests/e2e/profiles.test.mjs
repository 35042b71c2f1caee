// Profiles end to end: define a profile on the Profiles page, give it to a workload on its
// page, and see the prioritised questions and counts in the review, the improvement plan and
// the dashboard; then the Notifications page shows a newer custom lens version, a changed and
// a deleted profile, and clears each (Upgrade profile version, Dismiss), with the count in the
// navigation following.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp } from './support.mjs';
import { customLens } from './custom-lens.mjs';

const WA = 'wellarchitected';

/** Two workloads: "priorities" (prioritised by regulated payments data) and "ops-model" at high risk. */
async function seedWorkloads(page, url) {
  await openApp(page, url, '#/workloads');
  return page.evaluate(async () => {
    const api = await import(new URL('api.js', location.href).href);
    const ids = [];
    for (const name of ['Checkout', 'Catalog']) {
      const w = await api.defineWorkload({
        workloadName: name, description: 'Seeded for the profiles test', environment: 'PRODUCTION',
        reviewOwner: 'Test team', awsRegions: ['us-east-1'],
      });
      await api.updateAnswer(w.workloadId, 'wellarchitected', 'priorities', { selectedChoices: ['ops_priorities_no'] });
      await api.updateAnswer(w.workloadId, 'wellarchitected', 'ops-model', { selectedChoices: ['ops_ops_model_no'] });
      ids.push(w.workloadId);
    }
    return ids;
  });
}

const navCount = (page) => page.$eval('#notification-count', (el) => (el.hidden ? '' : el.textContent));

test('profiles: define one, apply it, see prioritised questions and counts in review, plan and dashboard', { timeout: 180_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    const [checkout, catalog] = await seedWorkloads(page, url);

    await openApp(page, url, '#/profiles');
    await page.getByRole('button', { name: 'Create profile' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Online shop');
    await page.getByLabel('Description', { exact: true }).fill('Card payments, launch before the holidays');
    for (const choice of ['ttm-relaxed', 'cost-open', 'data-payments', 'avail-days', 'team-seasoned']) {
      await page.locator(`input[value="${choice}"]`).check();
    }
    await page.locator('form.profile-form').getByRole('button', { name: 'Create profile' }).click();
    await page.waitForSelector('tr[data-profile-id] >> text=Online shop');

    await openApp(page, url, `#/workloads/${checkout}`);
    await page.getByLabel('Profile of this workload').selectOption({ label: 'Online shop' });
    await page.getByRole('button', { name: 'Save profile choice' }).click();
    await page.waitForSelector('text=Profile: Online shop, version 1.');
    const workloadCounts = await page.textContent('[data-workload-profile] [data-prioritized-counts]');
    // Regulated payments data prioritises five framework questions; one of them is answered.
    assert.match(workloadCounts, /1 high risk, 0 medium risk among 5 prioritized questions \(1 answered\)/);

    // Review: the badge on the prioritised question, the filter, the counts.
    await openApp(page, url, `#/workloads/${checkout}/lenses/${WA}/review/priorities`);
    assert.equal(await page.locator('.review-question [data-prioritized]').count(), 1);
    assert.equal(await page.locator('.review-nav a [data-prioritized]').count(), 5);
    assert.match(await page.textContent('.review-status [data-prioritized-counts]'), /Profile Online shop: 1 high risk/);
    const visible = () => page.$$eval('.review-nav li', (lis) => lis.filter((li) => !li.hidden && li.querySelector('a')).length);
    const before = await visible();
    await page.getByLabel('Prioritized by profile').check();
    assert.equal(await visible(), 5, `the filter leaves the five prioritised questions of ${before}`);
    assert.ok(before > 5);
    await openApp(page, url, `#/workloads/${checkout}/lenses/${WA}/review/ops-model`);
    assert.equal(await page.locator('.review-question [data-prioritized]').count(), 0, 'ops-model is not prioritised');

    // Plan: badge, counts, the filter and "prioritised first".
    await openApp(page, url, `#/workloads/${checkout}/lenses/${WA}/plan`);
    const items = () => page.$$eval('li.plan-item', (lis) => lis.map((li) => li.dataset.questionId));
    assert.ok((await items()).length >= 2);
    assert.equal(await page.locator('li.plan-item[data-question-id="priorities"] [data-prioritized]').count(), 1);
    assert.match(await page.textContent('[data-prioritized-counts]'), /1 high risk/);
    await page.getByLabel('Prioritized items first').check();
    assert.equal((await items())[0], 'priorities');
    await page.getByLabel('Prioritized by profile').check();
    assert.deepEqual(await items(), ['priorities']);

    // Dashboard: prioritised counts beside the normal ones, for the workload with a profile only.
    await openApp(page, url, '#/dashboard');
    const rows = await page.$$eval('[data-dashboard-prioritized] tbody tr', (trs) => trs.map((tr) => [tr.dataset.workloadId, tr.querySelector('[data-prioritized="high"]')?.textContent]));
    assert.deepEqual(rows, [[checkout, '1']]);

    // The edit form sets it too (and would remove it).
    await openApp(page, url, `#/workloads/${catalog}/edit`);
    await page.getByRole('combobox', { name: /^Profile/ }).selectOption({ label: 'Online shop' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForSelector('text=Profile: Online shop, version 1.');
  } finally {
    await s.done();
  }
});

test('notifications: a newer lens version, a changed and a deleted profile, each cleared', { timeout: 180_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    await openApp(page, url, '#/workloads');
    const ids = await page.evaluate(async (lens) => {
      const api = await import(new URL('api.js', location.href).href);
      const alias = (await api.importLens(JSON.stringify(lens))).lensAlias;
      await api.createLensVersion(alias, '1.0');
      const w = await api.defineWorkload({
        workloadName: 'Checkout', description: 'Seeded for the notifications test', environment: 'PRODUCTION',
        reviewOwner: 'Test team', awsRegions: ['us-east-1'], lenses: ['wellarchitected', alias],
      });
      await api.createLensVersion(alias, '2.0');
      const template = await api.profileTemplate();
      const p = await api.createProfile({
        profileName: 'Online shop', profileDescription: 'Card payments',
        profileQuestions: template.questions.map((q) => ({ questionId: q.questionId, selectedChoiceIds: [q.choices[0].choiceId] })),
      });
      await api.associateProfile(w.workloadId, p.profileId);
      await api.updateProfile(p.profileId, { profileDescription: 'Card payments, EU only' });
      return { workloadId: w.workloadId, profileId: p.profileId, alias };
    }, customLens());

    await openApp(page, url, '#/notifications');
    const kinds = () => page.$$eval('tr[data-notification]', (trs) => trs.map((tr) => tr.dataset.notification).sort());
    assert.deepEqual(await kinds(), ['LENS_VERSION_DEPRECATED', 'PROFILE_ANSWERS_UPDATED']);
    assert.equal(await navCount(page), '2');

    await page.getByRole('button', { name: /^Upgrade profile version of Online shop/ }).click();
    await page.getByLabel('Milestone name').fill('Before profile v2');
    await page.getByRole('dialog').getByRole('button', { name: 'Upgrade profile version' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-notification="PROFILE_ANSWERS_UPDATED"]').length === 0);
    assert.deepEqual(await kinds(), ['LENS_VERSION_DEPRECATED']);
    assert.equal(await navCount(page), '1');
    const milestones = await page.evaluate(async (id) => (await import(new URL('api.js', location.href).href)).listMilestones(id), ids.workloadId);
    assert.deepEqual(milestones.map((m) => m.milestoneName), ['Before profile v2']);

    // The lens notification's action is the lens page's own upgrade flow.
    const upgradeLink = page.getByRole('link', { name: /^Upgrade lens version/ });
    assert.match(await upgradeLink.getAttribute('href'), new RegExp(`#/workloads/${ids.workloadId}/lenses/${ids.alias}$`));
    await page.getByRole('button', { name: /^Dismiss: Newer lens version/ }).click();
    await page.waitForSelector('[data-empty="notifications"]');
    assert.equal(await navCount(page), '');

    // Deleting the profile: the workload is told, and the notice can be dismissed too.
    await openApp(page, url, '#/profiles');
    await page.getByRole('button', { name: 'Delete profile Online shop' }).click();
    assert.match(await page.textContent('dialog'), /Used by 1 workload\(s\): Checkout/);
    await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
    await page.waitForSelector('text=No profiles yet.');
    await openApp(page, url, '#/notifications');
    assert.deepEqual(await kinds(), ['PROFILE_DELETED']);
    await page.getByRole('button', { name: /^Dismiss: Profile deleted/ }).click();
    await page.waitForSelector('[data-empty="notifications"]');
  } finally {
    await s.done();
  }
});

test('custom lenses: tags edited on the Lenses page, and the list filtered by tag', { timeout: 120_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    await openApp(page, url, '#/lenses');
    await page.evaluate(async (lenses) => {
      const api = await import(new URL('api.js', location.href).href);
      for (const lens of lenses) await api.importLens(JSON.stringify(lens));
    }, [customLens(), { ...customLens(), name: 'Second test lens' }]);
    await openApp(page, url, '#/lenses');
    const rows = () => page.$$eval('[data-custom-lenses] tbody tr', (trs) => trs.length);
    assert.equal(await rows(), 2);
    const first = page.locator('[data-custom-lenses] tbody tr').first();
    const name = await first.locator('th').textContent();
    await first.getByRole('button', { name: /^Edit tags of/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('Tag 1 key').fill('team');
    await page.getByLabel('Tag 1 value').fill('platform');
    await page.getByRole('dialog').getByRole('button', { name: 'Save tags' }).click();
    await page.waitForSelector('[data-custom-lenses] td[data-tags]:has-text("team=platform")');
    await page.getByLabel('Filter custom lenses by tag').fill('team=platform');
    assert.equal(await rows(), 1);
    assert.equal(await page.locator('[data-custom-lenses] tbody tr th').textContent(), name);
    await page.getByLabel('Filter custom lenses by tag').fill('team=other');
    assert.equal(await rows(), 0);
  } finally {
    await s.done();
  }
});
