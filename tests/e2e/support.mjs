// Test support for the web app's end-to-end tests, on top of the shared harness
// (harness.mjs, scripts/serve.mjs): a server per test, Chromium on a fresh profile (or a
// given one, to test a browser restart), and helpers to drive the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer as serve } from '../../scripts/serve.mjs';
import { CHROMIUM, watch } from './harness.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');

/**
 * Serves the built site (target/site/) at `prefix` on a free port: {url, origin, close}. With
 * `dev`, www/ + pkg/ as they are: for tests that import the app's own modules (api.js), which
 * the built site has only inside its bundle.
 */
export async function startServer({ prefix = '/', dev = false } = {}) {
  const server = await serve({ port: 0, base: prefix, dev });
  return { url: server.url, origin: new URL(server.url).origin, close: () => server.close() };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-e2e-'));
}

/** A headless Chromium on `profile` (a fresh one by default). */
export async function launch({ profile = freshProfile(), viewport = { width: 1280, height: 900 }, ...opts } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
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
    // Console errors, page errors, failed requests, error responses, other origins (harness).
    problems: watch(browser.context, server.origin),
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

/**
 * Through the UI: selects every best practice of `questionId`, types `notes`, saves and exits,
 * then saves a milestone named `milestone`. Ends on the workload's milestones page.
 */
export async function answerAndSaveMilestone(page, url, id, { questionId, choices, notes, milestone }) {
  await openApp(page, url, `#/workloads/${id}/lenses/wellarchitected/review/${questionId}`);
  for (const c of choices) await page.locator(`input[data-choice="${c}"]`).check();
  await page.getByRole('textbox', { name: 'Notes – optional' }).fill(notes);
  await page.getByRole('button', { name: 'Save and exit' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await page.getByRole('dialog').getByLabel('Milestone name').fill(milestone);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await waitForView(page, /\/milestones$/);
}
