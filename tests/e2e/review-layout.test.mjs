// The review page as designed for a phone (390 px) and a desktop (1280 px): the question list
// folded ABOVE the question on a phone and open beside it on a desktop; Previous / Save and
// exit / Next in one row; "Does not apply" folded behind one toggle per question, each checkbox
// on its label's line once unfolded; the question's description not repeated under Helpful
// resources. Checked by element positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, defineWorkloadUI } from './support.mjs';

const box = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right, height: r.height };
});

test('review page at 390 px and 1280 px', { timeout: 150_000 }, async (t) => {
  const s = await session({ browser: { viewport: { width: 390, height: 844 } } });
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Phone review' });
    const route = `#/workloads/${id}/lenses/wellarchitected/review/ops-model`;

    await t.test('390 px: the question list is folded above the question', async () => {
      await openApp(page, server.url, route);
      await waitForView(page, /\/review\/ops-model$/);
      const nav = page.locator('nav.review-nav');
      const question = page.locator('.review-question');
      assert.ok((await box(nav)).bottom <= (await box(question)).top, 'the list comes before the question');
      const index = nav.locator('details.question-index');
      assert.equal(await index.evaluate((d) => d.open), false, 'folded at first');
      assert.match(await index.locator(':scope > summary').textContent(), /Questions\s+OPS 2 of \d+/, 'the fold says where the user is');
      assert.ok((await box(nav)).height < 80, 'folded, it takes one line');
      await index.locator(':scope > summary').click();
      await nav.getByRole('link', { name: /OPS 1\./ }).waitFor();
      assert.ok((await box(nav.getByRole('link', { name: /OPS 1\./ }))).bottom <= (await box(question)).top, 'unfolded, still above');
    });

    await t.test('390 px: Previous, Save and exit, Next in one row inside the screen', async () => {
      const buttons = await Promise.all(['Previous', 'Save and exit', 'Next'].map((name) => box(page.locator('.review-actions').getByRole('button', { name, exact: true }))));
      // One row: every button spans the line through the middle of the first.
      const middle = (buttons[0].top + buttons[0].bottom) / 2;
      for (const b of buttons) assert.ok(b.top < middle && middle < b.bottom, `one row: ${JSON.stringify(buttons)}`);
      for (const b of buttons) assert.ok(b.right <= 390 && b.left >= 0, `inside the screen: ${JSON.stringify(b)}`);
    });

    await t.test('390 px: "Does not apply" is folded behind one toggle, each on its label\'s line', async () => {
      const boxes = page.locator('input[data-choice-na]');
      assert.ok(await boxes.count() > 1);
      assert.equal(await boxes.first().isVisible(), false, 'folded at first');
      const toggle = page.getByRole('button', { name: 'Mark best practices that do not apply' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const n = await boxes.count();
      for (let i = 0; i < n; i++) {
        const input = boxes.nth(i);
        assert.equal(await input.isVisible(), true);
        const label = page.locator(`label[for="${await input.getAttribute('id')}"]`);
        const [a, b] = [await box(input), await box(label)];
        assert.ok(a.top < b.bottom && b.top < a.bottom, `checkbox ${i} on its label's line`);
        assert.ok(a.right <= b.left, `checkbox ${i} before its label`);
      }
      // A marked practice stays unfolded when the toggle closes.
      await boxes.first().check();
      await page.getByText('All changes saved.').waitFor();
      await toggle.click();
      assert.equal(await boxes.first().isVisible(), true, 'the marked one stays');
      assert.equal(await boxes.nth(1).isVisible(), false, 'the others fold');
    });

    await t.test('the question description is not repeated under Helpful resources', async () => {
      const description = (await page.locator('.question-description').textContent()).trim();
      assert.ok(description.length > 10);
      assert.ok(!(await page.locator('.review-info').textContent()).includes(description));
    });

    await t.test('1280 px: the list is open beside the question, its fold line hidden', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, server.url, route);
      await waitForView(page, /\/review\/ops-model$/);
      const nav = page.locator('nav.review-nav');
      assert.equal(await nav.locator('details.question-index').evaluate((d) => d.open), true);
      assert.equal(await nav.locator('details.question-index > summary').isVisible(), false);
      const [n, q] = [await box(nav), await box(page.locator('.review-question'))];
      assert.ok(n.right <= q.left && Math.abs(n.top - q.top) < 2, 'side by side');
      await nav.getByRole('link', { name: /OPS 1\./ }).waitFor();
    });
  } finally {
    await s.done();
  }
});
