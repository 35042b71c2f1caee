//! Writing answers in the AWS API's JSON: the document `aws wellarchitected list-answers`
//! prints (`{"WorkloadId", "LensAlias", "AnswerSummaries": [...]}`), so that a review moves to
//! AWS tooling, or to another Plumbline workload, as a file.
//!
//! Every question of the lens is listed, in lens order, unanswered ones too (as `ListAnswers`
//! does). Each choice is listed in `ChoiceAnswerSummaries` with the status the risk engine
//! sees (after "None of these" and not-applicable reconciliation); `Reason` appears only where
//! it applies (a choice or a question that does not apply). [`super::import`] reads this
//! document back unchanged.

use serde::Serialize;

use super::answers::{Answer, AnswerReason, ChoiceReason, ChoiceStatus};
use super::choices::ChoiceState;
use super::evaluate::question_risk;
use super::risk::Risk;
use crate::lens::model::{Lens, Question};

/// The ListAnswers output for one lens review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AwsAnswersDocument {
    pub workload_id: String,
    pub lens_alias: String,
    pub answer_summaries: Vec<AwsAnswerSummary>,
}

/// One question in the AWS `AnswerSummary` shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AwsAnswerSummary {
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    pub selected_choices: Vec<String>,
    pub choice_answer_summaries: Vec<AwsChoiceAnswerSummary>,
    pub is_applicable: bool,
    pub risk: Risk,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<AnswerReason>,
    /// Only with [`include_notes`] (GetAnswer's `Notes`; ListAnswers has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AwsChoiceAnswerSummary {
    pub choice_id: String,
    pub status: ChoiceStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    /// Only with [`include_notes`] (the `Notes` of GetAnswer's `ChoiceAnswers`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The document for `answers` (any order; questions without one are unanswered).
pub fn answers_to_aws(
    workload_id: &str,
    lens_alias: &str,
    lens: &Lens,
    answers: &[Answer],
) -> AwsAnswersDocument {
    let mut summaries = Vec::new();
    for pillar in &lens.pillars {
        for question in &pillar.questions {
            let answer = answers.iter().find(|a| a.question_id == question.id);
            summaries.push(summary(&pillar.id, question, answer));
        }
    }
    AwsAnswersDocument {
        workload_id: workload_id.to_string(),
        lens_alias: lens_alias.to_string(),
        answer_summaries: summaries,
    }
}

/// The document as the AWS CLI prints it: JSON indented by four spaces.
pub fn to_aws_json(document: &AwsAnswersDocument) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Plain structs of strings, enums and booleans always serialise.
    document
        .serialize(&mut serializer)
        .expect("an answers document serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

fn summary(pillar_id: &str, question: &Question, answer: Option<&Answer>) -> AwsAnswerSummary {
    let state = answer
        .map(|a| ChoiceState::of(question, a))
        .unwrap_or_default();
    let mut selected_choices = Vec::new();
    let mut choice_answer_summaries = Vec::new();
    for (i, choice) in question.choices.iter().enumerate() {
        let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
        let status = if state.selected & bit != 0 {
            selected_choices.push(choice.id.clone());
            ChoiceStatus::Selected
        } else if state.not_applicable & bit != 0 {
            ChoiceStatus::NotApplicable
        } else {
            ChoiceStatus::Unselected
        };
        let reason = (status == ChoiceStatus::NotApplicable)
            .then(|| {
                answer
                    .and_then(|a| a.choice_answers.iter().find(|c| c.choice_id == choice.id))
                    .and_then(|c| c.reason)
            })
            .flatten();
        choice_answer_summaries.push(AwsChoiceAnswerSummary {
            choice_id: choice.id.clone(),
            status,
            reason,
            notes: None,
        });
    }
    let is_applicable = answer.is_none_or(|a| a.is_applicable);
    AwsAnswerSummary {
        question_id: question.id.clone(),
        pillar_id: pillar_id.to_string(),
        question_title: question.title.clone(),
        selected_choices,
        choice_answer_summaries,
        is_applicable,
        risk: question_risk(question, answer),
        reason: if is_applicable {
            None
        } else {
            answer.and_then(|a| a.reason)
        },
        notes: None,
    }
}

/// Adds the notes of `answers` to `document`: each question's notes and each choice's notes,
/// in the fields AWS's GetAnswer uses (`Notes`), which [`super::import`] reads back. Empty
/// notes stay out, so a review without notes gives the ListAnswers file unchanged.
pub fn include_notes(document: &mut AwsAnswersDocument, answers: &[Answer]) {
    for summary in &mut document.answer_summaries {
        let Some(answer) = answers
            .iter()
            .find(|a| a.question_id == summary.question_id)
        else {
            continue;
        };
        summary.notes = answer.notes.clone().filter(|n| !n.is_empty());
        for choice in &mut summary.choice_answer_summaries {
            choice.notes = answer
                .choice_answers
                .iter()
                .find(|c| c.choice_id == choice.choice_id)
                .and_then(|c| c.notes.clone())
                .filter(|n| !n.is_empty());
        }
    }
}
