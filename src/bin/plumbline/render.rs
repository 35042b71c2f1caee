//! Diagnostics for people (`FILE:LINE:COLUMN: severity[code] message (at PATH)` and a summary)
//! and for programs (`{"diagnostics":[…]}`, design.md's contract).

use plumbline::lens::{Diagnostic, Severity};
use plumbline::shown::{escape, shorten};
use serde::Serialize;

/// How many characters of a JSON path a text line shows: paths quote keys, and a key can be as
/// long as the file.
const PATH_CHARS: usize = 200;

/// One line per diagnostic, then a summary line. `file` is already escaped (input.rs names
/// files that way); messages come escaped from the core and are escaped again here, paths are
/// escaped here (the JSON format keeps them exact), so no input can break a line in two or
/// reorder it.
pub fn text(file: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{file}:{}:{}: {severity}[{}] {}",
            d.line,
            d.column,
            d.code,
            escape(&d.message)
        ));
        // The root has no path worth printing; everything else does.
        if !d.path.is_empty() {
            out.push_str(&format!(" (at {})", escape(&shorten(&d.path, PATH_CHARS))));
        }
        out.push('\n');
    }
    out.push_str(&summary(file, diagnostics));
    out.push('\n');
    out
}

/// `FILE: 2 errors, 1 warning`, or `FILE: no problems found`.
pub fn summary(file: &str, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if diagnostics.is_empty() {
        return format!("{file}: no problems found");
    }
    format!(
        "{file}: {}, {}",
        count(errors, "error"),
        count(warnings, "warning")
    )
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `{"diagnostics":[{"severity","code","path","line","column","message"}]}`.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        diagnostics: &'a [Diagnostic],
    }
    pretty(&Report { diagnostics })
}

/// Pretty JSON with a final newline, for `evaluate` and `plan`.
pub fn pretty<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("results serialise");
    out.push('\n');
    out
}
