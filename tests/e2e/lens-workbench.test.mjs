// The lens workbench's text box: numbered lines beside it, and after Check lens the first error
// selected and scrolled into view; the Code column of the findings on one line; Preview on every
// custom lens row, a draft with errors included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp } from './support.mjs';
import { customLens } from './custom-lens.mjs';

test('lens workbench: line numbers, jump to the first error, Code on one line, Preview of a draft', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url, '#/lenses');
    // An error far down the text, below what the box shows at first.
    const lens = customLens();
    const last = lens.pillars.at(-1).questions.at(-1);
    last.riskRules[0].condition = 'no_such_choice_here';
    const text = JSON.stringify(lens, null, 2);
    const lines = text.split('\n').length;
    await page.getByLabel('Lens JSON').fill(text);

    const gutter = page.locator('[data-line-numbers]');
    const numbers = (await gutter.textContent()).split('\n');
    assert.equal(numbers.length, lines, 'one number per line');
    assert.deepEqual([numbers[0], numbers.at(-1)], ['1', String(lines)]);

    await page.getByRole('button', { name: 'Check lens' }).click();
    await page.locator('[data-summary]').filter({ hasText: /^1 error/ }).waitFor();
    const [errorLine] = (await page.locator('tr[data-severity="error"] [data-position]').first().textContent()).split(':').map(Number);
    assert.ok(errorLine > 30, `the error is far down the text (line ${errorLine})`);
    const box = await page.getByLabel('Lens JSON').evaluate((el) => ({
      focused: document.activeElement === el,
      selectedLine: el.value.slice(0, el.selectionStart).split(/\r\n|\r|\n/).length,
      selected: el.value.slice(el.selectionStart, el.selectionEnd),
      scrollTop: el.scrollTop,
      lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      height: el.clientHeight,
    }));
    assert.equal(box.focused, true, 'the text box has focus');
    assert.equal(box.selectedLine, errorLine, 'the first error\'s line is selected');
    assert.match(box.selected, /no_such_choice_here/);
    const firstShown = box.scrollTop / box.lineHeight + 1;
    assert.ok(errorLine >= firstShown && errorLine <= firstShown + box.height / box.lineHeight, `line ${errorLine} is in view (from ${firstShown})`);
    assert.equal(await gutter.evaluate((el) => el.scrollTop), box.scrollTop, 'the numbers scroll with the text');

    // The Code column never wraps: its code is one box of one line.
    const code = page.locator('tr[data-severity="error"] td.diag-code code').first();
    assert.equal(await code.evaluate((el) => el.getClientRects().length), 1);
    assert.equal(await code.evaluate((el) => getComputedStyle(el.parentElement).whiteSpace), 'nowrap');

    // Imported as a draft (with its error), the lens has Preview in its row.
    await page.getByRole('button', { name: 'Import lens', exact: true }).click();
    await page.locator('[data-custom-status]').filter({ hasText: 'as a draft' }).waitFor();
    await page.getByLabel('Lens JSON').fill('');
    await page.getByRole('button', { name: `Preview ${lens.name}` }).click();
    const heading = page.locator('[data-preview] h2');
    await heading.filter({ hasText: `Preview: ${lens.name}` }).waitFor();
    // That heading is already there from Check lens above, so it says nothing about the
    // Preview's own load: wait for the focus itself (it moves once the draft is loaded).
    await page.waitForFunction(() => document.activeElement?.closest('[data-preview]') !== null, null, { timeout: 10_000 })
      .catch(() => assert.fail('focus moves to the preview'));
    assert.equal(await page.getByLabel('Lens JSON').inputValue(), text, 'the draft text is in the box');
    await page.locator('[data-summary]').filter({ hasText: /^1 error/ }).waitFor();
  } finally {
    await s.done();
  }
});
