// The bench page's start-up (benches/web/index.html loads it): a file, not an inline script,
// because scripts/serve.mjs sends the app's Content-Security-Policy, which has no
// 'unsafe-inline'.
import init, * as engine from './pkg/plumbline.js';
import * as harness from './harness.mjs';
import { runEngineBench } from './engine-bench.mjs';
import * as workspace from './workspace-bench.mjs';

const status = document.getElementById('status');
try {
  await init();
  let core = null;
  let coreWhyNot = null;
  try {
    // Present only when scripts/bench.sh built the benchmark-only module (benches/wasm).
    core = await import('./core/plumbline_bench_wasm.js');
    await core.default();
  } catch (e) {
    core = null;
    coreWhyNot = `the benchmark-only wasm module could not be loaded: ${e.message}`;
  }
  window.bench = { engine, core, coreWhyNot, harness, runEngineBench, workspace };
  window.benchReady = true;
  status.textContent = 'ready';
} catch (e) {
  window.benchError = String(e?.stack || e);
  status.textContent = `failed: ${e}`;
}
