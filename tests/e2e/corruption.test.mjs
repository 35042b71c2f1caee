// Damage stays local (issue 12, point 2): each kind of stored record is damaged directly in
// the app's store (the PouchDB store, the default) under the app, and after a reload the Workloads list, the Dashboard and the other
// workload's overview, review and plan pages still work; the damaged workload is shown as
// damaged (a Damaged row, or its page names the damage) and Delete removes it, after which its
// name can be used again. Repair computes damaged totals again.
//
// Two workloads are seeded through the app's own engine module (www/api.js, imported in the
// page, so it shares the app's workspace); records are then changed in the PouchDB documents
// that hold them (./pouch-records.mjs: values `{rev, body}` keyed by the engine's record id).
// A revision of the wrong type cannot be stored in PouchDB (it keeps `_rev` itself): that case
// runs on the storage it is about, the IndexedDB store (the profile pinned to it, records
// changed with plain IndexedDB calls, ./idb.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, waitForView, defineWorkloadUI } from './support.mjs';
import { question, bestPractices } from './lens-data.mjs';
import { customLens } from './custom-lens.mjs';
import * as pouchRecords from './pouch-records.mjs';
import * as idbRecords from './idb.mjs';

const WA = 'wellarchitected';
const TITLE = question('priorities').title;
const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Two workloads (Checkout: an answer, lens notes, a milestone; Catalog: an answer) and a
 * published custom lens; returns their ids. */
async function seed(page, url) {
  await openApp(page, url, '#/workloads');
  return page.evaluate(async ({ wa, priorities, opsModel, lens }) => {
    const api = await import(new URL('api.js', location.href).href);
    const input = (workloadName) => ({
      workloadName, description: 'Seeded for the corruption tests', environment: 'PRODUCTION',
      reviewOwner: 'Test team', awsRegions: ['us-east-1'], lenses: [wa],
    });
    const a = (await api.defineWorkload(input('Checkout'))).workloadId;
    const b = (await api.defineWorkload(input('Catalog'))).workloadId;
    await api.updateAnswer(a, wa, 'priorities', { selectedChoices: priorities });
    await api.updateAnswer(b, wa, 'ops-model', { selectedChoices: opsModel.slice(0, 1) });
    await api.updateLensReview(a, wa, { lensNotes: 'Reviewed with the platform team' });
    await api.createMilestone(a, 'Before launch');
    const alias = (await api.importLens(JSON.stringify(lens))).lensAlias;
    await api.createLensVersion(alias, '1.0');
    return { a, b, alias };
  }, { wa: WA, priorities: bestPractices('priorities').slice(0, 2), opsModel: bestPractices('ops-model'), lens: customLens() });
}

const text = (page, selector = 'main') => page.locator(selector).innerText();
const row = (page, id) => page.locator(`tbody tr[data-workload-id="${id}"]`);

/** The Workloads list, the Dashboard and Catalog's overview, review and plan pages. */
async function otherWorkloadWorks(page, url, b, { damagedCount = 0 } = {}) {
  await openApp(page, url, '#/workloads');
  assert.match(await row(page, b).innerText(), /Catalog/, 'Catalog listed');
  assert.equal(await row(page, b).getAttribute('data-damaged'), null, 'Catalog is a normal row');
  assert.match(await row(page, b).locator('td.num').first().innerText(), /^1\/57$/);

  await openApp(page, url, '#/dashboard');
  assert.match(await text(page, 'h1'), /^Dashboard$/);
  assert.match(await page.locator('tr[data-workload-id]').first().innerText(), /Catalog/);
  const notice = page.locator('.damaged-notice');
  if (damagedCount) {
    assert.match(await notice.innerText(), new RegExp(`${damagedCount} workload is left out`));
    assert.equal(await notice.getByRole('link').getAttribute('href'), '#/workloads');
  } else {
    assert.equal(await notice.count(), 0, 'no damaged notice');
  }

  await openApp(page, url, `#/workloads/${b}`);
  assert.equal(await text(page, 'h1'), 'Catalog');
  assert.match(await text(page), /Questions answered/);
  await openApp(page, url, `#/workloads/${b}/lenses/${WA}/review/priorities`);
  assert.match(await text(page, '#question-title'), new RegExp(escape(TITLE)));
  await openApp(page, url, `#/workloads/${b}/lenses/${WA}/plan`);
  assert.match(await text(page, 'h1'), /Improvement plan$/);
  assert.match(await text(page), new RegExp(escape(question('ops-model').title)), 'its improvement item');
  assert.doesNotMatch(await text(page), /Something went wrong/);
}

