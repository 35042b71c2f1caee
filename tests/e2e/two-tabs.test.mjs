// Two tabs of one browser (one IndexedDB) on the same question: the later save is refused, and
// the refusing tab then shows what the other stored, says so next to the control that failed
// (in view, and through the live region), and Reload draws the page again from storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI } from './support.mjs';
import { bestPractices } from './lens-data.mjs';

const inViewport = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
});

test('two tabs: a refused save shows the stored answer, the message in view, and Reload', { timeout: 120_000 }, async () => {
  // A short window, so that a message drawn at the bottom of the question is out of view.
  const s = await session({ browser: { viewport: { width: 1280, height: 600 } } });
  try {
    const { page: a, context, server } = s;
    const id = await defineWorkloadUI(a, server.url, { name: 'Two tabs review' });
    const route = `#/workloads/${id}/lenses/wellarchitected/review/ops-model`;
    const [first, second, third] = bestPractices('ops-model');
    await openApp(a, server.url, route);
    const b = await context.newPage();
    await b.setViewportSize({ width: 1280, height: 600 });
    await openApp(b, server.url, route);

    await b.locator(`input[data-choice="${first}"]`).check();
    await b.getByText('All changes saved.').waitFor();

    // Tab A still has the revision it read: its change to the same question is refused.
    await a.locator(`input[data-choice="${second}"]`).click();
    const message = a.locator('[data-save-error]');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /changed in another tab or window/);
    assert.equal(await a.locator(`input[data-choice="${first}"]`).isChecked(), true, 'B\'s stored answer is shown');
    assert.equal(await a.locator(`input[data-choice="${second}"]`).isChecked(), false, 'A\'s refused change is not shown as saved');
    assert.ok(await inViewport(message), 'the message is in the visible part of the page');
    const row = await message.evaluate((el) => el.closest('[data-choice-row]')?.dataset.choiceRow ?? null);
    assert.equal(row, second, 'the message follows the control whose save failed');
    await a.waitForFunction(() => /changed in another tab/.test(document.getElementById('announcer').textContent));

    // B changes the question again; Reload in A shows that too, and the message goes.
    await b.locator(`input[data-choice="${third}"]`).check();
    await b.getByText('All changes saved.').waitFor();
    await message.getByRole('button', { name: 'Reload' }).click();
    await a.waitForFunction((c) => document.querySelector(`input[data-choice="${c}"]`)?.checked === true, third);
    assert.equal(await a.locator('[data-save-error]').isHidden(), true, 'the message is gone');
    assert.equal(await a.locator(`input[data-choice="${first}"]`).isChecked(), true);

    // And the next change from A is stored (it now holds the current revision).
    await a.locator(`input[data-choice="${second}"]`).check();
    await a.getByText('All changes saved.').waitFor();
    await openApp(b, server.url, route);
    assert.equal(await b.locator(`input[data-choice="${second}"]`).isChecked(), true);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
