//! Answers in the AWS API's shape (camelCase here; the CLI also reads ListAnswers' PascalCase).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChoiceStatus {
    Selected,
    NotApplicable,
    Unselected,
}

/// Why a best practice is marked not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChoiceReason {
    OutOfScope,
    BusinessPriorities,
    ArchitectureConstraints,
    Other,
    None,
}

/// Why a whole question does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnswerReason {
    OutOfScope,
    BusinessPriorities,
    ArchitectureConstraints,
    Other,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceAnswer {
    pub choice_id: String,
    pub status: ChoiceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One question's answer. `selected_choices` and `choice_answers` are reconciled on input
/// (see `Answer::normalise` in the review work).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub question_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillar_id: Option<String>,
    #[serde(default)]
    pub selected_choices: Vec<String>,
    #[serde(default)]
    pub choice_answers: Vec<ChoiceAnswer>,
    #[serde(default = "yes")]
    pub is_applicable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<AnswerReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn yes() -> bool {
    true
}
