// The JavaScript twin of benches/support/harness.rs, for Node and for the browser: warm-up,
// calibration (calls per sample so that a sample lasts at least `minSample` ms and the timer's
// resolution does not matter), then `samples` timed samples; the figure is the median time per
// call with the interquartile range and min/max as the spread. Times are in seconds, like the
// Rust records. Nothing is asserted.

export function config(quick = false) {
  return quick
    ? { warmup: 20, minSample: 1, samples: 7, budget: 300 }
    : { warmup: 300, minSample: 5, samples: 31, budget: 4000 };
}

const now = () => performance.now();

function quantile(sorted, q) {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Order statistics of `values` (seconds, or any unit). */
export function stats(values, iters = 1) {
  const s = [...values].sort((a, b) => a - b);
  return {
    median: quantile(s, 0.5),
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    min: s[0],
    max: s[s.length - 1],
    n: s.length,
    iters,
  };
}

/** The same statistics through a monotonic `f` (a decreasing one swaps the bounds). */
export function mapStats(st, f) {
  const [a, b, c, d] = [f(st.q1), f(st.q3), f(st.min), f(st.max)];
  return { ...st, median: f(st.median), q1: Math.min(a, b), q3: Math.max(a, b), min: Math.min(c, d), max: Math.max(c, d) };
}

let sink = 0;
function consume(v) {
  // Keep results alive so that no engine can drop the call as dead code.
  if (v === sink) sink = 0;
  else sink = v;
}

/** Times a synchronous `f`; seconds per call. */
export function bench(cfg, f) {
  const start = now();
  let calls = 0;
  while (calls < 2 || now() - start < cfg.warmup) {
    consume(f());
    calls++;
  }
  const perCall = (now() - start) / calls;
  const iters = Math.max(1, Math.ceil(cfg.minSample / perCall));
  const begun = now();
  const values = [];
  for (let s = 0; s < cfg.samples; s++) {
    const t = now();
    for (let i = 0; i < iters; i++) consume(f());
    values.push((now() - t) / iters / 1000);
    if (values.length >= 5 && now() - begun > cfg.budget) break;
  }
  return stats(values, iters);
}

/** Times `a` and `b` alternately; returns { ratio, a, b } where ratio = time(a)/time(b) per sample. */
export function paired(cfg, a, b) {
  const start = now();
  let calls = 0;
  while (calls < 2 || now() - start < cfg.warmup) {
    consume(a());
    consume(b());
    calls++;
  }
  const perPair = (now() - start) / calls;
  const iters = Math.max(1, Math.ceil(cfg.minSample / perPair));
  const begun = now();
  const ta = [];
  const tb = [];
  const ratio = [];
  for (let s = 0; s < cfg.samples; s++) {
    let t = now();
    for (let i = 0; i < iters; i++) consume(a());
    const da = (now() - t) / iters;
    t = now();
    for (let i = 0; i < iters; i++) consume(b());
    const db = (now() - t) / iters;
    ta.push(da / 1000);
    tb.push(db / 1000);
    ratio.push(da / db);
    if (ta.length >= 5 && now() - begun > cfg.budget) break;
  }
  return { ratio: stats(ratio, iters), a: stats(ta, iters), b: stats(tb, iters) };
}

/** Times an async `f` one call per sample (for storage operations); seconds per call. */
export async function benchAsync({ warmup = 2, samples = 15, budget = 20000 } = {}, f) {
  for (let i = 0; i < warmup; i++) consume(await f(i));
  const begun = now();
  const values = [];
  for (let s = 0; s < samples; s++) {
    const t = now();
    consume(await f(s));
    values.push((now() - t) / 1000);
    if (values.length >= 5 && now() - begun > budget) break;
  }
  return stats(values, 1);
}

/** Collects records in the shape of benches/support/record.rs. */
export class Recorder {
  constructor(env, log = console.log) {
    this.env = env;
    this.records = [];
    this.skipped = [];
    this.log = log;
  }

  add(section, row, unit, st, { aim, note } = {}) {
    const r = { section, row, env: this.env, unit, ...st };
    if (aim) r.aim = aim;
    if (note) r.note = note;
    this.records.push(r);
    this.log(line(r));
    return r;
  }

  skip(what, why) {
    this.skipped.push({ what, why: String(why) });
    this.log(`  ${what.padEnd(58)} NOT MEASURED: ${why}`);
  }

  toJSON() {
    return { env: this.env, records: this.records, skipped: this.skipped };
  }
}

export function formatValue(v, unit) {
  switch (unit) {
    case 's':
      if (v >= 1) return `${v.toFixed(2)} s`;
      if (v >= 1e-3) return `${(v * 1e3).toFixed(2)} ms`;
      if (v >= 1e-6) return `${(v * 1e6).toFixed(2)} µs`;
      return `${(v * 1e9).toFixed(1)} ns`;
    case '1/s':
      if (v >= 1e6) return `${(v / 1e6).toFixed(2)} M/s`;
      if (v >= 1e3) return `${(v / 1e3).toFixed(1)} k/s`;
      return `${v.toFixed(1)} /s`;
    case 'x':
      return `${v.toFixed(2)}x`;
    case 'B':
      return `${Math.round(v)} B`;
    default:
      return `${v} ${unit}`;
  }
}

function line(r) {
  const f = (v) => formatValue(v, r.unit);
  return `  ${r.row.padEnd(58)} ${f(r.median).padStart(12)}  (IQR ${f(r.q1)} – ${f(r.q3)}, min ${f(r.min)}, max ${f(r.max)}, n=${r.n})`;
}
