// @ts-check
// The workspace's documents in PouchDB, behind the engine's store seam (`Workspace.open({store})`,
// the DocumentStore of pkg/plumbline.d.ts). Every workload lives in a local database of its own
// (./workload-db.js), shared or not, so that sharing it is only replicating that database; the
// rest stays in one local database that is never replicated:
//   - workspace-level records: `name/…` (the name claims), `meta/…`, `customlens…`, the
//     profiles (`profile/…`), the dismissed notifications (`dismissed/…`) and the review
//     templates: `template/<id>` and the template's lens notes and answers, which the engine
//     keys as a workload's (`review/<id>/…`, `answer/<id>/…`) but which belong to no workload
//     and are never shared;
//   - `workload/<id>`, the workload's whole record as the engine reads it (properties and
//     derived figures): the index that lists every workload without opening every database.
//     Its `wrev` names the revision of the workload database's `workload` document it was
//     made from; afterPull (./workload-db.js) rebuilds it when a replication brought another.
// The workload database gets the workload's properties (never its derived figures, which
// would make every answer a change of the `workload` document, which only owners may write),
// its lens reviews, answers and milestones, and the custom-lens versions they use
// (./lens-docs.js: written with the properties that first name a version).
//
// The seam promises atomic commits; PouchDB writes each document on its own, and a commit may
// span two databases. So a commit reads every document it replaces first (a stale revision
// refuses it before anything is written), writes with those revisions (PouchDB refuses a
// document another writer changed in between), and when any write is refused puts back what
// it had written: the previous body under a new revision, or a tombstone for a new document.
// What cannot be put back (the browser died in between, or the put-back itself is refused) is
// named in the error; the engine's repairWorkload recomputes derived data from the documents.
import { forgetWorkloadDb, liveStores, openWorkloadDb as sharedWorkloadDb, localPouchDB } from './workload-db.js';
import { missingLensDocs, usedVersions } from './lens-docs.js';

/** The derived parts of `workload/<id>`: local, recomputed, never replicated. */
const DERIVED = ['riskCounts', 'questionsAnswered', 'questionCount', 'lensSummaries', 'milestones', 'updatedAt'];
/** Seam ids kept in a workload's database: `<kind>/<workloadId>/<rest>`. */
const IN_WORKLOAD = /^(review|answer|milestone)\/([0-9a-f]{32})\/(.+)$/;
const WORKLOAD_RECORD = /^workload\/([0-9a-f]{32})$/;
const TEMPLATE_RECORD = /^template\/([0-9a-f]{32})$/;
/** The seam kind of each document kind of a workload database, and back. */
const TO_POUCH = { review: 'notes', answer: 'answer', milestone: 'milestone' };
const KINDS = /** @type {const} */ (['review', 'answer', 'milestone']);
/** Where the store lists the workload databases it made (a `_local` document: not listed, not replicated). */
const REGISTRY = '_local/plumbline-workload-dbs';
const MIGRATED = '_local/plumbline-migrated';

/** @typedef {{ id: string, expectedRev: string | null, body: unknown }} SeamWrite */
/** @typedef {{ kind: string, id?: string, message: string }} StoreFailure */

/** A failure the engine maps to its error kinds. @returns {StoreFailure} */
const failure = (/** @type {string} */ kind, /** @type {string} */ message, /** @type {string} */ id = '') => ({ kind, id, message });

/** `:` is the separator of CouchDB-side ids; seam segments escape `%` and `/` already. */
const esc = (/** @type {string} */ s) => s.replace(/:/g, '%3A');
const unesc = (/** @type {string} */ s) => s.replace(/%3A/g, ':');

/**
 * Where a seam id lives: in workload `workloadId`'s database as `docId`, or (workloadId null)
 * in the local database under its own id.
 * @param {string} id
 * @returns {{ workloadId: string | null, docId: string }}
 */
export function placeOf(id) {
  const m = IN_WORKLOAD.exec(id);
  if (!m) return { workloadId: null, docId: id };
  const [, kind, workloadId, rest] = m;
  const docId = kind === 'milestone'
    ? `milestone:${Number(rest)}`
    : `${TO_POUCH[/** @type {'review' | 'answer'} */ (kind)]}:${rest.split('/').map(esc).join(':')}`;
  return { workloadId, docId };
}

