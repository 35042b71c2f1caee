// The app's IndexedDB, read and written from the page with plain IndexedDB calls, to damage
// records under the engine: database `plumbline`, object store `docs`, values `{rev, body}`
// keyed by record id (see src/store/indexeddb.rs and src/workload/keys.rs).

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

