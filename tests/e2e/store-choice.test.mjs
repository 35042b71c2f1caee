// Which store the app keeps its workspace in (www/sync/app-store.js), in Chromium: on a fresh
// profile the PouchDB store from the first visit (the workload in a PouchDB database of its
// own, no database of the IndexedDB store made, replication not loaded), and without IndexedDB
// (as some private modes have it) localStorage, kept across a reload.
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