/**
 * The seam id of a workload database's document, or null for documents the engine does not
 * keep there (`workload`, design documents, activity entries).
 * @param {string} workloadId @param {string} docId
 */
export function seamIdOf(workloadId, docId) {
  const [kind, ...parts] = docId.split(':');
  if (kind === 'milestone' && parts.length === 1 && /^[1-9][0-9]*$/.test(parts[0])) return `milestone/${workloadId}/${parts[0].padStart(3, '0')}`;
  if (kind === 'notes' && parts.length === 1) return `review/${workloadId}/${unesc(parts[0])}`;
  if (kind === 'answer' && parts.length === 2) return `answer/${workloadId}/${parts.map(unesc).join('/')}`;
  return null;
}

/** A JSON text with sorted keys, to tell whether two bodies differ. @param {unknown} v @returns {string} */
function stable(v) {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable(/** @type {any} */ (v)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** The replicated part of a workload record: its properties and the lens versions it uses. @param {any} body */
function propertiesOf(body) {
  /** @type {Record<string, unknown>} */
  const props = {};
  for (const [k, v] of Object.entries(body)) if (!DERIVED.includes(k)) props[k] = v;
  /** @type {Record<string, unknown>} */
  const lensVersions = {};
  for (const [alias, s] of Object.entries(body.lensSummaries ?? {})) if (typeof s?.lensVersion === 'string') lensVersions[alias] = s.lensVersion;
  props.lensVersions = lensVersions;
  return props;
}

/** A stored PouchDB document as the seam's raw record. @param {any} doc */
function rawOf(doc) {
  const { _id, _rev, _conflicts, wrev, ...rest } = doc;
  return { rev: _rev, ...rest };
}

/** @param {any} e */
const isNotFound = (e) => e?.status === 404;

/** The document, or null when absent or deleted. @param {any} db @param {string} id */
async function current(db, id) {
  try {
    return await db.get(id);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw failure('Backend', `reading ${id}: ${/** @type {any} */ (e)?.message ?? e}`, id);
  }
}

/** Whether `id` of `db` is a tombstone (deleted, not merely absent). @param {any} db @param {string} id */
async function wasDeleted(db, id) {
  try {
    await db.get(id);
    return false;
  } catch (e) {
    return isNotFound(e) && /** @type {any} */ (e)?.reason === 'deleted';
  }
}

/** Whether `id` is in `db`, live or deleted. @param {any} db @param {string} id */
async function everStored(db, id) {
  try {
    await db.get(id);
    return true;
  } catch (e) {
    if (isNotFound(e)) return /** @type {any} */ (e)?.reason === 'deleted';
    throw failure('Backend', `reading ${id}: ${/** @type {any} */ (e)?.message ?? e}`, id);
  }
}

/** Every live document of `db` whose id starts with `prefix`. @param {any} db @param {string} prefix */
async function allWith(db, prefix) {
  const { rows } = await db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` });
  return rows.filter((/** @type {any} */ r) => r.doc && !r.id.startsWith('_')).map((/** @type {any} */ r) => r.doc);
}

/**
 * Opens the PouchDB store: the local database `name` (default "plumbline-local") and the
 * workload databases it lists. `author()` names who writes (team sync's logged-in user), put
 * in `updatedBy` of each document of a workload database; null leaves it out. `workloadDb`
 * opens a workload's database (./workload-db.js's, shared with team sync, by default).
 * @param {{ name?: string, author?: () => string | null, workloadDb?: (workloadId: string) => Promise<any>, PouchDB?: import('./workload-db.js').PouchConstructor }} [options]
 */
export async function openPouchStore({ name = 'plumbline-local', author = () => null, workloadDb = sharedWorkloadDb, PouchDB = undefined } = {}) {
  const local = new (PouchDB ?? (await localPouchDB()))(name);
  const openWorkloadDb = workloadDb;

  /** The ids known to be in the registry: most commits then need no read of it. */
  const known = new Set();

  /** The workload ids with a database, from the registry. @returns {Promise<string[]>} */
  async function registered() {
    const doc = await current(local, REGISTRY);
    const ids = Array.isArray(doc?.ids) ? doc.ids : [];
    for (const id of ids) known.add(id);
    return ids;
  }

  /**
   * The ids of review templates met so far. Template and workload ids are drawn alike and
   * never meet, so an id once seen as one kind stays that kind.
   */
  const templates = new Set();
  let registryRead = false;

  /**
   * Whether `id`, in a `review|answer|milestone/<id>/…` key, is a review template's: its
   * `template/<id>` record is written in this commit, or is (or was) in the local database.
   * @param {string} id @param {SeamWrite[]} [writes] the commit being planned
   */
  async function isTemplate(id, writes = []) {
    if (templates.has(id)) return true;
    if (!registryRead) {
      await registered();
      registryRead = true;
    }
    if (known.has(id)) return false;
    const record = `template/${id}`;
    if (writes.some((w) => w.id === record) || (await everStored(local, record))) {
      templates.add(id);
      return true;
    }
    return false;
  }

  /**
   * Where a seam id lives in this store: as placeOf says, except that a review template's
   * notes and answers stay in the local database under their seam ids.
   * @param {string} id @param {SeamWrite[]} [writes] the commit being planned
   */
  async function placeIn(id, writes) {
    const place = placeOf(id);
    if (place.workloadId && (await isTemplate(place.workloadId, writes))) return { workloadId: null, docId: id };
    return place;
  }
  /** Adds workload ids to the registry (retried: another tab may add at the same time). @param {string[]} ids */
  async function register(ids) {
    if (ids.every((id) => known.has(id))) return;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const doc = (await current(local, REGISTRY)) ?? { _id: REGISTRY, ids: [] };
      const missing = ids.filter((id) => !doc.ids.includes(id));
      try {
        if (missing.length > 0) await local.put({ ...doc, ids: [...doc.ids, ...missing].sort() });
        for (const id of ids) known.add(id);
        return;
      } catch (e) {
        if (/** @type {any} */ (e)?.status !== 409) throw e;
      }
    }
    throw failure('Backend', 'could not record the new workload database');
  }

  const stamp = () => {
    const who = author();
    return { updatedAt: new Date().toISOString(), ...(who ? { updatedBy: who } : {}) };
  };

  /** Every record under `prefix`, raw, in seam id order. @param {string} prefix */
  async function listAll(prefix) {
    /** @type {Array<{ id: string, doc: any }>} */
    const found = (await allWith(local, prefix)).map((/** @type {any} */ doc) => ({ id: doc._id, doc }));
    const one = IN_WORKLOAD.exec(prefix) ?? /^(review|answer|milestone)\/([0-9a-f]{32})\/$/.exec(prefix);
    const reaches = KINDS.some((k) => `${k}/`.startsWith(prefix) || prefix.startsWith(`${k}/`));
    // A template's records are in the local database, found above.
    if (reaches && !(one && (await isTemplate(one[2])))) {
      const ids = one ? [one[2]] : await registered();
      for (const workloadId of ids) {
        const db = await openWorkloadDb(workloadId);
        const kindPrefix = one ? `${TO_POUCH[/** @type {'review'} */ (one[1])]}:` : '';
        for (const doc of await allWith(db, kindPrefix)) {
          const id = seamIdOf(workloadId, doc._id);
          if (id?.startsWith(prefix)) found.push({ id, doc });
        }
      }
    }
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * One seam write as the PouchDB writes it makes: the record itself, and for `workload/<id>`
   * the workload database's `workload` document when the properties changed.
   * @param {SeamWrite} w @param {SeamWrite[]} writes the whole commit
   */
  async function plan(w, writes) {
    const { workloadId, docId } = await placeIn(w.id, writes);
    const db = workloadId ? await openWorkloadDb(workloadId) : local;
    const prev = await current(db, docId);
    const matches = w.expectedRev === null ? prev === null : prev !== null && (w.expectedRev === prev._rev || w.expectedRev === 'unreadable');
    if (!matches) throw failure('Conflict', `${w.id} changed since it was read`, w.id);
    /** @type {Array<{ db: any, prev: any, doc: any, workloadId: string | null }>} */
    const ops = [];
    const whole = WORKLOAD_RECORD.exec(w.id);
    if (whole) {
      const wdb = await openWorkloadDb(whole[1]);
      const props = await current(wdb, 'workload');
      if ((props?._rev ?? null) !== (prev?.wrev ?? null) && !(prev === null && props === null)) {
        throw failure('Conflict', `${w.id}: its properties arrived from the team's server and are not in the workload list yet (afterPull)`, w.id);
      }
      const next = w.body === null ? null : propertiesOf(w.body);
      if (next === null ? props !== null : stable(next) !== stable(props?.body)) {
        ops.push({ db: wdb, prev: props, workloadId: whole[1], doc: next === null
          ? { _id: 'workload', _rev: props._rev, _deleted: true, ...stamp() }
          : { _id: 'workload', ...(props ? { _rev: props._rev } : {}), body: next, ...stamp() } });
      } else if (next !== null) {
        ops.push({ db: wdb, prev: props, workloadId: whole[1], doc: null });
      }
      // A lens version a review starts using (applied, upgraded) goes with the workload.
      if (next !== null) for (const doc of await missingLensDocs(local, wdb, usedVersions(next), stamp)) ops.push({ db: wdb, prev: null, workloadId: whole[1], doc });
    }
    const base = { _id: docId, ...(prev ? { _rev: prev._rev } : {}) };
    const doc = w.body === null
      ? { ...base, _deleted: true, ...(workloadId ? stamp() : {}) }
      : { ...base, body: w.body, ...(workloadId ? stamp() : {}) };
    ops.unshift({ db, prev, workloadId, doc });
    return { write: w, ops };
  }

  /** Puts back what a refused commit had written; returns the ids it could not. @param {Array<{ db: any, prev: any, doc: any, rev: string }>} done */
  async function rollBack(done) {
    /** @type {string[]} */
    const stuck = [];
    for (const { db, prev, doc, rev } of done.reverse()) {
      const back = prev ? { ...prev, _rev: rev } : { _id: doc._id, _rev: rev, _deleted: true };
      try {
        await db.put(back);
      } catch {
        stuck.push(doc._id);
      }
    }
    return stuck;
  }

  /** @param {SeamWrite[]} writes */
  async function commit(writes) {
    const planned = await Promise.all(writes.map((w) => plan(w, writes)));
    const newDbs = [...new Set(planned.flatMap((p) => p.ops.map((o) => o.workloadId)).filter((id) => id !== null))];
    if (newDbs.length > 0) await register(/** @type {string[]} */ (newDbs));
    /** @type {Array<{ db: any, prev: any, doc: any, rev: string }>} */
    const done = [];
    /** @type {Map<any, string>} */
    const revs = new Map();
    /** @type {StoreFailure | null} */
    let refused = null;
    // Grouped by database, one bulkDocs each: the workload's database first, so that a
    // refused answer leaves the local index untouched.
    const byDb = new Map();
    for (const p of planned) for (const op of p.ops) if (op.doc) byDb.set(op.db, [...(byDb.get(op.db) ?? []), op]);
    const order = [...byDb.keys()].sort((a, b) => (a === local ? 1 : 0) - (b === local ? 1 : 0));
    for (const db of order) {
      if (refused) break;
      const ops = byDb.get(db);
      // The index records which properties document it was made from.
      for (const op of ops) if (op.doc.body && WORKLOAD_RECORD.test(op.doc._id)) op.doc.wrev = wrevFor(op.doc._id);
      let results;
      try {
        results = await db.bulkDocs(ops.map((/** @type {any} */ o) => o.doc));
      } catch (e) {
        refused = failure(/** @type {any} */ (e)?.name === 'QuotaExceededError' ? 'QuotaExceeded' : 'Backend', String(/** @type {any} */ (e)?.message ?? e));
        break;
      }
      results.forEach((/** @type {any} */ r, /** @type {number} */ i) => {
        if (r.ok) {
          done.push({ ...ops[i], rev: r.rev });
          revs.set(ops[i].doc, r.rev);
        } else {
          refused ??= r.status === 409 || r.name === 'conflict'
            ? failure('Conflict', `${ops[i].doc._id} changed while it was written`, seamOf(ops[i]))
            : failure('Backend', `${ops[i].doc._id}: ${r.message ?? r.reason ?? r.name}`);
        }
      });
    }
    if (refused) {
      const stuck = await rollBack(done);
      if (stuck.length > 0) refused.message += `; could not put back ${stuck.join(', ')} (repair the workload to recompute its figures)`;
      throw refused;
    }
    return planned.map((p) => (p.write.body === null ? '' : /** @type {string} */ (revs.get(p.ops[0].doc))));

    /** The new revision of the properties document written with `indexId`, or the one it keeps. @param {string} indexId */
    function wrevFor(indexId) {
      const p = planned.find((x) => x.write.id === indexId);
      const props = p?.ops[1];
      if (!props) return null;
      return props.doc ? revs.get(props.doc) ?? null : props.prev?._rev ?? null;
    }
    /** @param {{ doc: any, workloadId: string | null }} op */
    function seamOf(op) {
      return op.workloadId ? seamIdOf(op.workloadId, op.doc._id) ?? `workload/${op.workloadId}` : op.doc._id;
    }
  }

  /**
   * Rebuilds `workload/<id>` in the local database from the workload database's `workload`
   * document (after a replication): the properties from there, the derived figures kept
   * until the engine's repairWorkload recomputes them.
   * @param {string} workloadId
   */
  async function refreshIndex(workloadId) {
    const wdb = await openWorkloadDb(workloadId);
    const props = await current(wdb, 'workload');
    if (!props && await wasDeleted(wdb, 'workload')) {
      await forgetDeleted(workloadId);
      return;
    }
    if (!props?.body) return;
    await register([workloadId]);
    const id = `workload/${workloadId}`;
    const index = await current(local, id);
    if (index?.wrev === props._rev) return;
    const old = index?.body ?? {};
    const { lensVersions = {}, ...properties } = props.body;
    const lensSummaries = { ...old.lensSummaries };
    for (const [alias, lensVersion] of Object.entries(lensVersions)) {
      if (!lensSummaries[alias] || lensSummaries[alias].lensVersion !== lensVersion) lensSummaries[alias] = { lensVersion };
    }
    const body = {
      riskCounts: {}, questionsAnswered: 0, questionCount: 0, milestones: [],
      ...old, ...properties, lensSummaries, updatedAt: old.updatedAt ?? props.updatedAt ?? properties.createdAt,
    };
    await local.put({ _id: id, ...(index ? { _rev: index._rev } : {}), body, wrev: props._rev });
  }

  /**
   * The workload was deleted on another replica (its properties document is a tombstone: only
   * owners may write it): its entry in the workload list and its name claims go too, as they
   * would here. Nothing of the workload's database is touched: documents an edit brought back
   * stay, and the sync panel reports them.
   * @param {string} workloadId
   */
  async function forgetDeleted(workloadId) {
    const index = await current(local, `workload/${workloadId}`);
    const claims = (await allWith(local, 'name/')).filter((/** @type {any} */ d) => d.body?.workloadId === workloadId);
    const gone = [...(index ? [index] : []), ...claims].map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true }));
    if (gone.length > 0) await local.bulkDocs(gone);
  }

  /**
   * Removes the workload from this browser only (a shared workload its user is not an owner
   * of): its database is destroyed, which replicates nothing, so the team's copy keeps every
   * document; its entry in the workload list, its name claims and its registry entry go.
   * @param {string} workloadId
   */
  async function forgetWorkload(workloadId) {
    await (await openWorkloadDb(workloadId)).destroy();
    forgetWorkloadDb(workloadId);
    for (let attempt = 0; ; attempt += 1) {
      const doc = await current(local, REGISTRY);
      known.delete(workloadId);
      if (!doc?.ids?.includes(workloadId)) break;
      try {
        await local.put({ ...doc, ids: doc.ids.filter((/** @type {string} */ id) => id !== workloadId) });
        break;
      } catch (e) {
        if (/** @type {any} */ (e)?.status !== 409 || attempt >= 4) throw e;
      }
    }
    await forgetDeleted(workloadId);
  }

  const store = {
    kind: 'pouchdb',
    local,
    /** @param {string} id */
    async get(id) {
      const { workloadId, docId } = await placeIn(id);
      const doc = await current(workloadId ? await openWorkloadDb(workloadId) : local, docId);
      return doc ? { rev: doc._rev, body: doc.body } : null;
    },
    /** @param {string} prefix */
    async list(prefix) {
      return (await listAll(prefix)).map(({ id, doc }) => ({ id, rev: doc._rev, body: doc.body }));
    },
    /** @param {string} prefix */
    async listRaw(prefix) {
      return (await listAll(prefix)).map(({ id, doc }) => ({ id, stored: rawOf(doc) }));
    },
    commit,
    refreshIndex,
    /**
     * Writes the lens documents the workload's database lacks (./lens-docs.js): for a
     * workload whose reviews started before they existed, before its first push.
     * @param {string} workloadId
     */
    async recordLensVersions(workloadId) {
      const wdb = await openWorkloadDb(workloadId);
      const milestones = (await allWith(wdb, 'milestone:')).map((/** @type {any} */ d) => d.body);
      const docs = await missingLensDocs(local, wdb, usedVersions((await current(local, `workload/${workloadId}`))?.body, milestones), stamp);
      if (docs.length > 0) await wdb.bulkDocs(docs);
    },
    forgetWorkload,
    workloadDb,
    registered,
    /** Whether records were already brought over from `source`. @param {string} source */
    async migratedFrom(source) {
      const doc = await current(local, MIGRATED);
      return doc?.source === source ? doc : null;
    },
    /**
     * Brings records of another store over, as stored, once: `{id, stored}` as listRaw gives
     * them. Intact records keep their bodies (new revisions); damaged ones are carried as
     * they are, so the workspace's damage page shows them. Resolves to the count of documents written or found there from an earlier run.
     * @param {string} source @param {Array<{ id: string, stored: unknown }>} records
     */
    async migrate(source, records) {
      if (await store.migratedFrom(source)) return 0;
      /** @type {Map<any, any[]>} */
      const byDb = new Map();
      const add = (/** @type {any} */ db, /** @type {any} */ doc) => byDb.set(db, [...(byDb.get(db) ?? []), doc]);
      /** @type {string[]} */
      const workloads = [];
      for (const { id } of records) {
        const template = TEMPLATE_RECORD.exec(id);
        if (template) templates.add(template[1]);
      }
      for (const { id, stored } of records) {
        const intact = stored && typeof stored === 'object' && !Array.isArray(stored) && 'body' in stored;
        // PouchDB refuses top-level names starting with `_`: such a record is carried wrapped.
        const plain = stored && typeof stored === 'object' && !Array.isArray(stored) && !Object.keys(stored).some((k) => k.startsWith('_'));
        const { rev: _ignored, ...kept } = plain ? /** @type {any} */ (stored) : { value: stored };
        const place = placeOf(id);
        // The records name every template they carry (read above): no lookup per record.
        const { workloadId, docId } = place.workloadId && templates.has(place.workloadId) ? { workloadId: null, docId: id } : place;
        const whole = WORKLOAD_RECORD.exec(id);
        if (workloadId) {
          add(await openWorkloadDb(workloadId), { _id: docId, ...kept, ...stamp() });
          workloads.push(workloadId);
        } else if (whole && intact && /** @type {any} */ (kept).body && typeof /** @type {any} */ (kept).body === 'object') {
          // Properties into the workload's database; the index made from them by refreshIndex.
          add(await openWorkloadDb(whole[1]), { _id: 'workload', body: propertiesOf(/** @type {any} */ (kept).body), ...stamp() });
          add(local, { _id: id, ...kept, wrev: null });
          workloads.push(whole[1]);
        } else {
          add(local, { _id: id, ...kept });
        }
      }
      await register([...new Set(workloads)]);
      // The databases side by side: creating each one is most of the time a migration takes.
      const counts = await Promise.all([...byDb].map(async ([db, docs]) => {
        // A 409 is a record carried by an earlier, interrupted run: kept as it is.
        const results = await db.bulkDocs(docs);
        const failed = results.filter((/** @type {any} */ r) => r.error && r.status !== 409);
        if (failed.length > 0) throw failure('Backend', `migration: ${failed.map((/** @type {any} */ r) => `${r.id}: ${r.message ?? r.name}`).join('; ')}`);
        return results.filter((/** @type {any} */ r) => r.ok || r.status === 409).length;
      }));
      const carried = counts.reduce((a, b) => a + b, 0);
      // The index's wrev: the properties documents just written.
      await Promise.all([...new Set(workloads)].map(async (workloadId) => {
        const props = await current(await openWorkloadDb(workloadId), 'workload');
        const index = await current(local, `workload/${workloadId}`);
        if (props && index && index.wrev !== props._rev) await local.put({ ...index, wrev: props._rev });
      }));
      await local.put({ _id: MIGRATED, source, at: new Date().toISOString(), records: records.length });
      return carried;
    },
  };
  liveStores.add(store);
  return store;
}
