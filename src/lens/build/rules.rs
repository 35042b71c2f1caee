//! A question's risk rules: read each rule, compile its condition, then check the set.

use super::fields::{array, object, string, Need, Obj};
use super::Cx;
use crate::lens::conditions::compile_condition;
use crate::lens::model::{Choice, RiskRule};
use crate::lens::path::Path;
use crate::lens::schema::Level;
use crate::lens::validate::rules::{self, RuleFacts};

/// The usable rules of the question `question_id`; a rule whose condition or risk is invalid
/// is reported and left out.
pub fn risk_rules(
    cx: &mut Cx<'_>,
    obj: &Obj<'_, '_>,
    path: &Path<'_>,
    question_id: Option<&str>,
    choices: &[Choice],
) -> Vec<RiskRule> {
    let mut out = Vec::new();
    let Some((items, array_offset)) = array(cx, obj, path, "riskRules", Need::Required) else {
        return out;
    };
    let at = path.key("riskRules");
    out.reserve_exact(items.len());
    let question = question_id.map_or_else(
        || "this question".to_string(),
        |id| format!("question `{id}`"),
    );
    let question_id = question_id.unwrap_or("(without id)");
    let choice_ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    let mut facts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let rule_path = at.index(i);
        let Some(rule) = object(cx, item, &rule_path, Level::RiskRule) else {
            continue;
        };
        let condition = string(cx, &rule, &rule_path, "condition", Need::Required);
        let risk_text = string(cx, &rule, &rule_path, "risk", Need::Required);
        let risk = risk_text
            .and_then(|(raw, offset)| rules::risk(cx, raw, offset, &rule_path.key("risk")));
        let compiled = condition.and_then(|(source, offset)| {
            let condition_path = rule_path.key("condition");
            compile_condition(
                cx,
                source,
                offset,
                &condition_path,
                question_id,
                &choice_ids,
            )
        });
        facts.push(RuleFacts {
            index: i,
            risk,
            risk_offset: risk_text.map_or(item.offset, |(_, o)| o),
            is_default: condition.is_some_and(|(s, _)| s.trim() == "default"),
            condition_offset: condition.map_or(item.offset, |(_, o)| o),
        });
        if let (Some((source, _)), Some(risk), Some(condition)) = (condition, risk, compiled) {
            out.push(RiskRule {
                source: source.to_string(),
                condition,
                risk,
            });
        }
    }
    rules::rule_set(cx, &question, items, &facts, array_offset, &at);
    out
}
