// Workspace measurements in the browser (IndexedDB, localStorage, and the app's PouchDB store
// www/sync/pouch-store.js, which scripts/bench/browser.mjs stages under sync/), run inside the bench page
// (benches/web/index.html) by scripts/bench/browser.mjs, one step per page.evaluate call so that
// the driver can print progress and stay under Playwright's timeouts.
//
// Workloads are seeded through the public JS API (defineWorkload + updateAnswer). Past the run's
// API seeding count, `cloneToCount` copies the API-made records at the storage level with new
// ids and names — the layout documented in src/store/indexeddb.rs, src/store/localstorage.rs
// and src/workload/keys.rs, name claims included — and the report says so.
import { stats } from './harness.mjs';

const LENS = 'wellarchitected';
const now = () => performance.now();

// A small deterministic generator so every run seeds the same answers.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function workloadName(i) {
  return `Bench workload ${String(i).padStart(5, '0')}`;
}

function workloadInput(i) {
  return {
    workloadName: workloadName(i),
    description: `Benchmark workload number ${i}, seeded through the public API.`,
    environment: i % 3 === 0 ? 'PREPRODUCTION' : 'PRODUCTION',
    reviewOwner: `Owner ${i % 17}`,
    awsRegions: ['us-east-1'],
  };
}

/** Question ids and their ordinary choices of the framework lens, from the workspace. */
async function questionsOf(ws) {
  const lens = await ws.lens(LENS);
  const model = lens.toJSON();
  lens.free?.();
  return model.pillars.flatMap((p) =>
    p.questions.map((q) => ({ id: q.id, choices: q.choices.map((c) => c.id).filter((id) => !id.endsWith('_no')) })));
}

function randomUpdate(q, r) {
  const selectedChoices = q.choices.filter(() => r() < 0.5);
  if (selectedChoices.length === 0) selectedChoices.push(q.choices[Math.floor(r() * q.choices.length)]);
  return { selectedChoices };
}

/**
 * `Workspace.open`'s options for `storage`: "pouchdb" is the app's PouchDB store, its local
 * database named `name` (a new store object each time, as a page load makes; the PouchDB
 * databases themselves stay open in the page, as PouchDB keeps them).
 */
async function openOptions(storage, name) {
  if (storage !== 'pouchdb') return { storage, name };
  const { openPouchStore } = await import('./sync/pouch-store.js');
  return { store: await openPouchStore({ name }) };
}

export async function open(Workspace, storage, name) {
  return Workspace.open(await openOptions(storage, name));
}

/**
 * Seeds workloads `from`..`to`-1 through the API, `answers` answered questions each, `batch`
 * defineWorkload calls in flight at once. Returns per-call times (seconds) for the report.
 */
export async function seed(ws, { from, to, answers = 2, batch = 1, seed: s = 1 }) {
  const qs = await questionsOf(ws);
  const r = rng(s + from);
  const defineTimes = [];
  const answerTimes = [];
  for (let i = from; i < to; i += batch) {
    const ids = await Promise.all(
      Array.from({ length: Math.min(batch, to - i) }, async (_, k) => {
        const t = now();
        const w = await ws.defineWorkload(workloadInput(i + k));
        defineTimes.push((now() - t) / 1000);
        return w.workloadId;
      }),
    );
    for (const id of ids) {
      for (let a = 0; a < answers; a++) {
        const q = qs[Math.floor(r() * qs.length)];
        const t = now();
        await ws.updateAnswer(id, LENS, q.id, randomUpdate(q, r));
        answerTimes.push((now() - t) / 1000);
      }
    }
  }
  return { define: defineTimes.length ? stats(defineTimes) : null, answer: answerTimes.length ? stats(answerTimes) : null };
}

// ---- storage-level copies ----------------------------------------------------------------------

