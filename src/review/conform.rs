//! Conforming an answer to its question: `validate_against` refuses what cannot be fixed
//! without guessing (ids the question does not have, a waived "None of these"), and `normalise`
//! rewrites the rest into one canonical form.
//!
//! Both follow [`super::choices`], which is what evaluation reads, so a normalised answer
//! always evaluates exactly like the answer it came from.

use std::fmt;

use super::answers::{Answer, ChoiceAnswer, ChoiceStatus};
use super::choices::{choice_index, ChoiceState};
use crate::lens::model::Question;

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The answer is for another question.
    WrongQuestion { expected: String, found: String },
    /// A choice id the question does not have; `field` is `selectedChoices` or `choiceAnswers`.
    UnknownChoice {
        field: &'static str,
        question_id: String,
        choice_id: String,
    },
    /// A `_no` ("None of these") choice marked not applicable: it is not a practice that can
    /// be waived, and guessing whether the author meant "unselected" would lose their intent.
    NoneOfTheseNotApplicable { choice_id: String },
}

impl AnswerError {
    /// The answer property at fault, as named in the AWS-shaped JSON.
    pub fn field(&self) -> &'static str {
        match self {
            AnswerError::WrongQuestion { .. } => "questionId",
            AnswerError::UnknownChoice { field, .. } => field,
            AnswerError::NoneOfTheseNotApplicable { .. } => "choiceAnswers",
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::WrongQuestion { expected, found } => {
                write!(f, "the answer is for question `{found}`, not `{expected}`")
            }
            AnswerError::UnknownChoice {
                question_id,
                choice_id,
                ..
            } => write!(f, "question `{question_id}` has no choice `{choice_id}`"),
            AnswerError::NoneOfTheseNotApplicable { choice_id } => write!(
                f,
                "`{choice_id}` is a \"None of these\" choice and cannot be marked not applicable"
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

impl Answer {
    /// Checks that every choice id belongs to `question` and that no `_no` choice is waived.
    /// Reports the first problem, in field order (`selectedChoices` before `choiceAnswers`).
    pub fn validate_against(&self, question: &Question) -> Result<(), AnswerError> {
        if self.question_id != question.id {
            return Err(AnswerError::WrongQuestion {
                expected: question.id.clone(),
                found: self.question_id.clone(),
            });
        }
        let unknown = |field, id: &str| AnswerError::UnknownChoice {
            field,
            question_id: question.id.clone(),
            choice_id: id.to_string(),
        };
        if let Some(id) = self
            .selected_choices
            .iter()
            .find(|id| choice_index(question, id).is_none())
        {
            return Err(unknown("selectedChoices", id));
        }
        for choice_answer in &self.choice_answers {
            let id = &choice_answer.choice_id;
            let Some(index) = choice_index(question, id) else {
                return Err(unknown("choiceAnswers", id));
            };
            if choice_answer.status == ChoiceStatus::NotApplicable
                && question.choices[index].is_none_of_these()
            {
                return Err(AnswerError::NoneOfTheseNotApplicable {
                    choice_id: id.clone(),
                });
            }
        }
        Ok(())
    }

    /// Rewrites the answer into its canonical form for `question`:
    /// - `selected_choices` lists exactly the selected choices, in lens order, without repeats;
    /// - `choice_answers` keeps one entry per choice that had one (repeated entries merge, later
    ///   values first), in lens order, each with the reconciled status; a reason is kept
    ///   only on a `NOT_APPLICABLE` entry, the only status it explains;
    /// - a `_no` choice selected together with others wins: an answer is a set, so there is no
    ///   "most recent click" to honour, and "None of these" is the statement that contradicts
    ///   the others, so keeping it is the conservative reading (it never hides a risk);
    /// - ids the question does not have are dropped (call `validate_against` first to refuse
    ///   them instead).
    ///
    /// Question-level fields (`is_applicable`, `reason`, `notes`) are left alone: marking a
    /// question not applicable keeps its choices, as the AWS console does.
    pub fn normalise(&mut self, question: &Question) {
        let state = ChoiceState::of(question, self);
        let mut entries: Vec<Option<ChoiceAnswer>> = vec![None; question.choices.len()];
        for choice_answer in self.choice_answers.drain(..) {
            if let Some(i) = choice_index(question, &choice_answer.choice_id) {
                // Repeated entries for one choice merge: later values win, earlier ones fill
                // the gaps, so no note or reason the user wrote is silently lost.
                let merged = match entries[i].take() {
                    Some(previous) => ChoiceAnswer {
                        reason: choice_answer.reason.or(previous.reason),
                        notes: choice_answer.notes.or(previous.notes),
                        ..choice_answer
                    },
                    None => choice_answer,
                };
                entries[i] = Some(merged);
            }
        }
        self.selected_choices.clear();
        for (i, choice) in question.choices.iter().enumerate() {
            let bit = if i < 64 { 1u64 << i } else { 0 };
            let status = if state.selected & bit != 0 {
                self.selected_choices.push(choice.id.clone());
                ChoiceStatus::Selected
            } else if state.not_applicable & bit != 0 {
                ChoiceStatus::NotApplicable
            } else {
                ChoiceStatus::Unselected
            };
            // A waived choice always has an entry: the waiver can only come from one.
            let Some(entry) = entries[i].take() else {
                continue;
            };
            self.choice_answers.push(ChoiceAnswer {
                status,
                reason: entry
                    .reason
                    .filter(|_| status == ChoiceStatus::NotApplicable),
                ..entry
            });
        }
    }
}