/** Confirms the Delete dialog opened by `button`, then checks Checkout is gone, every one of
 * its records too, and that its name can be used again. */
async function deleteAndReuse(s, button, a) {
  await button.click();
  const dialog = s.page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await waitForView(s.page, /^\/workloads$/);
  await s.page.locator(`tbody tr[data-workload-id="${a}"]`).waitFor({ state: 'detached' });
  const left = Object.keys(await s.stored.records(s.page)).filter((id) => id.includes(a));
  assert.deepEqual(left, [], 'no record of the deleted workload is left');
  const again = await defineWorkloadUI(s.page, s.server.url, { name: 'Checkout' });
  assert.notEqual(again, a);
  assert.equal(await s.page.locator('main h1').innerText(), 'Checkout');
}

// Each damage: what to write, then what the app shows for Checkout and how it is deleted.
const workloadRecord = (make) => async (page, ids, all) => {
  const id = `workload/${ids.a}`;
  return { put: { [id]: make(all[id]) } };
};
const onListRow = async (s, ids, { name }) => {
  const r = row(s.page, ids.a);
  await openApp(s.page, s.server.url, '#/workloads');
  assert.equal(await r.getAttribute('data-damaged'), 'true');
  const shown = await r.innerText();
  assert.match(shown, /Damaged/);
  assert.match(shown, name ? /Checkout/ : /Unreadable workload/);
  // Its pages say what is damaged instead of failing.
  await openApp(s.page, s.server.url, `#/workloads/${ids.a}`);
  assert.match(await text(s.page, 'h1'), /stored data is damaged/);
  assert.match(await text(s.page), /workload’s own properties/);
  await openApp(s.page, s.server.url, '#/workloads');
  return r.getByRole('button', { name: /^Delete / });
};
const onPage = (route, what) => async (s, ids) => {
  await openApp(s.page, s.server.url, '#/workloads');
  assert.equal(await row(s.page, ids.a).getAttribute('data-damaged'), null, 'the workload record itself reads');
  await openApp(s.page, s.server.url, route(ids));
  assert.match(await text(s.page, 'h1'), /stored data is damaged/);
  const message = await text(s.page, 'main p[role="alert"]:not([hidden])');
  assert.match(message, what);
  assert.doesNotMatch(message, /[{}]/, 'no raw JSON in the message');
  for (const action of ['Export', 'Repair', 'Delete']) {
    assert.equal(await s.page.getByRole('button', { name: new RegExp(`^${action}.*Checkout`) }).count(), 1, action);
  }
  return s.page.getByRole('button', { name: 'Delete Checkout' });
};

