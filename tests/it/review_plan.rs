//! The improvement plan: which questions, in which order, with which best practices; and the
//! impact that ranks the best practices.

use crate::review_support::*;
use plumbline::lens::model::{Lens, Question};
use plumbline::review::{
    best_practice_impact, improvement_plan, Answer, PlanItem, PlanOptions, Risk,
};
use serde_json::json;

/// Rules where `x_a && x_b` matter most: NO with all four, MEDIUM with both `a` and `b`.
/// Choices are listed `c d a b` so that impact order differs from lens order.
fn graded(id: &str) -> Question {
    let ids = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("{id}_{n}"))
            .collect::<Vec<_>>()
    };
    let [c, d, a, b, no] = <[String; 5]>::try_from(ids(&["c", "d", "a", "b", "no"])).unwrap();
    question(
        id,
        &format!("{c} {d} {a} {b} {no}"),
        &[
            (&format!("{a} && {b} && {c} && {d}"), "NO"),
            (&format!("{a} && {b}"), "MEDIUM"),
            ("default", "HIGH"),
        ],
    )
}

fn lens3() -> Lens {
    lens(vec![
        pillar("ops", vec![graded("o1"), graded("o2"), graded("o3")]),
        pillar("sec", vec![graded("s1"), graded("s2")]),
        pillar("cost", vec![graded("c1")]),
    ])
}

/// HIGH: o1, s2, c1; MEDIUM: o3, s1; NONE: o2.
fn answers3() -> Vec<Answer> {
    vec![
        answer("o1", "o1_d"),
        answer("o2", "o2_a o2_b o2_c o2_d"),
        answer("o3", "o3_a o3_b"),
        answer("s1", "s1_a s1_b s1_c"),
        answer("s2", "s2_no"),
        answer("c1", "c1_c"),
    ]
}

fn order(items: &[PlanItem]) -> Vec<(&str, Risk)> {
    items
        .iter()
        .map(|i| (i.question_id.as_str(), i.risk))
        .collect()
}

#[test]
fn high_before_medium_then_lens_pillar_order_then_question_order() {
    let plan = improvement_plan(&lens3(), &answers3(), &PlanOptions::default());
    assert_eq!(
        order(&plan),
        [
            ("o1", Risk::High),
            ("s2", Risk::High),
            ("c1", Risk::High),
            ("o3", Risk::Medium),
            ("s1", Risk::Medium),
        ]
    );
}

#[test]
fn named_pillars_come_first_in_priority_order_the_rest_in_lens_order() {
    let options = PlanOptions {
        // Unknown ids and repeats are harmless; the first mention counts.
        pillar_priority: vec!["cost".into(), "nope".into(), "sec".into(), "cost".into()],
        ..PlanOptions::default()
    };
    let plan = improvement_plan(&lens3(), &answers3(), &options);
    assert_eq!(
        order(&plan),
        [
            ("c1", Risk::High),
            ("s2", Risk::High),
            ("o1", Risk::High),
            ("s1", Risk::Medium),
            ("o3", Risk::Medium),
        ]
    );
}

