//! The improvement plan: the questions at HIGH or MEDIUM risk, most urgent first, each with the
//! best practices still to adopt, most impactful first.
//!
//! Order (design.md): HIGH before MEDIUM; within a level by pillar priority (the pillars named in
//! `PlanOptions::pillar_priority` first, in that order, then the others in lens order); then by
//! question order in the lens. Best practices: the ordinary (not `_no`) choices that the answer
//! neither selects nor waives, by impact (HIGH, MEDIUM, NONE), ties in lens order.

use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::choices::{ChoiceState, MAX_CHOICES};
use super::evaluate::{answers_by_question, question_risk};
use super::impact::{best_practice_impact, impact_rank};
use super::risk::Risk;
use crate::lens::model::{AdditionalResourceType, Choice, Lens, Question, Resource};

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
    let by_question = answers_by_question(answers);
    // (risk level, pillar rank, question position in the lens) orders the items; the lens
    // position also breaks ties between pillars the priority list does not name.
    let mut ranked: Vec<((u8, usize, usize), PlanItem)> = Vec::new();
    let mut position = 0;
    for (pillar_index, pillar) in lens.pillars.iter().enumerate() {
        let pillar_rank = pillar_rank(options, &pillar.id, pillar_index);
        let pillar_wanted = options.pillars.is_empty() || options.pillars.contains(&pillar.id);
        for question in &pillar.questions {
            position += 1;
            if !pillar_wanted
                || !(options.question_ids.is_empty() || options.question_ids.contains(&question.id))
            {
                continue;
            }
            let answer = by_question.get(question.id.as_str()).copied();
            let risk = question_risk(question, answer);
            let level = match risk {
                Risk::High => 0,
                Risk::Medium => 1,
                _ => continue,
            };
            if !options.risks.is_empty() && !options.risks.contains(&risk) {
                continue;
            }
            let item = PlanItem {
                question_id: question.id.clone(),
                pillar_id: pillar.id.clone(),
                question_title: question.title.clone(),
                risk,
                // A HIGH or MEDIUM question always has an answer.
                best_practices: answer.map_or_else(Vec::new, |a| best_practices(question, a)),
            };
            ranked.push(((level, pillar_rank, position), item));
        }
    }
    crate::sorted::by_key(&mut ranked, |(key, _)| *key);
    ranked.into_iter().map(|(_, item)| item).collect()
}

/// Named pillars rank by their place in the priority list (the first mention counts); the
/// others come after all of them, in lens order.
fn pillar_rank(options: &PlanOptions, pillar_id: &str, lens_index: usize) -> usize {
    match options
        .pillar_priority
        .iter()
        .position(|id| id == pillar_id)
    {
        Some(rank) => rank,
        None => options.pillar_priority.len() + lens_index,
    }
}

/// The best practices the answer has not adopted, most impactful first.
fn best_practices(question: &Question, answer: &Answer) -> Vec<PlanBestPractice> {
    let adopted = ChoiceState::of(question, answer).truth();
    let mut practices: Vec<PlanBestPractice> = question
        .choices
        .iter()
        .take(MAX_CHOICES)
        .enumerate()
        .filter(|(i, choice)| !choice.is_none_of_these() && adopted & (1u64 << i) == 0)
        .map(|(i, choice)| plan_best_practice(choice, best_practice_impact(question, i)))
        .collect();
    // Stable: equal impacts keep lens order.
    crate::sorted::by_key(&mut practices, |p| impact_rank(p.impact));
    practices
}

fn plan_best_practice(choice: &Choice, impact: Risk) -> PlanBestPractice {
    PlanBestPractice {
        choice_id: choice.id.clone(),
        title: choice.title.clone(),
        improvement_plan: choice.improvement_plan.clone(),
        additional_resources: choice
            .additional_resources
            .iter()
            .filter(|r| r.kind == AdditionalResourceType::ImprovementPlan)
            .flat_map(|r| r.content.iter().cloned())
            .collect(),
        impact,
    }
}
