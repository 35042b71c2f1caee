//! The custom-lens JSON format: parsing with positions, the typed model, validation.
//!
//! INTERFACE STUB (to be implemented by the lens work): signatures are fixed, bodies are not.

pub mod diagnostic;
pub mod model;

pub use diagnostic::{Diagnostic, Severity};
pub use model::Lens;

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

/// Parses and validates a lens text, including rule analysis warnings
/// ([`crate::review::analysis::analyze`]) when the lens has no error.
pub fn lint(text: &str) -> LintReport {
    let _ = text;
    LintReport {
        lens: None,
        diagnostics: Vec::new(),
    }
}

/// A lens usable in a review: `Err` with every diagnostic when any of them is an error.
pub fn parse(text: &str) -> Result<Lens, Vec<Diagnostic>> {
    parse_with(text, &LintOptions::default())
}

/// [`parse`] with explicit options.
pub fn parse_with(text: &str, options: &LintOptions) -> Result<Lens, Vec<Diagnostic>> {
    let report = lint_with(text, options);
    match report.lens {
        Some(lens) if !report.has_errors() => Ok(lens),
        _ => Err(report.diagnostics),
    }
}
