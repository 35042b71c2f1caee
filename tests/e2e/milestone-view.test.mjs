// A milestone's read-only page: why a question or a best practice does not apply (in the
// report's words), and the answers filtered to the answered questions by default, or all of
// them, the choice kept in the address. Made through the app's own API in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView } from './support.mjs';
import { bestPractices, questions } from './lens-data.mjs';

const WA = 'wellarchitected';

test('milestone: not-applicable reasons, and answered or all questions', { timeout: 120_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    await openApp(page, url, '#/workloads');
    const [first, second] = bestPractices('ops-model');
    const id = await page.evaluate(async ({ wa, first, second }) => {
      const api = await import(new URL('api.js', location.href).href);
      const w = await api.defineWorkload({
        workloadName: 'Milestone view', description: 'Seeded for the milestone test', environment: 'PRODUCTION',
        reviewOwner: 'Test team', awsRegions: ['us-east-1'], lenses: [wa],
      });
      await api.updateAnswer(w.workloadId, wa, 'priorities', { isApplicable: false, reason: 'OUT_OF_SCOPE' });
      await api.updateAnswer(w.workloadId, wa, 'ops-model', {
        selectedChoices: [first],
        choiceUpdates: { [second]: { status: 'NOT_APPLICABLE', reason: 'BUSINESS_PRIORITIES', notes: 'Owned by the vendor' } },
      });
      await api.createMilestone(w.workloadId, 'Reasons kept');
      return w.workloadId;
    }, { wa: WA, first, second });

    await openApp(page, url, `#/workloads/${id}/milestones/1`);
    await page.locator('details.answers summary').click();
    const items = page.locator('ol.answer-list > li');
    const visible = () => items.evaluateAll((lis) => lis.filter((li) => !li.hidden).map((li) => li.dataset.questionId));

    // Answered questions by default; the count says how many there are of how many.
    assert.ok(await page.getByLabel('Answered questions').isChecked());
    assert.deepEqual(await visible(), ['priorities', 'ops-model']);
    const total = questions.length;
    assert.equal((await page.locator('.answer-count').textContent()).trim(), `(2 of ${total} questions answered)`);

    // The reasons, as the report words them.
    assert.equal((await page.locator('li[data-question-id="priorities"] [data-not-applicable="question"]').textContent()).trim(),
      'Question does not apply to this workload. Reason: Out of scope.');
    const waived = (await page.locator(`li[data-question-id="ops-model"] [data-not-applicable="${second}"]`).textContent()).replace(/\s+/g, ' ');
    assert.match(waived, /\(not applicable; reason: Business priorities\) — Owned by the vendor$/);

    // The filter sits above the lens sections.
    const filterBox = await page.locator('[data-question-filter]').boundingBox();
    const lensBox = await page.locator('section[data-lens="wellarchitected"]').boundingBox();
    assert.ok(filterBox.y + filterBox.height <= lensBox.y, 'the filter comes before the answers');

    // All questions, kept in the address through a reload; then back to answered.
    await page.getByLabel('All questions').check();
    assert.equal((await visible()).length, total);
    assert.match(await page.evaluate(() => location.hash), /\/milestones\/1\?questions=all$/);
    await page.reload();
    await waitForView(page, /\/milestones\/1$/);
    assert.ok(await page.getByLabel('All questions').isChecked());
    await page.locator('details.answers summary').click();
    assert.equal((await visible()).length, total);
    await page.getByLabel('Answered questions').check();
    assert.deepEqual(await visible(), ['priorities', 'ops-model']);
    assert.match(await page.evaluate(() => location.hash), /\/milestones\/1$/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
