// The browser's PouchDB, built by scripts/bundle.mjs as two chunks: sync/pouch.js (core +
// IndexedDB adapter), which the app's store loads at start, and sync/pouch-replication.js (HTTP
// adapter + replication), which the first page load never requests; the service worker lists
// both for offline use, and, the replication plugged in on demand in Chromium, PouchDB keeps
// IndexedDB databases, replicates between two of them and keeps a conflict in `_conflicts` on
// both, with the same winner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, rmProfile, ROOT, startServer } from './support.mjs';

test('the PouchDB chunks: the local one at start, replication on demand, and PouchDB works from them in Chromium', { timeout: 120_000 }, async (t) => {
  const server = await startServer();
  const browser = await launch();
  t.after(async () => {
    await browser.context.close();
    rmProfile(browser.profile);
    await server.close();
  });
  const { page } = browser;
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openApp(page, server.url, '#/workloads');
  await page.waitForFunction(() => document.body.dataset.offlineReady === 'true', null, { timeout: 30000 });
  assert.ok(requested.some((p) => p.endsWith('/app.js')), `the page loaded: ${requested.join(' ')}`);
  assert.ok(requested.some((p) => p.endsWith('/sync/pouch.js')), `the store loaded the local PouchDB: ${requested.join(' ')}`);
  assert.ok(!requested.some((p) => p.endsWith('/sync/pouch-replication.js')), `the first load did not request replication: ${requested.join(' ')}`);
  const sw = fs.readFileSync(path.join(ROOT, 'target/site/sw.js'), 'utf8');
  for (const chunk of ['pouch', 'pouch-replication']) {
    assert.match(sw, new RegExp(`"\\./sync/${chunk}\\.js": ?"[0-9a-f]{16}"`), `the service worker keeps sync/${chunk}.js for offline use`);
  }

  const result = await page.evaluate(async () => {
    const { default: LocalPouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
    const local = typeof LocalPouchDB.replicate;
    const { default: withReplication } = await import(new URL('./sync/pouch-replication.js', location.href).href);
    const PouchDB = withReplication(LocalPouchDB);
    const [a, b] = [new PouchDB('e2e-replica-a'), new PouchDB('e2e-replica-b')];
    await a.put({ _id: 'answer:wellarchitected:ops-1', selectedChoices: ['a'] });
    await b.put({ _id: 'answer:wellarchitected:ops-1', selectedChoices: ['b'] });
    await a.put({ _id: 'answer:wellarchitected:sec-1', selectedChoices: ['only-a'] });
    const sync = await PouchDB.sync(a, b);
    const [onA, onB] = await Promise.all([a, b].map((db) => db.get('answer:wellarchitected:ops-1', { conflicts: true })));
    return {
      local,
      adapter: a.adapter,
      written: sync.push.docs_written + sync.pull.docs_written,
      copied: (await b.get('answer:wellarchitected:sec-1')).selectedChoices[0],
      conflicts: [onA._conflicts?.length ?? 0, onB._conflicts?.length ?? 0],
      sameWinner: onA._rev === onB._rev,
      databases: (await indexedDB.databases()).map((d) => d.name),
    };
  });
  assert.equal(result.local, 'undefined', 'the local chunk alone cannot replicate');
  assert.equal(result.adapter, 'indexeddb');
  assert.equal(result.copied, 'only-a', 'a document of one replica reached the other');
  assert.deepEqual(result.conflicts, [1, 1], 'both replicas see the conflict');
  assert.equal(result.sameWinner, true, 'and pick the same winner');
  assert.ok(result.written >= 3, `documents replicated: ${result.written}`);
  assert.ok(result.databases.some((n) => n.includes('e2e-replica-a')), `IndexedDB holds the replica: ${result.databases}`);
  assert.ok(requested.some((p) => p.endsWith('/sync/pouch-replication.js')), 'replication was loaded on demand');
  assert.deepEqual(browser.errors, []);
});
