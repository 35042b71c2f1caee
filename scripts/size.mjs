// Size report of what a browser downloads: the engine (.wasm), its JS glue, and the whole site
// (www/ plus the browser part of pkg/), raw and gzip-compressed file by file as a static host
// would send them.
//
//   node scripts/size.mjs           print the report (scripts/build.sh does this)
//   node scripts/size.mjs --check   also fail when a figure is over its budget (the tests do)
//
// The budgets and the reason for each figure are in README.md ("Size budget"); change both
// together.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// Gzip bytes: the first real measurement (2026-11-23) plus headroom; README.md says why.
const BUDGET = {
  wasm: 560 * 1024,
  glue: 16 * 1024,
  site: 680 * 1024,
};

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);

function measure(paths) {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const bytes = readFileSync(p);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

for (const f of ["pkg/plumbline_bg.wasm", "pkg/plumbline.js"]) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: run scripts/build.sh first`);
    process.exit(1);
  }
}

// pkg/ also holds files no browser asks for: type declarations, the Node entry, README, LICENSE.
// The shipped lenses (pkg/lenses/*.json) are fetched by every page that opens a workspace.
const browserPkg = walk("pkg").filter((p) =>
  (/\.(js|wasm)$/.test(p) && p !== join("pkg", "node.js")) || p.startsWith(join("pkg", "lenses")));
// The site is what a host serves: the built one (scripts/bundle.mjs) once scripts/build.sh has
// made it, else www/ with the browser files of pkg/ (the unbundled layout).
const SITE = join("target", "site");
const built = existsSync(join(SITE, "index.html"));
const rows = {
  wasm: measure(["pkg/plumbline_bg.wasm"]),
  glue: measure(["pkg/plumbline.js"]),
  site: measure(built ? walk(SITE) : [...walk("www"), ...browserPkg]),
};
const labels = {
  wasm: "engine  pkg/plumbline_bg.wasm",
  glue: "JS glue pkg/plumbline.js",
  site: built ? "site    target/site/ (built)" : "site    www/ + pkg/ (browser files)",
};

const check = process.argv.includes("--check");
let over = 0;
console.log(`${"".padEnd(36)}${"raw".padStart(11)}${"gzip".padStart(11)}${check ? "  gzip budget" : ""}`);
for (const [key, { raw, gzip }] of Object.entries(rows)) {
  let line = `${labels[key].padEnd(36)}${kib(raw)}${kib(gzip)}`;
  if (check) {
    const ok = gzip <= BUDGET[key];
    if (!ok) over += 1;
    line += `  ${kib(BUDGET[key])} ${ok ? "ok" : "OVER BUDGET"}`;
  }
  console.log(line);
}
if (check) {
  console.log(`${Object.keys(rows).length - over} of ${Object.keys(rows).length} sizes within budget`);
  if (over > 0) process.exit(1);
}
