// Size figures: every line of the test command's size report (scripts/size.mjs --json: the lean
// engine, its glue, the browser entry, the full engine, the site as served and its on-demand
// chunks, the shipped lenses), raw and gzip-compressed file by file as a static host sends
// them, each against its gzip budget there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, writeResults } from './common.mjs';
import { Recorder } from '../../benches/web/harness.mjs';

const rec = new Recorder('size');
const one = (v) => ({ median: v, q1: v, q3: v, min: v, max: v, n: 1, iters: 1 });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (!existsSync(join(ROOT, 'pkg', 'plumbline_bg.wasm'))) {
  rec.skip('size', 'pkg/ is not built');
} else {
  const lines = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'size.mjs'), '--json'], { cwd: ROOT, encoding: 'utf8' }));
  for (const { label, raw, gzip, budget } of lines) {
    rec.add('size', `${label}: raw`, 'B', one(raw));
    rec.add('size', `${label}: gzip`, 'B', one(gzip), { aim: budget ? `≤${kib(budget)} gzip (scripts/size.mjs)` : undefined });
  }
}
console.log(`results: ${writeResults('size', rec.toJSON())}`);
