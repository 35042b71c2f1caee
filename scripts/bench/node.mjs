// Engine benchmarks in Node: the wasm package (pkg/) through its JS API, paired with JSON.parse
// in the same process, plus the benchmark-only core module when it was built.
//   node scripts/bench/node.mjs        (scripts/bench.sh runs it after the native bench)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, QUICK, engineFixtures, writeResults, coreModulePaths } from './common.mjs';
import { config, Recorder } from '../../benches/web/harness.mjs';
import { runEngineBench } from '../../benches/web/engine-bench.mjs';

const rec = new Recorder('node');
console.log(`plumbline wasm benchmarks in Node ${process.version} (median per call; IQR and min/max of the samples)`);

const glue = join(ROOT, 'pkg', 'plumbline.js');
if (!existsSync(glue)) {
  console.error('pkg/plumbline.js is missing: build the package first (scripts/build.sh)');
  process.exit(1);
}
// The web entry with an explicit initSync works whatever Node entry the package has.
const engine = await import(pathToFileURL(glue).href);
engine.initSync({ module: readFileSync(join(ROOT, 'pkg', 'plumbline_bg.wasm')) });

let core = null;
let coreWhyNot = null;
const paths = coreModulePaths();
if (paths) {
  core = await import(pathToFileURL(paths.js).href);
  core.initSync({ module: readFileSync(paths.wasm) });
} else {
  coreWhyNot = 'the benchmark-only wasm module (benches/wasm) was not built';
}

const fixtures = engineFixtures();
if (fixtures.corpusMissing) rec.skip('largest corpus lens', 'no lens corpus (PLUMBLINE_LENS_CORPUS or ../shared/lens-corpus)');
runEngineBench({ engine, core, coreWhyNot, fixtures, cfg: config(QUICK), rec });
console.log(`results: ${writeResults('node', rec.toJSON())}`);
