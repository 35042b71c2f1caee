//! Milestones: immutable, numbered snapshots of a workload with all its reviews and answers.

use serde::{Deserialize, Serialize};

use super::answer::AnswerView;
use super::lens_review::LensReview;
use super::model::Workload;
use crate::review::RiskCounts;

/// `createMilestone`'s result and one row of `listMilestones`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneSummary {
    /// 1..=100, in recording order.
    pub milestone_number: u32,
    pub milestone_name: String,
    pub recorded_at: String,
    /// The workload's counts over its applied lenses when the milestone was recorded.
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
}

/// `getMilestone`'s result: the workload as it was, with every applied lens review and the
/// answers to all their questions (unanswered ones included, as `listAnswers` gives them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub milestone_number: u32,
    pub milestone_name: String,
    pub recorded_at: String,
    pub workload: Workload,
    pub lens_reviews: Vec<LensReview>,
    pub answers: Vec<AnswerView>,
}
