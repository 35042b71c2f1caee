//! Impact of a best practice: the risk its question gets when every other best practice is in
//! place. It is a property of the lens, not of an answer, so it ranks best practices the same
//! way in every review and works for custom lenses, whose files carry no per-practice level.
//!
//! "Every other" means every ordinary choice except this one; `_no` choices are never counted
//! (selecting one would clear the others). The rules are applied to that set directly, even
//! when it is empty (a question with a single best practice): impact asks what the rules say
//! about the missing practice, not whether the question was answered.

use super::choices::best_practice_mask;
use super::evaluate::rules_risk;
use super::risk::Risk;
use crate::lens::model::Question;

/// The impact of leaving out `question.choices[choice]`. A `_no` choice, an index past the
/// representable 64, or rules that match nothing give `UNANSWERED` (no ranking information).
pub fn best_practice_impact(question: &Question, choice: usize) -> Risk {
    let Some(c) = question.choices.get(choice) else {
        return Risk::Unanswered;
    };
    if c.is_none_of_these() || choice >= 64 {
        return Risk::Unanswered;
    }
    let others = best_practice_mask(question) & !(1u64 << choice);
    rules_risk(&question.risk_rules, others).unwrap_or(Risk::Unanswered)
}

/// Sort key: HIGH impact first, then MEDIUM, then NONE, then anything that carries no
/// ranking information.
pub fn impact_rank(impact: Risk) -> u8 {
    match impact {
        Risk::High => 0,
        Risk::Medium => 1,
        Risk::None => 2,
        Risk::Unanswered | Risk::NotApplicable => 3,
    }
}
