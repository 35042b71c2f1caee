// The packed package in an application built with a bundler (Vite): `import init, { version }
// from "plumbline-review"` must resolve to the web entry, the .wasm must come out as an asset, and
// the built app must load the engine in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { assertClean, openSite, waitForText } from "../e2e/harness.mjs";
import { createRequire } from "node:module";

const manifest = createRequire(import.meta.url)("plumbline-review/package.json");
const app = fileURLToPath(new URL("fixtures/vite-app/", import.meta.url));
const outDir = fileURLToPath(new URL("../../target/vite-app/", import.meta.url));

test("a Vite app bundles the package and loads the engine in the browser", async (t) => {
  await build({
    root: app,
    configFile: false,
    logLevel: "warn",
    base: "./",
    build: { outDir, emptyOutDir: true },
  });
  const assets = readdirSync(`${outDir}/assets`);
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `a .wasm asset among ${assets}`);

  const site = await openSite({ www: outDir, pkg: null });
  t.after(site.close);
  await site.page.goto(site.url);
  await waitForText(site.page, "#engine-version", manifest.version);
  await waitForText(site.page, "#disposed", "Disposed,Disposed");
  assertClean(site.problems);
});
