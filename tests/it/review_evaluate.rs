//! Question risk and risk counts, as design.md decides them: table tests, including the worked
//! risk-rules example of the lens format specification.

use crate::review_support::*;
use plumbline::review::{evaluate, question_risk, Answer, ChoiceStatus, Risk, RiskCounts};
use serde_json::json;

/// The specification's example ("Lens format specification", Risk Rules section): three
/// choices plus "None of these", least risky rule first.
fn spec_question() -> plumbline::lens::model::Question {
    question(
        "spec",
        "choice_1 choice_2 choice_3 option_no",
        &[
            ("choice_1 && choice_2 && choice_3", "NO_RISK"),
            (
                "((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)",
                "MEDIUM_RISK",
            ),
            ("default", "HIGH_RISK"),
        ],
    )
}

#[track_caller]
fn risk_of(q: &plumbline::lens::model::Question, answer: &Answer) -> Risk {
    question_risk(q, Some(answer))
}

#[test]
fn the_specification_example_behaves_as_its_text_says() {
    let q = spec_question();
    let cases: &[(&str, Risk)] = &[
        // "If all three choices are selected, there is no risk."
        ("choice_1 choice_2 choice_3", Risk::None),
        // "If either choice_1 or choice_2 is selected and choice_3 is selected, medium risk."
        ("choice_1 choice_3", Risk::Medium),
        ("choice_2 choice_3", Risk::Medium),
        // "If choice_1 is not selected but choice_3 is selected, there is also medium risk."
        ("choice_3", Risk::Medium),
        // "If none of these prior conditions were true, there is high risk."
        ("choice_1", Risk::High),
        ("choice_2", Risk::High),
        ("choice_1 choice_2", Risk::High),
        ("option_no", Risk::High),
        // Nothing selected: not answered, whatever `default` says.
        ("", Risk::Unanswered),
    ];
    for (selected, expected) in cases {
        assert_eq!(
            risk_of(&q, &answer("spec", selected)),
            *expected,
            "{selected:?}"
        );
    }
}

#[test]
fn a_missing_or_empty_answer_is_unanswered() {
    let q = spec_question();
    assert_eq!(question_risk(&q, None), Risk::Unanswered);
    assert_eq!(risk_of(&q, &answer("spec", "")), Risk::Unanswered);
    // Ids the question does not have select nothing.
    assert_eq!(
        risk_of(&q, &answer("spec", "choice_9 CHOICE_1")),
        Risk::Unanswered
    );
    // UNSELECTED statuses say nothing either.
    let mut a = answer("spec", "");
    a.choice_answers = vec![choice_answer("choice_1", ChoiceStatus::Unselected)];
    assert_eq!(risk_of(&q, &a), Risk::Unanswered);
}

#[test]
fn a_question_marked_not_applicable_is_not_applicable_whatever_is_selected() {
    let q = spec_question();
    assert_eq!(
        risk_of(&q, &not_applicable("spec", "")),
        Risk::NotApplicable
    );
    assert_eq!(
        risk_of(&q, &not_applicable("spec", "choice_1")),
        Risk::NotApplicable
    );
    assert_eq!(
        risk_of(&q, &not_applicable("spec", "choice_1 choice_2 choice_3")),
        Risk::NotApplicable
    );
}

#[test]
fn a_waived_best_practice_counts_as_true_in_conditions() {
    let q = spec_question();
    // choice_3 waived: the same risk as if selected.
    assert_eq!(
        risk_of(&q, &answer_waiving("spec", "choice_1 choice_2", "choice_3")),
        Risk::None
    );
    // Only waivers, nothing selected: answered, and the rules apply.
    assert_eq!(
        risk_of(&q, &answer_waiving("spec", "", "choice_3")),
        Risk::Medium
    );
    assert_eq!(
        risk_of(
            &q,
            &answer_waiving("spec", "", "choice_1 choice_2 choice_3")
        ),
        Risk::None
    );
    // Waiving wins over selecting the same choice (it stays true either way).
    assert_eq!(
        risk_of(
            &q,
            &answer_waiving("spec", "choice_1 choice_2 choice_3", "choice_3")
        ),
        Risk::None
    );
}

#[test]
fn selected_choices_and_choice_answers_are_merged() {
    let q = spec_question();
    // SELECTED in choice answers alone selects.
    let mut a = answer("spec", "choice_1");
    a.choice_answers = vec![
        choice_answer("choice_2", ChoiceStatus::Selected),
        choice_answer("choice_3", ChoiceStatus::Selected),
    ];
    assert_eq!(risk_of(&q, &a), Risk::None);
    // An UNSELECTED status does not undo membership in selectedChoices.
    let mut a = answer("spec", "choice_1 choice_2 choice_3");
    a.choice_answers = vec![choice_answer("choice_3", ChoiceStatus::Unselected)];
    assert_eq!(risk_of(&q, &a), Risk::None);
}

#[test]
fn none_of_these_excludes_every_other_choice() {
    let q = spec_question();
    // `_no` with every practice: the answer means "none of these".
    assert_eq!(
        risk_of(&q, &answer("spec", "choice_1 choice_2 choice_3 option_no")),
        Risk::High
    );
    // ... and it also cancels waivers.
    assert_eq!(
        risk_of(
            &q,
            &answer_waiving("spec", "option_no", "choice_1 choice_2 choice_3")
        ),
        Risk::High
    );
    // A `_no` choice cannot be waived: marking it so is ignored.
    assert_eq!(
        risk_of(&q, &answer_waiving("spec", "", "option_no")),
        Risk::Unanswered
    );
    assert_eq!(
        risk_of(&q, &answer_waiving("spec", "choice_3", "option_no")),
        Risk::Medium
    );
}

