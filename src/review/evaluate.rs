//! Risk evaluation: the risk of each question from its answer, and the counts per pillar and
//! per lens.
//!
//! A question's risk (design.md):
//! 1. no answer, or an answer with nothing selected and nothing waived → `UNANSWERED`;
//! 2. the question marked not applicable → `NOT_APPLICABLE` (checked before 1: a question can be
//!    set aside without answering it);
//! 3. otherwise the first rule, in file order, whose condition is true; `default` always is.
//!
//! If no rule matches, the risk is `UNANSWERED`: the lens cannot say what the answer means.
//! This only happens with a lens that has no `default` rule, which the lens validator rejects,
//! so a review never sees it; a lens built by hand in Rust might. We do not guess `NONE` (it
//! would hide a risk) nor `HIGH` (it would invent one); rule analysis reports such selections
//! as `selection-matches-no-rule`.

use std::collections::HashMap;

use serde::Serialize;

use super::answers::Answer;
use super::choices::{ChoiceState, MAX_CHOICES};
use super::risk::{Risk, RiskCounts};
use crate::lens::model::{Lens, Question, RiskRule};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionEvaluation {
    pub question_id: String,
    pub pillar_id: String,
    pub risk: Risk,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarEvaluation {
    pub pillar_id: String,
    pub risk_counts: RiskCounts,
}

/// The `plumbline evaluate` output shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LensEvaluation {
    pub questions: Vec<QuestionEvaluation>,
    pub pillars: Vec<PillarEvaluation>,
    pub risk_counts: RiskCounts,
}

/// The risk of one question given its answer (`None`: never answered). Allocation-free.
pub fn question_risk(question: &Question, answer: Option<&Answer>) -> Risk {
    let Some(answer) = answer else {
        return Risk::Unanswered;
    };
    if !answer.is_applicable {
        return Risk::NotApplicable;
    }
    state_risk(question, ChoiceState::of(question, answer))
}

/// The risk of an applicable answer whose choices reconcile to `state`.
pub fn state_risk(question: &Question, state: ChoiceState) -> Risk {
    if !state.is_answered() {
        return Risk::Unanswered;
    }
    rules_risk(&question.risk_rules, state.truth()).unwrap_or(Risk::Unanswered)
}

/// Index of the first rule whose condition holds for the true choices `truth`.
pub fn first_matching_rule(rules: &[RiskRule], truth: u64) -> Option<usize> {
    rules.iter().position(|rule| rule.condition.eval(truth))
}

/// The risk the rules assign to `truth`, or `None` when no rule matches.
pub fn rules_risk(rules: &[RiskRule], truth: u64) -> Option<Risk> {
    first_matching_rule(rules, truth).map(|i| rules[i].risk.into())
}

/// How one answer gets its risk: the reconciled choices and the rule that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RiskExplanation {
    pub question_id: String,
    pub risk: Risk,
    /// Index into the question's `riskRules` of the first rule that held; `None` when the
    /// question is not applicable, unanswered, or no rule matched.
    pub matched_rule: Option<usize>,
    /// The choices that count as selected once `NOT_APPLICABLE` and `_no` took their share,
    /// in lens order.
    pub selected_choices: Vec<String>,
    /// The choices that count as not applicable (never a `_no` choice), in lens order.
    pub not_applicable_choices: Vec<String>,
}

/// The risk of `question` for `answer` with the reasons behind it (same rules as
/// [`question_risk`]): what a lens author needs to test the risk rules by hand.
pub fn explain(question: &Question, answer: &Answer) -> RiskExplanation {
    let state = ChoiceState::of(question, answer);
    let ids = |mask: u64| -> Vec<String> {
        question
            .choices
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < MAX_CHOICES && mask & (1u64 << i) != 0)
            .map(|(_, c)| c.id.clone())
            .collect()
    };
    let matched_rule = if answer.is_applicable && state.is_answered() {
        first_matching_rule(&question.risk_rules, state.truth())
    } else {
        None
    };
    RiskExplanation {
        question_id: question.id.clone(),
        risk: question_risk(question, Some(answer)),
        matched_rule,
        selected_choices: ids(state.selected),
        not_applicable_choices: ids(state.not_applicable),
    }
}

/// Risk per question (lens order), per pillar and for the lens.
///
/// Answers are matched to questions by question id (ids are unique in a valid lens); when
/// several answers name the same question the last one wins, as successive updates would.
/// Answers for questions the lens does not have are ignored.
pub fn evaluate(lens: &Lens, answers: &[Answer]) -> LensEvaluation {
    let by_question = answers_by_question(answers);
    let mut questions = Vec::new();
    let mut pillars = Vec::with_capacity(lens.pillars.len());
    let mut lens_counts = RiskCounts::default();
    for pillar in &lens.pillars {
        let mut counts = RiskCounts::default();
        for question in &pillar.questions {
            let answer = by_question.get(question.id.as_str()).copied();
            let risk = question_risk(question, answer);
            counts.add(risk);
            questions.push(QuestionEvaluation {
                question_id: question.id.clone(),
                pillar_id: pillar.id.clone(),
                risk,
            });
        }
        lens_counts.merge(&counts);
        pillars.push(PillarEvaluation {
            pillar_id: pillar.id.clone(),
            risk_counts: counts,
        });
    }
    LensEvaluation {
        questions,
        pillars,
        risk_counts: lens_counts,
    }
}

/// Question id → its answer, the last one winning.
pub(crate) fn answers_by_question(answers: &[Answer]) -> HashMap<&str, &Answer> {
    answers
        .iter()
        .map(|answer| (answer.question_id.as_str(), answer))
        .collect()
}
