//! Comparing milestones: improved, worsened, newly answered and unchanged questions, lens and
//! pillar counts on both sides, lenses added or removed, and the errors for bad requests.

use crate::workspace_support::*;
use plumbline::review::ChoiceStatus;
use plumbline::review::{Risk, RiskCounts};
use plumbline::store::memory::MemoryStore;
use plumbline::workload::answer::ChoiceUpdate;
use plumbline::workload::compare::{ComparedState, QuestionChange};
use plumbline::workload::{
    from_json, AnswerUpdate, CompareRequest, MilestoneComparison, RiskChange, Workspace,
    WorkspaceError,
};
use serde_json::json;

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

fn answer(ws: &Workspace<MemoryStore>, id: &str, lens: &str, question: &str, choices: &[&str]) {
    block_on(ws.update_answer(id, lens, question, select(choices))).unwrap();
}

fn compare(
    ws: &Workspace<MemoryStore>,
    id: &str,
    from: Option<u32>,
    to: Option<u32>,
) -> MilestoneComparison {
    block_on(ws.compare_milestones(id, CompareRequest { from, to })).unwrap()
}

fn counts(high: u32, medium: u32, none: u32, unanswered: u32) -> RiskCounts {
    RiskCounts {
        high,
        medium,
        none,
        unanswered,
        not_applicable: 0,
    }
}

/// Milestone 1 of a workload with the test framework lens:
/// priorities HIGH, ops-model unanswered, securely-operate MEDIUM, limits NONE.
/// Then, in the current state: priorities MEDIUM (improved), ops-model NONE (answered),
/// securely-operate HIGH (worsened), limits unchanged.
fn improved_workload(ws: &Workspace<MemoryStore>) -> String {
    let id = block_on(ws.define_workload(input("Compared")))
        .unwrap()
        .workload_id;
    answer(ws, &id, WA, "priorities", &["pri_no"]);
    answer(ws, &id, WA, "securely-operate", &["so_a"]);
    answer(ws, &id, WA, "limits", &["rel_a"]);
    block_on(ws.create_milestone(&id, "Version 1.0")).unwrap();
    answer(ws, &id, WA, "priorities", &["pri_a"]);
    answer(ws, &id, WA, "ops-model", &["om_a", "om_b"]);
    answer(ws, &id, WA, "securely-operate", &["so_no"]);
    id
}

fn change_of<'a>(c: &'a MilestoneComparison, question: &str) -> Option<&'a QuestionChange> {
    c.lenses[0]
        .changed_questions
        .iter()
        .find(|q| q.question_id == question)
}

#[test]
fn risk_changes_follow_the_level_order() {
    use Risk::*;
    let table = [
        (High, Medium, Some(RiskChange::Improved)),
        (Medium, None, Some(RiskChange::Improved)),
        (High, NotApplicable, Some(RiskChange::Improved)),
        (None, High, Some(RiskChange::Worsened)),
        (NotApplicable, Medium, Some(RiskChange::Worsened)),
        (Unanswered, None, Some(RiskChange::Answered)),
        (Unanswered, High, Some(RiskChange::Answered)),
        (Medium, Unanswered, Some(RiskChange::Unanswered)),
        (None, NotApplicable, Some(RiskChange::Reclassified)),
        (High, High, Option::None),
        (Unanswered, Unanswered, Option::None),
    ];
    for (before, after, expected) in table {
        assert_eq!(
            RiskChange::between(before, after),
            expected,
            "{before:?} → {after:?}"
        );
    }
}

