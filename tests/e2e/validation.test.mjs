// The engine validates workloads and milestones; the form shows each problem of a Validation
// error at the field it names, in words (no property names), above the field's hint, marks
// those fields invalid and moves focus to the first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, screenshot } from './support.mjs';

const CASES = [
  ['workloadName', 'an empty name', (p) => p.getByLabel('Name', { exact: true }).fill('')],
  ['workloadName', 'a name of spaces', (p) => p.getByLabel('Name', { exact: true }).fill('  a  ')],
  ['workloadName', 'a name used already, ignoring case and spaces', (p) => p.getByLabel('Name', { exact: true }).fill('EXISTING   workload')],
  ['description', 'a short description', (p) => p.getByLabel('Description').fill('ab')],
  ['reviewOwner', 'no review owner', (p) => p.getByLabel('Review owner').fill('')],
  ['environment', 'no environment', null],
  ['awsRegions', 'no region at all', (p) => p.locator('input[name="awsRegions"][value="us-east-1"]').uncheck()],
  ['nonAwsRegions', 'six non-AWS regions', (p) => p.getByLabel('Non-AWS regions').fill('one, two, three, four, five, six')],
  ['accountIds', 'an account ID that is not 12 digits', (p) => p.getByLabel('Account IDs').fill('123456789012, 12345')],
  ['architecturalDesign', 'a javascript: URL', (p) => p.getByLabel('Architectural design').fill('javascript:alert(1)')],
];

// What a person must never read in a message: camelCase property names, backticks, JSON paths.
const DEVELOPER_WORDS = /`|\b[a-z]+[A-Z][A-Za-z]*\b|\[\d+\]/;

test('validation errors are shown at the right field', { timeout: 180_000 }, async (t) => {
  const s = await session();
  try {
    const { page, server } = s;
    await defineWorkloadUI(page, server.url, { name: 'Existing workload' });
    for (const [field, what, breakIt] of CASES) {
      await t.test(`${what} → ${field}`, async () => {
        await openApp(page, server.url, '#/workloads/new');
        await page.getByLabel('Name', { exact: true }).fill('A valid new workload');
        await page.getByLabel('Description').fill('A valid description');
        await page.getByLabel('Review owner').fill('Ana Carolina Silva');
        if (field !== 'environment') await page.getByLabel('Pre-production', { exact: true }).check();
        await page.locator('input[name="awsRegions"][value="us-east-1"]').check();
        if (breakIt) await breakIt(page);
        await page.getByRole('button', { name: 'Define workload' }).click();
        const wrapper = page.locator(`[data-field-wrapper="${field}"]`);
        await wrapper.locator('.field-error:not([hidden])').waitFor({ timeout: 5000 });
        const message = (await wrapper.locator('.field-error').textContent()).trim();
        assert.ok(message.length > 5, `a message states the rule: "${message}"`);
        assert.doesNotMatch(message, DEVELOPER_WORDS, 'written for people: no property names, ids or backticks');
        assert.match(message, /[.]$/, `a sentence: "${message}"`);
        // The message stands above the field's hint, where the eye is after typing.
        const order = await wrapper.evaluate((w) => {
          const err = w.querySelector('.field-error');
          const hint = w.querySelector('.hint');
          return hint ? Boolean(err.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING) : true;
        });
        assert.ok(order, 'the error comes before the hint');
        const invalid = await page.locator('[data-field-wrapper].has-error').evaluateAll((els) => els.map((e) => e.dataset.fieldWrapper));
        assert.deepEqual(invalid, [field], 'only that field is marked');
        const focused = await page.evaluate(() => document.activeElement?.closest('[data-field-wrapper]')?.dataset.fieldWrapper);
        assert.equal(focused, field, 'focus moves to the field');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
        const described = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby') || document.activeElement.closest('fieldset')?.getAttribute('aria-describedby') || '');
        const errId = await wrapper.locator('.field-error').getAttribute('id');
        assert.ok(described.split(' ').includes(errId) || (await page.evaluate((id) => document.activeElement.closest('fieldset')?.getAttribute('aria-describedby') === id, errId)),
          'the error is announced with the field (aria-describedby)');
        if (field === 'workloadName' && what === 'an empty name') await screenshot(page, 'validation-error');
        assert.ok((await page.evaluate(() => document.body.dataset.rendered)) === '/workloads/new', 'still on the form');
        // The form holds changes that are not saved: leaving asks first, and a user says Leave.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workloads' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
        await page.waitForFunction(() => document.body.dataset.rendered === '/workloads');
      });
    }

    await t.test('an empty form flags every required field at once, focus on the first', async () => {
      await openApp(page, server.url, '#/workloads/new');
      await page.locator('input[name="awsRegions"]:checked').evaluateAll((els) => els.forEach((e) => { e.checked = false; }));
      await page.getByRole('button', { name: 'Define workload' }).click();
      await page.locator('[data-field-wrapper].has-error').first().waitFor({ timeout: 5000 });
      const flagged = await page.locator('[data-field-wrapper].has-error').evaluateAll((els) => els.map((e) => e.dataset.fieldWrapper));
      assert.deepEqual(flagged, ['workloadName', 'description', 'reviewOwner', 'environment', 'awsRegions'], 'one submit shows every problem');
      const texts = await page.locator('[data-field-wrapper].has-error .field-error').allTextContents();
      for (const text of texts) assert.doesNotMatch(text, DEVELOPER_WORDS, text);
      assert.match(texts[0], /name/i, `the Name message says what to enter: "${texts[0]}"`);
      assert.match(texts[3], /Production or Pre-production/, `the Environment message names the choices: "${texts[3]}"`);
      assert.match(texts[4], /^AWS Regions/, `the regions message names the field by its label: "${texts[4]}"`);
      const focused = await page.evaluate(() => document.activeElement?.closest('[data-field-wrapper]')?.dataset.fieldWrapper);
      assert.equal(focused, 'workloadName', 'focus on the first field flagged');
      const invalid = await page.locator('[aria-invalid="true"]').evaluateAll((els) => new Set(els.map((e) => e.closest('[data-field-wrapper]')?.dataset.fieldWrapper)).size);
      assert.equal(invalid, 5, 'each flagged field is aria-invalid');
      await screenshot(page, 'validation-every-field');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workloads' }).click();
      const leave = page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' });
      if (await leave.isVisible().catch(() => false)) await leave.click();
      await page.waitForFunction(() => document.body.dataset.rendered === '/workloads');
    });

    await t.test('a workload that does not exist: the page says so in words, without its id', async () => {
      const missing = '0123456789abcdef0123456789abcdef';
      await openApp(page, server.url, `#/workloads/${missing}`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /This workload does not exist/);
      assert.ok(!text.includes(missing) && !text.includes('`'), text);
      await page.getByRole('link', { name: 'Go to Workloads' }).waitFor();
    });

    await t.test('milestone name rules in the Save milestone dialog', async () => {
      await openApp(page, server.url, '#/workloads');
      await page.locator('tbody a', { hasText: 'Existing workload' }).first().click();
      await page.getByRole('button', { name: 'Save milestone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save milestone' });
      await dialog.getByLabel('Milestone name').fill(' x ');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.locator('.field-error:not([hidden])').waitFor();
      assert.equal(await dialog.getByLabel('Milestone name').getAttribute('aria-invalid'), 'true');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Save milestone', 'focus returns to the opener');
    });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
