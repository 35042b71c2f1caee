//! Rule analysis on purpose-built lenses: each shape of problem found in real lens files
//! (lens-corpus ANALYSIS.md §4), each with the example answer its message must show.

use crate::review_support::*;
use plumbline::lens::model::Question;
use plumbline::lens::Severity;
use plumbline::review::analysis::{analyze, Finding};

fn findings_of(q: Question) -> Vec<Finding> {
    analyze(&lens_of(q))
}

/// (code, path, message) of every finding; all must be warnings.
fn summary(findings: &[Finding]) -> Vec<(&str, &str, &str)> {
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    findings
        .iter()
        .map(|f| (f.code, f.path.as_str(), f.message.as_str()))
        .collect()
}

#[test]
fn a_rule_shadowed_by_a_broader_earlier_rule_never_fires() {
    let f = findings_of(question(
        "q",
        "a b c",
        &[("a", "NO"), ("a && b", "MEDIUM"), ("default", "HIGH")],
    ));
    assert_eq!(
        summary(&f),
        [(
            "rule-never-fires",
            "pillars[0].questions[0].riskRules[1]",
            "the MEDIUM_RISK rule `a && b` can never fire: whenever it holds, the earlier \
             NO_RISK rule `a` matches first (e.g. the selection {a, b})"
        )]
    );
}

#[test]
fn identical_conditions_leave_the_second_rule_dead() {
    // The CFA lens: NO_RISK and MEDIUM_RISK with the same expression.
    let f = findings_of(question(
        "q",
        "x y z q_no",
        &[
            ("x && y", "NO"),
            (" x && y ", "MEDIUM"),
            ("default", "HIGH"),
        ],
    ));
    assert_eq!(
        summary(&f),
        [(
            "rule-never-fires",
            "pillars[0].questions[0].riskRules[1]",
            "the MEDIUM_RISK rule `x && y` can never fire: whenever it holds, the earlier \
             NO_RISK rule `x && y` matches first (e.g. the selection {x, y})"
        )]
    );
}

#[test]
fn a_contradiction_never_fires() {
    // The ORR lens: `(rto_defined) && (!rto_defined)`.
    let f = findings_of(question(
        "q",
        "rto_defined rpo_defined",
        &[
            ("rto_defined && rpo_defined", "NO"),
            ("(rto_defined) && (!rto_defined)", "MEDIUM"),
            ("default", "HIGH"),
        ],
    ));
    assert_eq!(
        summary(&f),
        [(
            "rule-never-fires",
            "pillars[0].questions[0].riskRules[1]",
            "the MEDIUM_RISK rule `(rto_defined) && (!rto_defined)` can never fire: its \
             condition is false for every possible answer"
        )]
    );
}

#[test]
fn none_of_these_in_a_conjunction_with_another_choice_never_fires() {
    // The S3 lens: `SEC_01_no && SEC_01_1 && …`.
    let f = findings_of(question(
        "q",
        "SEC_01_1 SEC_01_2 SEC_01_no",
        &[
            ("SEC_01_no && SEC_01_1", "NO"),
            ("SEC_01_1 && SEC_01_2", "NO"),
            ("default", "HIGH"),
        ],
    ));
    assert_eq!(
        summary(&f),
        [(
            "rule-never-fires",
            "pillars[0].questions[0].riskRules[0]",
            "the NO_RISK rule `SEC_01_no && SEC_01_1` can never fire: its condition is false \
             for every possible answer (a `_no` choice is never selected together with other \
             choices)"
        )]
    );
}

#[test]
fn a_rule_on_none_of_these_alone_fires() {
    let f = findings_of(question(
        "q",
        "a b q_no",
        &[("q_no || (a && b)", "NO"), ("default", "HIGH")],
    ));
    assert_eq!(summary(&f), []);
    let f = findings_of(question(
        "q",
        "a q_no",
        &[("q_no", "HIGH"), ("default", "NO")],
    ));
    assert_eq!(summary(&f), []);
}

#[test]
fn a_rule_true_only_for_the_empty_answer_never_fires() {
    // An empty answer is UNANSWERED: the rules never see it.
    let f = findings_of(question(
        "q",
        "a b",
        &[
            ("!a && !b", "HIGH"),
            ("a && b", "NO"),
            ("default", "MEDIUM"),
        ],
    ));
    assert_eq!(
        summary(&f),
        [(
            "rule-never-fires",
            "pillars[0].questions[0].riskRules[0]",
            "the HIGH_RISK rule `!a && !b` can never fire: its condition is false for every \
             possible answer"
        )]
    );
}

#[test]
fn an_unreachable_default_is_not_reported() {
    let f = findings_of(question(
        "q",
        "a b",
        &[("a", "NO"), ("!a", "HIGH"), ("default", "MEDIUM")],
    ));
    assert_eq!(summary(&f), []);
    // Nor a question whose only rule is `default` (informational questions).
    assert_eq!(
        summary(&findings_of(question("q", "a b", &[("default", "NO")]))),
        []
    );
}

