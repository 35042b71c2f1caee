// Which store the app keeps its workspace in (www/sync/app-store.js), in Chromium: on a fresh
// profile the PouchDB store from the first visit (the workload in a PouchDB database of its
// own, no database of the IndexedDB store made, replication not loaded), the first page drawn
// before PouchDB is needed (www/sync/fresh-store.js) and PouchDB opened after it, and without
// IndexedDB (as some private modes have it) localStorage, kept across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI } from './support.mjs';

const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('a fresh profile keeps its workspace in the PouchDB store, replication not loaded', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const id = await defineWorkloadUI(page, server.url, { name: 'Kept in PouchDB' });
    const names = await databases(page);
    assert.ok(names.includes(`_pouch_plumbline-w-${id}`), `the workload's own database: ${names}`);
    assert.ok(names.includes('_pouch_plumbline-local'), `the local database: ${names}`);
    assert.ok(!names.includes('plumbline'), `no database of the IndexedDB store: ${names}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('plumbline.store')), null, 'no choice stored');
    assert.ok(requested.some((p) => p.endsWith('/sync/pouch.js')), 'the local PouchDB loaded');
    assert.ok(!requested.some((p) => p.endsWith('/sync/pouch-replication.js')), `replication not loaded: ${requested.join(' ')}`);
    await page.reload();
    await openApp(page, server.url, '#/workloads');
    await page.getByRole('link', { name: 'Kept in PouchDB', exact: true }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('a first visit draws the empty list without PouchDB, then opens it and stores the layout record once', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    // PouchDB's code is held back until the list is drawn: the first page must not need it.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/sync/pouch.js', async (route) => {
      await held;
      await route.continue();
    });
    await openApp(page, server.url, '#/workloads');
    await page.getByRole('heading', { name: 'No workloads' }).waitFor();
    release();
    // Opened once the page is idle: the local database appears, with the engine's layout record.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === '_pouch_plumbline-local'), null, { timeout: 15000, polling: 100 });
    const layout = () => page.evaluate(async () => {
      const { default: PouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
      const doc = await new PouchDB('plumbline-local').get('meta/plumbline', { conflicts: true }).catch(() => null);
      return doc && { rev: doc._rev, layout: doc.body?.layout, conflicts: doc._conflicts ?? [] };
    });
    await page.waitForFunction(async () => {
      const { default: PouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
      return !!(await new PouchDB('plumbline-local').get('meta/plumbline').catch(() => null));
    }, null, { timeout: 15000, polling: 200 });
    const first = await layout();
    assert.match(first.rev, /^1-[0-9a-f]{32}$/);
    assert.equal(first.layout, 2);
    assert.deepEqual(first.conflicts, []);
    assert.ok(!(await databases(page)).includes('plumbline'), 'no database of the IndexedDB store');
    // The next start reads the workspace from PouchDB: nothing written again.
    await page.reload();
    await openApp(page, server.url, '#/workloads');
    await page.getByRole('heading', { name: 'No workloads' }).waitFor();
    assert.deepEqual(await layout(), first);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('without IndexedDB the workspace lives in localStorage', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, context, server } = s;
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const id = await defineWorkloadUI(page, server.url, { name: 'Kept in localStorage' });
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.some((k) => k.endsWith(`/workload/${id}`)), `the workload's record in localStorage: ${keys}`);
    await page.reload();
    await openApp(page, server.url, '#/workloads');
    await page.getByRole('link', { name: 'Kept in localStorage', exact: true }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
