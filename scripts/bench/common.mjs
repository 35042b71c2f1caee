// Shared by the Node-side benchmark scripts: paths, inputs, results files.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Results, fixtures and the benchmark-only wasm module live here (`PLUMBLINE_BENCH_OUT`). */
export const OUT = resolve(ROOT, process.env.PLUMBLINE_BENCH_OUT || 'target/bench');
export const QUICK = !!process.env.PLUMBLINE_BENCH_QUICK && process.env.PLUMBLINE_BENCH_QUICK !== '0';

/** The largest .json of the lens corpus ($PLUMBLINE_LENS_CORPUS, else ../shared/lens-corpus). */
export function largestCorpusLens() {
  const dirs = process.env.PLUMBLINE_LENS_CORPUS
    ? [resolve(process.env.PLUMBLINE_LENS_CORPUS)]
    : [resolve(ROOT, '../shared/lens-corpus'), resolve(ROOT, '../../shared/lens-corpus')];
  const dir = dirs.find((d) => existsSync(d) && statSync(d).isDirectory());
  if (!dir) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  if (files.length === 0) return null;
  const path = files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  return { path, text: readFileSync(path, 'utf8') };
}

/** The inputs of the engine benchmarks; the native bench (`cargo bench --bench core`) writes them. */
export function engineFixtures() {
  const dir = join(OUT, 'fixtures');
  const read = (f) => {
    const p = join(dir, f);
    if (!existsSync(p)) return null;
    return readFileSync(p, 'utf8');
  };
  const generated = read('generated-lens.json');
  const evalText = read('eval-lens.json');
  if (!generated || !evalText) {
    throw new Error(`${dir} has no generated lenses: run \`cargo bench --bench core\` first (scripts/bench.sh does)`);
  }
  const sets = read('answer-sets.json');
  const inputs = [];
  const corpus = largestCorpusLens();
  if (corpus) {
    const repo = basename(corpus.path).split('__')[1] || basename(corpus.path);
    inputs.push({ label: `largest corpus lens (${repo}, ${Buffer.byteLength(corpus.text)} B)`, text: corpus.text });
  }
  inputs.push({ label: `generated lens (${Buffer.byteLength(generated)} B)`, text: generated });
  return { inputs, evalText, answerSets: sets ? JSON.parse(sets) : null, corpusMissing: !corpus };
}

export function writeResults(env, data) {
  const dir = join(OUT, 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${env}.json`);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
  return path;
}

/** The benchmark-only wasm module's files, when scripts/bench.sh built it. */
export function coreModulePaths() {
  const js = join(OUT, 'wasm', 'plumbline_bench_wasm.js');
  const wasm = join(OUT, 'wasm', 'plumbline_bench_wasm_bg.wasm');
  return existsSync(js) && existsSync(wasm) ? { js, wasm } : null;
}
