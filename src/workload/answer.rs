//! Answering a question: applying an `updateAnswer` request to the stored answer, and the
//! answer as the page shows it (every choice with its status, and the risk).
//!
//! Rules (AWS's, plus the console's "None of these" behaviour, which the API leaves open):
//! - `selectedChoices` replaces the selection; choices marked not applicable stay so unless
//!   they are listed; `choiceUpdates` is applied after it and wins for the choices it names.
//! - Selecting the `_no` choice ("None of these") clears every other selection; selecting any
//!   other choice clears `_no`. When one request selects both, `_no` wins.
//! - `_no` cannot be marked not applicable. A choice reason is kept only while the choice is
//!   not applicable, a question reason only while the question is not applicable.
//!
//! What a request *changes* is decided here (only a request knows which choice was just
//! picked); the result is then put in canonical form by the review module's
//! `Answer::normalise`, which is what evaluation reads — so, for instance, waivers stop
//! counting while "None of these" is selected, exactly as the risk engine sees it.

use serde::{Deserialize, Serialize};

use super::error::WorkspaceError;
use super::validate;
use crate::lens::model::{Question, Resource};
use crate::review::choices::ChoiceState;
use crate::review::{Answer, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus, Risk};
use crate::sorted_map::{SortedMap, SortedSet};

/// `updateAnswer`'s argument; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AnswerUpdate {
    /// The full new selection (not a delta), as in AWS.
    pub selected_choices: Option<Vec<String>>,
    pub choice_updates: Option<SortedMap<String, ChoiceUpdate>>,
    pub is_applicable: Option<bool>,
    pub reason: Option<AnswerReason>,
    /// Question notes; an empty string clears them.
    pub notes: Option<String>,
    /// The `revision` of the answer the user edited (`""` for a never-saved answer); a stale
    /// one is refused with `Conflict`. Omit it to overwrite unconditionally.
    pub expected_revision: Option<String>,
}

/// One choice's new state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceUpdate {
    pub status: ChoiceStatus,
    #[serde(default)]
    pub reason: Option<ChoiceReason>,
    /// Choice notes; an empty string clears them.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A choice as the question page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceView {
    pub choice_id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Resource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_plan: Option<Resource>,
    /// True for the question's "None of these" choice.
    pub none_of_these: bool,
    pub status: ChoiceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// An answer as `updateAnswer`, `getAnswer` and `listAnswers` return it: the AWS Answer shape
/// plus every choice with its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerView {
    pub lens_alias: String,
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    pub question_description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Resource>,
    pub choices: Vec<ChoiceView>,
    pub selected_choices: Vec<String>,
    pub choice_answers: Vec<ChoiceAnswer>,
    pub is_applicable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<AnswerReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub risk: Risk,
    /// When the answer was last saved; absent for a question never answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Pass it back as `expectedRevision`; `""` when never saved (and in milestones).
    pub revision: String,
    /// The review template the answer was copied from, until the team changes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_template: Option<super::record::TemplateSource>,
}

/// One choice while a request is applied: its status, reason and notes.
#[derive(Debug, Clone)]
struct ChoiceEdit {
    status: ChoiceStatus,
    reason: Option<ChoiceReason>,
    notes: Option<String>,
}

/// The per-choice state of `answer`, in the question's choice order. Statuses come from the
/// review module's reconciliation, so what the page shows is what the risk engine evaluates.
fn states(question: &Question, answer: Option<&Answer>) -> Vec<ChoiceEdit> {
    let reconciled = answer
        .map(|a| ChoiceState::of(question, a))
        .unwrap_or_default();
    question
        .choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
            let status = if reconciled.selected & bit != 0 {
                ChoiceStatus::Selected
            } else if reconciled.not_applicable & bit != 0 {
                ChoiceStatus::NotApplicable
            } else {
                ChoiceStatus::Unselected
            };
            let entry =
                answer.and_then(|a| a.choice_answers.iter().find(|c| c.choice_id == choice.id));
            ChoiceEdit {
                status,
                reason: entry
                    .and_then(|e| e.reason)
                    .filter(|_| status == ChoiceStatus::NotApplicable),
                notes: entry.and_then(|e| e.notes.clone()),
            }
        })
        .collect()
}

