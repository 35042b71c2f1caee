//! The plain data every export shows: one workload (now or as a milestone froze it), and the
//! consolidated report over many workloads.
//!
//! The per-lens part keeps the API's own results (`LensReview`, `AnswerView`, `BacklogItem`) for
//! the JSON export, which must have the API's shapes, next to a flattened view (pillars →
//! numbered questions → best practices with their impact) that the tabular and text formats
//! read without looking anything up.

use serde::Serialize;

use crate::review::{AnswerReason, ChoiceReason, ChoiceStatus, Risk, RiskCounts};
use crate::workload::{AnswerView, BacklogItem, LensReview, Workload};

/// One workload's export: its properties and the exported lens reviews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadExport {
    /// As `getWorkload` gives it, or the milestone's frozen copy.
    pub workload: Workload,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<MilestoneRef>,
    /// Over the exported lenses only (the workload's own counts cover every applied lens).
    pub risk_counts: RiskCounts,
    /// In the order asked for, else the workload's lens order.
    pub lenses: Vec<LensExport>,
}

/// Which milestone an export shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneRef {
    pub milestone_number: u32,
    pub milestone_name: String,
    pub recorded_at: String,
}

/// One lens review of the workload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LensExport {
    /// `getLensReview`'s result: name, version, lens notes, counts per lens and pillar.
    pub review: LensReview,
    /// `listAnswers`' result, in lens order (the JSON export writes it as it is).
    pub answers: Vec<AnswerView>,
    /// `improvementPlan`'s result with the workload's pillar priorities, in plan order: each
    /// item with its backlog fields (owner, status, due date, notes), the resolved items last.
    pub plan: Vec<BacklogItem>,
    /// The same review flattened for tables and text, in lens order.
    pub pillars: Vec<PillarExport>,
}

impl LensExport {
    /// The question's number as the app shows it ("OPS 3"), for plan items.
    pub fn question_number(&self, question_id: &str) -> Option<&str> {
        self.pillars
            .iter()
            .flat_map(|p| &p.questions)
            .find(|q| q.question_id == question_id)
            .map(|q| q.number.as_str())
    }

    /// The name of a pillar of this lens (its id when the lens has no such pillar).
    pub fn pillar_name<'a>(&'a self, pillar_id: &'a str) -> &'a str {
        self.pillars
            .iter()
            .find(|p| p.pillar_id == pillar_id)
            .map_or(pillar_id, |p| p.name.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarExport {
    pub pillar_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub risk_counts: RiskCounts,
    pub questions: Vec<QuestionExport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionExport {
    /// "OPS 1" for the framework's pillars, the position in the pillar for others.
    pub number: String,
    pub question_id: String,
    pub title: String,
    pub risk: Risk,
    pub is_applicable: bool,
    /// Why the question does not apply (only when it does not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<AnswerReason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Every choice, "None of these" included, in lens order.
    pub practices: Vec<PracticeExport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeExport {
    pub choice_id: String,
    pub title: String,
    pub none_of_these: bool,
    pub status: ChoiceStatus,
    /// Why the practice does not apply (only while it is marked not applicable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    /// The question's risk when this practice alone is missing; `None` for "None of these",
    /// which is not a practice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<Risk>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// AWS `GetConsolidatedReport`: every workload (or those using one lens) side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsolidatedExport {
    /// The lens the report is restricted to; absent: every applied lens of every workload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lens_alias: Option<String>,
    /// Sorted by name, like the workload list.
    pub workloads: Vec<ConsolidatedWorkload>,
    /// Questions at HIGH or MEDIUM risk, the most widespread first, then HIGH before MEDIUM,
    /// then lens and question order.
    pub improvements: Vec<SharedImprovement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsolidatedWorkload {
    pub workload_id: String,
    pub workload_name: String,
    pub review_owner: String,
    pub updated_at: String,
    /// Over the lenses below.
    pub risk_counts: RiskCounts,
    pub lenses: Vec<ConsolidatedLens>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsolidatedLens {
    pub lens_alias: String,
    pub lens_name: String,
    pub lens_version: String,
    pub risk_counts: RiskCounts,
    pub pillars: Vec<PillarRisk>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarRisk {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts: RiskCounts,
}

/// One question at one risk level, and the workloads where it has that risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedImprovement {
    pub lens_alias: String,
    pub pillar_id: String,
    pub question_id: String,
    pub question_number: String,
    pub question_title: String,
    pub risk: Risk,
    pub workload_count: u32,
    /// In workload name order.
    pub workload_ids: Vec<String>,
}
