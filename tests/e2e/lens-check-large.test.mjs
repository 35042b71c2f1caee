// Check lens on a text with 20,000 problems: the summary counts them all, the table draws the
// first 500 and says how many more there are, "Show 500 more" draws the next 500, and the
// page answers while the engine works (it checks in a worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp } from './support.mjs';
import { customLens } from './custom-lens.mjs';

const PROBLEMS = 20_000;

// The small workbench lens with the key "description" given PROBLEMS + 1 times at the top:
// every repeat is one json-duplicate-key error (short lines: the limit is 500,000 bytes).
function lensWithDuplicates() {
  const text = JSON.stringify(customLens(), null, 2);
  const repeats = Array.from({ length: PROBLEMS }, () => '"description":"x",\n').join('');
  return text.replace('{\n', `{\n${repeats}`);
}

test('Check lens with 20,000 problems: counts all, draws 500 at a time, page stays usable', { timeout: 180_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url, '#/lenses');
    // fill() types into the box at the pace of input events; a 500 KB text goes in directly.
    await page.getByLabel('Lens JSON').evaluate((box, text) => { box.value = text; }, lensWithDuplicates());
    await page.getByRole('button', { name: 'Check lens' }).click();
    // The page answers a script call while the check runs.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    const summary = page.locator('[data-summary]');
    await summary.filter({ hasText: 'errors' }).waitFor({ timeout: 120_000 });
    assert.equal(await summary.textContent(), `${PROBLEMS} errors, 0 warnings`);

    const rows = page.locator('table.diagnostics tbody tr');
    assert.equal(await rows.count(), 500);
    assert.equal(await rows.first().getAttribute('data-code'), 'json-duplicate-key');
    const more = page.locator('[data-more]');
    assert.equal(await more.textContent(), 'Showing the first 500 of 20,000, and 19,500 more. Show 500 more');

    await more.getByRole('button', { name: 'Show 500 more' }).click();
    assert.equal(await rows.count(), 1000);
    assert.match(await more.textContent(), /^Showing the first 1,000 of 20,000, and 19,000 more\./);
    // Focus moves to the first new row, so the keyboard carries on where the list grew.
    assert.equal(await page.evaluate(() => document.activeElement.closest('tr')?.rowIndex), 501);

    // Show in text still points into the box.
    await rows.nth(999).getByRole('button', { name: /Show in text/ }).click();
    const selected = await page.getByLabel('Lens JSON').evaluate((box) => box.value.slice(box.selectionStart, box.selectionEnd));
    assert.match(selected, /"description":"x"/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
