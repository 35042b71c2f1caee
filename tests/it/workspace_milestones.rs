//! Milestones: unique names, the 100 limit, and frozen snapshots that later changes do not
//! touch. Numbering and the counts each keeps are a JSON snapshot
//! (`tests/snapshots/workspace/milestones-numbered-with-counts.json`).

use crate::workspace_support::*;
use plumbline::review::{PlanOptions, Risk};
use plumbline::workload::{AnswerUpdate, LensReviewUpdate, WorkloadPatch};

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

#[test]
fn names_are_unique_within_a_workload_only() {
    let ws = workspace();
    let a = block_on(ws.define_workload(input("First")))
        .unwrap()
        .workload_id;
    let b = block_on(ws.define_workload(input("Second")))
        .unwrap()
        .workload_id;
    block_on(ws.create_milestone(&a, "Version 1.0")).unwrap();
    expect_validation(
        block_on(ws.create_milestone(&a, " version 1.0")),
        "milestoneName",
        "matches milestone 1 `Version 1.0`",
    );
    assert_eq!(
        block_on(ws.create_milestone(&b, "Version 1.0"))
            .unwrap()
            .milestone_number,
        1
    );
}

#[test]
fn at_most_one_hundred_milestones() {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Busy")))
        .unwrap()
        .workload_id;
    for n in 1..=100 {
        assert_eq!(
            block_on(ws.create_milestone(&id, &format!("Milestone {n}")))
                .unwrap()
                .milestone_number,
            n
        );
    }
    let before = dump(ws.store());
    expect_validation(
        block_on(ws.create_milestone(&id, "Milestone 101")),
        "milestoneName",
        "at most 100 milestones",
    );
    assert_eq!(dump(ws.store()), before);
    assert!(before.iter().any(|d| d.id == format!("milestone/{id}/100")));
}

#[test]
fn a_milestone_is_frozen() {
    let ws = workspace();
    let mut i = input("Frozen");
    i.lenses = Some(strings(&["serverless"]));
    let w = block_on(ws.define_workload(i)).unwrap();
    let id = &w.workload_id;
    block_on(ws.update_answer(
        id,
        WA,
        "priorities",
        AnswerUpdate {
            notes: Some("v1 notes".into()),
            ..select(&["pri_no"])
        },
    ))
    .unwrap();
    block_on(ws.update_answer(id, "serverless", "sls-events", select(&["ev_no"]))).unwrap();
    block_on(ws.update_lens_review(
        id,
        WA,
        LensReviewUpdate {
            lens_notes: Some("v1 lens notes".into()),
            ..Default::default()
        },
    ))
    .unwrap();
    block_on(ws.create_milestone(id, "Version 1.0")).unwrap();
    let frozen = block_on(ws.get_milestone(id, 1)).unwrap();
    let frozen_review = block_on(ws.get_lens_review(id, WA, Some(1))).unwrap();
    let frozen_plan =
        block_on(ws.improvement_plan(id, WA, PlanOptions::default(), Some(1))).unwrap();

    // Everything changes afterwards...
    block_on(ws.update_answer(
        id,
        WA,
        "priorities",
        AnswerUpdate {
            notes: Some("v2 notes".into()),
            ..select(&["pri_a", "pri_b", "pri_c"])
        },
    ))
    .unwrap();
    block_on(ws.update_answer(id, WA, "limits", select(&["rel_no"]))).unwrap();
    block_on(ws.update_lens_review(
        id,
        WA,
        LensReviewUpdate {
            lens_notes: Some("v2".into()),
            ..Default::default()
        },
    ))
    .unwrap();
    block_on(ws.update_workload(
        id,
        WorkloadPatch {
            workload_name: Some("Renamed".into()),
            ..Default::default()
        },
    ))
    .unwrap();
    block_on(ws.disassociate_lenses(id, &strings(&["serverless"]))).unwrap();
    block_on(ws.create_milestone(id, "Version 2.0")).unwrap();

    // ...but not the milestone.
    assert_eq!(block_on(ws.get_milestone(id, 1)).unwrap(), frozen);
    assert_eq!(
        block_on(ws.get_lens_review(id, WA, Some(1))).unwrap(),
        frozen_review
    );
    assert_eq!(
        block_on(ws.improvement_plan(id, WA, PlanOptions::default(), Some(1))).unwrap(),
        frozen_plan
    );

    assert_eq!(frozen.milestone_name, "Version 1.0");
    assert_eq!(frozen.workload.properties.workload_name, "Frozen");
    assert_eq!(
        frozen.workload.lenses,
        strings(&["wellarchitected", "serverless"])
    );
    assert_eq!(frozen.workload.revision, "");
    assert_eq!(
        (
            frozen.workload.risk_counts.high,
            frozen.workload.risk_counts.medium
        ),
        (1, 1)
    );
    assert_eq!(frozen.lens_reviews.len(), 2);
    assert_eq!(
        frozen.lens_reviews[0].notes.as_deref(),
        Some("v1 lens notes")
    );
    assert_eq!(frozen.lens_reviews[0].milestone_number, Some(1));
    assert_eq!(frozen.answers.len(), 6, "every question of both lenses");
    let priorities = frozen
        .answers
        .iter()
        .find(|a| a.question_id == "priorities")
        .unwrap();
    assert_eq!(
        (priorities.risk, priorities.notes.as_deref()),
        (Risk::High, Some("v1 notes"))
    );
    assert_eq!(frozen_review.risk_counts.high, 1);
    assert_eq!(frozen_plan.len(), 1);

    // The serverless review is readable in milestone 1, not in milestone 2 nor now.
    assert!(block_on(ws.get_lens_review(id, "serverless", Some(1))).is_ok());
    assert_eq!(
        block_on(ws.get_lens_review(id, "serverless", Some(2)))
            .unwrap_err()
            .kind(),
        "NotFound"
    );
    let answer = block_on(ws.get_answer(id, WA, "priorities", Some(1))).unwrap();
    assert_eq!((answer.risk, answer.revision.as_str()), (Risk::High, ""));
    let now = block_on(ws.list_answers(id, WA, None)).unwrap();
    assert_eq!(now[0].risk, Risk::None);
}

#[test]
fn missing_milestones_are_not_found() {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Empty")))
        .unwrap()
        .workload_id;
    let e = block_on(ws.get_milestone(&id, 1)).unwrap_err();
    assert_eq!(e.kind(), "NotFound");
    assert!(e.to_string().contains("has no milestone 1"), "{e}");
    let e = block_on(ws.get_milestone("0123456789abcdef0123456789abcdef", 1)).unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
    assert_eq!(block_on(ws.list_milestones(&id)).unwrap(), vec![]);
}
