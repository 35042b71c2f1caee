//! Golden tests: `tests/golden/lens/<case>.json` is a lens file, `<case>.expected` the
//! diagnostics `lint` must give for it, one per line:
//! `severity code path line:column message` (path `-` for the file itself).
//!
//! Each case is a small file that shows one problem (its name is the code it exercises), plus
//! `valid.json`, which must give nothing. `UPDATE_GOLDEN=1 cargo test --test it lens_golden::`
//! rewrites the `.expected` files from the current output; review the diff before committing.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use plumbline::lens::{codes, Severity};
use plumbline::lint::lint;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/lens")
}

fn cases() -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/golden/lens exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    inputs.sort();
    inputs
}

fn render(text: &str) -> String {
    let report = lint(text);
    let mut out = String::new();
    for d in &report.diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if d.path.is_empty() { "-" } else { &d.path };
        out.push_str(&format!(
            "{severity} {} {path} {}:{} {}\n",
            d.code, d.line, d.column, d.message
        ));
    }
    out
}

fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1")
}

#[test]
fn golden_files_match() {
    let mut failures = Vec::new();
    for input in cases() {
        let bytes = fs::read(&input).expect("read golden input");
        let text = String::from_utf8(bytes).expect("golden inputs are UTF-8");
        let actual = render(&text);
        let expected_path = input.with_extension("expected");
        if updating() {
            fs::write(&expected_path, &actual).expect("write expected");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "{} is missing; run with UPDATE_GOLDEN=1",
                expected_path.display()
            )
        });
        if expected != actual {
            failures.push(format!(
                "{}:\n--- expected\n{expected}+++ actual\n{actual}",
                input.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expected_file_has_an_input() {
    for entry in fs::read_dir(golden_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expected") {
            assert!(
                path.with_extension("json").exists(),
                "{} has no input",
                path.display()
            );
        }
    }
}

#[test]
fn the_valid_lens_has_no_diagnostic() {
    let text = fs::read_to_string(golden_dir().join("valid.json")).unwrap();
    let report = lint(&text);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.lens.expect("a model").pillars.len(), 2);
}

/// Every code `lint` can emit has a golden case named after it that shows it, with the
/// documented severity; the one exception is the size limit, whose input would be 500 KB (it
/// is tested in `lens_lint.rs`).
#[test]
fn every_code_has_a_golden_case() {
    const ELSEWHERE: &[&str] = &[codes::FILE_TOO_LARGE];
    for (code, severity, _) in codes::ALL {
        if ELSEWHERE.contains(code) {
            continue;
        }
        let input = golden_dir().join(format!("{code}.json"));
        let text = fs::read_to_string(&input)
            .unwrap_or_else(|_| panic!("no golden case {}", input.display()));
        let report = lint(&text);
        let found: BTreeSet<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == *code)
            .map(|d| d.severity)
            .collect();
        assert_eq!(
            found,
            BTreeSet::from([*severity]),
            "{code}.json must show {code} as {severity:?}"
        );
    }
}

/// And the other way round: a golden case is named after a code (or is `valid` or a variant
/// `<code>-<detail>`), so that the folder stays an index of what `lint` reports.
#[test]
fn every_golden_case_is_named_after_a_code() {
    for input in cases() {
        let name = input.file_stem().unwrap().to_string_lossy().into_owned();
        let known = name == "valid"
            || codes::ALL
                .iter()
                .any(|(code, _, _)| name == *code || name.starts_with(&format!("{code}-")));
        let variant = name == "condition-escapes";
        assert!(known || variant, "{name}.json is not named after a code");
    }
}
