//! The improvement plan. INTERFACE STUB: signatures fixed, bodies to be written.

use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::risk::Risk;
use crate::lens::model::{Lens, Resource};

/// Filters and ordering for the plan; every field optional in JS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanOptions {
    /// Pillar ids, most important first; pillars not named follow in lens order.
    pub pillar_priority: Vec<String>,
    /// Keep only these risks (HIGH and/or MEDIUM); empty = both.
    pub risks: Vec<Risk>,
    /// Keep only these pillars; empty = all.
    pub pillars: Vec<String>,
    /// Keep only these questions (e.g. prioritised ones); empty = all.
    pub question_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanBestPractice {
    pub choice_id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub improvement_plan: Option<Resource>,
    /// The choice's additional IMPROVEMENT_PLAN resources.
    pub additional_resources: Vec<Resource>,
    /// The risk the question would have with every choice but this one selected.
    pub impact: Risk,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    pub risk: Risk,
    pub best_practices: Vec<PlanBestPractice>,
}

/// Questions at HIGH or MEDIUM risk, ordered as the design says, with what to do about each.
pub fn improvement_plan(lens: &Lens, answers: &[Answer], options: &PlanOptions) -> Vec<PlanItem> {
    let _ = (lens, answers, options);
    Vec::new()
}
