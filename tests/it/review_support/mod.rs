//! Building lenses and answers for tests from compact descriptions, without the lens parser:
//! `question("q1", "a b q1_no", &[("a && b", "NO"), ("default", "HIGH")])`.
//!
//! Declared once in `main.rs`; each test module uses what it needs (`use crate::review_support::*`).
#![allow(dead_code)]

use plumbline::lens::model::{
    AdditionalResourceType, AdditionalResources, Choice, Lens, LensRisk, Pillar, Question,
    Resource, RiskRule,
};
use plumbline::review::{Answer, ChoiceAnswer, ChoiceStatus};
use plumbline::rule::{compile, parse_condition, CompiledCondition, Condition};

/// `NO`, `MEDIUM` or `HIGH` (the `_RISK` suffix is optional).
pub fn lens_risk(name: &str) -> LensRisk {
    match name.trim_end_matches("_RISK") {
        "NO" => LensRisk::NoRisk,
        "MEDIUM" => LensRisk::Medium,
        "HIGH" => LensRisk::High,
        other => panic!("unknown risk {other}"),
    }
}

/// A choice with a title, and an improvement plan unless it is a `_no` choice.
pub fn choice(id: &str) -> Choice {
    let none = id.ends_with("_no");
    Choice {
        id: id.to_string(),
        title: if none {
            "None of these".to_string()
        } else {
            format!("Practice {id}")
        },
        description: None,
        helpful_resource: None,
        improvement_plan: (!none).then(|| Resource {
            display_text: format!("Adopt {id}"),
            url: Some(format!("https://example.com/{id}")),
        }),
        additional_resources: Vec::new(),
    }
}

/// Compiles `condition` against `choices`; panics on a syntax error or an unknown id.
pub fn rule(choices: &[Choice], condition: &str, risk: &str) -> RiskRule {
    let compiled = match parse_condition(condition).expect("condition parses") {
        Condition::Default => CompiledCondition::Default,
        Condition::Expr(expr) => CompiledCondition::Expr(
            compile(&expr, &|id| choices.iter().position(|c| c.id == id))
                .expect("condition names only the question's choices"),
        ),
    };
    RiskRule {
        source: condition.to_string(),
        condition: compiled,
        risk: lens_risk(risk),
    }
}

/// A question from space-separated choice ids and (condition, risk) rules.
pub fn question(id: &str, choices: &str, rules: &[(&str, &str)]) -> Question {
    let choices: Vec<Choice> = choices.split_whitespace().map(choice).collect();
    let risk_rules = rules
        .iter()
        .map(|(condition, risk)| rule(&choices, condition, risk))
        .collect();
    Question {
        id: id.to_string(),
        title: format!("Question {id}"),
        description: String::new(),
        helpful_resource: None,
        choices,
        risk_rules,
    }
}

pub fn pillar(id: &str, questions: Vec<Question>) -> Pillar {
    Pillar {
        id: id.to_string(),
        name: format!("Pillar {id}"),
        questions,
    }
}

pub fn lens(pillars: Vec<Pillar>) -> Lens {
    Lens {
        schema_version: "2021-11-01".to_string(),
        name: "Test lens".to_string(),
        description: "Built by review_support".to_string(),
        pillars,
        profile_priorities: Default::default(),
    }
}

/// A one-pillar, one-question lens.
pub fn lens_of(question: Question) -> Lens {
    lens(vec![pillar("p", vec![question])])
}

/// Gives `choice_id` of `question` an additional resource of each kind.
pub fn with_additional_resources(mut question: Question, choice_id: &str) -> Question {
    let choice = question
        .choices
        .iter_mut()
        .find(|c| c.id == choice_id)
        .expect("choice exists");
    let item = |text: &str| Resource {
        display_text: text.to_string(),
        url: Some(format!("https://example.com/{text}")),
    };
    choice.additional_resources = vec![
        AdditionalResources {
            kind: AdditionalResourceType::HelpfulResource,
            content: vec![item("help-1")],
        },
        AdditionalResources {
            kind: AdditionalResourceType::ImprovementPlan,
            content: vec![item("plan-2"), item("plan-3")],
        },
    ];
    question
}

/// An answer selecting the space-separated choice ids.
pub fn answer(question_id: &str, selected: &str) -> Answer {
    Answer {
        question_id: question_id.to_string(),
        pillar_id: None,
        selected_choices: selected.split_whitespace().map(str::to_string).collect(),
        choice_answers: Vec::new(),
        is_applicable: true,
        reason: None,
        notes: None,
    }
}

/// An answer selecting `selected` and marking `waived` not applicable.
pub fn answer_waiving(question_id: &str, selected: &str, waived: &str) -> Answer {
    let mut a = answer(question_id, selected);
    a.choice_answers = waived
        .split_whitespace()
        .map(|id| choice_answer(id, ChoiceStatus::NotApplicable))
        .collect();
    a
}

pub fn choice_answer(id: &str, status: ChoiceStatus) -> ChoiceAnswer {
    ChoiceAnswer {
        choice_id: id.to_string(),
        status,
        reason: None,
        notes: None,
    }
}

/// A question marked not applicable (its selections are kept).
pub fn not_applicable(question_id: &str, selected: &str) -> Answer {
    Answer {
        is_applicable: false,
        ..answer(question_id, selected)
    }
}

pub mod json_lens;
