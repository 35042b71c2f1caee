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
use crate::lens::model::Question;

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
    /// Reconciles `answer` against `question`. Allocation-free: ids are matched by a linear scan
    /// of the question's choices, which is faster than hashing for the ≤15 choices a lens has.
    pub fn of(question: &Question, answer: &Answer) -> ChoiceState {
        let mut selected = 0u64;
        let mut not_applicable = 0u64;
        for id in &answer.selected_choices {
            selected |= choice_bit(question, id);
        }
        for choice_answer in &answer.choice_answers {
            let bit = choice_bit(question, &choice_answer.choice_id);
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
    question
        .choices
        .iter()
        .take(MAX_CHOICES)
        .position(|c| c.id == id)
}

/// The bit of the choice with this id; 0 for an id the question does not have.
pub fn choice_bit(question: &Question, id: &str) -> u64 {
    choice_index(question, id).map_or(0, |i| 1u64 << i)
}

/// The question's `_no` ("None of these") choices.
pub fn none_of_these_mask(question: &Question) -> u64 {
    mask_where(question, |c| c.is_none_of_these())
}

/// The question's ordinary choices: every representable choice but the `_no` ones.
pub fn best_practice_mask(question: &Question) -> u64 {
    mask_where(question, |c| !c.is_none_of_these())
}

fn mask_where(question: &Question, keep: impl Fn(&crate::lens::model::Choice) -> bool) -> u64 {
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
