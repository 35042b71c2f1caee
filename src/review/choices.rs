//! From an answer to bit sets over a question's choices: the one place that decides what an
//! answer *means*, so that evaluation, the improvement plan and `Answer::normalise` agree.
//!
//! The rules (design.md, "Semantics we have decided"):
//! - a choice is selected when it is in `selectedChoices` or its choice answer says `SELECTED`;
//! - a `NOT_APPLICABLE` choice answer wins over a selection (a waived practice is not "done");
//! - a `_no` ("None of these") choice cannot be waived, so its `NOT_APPLICABLE` is ignored;
//! - a selected `_no` choice excludes every other choice: the answer then means "none of these
//!   practices", so the other selections *and* waivers stop counting. This keeps the set of
//!   reachable answers exactly "any non-empty set of ordinary choices, or `_no` alone", which is
//!   what rule analysis enumerates;
//! - choice ids that the question does not have are ignored here (see
//!   `Answer::validate_against` for the check that reports them).
//!
//! Bit `i` stands for `question.choices[i]`; choices past the 64th cannot be represented and are
//! ignored (the lens format allows 15).

use super::answers::{Answer, ChoiceStatus};
use crate::lens::model::{Choice, Question};

/// How many choices a bit set can describe.
pub const MAX_CHOICES: usize = 64;

/// The reconciled state of one answer's choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChoiceState {
    /// Choices selected (after `NOT_APPLICABLE` and `_no` took what they override).
    pub selected: u64,
    /// Choices marked not applicable (never a `_no` choice).
    pub not_applicable: u64,
}

impl ChoiceState {
    /// Reconciles `answer` against `question`. Allocation-free: see [`IdCursor`] for how ids
    /// are matched.
    pub fn of(question: &Question, answer: &Answer) -> ChoiceState {
        let mut selected = 0u64;
        let mut not_applicable = 0u64;
        let mut cursor = IdCursor::new(question);
        for id in &answer.selected_choices {
            selected |= cursor.bit(id);
        }
        for choice_answer in &answer.choice_answers {
            let bit = cursor.bit(&choice_answer.choice_id);
            match choice_answer.status {
                ChoiceStatus::Selected => selected |= bit,
                ChoiceStatus::NotApplicable => not_applicable |= bit,
                ChoiceStatus::Unselected => {}
            }
        }
        ChoiceState::reconcile(selected, not_applicable, none_of_these_mask(question))
    }

    /// Applies the precedence rules to raw bit sets; `none` holds the `_no` choices.
    pub fn reconcile(selected: u64, not_applicable: u64, none: u64) -> ChoiceState {
        let not_applicable = not_applicable & !none;
        let selected = selected & !not_applicable;
        if selected & none != 0 {
            return ChoiceState {
                selected: selected & none,
                not_applicable: 0,
            };
        }
        ChoiceState {
            selected,
            not_applicable,
        }
    }

    /// The choices that count as true inside a condition: selected or waived.
    pub fn truth(self) -> u64 {
        self.selected | self.not_applicable
    }

    /// Whether the answer says anything at all; a question with nothing selected and nothing
    /// waived is UNANSWERED whatever its rules say.
    pub fn is_answered(self) -> bool {
        self.truth() != 0
    }
}

/// Position of the choice with this id, if the question has it within the first 64 choices.
pub fn choice_index(question: &Question, id: &str) -> Option<usize> {
    IdCursor::new(question).find(id)
}

/// Matches ids against a question's choices, fast enough for a million answers a second in
/// wasm without an index (the model has none, and building one would allocate):
/// - the search starts after the previous match and wraps around, because answers list their
///   choices in lens order, so the next id is usually the next choice;
/// - ids are told apart by their length and last byte before a full comparison, because a
///   question's ids share a long prefix (`ops_priorities_…`) and differ at the end.
pub struct IdCursor<'q> {
    choices: &'q [Choice],
    next: usize,
}

impl<'q> IdCursor<'q> {
    pub fn new(question: &'q Question) -> IdCursor<'q> {
        let count = question.choices.len().min(MAX_CHOICES);
        IdCursor {
            choices: &question.choices[..count],
            next: 0,
        }
    }

    /// Position of the choice with this id.
    pub fn find(&mut self, id: &str) -> Option<usize> {
        let count = self.choices.len();
        let start = if self.next < count { self.next } else { 0 };
        let found = (start..count)
            .chain(0..start)
            .find(|&i| same_id(&self.choices[i].id, id))?;
        self.next = found + 1;
        Some(found)
    }

    /// The bit of the choice with this id; 0 for an id the question does not have.
    pub fn bit(&mut self, id: &str) -> u64 {
        self.find(id).map_or(0, |i| 1u64 << i)
    }
}

fn same_id(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// The question's `_no` ("None of these") choices.
pub fn none_of_these_mask(question: &Question) -> u64 {
    mask_where(question, |c| c.is_none_of_these())
}

/// The question's ordinary choices: every representable choice but the `_no` ones.
pub fn best_practice_mask(question: &Question) -> u64 {
    mask_where(question, |c| !c.is_none_of_these())
}

fn mask_where(question: &Question, keep: impl Fn(&Choice) -> bool) -> u64 {
    question
        .choices
        .iter()
        .take(MAX_CHOICES)
        .enumerate()
        .filter(|(_, c)| keep(c))
        .fold(0, |mask, (i, _)| mask | 1u64 << i)
}

/// The ids of the choices in `mask`, in lens order, as `{a, b}` for messages.
pub fn describe_selection(question: &Question, mask: u64) -> String {
    let ids: Vec<&str> = question
        .choices
        .iter()
        .take(MAX_CHOICES)
        .enumerate()
        .filter(|(i, _)| mask & (1u64 << i) != 0)
        .map(|(_, c)| c.id.as_str())
        .collect();
    format!("{{{}}}", ids.join(", "))
}