const CASES = [
  {
    name: 'workload record: garbage body',
    damage: workloadRecord((v) => ({ rev: v.rev, body: '%%garbage%%' })),
    shows: (s, ids) => onListRow(s, ids, { name: false }),
    damagedCount: 1,
  },
  {
    name: 'workload record: riskCounts is "lots"',
    damage: workloadRecord((v) => ({ rev: v.rev, body: { ...v.body, riskCounts: 'lots' } })),
    shows: (s, ids) => onListRow(s, ids, { name: true }),
    damagedCount: 1,
  },
  {
    name: 'workload record: null body',
    damage: workloadRecord((v) => ({ rev: v.rev, body: null })),
    shows: (s, ids) => onListRow(s, ids, { name: false }),
    damagedCount: 1,
  },
  {
    name: 'workload record: a wrong rev type (rev: 7), in the IndexedDB store',
    damage: workloadRecord((v) => ({ rev: 7, body: v.body })),
    storage: 'indexeddb',
    shows: (s, ids) => onListRow(s, ids, { name: true }),
    damagedCount: 1,
  },
  {
    name: 'answer',
    damage: async (page, { a }) => ({ put: { [`answer/${a}/${WA}/priorities`]: { rev: '9-x', body: { lensAlias: WA, questionId: 12 } } } }),
    shows: onPage(({ a }) => `#/workloads/${a}/lenses/${WA}/review/priorities`, /answer to question “priorities”/),
  },
  {
    name: 'milestone',
    damage: async (page, { a }, all) => ({ put: { [`milestone/${a}/001`]: { rev: all[`milestone/${a}/001`].rev, body: 'not a milestone' } } }),
    shows: onPage(({ a }) => `#/workloads/${a}/milestones/1`, /milestone 1/),
  },
  {
    name: 'lens review notes',
    damage: async (page, { a }, all) => {
      const id = `review/${a}/${WA}`;
      return { put: { [id]: { rev: all[id].rev, body: { ...all[id].body, notes: 42, pillarNotes: 'unreadable' } } } };
    },
    shows: onPage(({ a }) => `#/workloads/${a}`, /lens notes and pillar notes/),
  },
  {
    name: 'name claim',
    damage: async (page, { a }, all) => {
      const [id, v] = Object.entries(all).find(([k, x]) => k.startsWith('name/') && x.body?.workloadId === a);
      return { put: { [id]: { rev: v.rev, body: 1 } } };
    },
    // The claim is derived data: Checkout still reads, is a normal row, still holds its name
    // (a second Checkout is refused), and is deleted as usual.
    shows: async (s, ids) => {
      await openApp(s.page, s.server.url, `#/workloads/${ids.a}`);
      assert.equal(await text(s.page, 'h1'), 'Checkout');
      const refused = await s.page.evaluate(async () => {
        const api = await import(new URL('api.js', location.href).href);
        return api.defineWorkload({ workloadName: 'checkout', description: 'Same name', environment: 'PRODUCTION', reviewOwner: 'Test team', awsRegions: ['us-east-1'] })
          .then(() => null, (e) => e.kind);
      });
      assert.equal(refused, 'Validation', 'the name is still taken');
      await openApp(s.page, s.server.url, '#/workloads');
      assert.equal(await row(s.page, ids.a).getAttribute('data-damaged'), null);
      return s.page.getByRole('button', { name: 'Delete Checkout' });
    },
  },
  {
    name: 'dangling reference: a review of a lens the workload does not use',
    damage: async (page, { a }, all) => {
      const v = all[`review/${a}/${WA}`];
      return { put: { [`review/${a}/serverless`]: { rev: v.rev, body: { ...v.body, lensAlias: 'serverless' } } } };
    },
    shows: async (s, ids) => {
      await openApp(s.page, s.server.url, `#/workloads/${ids.a}`);
      assert.equal(await text(s.page, 'h1'), 'Checkout');
      assert.equal(await s.page.locator('tr[data-lens]').count(), 1, 'only the lens it uses');
      await openApp(s.page, s.server.url, '#/workloads');
      return s.page.getByRole('button', { name: 'Delete Checkout' });
    },
  },
];

/**
 * A test on a fresh browser with the two workloads seeded in `storage` (the app's default, the
 * PouchDB store, or "indexeddb": the profile pinned to that store); the page logs no error.
 * `s.stored` reads and changes the records under the app.
 */
function seeded(name, body, { storage = 'pouchdb' } = {}) {
  test(name, { timeout: 120_000 }, async () => {
    // Unbundled (www/ as it is): the test drives the app's own modules (api.js).
    const s = await session({ server: { dev: true } });
    try {
      s.stored = storage === 'indexeddb' ? idbRecords : pouchRecords;
      if (storage === 'indexeddb') await idbRecords.pinStore(s.context);
      await body(s, await seed(s.page, s.server.url));
      assert.deepEqual(s.errors, []);
    } finally {
      await s.done();
    }
  });
}

for (const c of CASES) {
  seeded(`damaged ${c.name}: other workloads work, the damaged one is shown and deleted`, async (s, ids) => {
    await s.stored.change(s.page, await c.damage(s.page, ids, await s.stored.records(s.page)));
    await s.page.reload();
    await otherWorkloadWorks(s.page, s.server.url, ids.b, { damagedCount: c.damagedCount ?? 0 });
    const del = await c.shows(s, ids);
    await deleteAndReuse(s, del, ids.a);
    await otherWorkloadWorks(s.page, s.server.url, ids.b);
  }, { storage: c.storage });
}

