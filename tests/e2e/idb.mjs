// The app's IndexedDB, read and written from the page with plain IndexedDB calls, to damage
// records under the engine: database `plumbline`, object store `docs`, values `{rev, body}`
// keyed by record id (see src/store/indexeddb.rs and src/workload/keys.rs). The app keeps its
// workspace there only in a profile pinned to that store (pinStore); by default it is the
// PouchDB store (./pouch-records.mjs), which migrates this database on first open.

/** Every stored record: {id: value}. */
export const records = (page) => page.evaluate(async () => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('plumbline');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  try {
    const store = db.transaction('docs').objectStore('docs');
    const get = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const [keys, values] = await Promise.all([get(store.getAllKeys()), get(store.getAll())]);
    return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  } finally {
    db.close();
  }
});

/** Writes `put` ({id: value}) and deletes `remove` ([id]) in one transaction. */
export const change = (page, { put = {}, remove = [] }) => page.evaluate(async ({ put, remove }) => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('plumbline');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  try {
    await new Promise((ok, fail) => {
      const tx = db.transaction('docs', 'readwrite');
      for (const [id, value] of Object.entries(put)) tx.objectStore('docs').put(value, id);
      for (const id of remove) tx.objectStore('docs').delete(id);
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
  } finally {
    db.close();
  }
}, { put, remove });


/**
 * Pins the browser profile to the IndexedDB store (www/sync/app-store.js) from the next page on,
 * before any of the app's code runs, until unpinStore: the app then writes the IndexedDB layout.
 */
export const pinStore = (context) => context.addInitScript(() => {
  if (!localStorage.getItem('test.unpinned')) localStorage.setItem('plumbline.store', 'indexeddb');
});

/** Lifts the pin: from the next page load, the app's default store (PouchDB). */
export const unpinStore = (page) => page.evaluate(() => {
  localStorage.setItem('test.unpinned', 'true');
  localStorage.removeItem('plumbline.store');
});
