//! Errors of the workspace, sorted into the kinds the JS API exposes as `error.kind`.

use std::fmt;

use crate::catalog::CatalogError;
use crate::lens::Diagnostic;
use crate::store::StoreError;

/// One broken rule of an input: the camelCase property and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// An input value breaks a rule. `field` is the camelCase property name of the input;
    /// `message` states the rule and what is wrong with the value. `more` holds the other
    /// problems of the same input, so that one submit of a form can flag every field at once.
    Validation {
        field: String,
        message: String,
        more: Vec<Problem>,
    },
    /// No such workload, lens review or milestone; the message says which.
    NotFound { message: String },
    /// The record changed since the caller read it (the `expectedRevision` it sent is stale),
    /// or another writer using the same storage kept changing it while we retried.
    Conflict { message: String },
    /// A custom lens's draft has validation errors, so it cannot be published: every
    /// diagnostic (errors and warnings) goes with it, as `Lens.parse` reports them.
    LensInvalid {
        message: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// A file given to import (a workspace backup) is not what it should be: `path` is the
    /// JSON path of the first problem. Nothing was changed.
    FileInvalid { path: String, message: String },
    /// The store failed; nothing was changed.
    Storage(StoreError),
    /// A shipped lens the call needs is not loaded yet (`Uninitialized`, naming it: give its
    /// file and call again), or its file does not parse. Nothing was changed.
    ShippedLens(CatalogError),
}

impl WorkspaceError {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        WorkspaceError::Validation {
            field: field.to_string(),
            message: message.into(),
            more: Vec::new(),
        }
    }

    /// Every problem found in one input, the first in front; `Ok` when there is none.
    pub fn all_problems(problems: Vec<Problem>) -> Result<(), Self> {
        let mut rest = problems.into_iter();
        match rest.next() {
            None => Ok(()),
            Some(first) => Err(WorkspaceError::Validation {
                field: first.field,
                message: first.message,
                more: rest.collect(),
            }),
        }
    }

    /// Every problem of a validation error (the first one first), empty for other kinds.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            WorkspaceError::Validation {
                field,
                message,
                more,
            } => std::iter::once(Problem {
                field: field.clone(),
                message: message.clone(),
            })
            .chain(more.iter().cloned())
            .collect(),
            _ => Vec::new(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        WorkspaceError::NotFound {
            message: message.into(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        WorkspaceError::Conflict {
            message: message.into(),
        }
    }

    /// The `kind` the JS API puts on the thrown `Error`. Storage failures are split finer
    /// where the user can act differently (free space, reload, use another browser).
    pub fn kind(&self) -> &'static str {
        match self {
            WorkspaceError::Validation { .. } => "Validation",
            WorkspaceError::NotFound { .. } => "NotFound",
            WorkspaceError::Conflict { .. } => "Conflict",
            WorkspaceError::LensInvalid { .. } => "LensInvalid",
            WorkspaceError::FileInvalid { .. } => "Validation",
            WorkspaceError::ShippedLens(e) => e.kind(),
            WorkspaceError::Storage(e) => match e {
                StoreError::QuotaExceeded { .. } => "QuotaExceeded",
                StoreError::Corrupted { .. } => "Corrupted",
                StoreError::Unavailable { .. } => "Unavailable",
                // A store conflict that reaches the caller is reported as `Conflict` (see
                // `From<StoreError>`); this arm only exists for completeness.
                StoreError::Conflict { .. } => "Conflict",
                StoreError::Backend { .. } => "Storage",
            },
        }
    }

    /// The diagnostics of a lens that cannot be published (`LensInvalid`).
    pub fn diagnostics(&self) -> Option<&[Diagnostic]> {
        match self {
            WorkspaceError::LensInvalid { diagnostics, .. } => Some(diagnostics),
            _ => None,
        }
    }

    /// The damaged record's id, for `Corrupted`.
    pub fn record_id(&self) -> Option<&str> {
        match self {
            WorkspaceError::Storage(StoreError::Corrupted { id, .. }) => Some(id),
            _ => None,
        }
    }

    /// The shipped lens a call needs and does not have (`Uninitialized`), or whose file is bad.
    pub fn lens_alias(&self) -> Option<&str> {
        match self {
            WorkspaceError::ShippedLens(e) => e.lens_alias(),
            _ => None,
        }
    }

    /// The JSON path of the problem in an imported file.
    pub fn path(&self) -> Option<&str> {
        match self {
            WorkspaceError::FileInvalid { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The offending input property, for validation errors.
    pub fn field(&self) -> Option<&str> {
        match self {
            WorkspaceError::Validation { field, .. } => Some(field),
            WorkspaceError::FileInvalid { .. } => Some("backup"),
            _ => None,
        }
    }
}

impl From<CatalogError> for WorkspaceError {
    fn from(e: CatalogError) -> Self {
        WorkspaceError::ShippedLens(e)
    }
}

impl From<StoreError> for WorkspaceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict { id } => WorkspaceError::conflict(format!(
                "{}; nothing was saved; try again",
                StoreError::Conflict { id }
            )),
            other => WorkspaceError::Storage(other),
        }
    }
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::Validation { field, message, .. } => write!(f, "{field}: {message}"),
            WorkspaceError::NotFound { message } => f.write_str(message),
            WorkspaceError::Conflict { message } => f.write_str(message),
            WorkspaceError::LensInvalid { message, .. } => f.write_str(message),
            WorkspaceError::FileInvalid { path, message } => {
                write!(
                    f,
                    "the backup file cannot be restored: at {path}: {message}"
                )
            }
            WorkspaceError::Storage(e) => write!(f, "{e}"),
            WorkspaceError::ShippedLens(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for WorkspaceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkspaceError::Storage(e) => Some(e),
            WorkspaceError::ShippedLens(e) => Some(e),
            _ => None,
        }
    }
}