#[test]
fn filters_keep_only_the_named_risks_pillars_and_questions() {
    let plan = |options: PlanOptions| {
        order(&improvement_plan(&lens3(), &answers3(), &options))
            .into_iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        plan(PlanOptions {
            risks: vec![Risk::Medium],
            ..Default::default()
        }),
        ["o3", "s1"]
    );
    // Risks other than HIGH and MEDIUM never enter the plan, even if asked for.
    assert_eq!(
        plan(PlanOptions {
            risks: vec![Risk::None, Risk::Unanswered],
            ..Default::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        plan(PlanOptions {
            pillars: vec!["sec".into(), "cost".into()],
            ..Default::default()
        }),
        ["s2", "c1", "s1"]
    );
    assert_eq!(
        plan(PlanOptions {
            question_ids: vec!["s1".into(), "o1".into(), "o2".into()],
            ..Default::default()
        }),
        ["o1", "s1"]
    );
    assert_eq!(
        plan(PlanOptions {
            risks: vec![Risk::High],
            pillars: vec!["ops".into(), "sec".into()],
            question_ids: vec!["s2".into(), "o3".into()],
            pillar_priority: vec!["sec".into()],
        }),
        ["s2"]
    );
}

#[test]
fn unanswered_not_applicable_and_riskless_questions_are_not_in_the_plan() {
    let answers = vec![
        not_applicable("o1", "o1_d"),
        answer("o2", "o2_a o2_b o2_c o2_d"),
    ];
    assert!(improvement_plan(&lens3(), &answers, &PlanOptions::default()).is_empty());
}

#[test]
fn impact_is_the_risk_with_every_other_best_practice_in_place() {
    let q = graded("q");
    let impact = |id: &str| {
        let i = q.choices.iter().position(|c| c.id == id).unwrap();
        best_practice_impact(&q, i)
    };
    assert_eq!(impact("q_a"), Risk::High);
    assert_eq!(impact("q_b"), Risk::High);
    assert_eq!(impact("q_c"), Risk::Medium);
    assert_eq!(impact("q_d"), Risk::Medium);
    // "None of these" is not a best practice.
    assert_eq!(impact("q_no"), Risk::Unanswered);
    assert_eq!(best_practice_impact(&q, 99), Risk::Unanswered);
}

#[test]
fn impact_of_a_lone_best_practice_applies_the_rules_to_nothing() {
    let q = question("q", "only q_no", &[("only", "NO"), ("default", "MEDIUM")]);
    assert_eq!(best_practice_impact(&q, 0), Risk::Medium);
    // Rules that say nothing about the practice: NONE impact.
    let q = question("q", "x y", &[("default", "NO")]);
    assert_eq!(best_practice_impact(&q, 0), Risk::None);
}

#[test]
fn best_practices_are_the_unadopted_ones_most_impactful_first() {
    let plan = improvement_plan(&lens3(), &answers3(), &PlanOptions::default());
    let practices = |qid: &str| {
        let item = plan.iter().find(|i| i.question_id == qid).unwrap();
        item.best_practices
            .iter()
            .map(|p| (p.choice_id.clone(), p.impact))
            .collect::<Vec<_>>()
    };
    // o1 selected d: a and b (HIGH impact) before c (MEDIUM), although c comes first in the lens.
    assert_eq!(
        practices("o1"),
        [
            ("o1_a".to_string(), Risk::High),
            ("o1_b".to_string(), Risk::High),
            ("o1_c".to_string(), Risk::Medium),
        ]
    );
    // s2 chose "None of these": every best practice is listed, never the `_no` choice.
    assert_eq!(
        practices("s2"),
        [
            ("s2_a".to_string(), Risk::High),
            ("s2_b".to_string(), Risk::High),
            ("s2_c".to_string(), Risk::Medium),
            ("s2_d".to_string(), Risk::Medium),
        ]
    );
}

#[test]
fn waived_best_practices_are_not_listed() {
    let lens = lens_of(graded("q"));
    let answers = vec![answer_waiving("q", "q_c", "q_a")];
    let plan = improvement_plan(&lens, &answers, &PlanOptions::default());
    let ids: Vec<&str> = plan[0]
        .best_practices
        .iter()
        .map(|p| p.choice_id.as_str())
        .collect();
    assert_eq!(ids, ["q_b", "q_d"]);
}

#[test]
fn a_plan_item_carries_the_improvement_plan_and_only_improvement_resources() {
    let q = with_additional_resources(graded("q"), "q_a");
    let lens = lens_of(q);
    let plan = improvement_plan(
        &lens,
        &[answer("q", "q_b q_c q_d")],
        &PlanOptions::default(),
    );
    assert_eq!(
        serde_json::to_value(&plan).unwrap(),
        json!([{
            "questionId": "q",
            "pillarId": "p",
            "questionTitle": "Question q",
            "risk": "HIGH",
            "bestPractices": [{
                "choiceId": "q_a",
                "title": "Practice q_a",
                "improvementPlan": {"displayText": "Adopt q_a", "url": "https://example.com/q_a"},
                "additionalResources": [
                    {"displayText": "plan-2", "url": "https://example.com/plan-2"},
                    {"displayText": "plan-3", "url": "https://example.com/plan-3"},
                ],
                "impact": "HIGH",
            }],
        }])
    );
}
