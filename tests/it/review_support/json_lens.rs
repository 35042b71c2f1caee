//! A lenient lens loader for tests that must not depend on the lens parser (which another
//! branch owns): serde_json values straight into the model, conditions compiled with the rule
//! parser, no validation and no positions. Unknown ids and syntax errors panic.

use plumbline::lens::model::{
    AdditionalResourceType, AdditionalResources, Choice, Lens, Pillar, Question, Resource, RiskRule,
};
use plumbline::rule::{compile, parse_condition, CompiledCondition, Condition};
use serde_json::Value;

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn resource(v: Option<&Value>) -> Option<Resource> {
    let v = v?;
    Some(Resource {
        display_text: text(v, "displayText"),
        url: v.get("url").and_then(Value::as_str).map(str::to_string),
    })
}

fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

pub fn lens_from_json(json: &str) -> Lens {
    let root: Value = serde_json::from_str(json).expect("lens JSON parses");
    let pillars = list(&root, "pillars")
        .map(|p| Pillar {
            id: text(p, "id"),
            name: text(p, "name"),
            questions: list(p, "questions").map(question).collect(),
        })
        .collect();
    Lens {
        schema_version: text(&root, "schemaVersion"),
        name: text(&root, "name"),
        description: text(&root, "description"),
        pillars,
        profile_priorities: Default::default(),
    }
}

fn question(q: &Value) -> Question {
    let choices: Vec<Choice> = list(q, "choices")
        .map(|c| Choice {
            id: text(c, "id"),
            title: text(c, "title"),
            description: c
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_string),
            helpful_resource: resource(c.get("helpfulResource")),
            improvement_plan: resource(c.get("improvementPlan")),
            additional_resources: list(c, "additionalResources")
                .map(|r| AdditionalResources {
                    kind: if text(r, "type") == "IMPROVEMENT_PLAN" {
                        AdditionalResourceType::ImprovementPlan
                    } else {
                        AdditionalResourceType::HelpfulResource
                    },
                    content: list(r, "content")
                        .filter_map(|c| resource(Some(c)))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let risk_rules = list(q, "riskRules")
        .map(|r| {
            let source = text(r, "condition");
            let condition = match parse_condition(&source).expect("condition parses") {
                Condition::Default => CompiledCondition::Default,
                Condition::Expr(e) => CompiledCondition::Expr(
                    compile(&e, &|id| choices.iter().position(|c| c.id == id)).expect("known ids"),
                ),
            };
            RiskRule {
                source,
                condition,
                risk: serde_json::from_value(r["risk"].clone()).expect("risk"),
            }
        })
        .collect();
    Question {
        id: text(q, "id"),
        title: text(q, "title"),
        description: text(q, "description"),
        helpful_resource: resource(q.get("helpfulResource")),
        choices,
        risk_rules,
    }
}
