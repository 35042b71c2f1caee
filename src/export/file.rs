//! An export as a file to download: which format a caller asked for (by the name the JS API
//! takes), the file's name made from the workload's name, its media type, and its text.
//!
//! JSON formats are left to the caller ([`text`] returns `None` for them): the wasm hands the
//! document to `JSON.stringify` as a plain value instead of carrying a JSON writer of its own;
//! native callers use [`super::json::to_json`] and [`super::tickets::github::to_github_json`].

use super::model::WorkloadExport;
use super::tickets::{azure_devops, jira, TicketFilter};
use super::{csv, markdown};
use crate::workload::WorkspaceError;

/// The formats of `exportReport`, by their API names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Markdown,
    Json,
    Jira,
    Github,
    AzureDevops,
}

/// The API names, in the order error messages list them.
pub const FORMAT_NAMES: [&str; 6] = ["csv", "markdown", "json", "jira", "github", "azure-devops"];

impl Format {
    /// The format named `name`, else `Validation` on field `format` listing the names.
    pub fn parse(name: &str) -> Result<Format, WorkspaceError> {
        Ok(match name {
            "csv" => Format::Csv,
            "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jira" => Format::Jira,
            "github" => Format::Github,
            "azure-devops" => Format::AzureDevops,
            other => {
                return Err(WorkspaceError::validation(
                    "format",
                    format!(
                        "`{}` is not an export format; use one of {}",
                        crate::shown::excerpt(other),
                        FORMAT_NAMES.join(", ")
                    ),
                ))
            }
        })
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv | Format::Jira | Format::AzureDevops => "text/csv;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Json | Format::Github => "application/json",
        }
    }

    /// What follows the workload's name in the file name: the tracker files say which tracker
    /// they are for, so that two downloads of one workload do not overwrite each other.
    fn suffix(self) -> &'static str {
        match self {
            Format::Csv => ".csv",
            Format::Markdown => ".md",
            Format::Json => ".json",
            Format::Jira => "-jira.csv",
            Format::Github => "-github-issues.json",
            Format::AzureDevops => "-azure-devops.csv",
        }
    }

    /// Whether the caller writes this format from a plain value (see the module's docs).
    pub fn is_json(self) -> bool {
        matches!(self, Format::Json | Format::Github)
    }
}

/// The text of a non-JSON format; `None` for the JSON formats.
pub fn text(export: &WorkloadExport, format: Format, filter: &TicketFilter) -> Option<String> {
    Some(match format {
        Format::Csv => csv::to_csv(export),
        Format::Markdown => markdown::to_markdown(export),
        Format::Jira => jira::to_jira_csv(export, filter),
        Format::AzureDevops => azure_devops::to_azure_devops_csv(export, filter),
        Format::Json | Format::Github => return None,
    })
}

/// The file name of `format` for this export: the workload's name made safe, then the
/// milestone's number when the export shows one.
pub fn file_name(export: &WorkloadExport, format: Format) -> String {
    let mut name = safe_name(&export.workload.properties.workload_name, "workload");
    if let Some(m) = &export.milestone {
        name.push_str(&format!("-milestone-{}", m.milestone_number));
    }
    name + format.suffix()
}

/// The longest name part kept: well under every file system's limit, with room for suffixes.
const MAX_NAME_CHARS: usize = 60;

/// `text` as a file name part every system accepts: letters and digits (any script) kept and
/// lowercased, every run of anything else one `-`, no `-` at either end, at most
/// [`MAX_NAME_CHARS`]; `fallback` when nothing is left. Names are untrusted: this also drops
/// path separators, dots (no `..`, no hidden files) and control characters.
pub fn safe_name(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(crate::case::lowercase_char(c));
        } else {
            gap = true;
        }
        if out.chars().count() >= MAX_NAME_CHARS {
            break;
        }
    }
    // A lowercase letter can be several characters, and a gap adds one: cut to the limit.
    let cut: String = out.chars().take(MAX_NAME_CHARS).collect();
    match cut.trim_end_matches('-') {
        "" => fallback.to_string(),
        name => name.to_string(),
    }
}
