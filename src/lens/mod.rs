//! The custom-lens JSON format: parsing with positions, the typed model, validation.
//!
//! `text` → [`json::read`] (a value tree with byte offsets; strict RFC 8259) → the builder
//! (model + shape, type and key checks) with [`validate`] (the documented limits and rules) and
//! [`conditions`] (risk-rule conditions against their question's choices) → diagnostics with a
//! JSON path and a line:column. [`crate::lint`] adds the rule analysis of `review` on top (it
//! sits above both, so this module never calls `review`). Every code `lint` can emit is listed
//! in [`codes`].

mod build;
pub mod codes;
mod conditions;
pub mod diagnostic;
mod issue;
pub mod json;
pub mod model;
pub mod path;
pub mod position;
mod scan;
mod schema;
pub mod validate;

pub use diagnostic::{Diagnostic, Finding, Severity};
pub use model::Lens;

use issue::Issues;
use position::LineIndex;

/// The largest lens file read, in bytes. AWS documents two limits: "a custom lens cannot exceed
/// 500 KB" (console) and ImportLens's JSONString of at most 500,000 characters (API). For
/// ASCII text they agree; for other text a byte count is the stricter of the two (a character
/// is at least one byte), so a file under this limit passes both. The size is checked before
/// reading, so a huge file costs nothing.
pub const MAX_FILE_BYTES: usize = 500_000;

/// Everything `lint` learned about a lens text.
#[derive(Debug, Clone)]
pub struct LintReport {
    /// The model, built whenever the structure could be read (also with validation errors,
    /// so that a draft can be previewed with its errors listed).
    pub lens: Option<Lens>,
    /// Sorted by line, then column.
    pub diagnostics: Vec<Diagnostic>,
}

impl LintReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How strictly ids are checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// AWS's own framework lens uses question ids with hyphens (`ops-model`), which the
    /// custom-lens specification forbids (`[A-Za-z0-9_]` only). The lenses Plumbline ships keep
    /// AWS's ids so that exported answers import unchanged, so they are linted with this set:
    /// `-` is then accepted in question ids (only there). Custom lenses never set it.
    pub official_ids: bool,
    /// Keys the lens format does not define are errors instead of warnings. The AWS tool
    /// ignores them, and real lenses carry many (`_version`, a choice `description`), so this
    /// is for authors who want to be told about every key that has no effect.
    pub strict: bool,
}

/// What a lens without errors is further checked with: findings located by JSON path (rule
/// analysis, from `review`), placed at their line:column by [`check`].
pub type Analysis<'a> = &'a dyn Fn(&Lens) -> Vec<Finding>;

/// Reads and validates `text`; with `analysis`, also runs it when there is no error.
/// Analysis only ever adds warnings, and only to a lens without errors, so [`parse`] (which
/// keeps diagnostics only when there are errors) skips it: they would be thrown away.
pub fn check(text: &str, options: &LintOptions, analysis: Option<Analysis>) -> LintReport {
    if text.len() > MAX_FILE_BYTES {
        return too_large(text);
    }
    let arena = json::Arena::default();
    let mut parsed = json::read(text, &arena);
    let lines = parsed
        .line_starts
        .take()
        .map(|starts| LineIndex::from_starts(text, starts));
    let mut cx = build::Cx::new(text, *options, lines);
    for error in &parsed.errors {
        let path = parsed
            .root
            .as_ref()
            .map(|root| path::path_at(root, error.offset))
            .unwrap_or_default();
        let message = error.message(cx.lines());
        cx.issues
            .push(error.severity(), error.code(), path, error.offset, message);
    }
    let lens = parsed
        .root
        .as_ref()
        .and_then(|root| build::lens(&mut cx, root));
    if let (Some(lens), Some(root)) = (&lens, &parsed.root) {
        let analysis = analysis.filter(|_| !cx.issues.has_errors());
        if let Some(analyze) = analysis {
            for finding in analyze(lens) {
                // Findings name a question or rule by path; place them where it is written.
                let offset = path::resolve(root, &finding.path).offset;
                cx.issues.push(
                    finding.severity,
                    finding.code,
                    finding.path,
                    offset,
                    finding.message,
                );
            }
        }
    }
    let issues = std::mem::take(&mut cx.issues);
    let diagnostics = issues.into_diagnostics(cx.lines());
    LintReport { lens, diagnostics }
}

fn too_large(text: &str) -> LintReport {
    let mut issues = Issues::default();
    issues.push(
        Severity::Error,
        codes::FILE_TOO_LARGE,
        String::new(),
        0,
        format!(
            "the file is {} bytes; the limit is {} bytes (AWS: a custom lens cannot exceed 500 KB), so it was not read",
            thousands(text.len()),
            thousands(MAX_FILE_BYTES)
        ),
    );
    LintReport {
        lens: None,
        diagnostics: issues.into_diagnostics(&LineIndex::new("")),
    }
}

/// `1234567` → `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A lens usable in a review: `Err` with every diagnostic when any of them is an error.
pub fn parse(text: &str) -> Result<Lens, Vec<Diagnostic>> {
    parse_with(text, &LintOptions::default())
}

/// [`parse`] with explicit options.
pub fn parse_with(text: &str, options: &LintOptions) -> Result<Lens, Vec<Diagnostic>> {
    let report = check(text, options, None);
    match report.lens {
        Some(lens) if !report.has_errors() => Ok(lens),
        _ => Err(report.diagnostics),
    }
}
