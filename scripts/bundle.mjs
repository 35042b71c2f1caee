// Builds the site a static host serves, target/site/, from www/ and pkg/ (scripts/build.sh runs
// it after pkg/ is built; `node scripts/serve.mjs` serves the result):
// - app.js and lint-worker.js: www/app.js and the lint worker, each bundled with everything it
//   imports (esbuild), so the page starts with two requests instead of a waterfall of ~50
//   modules; the engine's glue comes in too, with its `import.meta.url` pointed at pkg/ so the
//   .wasm and the lens files are found where they were;
// - sync/pouch.js and sync/pouch-replication.js: the browser's PouchDB (www/sync/pouch.js, core +
//   IndexedDB adapter, which the app's store loads at start) and what only team sync needs
//   (www/sync/pouch-replication.js, HTTP adapter + replication, loaded on demand), with their npm
//   parts, built together so that what both use is one shared chunk (sync/chunk-*.js); a page
//   module imports them at run time (`import('./pouch.js')`), each at a fixed name; the service
//   worker keeps them for offline use;
// - index.html without the development-only preloads of unbundled modules; styles.css minified
//   (esbuild: -1.4 KiB gzip); _headers and every other non-module file of www/ as they are;
// - pkg/: the browser's part of the package, the lean engine (.wasm), the full engine with its
//   glue (pkg/full/, loaded on the first call that needs it) and the shipped lenses;
// - sw.js: www/sw.js with this build's id and the list of every file with its content hash,
//   so the service worker serves them cache-first and downloads only what changed; minified,
//   as every browser fetches it on every start (-1.0 KiB gzip).
// www/ itself stays runnable without this (`node scripts/serve.mjs --dev`).
//
//   node scripts/bundle.mjs [OUT]     (default target/site)
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transformSync } from "esbuild";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const WWW = join(ROOT, "www");
const PKG = join(ROOT, "pkg");

// What the development page preloads because it loads modules one by one; the bundle has them.
const DEV_ONLY = /\s*<!-- dev-only -->[\s\S]*?<!-- \/dev-only -->/;

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * Resolves the app's `./pkg/…` imports to the built package, as the dev server maps them. The
 * browser entry (pkg/plumbline.js) and the lean glue (pkg/lean.js) come into the bundle; the
 * full engine's glue, which the entry imports on first need, stays a module of its own at
 * pkg/full/plumbline.js (copied there with its engine), so the page never downloads it at start.
 */
