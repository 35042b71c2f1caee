// Everything is kept in the browser: a reload and a browser restart on the same profile show
// the same workload, answers and milestone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, launch, openApp, defineWorkloadUI, rmProfile, answerAndSaveMilestone } from './support.mjs';
import { bestPractices } from './lens-data.mjs';

test('data survives a reload and a browser restart', { timeout: 120_000 }, async () => {
  const s = await session({ keepProfile: true });
  let second;
  try {
    const id = await defineWorkloadUI(s.page, s.server.url, { name: 'Persistent workload' });
    await answerAndSaveMilestone(s.page, s.server.url, id, {
      questionId: 'priorities', choices: bestPractices('priorities'), notes: 'Kept across restarts', milestone: 'Before restart',
    });

    const check = async (page, when) => {
      await openApp(page, s.server.url, '#/workloads');
      assert.match(await page.locator('tbody').textContent(), /Persistent workload/, `workload listed after ${when}`);
      assert.match(await page.locator('tbody td.num').first().textContent(), /^1\/57$/, `answer count after ${when}`);
      await openApp(page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
      for (const c of bestPractices('priorities')) assert.ok(await page.locator(`input[data-choice="${c}"]`).isChecked(), `${c} after ${when}`);
      assert.equal(await page.getByRole('textbox', { name: 'Notes – optional' }).inputValue(), 'Kept across restarts');
      await openApp(page, s.server.url, `#/workloads/${id}/milestones`);
      assert.match(await page.locator('tbody').textContent(), /Before restart/, `milestone after ${when}`);
    };

    await s.page.reload();
    await check(s.page, 'a reload');
    assert.deepEqual(s.errors, []);

    await s.context.close();
    second = await launch({ profile: s.profile });
    await check(second.page, 'a browser restart');
    assert.deepEqual(second.errors, []);
  } finally {
    await second?.context.close().catch(() => {});
    await s.done();
    rmProfile(s.profile);
  }
});
