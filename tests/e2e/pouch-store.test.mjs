// The app on the PouchDB store (www/sync/app-store.js, the default) in Chromium: a workspace
// stored in the IndexedDB layout the app used before (written by this build with the profile
// pinned to that store: a workload, an answer with notes, a milestone, and a damaged record put
// under the engine) is carried into PouchDB on the first open without the pin, once; the app then shows it all, keeps new changes across reloads, and each
// workload has its own PouchDB database in IndexedDB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, defineWorkloadUI, answerAndSaveMilestone } from './support.mjs';
import { bestPractices } from './lens-data.mjs';
import { change, pinStore, records, unpinStore } from './idb.mjs';

/** The documents of a PouchDB database of the page, by id (the sync chunk's PouchDB). */
const pouchDocs = (page, name) => page.evaluate(async (name) => {
  const { default: PouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
  const { rows } = await new PouchDB(name).allDocs({ include_docs: true });
  return Object.fromEntries(rows.map((r) => [r.id, r.doc]));
}, name);

test('an IndexedDB workspace moves into the PouchDB store on first open, once, damaged records included', { timeout: 240_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    // Stored in the IndexedDB layout: the profile pinned to that store before the app opens.
    await pinStore(s.context);
    const id = await defineWorkloadUI(page, server.url, { name: 'Workload before PouchDB' });
    await answerAndSaveMilestone(page, server.url, id, {
      questionId: 'priorities', choices: bestPractices('priorities'), notes: 'Notes carried over', milestone: 'Before the move',
    });
    // Damaged: an answer left over from a workload whose record is gone.
    const gone = 'f'.repeat(32);
    const damagedId = `answer/${gone}/wellarchitected/ops-model`;
    await change(page, { put: { [damagedId]: 'not a record' } });
    const before = await records(page);
    assert.ok(Object.keys(before).length >= 5, Object.keys(before).join());

    assert.equal(await page.evaluate(() => indexedDB.databases().then((d) => d.some((x) => x.name.includes('plumbline-local')))), false, 'no PouchDB store while pinned');
    // Unpinned: this profile now uses the PouchDB store, the default.
    await unpinStore(page);
    await openApp(page, server.url, '#/workloads');
    await page.reload();
    await waitForView(page, /^\/workloads$/);
    await page.getByRole('link', { name: 'Workload before PouchDB', exact: true }).waitFor();

    const workloadDb = await pouchDocs(page, `plumbline-w-${id}`);
    assert.equal(workloadDb.workload.body.workloadName, 'Workload before PouchDB');
    assert.equal(workloadDb['answer:wellarchitected:priorities'].body.notes, 'Notes carried over');
    assert.equal(workloadDb['milestone:1'].body.milestoneName, 'Before the move');
    const leftover = await pouchDocs(page, `plumbline-w-${gone}`);
    assert.equal(leftover['answer:wellarchitected:ops-model'].value, 'not a record', 'the damaged record is carried as it was');
    const local = await pouchDocs(page, 'plumbline-local');
    assert.ok(local[`workload/${id}`], 'the workload list has it');
    assert.ok(Object.keys(local).some((k) => k.startsWith('name/')), 'its name is claimed');
    // Every record of the old workspace is somewhere in the new store.
    const carried = Object.keys(local).length + Object.keys(workloadDb).length - 1 + Object.keys(leftover).length;
    assert.ok(carried >= Object.keys(before).length, `${carried} documents for ${Object.keys(before).length} records`);
    // The old database is left as it was.
    assert.deepEqual(await records(page), before);

    // The app reads it all: the answer and its notes, the milestone, the damage.
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.equal(await page.getByRole('textbox', { name: 'Notes – optional' }).inputValue(), 'Notes carried over');
    await openApp(page, server.url, `#/workloads/${id}/milestones`);
    await page.getByText('Before the move').first().waitFor();

    // A change made now is kept across a reload; the migration does not run again over it.
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await page.getByRole('textbox', { name: 'Notes – optional' }).fill('Changed in PouchDB');
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    await page.reload();
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.equal(await page.getByRole('textbox', { name: 'Notes – optional' }).inputValue(), 'Changed in PouchDB');
    const after = await pouchDocs(page, `plumbline-w-${id}`);
    assert.equal(after['answer:wellarchitected:priorities'].body.notes, 'Changed in PouchDB');
    assert.deepEqual(await records(page), before, 'the old database still untouched');
  } finally {
    await s.done();
  }
});
