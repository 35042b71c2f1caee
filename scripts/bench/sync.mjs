// Team sync figures (nothing asserted): one-shot push and pull between a local PouchDB
// memory database in Node and the CouchDB-protocol test server (scripts/couch-server.mjs, its
// own process, on 127.0.0.1), as a contributor logged in through `_session` with the design
// document's rules in force. Inputs, in the document shapes of ../shared/docs/sync.md:
// - 1,000 answer documents (`answer:<lens>:<question>`);
// - a fully answered 3-lens workload: `workload`, an answer per question and lens notes and
//   pillar notes for the framework and serverless lenses (lenses/*.json) and a generated
//   60-question custom lens, plus that lens's `lens:<alias>@<version>` document;
// - a sync of 2 changed answers once both sides are up to date.
// Each sample uses a fresh server database and fresh local databases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { CouchAdmin } from '../../sync/admin.mjs';
import { logIn } from '../../www/sync/session.js';
import { spawnCouchServer } from '../couch-server.mjs';
import { benchAsync, Recorder } from '../../benches/web/harness.mjs';
import { QUICK, ROOT, writeResults } from './common.mjs';

const Pouch = PouchDB.plugin(memory).plugin(http).plugin(replication);
const rec = new Recorder('sync');
const hex = (n) => n.toString(16).padStart(32, '0');
let serial = 0;

/** A generated custom lens: 6 pillars × 10 questions, 5 choices each. */
function generatedLens() {
  const pillars = Array.from({ length: 6 }, (_, p) => ({
    id: `pillar${p}`,
    name: `Pillar ${p}`,
    questions: Array.from({ length: 10 }, (_, q) => ({
      id: `p${p}q${q}`,
      title: `Question ${q} of pillar ${p}`,
      choices: Array.from({ length: 5 }, (_, c) => ({ id: `p${p}q${q}_c${c}`, title: `Choice ${c}` })),
    })),
  }));
  return { schemaVersion: '2021-11-01', name: 'Generated', description: 'bench', pillars };
}

/** The documents of a fully answered workload on the given lenses (sync.md's shapes). */
function workloadDocuments(lenses, author) {
  const at = new Date().toISOString();
  const stamp = { updatedBy: author, updatedAt: at };
  const docs = [{ _id: 'workload', workloadName: 'Bench', lenses: lenses.map((l) => l.alias), ...stamp }];
  for (const { alias, lens, custom } of lenses) {
    if (custom) docs.push({ _id: `lens:${alias}@1`, lens, ...stamp });
    docs.push({ _id: `notes:${alias}`, notes: `Notes of ${alias}`, ...stamp });
    for (const pillar of lens.pillars) {
      docs.push({ _id: `notes:${alias}:${pillar.id}`, notes: `Notes of ${pillar.id}`, ...stamp });
      for (const q of pillar.questions) {
        const choices = (q.choices || []).map((c) => c.id);
        docs.push({
          _id: `answer:${alias}:${q.id}`,
          selectedChoices: choices.slice(0, Math.max(1, choices.length >> 1)),
          choiceUpdates: {},
          isApplicable: true,
          notes: `Answered for the benchmark (${q.id}).`,
          ...stamp,
        });
      }
    }
  }
  return docs;
}

const thousandAnswers = (author) => Array.from({ length: 1000 }, (_, i) => ({
  _id: `answer:bench:q${String(i).padStart(4, '0')}`,
  selectedChoices: [`q${i}_a`, `q${i}_b`],
  choiceUpdates: {},
  isApplicable: true,
  notes: '',
  updatedBy: author,
  updatedAt: new Date().toISOString(),
}));

const server = await spawnCouchServer();
try {
  const admin = new CouchAdmin({ url: server.url, ...server.admin });
  const user = { name: 'bench', password: 'bench-password' };
  await admin.putUser(user.name, user.password);

  /** A fresh shared workload on the server, with the user as its owner. */
  async function freshWorkload() {
    serial += 1;
    const workloadId = hex(serial + Date.now() * 1000);
    await admin.putWorkloadDatabase(workloadId);
    await admin.grant(user.name, workloadId, 'owner');
    const s = await logIn(server.url, user.name, user.password); // roles as of now
    return new Pouch(`${server.url}/plumbline-wl-${workloadId}`, { fetch: s.fetch, skip_setup: true });
  }
  const local = () => new Pouch(`bench-${process.pid}-${(serial += 1)}`, { adapter: 'memory' });

  const lensFile = (name) => JSON.parse(readFileSync(join(ROOT, 'lenses', `${name}.json`), 'utf8'));
  const threeLenses = workloadDocuments([
    { alias: 'wellarchitected', lens: lensFile('wellarchitected') },
    { alias: 'serverless', lens: lensFile('serverless') },
    { alias: 'generated', lens: generatedLens(), custom: true },
  ], user.name);
  const inputs = [
    ['1,000 answer documents', thousandAnswers(user.name)],
    [`a fully answered 3-lens workload (${threeLenses.length} documents)`, threeLenses],
  ];
  const cfg = { warmup: 1, samples: QUICK ? 3 : 7, budget: QUICK ? 10_000 : 40_000 };

  for (const [label, docs] of inputs) {
    const bytes = Buffer.byteLength(JSON.stringify(docs));
    const note = `${docs.length} documents, ${(bytes / 1024).toFixed(0)} KiB of JSON`;
    const push = await benchAsync(cfg, async () => {
      const [source, target] = [local(), await freshWorkload()];
      await source.bulkDocs(docs.map((d) => ({ ...d })));
      const t = performance.now();
      const r = await Pouch.replicate(source, target);
      const took = performance.now() - t;
      if (r.doc_write_failures > 0) throw new Error(`push refused ${r.doc_write_failures} documents: ${JSON.stringify(r.errors[0])}`);
      await source.destroy();
      return took;
    });
    rec.add('sync', `push of ${label}`, 's', push, { note });
    const filled = await freshWorkload();
    await filled.bulkDocs(docs.map((d) => ({ ...d })));
    const pull = await benchAsync(cfg, async () => {
      const target = local();
      const r = await Pouch.replicate(filled, target);
      // The design document comes along too.
      if (r.docs_written < docs.length) throw new Error(`pulled ${r.docs_written} of ${docs.length} documents`);
      await target.destroy();
      return r;
    });
    rec.add('sync', `pull of ${label}`, 's', pull, { note });
  }

  // Two changed answers on an up-to-date replica of the 3-lens workload, pushed.
  const remote = await freshWorkload();
  const replica = local();
  await replica.bulkDocs(threeLenses.map((d) => ({ ...d })));
  await Pouch.replicate(replica, remote);
  const answers = threeLenses.filter((d) => d._id.startsWith('answer:')).map((d) => d._id);
  let round = 0;
  const small = await benchAsync(cfg, async () => {
    round += 1;
    for (const id of answers.slice(round * 2, round * 2 + 2)) {
      const doc = await replica.get(id);
      await replica.put({ ...doc, notes: `changed in round ${round}`, updatedAt: new Date().toISOString() });
    }
    return Pouch.replicate(replica, remote);
  });
  rec.add('sync', 'push of 2 changed answers to an up-to-date server database', 's', small);
} catch (e) {
  rec.skip('team sync', e instanceof Error ? e.message : String(e));
} finally {
  await server.close();
}
console.log(`results: ${writeResults('sync', rec.toJSON())}`);
