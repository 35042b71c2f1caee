// How fast the web app starts, in headless Chromium: navigation → the (empty) workload list
// painted, on a first visit (a fresh profile: nothing cached, no service worker) and on repeat
// visits (the service worker installed), each on loopback and throttled to 40 ms round trip and
// 9 Mbit/s (CDP Network.emulateNetworkConditions), with the number of requests that reached the
// server. The site is what `scripts/serve.mjs` serves by default (the built site when there is
// one, else www/ with pkg/).
//   node scripts/bench/start.mjs            (PLUMBLINE_BENCH_QUICK=1: fewer samples)
//
// A/B: `--ab OLD [NEW]` measures two built sites (NEW defaults to target/site) in alternating
// rounds (OLD then NEW, then NEW then OLD, …), so that what the machine does meanwhile (other
// builds on the same cores) weighs on both alike; it prints each figure of both with its
// median and interquartile range, and the load average before and after.
//   node scripts/bench/start.mjs --ab target/site-main [target/site]   (PLUMBLINE_BENCH_ROUNDS=N)
// PLUMBLINE_BENCH_LOOPBACK_ONLY=1 leaves out the throttled network (a quicker look).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { OUT, QUICK, ROOT, writeResults } from './common.mjs';
import { Recorder, stats } from '../../benches/web/harness.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NETWORKS = [
  { name: 'loopback', conditions: null },
  // 9 Mbit/s both ways, in bytes per second as CDP wants them.
  { name: '40 ms RTT, 9 Mbit/s', conditions: { offline: false, latency: 40, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 } },
].filter((n) => !process.env.PLUMBLINE_BENCH_LOOPBACK_ONLY || !n.conditions);
const FIRST_VISITS = QUICK ? 2 : 5;
const REPEAT_VISITS = QUICK ? 3 : 9;

const rec = new Recorder('chromium');

