//! Exports of reviews as files people take elsewhere: a spreadsheet, a wiki page, a script, a
//! tracker's import. Data only: the page lays out and downloads what these functions return.
//!
//! - [`model`]: what every export shows, gathered once by [`collect`] from the public
//!   `Workspace` API (so exports see exactly what the app shows, now or in a milestone).
//! - One pure function per format, model in, text out: [`csv`], [`markdown`], [`json`],
//!   [`tickets`] (Jira, GitHub, Azure DevOps) and [`consolidated`] (every workload at once).
//! - [`file`]: a format by its API name, the file's name and media type, its text.
//! - [`rfc4180`] writes CSV cells (quoting, formula neutralising); [`markdown_text`] escapes
//!   text for Markdown; [`labels`] holds the words shared by the human-readable formats.
//!
//! Every name, title and note in the model is untrusted (lens files and notes come from
//! anyone): each format neutralises what its readers would otherwise execute or misparse.

pub mod collect;
pub mod consolidated;
pub mod csv;
pub mod file;
pub mod json;
pub mod labels;
pub mod markdown;
mod markdown_plan;
pub mod markdown_text;
pub mod model;
pub mod rfc4180;
pub mod tickets;

pub use collect::{collect, collect_consolidated};
pub use model::{
    ConsolidatedExport, ConsolidatedLens, ConsolidatedWorkload, LensExport, MilestoneRef,
    PillarExport, PillarRisk, PracticeExport, QuestionExport, SharedImprovement, WorkloadExport,
};
