// The review shows a change's risk and counts at once, before the answer is stored, and puts
// the stored state (re-read, so another tab's answer) back, saying why, when the write is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI } from './support.mjs';
import { bestPractices, noneOfThese } from './lens-data.mjs';

const counts = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('#review-risks [data-count]')].map((dd) => [dd.dataset.count, dd.textContent])));

test('a click updates risk, counts and pillar marks in the same task, then saves', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const id = await defineWorkloadUI(s.page, s.server.url, { name: 'Instant workload' });
    await openApp(s.page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.deepEqual(await counts(s.page), { answered: '0/57', high: '0', medium: '0' });
    const [first] = bestPractices('priorities');
    // element.click() runs the change handler synchronously: whatever it shows is on screen
    // before any storage callback can have run.
    const seen = await s.page.evaluate((choice) => {
      const t0 = performance.now();
      document.querySelector(`input[data-choice="${choice}"]`).click();
      const ms = performance.now() - t0;
      const q = (sel) => document.querySelector(sel)?.textContent.trim();
      return {
        ms,
        answered: q('#review-risks [data-count="answered"]'),
        high: q('#review-risks [data-count="high"]'),
        risk: q('.question-risk .risk'),
        mark: q('a[aria-current="page"] .mark'),
        pillar: q('details[open] .pillar-count'),
        state: q('.save-state'),
      };
    }, first);
    console.log(`click → counts on screen: ${seen.ms.toFixed(2)} ms (synchronous, before the write)`);
    assert.equal(seen.state, 'Saving…', 'the counts changed before the answer was stored');
    assert.equal(seen.answered, '1/57');
    assert.equal(seen.high, '1');
    assert.match(seen.risk, /High risk/);
    assert.equal(seen.mark, '(Done)');
    assert.match(seen.pillar, /^\(1\/\d+\)$/);
    await s.page.getByText('All changes saved.').waitFor();
    assert.deepEqual(await counts(s.page), { answered: '1/57', high: '1', medium: '0' });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('a refused write (another tab changed the answer) shows the stored answer and says why', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const id = await defineWorkloadUI(s.page, s.server.url, { name: 'Two tabs workload' });
    const route = `#/workloads/${id}/lenses/wellarchitected/review/priorities`;
    await openApp(s.page, s.server.url, route);
    const other = await s.context.newPage();
    await openApp(other, s.server.url, route);
    const practices = bestPractices('priorities');
    for (const c of practices) await other.locator(`input[data-choice="${c}"]`).check();
    await other.getByText('All changes saved.').waitFor();
    await other.close();

    // This tab still holds the old revision: its write is refused, and the page then shows
    // what the other tab stored (every practice selected), not its own stale copy.
    // click, not check: the refusal may change the box before check() could verify it.
    await s.page.locator(`input[data-choice="${noneOfThese('priorities')}"]`).click();
    const message = s.page.locator('[data-save-error]');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /not saved: this answer was changed in another tab/);
    assert.equal(await s.page.locator(`input[data-choice="${noneOfThese('priorities')}"]`).isChecked(), false, 'the click is undone');
    for (const c of practices) assert.equal(await s.page.locator(`input[data-choice="${c}"]`).isChecked(), true, `${c} as the other tab saved it`);
    assert.deepEqual(await counts(s.page), { answered: '1/57', high: '0', medium: '0' });
    assert.doesNotMatch(await s.page.locator('.question-risk').textContent(), /Unanswered/);
    assert.equal(await s.page.locator('.save-state').textContent(), 'Not saved.');
  } finally {
    await s.done();
  }
});
