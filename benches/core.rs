//! Native benchmarks of the Plumbline core (`cargo bench --bench core`; `scripts/bench.sh` runs
//! it with everything else and writes BENCHMARKS.md).
//!
//! - lens parse + validate (`lens::parse`, which is `lint` plus the model) of the largest corpus
//!   lens and of a generated ~500 KB lens, each paired with `serde_json::from_str::<Value>` of
//!   the same text, the native stand-in for `JSON.parse`;
//! - risk evaluation throughput over a generated 60-question lens, and the improvement plan;
//! - rule analysis (`review::analysis::analyze`) of the largest corpus lens;
//! - growth: 1, 10, 100 and 1000 evaluations of distinct answer sets, with the cost per unit;
//!   lint of hostile files with n repeated keys or n `NaN`s (the cost per problem must stay flat).
//!
//! It also writes the generated inputs to `target/bench/fixtures/` for the wasm measurements, so
//! that every environment reads the same bytes. Set `PLUMBLINE_BENCH_QUICK=1` for a short run.
//! Nothing is asserted.

mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use plumbline::lens;
use plumbline::review::{self, analysis, Answer, PlanOptions};

use support::fixtures;
use support::harness::{bench, paired, Config};
use support::record::{out_dir, Recorder};

/// Answer sets in the pool: the throughput figures cycle through them, growth uses the first n.
const ANSWER_SETS: usize = 1000;
const ANSWER_SEED: u64 = 0xA115_0060;

fn main() {
    let config = Config::from_env();
    let mut rec = Recorder::new("native");
    println!("plumbline native benchmarks (median per call; IQR and min/max of the samples)");

    let fixtures_dir = out_dir().join("fixtures");
    std::fs::create_dir_all(&fixtures_dir).expect("create the fixtures folder");
    let generated = fixtures::generated_lens();
    let eval_text = fixtures::eval_lens();
    write(&fixtures_dir.join("generated-lens.json"), &generated);
    write(&fixtures_dir.join("eval-lens.json"), &eval_text);

    let corpus = largest_corpus_lens();
    if corpus.is_none() {
        rec.skip(
            "lens parse, rule analysis of the largest corpus lens",
            "no lens corpus (set PLUMBLINE_LENS_CORPUS or put it at ../shared/lens-corpus)",
        );
    }

    // ---- parse + validate ------------------------------------------------------------------
    let mut inputs: Vec<(String, &str)> = Vec::new();
    if let Some((path, text)) = &corpus {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        inputs.push((
            format!(
                "largest corpus lens ({}, {} B)",
                short(&name.unwrap_or_default()),
                text.len()
            ),
            text,
        ));
    }
    inputs.push((
        format!("generated lens ({} B)", generated.len()),
        &generated,
    ));
    for (what, text) in &inputs {
        let report = plumbline::lint::lint(text);
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        if report.lens.is_none() {
            rec.skip(
                format!("lens parse: {what}"),
                format!(
                    "lens::lint built no model ({errors} errors; first: {})",
                    report
                        .diagnostics
                        .first()
                        .map_or("none".into(), |d| format!("{} {}", d.code, d.message))
                ),
            );
            continue;
        }
        let (ratio, parse, json) = paired(
            &config,
            || plumbline::lint::lint(text),
            || serde_json::from_str::<serde_json::Value>(text).expect("valid JSON"),
        );
        let note = format!("{errors} errors, {warnings} warnings");
        rec.add("parse", format!("lens::lint — {what}"), "s", parse, None)
            .note = Some(note);
        rec.add(
            "parse",
            format!("JSON.parse stand-in (serde_json Value) — {what}"),
            "s",
            json,
            None,
        );
        rec.add(
            "parse",
            format!("ratio lens::lint / JSON parse — {what}"),
            "x",
            ratio,
            Some("≤3x (aim ≤1.5x)"),
        );
    }

    // ---- risk evaluation and improvement plan --------------------------------------------
    let eval_lens = match lens::parse(&eval_text) {
        Ok(l) => Some(l),
        Err(diagnostics) => {
            rec.skip(
                "risk evaluation, improvement plan, growth",
                format!(
                    "the generated 60-question lens does not parse ({} diagnostics; first: {})",
                    diagnostics.len(),
                    diagnostics
                        .first()
                        .map_or("none".into(), |d| format!("{} {}", d.code, d.message))
                ),
            );
            None
        }
    };
    let masks = match &eval_lens {
        Some(l) => fixtures::answer_masks(l, ANSWER_SETS, ANSWER_SEED),
        // Without the lens the masks cannot be sized; still write the fixture from the text.
        None => Vec::new(),
    };
    if eval_lens.is_some() {
        let text = serde_json::to_string(&masks).expect("masks serialize");
        write(&fixtures_dir.join("answer-sets.json"), &text);
    }
    if let Some(lens) = &eval_lens {
        eval_figures(&config, &mut rec, lens, &masks);
    }

    // ---- rule analysis ----------------------------------------------------------------------
    for (what, text) in &inputs {
        let Some(model) = plumbline::lint::lint(text).lens else {
            continue;
        };
        let questions: usize = model.pillars.iter().map(|p| p.questions.len()).sum();
        let findings = analysis::analyze(&model).len();
        let stats = bench(&config, || analysis::analyze(&model));
        rec.add(
            "analysis",
            format!("rule analysis — {what}"),
            "s",
            stats,
            Some("<200 ms in wasm"),
        )
        .note = Some(format!("{questions} questions, {findings} findings"));
    }

    hostile_figures(&config, &mut rec);

    match rec.write() {
        Ok(path) => println!("results: {}", path.display()),
        Err(e) => eprintln!("cannot write the results: {e}"),
    }
}

