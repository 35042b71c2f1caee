//! The comparison of two sides, lens by lens. Pure: it reads the risks, counts and
//! selections the sides carry and evaluates nothing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    ChoiceRef, LensComparison, LensOnOneSide, MilestoneComparison, PillarComparison,
    QuestionChange, Side,
};
use crate::review::{ChoiceStatus, Risk};
use crate::workload::answer::AnswerView;
use crate::workload::lens_review::LensReview;

/// How a question's risk moved from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RiskChange {
    /// A lower level of risk (HIGH > MEDIUM > NONE and NOT_APPLICABLE).
    Improved,
    /// A higher level of risk.
    Worsened,
    /// Unanswered before, answered after: new information, not an improvement.
    Answered,
    /// Answered before, unanswered after (an answer cleared, or comparing backwards).
    Unanswered,
    /// NONE ↔ NOT_APPLICABLE: a different risk at the same level.
    Reclassified,
    /// The same risk on both sides, but a different answer (selections, best practices
    /// marked not applicable, notes). Never returned by [`RiskChange::between`]; such
    /// questions are listed apart, in `LensComparison::same_risk_questions`.
    SameRisk,
}

impl RiskChange {
    /// The change from `before` to `after`, or `None` when the risk is the same.
    pub fn between(before: Risk, after: Risk) -> Option<RiskChange> {
        if before == after {
            return None;
        }
        Some(match (before, after) {
            (Risk::Unanswered, _) => RiskChange::Answered,
            (_, Risk::Unanswered) => RiskChange::Unanswered,
            _ => match level(after).cmp(&level(before)) {
                std::cmp::Ordering::Less => RiskChange::Improved,
                std::cmp::Ordering::Greater => RiskChange::Worsened,
                std::cmp::Ordering::Equal => RiskChange::Reclassified,
            },
        })
    }
}

/// The level of an answered question's risk: what "better" and "worse" compare.
fn level(risk: Risk) -> u8 {
    match risk {
        Risk::High => 2,
        Risk::Medium => 1,
        Risk::None | Risk::NotApplicable | Risk::Unanswered => 0,
    }
}

/// Compares `from` (before) with `to` (after).
pub fn compare(workload_id: &str, from: Side, to: Side) -> MilestoneComparison {
    let mut lenses = Vec::new();
    let mut lenses_added = Vec::new();
    for after in &to.lens_reviews {
        match from
            .lens_reviews
            .iter()
            .find(|r| r.lens_alias == after.lens_alias)
        {
            Some(before) => lenses.push(compare_lens(before, after, &from, &to)),
            None => lenses_added.push(one_side(after)),
        }
    }
    let lenses_removed = from
        .lens_reviews
        .iter()
        .filter(|b| !to.lens_reviews.iter().any(|a| a.lens_alias == b.lens_alias))
        .map(one_side)
        .collect();
    MilestoneComparison {
        workload_id: workload_id.to_string(),
        from: from.state,
        to: to.state,
        lenses,
        lenses_added,
        lenses_removed,
    }
}

fn one_side(review: &LensReview) -> LensOnOneSide {
    LensOnOneSide {
        lens_alias: review.lens_alias.clone(),
        lens_name: review.lens_name.clone(),
        risk_counts: review.risk_counts,
        questions_answered: review.questions_answered,
        question_count: review.question_count,
    }
}

fn compare_lens(before: &LensReview, after: &LensReview, from: &Side, to: &Side) -> LensComparison {
    let alias = after.lens_alias.as_str();
    let (same_risk_questions, changed_questions) =
        changed_questions(answers_of(from, alias), answers_of(to, alias))
            .into_iter()
            .partition(|q| q.change == RiskChange::SameRisk);
    LensComparison {
        lens_alias: alias.to_string(),
        lens_name: after.lens_name.clone(),
        lens_version_before: before.lens_version.clone(),
        lens_version_after: after.lens_version.clone(),
        risk_counts_before: before.risk_counts,
        risk_counts_after: after.risk_counts,
        pillars: compare_pillars(before, after),
        changed_questions,
        same_risk_questions,
    }
}

fn answers_of<'a>(side: &'a Side, alias: &str) -> Vec<&'a AnswerView> {
    side.answers
        .iter()
        .filter(|a| a.lens_alias == alias)
        .collect()
}

