// Size figures: the engine (.wasm) and its JS glue, raw and gzip, and the whole app as served
// (www/ plus the browser files of pkg/, each file gzip-compressed as a static host sends it),
// against the gzip budget of the test command (BUDGET in scripts/size.mjs, or README.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, writeResults } from './common.mjs';
import { Recorder } from '../../benches/web/harness.mjs';

const rec = new Recorder('size');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function measure(paths) {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const bytes = readFileSync(p);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: paths.length };
}

/** The gzip budgets (bytes) of the test command, with where they were read. */
function budgets() {
  const sizeMjs = join(ROOT, 'scripts', 'size.mjs');
  if (existsSync(sizeMjs)) {
    const text = readFileSync(sizeMjs, 'utf8');
    const block = /const BUDGET = \{([^}]*)\}/.exec(text)?.[1];
    if (block) {
      const out = {};
      for (const m of block.matchAll(/(\w+)\s*:\s*([\d\s*.]+)/g)) {
        // Only products of numbers, e.g. `900 * 1024`.
        if (/^[\d\s*.]+$/.test(m[2])) out[m[1]] = m[2].split('*').reduce((a, b) => a * Number(b.trim()), 1);
      }
      if (Object.keys(out).length) return { budget: out, source: 'scripts/size.mjs (BUDGET, gzip)' };
    }
  }
  const readme = join(ROOT, 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const kib = (re) => {
      const m = re.exec(text);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    const out = { wasm: kib(/\.wasm[^\n|]*\|[^\n]*?([\d.]+)\s*KiB/i), glue: kib(/glue[^\n|]*\|[^\n]*?([\d.]+)\s*KiB/i), site: kib(/site[^\n|]*\|[^\n]*?([\d.]+)\s*KiB/i) };
    if (out.wasm || out.glue || out.site) return { budget: out, source: 'README.md' };
  }
  return { budget: {}, source: null };
}

const wasm = join(ROOT, 'pkg', 'plumbline_bg.wasm');
const glue = join(ROOT, 'pkg', 'plumbline.js');
if (!existsSync(wasm) || !existsSync(glue)) {
  rec.skip('size', 'pkg/ is not built');
} else {
  const { budget, source } = budgets();
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const one = (v) => ({ median: v, q1: v, q3: v, min: v, max: v, n: 1, iters: 1 });
  const aim = (key) => (budget[key] ? `≤${kib(budget[key])} gzip (${source})` : undefined);
  const browserPkg = walk(join(ROOT, 'pkg')).filter((p) => /\.(js|wasm)$/.test(p) && relative(ROOT, p) !== join('pkg', 'node.js'));
  const www = walk(join(ROOT, 'www'));
  const rows = [
    ['wasm', 'engine pkg/plumbline_bg.wasm', measure([wasm])],
    ['glue', 'JS glue pkg/plumbline.js', measure([glue])],
    ['site', `whole app as served: www/ (${www.length} files) + pkg/ browser files (${browserPkg.length})`, measure([...www, ...browserPkg])],
  ];
  for (const [key, label, m] of rows) {
    rec.add('size', `${label}: raw`, 'B', one(m.raw));
    rec.add('size', `${label}: gzip`, 'B', one(m.gzip), { aim: aim(key) });
  }
  if (!source) rec.skip('size budget', 'no budget found in scripts/size.mjs or README.md');
}
console.log(`results: ${writeResults('size', rec.toJSON())}`);
