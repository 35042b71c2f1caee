//! Answers in the compact text form that the JS API's fast path of `lens.evaluate` sends
//! (`packAnswers` in `src/wasm.rs`), evaluated straight into one risk per question.
//!
//! `JSON.stringify` of the answers, reading that JSON into `Answer`s (a string allocated per
//! id) and `JSON.parse` of the result cost several times the evaluation itself. This form
//! carries only what evaluation reads, and nothing here allocates per answer.
//!
//! The text is a sequence of records, each a tag letter, some with a string written as
//! `{n}:{text}` where `n` counts the UTF-16 code units of `text` (its JS `length`):
//! - `q{n}:{questionId}` starts an answer; a later answer to the same question replaces it;
//! - `x` marks the current answer not applicable;
//! - `s{n}:{choiceId}` a selected choice (in `selectedChoices`, or a `SELECTED` choice answer);
//! - `a{n}:{choiceId}` a choice answer `NOT_APPLICABLE`.
//!
//! The meaning is exactly [`super::evaluate`]'s: the same [`ChoiceState`] reconciliation, the
//! same rules; answers to questions the lens does not have are ignored.

use std::collections::HashMap;

use super::choices::{none_of_these_mask, ChoiceState, IdCursor};
use super::evaluate::state_risk;
use super::risk::Risk;
use crate::lens::model::{Lens, Question};

/// A lens's questions in order, indexed by id: built once per lens (it owns its keys, so a JS
/// `Lens` can keep it next to the lens), used for every call with that same lens.
pub struct PackedIndex {
    /// (pillar, question) positions, in lens order.
    positions: Vec<(usize, usize)>,
    by_id: HashMap<String, usize>,
    none_of_these: Vec<u64>,
}

/// One answer as read: applicability and raw (not yet reconciled) bit sets.
#[derive(Clone, Copy)]
struct Raw {
    applicable: bool,
    selected: u64,
    not_applicable: u64,
}

impl PackedIndex {
    pub fn new(lens: &Lens) -> Self {
        let positions: Vec<(usize, usize)> = lens
            .pillars
            .iter()
            .enumerate()
            .flat_map(|(p, pillar)| (0..pillar.questions.len()).map(move |q| (p, q)))
            .collect();
        let question = |&(p, q): &(usize, usize)| &lens.pillars[p].questions[q];
        let by_id: HashMap<String, usize> = positions
            .iter()
            .enumerate()
            .map(|(i, at)| (question(at).id.clone(), i))
            .collect();
        let none_of_these = positions
            .iter()
            .map(|at| none_of_these_mask(question(at)))
            .collect();
        PackedIndex {
            positions,
            by_id,
            none_of_these,
        }
    }

    /// The risk of every question of `lens` (the lens this index was built for), in lens
    /// order; `None` if `packed` is not well formed.
    pub fn risks(&self, lens: &Lens, packed: &str) -> Option<Vec<Risk>> {
        let question = |i: usize| {
            let (p, q) = self.positions[i];
            &lens.pillars[p].questions[q]
        };
        let mut answers: Vec<Option<Raw>> = vec![None; self.positions.len()];
        // The answer being read: its question (None: not in the lens) and its choices.
        let mut current: Option<(Option<usize>, Raw, IdCursor)> = None;
        let mut rest = packed;
        while let Some(tag) = rest.as_bytes().first().copied() {
            rest = &rest[1..];
            if tag == b'x' {
                current.as_mut()?.1.applicable = false;
                continue;
            }
            let (text, after) = string(rest)?;
            rest = after;
            match tag {
                b'q' => {
                    store(&mut answers, current.take());
                    let at = self.by_id.get(text).copied();
                    // An unknown question's choices are read against the first question and
                    // thrown away with the answer.
                    let first = at.or((!self.positions.is_empty()).then_some(0))?;
                    let raw = Raw {
                        applicable: true,
                        selected: 0,
                        not_applicable: 0,
                    };
                    current = Some((at, raw, IdCursor::new(question(first))));
                }
                b's' => {
                    let (_, raw, cursor) = current.as_mut()?;
                    raw.selected |= cursor.bit(text);
                }
                b'a' => {
                    let (_, raw, cursor) = current.as_mut()?;
                    raw.not_applicable |= cursor.bit(text);
                }
                _ => return None,
            }
        }
        store(&mut answers, current);
        Some(
            answers
                .iter()
                .enumerate()
                .map(|(i, raw)| self.risk(question(i), i, *raw))
                .collect(),
        )
    }

    fn risk(&self, question: &Question, i: usize, raw: Option<Raw>) -> Risk {
        match raw {
            None => Risk::Unanswered,
            Some(raw) if !raw.applicable => Risk::NotApplicable,
            Some(raw) => {
                let state =
                    ChoiceState::reconcile(raw.selected, raw.not_applicable, self.none_of_these[i]);
                state_risk(question, state)
            }
        }
    }
}

/// Keeps a finished answer (the last one to a question wins, as in `evaluate`).
fn store(answers: &mut [Option<Raw>], finished: Option<(Option<usize>, Raw, IdCursor)>) {
    if let Some((Some(at), raw, _)) = finished {
        answers[at] = Some(raw);
    }
}

/// `{n}:{text}` at the start of `rest`: the text and what follows it.
fn string(rest: &str) -> Option<(&str, &str)> {
    let colon = rest.find(':')?;
    let units: usize = rest[..colon].parse().ok()?;
    let rest = &rest[colon + 1..];
    let bytes = rest.as_bytes();
    // Ids are nearly always ASCII, where a code unit is a byte.
    if units <= bytes.len() && bytes[..units].is_ascii() {
        return Some(rest.split_at(units));
    }
    let mut counted = 0;
    for (i, c) in rest.char_indices() {
        if counted == units {
            return Some(rest.split_at(i));
        }
        counted += c.len_utf16();
    }
    (counted == units).then_some((rest, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_count_utf16_units() {
        assert_eq!(string("3:abcq1:z"), Some(("abc", "q1:z")));
        assert_eq!(string("2:éxs"), Some(("éx", "s")));
        assert_eq!(string("2:😀s"), Some(("😀", "s")));
        assert_eq!(string("4:ab"), None);
        assert_eq!(string("x:ab"), None);
    }
}
