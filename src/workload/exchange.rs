//! Answers files in and out of a lens review: the types of `exportAnswers` / `importAnswers`.
//!
//! The operations live in `ops/exchange.rs`. An import is checked whole against the lens
//! before anything is written, then committed in one transaction: a file with one bad value
//! changes nothing. Every problem in the file is an [`AnswersFileError`] naming its JSON path
//! (`AnswerSummaries[3].SelectedChoices[1]`), so the page can say exactly where to look.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::WorkspaceError;
use crate::review::import::ImportError;
use crate::review::RiskCounts;

/// What `importAnswers` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub lens_alias: String,
    /// Questions the file answers (each was checked and applied).
    pub questions_in_file: u32,
    /// Of those, the ones whose saved answer changed.
    pub questions_updated: u32,
    /// The lens review's counts after the import.
    pub risk_counts: RiskCounts,
}

/// Why an import was refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAnswersError {
    /// The file: not JSON, not an answers document, or a value the lens does not have.
    File(AnswersFileError),
    /// The workspace: unknown workload, lens not applied, conflict, storage failure.
    Workspace(WorkspaceError),
}

/// A problem in an answers file, at a JSON path (`""` for the whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswersFileError {
    pub path: String,
    /// 1-based line and column, for syntax errors.
    pub line_column: Option<(usize, usize)>,
    pub message: String,
}

impl AnswersFileError {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        AnswersFileError {
            path: path.into(),
            line_column: None,
            message: message.into(),
        }
    }
}

impl From<ImportError> for AnswersFileError {
    fn from(e: ImportError) -> Self {
        AnswersFileError {
            path: e.path,
            line_column: e.line_column,
            message: e.message,
        }
    }
}

impl From<WorkspaceError> for ImportAnswersError {
    fn from(e: WorkspaceError) -> Self {
        ImportAnswersError::Workspace(e)
    }
}

impl From<AnswersFileError> for ImportAnswersError {
    fn from(e: AnswersFileError) -> Self {
        ImportAnswersError::File(e)
    }
}

impl fmt::Display for AnswersFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.line_column, self.path.as_str()) {
            (Some((line, column)), _) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (None, "") => f.write_str(&self.message),
            (None, path) => write!(f, "at {path}: {}", self.message),
        }
    }
}

impl fmt::Display for ImportAnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportAnswersError::File(e) => write!(f, "{e}"),
            ImportAnswersError::Workspace(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for AnswersFileError {}
impl std::error::Error for ImportAnswersError {}
