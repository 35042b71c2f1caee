// The packed package in an application built with a bundler (Vite): `import init, { version }
// from "plumbline-review"` must resolve to the web entry, the .wasm must come out as an asset,
// and the built app, served by `vite preview`, must load the engine in Chromium, once for the
// page and a module worker together (the worker gets the compiled module, with
// `worker.format: "es"` as the README says), and refuse calls made before `init()`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";
import { assertClean, launchBrowser, waitForText, watch } from "../e2e/harness.mjs";
import { createRequire } from "node:module";

const manifest = createRequire(import.meta.url)("plumbline-review/package.json");
const app = fileURLToPath(new URL("fixtures/vite-app/", import.meta.url));
const outDir = fileURLToPath(new URL("../../target/vite-app/", import.meta.url));

test("a Vite app bundles the package, and vite preview serves it to Chromium with a module worker", async (t) => {
  const config = {
    root: app,
    configFile: false,
    logLevel: "warn",
    base: "./",
    build: { outDir, emptyOutDir: true },
    worker: { format: "es" },
  };
  await build(config);
  const assets = readdirSync(`${outDir}/assets`);
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `a .wasm asset among ${assets}`);
  for (const alias of ["wellarchitected", "serverless"]) {
    assert.ok(assets.some((f) => f.startsWith(`${alias}-`) && f.endsWith(".json")), `the shipped lens ${alias} among ${assets}`);
  }

  const server = await preview({ ...config, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  t.after(() => server.close());
  const url = server.resolvedUrls.local[0];
  const browser = await launchBrowser();
  t.after(browser.close);
  const problems = watch(browser.context, new URL(url).origin);
  const wasmFetches = [];
  browser.context.on("request", (req) => {
    if (req.url().endsWith(".wasm")) wasmFetches.push(req.url());
  });
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForText(page, "#uninitialized", "Uninitialized");
  await waitForText(page, "#engine-version", manifest.version);
  await waitForText(page, "#disposed", "Uninitialized,Disposed,Disposed");
  await waitForText(page, "#worker", "indexeddb: From a worker");
  assert.equal(wasmFetches.length, 1, `the engine is fetched once: ${wasmFetches}`);
  assertClean(problems);
});
