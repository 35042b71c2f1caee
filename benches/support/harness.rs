//! A small hand-written benchmark harness (no criterion: it would slow every clippy run).
//!
//! Each measurement: warm-up calls for at least [`Config::warmup`], then a calibration that picks
//! how many calls one sample makes (so that a sample lasts at least [`Config::min_sample`] and
//! the clock's resolution does not matter), then [`Config::samples`] timed samples. The figure
//! is the median time per call, with the interquartile range and min/max of the samples as the
//! spread. Nothing is asserted: the numbers are recorded, machines are noisy.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde::Serialize;

#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub warmup: Duration,
    pub min_sample: Duration,
    pub samples: usize,
    /// Stop sampling early once this much time was spent (at least 5 samples are kept).
    pub budget: Duration,
}

impl Config {
    /// `PLUMBLINE_BENCH_QUICK=1` shortens every measurement (for trying the harness out).
    pub fn from_env() -> Config {
        if std::env::var_os("PLUMBLINE_BENCH_QUICK").is_some_and(|v| v != "0") {
            Config {
                warmup: Duration::from_millis(20),
                min_sample: Duration::from_millis(1),
                samples: 7,
                budget: Duration::from_millis(300),
            }
        } else {
            Config {
                warmup: Duration::from_millis(300),
                min_sample: Duration::from_millis(5),
                samples: 31,
                budget: Duration::from_secs(4),
            }
        }
    }
}

/// Order statistics of the per-call times of one measurement, in seconds.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Stats {
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
    pub min: f64,
    pub max: f64,
    /// Number of timed samples.
    pub n: usize,
    /// Calls per sample.
    pub iters: u64,
}

impl Stats {
    pub fn of(mut values: Vec<f64>, iters: u64) -> Stats {
        assert!(!values.is_empty());
        values.sort_by(f64::total_cmp);
        Stats {
            median: quantile(&values, 0.5),
            q1: quantile(&values, 0.25),
            q3: quantile(&values, 0.75),
            min: values[0],
            max: values[values.len() - 1],
            n: values.len(),
            iters,
        }
    }

    /// The same statistics in another unit: `f` must be monotonic (decreasing `f`, such as a
    /// throughput `1/t`, swaps the quartiles and the extremes).
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Stats {
        let (q1, q3, min, max) = (f(self.q1), f(self.q3), f(self.min), f(self.max));
        Stats {
            median: f(self.median),
            q1: q1.min(q3),
            q3: q1.max(q3),
            min: min.min(max),
            max: min.max(max),
            n: self.n,
            iters: self.iters,
        }
    }
}

/// Linear interpolation between closest ranks (sorted input).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Times `f`: warm-up, calibration, samples. Returns seconds per call.
pub fn bench<R>(config: &Config, mut f: impl FnMut() -> R) -> Stats {
    let start = Instant::now();
    let mut calls = 0u64;
    while calls < 2 || start.elapsed() < config.warmup {
        black_box(f());
        calls += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / calls as f64;
    let iters = ((config.min_sample.as_secs_f64() / per_call).ceil() as u64).max(1);
    let begun = Instant::now();
    let mut values = Vec::with_capacity(config.samples);
    for _ in 0..config.samples {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        values.push(t.elapsed().as_secs_f64() / iters as f64);
        if values.len() >= 5 && begun.elapsed() > config.budget {
            break;
        }
    }
    Stats::of(values, iters)
}

/// Times `a` and `b` alternately, one call of each per sample, and returns the statistics of the
/// ratio `time(a) / time(b)` per sample, with those of `a` and `b`. Pairing the calls makes the
/// ratio robust to the machine's load changing during the measurement.
pub fn paired<A, B>(
    config: &Config,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> (Stats, Stats, Stats) {
    let start = Instant::now();
    let mut calls = 0;
    while calls < 2 || start.elapsed() < config.warmup {
        black_box(a());
        black_box(b());
        calls += 1;
    }
    let per_pair = start.elapsed().as_secs_f64() / calls as f64;
    let iters = ((config.min_sample.as_secs_f64() / per_pair).ceil() as u64).max(1);
    let begun = Instant::now();
    let (mut ta, mut tb, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..config.samples {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(a());
        }
        let da = t.elapsed().as_secs_f64() / iters as f64;
        let t = Instant::now();
        for _ in 0..iters {
            black_box(b());
        }
        let db = t.elapsed().as_secs_f64() / iters as f64;
        ta.push(da);
        tb.push(db);
        ratio.push(da / db);
        if ta.len() >= 5 && begun.elapsed() > config.budget {
            break;
        }
    }
    (
        Stats::of(ratio, iters),
        Stats::of(ta, iters),
        Stats::of(tb, iters),
    )
}
