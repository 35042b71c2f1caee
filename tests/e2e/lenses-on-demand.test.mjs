// The shipped lenses on first need (www/api.js): the workspace opens and lists its workloads
// with no lens file; the first calls that need a lens fetch its file once, even when several ask
// at the same time, and no other lens's file. Counted from the page's own resource timing (what
// the service worker keeps for offline use is not the page's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp } from './support.mjs';

/** How many times the page downloaded each shipped lens file. */
const lensDownloads = (page) => page.evaluate(() => {
  const counts = { wellarchitected: 0, serverless: 0 };
  for (const entry of performance.getEntriesByType('resource')) {
    const alias = /\/pkg\/lenses\/([a-z]+)\.json$/.exec(new URL(entry.name).pathname)?.[1];
    if (alias && alias in counts) counts[alias] += 1;
  }
  return counts;
});

test('a shipped lens file is fetched once, by the first calls that need it, and only that lens', { timeout: 120_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    await openApp(page, s.server.url, '#/workloads');
    assert.deepEqual(await lensDownloads(page), { wellarchitected: 0, serverless: 0 }, 'the list needs no lens file');

    const defined = await page.evaluate(async () => {
      const api = await import(new URL('api.js', location.href).href);
      const input = (name) => ({
        workloadName: name, description: 'Lenses fetched on first need', environment: 'PRODUCTION',
        reviewOwner: 'Platform team', awsRegions: ['eu-west-1'],
      });
      // Three calls at once, each needing the framework lens.
      const [first, second, model] = await Promise.all([
        api.defineWorkload(input('First')), api.defineWorkload(input('Second')), api.lensModel('wellarchitected'),
      ]);
      return { ids: [first.workloadId, second.workloadId], pillars: model.pillars.length };
    });
    assert.equal(new Set(defined.ids).size, 2);
    assert.equal(defined.pillars, 6);
    assert.deepEqual(await lensDownloads(page), { wellarchitected: 1, serverless: 0 });

    const lenses = await page.evaluate(async (id) => {
      const api = await import(new URL('api.js', location.href).href);
      return (await api.associateLenses(id, ['serverless'])).lenses;
    }, defined.ids[0]);
    assert.deepEqual(lenses, ['wellarchitected', 'serverless']);
    assert.deepEqual(await lensDownloads(page), { wellarchitected: 1, serverless: 1 });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
