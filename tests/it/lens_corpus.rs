//! Lints every real-world lens in the shared corpus and compares a one-line summary per file
//! (valid or not, distinct error codes, distinct warning codes) with `tests/corpus_expected.tsv`.
//!
//! The corpus lives outside the project (`../shared/lens-corpus`, or `PLUMBLINE_LENS_CORPUS`)
//! and is never copied in: several files have unknown or GPL licences, and some carry personal
//! data. The summary therefore holds file names and codes only, never file content.
//! Without the folder the test is skipped, except under CI (`CI=true`), where it fails.
//! `UPDATE_GOLDEN=1` rewrites the expected file from the current results.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use plumbline::lens::Severity;
use plumbline::lint::lint;

const EXPECTED: &str = "tests/corpus_expected.tsv";
const HEADER: &str = "file\tvalid\terrors\twarnings";

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PLUMBLINE_LENS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/lens-corpus"),
    }
}

/// `a,b,c`, or `-` when there is none.
fn codes(set: &BTreeSet<&str>) -> String {
    if set.is_empty() {
        "-".to_string()
    } else {
        set.iter().copied().collect::<Vec<_>>().join(",")
    }
}

fn summarize(name: &str, bytes: &[u8]) -> String {
    // The CLI reports invalid UTF-8 itself; the corpus has none, so this would be a real change.
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    let report = lint(text);
    let mut errors = BTreeSet::new();
    let mut warnings = BTreeSet::new();
    for d in &report.diagnostics {
        match d.severity {
            Severity::Error => errors.insert(d.code),
            Severity::Warning => warnings.insert(d.code),
        };
    }
    let valid = if errors.is_empty() { "yes" } else { "no" };
    format!("{name}\t{valid}\t{}\t{}", codes(&errors), codes(&warnings))
}

#[test]
fn corpus_matches_expected_summary() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!ci, "lens corpus not found at {} (CI=true)", dir.display());
        eprintln!("lens corpus not found at {}; skipped", dir.display());
        return;
    }
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("read corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no .json files in {}", dir.display());

    let mut lines = vec![HEADER.to_string()];
    for name in &names {
        let bytes = fs::read(dir.join(name)).expect("read corpus file");
        lines.push(summarize(name, &bytes));
    }
    let actual = lines.join("\n") + "\n";

    let expected_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXPECTED);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        fs::write(&expected_path, &actual).expect("write expected");
        return;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        let exp: BTreeSet<&str> = expected.lines().collect();
        let act: BTreeSet<&str> = actual.lines().collect();
        let mut report = String::new();
        for line in exp.difference(&act) {
            report.push_str(&format!("- {line}\n"));
        }
        for line in act.difference(&exp) {
            report.push_str(&format!("+ {line}\n"));
        }
        panic!("corpus results differ from {EXPECTED} (rerun with UPDATE_GOLDEN=1 after checking):\n{report}");
    }
}
