// Test support for the web app's end-to-end tests: a static server (www/ at the prefix,
// pkg/ under it at pkg/), a Chromium launcher with a fresh profile per test, and helpers.
// While www/engine.js (the wasm boundary) has not landed, the server answers /engine.js with
// tests/e2e/fake/engine.js, a JS stand-in that follows the same API contract.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = path.join(ROOT, 'www');
const PKG = path.join(ROOT, 'pkg');
const FAKE = path.join(ROOT, 'tests/e2e/fake/engine.js');
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
// PLUMBLINE_ENGINE_JS: serve that file as /engine.js (to try an engine.js from another branch).
const ENGINE_OVERRIDE = process.env.PLUMBLINE_ENGINE_JS ? path.resolve(process.env.PLUMBLINE_ENGINE_JS) : null;
export const usingFakeEngine = !ENGINE_OVERRIDE && !fs.existsSync(path.join(WWW, 'engine.js'));
if (usingFakeEngine) console.log('# www/engine.js is missing: the e2e tests use tests/e2e/fake/engine.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

function resolveFile(rel) {
  if (rel.startsWith('pkg/')) return path.join(PKG, rel.slice(4));
  if (ENGINE_OVERRIDE && rel === 'engine.js') return ENGINE_OVERRIDE;
  if (usingFakeEngine && rel === 'engine.js') return FAKE;
  if (usingFakeEngine && rel.startsWith('__fake/lenses/')) return path.join(ROOT, 'lenses', path.basename(rel));
  return path.join(WWW, rel === '' ? 'index.html' : rel);
}

/** Starts the server on 127.0.0.1 at a free port. prefix: where the app lives ("/" or "/a/b/"). */
export async function startServer({ prefix = '/' } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = pathname.slice(prefix.length);
    const file = resolveFile(rel);
    const base = rel.startsWith('pkg/') ? PKG
      : ENGINE_OVERRIDE && rel === 'engine.js' ? path.dirname(ENGINE_OVERRIDE)
        : usingFakeEngine && (rel === 'engine.js' || rel.startsWith('__fake/')) ? ROOT : WWW;
    if (!path.resolve(file).startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-e2e-'));
}

/** A headless Chromium on `profile` (a fresh one by default). */
export async function launch({ profile = freshProfile(), viewport = { width: 1280, height: 900 }, ...opts } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...opts,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  return { context, page, profile, errors };
}

/** Opens the app and waits for the first view to be rendered. */
export async function openApp(page, url, route = '#/workloads') {
  if (page.url() === url + route) await page.reload();
  else await page.goto(url + route);
  const want = route.startsWith('#') ? route.slice(1) : null;
  await page.waitForFunction((w) => (w ? document.body.dataset.rendered === w : document.body.dataset.rendered !== undefined), want, { timeout: 20000 });
}

/** Waits until the view for `path` (e.g. "/workloads") is on screen. */
export async function waitForView(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.body.dataset.rendered || ''), pattern.source ?? pattern, { timeout: 15000 });
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs axe-core on the page; returns its violations (id, impact, help, targets). */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` and, when `name` is
 * given, its accessible text (aria-label, label or text) contains `name`. Returns that text.
 */
export async function tabTo(page, selector, { name, max = 250, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate(({ selector, name }) => {
      const el = document.activeElement;
      if (!el || !el.matches(selector)) return null;
      const text = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '').trim();
      return !name || text.includes(name) ? text || el.tagName : null;
    }, { selector, name });
    if (hit !== null) return hit;
  }
  throw new Error(`tabTo: no focus on ${selector}${name ? ` "${name}"` : ''} after ${max} presses`);
}

/** Types text with keyboard.press only, one key at a time. */
export async function pressText(page, text) {
  for (const ch of text) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
}

export function rmProfile(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Server + browser for one test; `done()` closes both and removes the profile. */
export async function session(opts = {}) {
  const server = await startServer(opts.server);
  const browser = await launch(opts.browser);
  return {
    server,
    ...browser,
    async done() {
      await browser.context.close().catch(() => {});
      await server.close().catch(() => {});
      if (!opts.keepProfile) rmProfile(browser.profile);
    },
  };
}

/** Defines a workload through the form (the minimum fields) and returns its id. */
export async function defineWorkloadUI(page, url, { name, description = 'Customer-facing website for retail order processing', owner = 'Ana Carolina Silva', regions = ['us-east-1'], lenses = [] } = {}) {
  await openApp(page, url, '#/workloads/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Review owner').fill(owner);
  await page.getByLabel('Production', { exact: true }).check();
  for (const r of regions) await page.locator(`input[name="awsRegions"][value="${r}"]`).check();
  for (const l of lenses) await page.locator(`input[name="lenses"][value="${l}"]`).check();
  await page.getByRole('button', { name: 'Define workload' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
  return (await page.evaluate(() => document.body.dataset.rendered)).split('/')[2];
}
