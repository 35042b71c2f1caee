//! Figures as the report reads them: one JSON record per figure, written to
//! `$PLUMBLINE_BENCH_OUT/results/<env>.json` (default `target/bench`), the same shape the Node
//! and Playwright scripts write (see `scripts/bench/report.mjs`).

use std::path::PathBuf;

use serde::Serialize;

use super::harness::Stats;

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// Report section: parse, eval, analysis, growth, ...
    pub section: &'static str,
    /// The figure, as the table's row label.
    pub row: String,
    /// Where it ran: native, node, chromium.
    pub env: &'static str,
    /// `s` (seconds per call), `1/s` (a rate), `x` (a ratio), `B` (bytes).
    pub unit: &'static str,
    #[serde(flatten)]
    pub stats: Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aim: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Growth figures: the series this point belongs to and how many units of work it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<u64>,
}

/// Where results and fixtures go.
pub fn out_dir() -> PathBuf {
    std::env::var_os("PLUMBLINE_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench"))
}

pub struct Recorder {
    env: &'static str,
    records: Vec<Record>,
    skipped: Vec<(String, String)>,
}

impl Recorder {
    pub fn new(env: &'static str) -> Recorder {
        Recorder {
            env,
            records: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Records a figure and prints it at once.
    pub fn add(
        &mut self,
        section: &'static str,
        row: impl Into<String>,
        unit: &'static str,
        stats: Stats,
        aim: Option<&str>,
    ) -> &mut Record {
        let record = Record {
            section,
            row: row.into(),
            env: self.env,
            unit,
            stats,
            aim: aim.map(str::to_string),
            note: None,
            series: None,
            units: None,
        };
        println!("{}", line(&record));
        self.records.push(record);
        self.records.last_mut().expect("just pushed")
    }

    /// A figure that could not be measured, and why.
    pub fn skip(&mut self, what: impl Into<String>, why: impl Into<String>) {
        let (what, why) = (what.into(), why.into());
        println!("  {what:<58} NOT MEASURED: {why}");
        self.skipped.push((what, why));
    }

    pub fn write(&self) -> std::io::Result<PathBuf> {
        let dir = out_dir().join("results");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}.json", self.env));
        #[derive(Serialize)]
        struct File<'a> {
            env: &'a str,
            records: &'a [Record],
            skipped: Vec<Skipped<'a>>,
        }
        #[derive(Serialize)]
        struct Skipped<'a> {
            what: &'a str,
            why: &'a str,
        }
        let file = File {
            env: self.env,
            records: &self.records,
            skipped: self
                .skipped
                .iter()
                .map(|(what, why)| Skipped { what, why })
                .collect(),
        };
        let text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        std::fs::write(&path, text)?;
        Ok(path)
    }
}

/// `value` in `unit`, human-readable.
pub fn format_value(value: f64, unit: &str) -> String {
    match unit {
        "s" => {
            if value >= 1.0 {
                format!("{value:.2} s")
            } else if value >= 1e-3 {
                format!("{:.2} ms", value * 1e3)
            } else if value >= 1e-6 {
                format!("{:.2} µs", value * 1e6)
            } else {
                format!("{:.1} ns", value * 1e9)
            }
        }
        "1/s" => {
            if value >= 1e6 {
                format!("{:.2} M/s", value / 1e6)
            } else if value >= 1e3 {
                format!("{:.1} k/s", value / 1e3)
            } else {
                format!("{value:.1} /s")
            }
        }
        "x" => format!("{value:.2}x"),
        "B" => format!("{value:.0} B"),
        other => format!("{value} {other}"),
    }
}

fn line(r: &Record) -> String {
    let s = &r.stats;
    format!(
        "  {:<58} {:>12}  (IQR {} – {}, min {}, max {}, n={})",
        r.row,
        format_value(s.median, r.unit),
        format_value(s.q1, r.unit),
        format_value(s.q3, r.unit),
        format_value(s.min, r.unit),
        format_value(s.max, r.unit),
        s.n
    )
}
