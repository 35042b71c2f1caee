//! A lens review as `getLensReview` returns it: risk counts per lens and pillar, with notes.

use serde::{Deserialize, Serialize};

use super::record::{LensSummaryRecord, ReviewDoc};
use crate::catalog::CatalogLens;
use crate::review::RiskCounts;
use crate::sorted_map::SortedMap;

/// `getLensReview`'s result (AWS LensReview, camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensReview {
    pub lens_alias: String,
    pub lens_arn: String,
    pub lens_name: String,
    pub lens_version: String,
    /// The lens's latest published version: a custom lens's review on an older one can be
    /// moved to it with `upgradeLensReview`. Equal to `lens_version` for shipped lenses.
    pub latest_lens_version: String,
    pub risk_counts: RiskCounts,
    pub pillar_review_summaries: Vec<PillarReviewSummary>,
    /// Lens notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub questions_answered: u32,
    pub question_count: u32,
    pub updated_at: String,
    /// Set when this is a milestone's frozen review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_number: Option<u32>,
    /// Pass it back as `expectedRevision` to `updateLensReview`; `""` in milestones.
    pub revision: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarReviewSummary {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts: RiskCounts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub questions_answered: u32,
    pub question_count: u32,
}

/// `updateLensReview`'s argument. Notes ≤ 2084 characters; an empty string clears them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct LensReviewUpdate {
    pub lens_notes: Option<String>,
    /// Pillar id → notes; pillars not named keep their notes.
    pub pillar_notes: Option<SortedMap<String, String>>,
    pub expected_revision: Option<String>,
}

/// Assembles the review from its stored record and the condensed evaluation of its answers.
pub fn build(
    lens: &CatalogLens,
    review: &ReviewDoc,
    summary: &LensSummaryRecord,
    milestone_number: Option<u32>,
    revision: &str,
) -> LensReview {
    let pillar_review_summaries = lens
        .lens
        .pillars
        .iter()
        .map(|pillar| {
            let counts = summary
                .pillars
                .iter()
                .find(|p| p.pillar_id == pillar.id)
                .map(|p| p.risk_counts)
                .unwrap_or_default();
            PillarReviewSummary {
                pillar_id: pillar.id.clone(),
                pillar_name: pillar.name.clone(),
                risk_counts: counts,
                notes: review.pillar_notes.get(&pillar.id).cloned(),
                questions_answered: counts.answered(),
                question_count: pillar.questions.len() as u32,
            }
        })
        .collect();
    LensReview {
        lens_alias: lens.alias.clone(),
        lens_arn: lens.arn(),
        lens_name: lens.name.clone(),
        lens_version: review.lens_version.clone(),
        latest_lens_version: review.lens_version.clone(),
        risk_counts: summary.risk_counts,
        pillar_review_summaries,
        notes: review.notes.clone(),
        questions_answered: summary.questions_answered,
        question_count: summary.question_count,
        updated_at: review.updated_at.clone(),
        milestone_number,
        revision: revision.to_string(),
    }
}
