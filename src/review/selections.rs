//! Every answer a question can receive, with the rule each one triggers: the ground truth that
//! rule analysis reasons over.
//!
//! The reachable "true" sets (see [`super::choices`]) are every non-empty set of ordinary
//! choices (selected or waived, it makes no difference to a condition) and every non-empty set
//! of `_no` choices alone (a selected `_no` excludes the rest). The empty set is left out: an
//! empty answer is UNANSWERED and never reaches the rules.
//!
//! Ordinary sets are numbered by a *compact* mask `m` (bit `j` = the `j`-th ordinary choice),
//! and everything is computed on truth tables: bit vectors of 2^n bits where bit `m` says
//! whether something holds for set `m`. A condition's table is built from its tree once, an
//! `&&` being a word-wise AND (64 sets per instruction), and "adding choice `j` raises the
//! risk" is a shift of one table against another. This keeps a lens at the format's limits
//! (200 questions of 15 choices) fast in wasm; walking each condition's tree once per set took
//! seconds. The `_no` sets are few (one per `_no` choice, in practice) and evaluated directly.

use super::choices::{best_practice_mask, none_of_these_mask};
use super::evaluate::first_matching_rule;
use crate::lens::model::Question;
use crate::rule::{CompiledCondition, CompiledExpr};

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
    first_rule: Vec<u8>,
    /// Per rule: the ordinary sets where its condition holds.
    holds: Vec<Vec<u64>>,
    /// Per rule: the ordinary sets it decides (it holds and no earlier rule does).
    decides: Vec<Vec<u64>>,
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
        let mut compact_of = [None; 64];
        for (j, &i) in positions.iter().enumerate() {
            compact_of[i as usize] = Some(j);
        }

        let mut first_rule = buffer;
        first_rule.clear();
        first_rule.resize(1usize << n, NO_MATCH);
        let valid = valid_sets(n);
        // Sets already decided by an earlier rule; the empty set starts out "decided" so that
        // no rule claims it.
        let mut claimed = vec![0u64; valid.len()];
        claimed[0] |= 1;
        let mut holds = Vec::with_capacity(question.risk_rules.len());
        let mut decides = Vec::with_capacity(question.risk_rules.len());
        for (r, rule) in question.risk_rules.iter().enumerate() {
            let mut table = match &rule.condition {
                CompiledCondition::Default => vec![!0u64; valid.len()],
                CompiledCondition::Expr(expr) => truth_table(expr, &compact_of, n),
            };
            and_in(&mut table, &valid);
            table[0] &= !1;
            let first: Vec<u64> = table.iter().zip(&claimed).map(|(h, c)| h & !c).collect();
            for (w, bits) in first.iter().enumerate() {
                for_each_bit(*bits, |b| first_rule[w * 64 + b] = r as u8);
            }
            claimed.iter_mut().zip(&table).for_each(|(c, h)| *c |= h);
            holds.push(table);
            decides.push(first);
        }

        let rule_byte = |truth: u64| {
            first_matching_rule(&question.risk_rules, truth).map_or(NO_MATCH, |r| r as u8)
        };
        let mut none_sets = Vec::new();
        let mut subset = none;
        while subset != 0 {
            none_sets.push((subset, rule_byte(subset)));
            subset = (subset - 1) & none;
        }
        // Singletons first: "`_no` alone" is the answer people give.
        crate::sorted::by_key(&mut none_sets, |&(set, _)| (set.count_ones(), set));

        Some(SelectionTable {
            positions,
            first_rule,
            holds,
            decides,
            none_sets,
        })
    }

    /// Gives the table's storage back for the next question.
    pub fn into_buffer(self) -> Vec<u8> {
        self.first_rule
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
        decode(self.first_rule[compact])
    }

    /// Whether some reachable answer is decided by rule `r`.
    pub fn fires(&self, r: usize) -> bool {
        self.decides[r].iter().any(|&w| w != 0)
            || self
                .none_sets
                .iter()
                .any(|&(_, first)| decode(first) == Some(r))
    }

    /// The smallest answer (fewest choices, then first in lens order; ordinary sets before
    /// `_no` sets) for which rule `r`'s condition holds, with the rule that decides it.
    pub fn smallest_where_holds(
        &self,
        r: usize,
        condition: &CompiledCondition,
    ) -> Option<(u64, Option<usize>)> {
        let ordinary = smallest_member(&self.holds[r]).map(|m| (self.truth(m), self.rule_of(m)));
        let none = self
            .none_sets
            .iter()
            .find(|&&(set, _)| condition.eval(set))
            .map(|&(set, first)| (set, decode(first)));
        smaller(ordinary, none)
    }

    /// The smallest answer that no rule matches.
    pub fn smallest_unmatched(&self) -> Option<u64> {
        let mut unmatched = valid_sets(self.positions.len());
        unmatched[0] &= !1;
        for table in &self.holds {
            unmatched.iter_mut().zip(table).for_each(|(u, h)| *u &= !h);
        }
        let ordinary = smallest_member(&unmatched).map(|m| (self.truth(m), ()));
        let none = self
            .none_sets
            .iter()
            .find(|&&(_, first)| first == NO_MATCH)
            .map(|&(set, _)| (set, ()));
        smaller(ordinary, none).map(|(set, ())| set)
    }

    /// The smallest ordinary set `m` and choice `j` (compact bit, not in `m`) such that adding
    /// `j` moves the answer to a strictly higher `level` (given per rule; unmatched answers
    /// take part in no comparison).
    pub fn smallest_rise(&self, level: &[u8]) -> Option<(usize, usize)> {
        let n = self.positions.len();
        let words = valid_sets(n).len();
        let top = level.iter().copied().max().unwrap_or(0);
        // at[k]: sets decided at level k; above[k]: sets decided above level k.
        let mut at = vec![vec![0u64; words]; top as usize + 1];
        for (r, decided) in self.decides.iter().enumerate() {
            at[level[r] as usize]
                .iter_mut()
                .zip(decided)
                .for_each(|(a, d)| *a |= d);
        }
        let mut above = vec![vec![0u64; words]; top as usize + 1];
        for k in (0..top as usize).rev() {
            let (lower, higher) = above.split_at_mut(k + 1);
            lower[k]
                .iter_mut()
                .zip(higher[0].iter().zip(&at[k + 1]))
                .for_each(|(a, (h, d))| *a = h | d);
        }
        // rises: sets `m` from which some added choice raises the level.
        let mut rises = vec![0u64; words];
        for j in 0..n {
            let clear = {
                let mut v = variable(j, n);
                v.iter_mut().for_each(|w| *w = !*w);
                v
            };
            for k in 0..top as usize {
                let shifted = shift_down(&above[k], j);
                for w in 0..words {
                    rises[w] |= at[k][w] & shifted[w] & clear[w];
                }
            }
        }
        let m = smallest_member(&rises)?;
        let level_of = |set: usize| self.rule_of(set).map(|r| level[r]);
        let before = level_of(m)?;
        let j = (0..n).find(|&j| {
            m & (1 << j) == 0 && level_of(m | 1 << j).is_some_and(|after| after > before)
        })?;
        Some((m, j))
    }
}

