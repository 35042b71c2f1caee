//! Collecting problems while a lens is read, then turning them into sorted [`Diagnostic`]s.
//!
//! Checks record a byte offset, not a line and column: offsets are free to carry, and the line
//! index is built once, at the end, only when there is something to report.

use super::diagnostic::{Diagnostic, Severity};
use super::path::Path;
use super::position::LineIndex;

/// One problem before its position is resolved.
#[derive(Debug, Clone)]
pub struct Issue {
    pub severity: Severity,
    pub code: &'static str,
    pub path: String,
    pub offset: usize,
    pub message: String,
}

/// Where checks put what they find.
#[derive(Debug, Default)]
pub struct Issues {
    list: Vec<Issue>,
}

impl Issues {
    pub fn error(&mut self, code: &'static str, path: &Path<'_>, offset: usize, message: String) {
        self.push(Severity::Error, code, path.render(), offset, message);
    }

    pub fn warning(&mut self, code: &'static str, path: &Path<'_>, offset: usize, message: String) {
        self.push(Severity::Warning, code, path.render(), offset, message);
    }

    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: String,
        offset: usize,
        message: String,
    ) {
        // Every site quotes input through `shown::excerpt`; escaping the whole message too
        // (idempotent, and free when there is nothing to escape) covers any it misses.
        let message = match crate::shown::escape(&message) {
            std::borrow::Cow::Borrowed(_) => message,
            std::borrow::Cow::Owned(escaped) => escaped,
        };
        self.list.push(Issue {
            severity,
            code,
            path,
            offset,
            message,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|i| i.severity == Severity::Error)
    }

    /// Diagnostics sorted by line, then column (the same order as by offset); problems at the
    /// same place keep the order in which they were found (the sort is stable), so the output
    /// is deterministic.
    pub fn into_diagnostics(mut self, lines: &LineIndex<'_>) -> Vec<Diagnostic> {
        crate::sorted::by_key(&mut self.list, |issue| issue.offset);
        let offsets: Vec<usize> = self.list.iter().map(|issue| issue.offset).collect();
        let positions = lines.positions_sorted(&offsets);
        self.list
            .into_iter()
            .zip(positions)
            .map(|(issue, (line, column))| Diagnostic {
                severity: issue.severity,
                code: issue.code,
                path: issue.path,
                line,
                column,
                message: issue.message,
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
