// Shared helpers for browser tests: serve a site on a free port, drive Debian's Chromium with
// playwright-core in a fresh profile, and record everything that must not happen on a page.
//
//   const s = await openSite();          // or openSite({ base: "/tools/plumbline/" })
//   t.after(s.close);
//   await s.page.goto(s.url);
//   ...
//   assertClean(s.problems);
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = new URL("../../", import.meta.url);

// Debian's package; playwright's own browser download cannot reach its host from our machines.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

// Root needs --no-sandbox. The rest keep Chromium off the network: these machines refuse
// outside connections, and a test must see only the requests the page itself makes.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The crate version from Cargo.toml: what the engine must report. */
export function cargoVersion() {
  const cargo = readFileSync(new URL("Cargo.toml", ROOT), "utf8");
  const table = cargo.split(/^\[/m).find((t) => t.startsWith("package]"));
  return table.match(/^version\s*=\s*"([^"]+)"/m)[1];
}

/**
 * Launches Chromium headless on a new, empty profile directory, so no test sees another's
 * IndexedDB or localStorage. `close()` also deletes the profile.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "plumbline-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  return {
    context,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records, for every page of the context: console errors, uncaught exceptions, failed requests,
 * responses with status ≥ 400, and requests to any origin but `origin` (data: and blob: URLs
 * stay inside the page and are allowed).
 */
export function watch(context, origin) {
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [], foreignRequests: [] };
  context.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg.text());
  });
  context.on("weberror", (err) => problems.pageErrors.push(String(err.error())));
  context.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) {
      problems.foreignRequests.push(req.url());
    }
  });
  context.on("requestfailed", (req) => problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  context.on("response", (res) => {
    if (res.status() >= 400) problems.errorResponses.push(`${res.status()} ${res.url()}`);
  });
  return problems;
}

/** Fails with the full list when anything went wrong on the page. */
export function assertClean(problems) {
  assert.deepEqual(problems, {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    foreignRequests: [],
  });
}

/**
 * Serves a site (by default www/ + pkg/ of this checkout; see scripts/serve.mjs for the
 * options) on a free port and opens a browser on a fresh profile with one watched page.
 * Resolves to `{ url, page, context, problems, close }`; `url` includes the base path.
 */
export async function openSite(serverOptions = {}) {
  const server = await startServer({ ...serverOptions, port: 0 });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const problems = watch(browser.context, new URL(server.url).origin);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    url: server.url,
    page,
    context: browser.context,
    problems,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the element's trimmed text equals `expected`, then returns it; on timeout,
 * fails showing the text it had, which says far more than a bare timeout.
 */
export async function waitForText(page, selector, expected, timeout = 15_000) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      [selector, expected],
      { timeout },
    );
  } catch {
    // Falls through to a failing comparison with the text actually shown.
  }
  const actual = await page.evaluate((sel) => document.querySelector(sel)?.textContent.trim() ?? null, selector);
  assert.equal(actual, expected, `text of ${selector}`);
  return actual;
}
