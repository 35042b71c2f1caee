// The packed package in browser apps made three more ways, each a scratch install of the
// tarball opened in Chromium: webpack 5 (no configuration for the .wasm: it follows the glue's
// `new URL(..., import.meta.url)`), esbuild (the README's recipe: `--loader:.wasm=file`,
// `init({ module_or_path: wasmUrl })` and the package's lenses/ folder copied next to the
// bundle, as esbuild copies no asset), and a page with no build step that loads the package
// folder as `pkg/`. Each app reports, in #result: the error kind of a call made before init,
// the engine version, a workspace round trip over IndexedDB, and a backup (a method of the full
// engine, which the package loads on that call: added with the lean/full split).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import webpack from "webpack";
import { assertClean, openSite } from "../e2e/harness.mjs";
import { manifest, scratchProject } from "./scratch.mjs";

/** The app's module: `source` is where the package comes from, `initArgs` what init gets. */
const appSource = ({ source = "plumbline-review", header = "", initArgs = "" } = {}) => `
import init, { Lens, Workspace, version } from "${source}";
${header}
const result = {};
try {
  Lens.lint("{}");
  result.beforeInit = "no error";
} catch (e) {
  result.beforeInit = e.kind;
}
await init(${initArgs});
result.version = version();
const workspace = await Workspace.open({ storage: "indexeddb" });
await workspace.defineWorkload({
  workloadName: "Bundled", description: "A workload", environment: "PRODUCTION",
  reviewOwner: "ana@example.com", awsRegions: ["eu-west-1"], lenses: ["wellarchitected"],
});
result.workloads = (await workspace.listWorkloads()).map((w) => w.workloadName);
// A method only the full engine has: the package loads it (full/) and runs the call there.
result.backup = JSON.parse(await workspace.exportWorkspace()).workloads.length;
document.getElementById("result").textContent = JSON.stringify(result);
`;

const page = (script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,"></head>
<body><output id="result">loading…</output>${script}</body>
</html>
`;

/** Serves `www` (and `pkg` as pkg/), opens it and checks what the app reported. */
async function assertAppWorks(t, www, pkg = null) {
  const site = await openSite({ www, pkg });
  t.after(site.close);
  await site.page.goto(site.url);
  // The function runs in the page, where `document` exists.
  // eslint-disable-next-line no-undef
  await site.page.waitForFunction(() => document.getElementById("result").textContent.startsWith("{"), null, { timeout: 20_000 })
    .catch(() => {});
  const text = await site.page.textContent("#result");
  assert.deepEqual(JSON.parse(text.startsWith("{") ? text : "{}"), {
    beforeInit: "Uninitialized",
    version: manifest().version,
    workloads: ["Bundled"],
    backup: 1,
  }, `reported: ${text}; problems: ${JSON.stringify(site.problems)}`);
  assertClean(site.problems);
}

test("webpack 5 bundles the package with no configuration for the .wasm", async (t) => {
  const dir = scratchProject("webpack", {
    files: { "src/index.js": appSource(), "dist/index.html": page('<script src="main.js"></script>') },
  });
  const stats = await new Promise((resolve, reject) => {
    webpack({
      context: dir,
      mode: "production",
      entry: "./src/index.js",
      output: { path: join(dir, "dist"), filename: "main.js" },
      performance: { hints: false },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  assert.ok(Object.keys(stats.compilation.assets).some((f) => f.endsWith(".wasm")), "webpack emitted the .wasm");
  await assertAppWorks(t, join(dir, "dist"));
});

test("esbuild bundles the package with --loader:.wasm=file and init({ module_or_path })", async (t) => {
  const dir = scratchProject("esbuild", {
    files: {
      "src/main.js": appSource({
        header: 'import wasmUrl from "plumbline-review/plumbline_bg.wasm";',
        initArgs: "{ module_or_path: wasmUrl }",
      }),
      "dist/index.html": page('<script type="module" src="main.js"></script>'),
    },
  });
  const result = await esbuild({
    absWorkingDir: dir,
    entryPoints: ["src/main.js"],
    bundle: true,
    format: "esm",
    loader: { ".wasm": "file" },
    outdir: "dist",
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  cpSync(join(dir, "node_modules/plumbline-review/lenses"), join(dir, "dist/lenses"), { recursive: true });
  // The full engine, which the package loads on first need, as the npm page says for esbuild.
  cpSync(join(dir, "node_modules/plumbline-review/full"), join(dir, "dist/full"), { recursive: true });
  await assertAppWorks(t, join(dir, "dist"));
});

test("a page with no build step imports the package folder copied next to it as pkg/", async (t) => {
  const dir = scratchProject("no-build", {
    // The app's module is a file next to the page, as a Content-Security-Policy without
    // 'unsafe-inline' (the one our server sends) requires.
    files: {
      "www/index.html": page('<script type="module" src="app.js"></script>'),
      "www/app.js": appSource({ source: "./pkg/plumbline.js" }),
    },
  });
  await assertAppWorks(t, join(dir, "www"), join(dir, "node_modules/plumbline-review"));
});