#[test]
fn a_milestone_against_the_current_state() {
    let ws = workspace();
    let id = improved_workload(&ws);
    let c = compare(&ws, &id, Some(1), Option::None);
    assert_eq!(c.from.milestone_number, Some(1));
    assert_eq!(c.from.milestone_name.as_deref(), Some("Version 1.0"));
    assert_eq!(c.to, ComparedState::default(), "`to` is the current state");
    assert!(c.lenses_added.is_empty() && c.lenses_removed.is_empty());
    assert_eq!(c.lenses.len(), 1);
    let lens = &c.lenses[0];
    assert_eq!(lens.lens_alias, WA);
    assert_eq!(lens.risk_counts_before, counts(1, 1, 1, 1));
    assert_eq!(lens.risk_counts_after, counts(1, 1, 2, 0));

    let pillars: Vec<_> = lens
        .pillars
        .iter()
        .map(|p| {
            (
                p.pillar_id.as_str(),
                p.risk_counts_before,
                p.risk_counts_after,
            )
        })
        .collect();
    assert_eq!(
        pillars,
        vec![
            (
                "operationalExcellence",
                counts(1, 0, 0, 1),
                counts(0, 1, 1, 0)
            ),
            ("security", counts(0, 1, 0, 0), counts(1, 0, 0, 0)),
            ("reliability", counts(0, 0, 1, 0), counts(0, 0, 1, 0)),
        ]
    );

    // Table: question → (before, after, change, newly selected, no longer selected).
    let expected = [
        (
            "priorities",
            Risk::High,
            Risk::Medium,
            RiskChange::Improved,
            vec!["pri_a"],
            vec!["pri_no"],
        ),
        (
            "ops-model",
            Risk::Unanswered,
            Risk::None,
            RiskChange::Answered,
            vec!["om_a", "om_b"],
            vec![],
        ),
        (
            "securely-operate",
            Risk::Medium,
            Risk::High,
            RiskChange::Worsened,
            vec!["so_no"],
            vec!["so_a"],
        ),
    ];
    let ids: Vec<_> = lens
        .changed_questions
        .iter()
        .map(|q| q.question_id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["priorities", "ops-model", "securely-operate"],
        "lens order; `limits` did not change"
    );
    for (question, before, after, change, added, removed) in expected {
        let q = change_of(&c, question).unwrap();
        assert_eq!(
            (q.risk_before, q.risk_after, q.change),
            (before, after, change),
            "{question}"
        );
        let ids = |v: &[plumbline::workload::compare::ChoiceRef]| -> Vec<String> {
            v.iter().map(|c| c.choice_id.clone()).collect()
        };
        assert_eq!(
            ids(&q.selected_choices_added),
            strings(&added),
            "{question}"
        );
        assert_eq!(
            ids(&q.selected_choices_removed),
            strings(&removed),
            "{question}"
        );
    }
    let p = change_of(&c, "priorities").unwrap();
    assert_eq!(p.pillar_id, "operationalExcellence");
    assert!(!p.question_title.is_empty());
    assert!(!p.selected_choices_added[0].title.is_empty());
}

#[test]
fn the_result_is_camel_case_with_risk_words() {
    let ws = workspace();
    let id = improved_workload(&ws);
    let json = serde_json::to_value(compare(&ws, &id, Some(1), Option::None)).unwrap();
    for key in [
        "workloadId",
        "from",
        "to",
        "lenses",
        "lensesAdded",
        "lensesRemoved",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    let q = &json["lenses"][0]["changedQuestions"][0];
    assert_eq!(q["riskBefore"], "HIGH");
    assert_eq!(q["riskAfter"], "MEDIUM");
    assert_eq!(q["change"], "IMPROVED");
    assert_eq!(q["selectedChoicesAdded"][0]["choiceId"], "pri_a");
    assert_eq!(json["lenses"][0]["riskCountsBefore"]["HIGH"], 1);
    assert_eq!(
        json["lenses"][0]["pillars"][0]["riskCountsAfter"]["MEDIUM"],
        1
    );
    assert!(
        json["to"].as_object().unwrap().is_empty(),
        "the current state has no number"
    );
}

#[test]
fn the_same_milestone_on_both_sides_changes_nothing() {
    let ws = workspace();
    let id = improved_workload(&ws);
    let c = compare(&ws, &id, Some(1), Some(1));
    let lens = &c.lenses[0];
    assert!(lens.changed_questions.is_empty());
    assert!(lens.same_risk_questions.is_empty());
    assert_eq!(lens.risk_counts_before, lens.risk_counts_after);
    assert!(lens
        .pillars
        .iter()
        .all(|p| p.risk_counts_before == p.risk_counts_after));
}

#[test]
fn two_milestones_in_either_order() {
    let ws = workspace();
    let id = improved_workload(&ws);
    block_on(ws.create_milestone(&id, "Version 2.0")).unwrap();
    let forward = compare(&ws, &id, Some(1), Some(2));
    assert_eq!(forward.to.milestone_name.as_deref(), Some("Version 2.0"));
    assert_eq!(forward.lenses[0].changed_questions.len(), 3);
    let back = compare(&ws, &id, Some(2), Some(1));
    let changes: Vec<_> = back.lenses[0]
        .changed_questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("priorities", RiskChange::Worsened),
            ("ops-model", RiskChange::Unanswered),
            ("securely-operate", RiskChange::Improved),
        ]
    );
    // Milestone 2 equals the current state.
    assert!(compare(&ws, &id, Some(2), Option::None).lenses[0]
        .changed_questions
        .is_empty());
}

