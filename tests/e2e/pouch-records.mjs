// The app's stored records as the engine sees them (seam ids, values `{rev, body}`), read and
// written under the engine in the PouchDB store's databases, to damage records: the local
// database `plumbline-local` (name claims, custom lenses, the workload list's index
// `workload/<id>`) and each workload's database `plumbline-w-<id>` (reviews, answers,
// milestones), as www/sync/pouch-store.js lays them out. The page's PouchDB is the app's own
// module (sync/pouch.js), so these handles share the app's connections. ./idb.mjs does the same
// for the IndexedDB store the app used before.
import { placeOf, seamIdOf } from '../../www/sync/pouch-store.js';

const REGISTRY = '_local/plumbline-workload-dbs';

/** Every stored record: {seamId: {rev, body, …}} (a workload database's `workload` document, the replicated copy of the properties, is not a seam record and is left out). */
export async function records(page) {
  const { local, workloads } = await page.evaluate(async (registry) => {
    const { default: PouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
    const docsOf = async (db) => (await db.allDocs({ include_docs: true })).rows.map((r) => r.doc);
    const localDb = new PouchDB('plumbline-local');
    const ids = (await localDb.get(registry).catch(() => null))?.ids ?? [];
    const byWorkload = {};
    for (const id of ids) byWorkload[id] = await docsOf(new PouchDB(`plumbline-w-${id}`));
    return { local: await docsOf(localDb), workloads: byWorkload };
  }, REGISTRY);
  const out = {};
  const raw = ({ _id, _rev, _conflicts, wrev, ...rest }) => ({ rev: _rev, ...rest });
  for (const doc of local) if (!doc._id.startsWith('_')) out[doc._id] = raw(doc);
  for (const [workloadId, docs] of Object.entries(workloads)) {
    for (const doc of docs) {
      const id = seamIdOf(workloadId, doc._id);
      if (id) out[id] = raw(doc);
    }
  }
  return out;
}

/**
 * Writes `put` ({seamId: value}) and deletes `remove` ([seamId]) in the PouchDB documents: a
 * value `{rev, body}` replaces the document's body (its revision is the stored one, its other
 * fields, such as the index's `wrev`, kept; a `rev` that is not a revision text is kept as a
 * field, which the store's raw record reads as its rev); any other value is stored as
 * `{value}`, as the store's migration carries a damaged record.
 */
export async function change(page, { put = {}, remove = [] }) {
  const writes = [
    ...Object.entries(put).map(([id, value]) => ({ ...placeOf(id), value })),
    ...remove.map((id) => ({ ...placeOf(id), remove: true })),
  ];
  await page.evaluate(async (writes) => {
    const { default: PouchDB } = await import(new URL('./sync/pouch.js', location.href).href);
    for (const w of writes) {
      const db = new PouchDB(w.workloadId ? `plumbline-w-${w.workloadId}` : 'plumbline-local');
      const prev = await db.get(w.docId).catch(() => null);
      if (w.remove) {
        if (prev) await db.remove(prev);
        continue;
      }
      const record = w.value && typeof w.value === 'object' && !Array.isArray(w.value) && 'rev' in w.value;
      const { rev, ...fields } = record ? w.value : { value: w.value };
      if (record && typeof rev !== 'string') fields.rev = rev;
      const { _id, _rev, body: _body, value: _value, ...kept } = prev ?? {};
      await db.put({ ...kept, ...fields, _id: w.docId, ...(prev ? { _rev: prev._rev } : {}) });
    }
  }, writes);
}