fn decode(byte: u8) -> Option<usize> {
    (byte != NO_MATCH).then_some(byte as usize)
}

/// The one with fewer choices; the first on a tie.
fn smaller<T>(a: Option<(u64, T)>, b: Option<(u64, T)>) -> Option<(u64, T)> {
    match (a, b) {
        (Some(a), Some(b)) if b.0.count_ones() < a.0.count_ones() => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// The set with the fewest members (then the lowest mask) among the set bits of `bits`.
fn smallest_member(bits: &[u64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (w, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let m = w * 64 + rest.trailing_zeros() as usize;
            if best.is_none_or(|b| m.count_ones() < b.count_ones()) {
                best = Some(m);
                if m.count_ones() == 1 {
                    return best;
                }
            }
            rest &= rest - 1;
        }
    }
    best
}

fn for_each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

fn and_in(table: &mut [u64], mask: &[u64]) {
    table.iter_mut().zip(mask).for_each(|(t, m)| *t &= m);
}

/// The table of every set of `n` choices (all ones, except past 2^n in a lone short word).
fn valid_sets(n: usize) -> Vec<u64> {
    let sets = 1usize << n;
    let mut v = vec![!0u64; sets.div_ceil(64)];
    if sets < 64 {
        v[0] = (1u64 << sets) - 1;
    }
    v
}

/// `result[m] = table[m + 2^j]`: what holds once compact bit `j` is added (meaningful where
/// bit `j` of `m` is clear, which the caller masks).
fn shift_down(table: &[u64], j: usize) -> Vec<u64> {
    if j < 6 {
        // m and m + 2^j share a word when bit j of m is clear.
        table.iter().map(|w| w >> (1u32 << j)).collect()
    } else {
        let step = 1usize << (j - 6);
        (0..table.len())
            .map(|w| table.get(w + step).copied().unwrap_or(0))
            .collect()
    }
}

/// Bit `m` of the result: whether `expr` holds when exactly the ordinary choices of compact
/// mask `m` are true. `compact_of[i]` is choice `i`'s compact bit; `_no` choices have none and
/// are false throughout (ordinary sets never include them). Bits past 2^n are unspecified.
fn truth_table(expr: &CompiledExpr, compact_of: &[Option<usize>; 64], n: usize) -> Vec<u64> {
    match expr {
        CompiledExpr::Choice(i) => match compact_of.get(*i as usize).copied().flatten() {
            Some(j) => variable(j, n),
            None => vec![0; valid_sets(n).len()],
        },
        CompiledExpr::Not(e) => {
            let mut v = truth_table(e, compact_of, n);
            v.iter_mut().for_each(|w| *w = !*w);
            v
        }
        CompiledExpr::And(a, b) => {
            let mut v = truth_table(a, compact_of, n);
            let u = truth_table(b, compact_of, n);
            v.iter_mut().zip(&u).for_each(|(w, x)| *w &= x);
            v
        }
        CompiledExpr::Or(a, b) => {
            let mut v = truth_table(a, compact_of, n);
            let u = truth_table(b, compact_of, n);
            v.iter_mut().zip(&u).for_each(|(w, x)| *w |= x);
            v
        }
    }
}

/// The truth table of "compact bit `j` is set": a bit pattern inside each word for `j < 6`,
/// whole words beyond.
fn variable(j: usize, n: usize) -> Vec<u64> {
    const IN_WORD: [u64; 6] = [
        0xAAAA_AAAA_AAAA_AAAA,
        0xCCCC_CCCC_CCCC_CCCC,
        0xF0F0_F0F0_F0F0_F0F0,
        0xFF00_FF00_FF00_FF00,
        0xFFFF_0000_FFFF_0000,
        0xFFFF_FFFF_0000_0000,
    ];
    (0..valid_sets(n).len())
        .map(|w| match IN_WORD.get(j) {
            Some(&pattern) => pattern,
            None if w & (1 << (j - 6)) != 0 => !0,
            None => 0,
        })
        .collect()
}
