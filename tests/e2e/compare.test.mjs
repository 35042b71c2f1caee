// Compare milestones: save a milestone, improve an answer, compare the milestone with the
// current state (the pillar counts and the changed question, which links to its review page),
// then save a second milestone and compare the two, submitting the form from the keyboard.
// Then every changed answer, grouped by how its risk moved: a new selection at the same risk
// is listed (not "nothing changed"), links keep the question number, and a lens in which
// nothing changed gets one line instead of a section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, waitForView, tabTo } from './support.mjs';
import { flatQuestions, questionHeading } from '../../www/ui/lens-text.js';
import { framework } from './lens-data.mjs';
import { bestPractices, noneOfThese, question } from './lens-data.mjs';

async function answer(page, url, id, choices) {
  await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
  for (const c of choices) await page.locator(`input[data-choice="${c}"]`).check();
  await page.getByText('All changes saved.').waitFor();
}

async function saveMilestone(page, url, id, name) {
  await openApp(page, url, `#/workloads/${id}`);
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await page.getByRole('dialog').getByLabel('Milestone name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await waitForView(page, /\/milestones$/);
}

/** The operational excellence row's High risks cell and the priorities question entry. */
async function readComparison(page) {
  const lens = page.locator('section[data-lens="wellarchitected"]');
  const high = lens.locator('tr[data-pillar="operationalExcellence"] td[data-count="high"]');
  return {
    highText: (await high.textContent()).replace(/\s+/g, ' ').trim(),
    before: await high.getAttribute('data-before'),
    after: await high.getAttribute('data-after'),
    totalHigh: (await lens.locator('.compare-totals dd[data-count="high"]').textContent()).replace(/\s+/g, ' ').trim(),
    changed: lens.locator('li[data-question-id]'),
  };
}

test('compare a milestone with the current state, then two milestones', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const url = s.server.url;
    const id = await defineWorkloadUI(page, url, { name: 'Compared workload' });
    await answer(page, url, id, [noneOfThese('priorities')]);
    await saveMilestone(page, url, id, 'Baseline');
    await answer(page, url, id, bestPractices('priorities'));

    // The form on the Milestones tab: the latest milestone against the current state.
    await openApp(page, url, `#/workloads/${id}/milestones`);
    const form = page.getByRole('form', { name: 'Compare milestones' });
    assert.equal(await form.getByLabel('From').inputValue(), '1');
    assert.equal(await form.getByLabel('To').inputValue(), 'current');
    await form.getByRole('button', { name: 'Compare' }).click();
    await waitForView(page, /\/compare\/1\/current$/);
    assert.equal(await page.locator('h1').textContent(), 'Compare milestones');
    assert.match(await page.locator('.compare-sides').textContent(), /From: Milestone Baseline \(saved .+\)\s*To: Current state/);

    let c = await readComparison(page);
    assert.deepEqual([c.before, c.after], ['1', '0']);
    assert.equal(c.highText, '1 → 0 (1 fewer)');
    assert.equal(c.totalHigh, '1 → 0 (1 fewer)');
    assert.equal(await c.changed.count(), 1);
    const item = c.changed.first();
    assert.equal(await item.getAttribute('data-question-id'), 'priorities');
    const itemText = await item.textContent();
    for (const want of ['Improved:', question('priorities').title, 'High risk', 'No risk', 'Newly selected:', 'No longer selected:', 'None of these']) {
      assert.ok(itemText.includes(want), `the changed question shows "${want}": ${itemText}`);
    }

    // The question links to its page in the review (current state).
    await item.getByRole('link', { name: question('priorities').title }).click();
    await waitForView(page, /\/lenses\/wellarchitected\/review\/priorities$/);

    // Two milestones, chosen and submitted with the keyboard.
    await saveMilestone(page, url, id, 'Improved');
    await openApp(page, url, `#/workloads/${id}/milestones`);
    await page.getByRole('form', { name: 'Compare milestones' }).getByLabel('From').selectOption('1');
    await page.getByRole('form', { name: 'Compare milestones' }).getByLabel('To').selectOption('2');
    await page.getByRole('form', { name: 'Compare milestones' }).getByLabel('To').focus();
    await tabTo(page, 'button', { name: 'Compare' });
    await page.keyboard.press('Enter');
    await waitForView(page, /\/compare\/1\/2$/);
    assert.match(await page.locator('.compare-sides').textContent(), /From: Milestone Baseline.*To: Milestone Improved/s);
    c = await readComparison(page);
    assert.equal(c.highText, '1 → 0 (1 fewer)');
    assert.equal(await c.changed.first().getAttribute('data-change'), 'IMPROVED');

    // The same state on both sides is refused by the form, with the reason next to To.
    const again = page.getByRole('form', { name: 'Compare other states' });
    await again.getByLabel('From').selectOption('2');
    await again.getByLabel('To').selectOption('2');
    await again.getByRole('button', { name: 'Compare' }).click();
    await page.getByText('Choose two different states to compare.').waitFor();
    assert.equal(await again.getByLabel('To').getAttribute('aria-invalid'), 'true');

    // A milestone's read-only page links to its comparison with the current state.
    await openApp(page, url, `#/workloads/${id}/milestones/2`);
    await page.getByRole('link', { name: 'Compare with current state' }).click();
    await waitForView(page, /\/compare\/2\/current$/);
    // Nothing changed since: no lens section, one line that says so.
    assert.equal(await page.locator('section[data-lens]').count(), 0);
    assert.equal((await page.locator('.compare-unchanged').textContent()).trim(), 'No answer changed between these two states.');

    // A milestone that does not exist is a Not found page.
    await openApp(page, url, `#/workloads/${id}/compare/9/current`);
    assert.equal(await page.locator('h1').textContent(), 'Not found');
    assert.match(await page.locator('main').textContent(), /no milestone 9/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('every changed answer is listed, grouped by risk change; unchanged lenses are left out', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const url = s.server.url;
    const id = await defineWorkloadUI(page, url, { name: 'Same risk workload', lenses: ['serverless'] });
    const [first, second] = bestPractices('priorities');
    await answer(page, url, id, [first]);
    await saveMilestone(page, url, id, 'Baseline');
    // Another single best practice: still a high risk, but a different answer.
    await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await page.locator(`input[data-choice="${first}"]`).uncheck();
    await page.locator(`input[data-choice="${second}"]`).check();
    await page.getByText('All changes saved.').waitFor();
    // A question answered for the first time.
    await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/ops-model`);
    await page.locator(`input[data-choice="${noneOfThese('ops-model')}"]`).check();
    await page.getByText('All changes saved.').waitFor();

    await openApp(page, url, `#/workloads/${id}/compare/1/current`);
    const lens = page.locator('section[data-lens="wellarchitected"]');
    assert.equal((await lens.locator('h3').textContent()).trim(), 'Questions whose answer changed (2)');
    assert.equal(await page.getByText('No question changed its risk.').count(), 0);
    const groups = lens.locator('section[data-group]');
    assert.deepEqual(await groups.evaluateAll((gs) => gs.map((g) => g.dataset.group)), ['answered', 'same']);
    assert.deepEqual(await groups.locator('h4').allTextContents(), ['Newly answered (1)', 'Same risk, answer changed (1)']);

    const same = lens.locator('section[data-group="same"] li[data-question-id="priorities"]');
    assert.equal(await same.getAttribute('data-change'), 'SAME_RISK');
    const text = (await same.innerText()).replace(/\s+/g, ' ');
    const title = (choice) => question('priorities').choices.find((c) => c.id === choice).title;
    for (const want of ['Answer changed:', 'High risk before and after', `Newly selected: ${title(second)}`, `No longer selected: ${title(first)}`]) {
      assert.ok(text.includes(want), `the same-risk question shows "${want}": ${text}`);
    }
    // The link keeps the question's number, as the review page shows it.
    const numbered = questionHeading(flatQuestions(framework).find((e) => e.question.id === 'priorities'));
    assert.match(numbered, /^OPS 1\. /);
    await same.getByRole('link', { name: numbered, exact: true }).waitFor();

    // The groups are one under the other, in the order worse, better, answered, …, same.
    const [answeredBox, sameBox] = await Promise.all([0, 1].map((i) => groups.nth(i).boundingBox()));
    assert.ok(answeredBox.y + answeredBox.height <= sameBox.y, 'Newly answered comes above Same risk');

    // The serverless lens did not change: no section, named in one line.
    assert.equal(await page.locator('section[data-lens="serverless"]').count(), 0);
    assert.match(await page.locator('.compare-unchanged').textContent(), /^No answer changed in [^,]*Serverless[^,]*\.$/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