fn eval_figures(
    config: &Config,
    rec: &mut Recorder,
    lens: &lens::Lens,
    masks: &[Vec<fixtures::Mask>],
) {
    let sets: Vec<Vec<Answer>> = masks
        .iter()
        .map(|m| fixtures::answers_of(lens, m))
        .collect();
    let questions: Vec<&lens::model::Question> =
        lens.pillars.iter().flat_map(|p| &p.questions).collect();
    let q = questions.len() as f64;

    // Full evaluation (risk per question, per pillar, for the lens), as `lens.evaluate` does.
    let mut i = 0;
    let stats = bench(config, || {
        i = (i + 1) % sets.len();
        review::evaluate(lens, &sets[i])
    });
    rec.add(
        "eval",
        format!(
            "review::evaluate, {} questions: question evaluations/s",
            questions.len()
        ),
        "1/s",
        stats.map(|t| q / t),
        Some("≥1M/s in wasm"),
    );
    rec.add(
        "eval",
        format!(
            "review::evaluate, {} questions: time per lens",
            questions.len()
        ),
        "s",
        stats,
        None,
    );

    // The risk function alone, answers already matched to their questions.
    let aligned: Vec<Vec<Option<&Answer>>> = sets
        .iter()
        .map(|set| {
            questions
                .iter()
                .map(|question| set.iter().find(|a| a.question_id == question.id))
                .collect()
        })
        .collect();
    let mut i = 0;
    let stats = bench(config, || {
        i = (i + 1) % aligned.len();
        let mut high = 0u32;
        for (question, answer) in questions.iter().zip(&aligned[i]) {
            high += (review::question_risk(question, *answer) == review::Risk::High) as u32;
        }
        high
    });
    rec.add(
        "eval",
        "review::question_risk alone: question evaluations/s",
        "1/s",
        stats.map(|t| q / t),
        None,
    );

    let options = PlanOptions::default();
    let mut i = 0;
    let items: usize = sets
        .iter()
        .take(50)
        .map(|s| review::improvement_plan(lens, s, &options).len())
        .sum();
    let stats = bench(config, || {
        i = (i + 1) % sets.len();
        review::improvement_plan(lens, &sets[i], &options)
    });
    rec.add(
        "eval",
        format!("review::improvement_plan, {} questions", questions.len()),
        "s",
        stats,
        None,
    )
    .note = Some(format!(
        "{:.1} items per plan on average",
        items as f64 / 50.0
    ));

    // Growth: n evaluations of n distinct answer sets (the report derives the cost per unit).
    for n in [1usize, 10, 100, 1000] {
        let n = n.min(sets.len());
        let stats = bench(config, || {
            for set in &sets[..n] {
                black_box(review::evaluate(lens, set));
            }
        });
        let r = rec.add(
            "growth",
            format!("review::evaluate × {n}"),
            "s",
            stats,
            None,
        );
        r.series = Some(format!("evaluate, {} questions", questions.len()));
        r.units = Some(n as u64);
    }
}

/// Lint of hostile files whose problems grow with their size: one object with n repeated keys,
/// one array of n `NaN`s. Each is a growth series, so the report shows whether the cost per
/// problem stays flat (it was quadratic: 93,000 repeated keys took 12 s).
fn hostile_figures(config: &Config, rec: &mut Recorder) {
    type Generator = fn(usize) -> String;
    let series: [(&str, Generator, &[usize]); 2] = [
        (
            "lint, n repeated keys in one object",
            fixtures::repeated_keys_lens,
            &[930, 9_300, 93_000],
        ),
        (
            "lint, n NaN in one array",
            fixtures::nan_pillars_lens,
            &[1_200, 12_000, 120_000],
        ),
    ];
    for (name, generate, sizes) in series {
        for &n in sizes {
            let text = generate(n);
            let diagnostics = plumbline::lint::lint(&text).diagnostics.len();
            let stats = bench(config, || plumbline::lint::lint(&text));
            let r = rec.add("growth", format!("{name}, n = {n}"), "s", stats, None);
            r.series = Some(name.to_string());
            r.units = Some(n as u64);
            r.note = Some(format!("{} B, {diagnostics} diagnostics", text.len()));
        }
    }
}

/// The largest `.json` file of the lens corpus: `$PLUMBLINE_LENS_CORPUS`, else
/// `../shared/lens-corpus` (from the repository) or `../../shared/lens-corpus` (a worktree).
fn largest_corpus_lens() -> Option<(PathBuf, String)> {
    let dirs: Vec<PathBuf> = match std::env::var_os("PLUMBLINE_LENS_CORPUS") {
        Some(dir) => vec![PathBuf::from(dir)],
        None => vec![
            PathBuf::from("../shared/lens-corpus"),
            PathBuf::from("../../shared/lens-corpus"),
        ],
    };
    let dir = dirs.into_iter().find(|d| d.is_dir())?;
    let largest = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))?;
    let text = std::fs::read_to_string(&largest).ok()?;
    Some((largest, text))
}

/// The repository part of a corpus file name (`owner__repo__path.json`).
fn short(name: &str) -> String {
    name.split("__").nth(1).unwrap_or(name).to_string()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
