// After navigation the app moves focus to the page's heading, for screen readers. A mouse user
// sees no ring there (Chrome's :focus-visible guess would draw one after a click); a keyboard
// user does, and every control reached with Tab keeps its ring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, tabTo } from './support.mjs';

/** The focused element's tag and whether it shows an outline. */
const focusRing = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const cs = getComputedStyle(el);
  return { tag: el.tagName, ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
});

test('focus ring: none on the heading after a click, visible after the keyboard', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openApp(page, server.url, '#/workloads');

    // Mouse: a click on a navigation link moves focus to the new page's heading, without a ring.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lenses' }).click();
    await waitForView(page, /^\/lenses$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.deepEqual(await focusRing(page), { tag: 'H1', ring: false }, 'the heading has focus but no ring after a click');

    // Keyboard: the same navigation with Enter shows where focus went.
    await tabTo(page, 'a', { name: 'Workloads' });
    assert.equal((await focusRing(page)).ring, true, 'a link reached with Tab shows its ring');
    await page.keyboard.press('Enter');
    await waitForView(page, /^\/workloads$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.deepEqual(await focusRing(page), { tag: 'H1', ring: true }, 'the heading shows its ring after keyboard navigation');

    // A click after keyboard use hides it again.
    await page.getByRole('link', { name: 'Define workload' }).first().click();
    await waitForView(page, /^\/workloads\/new$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.deepEqual(await focusRing(page), { tag: 'H1', ring: false });
  } finally {
    await s.done();
  }
});