seeded('dangling reference: answers of a workload whose record is gone', async (s, ids) => {
  await s.stored.change(s.page, { remove: [`workload/${ids.a}`] });
  await s.page.reload();
  await otherWorkloadWorks(s.page, s.server.url, ids.b);
  await openApp(s.page, s.server.url, '#/workloads');
  assert.equal(await row(s.page, ids.a).count(), 0, 'not listed');
  await openApp(s.page, s.server.url, `#/workloads/${ids.a}`);
  assert.match(await text(s.page, 'h1'), /Only parts of this workload remain/);
  await deleteAndReuse(s, s.page.getByRole('button', { name: /^Delete / }), ids.a);
});

seeded('damaged custom lens: a Damaged row on the Lenses page, workloads work, Delete removes it', async (s, ids) => {
  const id = `customlens/${ids.alias}`;
  const all = await s.stored.records(s.page);
  await s.stored.change(s.page, { put: { [id]: { rev: all[id].rev, body: { lensAlias: 3 } } } });
  await s.page.reload();
  await openApp(s.page, s.server.url, '#/lenses');
  assert.match(await text(s.page), /Well-Architected Framework/);
  assert.doesNotMatch(await text(s.page), /Workbench Test Lens/);
  const damagedRow = s.page.locator(`tr[data-lens-alias="${ids.alias}"][data-damaged="true"]`);
  assert.match(await damagedRow.innerText(), /Damaged/);
  await otherWorkloadWorks(s.page, s.server.url, ids.b);
  await openApp(s.page, s.server.url, '#/lenses');
  await s.page.locator(`tr[data-lens-alias="${ids.alias}"]`).getByRole('button', { name: /^Delete / }).click();
  await s.page.getByRole('dialog').getByRole('button', { name: 'Delete lens' }).click();
  await s.page.locator('[data-custom-status]').filter({ hasText: /^Deleted/ }).waitFor();
  assert.equal(await s.page.locator(`tr[data-lens-alias="${ids.alias}"]`).count(), 0);
  assert.deepEqual(Object.keys(await s.stored.records(s.page)).filter((k) => k.includes(ids.alias)), []);
});

seeded('Repair: damaged totals are computed again and the row is a normal row', async (s, ids) => {
  await openApp(s.page, s.server.url, '#/workloads');
  const before = await row(s.page, ids.a).locator('td.num').allInnerTexts();
  const all = await s.stored.records(s.page);
  const id = `workload/${ids.a}`;
  await s.stored.change(s.page, { put: { [id]: { rev: all[id].rev, body: { ...all[id].body, riskCounts: 'lots' } } } });
  await s.page.reload();
  await openApp(s.page, s.server.url, '#/workloads');
  assert.equal(await row(s.page, ids.a).getAttribute('data-damaged'), 'true');
  await s.page.getByRole('button', { name: 'Repair Checkout' }).click();
  await s.page.locator(`tbody tr[data-workload-id="${ids.a}"]:not([data-damaged])`).waitFor();
  assert.deepEqual(await row(s.page, ids.a).locator('td.num').allInnerTexts(), before);
  await s.page.locator('#announcer').filter({ hasText: 'Checkout repaired' }).waitFor();

  // A damaged answer: Repair on the workload's page removes it and the page works again.
  await s.stored.change(s.page, { put: { [`answer/${ids.a}/${WA}/priorities`]: { rev: '9-x', body: { questionId: 12 } } } });
  await s.page.reload();
  await openApp(s.page, s.server.url, `#/workloads/${ids.a}`);
  await s.page.getByRole('button', { name: 'Repair Checkout' }).click();
  await s.page.locator('main h1', { hasText: /^Checkout$/ }).waitFor();
  await s.page.locator('#announcer').filter({ hasText: /answer to question “priorities”/ }).waitFor();

  // Properties that cannot be read: Repair says so and suggests export, then delete.
  await s.stored.change(s.page, { put: { [id]: { rev: all[id].rev, body: null } } });
  await s.page.reload();
  await openApp(s.page, s.server.url, '#/workloads');
  await row(s.page, ids.a).getByRole('button', { name: /^Repair / }).click();
  const problem = row(s.page, ids.a).locator('.damage-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /cannot be repaired.*export it as stored.*then delete it/i);
  const download = s.page.waitForEvent('download');
  await row(s.page, ids.a).getByRole('button', { name: /^Export / }).click();
  const file = JSON.parse(await (await download).createReadStream().then((st) => st.toArray()).then((b) => Buffer.concat(b).toString()));
  assert.equal(file.workloadId, ids.a);
  assert.ok(file.records.some((r) => r.id === id && r.stored.body === null), 'the damaged record as stored');
});