#[test]
fn the_specification_example_is_clean() {
    let f = findings_of(question(
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
    ));
    assert_eq!(summary(&f), []);
}

#[test]
fn a_selection_matching_no_rule_is_shown_smallest_first() {
    // ElastiCache: no default, and rules that do not cover every answer.
    let f = findings_of(question(
        "q",
        "a b c q_no",
        &[("a && b", "NO"), ("a", "MEDIUM"), ("q_no", "HIGH")],
    ));
    assert_eq!(
        summary(&f),
        [(
            "selection-matches-no-rule",
            "pillars[0].questions[0]",
            "the selection {b} matches no risk rule, so the question gets no risk; add a \
             `default` rule"
        )]
    );
    // `_no` alone is an answer too.
    let f = findings_of(question("q", "a q_no", &[("a", "NO")]));
    assert_eq!(f[0].code, "selection-matches-no-rule");
    assert!(f[0]
        .message
        .starts_with("the selection {q_no} matches no risk rule"));
}

#[test]
fn a_best_practice_that_raises_the_risk_is_reported() {
    // Yes/No choices forced into checkboxes: ticking "No" on top of "Yes" makes it worse.
    let f = findings_of(question(
        "q",
        "yes no_answer",
        &[("yes && !no_answer", "NO"), ("default", "HIGH")],
    ));
    assert_eq!(
        summary(&f),
        [(
            "risk-rises-with-practice",
            "pillars[0].questions[0]",
            "selecting {no_answer} in addition to {yes} raises the risk from NO_RISK to \
             HIGH_RISK; adopting a best practice should never increase risk (is a \"None of \
             these\" or a \"No\" answer modelled as an ordinary choice?)"
        )]
    );
}

#[test]
fn a_rise_is_shown_with_the_smallest_starting_answer() {
    // Rises exist from {a, b} (NO → MEDIUM with c) and from {d} (MEDIUM → HIGH with e); the
    // one-choice example is shown.
    let f = findings_of(question(
        "q",
        "a b c d e",
        &[
            ("a && b && !c", "NO"),
            ("d && e", "HIGH"),
            ("default", "MEDIUM"),
        ],
    ));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "risk-rises-with-practice");
    assert!(
        f[0].message.starts_with(
            "selecting {e} in addition to {d} raises the risk from MEDIUM_RISK to HIGH_RISK"
        ),
        "{}",
        f[0].message
    );
}

#[test]
fn a_pseudo_none_choice_required_for_no_risk_makes_the_risk_rise() {
    // DocumentDB: "None of above" (not named `_no`) required for NO_RISK.
    let f = findings_of(question(
        "docdb_ops1",
        "docdb_ops1_1 docdb_ops1_2 docdb_ops1_6",
        &[
            ("docdb_ops1_1 && docdb_ops1_2 && docdb_ops1_6", "NO"),
            ("docdb_ops1_1 && docdb_ops1_2 && !docdb_ops1_6", "HIGH"),
            ("default", "MEDIUM"),
        ],
    ));
    let codes: Vec<&str> = f.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["risk-rises-with-practice"]);
    assert!(f[0]
        .message
        .starts_with("selecting {docdb_ops1_2} in addition to {docdb_ops1_1} raises the risk from MEDIUM_RISK to HIGH_RISK"));
}

#[test]
fn findings_come_in_lens_order_with_full_paths() {
    let dead = || {
        question(
            "d",
            "a b",
            &[("a", "NO"), ("a", "HIGH"), ("default", "MEDIUM")],
        )
    };
    let clean = || question("c", "a b", &[("a && b", "NO"), ("default", "HIGH")]);
    let messy = || {
        question(
            "m",
            "a b",
            &[
                ("a && !b", "NO"),
                ("a && !a", "MEDIUM"),
                ("b && a && !a", "HIGH"),
            ],
        )
    };
    let lens = lens(vec![
        pillar("p0", vec![clean()]),
        pillar("p1", vec![clean(), dead(), messy()]),
    ]);
    let f = analyze(&lens);
    let got: Vec<(&str, &str)> = f.iter().map(|f| (f.code, f.path.as_str())).collect();
    assert_eq!(
        got,
        [
            ("rule-never-fires", "pillars[1].questions[1].riskRules[1]"),
            ("rule-never-fires", "pillars[1].questions[2].riskRules[1]"),
            ("rule-never-fires", "pillars[1].questions[2].riskRules[2]"),
            ("selection-matches-no-rule", "pillars[1].questions[2]"),
        ]
    );
}

#[test]
fn questions_too_large_to_enumerate_are_skipped() {
    let many: Vec<String> = (0..21).map(|i| format!("c{i}")).collect();
    let f = findings_of(question(
        "big",
        &many.join(" "),
        &[("c0 && !c0", "NO"), ("default", "HIGH")],
    ));
    assert_eq!(summary(&f), []);
    // At the limit (20) it is still analysed.
    let f = findings_of(question(
        "big",
        &many[..20].join(" "),
        &[("c0 && !c0", "NO"), ("default", "HIGH")],
    ));
    assert_eq!(f.len(), 1);
}
