//! Diagnostics: one problem in a lens file, located by JSON path and line:column.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding. `code` is stable (tests and CI scripts match on it); `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    /// JSON path such as `pillars[1].questions[3].riskRules[0].condition`; empty for the root.
    pub path: String,
    /// 1-based line and column (in characters) in the original text.
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A finding of a check that runs on a valid lens (rule analysis): located by JSON path only;
/// [`super::check`] turns it into a [`Diagnostic`] with line:column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    /// JSON path of the question or rule, e.g. `pillars[0].questions[2].riskRules[1]`.
    pub path: String,
    pub message: String,
}
