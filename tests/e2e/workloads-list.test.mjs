// The Workloads list with 50 workloads (made through the app's own API in the page): search by
// name, owner and tag finds one; filters by risk and improvement status; every column sorts,
// from the keyboard, with aria-sort on its header; the state is in the address, so a reload
// and Back show the same list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView } from './support.mjs';
import { noneOfThese } from './lens-data.mjs';

const WA = 'wellarchitected';

/** 50 workloads "Service 01" … "Service 50"; 07 is tagged, 13 has a high risk and is In Progress. */
async function seed(page, url) {
  await openApp(page, url, '#/workloads');
  return page.evaluate(async ({ wa, none }) => {
    const api = await import(new URL('api.js', location.href).href);
    const ids = {};
    for (let i = 1; i <= 50; i += 1) {
      const n = String(i).padStart(2, '0');
      const w = await api.defineWorkload({
        workloadName: `Service ${n}`, description: 'Seeded for the list test', environment: 'PRODUCTION',
        reviewOwner: i % 2 ? 'Orders team' : 'Billing team', awsRegions: ['us-east-1'], lenses: [wa],
        tags: i === 7 ? { costCenter: 'CC-4711' } : {},
      });
      ids[n] = w.workloadId;
    }
    await api.updateAnswer(ids['13'], wa, 'priorities', { selectedChoices: [none] });
    const w13 = await api.getWorkload(ids['13']);
    await api.updateWorkload(ids['13'], { improvementStatus: 'IN_PROGRESS' }, w13);
    return ids;
  }, { wa: WA, none: noneOfThese('priorities') });
}

const names = (page) => page.locator('table.workload-list tbody tr[data-workload-id] th a').allTextContents();
const hash = (page) => page.evaluate(() => location.hash);

test('50 workloads: search, filter, sort, and the state kept in the address', { timeout: 180_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    const ids = await seed(page, url);
    await openApp(page, url, '#/workloads');
    assert.equal((await names(page)).length, 50);
    assert.equal((await page.locator('[data-list-count]').textContent()).trim(), '50 workloads');
    const clear = page.getByRole('button', { name: 'Clear search and filters' });
    assert.equal(await clear.isVisible(), false, 'nothing to clear yet');

    // Search by name, by owner (several), by tag value (one).
    const search = page.getByLabel('Search by name, review owner or tag');
    await search.fill('service 42');
    assert.deepEqual(await names(page), ['Service 42']);
    assert.equal((await page.locator('[data-list-count]').textContent()).trim(), 'Showing 1 of 50 workloads');
    assert.equal(await hash(page), '#/workloads?q=service+42');
    assert.equal(await clear.isVisible(), true);
    await search.fill('billing');
    assert.equal((await names(page)).length, 25);
    await search.fill('cc-4711');
    assert.deepEqual(await names(page), ['Service 07']);
    await search.fill('no such workload');
    await page.getByText('No workload matches the search and filters.').waitFor();

    // Reload keeps the search; Back from a workload comes back to it.
    await search.fill('service 42');
    await page.reload();
    await waitForView(page, /^\/workloads$/);
    assert.equal(await page.getByLabel('Search by name, review owner or tag').inputValue(), 'service 42');
    assert.deepEqual(await names(page), ['Service 42']);
    await page.getByRole('link', { name: 'Service 42', exact: true }).click();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    await page.goBack();
    await waitForView(page, /^\/workloads$/);
    assert.deepEqual(await names(page), ['Service 42']);

    // Clear, then filter by risk and by improvement status.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    assert.equal((await names(page)).length, 50);
    assert.equal(await hash(page), '#/workloads');
    await page.getByLabel('Risk', { exact: true }).selectOption('high');
    assert.deepEqual(await names(page), ['Service 13']);
    await page.getByLabel('Risk', { exact: true }).selectOption('none');
    assert.equal((await names(page)).length, 49);
    await page.getByLabel('Risk', { exact: true }).selectOption('');
    await page.getByLabel('Improvement status').selectOption('IN_PROGRESS');
    assert.deepEqual(await names(page), ['Service 13']);
    assert.equal(await hash(page), '#/workloads?status=IN_PROGRESS');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    // Sort by name from the keyboard: the header is a button, aria-sort follows.
    const nameHeader = page.locator('th[data-sort="Name"]');
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'none');
    assert.equal(await page.locator('th[data-sort="Last updated"]').getAttribute('aria-sort'), 'descending');
    await nameHeader.getByRole('button', { name: /^Name/ }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('th')?.dataset.sort), 'Name', 'focus stays on the header');
    assert.deepEqual((await names(page)).slice(0, 3), ['Service 01', 'Service 02', 'Service 03']);
    await page.keyboard.press('Enter');
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await names(page)).slice(0, 2), ['Service 50', 'Service 49']);
    assert.equal(await hash(page), '#/workloads?sort=name&dir=desc');

    // Every column sorts; High risks puts the one high risk first.
    for (const column of ['Questions answered', 'High risks', 'Medium risks', 'Improvement status', 'Last updated']) {
      await page.locator(`th[data-sort="${column}"] button`).click();
      assert.notEqual(await page.locator(`th[data-sort="${column}"]`).getAttribute('aria-sort'), 'none', column);
      assert.equal(await page.locator('th[aria-sort]:not([aria-sort="none"])').count(), 1, `only ${column} is sorted`);
    }
    await page.locator('th[data-sort="High risks"] button').click();
    assert.equal(await page.locator('th[data-sort="High risks"]').getAttribute('aria-sort'), 'descending');
    assert.equal((await names(page))[0], 'Service 13');

    // An address with a state opens the list in that state.
    await page.goto(`${url}#/workloads?q=orders&risk=none&sort=name&dir=asc`);
    await page.reload();
    await waitForView(page, /^\/workloads$/);
    const shown = await names(page);
    assert.equal(shown.length, 24, 'the 25 of the Orders team but the one with a high risk');
    assert.equal(shown[0], 'Service 01');
    assert.equal(await page.getByLabel('Risk', { exact: true }).inputValue(), 'none');
    assert.ok(ids['13']);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