fn compare_pillars(before: &LensReview, after: &LensReview) -> Vec<PillarComparison> {
    let counts_in = |review: &LensReview, id: &str| {
        review
            .pillar_review_summaries
            .iter()
            .find(|p| p.pillar_id == id)
            .map(|p| p.risk_counts)
            .unwrap_or_default()
    };
    let only_before = before.pillar_review_summaries.iter().filter(|b| {
        !after
            .pillar_review_summaries
            .iter()
            .any(|a| a.pillar_id == b.pillar_id)
    });
    after
        .pillar_review_summaries
        .iter()
        .chain(only_before)
        .map(|p| PillarComparison {
            pillar_id: p.pillar_id.clone(),
            pillar_name: p.pillar_name.clone(),
            risk_counts_before: counts_in(before, &p.pillar_id),
            risk_counts_after: counts_in(after, &p.pillar_id),
        })
        .collect()
}

/// The questions whose risk or answer differs, in lens order. A question one side does not
/// list (a lens version that added or dropped it) counts as unanswered there.
fn changed_questions(before: Vec<&AnswerView>, after: Vec<&AnswerView>) -> Vec<QuestionChange> {
    let before_by_id: HashMap<&str, &AnswerView> = before
        .iter()
        .map(|a| (a.question_id.as_str(), *a))
        .collect();
    let only_before = before
        .iter()
        .filter(|b| !after.iter().any(|a| a.question_id == b.question_id))
        .map(|b| (Some(*b), None));
    let pairs = after
        .iter()
        .map(|a| (before_by_id.get(a.question_id.as_str()).copied(), Some(*a)));
    pairs
        .chain(only_before)
        .filter_map(|(b, a)| question_change(b, a))
        .collect()
}

fn question_change(
    before: Option<&AnswerView>,
    after: Option<&AnswerView>,
) -> Option<QuestionChange> {
    let risk = |a: Option<&AnswerView>| a.map_or(Risk::Unanswered, |a| a.risk);
    let (risk_before, risk_after) = (risk(before), risk(after));
    let known = after.or(before)?;
    let named = |ids: Vec<&String>| -> Vec<ChoiceRef> {
        ids.into_iter()
            .map(|id| ChoiceRef {
                choice_id: id.clone(),
                title: title_of(id, after, before),
            })
            .collect()
    };
    let (selected_added, selected_removed) = moved(before, after, selected);
    let (waived_added, waived_removed) = moved(before, after, not_applicable);
    let notes = |a: Option<&AnswerView>| a.and_then(|a| a.notes.clone()).unwrap_or_default();
    let notes_changed = notes(before) != notes(after);
    let answer_changed = !(selected_added.is_empty()
        && selected_removed.is_empty()
        && waived_added.is_empty()
        && waived_removed.is_empty())
        || notes_changed;
    let change = match RiskChange::between(risk_before, risk_after) {
        Some(change) => change,
        None if answer_changed => RiskChange::SameRisk,
        None => return None,
    };
    Some(QuestionChange {
        question_id: known.question_id.clone(),
        pillar_id: known.pillar_id.clone(),
        question_title: known.question_title.clone(),
        risk_before,
        risk_after,
        change,
        selected_choices_added: named(selected_added),
        selected_choices_removed: named(selected_removed),
        not_applicable_choices_added: named(waived_added),
        not_applicable_choices_removed: named(waived_removed),
        notes_changed,
    })
}

/// The ids `pick` gives for `after` and not `before`, then for `before` and not `after`.
fn moved<'a>(
    before: Option<&'a AnswerView>,
    after: Option<&'a AnswerView>,
    pick: fn(&'a AnswerView) -> Vec<&'a String>,
) -> (Vec<&'a String>, Vec<&'a String>) {
    let (was, now) = (
        before.map(pick).unwrap_or_default(),
        after.map(pick).unwrap_or_default(),
    );
    let gained = now.iter().filter(|c| !was.contains(c)).copied().collect();
    let lost = was.iter().filter(|c| !now.contains(c)).copied().collect();
    (gained, lost)
}

fn selected(answer: &AnswerView) -> Vec<&String> {
    answer.selected_choices.iter().collect()
}

/// The best practices marked not applicable (a waiver: they count as met in the risk rules).
fn not_applicable(answer: &AnswerView) -> Vec<&String> {
    answer
        .choice_answers
        .iter()
        .filter(|c| c.status == ChoiceStatus::NotApplicable)
        .map(|c| &c.choice_id)
        .collect()
}

/// A choice's title as either side's question shows it; its id when neither has it.
fn title_of(id: &str, after: Option<&AnswerView>, before: Option<&AnswerView>) -> String {
    [after, before]
        .into_iter()
        .flatten()
        .flat_map(|a| &a.choices)
        .find(|c| c.choice_id == id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}