/// Applies `update` to `existing` (`None`: never answered) and returns the new stored answer.
pub fn apply_update(
    question: &Question,
    pillar_id: &str,
    existing: Option<&Answer>,
    update: &AnswerUpdate,
) -> Result<Answer, WorkspaceError> {
    let index_of = |id: &str| question.choices.iter().position(|c| c.id == id);
    let mut states = states(question, existing);
    let mut newly_selected = SortedSet::new();

    if let Some(selected) = &update.selected_choices {
        let mut wanted = SortedSet::new();
        for id in selected {
            let i = index_of(id).ok_or_else(|| unknown_choice("selectedChoices", question, id))?;
            wanted.insert(i);
        }
        for (i, state) in states.iter_mut().enumerate() {
            if wanted.contains(&i) {
                if state.status != ChoiceStatus::Selected {
                    newly_selected.insert(i);
                }
                state.status = ChoiceStatus::Selected;
            } else if state.status == ChoiceStatus::Selected {
                state.status = ChoiceStatus::Unselected;
            }
        }
    }

    if let Some(updates) = &update.choice_updates {
        for (id, u) in updates {
            let i = index_of(id).ok_or_else(|| unknown_choice("choiceUpdates", question, id))?;
            if question.choices[i].is_none_of_these() && u.status == ChoiceStatus::NotApplicable {
                return Err(WorkspaceError::validation(
                    "choiceUpdates",
                    format!("`{id}` is the \"None of these\" choice, which cannot be marked not applicable"),
                ));
            }
            let note_length = u.notes.as_deref().map_or(0, |n| n.chars().count());
            if note_length > 250 {
                return Err(WorkspaceError::validation(
                    "choiceUpdates",
                    format!("choice notes must be at most 250 characters; the notes of `{id}` have {note_length}"),
                ));
            }
            let state = &mut states[i];
            if u.status == ChoiceStatus::Selected && state.status != ChoiceStatus::Selected {
                newly_selected.insert(i);
            }
            state.status = u.status;
            state.reason = u.reason;
            if let Some(notes) = &u.notes {
                state.notes = (!notes.is_empty()).then(|| notes.clone());
            }
        }
    }

    apply_none_of_these(question, &mut states, &newly_selected);

    let mut answer = Answer {
        question_id: question.id.clone(),
        pillar_id: Some(pillar_id.to_string()),
        selected_choices: Vec::new(),
        choice_answers: Vec::new(),
        is_applicable: existing.is_none_or(|a| a.is_applicable),
        reason: existing.and_then(|a| a.reason),
        notes: existing.and_then(|a| a.notes.clone()),
    };
    if let Some(v) = update.is_applicable {
        answer.is_applicable = v;
    }
    if update.reason.is_some() {
        answer.reason = update.reason;
    }
    if let Some(notes) = &update.notes {
        validate::notes("notes", notes)?;
        answer.notes = (!notes.is_empty()).then(|| notes.clone());
    }
    if answer.is_applicable {
        answer.reason = None;
    }

    for (choice, state) in question.choices.iter().zip(states) {
        let status = state.status;
        if status == ChoiceStatus::Selected {
            answer.selected_choices.push(choice.id.clone());
        }
        let reason = if status == ChoiceStatus::NotApplicable {
            state.reason
        } else {
            None
        };
        // Only choices with something to say are listed, as AWS does.
        if status != ChoiceStatus::Unselected || state.notes.is_some() {
            answer.choice_answers.push(ChoiceAnswer {
                choice_id: choice.id.clone(),
                status,
                reason,
                notes: state.notes,
            });
        }
    }
    answer.normalise(question);
    Ok(answer)
}

/// "None of these" is exclusive: whichever side was selected by this request wins.
fn apply_none_of_these(
    question: &Question,
    states: &mut [ChoiceEdit],
    newly_selected: &SortedSet<usize>,
) {
    let is_no = |i: usize| question.choices[i].is_none_of_these();
    let no_selected_now = newly_selected.iter().any(|&i| is_no(i));
    let other_selected_now = newly_selected.iter().any(|&i| !is_no(i));
    for (i, state) in states.iter_mut().enumerate() {
        if state.status != ChoiceStatus::Selected {
            continue;
        }
        let clear = if no_selected_now {
            !is_no(i)
        } else {
            other_selected_now && is_no(i)
        };
        if clear {
            state.status = ChoiceStatus::Unselected;
        }
    }
}

fn unknown_choice(field: &str, question: &Question, id: &str) -> WorkspaceError {
    let known: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
    WorkspaceError::validation(
        field,
        format!(
            "`{id}` is not a choice of question `{}` (its choices: {})",
            question.id,
            known.join(", ")
        ),
    )
}

/// The page's view of `answer` (`None`: never answered).
pub fn view(
    lens_alias: &str,
    pillar_id: &str,
    question: &Question,
    answer: Option<&Answer>,
    risk: Risk,
    updated_at: Option<&str>,
    revision: &str,
) -> AnswerView {
    let states = states(question, answer);
    let choices = question
        .choices
        .iter()
        .zip(states)
        .map(|(c, s)| ChoiceView {
            choice_id: c.id.clone(),
            title: c.title.clone(),
            description: c.description.clone(),
            helpful_resource: c.helpful_resource.clone(),
            improvement_plan: c.improvement_plan.clone(),
            none_of_these: c.is_none_of_these(),
            status: s.status,
            reason: s.reason,
            notes: s.notes,
        })
        .collect();
    AnswerView {
        lens_alias: lens_alias.to_string(),
        question_id: question.id.clone(),
        pillar_id: pillar_id.to_string(),
        question_title: question.title.clone(),
        question_description: question.description.clone(),
        helpful_resource: question.helpful_resource.clone(),
        choices,
        selected_choices: answer
            .map(|a| a.selected_choices.clone())
            .unwrap_or_default(),
        choice_answers: answer.map(|a| a.choice_answers.clone()).unwrap_or_default(),
        is_applicable: answer.is_none_or(|a| a.is_applicable),
        reason: answer.and_then(|a| a.reason),
        notes: answer.and_then(|a| a.notes.clone()),
        risk,
        updated_at: updated_at.map(str::to_string),
        revision: revision.to_string(),
        from_template: None,
    }
}
