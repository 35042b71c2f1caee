//! Every answer a question can receive, with the rule each one triggers: the ground truth that
//! rule analysis reasons over.
//!
//! The reachable "true" sets (see [`super::choices`]) are every non-empty set of ordinary
//! choices (selected or waived, it makes no difference to a condition) and every non-empty set
//! of `_no` choices alone (a selected `_no` excludes the rest). The empty set is left out: an
//! empty answer is UNANSWERED and never reaches the rules.
//!
//! Ordinary sets are numbered by a *compact* mask (bit `j` = the `j`-th ordinary choice) so the
//! table is dense: 2^n bytes, filled in Gray-code order so each step flips one bit of the true
//! set instead of rebuilding it. Nothing is allocated per selection, and the buffer is reused
//! from question to question.

use super::choices::{best_practice_mask, none_of_these_mask};
use super::evaluate::first_matching_rule;
use crate::lens::model::Question;

/// Questions with more ordinary choices than this are not enumerated (2^20 answers is already
/// far past the 15 choices a lens may have; the limit only guards against hostile input).
pub const MAX_ENUMERATED_CHOICES: usize = 20;
/// Questions with more `_no` choices than this are not enumerated (real lenses have one).
const MAX_NONE_CHOICES: u32 = 8;
/// Marks "no rule matched" in the table; rule indices must stay below it.
const NO_MATCH: u8 = u8::MAX;

/// The first matching rule for every reachable answer of one question.
pub struct SelectionTable {
    /// Choice index of each ordinary choice, in lens order (compact bit `j` → choice index).
    positions: Vec<u8>,
    /// First matching rule (or `NO_MATCH`) per compact mask; entry 0 (empty) is unused.
    ordinary: Vec<u8>,
    /// Each non-empty set of `_no` choices with its first matching rule.
    none_sets: Vec<(u64, u8)>,
}

impl SelectionTable {
    /// Evaluates every reachable answer of `question`, reusing `buffer` for the table.
    /// `None` when the question is too large to enumerate (see the limits above).
    pub fn build(question: &Question, buffer: Vec<u8>) -> Option<SelectionTable> {
        let ordinary = best_practice_mask(question);
        let none = none_of_these_mask(question);
        let n = ordinary.count_ones() as usize;
        if n > MAX_ENUMERATED_CHOICES
            || none.count_ones() > MAX_NONE_CHOICES
            || question.risk_rules.len() >= NO_MATCH as usize
        {
            return None;
        }
        let positions: Vec<u8> = (0..64u8).filter(|&i| ordinary & (1u64 << i) != 0).collect();
        let rule_byte = |truth: u64| {
            first_matching_rule(&question.risk_rules, truth).map_or(NO_MATCH, |r| r as u8)
        };

        let mut table = buffer;
        table.clear();
        table.resize(1usize << n, NO_MATCH);
        let mut truth = 0u64;
        for step in 1..(1usize << n) {
            truth ^= 1u64 << positions[step.trailing_zeros() as usize];
            table[step ^ (step >> 1)] = rule_byte(truth);
        }

        let mut none_sets = Vec::new();
        let mut subset = none;
        while subset != 0 {
            none_sets.push((subset, rule_byte(subset)));
            subset = (subset - 1) & none;
        }
        // Singletons first: "`_no` alone" is the answer people give.
        none_sets.sort_by_key(|&(set, _)| (set.count_ones(), set));

        Some(SelectionTable {
            positions,
            ordinary: table,
            none_sets,
        })
    }

    /// Gives the table's storage back for the next question.
    pub fn into_buffer(self) -> Vec<u8> {
        self.ordinary
    }

    /// How many ordinary choices the compact masks range over.
    pub fn ordinary_count(&self) -> usize {
        self.positions.len()
    }

    /// The true set (bits over choice indices) of a compact mask.
    pub fn truth(&self, compact: usize) -> u64 {
        self.positions
            .iter()
            .enumerate()
            .filter(|(j, _)| compact & (1usize << j) != 0)
            .fold(0, |truth, (_, &i)| truth | 1u64 << i)
    }

    /// The first rule matching the ordinary set `compact` (non-zero).
    pub fn rule_of(&self, compact: usize) -> Option<usize> {
        decode(self.ordinary[compact])
    }

    /// Every reachable answer as (true set, first matching rule): ordinary sets in compact
    /// order, then the `_no` sets.
    pub fn answers(&self) -> impl Iterator<Item = (u64, Option<usize>)> + '_ {
        let ordinary = (1..self.ordinary.len()).map(|m| (self.truth(m), self.rule_of(m)));
        let none = self.none_sets.iter().map(|&(set, r)| (set, decode(r)));
        ordinary.chain(none)
    }

    /// Rule indices that some reachable answer triggers, as a bit set (rules past 64 are not
    /// tracked: a valid lens has at most 3).
    pub fn fired_rules(&self) -> u64 {
        let bits = |r: u8| if r < 64 { 1u64 << r } else { 0 };
        let ordinary = self
            .ordinary
            .iter()
            .skip(1)
            .fold(0, |acc, &r| acc | bits(r));
        self.none_sets
            .iter()
            .fold(ordinary, |acc, &(_, r)| acc | bits(r))
    }
}

fn decode(byte: u8) -> Option<usize> {
    (byte != NO_MATCH).then_some(byte as usize)
}
