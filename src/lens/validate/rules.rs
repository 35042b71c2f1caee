//! Risk-rule rules: valid risk values, at most three rules with one per risk level, and exactly
//! one `default` rule per question. (Condition syntax and ids: [`crate::lens::conditions`].)

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::json::Value;
use crate::lens::model::LensRisk;
use crate::lens::path::Path;
use crate::lens::validate::Owner;
use crate::shown::excerpt;

pub const RULES_MAX: usize = 3;

pub fn risk(cx: &mut Cx<'_>, raw: &str, offset: usize, path: &Path<'_>) -> Option<LensRisk> {
    match raw {
        "HIGH_RISK" => Some(LensRisk::High),
        "MEDIUM_RISK" => Some(LensRisk::Medium),
        "NO_RISK" => Some(LensRisk::NoRisk),
        _ => {
            // `HIGH` etc. are the API's spelling; say so, since that is the likely mix-up.
            let hint = match raw {
                "HIGH" | "MEDIUM" | "NONE" => {
                    " (HIGH, MEDIUM and NONE are the API's names; lens files use the _RISK forms)"
                }
                _ => "",
            };
            cx.issues.error(
                codes::INVALID_RISK,
                path,
                offset,
                format!(
                    "risk is `{}`; it must be HIGH_RISK, MEDIUM_RISK or NO_RISK{hint}",
                    excerpt(raw)
                ),
            );
            None
        }
    }
}

/// What the rule-set checks need to know about one rule, as written.
#[derive(Debug, Clone, Copy)]
pub struct RuleFacts {
    /// Index in the `riskRules` array.
    pub index: usize,
    pub risk: Option<LensRisk>,
    pub risk_offset: usize,
    /// The condition is `default` (after trimming).
    pub is_default: bool,
    pub condition_offset: usize,
}

/// Checks the rules of `question`: `items` is its whole `riskRules`
/// array (at `array_offset`), `rules` what could be read of its objects.
pub fn rule_set(
    cx: &mut Cx<'_>,
    question: Owner<'_>,
    items: &[Value<'_>],
    rules: &[RuleFacts],
    array_offset: usize,
    path: &Path<'_>,
) {
    if items.len() > RULES_MAX {
        cx.issues.error(
            codes::TOO_MANY_RISK_RULES,
            &path.index(RULES_MAX),
            items[RULES_MAX].offset,
            format!(
                "{question} has {} risk rules; the limit is {RULES_MAX}, one per risk level",
                items.len()
            ),
        );
    }
    for (i, rule) in rules.iter().enumerate() {
        let Some(risk) = rule.risk else { continue };
        if let Some(first) = rules[..i].iter().find(|r| r.risk == Some(risk)) {
            cx.issues.error(
                codes::DUPLICATE_RISK_LEVEL,
                &path.index(rule.index).key("risk"),
                rule.risk_offset,
                format!("riskRules[{}] already sets {}; a question has at most one rule per risk level (combine the conditions with ||)", first.index, risk.as_str()),
            );
        }
    }
    let mut defaults = rules.iter().filter(|r| r.is_default);
    match defaults.next() {
        None => cx.issues.error(
            codes::MISSING_DEFAULT_RULE,
            path,
            array_offset,
            format!("{question} has no `default` rule; add {{\"condition\": \"default\", \"risk\": ...}} as its last rule"),
        ),
        Some(first) => {
            for rule in defaults {
                cx.issues.error(
                    codes::MULTIPLE_DEFAULT_RULES,
                    &path.index(rule.index).key("condition"),
                    rule.condition_offset,
                    format!("riskRules[{}] is already the `default` rule; a question has exactly one", first.index),
                );
            }
        }
    }
}