function idbRequest(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function idbOpen(name) {
  return idbRequest(indexedDB.open(name));
}

function hexId(r) {
  let s = '';
  for (let i = 0; i < 32; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

/** Every document of the workspace, as [id, value] ({rev, body}), from the storage itself. */
async function readAll(storage, name) {
  if (storage === 'indexeddb') {
    const db = await idbOpen(name);
    const tx = db.transaction('docs', 'readonly');
    const store = tx.objectStore('docs');
    const [keys, values] = await Promise.all([idbRequest(store.getAllKeys()), idbRequest(store.getAll())]);
    db.close();
    return keys.map((k, i) => [k, values[i]]);
  }
  const prefix = `plumbline/${name}/`;
  const out = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith(prefix)) out.push([key.slice(prefix.length), JSON.parse(localStorage.getItem(key))]);
  }
  return out;
}

/**
 * Copies the API-seeded workloads (with their reviews, answers and name claims) at the storage level until the
 * workspace holds `count` workloads; copy k of workload i gets a new id and the name of workload
 * `i + k·seeded`. Returns the number of workloads stored (localStorage may fill up first).
 */
export async function cloneToCount(storage, name, count) {
  const docs = await readAll(storage, name);
  const byWorkload = new Map();
  for (const [id, value] of docs) {
    const m = /^(workload|review|answer|milestone)\/([0-9a-f]{32})(\/|$)/.exec(id);
    if (!m) continue;
    if (!byWorkload.has(m[2])) byWorkload.set(m[2], []);
    byWorkload.get(m[2]).push([id, value]);
  }
  const sources = [...byWorkload.values()].filter((d) => d.some(([id]) => id.startsWith('workload/')));
  const have = sources.length;
  const r = rng(count);
  const plan = [];
  for (let n = have; n < count; n++) {
    const group = sources[n % have];
    const workload = group.find(([id]) => id.startsWith('workload/'))[1].body;
    const oldId = workload.workloadId;
    const newId = hexId(r);
    const oldName = JSON.stringify(workload.workloadName);
    const newName = JSON.stringify(workloadName(n));
    const copies = group.map(([id, value]) => [
      id.replace(oldId, newId),
      JSON.parse(JSON.stringify(value).replaceAll(oldId, newId).replaceAll(oldName, newName)),
    ]);
    // The copy's name claim (storage layout 2, src/workload/keys.rs): keyed by the name without
    // case or whitespace, so that the copies stay unique names for defineWorkload.
    const key = workloadName(n).replace(/\s+/g, '').toLowerCase().replaceAll('%', '%25').replaceAll('/', '%2F');
    copies.push([`name/${key}`, { rev: '1-copy', body: { workloadId: newId, workloadName: workloadName(n) } }]);
    plan.push(copies);
  }
  let stored = have;
  if (storage === 'indexeddb') {
    const db = await idbOpen(name);
    for (let i = 0; i < plan.length; i += 500) {
      const tx = db.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      for (const group of plan.slice(i, i + 500)) for (const [id, value] of group) store.put(value, id);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      stored += Math.min(500, plan.length - i);
    }
    db.close();
    return { stored, copied: stored - have };
  }
  const prefix = `plumbline/${name}/`;
  for (const group of plan) {
    const written = [];
    try {
      for (const [id, value] of group) {
        localStorage.setItem(prefix + id, JSON.stringify(value));
        written.push(prefix + id);
      }
    } catch (e) {
      // Quota: take back the half-copied workload and stop.
      for (const key of written) localStorage.removeItem(key);
      return { stored, copied: stored - have, full: `${e.name}: ${e.message}` };
    }
    stored++;
  }
  return { stored, copied: stored - have };
}

/** Characters the workspace occupies in localStorage (keys + values), and in all of it. */
export function localStorageUse(name) {
  const prefix = `plumbline/${name}/`;
  let mine = 0;
  let all = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    const n = key.length + localStorage.getItem(key).length;
    all += n;
    if (key.startsWith(prefix)) mine += n;
  }
  return { mine, all };
}

// ---- measurements ------------------------------------------------------------------------------

async function sample(samples, f) {
  const values = [];
  for (let s = 0; s < samples; s++) {
    const t = now();
    await f(s);
    values.push((now() - t) / 1000);
  }
  return values;
}

/**
 * The figures at the current size: open+list (a fresh Workspace each time), list alone,
 * dashboard, and updateAnswer latencies (p50/p95 over `updates` calls).
 */
export async function measure(Workspace, storage, name, { samples = 9, updates = 60, warmup = 1 } = {}) {
  const out = {};
  let count = 0;
  // open + listWorkloads, from nothing, as a page load does.
  for (let w = 0; w < warmup; w++) {
    const ws = await Workspace.open(await openOptions(storage, name));
    count = (await ws.listWorkloads()).length;
    ws.close();
    ws.free?.();
  }
  const openTimes = [];
  const openList = await sample(samples, async () => {
    const t = now();
    const ws = await Workspace.open(await openOptions(storage, name));
    openTimes.push((now() - t) / 1000);
    const rows = await ws.listWorkloads();
    count = rows.length;
    ws.close();
    ws.free?.();
  });
  out.openList = stats(openList);
  out.open = stats(openTimes);
  out.count = count;

  const ws = await Workspace.open(await openOptions(storage, name));
  for (let w = 0; w < warmup; w++) await ws.listWorkloads();
  out.list = stats(await sample(samples, () => ws.listWorkloads()));
  for (let w = 0; w < warmup; w++) await ws.dashboard();
  let dash = null;
  out.dashboard = stats(await sample(samples, async () => { dash = await ws.dashboard(); }));
  out.dashboardWorkloads = dash?.totals?.workloads ?? dash?.workloads?.length ?? null;

  const rows = await ws.listWorkloads();
  const qs = await questionsOf(ws);
  const r = rng(updates + count);
  const times = [];
  for (let u = 0; u < updates + Math.max(warmup, 1); u++) {
    const w = rows[Math.floor(r() * rows.length)];
    const q = qs[Math.floor(r() * qs.length)];
    const t = now();
    await ws.updateAnswer(w.workloadId, LENS, q.id, randomUpdate(q, r));
    if (u >= Math.max(warmup, 1)) times.push((now() - t) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  out.updateAnswer = { ...stats(times), p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] };
  ws.close();
  ws.free?.();
  return out;
}

/** Deletes the workspace's data (every storage, the PouchDB store's databases too), for a clean start. */
export async function wipe(name) {
  const pouch = ((await indexedDB.databases?.()) ?? []).map((d) => d.name)
    .filter((n) => n === `_pouch_${name}` || n.startsWith('_pouch_plumbline-w-'));
  for (const db of [name, ...pouch]) {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(db);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
  }
  const prefix = `plumbline/${name}/`;
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith(prefix)) keys.push(localStorage.key(i));
  for (const k of keys) localStorage.removeItem(k);
}