// In every document: when the workload list (rows or its empty state) is in the DOM, and the
// task after the frame that shows it (painted: the page takes input).
function markListPainted() {
  const mark = { paintedAt: null };
  window.__benchStart = mark;
  let seen = false;
  const check = () => {
    if (seen || !document.querySelector('main .empty, main table tbody tr')) return;
    seen = true;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { mark.paintedAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** Serves a built site (default: the one serve.mjs serves) and counts the requests that reach it. */
async function countingServer(dir) {
  const { startServer } = await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href);
  const site = await startServer({ port: 0, ...(dir ? { site: dir } : {}) });
  const counter = { total: 0, paths: [] };
  site.server.on('request', (req) => {
    counter.total++;
    counter.paths.push(req.url);
  });
  return { ...site, counter };
}

async function launch(conditions) {
  const profile = mkdtempSync(join(tmpdir(), 'plumbline-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(markListPainted);
  const page = context.pages()[0] || (await context.newPage());
  if (conditions) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', conditions);
  }
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One visit: ms from navigation start to the list painted, and the requests the server saw. */
async function visit(page, server) {
  await page.goto('about:blank');
  const before = server.counter.total;
  await page.goto(new URL('#/workloads', server.url).href, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchStart?.paintedAt != null, null, { timeout: 30000, polling: 10 });
  const paintedAt = await page.evaluate(() => window.__benchStart.paintedAt);
  const atPaint = server.counter.total - before;
  // Whatever the visit fetches after the paint (the service worker's install, a background
  // update) counts too: wait until the server has been quiet for a second.
  let last = -1;
  for (let waited = 0; waited < 15000 && last !== server.counter.total; waited += 1000) {
    last = server.counter.total;
    await page.waitForTimeout(1000);
  }
  return { ms: paintedAt, atPaint, total: server.counter.total - before };
}

async function waitForServiceWorker(page) {
  // Bounded: a worker whose install fails never becomes ready, and the run must go on to say so.
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker?.ready.then(() => true),
    new Promise((resolve) => { setTimeout(() => resolve(false), 15000); }),
  ]), null).catch(() => {});
  await page.waitForFunction(() => document.body.dataset.offlineReady === 'true', null, { timeout: 15000 }).catch(() => {});
}

/** `firstVisits` visits each on a fresh profile, then `repeatVisits` on the last one, its service worker installed. */
async function visits(network, server, firstVisits, repeatVisits) {
  const first = [];
  let b = null;
  for (let i = 0; i < firstVisits; i++) {
    await b?.close();
    b = await launch(network.conditions);
    first.push(await visit(b.page, server));
  }
  await waitForServiceWorker(b.page);
  const repeat = [];
  for (let i = 0; i < repeatVisits; i++) repeat.push(await visit(b.page, server));
  await b.close();
  return { first, repeat };
}

/** Records the figures of one network's visits; `site` names the site in an A/B run. */
function record(network, { first, repeat }, site = '') {
  const label = `(${network.name})`;
  const of = site ? `${site}, ` : '';
  rec.add('start', `${of}first visit ${label}: navigation → list painted`, 's', stats(first.map((v) => v.ms / 1000)),
    { aim: network.conditions ? '' : '≤400 ms', note: 'fresh profile, empty workspace' });
  rec.add('start', `${of}repeat visit ${label}: navigation → list painted`, 's', stats(repeat.map((v) => v.ms / 1000)),
    { aim: network.conditions ? '' : '≤200 ms', note: 'same profile, service worker installed' });
  rec.add('start', `${of}first visit ${label}: requests before the list is painted`, 'requests', stats(first.map((v) => v.atPaint)));
  rec.add('start', `${of}first visit ${label}: requests in all`, 'requests', stats(first.map((v) => v.total)),
    { note: 'until the server has been quiet for 1 s (service worker install included)' });
  rec.add('start', `${of}repeat visit ${label}: requests in all`, 'requests', stats(repeat.map((v) => v.total)));
}

/** Both sites, round after round, the order swapped every round; then the figures of each. */
async function abRun(dirs) {
  const rounds = Number(process.env.PLUMBLINE_BENCH_ROUNDS) || (QUICK ? 2 : 4);
  const servers = [];
  try {
    for (const dir of dirs) servers.push(await countingServer(dir));
    const before = loadavg();
    for (const network of NETWORKS) {
      const got = dirs.map(() => ({ first: [], repeat: [] }));
      try {
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? [0, 1] : [1, 0];
          for (const i of order) {
            const { first, repeat } = await visits(network, servers[i], 2, 3);
            got[i].first.push(...first);
            got[i].repeat.push(...repeat);
          }
        }
        dirs.forEach((dir, i) => record(network, got[i], i === 0 ? `A ${dir}` : `B ${dir}`));
      } catch (e) {
        rec.skip(`start (${network.name})`, `failed: ${e.message.split('\n')[0]}`);
      }
    }
    const after = loadavg();
    const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`load average (1, 5, 15 min): ${load(before)} before, ${load(after)} after`);
    return { loadBefore: before, loadAfter: after, rounds };
  } finally {
    for (const server of servers) await server.close();
  }
}

const ab = process.argv.indexOf('--ab');
if (ab >= 0) {
  const dirs = [process.argv[ab + 1], process.argv[ab + 2] ?? join(ROOT, 'target', 'site')];
  if (!dirs[0]) throw new Error('--ab OLD [NEW]: the folders of two built sites');
  const meta = await abRun(dirs.map((d) => resolve(d)));
  // Not among the results BENCHMARKS.md is written from (a run there measures one commit).
  const out = join(OUT, 'ab');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'chromium-start.json'), `${JSON.stringify({ ...rec.toJSON(), ab: { sites: dirs, ...meta } }, null, 2)}\n`);
  console.log(`results: ${join(out, 'chromium-start.json')}`);
} else {
  const server = await countingServer();
  try {
    for (const network of NETWORKS) {
      try {
        record(network, await visits(network, server, FIRST_VISITS, REPEAT_VISITS));
      } catch (e) {
        rec.skip(`start (${network.name})`, `failed: ${e.message.split('\n')[0]}`);
      }
    }
  } finally {
    await server.close();
  }
  console.log(`results: ${writeResults('chromium-start', { ...rec.toJSON() })}`);
}
