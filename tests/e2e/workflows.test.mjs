// Flows around a review that the tutorial does not walk: adding a lens to a workload on Edit,
// removing it (its answers are kept) and adding it back (they return), and two tabs editing
// the same workload, where the later save is refused with a message instead of overwriting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { session, openApp, waitForView, defineWorkloadUI, ROOT } from './support.mjs';

const serverless = JSON.parse(fs.readFileSync(path.join(ROOT, 'lenses/serverless.json'), 'utf8'));
const firstQuestion = serverless.pillars[0].questions[0];
const serverlessTotal = serverless.pillars.reduce((n, p) => n + p.questions.length, 0);

async function lensRow(page, alias) {
  const row = page.locator(`tr[data-lens="${alias}"]`);
  return (await row.count()) ? (await row.locator('td.num').first().textContent()).trim() : null;
}

async function editLenses(page, url, id, { check = [], uncheck = [] }) {
  await openApp(page, url, `#/workloads/${id}/edit`);
  for (const l of check) await page.locator(`input[name="lenses"][value="${l}"]`).check();
  for (const l of uncheck) await page.locator(`input[name="lenses"][value="${l}"]`).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
}

test('a lens added on Edit can be reviewed; removed, its answers wait; added back, they return', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Order events pipeline' });
    assert.equal(await lensRow(page, 'serverless'), null, 'only the framework lens at first');
    assert.ok(await page.locator('input[name="lenses"]').count() === 0, 'the details page has no lens form');

    await openApp(page, server.url, `#/workloads/${id}/edit`);
    assert.ok(await page.locator('input[name="lenses"][value="wellarchitected"]').isDisabled(), 'the framework lens cannot be removed');
    await editLenses(page, server.url, id, { check: ['serverless'] });
    assert.equal(await lensRow(page, 'serverless'), `0/${serverlessTotal}`);

    await openApp(page, server.url, `#/workloads/${id}/lenses/serverless/review/${firstQuestion.id}`);
    await page.locator(`input[data-choice="${firstQuestion.choices[0].id}"]`).check();
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    assert.equal(await lensRow(page, 'serverless'), `1/${serverlessTotal}`);

    await editLenses(page, server.url, id, { uncheck: ['serverless'] });
    assert.equal(await lensRow(page, 'serverless'), null, 'the lens is gone from the workload');
    assert.match(await lensRow(page, 'wellarchitected'), /^0\/57$/);

    await editLenses(page, server.url, id, { check: ['serverless'] });
    assert.equal(await lensRow(page, 'serverless'), `1/${serverlessTotal}`, 'the earlier answer is back');
    await openApp(page, server.url, `#/workloads/${id}/lenses/serverless/review/${firstQuestion.id}`);
    assert.ok(await page.locator(`input[data-choice="${firstQuestion.choices[0].id}"]`).isChecked());
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('two tabs: the later save of the same workload is refused with a message, nothing lost', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page: first, server, context } = s;
    const id = await defineWorkloadUI(first, server.url, { name: 'Shared checkout service' });
    const second = await context.newPage();
    await openApp(first, server.url, `#/workloads/${id}/edit`);
    await openApp(second, server.url, `#/workloads/${id}/edit`);

    await first.getByLabel('Description').fill('Changed in the first tab');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForView(first, /^\/workloads\/[0-9a-f]{32}$/);

    await second.getByLabel('Description').fill('Changed in the second tab');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = second.locator('.form-error');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.textContent(), /changed in another tab or window/);
    assert.match(await second.evaluate(() => document.body.dataset.rendered), /\/edit$/, 'the form stays open with the user\'s text');
    assert.equal(await second.getByLabel('Description').inputValue(), 'Changed in the second tab');

    await openApp(first, server.url, `#/workloads/${id}/properties`);
    assert.match(await first.locator('main').textContent(), /Changed in the first tab/, 'the first save is kept');
    assert.doesNotMatch(await first.locator('main').textContent(), /Changed in the second tab/);
  } finally {
    await s.done();
  }
});
