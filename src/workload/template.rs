//! Review templates as the JS API sees them: answers and notes prepared once and copied into
//! every workload defined from the template (AWS CreateReviewTemplate and friends).
//!
//! A template is stored in a workload's shape under `template/{id}` (see `record`), so its
//! answers, notes and lenses go through the workload's plans; this module holds the shapes
//! that differ: the template's fields, question counts instead of risk counts, and what
//! "Update from template" proposes and takes.

use serde::{Deserialize, Serialize};

use super::error::WorkspaceError;
use super::record::WorkloadDoc;
use super::validate::{self, Check};
use crate::review::RiskCounts;
use crate::sorted_map::SortedMap;

/// `createReviewTemplate`'s argument (every field optional: validation names the missing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TemplateInput {
    pub template_name: Option<String>,
    pub description: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<SortedMap<String, String>>,
    pub lenses: Option<Vec<String>>,
}

/// `updateReviewTemplate`'s argument: only the fields present change; an empty `notes`
/// clears them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TemplatePatch {
    pub template_name: Option<String>,
    pub description: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<SortedMap<String, String>>,
    pub lenses_to_associate: Option<Vec<String>>,
    pub lenses_to_disassociate: Option<Vec<String>>,
    pub expected_revision: Option<String>,
}

/// AWS QuestionCounts: `{ANSWERED, UNANSWERED}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QuestionCounts {
    #[serde(rename = "ANSWERED")]
    pub answered: u32,
    #[serde(rename = "UNANSWERED")]
    pub unanswered: u32,
}

impl QuestionCounts {
    pub fn of(counts: &RiskCounts) -> Self {
        QuestionCounts {
            answered: counts.answered(),
            unanswered: counts.unanswered,
        }
    }
}

/// `getReviewTemplate`'s result; also one row of `listReviewTemplates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewTemplate {
    pub template_id: String,
    pub template_name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub lenses: Vec<String>,
    pub tags: SortedMap<String, String>,
    /// Raised by every change of the template's content (fields, lenses, answers, notes).
    pub template_version: u32,
    pub question_counts: QuestionCounts,
    /// `CURRENT`, or `LENS_NOT_CURRENT` when a custom lens has a newer published version.
    pub update_status: &'static str,
    pub created_at: String,
    pub updated_at: String,
    /// The workloads defined from it (name by id), so that deleting it can say which.
    pub used_by: Vec<TemplateUser>,
    pub revision: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateUser {
    pub workload_id: String,
    pub workload_name: String,
    /// The template version the workload's answers were last brought up to.
    pub template_version: u32,
}

impl ReviewTemplate {
    pub fn of(doc: &WorkloadDoc, revision: &str, used_by: Vec<TemplateUser>) -> Self {
        let p = &doc.properties;
        ReviewTemplate {
            template_id: doc.workload_id.clone(),
            template_name: p.workload_name.clone(),
            description: p.description.clone(),
            notes: p.notes.clone(),
            lenses: doc.lenses.clone(),
            tags: p.tags.clone(),
            template_version: doc.template_version.unwrap_or_default(),
            question_counts: QuestionCounts::of(&doc.risk_counts),
            update_status: "CURRENT",
            created_at: doc.created_at.clone(),
            updated_at: doc.updated_at.clone(),
            used_by,
            revision: revision.to_string(),
        }
    }
}

/// `getReviewTemplateLensReview`'s result: AWS ReviewTemplateLensReview, question counts and
/// no risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateLensReview {
    pub template_id: String,
    pub lens_alias: String,
    pub lens_name: String,
    pub lens_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub question_counts: QuestionCounts,
    pub pillar_review_summaries: Vec<TemplatePillarSummary>,
    pub revision: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePillarSummary {
    pub pillar_id: String,
    pub pillar_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub question_counts: QuestionCounts,
}

impl TemplateLensReview {
    /// From the workload-shaped lens review, its risk counts turned into question counts.
    pub fn of(id: &str, review: super::lens_review::LensReview) -> Self {
        TemplateLensReview {
            template_id: id.to_string(),
            lens_alias: review.lens_alias,
            lens_name: review.lens_name,
            lens_version: review.lens_version,
            notes: review.notes,
            question_counts: QuestionCounts::of(&review.risk_counts),
            pillar_review_summaries: review
                .pillar_review_summaries
                .into_iter()
                .map(|p| TemplatePillarSummary {
                    question_counts: QuestionCounts::of(&p.risk_counts),
                    pillar_id: p.pillar_id,
                    pillar_name: p.pillar_name,
                    notes: p.notes,
                })
                .collect(),
            revision: review.revision,
        }
    }
}

/// What `reviewTemplateUpdate` proposes for a workload, and `updateFromReviewTemplate` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateUpdate {
    pub workload_id: String,
    pub template_id: String,
    pub template_name: String,
    /// The version the workload's answers came from, and the template's now.
    pub current_template_version: u32,
    pub latest_template_version: u32,
    /// Questions the template changed and the team did not: taken from the template.
    pub updates: Vec<TemplateQuestion>,
    /// Questions both changed: the user chooses per question (`resolutions`).
    pub conflicts: Vec<TemplateQuestion>,
    /// Whether the update was applied (`false` for the proposal).
    pub applied: bool,
}

/// One question of a [`TemplateUpdate`]. `key` is `{lensAlias}/{questionId}`, the key of
/// `resolutions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateQuestion {
    pub key: String,
    pub lens_alias: String,
    pub question_id: String,
    pub question_title: String,
}

/// The choice for one conflicting question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateResolution {
    /// Keep the workload's answer.
    KeepWorkload,
    /// Take the template's answer (the provenance comes back).
    TakeTemplate,
}

/// `updateFromReviewTemplate`'s argument.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TemplateUpdateOptions {
    /// A choice for every conflict, by `{lensAlias}/{questionId}`.
    pub resolutions: SortedMap<String, TemplateResolution>,
}

/// One row of `reviewTemplateUpdates`: a workload whose template changed since its answers
/// were copied (the integrator's `TEMPLATE_UPDATED` notification).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateNotice {
    pub workload_id: String,
    pub workload_name: String,
    pub template_id: String,
    pub template_name: String,
    pub current_template_version: u32,
    pub latest_template_version: u32,
}

/// Template names and descriptions: AWS's lengths and characters
/// (`^[A-Za-z0-9-_.,:/()@!&?#+'’\s]+$`); names also as workload names (3 visible).
pub fn check_text(field: &str, value: &str, max: usize) -> Check {
    validate::length(field, value, 3, max)?;
    if field == "templateName" {
        validate::name(field, value)?;
    }
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || c.is_whitespace() || "-_.,:/()@!&?#+'’".contains(c);
    match value.chars().find(|&c| !allowed(c)) {
        Some(c) => Err(WorkspaceError::validation(
            field,
            format!("may hold letters A-Z, digits, spaces and - _ . , : / ( ) @ ! & ? # + ' ’ only; `{c}` is not one of them"),
        )),
        None => Ok(()),
    }
}

/// `importReviewTemplate`'s options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TemplateImportOptions {
    /// Replaces the file's template name (when it is taken here).
    pub template_name: Option<String>,
}