#[test]
fn with_nothing_named_the_latest_milestone_is_compared_with_now() {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Unsaved")))
        .unwrap()
        .workload_id;
    match block_on(ws.compare_milestones(&id, CompareRequest::default())) {
        Err(WorkspaceError::NotFound { message }) => assert!(message.contains("no milestone")),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let id = improved_workload(&ws);
    block_on(ws.create_milestone(&id, "Version 2.0")).unwrap();
    answer(&ws, &id, WA, "limits", &["rel_no"]);
    let c = compare(&ws, &id, Option::None, Option::None);
    assert_eq!(c.from.milestone_number, Some(2));
    assert_eq!(c.to, ComparedState::default());
    let q = change_of(&c, "limits").unwrap();
    assert_eq!(
        (q.risk_before, q.risk_after, q.change),
        (Risk::None, Risk::Medium, RiskChange::Worsened)
    );
}

#[test]
fn lenses_on_one_side_are_added_or_removed() {
    let ws = workspace();
    let id = improved_workload(&ws);
    block_on(ws.associate_lenses(&id, &strings(&["serverless"]))).unwrap();
    answer(&ws, &id, "serverless", "sls-sec", &["ss_no"]);
    block_on(ws.create_milestone(&id, "With serverless")).unwrap();

    let c = compare(&ws, &id, Some(1), Some(2));
    assert_eq!(
        c.lenses.len(),
        1,
        "only the framework lens is on both sides"
    );
    assert!(c.lenses_removed.is_empty());
    let added = &c.lenses_added[0];
    assert_eq!(added.lens_alias, "serverless");
    assert_eq!(
        (
            added.risk_counts.high,
            added.questions_answered,
            added.question_count
        ),
        (1, 1, 2)
    );

    let back = compare(&ws, &id, Some(2), Some(1));
    assert!(back.lenses_added.is_empty());
    assert_eq!(back.lenses_removed[0].lens_alias, "serverless");
}

#[test]
fn the_comparison_agrees_with_the_milestone_pages() {
    let ws = workspace();
    let id = improved_workload(&ws);
    let c = compare(&ws, &id, Some(1), Option::None);
    let frozen = block_on(ws.get_lens_review(&id, WA, Some(1))).unwrap();
    let now = block_on(ws.get_lens_review(&id, WA, Option::None)).unwrap();
    assert_eq!(c.lenses[0].risk_counts_before, frozen.risk_counts);
    assert_eq!(c.lenses[0].risk_counts_after, now.risk_counts);
    let answers = block_on(ws.list_answers(&id, WA, Some(1))).unwrap();
    for q in &c.lenses[0].changed_questions {
        let a = answers
            .iter()
            .find(|a| a.question_id == q.question_id)
            .unwrap();
        assert_eq!(a.risk, q.risk_before, "{}", q.question_id);
    }
}

#[test]
fn missing_workloads_and_milestones_are_not_found() {
    let ws = workspace();
    let id = improved_workload(&ws);
    let not_found = |r: Result<MilestoneComparison, WorkspaceError>, fragment: &str| match r {
        Err(WorkspaceError::NotFound { message }) => {
            assert!(message.contains(fragment), "{message}")
        }
        other => panic!("expected NotFound, got {other:?}"),
    };
    not_found(
        block_on(ws.compare_milestones(
            &id,
            CompareRequest {
                from: Some(9),
                to: Option::None,
            },
        )),
        "no milestone 9",
    );
    not_found(
        block_on(ws.compare_milestones(
            &id,
            CompareRequest {
                from: Some(1),
                to: Some(7),
            },
        )),
        "no milestone 7",
    );
    let other = "0123456789abcdef0123456789abcdef";
    not_found(
        block_on(ws.compare_milestones(
            other,
            CompareRequest {
                from: Some(1),
                to: Option::None,
            },
        )),
        "does not exist",
    );
}

#[test]
fn bad_requests_name_the_side() {
    let ws = workspace();
    let id = improved_workload(&ws);
    expect_validation(
        block_on(ws.compare_milestones(
            &id,
            CompareRequest {
                from: Some(0),
                to: Option::None,
            },
        )),
        "from",
        "numbered from 1",
    );
    expect_validation(
        block_on(ws.compare_milestones(
            &id,
            CompareRequest {
                from: Option::None,
                to: Some(0),
            },
        )),
        "to",
        "numbered from 1",
    );
    for (value, field) in [
        (json!({"from": "first"}), "from"),
        (json!({"to": -1}), "to"),
        (json!({"from": 1, "milestone": 2}), "milestone"),
    ] {
        match from_json::<CompareRequest>(value.clone()) {
            Err(e) => assert_eq!(e.field(), Some(field), "{value}"),
            Ok(r) => panic!("{value} was accepted as {r:?}"),
        }
    }
    assert_eq!(
        from_json::<CompareRequest>(json!({"from": 2})).unwrap(),
        CompareRequest {
            from: Some(2),
            to: Option::None
        }
    );
}

/// Milestone 1: securely-operate `so_a` (MEDIUM), limits `rel_no` (MEDIUM), priorities
/// `pri_a` (MEDIUM). Now: `so_b` instead, notes on limits, and `pri_b` marked not applicable:
/// three answers changed, no risk did.
fn same_risk_workload(ws: &Workspace<MemoryStore>) -> String {
    let id = block_on(ws.define_workload(input("Same risk")))
        .unwrap()
        .workload_id;
    answer(ws, &id, WA, "securely-operate", &["so_a"]);
    answer(ws, &id, WA, "limits", &["rel_no"]);
    answer(ws, &id, WA, "priorities", &["pri_a"]);
    block_on(ws.create_milestone(&id, "Version 1.0")).unwrap();
    answer(ws, &id, WA, "securely-operate", &["so_b"]);
    let notes = AnswerUpdate {
        notes: Some("Quota alarms are planned".into()),
        ..Default::default()
    };
    block_on(ws.update_answer(&id, WA, "limits", notes)).unwrap();
    let waive = ChoiceUpdate {
        status: ChoiceStatus::NotApplicable,
        reason: Option::None,
        notes: Option::None,
    };
    let waived = AnswerUpdate {
        choice_updates: Some([("pri_b".to_string(), waive)].into_iter().collect()),
        ..Default::default()
    };
    block_on(ws.update_answer(&id, WA, "priorities", waived)).unwrap();
    id
}

fn ids(choices: &[plumbline::workload::compare::ChoiceRef]) -> Vec<&str> {
    choices.iter().map(|c| c.choice_id.as_str()).collect()
}

#[test]
fn answers_changed_at_the_same_risk_are_listed_apart() {
    let ws = workspace();
    let id = same_risk_workload(&ws);
    let lens = &compare(&ws, &id, Some(1), Option::None).lenses[0];
    assert!(lens.changed_questions.is_empty(), "no risk moved");
    let listed: Vec<_> = lens
        .same_risk_questions
        .iter()
        .map(|q| {
            (
                q.question_id.as_str(),
                q.change,
                q.risk_before,
                q.risk_after,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "priorities",
                RiskChange::SameRisk,
                Risk::Medium,
                Risk::Medium
            ),
            (
                "securely-operate",
                RiskChange::SameRisk,
                Risk::Medium,
                Risk::Medium
            ),
            ("limits", RiskChange::SameRisk, Risk::Medium, Risk::Medium),
        ],
        "in lens order"
    );
    let [priorities, secure, limits] = &lens.same_risk_questions[..] else {
        panic!("three questions expected");
    };
    assert_eq!(ids(&priorities.not_applicable_choices_added), ["pri_b"]);
    assert!(priorities.selected_choices_added.is_empty() && !priorities.notes_changed);
    assert_eq!(ids(&secure.selected_choices_added), ["so_b"]);
    assert_eq!(ids(&secure.selected_choices_removed), ["so_a"]);
    assert!(!secure.notes_changed);
    assert!(limits.notes_changed);
    assert!(limits.selected_choices_added.is_empty() && limits.selected_choices_removed.is_empty());

    let back = &compare(&ws, &id, Option::None, Some(1)).lenses[0];
    let priorities = &back.same_risk_questions[0];
    assert_eq!(ids(&priorities.not_applicable_choices_removed), ["pri_b"]);
    assert!(priorities.not_applicable_choices_added.is_empty());
}

#[test]
fn a_risk_change_also_reports_waivers_and_notes() {
    let ws = workspace();
    let id = same_risk_workload(&ws);
    let update = AnswerUpdate {
        selected_choices: Some(strings(&["rel_a"])),
        ..Default::default()
    };
    block_on(ws.update_answer(&id, WA, "limits", update)).unwrap();
    let c = compare(&ws, &id, Some(1), Option::None);
    let q = change_of(&c, "limits").unwrap();
    assert_eq!(q.change, RiskChange::Improved);
    assert!(q.notes_changed, "the notes written after the milestone");
    assert!(c.lenses[0]
        .same_risk_questions
        .iter()
        .all(|q| q.question_id != "limits"));
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json["lenses"][0]["sameRiskQuestions"][0]["change"],
        "SAME_RISK"
    );
    assert_eq!(
        json["lenses"][0]["sameRiskQuestions"][0]["notApplicableChoicesAdded"][0]["choiceId"],
        "pri_b"
    );
}
