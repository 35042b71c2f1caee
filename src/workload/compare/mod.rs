//! Comparing two states of one workload — two milestones, or a milestone and the current
//! state — lens by lens: risk counts before and after, per lens and per pillar, and the
//! questions whose risk or answer changed, with the best practices selected, dropped or
//! marked not applicable on the way.
//!
//! - this file: the request and result types (the JS API's shapes, camelCase);
//! - `diff`: the comparison itself, a pure function of two [`Side`]s;
//! - `read`: `Workspace::compare_milestones`, which gathers the two sides.
//!
//! A side is built from what `getMilestone` / `getLensReview` / `listAnswers` report, and the
//! diff only reads the risks and selections those carry: it never holds a lens, so it cannot
//! evaluate a milestone's frozen answers again against whatever lens is loaded today.

mod diff;
mod read;

use serde::{Deserialize, Serialize};

use super::answer::AnswerView;
use super::lens_review::LensReview;
use super::milestone::Milestone;
use crate::review::{Risk, RiskCounts};

pub use diff::{compare, RiskChange};

/// `compareMilestones`' options. An omitted side is the current state; when both are
/// omitted, the latest milestone is compared with the current state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CompareRequest {
    /// The milestone number of the "before" state.
    pub from: Option<u32>,
    /// The milestone number of the "after" state.
    pub to: Option<u32>,
}

/// Which state a side is: a milestone (with its name and date) or, with every field
/// absent, the workload as it is now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparedState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<String>,
}

/// One side of a comparison: the lens reviews and the answers of every applied lens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Side {
    pub state: ComparedState,
    pub lens_reviews: Vec<LensReview>,
    pub answers: Vec<AnswerView>,
}

impl From<Milestone> for Side {
    fn from(m: Milestone) -> Side {
        Side {
            state: ComparedState {
                milestone_number: Some(m.milestone_number),
                milestone_name: Some(m.milestone_name),
                recorded_at: Some(m.recorded_at),
            },
            lens_reviews: m.lens_reviews,
            answers: m.answers,
        }
    }
}

/// `compareMilestones`' result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneComparison {
    pub workload_id: String,
    pub from: ComparedState,
    pub to: ComparedState,
    /// Lenses applied on both sides, in the `to` side's order.
    pub lenses: Vec<LensComparison>,
    /// Lenses applied in `to` only.
    pub lenses_added: Vec<LensOnOneSide>,
    /// Lenses applied in `from` only.
    pub lenses_removed: Vec<LensOnOneSide>,
}

/// A lens applied on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensComparison {
    pub lens_alias: String,
    pub lens_name: String,
    pub lens_version_before: String,
    pub lens_version_after: String,
    pub risk_counts_before: RiskCounts,
    pub risk_counts_after: RiskCounts,
    /// The `to` side's pillars in order, then any pillar only the `from` side has (a pillar
    /// missing on one side counts zero there).
    pub pillars: Vec<PillarComparison>,
    /// The questions whose risk differs, in lens order; unchanged ones are left out.
    pub changed_questions: Vec<QuestionChange>,
    /// The questions whose risk is the same but whose answer differs (change `SAME_RISK`),
    /// in lens order: a reviewer changed something that did not move the risk.
    pub same_risk_questions: Vec<QuestionChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarComparison {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts_before: RiskCounts,
    pub risk_counts_after: RiskCounts,
}

/// A question whose risk, or answer, differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionChange {
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    pub risk_before: Risk,
    pub risk_after: Risk,
    pub change: RiskChange,
    /// Best practices selected in `to` and not in `from`.
    pub selected_choices_added: Vec<ChoiceRef>,
    /// Best practices selected in `from` and no longer in `to`.
    pub selected_choices_removed: Vec<ChoiceRef>,
    /// Best practices marked not applicable in `to` and not in `from`.
    pub not_applicable_choices_added: Vec<ChoiceRef>,
    /// Best practices marked not applicable in `from` and no longer in `to`.
    pub not_applicable_choices_removed: Vec<ChoiceRef>,
    /// Whether the question's notes differ.
    pub notes_changed: bool,
}

/// A best practice named by id and title, so a page can show it without the lens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceRef {
    pub choice_id: String,
    pub title: String,
}

/// A lens applied on one side only, with its counts on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensOnOneSide {
    pub lens_alias: String,
    pub lens_name: String,
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
}