function packagePlugin(pkg) {
  const bundled = new Set(["plumbline.js", "lean.js"].map((name) => join(pkg, name)));
  const fullGlue = join(pkg, "full", "plumbline.js");
  return {
    name: "plumbline-pkg",
    setup(b) {
      b.onResolve({ filter: /^\.\/pkg\// }, (args) =>
        args.resolveDir === WWW
          ? { path: join(pkg, args.path.slice("./pkg/".length)) }
          : undefined);
      // Relative to the bundle (the site root, where every chunk is).
      b.onResolve({ filter: /^\.\/full\/plumbline\.js$/ }, (args) =>
        resolve(args.resolveDir, args.path) === fullGlue ? { path: "./pkg/full/plumbline.js", external: true } : undefined);
      // Inside the bundle, import.meta.url is the bundle's URL (the site root); the entry and the
      // glue look for the .wasm files and lenses/ next to themselves, which is pkg/.
      b.onLoad({ filter: /[\\/](plumbline|lean)\.js$/ }, (args) =>
        bundled.has(args.path)
          ? { contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", `new URL("./pkg/${relative(pkg, args.path)}", import.meta.url)`), loader: "js" }
          : undefined);
    },
  };
}

/** The PouchDB chunks, built on their own (pouchBuildOptions): www/sync/NAME.js → sync/NAME.js. */
export const POUCH_ENTRIES = ["pouch", "pouch-replication"];

/**
 * Keeps the PouchDB modules of www/sync/ out of the app's bundle: an import of one stays an
 * import of its chunk, which sits at the same place relative to the bundle (the site root) as
 * in www/.
 */
function separatePouchChunks() {
  const sources = new Map(POUCH_ENTRIES.map((name) => [join(WWW, "sync", `${name}.js`), `./sync/${name}.js`]));
  return {
    name: "plumbline-pouch-chunks",
    setup(b) {
      b.onResolve({ filter: /(^|\/)pouch(-replication)?\.js$/ }, (args) => {
        const chunk = args.kind !== "entry-point" && sources.get(resolve(args.resolveDir, args.path));
        return chunk ? { path: chunk, external: true } : undefined;
      });
    },
  };
}

/**
 * esbuild's options for the PouchDB chunks, written to `out` (scripts/serve.mjs --dev builds
 * them the same way, in memory): one build, so that the code both use is one shared chunk.
 */
export function pouchBuildOptions(out) {
  return {
    entryPoints: Object.fromEntries(POUCH_ENTRIES.map((name) => [`sync/${name}`, join(WWW, "sync", `${name}.js`)])),
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    minify: true,
    legalComments: "none",
    splitting: true,
    chunkNames: "sync/[name]-[hash]",
    outdir: out,
    logLevel: "warning",
  };
}

/**
 * Writes `site`/sw.js from the template: this build's id and every file of the site with its
 * content hash (the page as "./"). Exported for the tests, which make a "new build" this way.
 */
export function writeServiceWorker(site, template = join(WWW, "sw.js")) {
  const assets = {};
  for (const file of filesUnder(site)) {
    if (file === "sw.js" || file === "_headers") continue;
    assets[file === "index.html" ? "./" : `./${file}`] = hashOf(readFileSync(join(site, file)));
  }
  // SHELL is the development worker's list of www/ modules; the built one uses ASSETS only.
  let sw = readFileSync(template, "utf8").replace(/^const SHELL = \[[^\]]*\];$/m, "const SHELL = [];");
  // The worker's own code counts too: a new sw.js is a new build even when no file changed.
  const build = hashOf(JSON.stringify(assets) + sw);
  for (const [from, to] of [
    ["const BUILD = 'dev';", `const BUILD = '${build}';`],
    [
      "const ASSETS = /** @type {Record<string, string> | null} */ (null);",
      `const ASSETS = ${JSON.stringify(assets, null, 2)};`,
    ],
  ]) {
    if (sw.split(from).length !== 2) throw new Error(`${template}: expected one line ${JSON.stringify(from)}`);
    sw = sw.replace(from, to);
  }
  writeFileSync(join(site, "sw.js"), minified(sw, "js"));
  return { build, assets };
}

/**
 * The chunks `entry` (a file of `out`) imports with import statements, directly or through
 * another chunk, as paths relative to `out`: what the browser fetches before it runs `entry`.
 * @param {import("esbuild").Metafile} metafile
 */
function staticChunks(metafile, out, entry) {
  const byPath = new Map(Object.entries(metafile.outputs).map(([path, o]) => [relative(out, resolve(path)).split(sep).join("/"), o]));
  const found = new Set();
  const visit = (file) => {
    for (const { path, kind, external } of byPath.get(file)?.imports ?? []) {
      const chunk = relative(out, resolve(path)).split(sep).join("/");
      if (kind !== "import-statement" || external || found.has(chunk)) continue;
      found.add(chunk);
      visit(chunk);
    }
  };
  visit(entry);
  return [...found].sort();
}

/** `code` as esbuild minifies it (whitespace, comments, names local to a function). */
function minified(code, loader) {
  return transformSync(code, { loader, minify: true, target: loader === "js" ? "es2022" : undefined, legalComments: "none" }).code;
}

/** Builds the site into `out`; resolves to `{ build, assets }` of its service worker. */
export async function buildSite({ out = join(ROOT, "target", "site"), pkg = PKG } = {}) {
  if (!existsSync(join(pkg, "plumbline_bg.wasm"))) throw new Error(`${pkg} has no engine: run scripts/build.sh`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const app = await build({
    entryPoints: { app: join(WWW, "app.js"), "lint-worker": join(WWW, "lint-worker.js") },
    bundle: true,
    format: "esm",
    // The browsers the app supports (README): ES2022 keeps classes and private fields as written.
    target: "es2022",
    minify: true,
    legalComments: "none",
    outdir: out,
    // Modules the app imports on demand (the spreadsheet writer, www/xlsx.js) become chunks of
    // their own, downloaded on first use; code both entries share becomes a shared chunk.
    splitting: true,
    // At the site root, next to app.js: code that finds files through import.meta.url (the
    // engine glue, the lint worker) finds them from a chunk as from the entry.
    chunkNames: "[name]-[hash]",
    logLevel: "warning",
    plugins: [packagePlugin(pkg), separatePouchChunks()],
    metafile: true,
  });
  await build(pouchBuildOptions(out));
  // The classic scripts, minified: the one that narrows the page's connections before any
  // module runs, and the one that starts IndexedDB while the modules download.
  await build({
    entryPoints: { csp: join(WWW, "csp.js"), "idb-names": join(WWW, "idb-names.js") },
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outdir: out,
    logLevel: "warning",
  });
  for (const file of filesUnder(WWW)) {
    if (file.endsWith(".js")) continue; // bundled (csp.js and idb-names.js below), or sw.js (written below)
    mkdirSync(join(out, file, ".."), { recursive: true });
    if (file.endsWith(".css")) writeFileSync(join(out, file), minified(readFileSync(join(WWW, file), "utf8"), "css"));
    else cpSync(join(WWW, file), join(out, file));
  }
  const html = readFileSync(join(WWW, "index.html"), "utf8");
  if (!DEV_ONLY.test(html)) throw new Error("www/index.html: no <!-- dev-only --> … <!-- /dev-only --> block");
  // In place of the development preloads: the chunks app.js and sync/pouch.js import, which
  // the page's own preloads of those two may not fetch, so that the code of the first view
  // arrives in one round instead of one more round per level of imports.
  const pouchShared = readdirSync(join(out, "sync")).filter((n) => /^chunk-[A-Z0-9]+\.js$/.test(n)).map((n) => `sync/${n}`);
  const preloads = [...staticChunks(app.metafile, out, "app.js"), ...pouchShared]
    .map((n) => `\n  <link rel="modulepreload" href="${n}">`).join("");
  writeFileSync(join(out, "index.html"), html.replace(DEV_ONLY, preloads));
  cpSync(join(pkg, "plumbline_bg.wasm"), join(out, "pkg", "plumbline_bg.wasm"));
  // The full engine, loaded on the first call of a method the lean one leaves out: its glue
  // with its snippets (the disposal guard, the IndexedDB and memory stores) bundled into one
  // minified file, as the lean engine's are into the app, so that the service worker fetches
  // one file where it fetched four. The glue finds its .wasm through `new URL(…, import.meta.url)`,
  // which esbuild leaves as it is: the bundle sits where the glue was.
  mkdirSync(join(out, "pkg", "full"), { recursive: true });
  await build({
    entryPoints: [join(pkg, "full", "plumbline.js")],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outfile: join(out, "pkg", "full", "plumbline.js"),
    logLevel: "warning",
  });
  cpSync(join(pkg, "full", "plumbline_bg.wasm"), join(out, "pkg", "full", "plumbline_bg.wasm"));
  // The lenses as the page fetches them: the same JSON without the package's indentation.
  mkdirSync(join(out, "pkg", "lenses"), { recursive: true });
  // Files only: lenses/profiles/ is for readers of the package (the engine embeds it).
  for (const name of readdirSync(join(pkg, "lenses")).filter((n) => n.endsWith(".json"))) {
    const text = readFileSync(join(pkg, "lenses", name), "utf8");
    writeFileSync(join(out, "pkg", "lenses", name), name.endsWith(".json") ? JSON.stringify(JSON.parse(text)) : text);
  }
  return writeServiceWorker(out);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = resolve(process.argv[2] ?? join(ROOT, "target", "site"));
  const { build: id, assets } = await buildSite({ out });
  console.log(`${relative(ROOT, out) || out}/: build ${id}, ${Object.keys(assets).length} files for the service worker`);
}
