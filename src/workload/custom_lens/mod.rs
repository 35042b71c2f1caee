//! Custom lenses kept in the workspace: imported as a draft, published as immutable versions,
//! applied to workloads like the shipped lenses.
//!
//! Life cycle (as AWS's ImportLens / CreateLensVersion / ExportLens / DeleteLens):
//! - `import_lens(text)` lints the text (the CLI's `lint::lint`, default options) and keeps it
//!   as the lens's **draft** even when it has errors, so the author keeps their work and sees
//!   what is wrong. With `lensAlias`, it replaces the draft of an existing custom lens.
//! - `create_lens_version` publishes the draft as an immutable version; a draft with errors is
//!   refused (`LensInvalid` with the diagnostics). Only published versions can be applied.
//! - A workload's lens review records the version it uses (in its review record and summary),
//!   so publishing a new version changes no review and no milestone.
//! - `delete_lens` is refused while any workload has a review of the lens (applied now, or
//!   applied before and kept for re-association and milestones), naming those workloads.
//!
//! - [`record`]: the stored documents; [`rules`]: version names and limits; `resolve`: the one
//!   lookup every review operation uses, with its cache of parsed versions.

pub mod record;
mod resolve;
pub mod rules;

use serde::{Deserialize, Serialize};

use crate::lens::Diagnostic;

/// What `importLens` returns: the draft's handle and the lint result of its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportLensResult {
    pub lens_alias: String,
    pub lens_arn: String,
    pub lens_name: String,
    /// Always `DRAFT`: an import never publishes.
    pub status: &'static str,
    /// Every diagnostic of the draft text, errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// `importLens(text, options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportLensOptions {
    /// Replace the draft of this custom lens (its alias or its ARN) instead of creating one.
    pub lens_alias: Option<String>,
}

/// `createLensVersion(lensAlias, input)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LensVersionInput {
    pub lens_version: Option<String>,
    /// Recorded, as AWS does; Plumbline never upgrades a review by itself either way.
    pub is_major_version: Option<bool>,
}

/// `exportLens(lensAlias, options)` and `lens(lensAlias, options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LensVersionOptions {
    /// A published version's name; without it, export gives the draft and `lens` the latest
    /// published version.
    pub lens_version: Option<String>,
}

/// One published version, as `createLensVersion` returns it and `getCustomLens` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensVersionSummary {
    pub lens_version: String,
    pub is_major_version: bool,
    pub created_at: String,
    pub pillar_count: usize,
    pub question_count: usize,
}

/// A custom lens with its draft's state and its versions (`getCustomLens`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomLensDetail {
    #[serde(flatten)]
    pub summary: crate::catalog::LensSummary,
    /// The draft's diagnostics (the draft is linted again: they are not stored).
    pub diagnostics: Vec<Diagnostic>,
    /// Oldest first.
    pub versions: Vec<LensVersionSummary>,
}