#[test]
fn a_rule_may_test_none_of_these_itself() {
    // The S3 lens pattern: "None of these" means "not applicable, so no risk".
    let q = question(
        "ops4",
        "OPS_4_1 OPS_4_2 OPS_4_no",
        &[
            ("OPS_4_no || (OPS_4_1 && OPS_4_2)", "NO"),
            ("default", "HIGH"),
        ],
    );
    assert_eq!(risk_of(&q, &answer("ops4", "OPS_4_no")), Risk::None);
    assert_eq!(risk_of(&q, &answer("ops4", "OPS_4_1")), Risk::High);
    assert_eq!(risk_of(&q, &answer("ops4", "OPS_4_1 OPS_4_2")), Risk::None);
}

#[test]
fn the_first_matching_rule_wins_even_when_a_later_one_is_less_risky() {
    // ElastiCache's HIGH-first order: never sort rules by severity.
    let q = question(
        "ec",
        "a b c",
        &[("a", "HIGH"), ("a && b", "NO"), ("default", "MEDIUM")],
    );
    assert_eq!(risk_of(&q, &answer("ec", "a b")), Risk::High);
    assert_eq!(risk_of(&q, &answer("ec", "b")), Risk::Medium);
}

#[test]
fn the_precedence_sensitive_condition_evaluates_as_c_would() {
    // ECS NET1: `NET1_2 && !NET1_1 || NET1_3` is `(NET1_2 && !NET1_1) || NET1_3`.
    let q = question(
        "net1",
        "NET1_1 NET1_2 NET1_3",
        &[("NET1_2 && !NET1_1 || NET1_3", "NO"), ("default", "HIGH")],
    );
    assert_eq!(risk_of(&q, &answer("net1", "NET1_1 NET1_3")), Risk::None);
    assert_eq!(risk_of(&q, &answer("net1", "NET1_1 NET1_2")), Risk::High);
    assert_eq!(risk_of(&q, &answer("net1", "NET1_2")), Risk::None);
}

#[test]
fn a_selection_that_matches_no_rule_is_unanswered() {
    // Only reachable without `default`, which the validator refuses; documented fallback.
    let q = question("nodef", "a b", &[("a && b", "NO"), ("a", "MEDIUM")]);
    assert_eq!(risk_of(&q, &answer("nodef", "b")), Risk::Unanswered);
    assert_eq!(risk_of(&q, &answer("nodef", "a")), Risk::Medium);
}

#[test]
fn risk_counts_always_serialise_all_five_keys() {
    assert_eq!(
        serde_json::to_value(RiskCounts::default()).unwrap(),
        json!({"UNANSWERED": 0, "HIGH": 0, "MEDIUM": 0, "NONE": 0, "NOT_APPLICABLE": 0})
    );
}

fn two_pillar_lens() -> plumbline::lens::model::Lens {
    let q = |id: &str| {
        question(
            id,
            &format!("{id}_a {id}_b {id}_no"),
            &[
                (&format!("{id}_a && {id}_b"), "NO"),
                (&format!("{id}_a"), "MEDIUM"),
                ("default", "HIGH"),
            ],
        )
    };
    lens(vec![
        pillar("ops", vec![q("o1"), q("o2"), q("o3")]),
        pillar("sec", vec![q("s1"), q("s2")]),
    ])
}

#[test]
fn evaluate_lists_questions_in_lens_order_and_counts_per_pillar_and_lens() {
    let lens = two_pillar_lens();
    let answers = vec![
        // Out of order on purpose, and one answer to a question the lens does not have.
        answer("s2", "s2_a s2_b"),
        answer("o2", "o2_a"),
        answer("nope", "x"),
        not_applicable("s1", ""),
        answer("o1", "o1_no"),
    ];
    let result = evaluate(&lens, &answers);
    assert_eq!(
        serde_json::to_value(&result).unwrap(),
        json!({
            "questions": [
                {"questionId": "o1", "pillarId": "ops", "risk": "HIGH"},
                {"questionId": "o2", "pillarId": "ops", "risk": "MEDIUM"},
                {"questionId": "o3", "pillarId": "ops", "risk": "UNANSWERED"},
                {"questionId": "s1", "pillarId": "sec", "risk": "NOT_APPLICABLE"},
                {"questionId": "s2", "pillarId": "sec", "risk": "NONE"},
            ],
            "pillars": [
                {"pillarId": "ops", "riskCounts":
                    {"UNANSWERED": 1, "HIGH": 1, "MEDIUM": 1, "NONE": 0, "NOT_APPLICABLE": 0}},
                {"pillarId": "sec", "riskCounts":
                    {"UNANSWERED": 0, "HIGH": 0, "MEDIUM": 0, "NONE": 1, "NOT_APPLICABLE": 1}},
            ],
            "riskCounts": {"UNANSWERED": 1, "HIGH": 1, "MEDIUM": 1, "NONE": 1, "NOT_APPLICABLE": 1},
        })
    );
}

#[test]
fn with_no_answers_every_question_is_unanswered() {
    let result = evaluate(&two_pillar_lens(), &[]);
    assert_eq!(result.risk_counts.unanswered, 5);
    assert_eq!(result.risk_counts.answered(), 0);
    assert!(result.questions.iter().all(|q| q.risk == Risk::Unanswered));
}

#[test]
fn the_last_answer_to_a_question_wins() {
    let lens = two_pillar_lens();
    let answers = vec![answer("o1", "o1_a o1_b"), answer("o1", "o1_a")];
    assert_eq!(evaluate(&lens, &answers).questions[0].risk, Risk::Medium);
}
