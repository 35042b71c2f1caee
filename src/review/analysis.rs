//! Rule analysis: what a question's risk rules do over *every* answer it can receive, found by
//! exhaustive enumeration ([`SelectionTable`]) rather than by reasoning about the expressions,
//! so that the verdicts are exact. Three warnings, each with an example answer in the message:
//!
//! - `rule-never-fires` (path `…riskRules[r]`): no answer reaches the rule, either because its
//!   condition is never true (`a && !a`; a `_no` choice in a conjunction with another choice) or
//!   because an earlier rule always matches first (identical conditions, a broader rule above a
//!   narrower one). An unreachable `default` is not reported: it is harmless and common.
//! - `selection-matches-no-rule` (path of the question): an answer that no rule matches; only
//!   possible without a `default` rule.
//! - `risk-rises-with-practice` (path of the question): adopting one more best practice raises
//!   the risk (NO_RISK < MEDIUM_RISK < HIGH_RISK), which usually means a "None of the above"
//!   pseudo-choice or Yes/No choices forced into the checkbox model.
//!
//! The example given is the one with the fewest choices (then the first in lens order), because
//! a short example is the easiest to check by hand.

use super::choices::describe_selection;
use super::selections::SelectionTable;
use crate::lens::model::{Lens, LensRisk, Question, RiskRule};
use crate::lens::Severity;
use crate::rule::{CompiledCondition, CompiledExpr};

/// One analysis finding; [`crate::lint`] turns it into a diagnostic with line:column.
pub use crate::lens::Finding;

/// Exhaustive analysis of every question's rules over every selection of its choices.
/// Questions too large to enumerate (more than 20 ordinary choices) are skipped.
pub fn analyze(lens: &Lens) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut buffer = Vec::new();
    for (p, pillar) in lens.pillars.iter().enumerate() {
        for (q, question) in pillar.questions.iter().enumerate() {
            let Some(table) = SelectionTable::build(question, buffer) else {
                buffer = Vec::new();
                continue;
            };
            let path = format!("pillars[{p}].questions[{q}]");
            dead_rules(question, &table, &path, &mut findings);
            unmatched_selection(question, &table, &path, &mut findings);
            rising_risk(question, &table, &path, &mut findings);
            buffer = table.into_buffer();
        }
    }
    findings
}

fn warning(path: String, code: &'static str, message: String) -> Finding {
    Finding {
        severity: Severity::Warning,
        code,
        path,
        message,
    }
}

/// `rule-never-fires` for every non-default rule that no answer reaches.
fn dead_rules(question: &Question, table: &SelectionTable, path: &str, out: &mut Vec<Finding>) {
    for (r, rule) in question.risk_rules.iter().enumerate() {
        let CompiledCondition::Expr(expr) = &rule.condition else {
            continue;
        };
        if table.fires(r) {
            continue;
        }
        // Where the condition holds, an earlier rule must have matched: show the simplest
        // such answer, and which rule took it.
        let reason = match table.smallest_where_holds(r, &rule.condition) {
            Some((truth, Some(earlier))) => format!(
                "whenever it holds, the earlier {} matches first (e.g. the selection {})",
                describe_rule(&question.risk_rules[earlier]),
                describe_selection(question, truth)
            ),
            _ if mixes_none_of_these(question, expr) => "its condition is false for every \
                possible answer (a `_no` choice is never selected together with other choices)"
                .to_string(),
            _ => "its condition is false for every possible answer".to_string(),
        };
        out.push(warning(
            format!("{path}.riskRules[{r}]"),
            "rule-never-fires",
            format!("the {} can never fire: {reason}", describe_rule(rule)),
        ));
    }
}

/// `selection-matches-no-rule`, with the simplest such answer.
fn unmatched_selection(
    question: &Question,
    table: &SelectionTable,
    path: &str,
    out: &mut Vec<Finding>,
) {
    if let Some(truth) = table.smallest_unmatched() {
        out.push(warning(
            path.to_string(),
            "selection-matches-no-rule",
            format!(
                "the selection {} matches no risk rule, so the question gets no risk; \
                 add a `default` rule",
                describe_selection(question, truth)
            ),
        ));
    }
}

/// `risk-rises-with-practice`: some answer plus one ordinary choice is riskier than the answer.
fn rising_risk(question: &Question, table: &SelectionTable, path: &str, out: &mut Vec<Finding>) {
    let levels: Vec<u8> = question
        .risk_rules
        .iter()
        .map(|rule| risk_level(rule.risk))
        .collect();
    let Some((mask, j)) = table.smallest_rise(&levels) else {
        return;
    };
    let risk_of = |compact: usize| {
        table
            .rule_of(compact)
            .map_or("no risk", |r| question.risk_rules[r].risk.as_str())
    };
    out.push(warning(
        path.to_string(),
        "risk-rises-with-practice",
        format!(
            "selecting {} in addition to {} raises the risk from {} to {}; adopting a best \
             practice should never increase risk (is a \"None of these\" or a \"No\" answer \
             modelled as an ordinary choice?)",
            describe_selection(question, table.truth(1 << j)),
            describe_selection(question, table.truth(mask)),
            risk_of(mask),
            risk_of(mask | 1 << j),
        ),
    ));
}

/// NO_RISK < MEDIUM_RISK < HIGH_RISK.
fn risk_level(risk: LensRisk) -> u8 {
    match risk {
        LensRisk::NoRisk => 0,
        LensRisk::Medium => 1,
        LensRisk::High => 2,
    }
}

fn describe_rule(rule: &RiskRule) -> String {
    format!("{} rule `{}`", rule.risk.as_str(), rule.source.trim())
}

/// Whether the condition names a `_no` choice and some other choice: such a conjunction can
/// only hold if both are true, which exclusivity forbids.
fn mixes_none_of_these(question: &Question, expr: &CompiledExpr) -> bool {
    let mut referenced = 0u64;
    collect_choices(expr, &mut referenced);
    let none = super::choices::none_of_these_mask(question);
    referenced & none != 0 && referenced & !none != 0
}

fn collect_choices(expr: &CompiledExpr, out: &mut u64) {
    match expr {
        CompiledExpr::Choice(i) => *out |= 1u64 << i,
        CompiledExpr::Not(e) => collect_choices(e, out),
        CompiledExpr::And(a, b) | CompiledExpr::Or(a, b) => {
            collect_choices(a, out);
            collect_choices(b, out);
        }
    }
}
