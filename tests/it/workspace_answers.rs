//! Answering questions: the AWS update semantics, "None of these", waivers, notes, stored
//! counts kept in step, stale revisions, lens review notes and the improvement plan.
//!
//! Whole outputs as the API returns them (what an answer carries, listing, replacing the
//! selection, lens and pillar notes, the plan's order, reads of unknown things) are JSON
//! snapshots in `tests/snapshots/workspace/`, run by `workspace_snapshots`.

use plumbline::sorted_map::SortedMap;

use crate::workspace_support::*;
use plumbline::review::{AnswerReason, ChoiceReason, ChoiceStatus, Risk, RiskCounts};
use plumbline::workload::{AnswerUpdate, ChoiceUpdate};

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

fn choice(id: &str, status: ChoiceStatus) -> AnswerUpdate {
    AnswerUpdate {
        choice_updates: Some(SortedMap::from([(
            id.to_string(),
            ChoiceUpdate {
                status,
                reason: None,
                notes: None,
            },
        )])),
        ..Default::default()
    }
}

fn setup() -> (
    plumbline::workload::Workspace<plumbline::store::memory::MemoryStore>,
    String,
) {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Answers")))
        .unwrap()
        .workload_id;
    (ws, id)
}

#[test]
fn none_of_these_is_exclusive() {
    let (ws, id) = setup();
    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_a", "pri_b"]))).unwrap();
    // Selecting "None of these" clears the others...
    let a = block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        choice("pri_no", ChoiceStatus::Selected),
    ))
    .unwrap();
    assert_eq!(a.selected_choices, strings(&["pri_no"]));
    assert_eq!(a.risk, Risk::High);
    // ...selecting another choice clears it...
    let b = block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        choice("pri_a", ChoiceStatus::Selected),
    ))
    .unwrap();
    assert_eq!(b.selected_choices, strings(&["pri_a"]));
    // ...also through a full selection that still lists it...
    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_no"]))).unwrap();
    let c =
        block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_no", "pri_b"]))).unwrap();
    assert_eq!(c.selected_choices, strings(&["pri_b"]));
    // ...and when one request newly selects both, "None of these" wins.
    let d =
        block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_a", "pri_no"]))).unwrap();
    assert_eq!(d.selected_choices, strings(&["pri_no"]));
}

#[test]
fn waived_best_practices_count_as_met() {
    let (ws, id) = setup();
    let mut updates = SortedMap::new();
    updates.insert(
        "so_a".to_string(),
        ChoiceUpdate {
            status: ChoiceStatus::Selected,
            reason: None,
            notes: None,
        },
    );
    updates.insert(
        "so_b".to_string(),
        ChoiceUpdate {
            status: ChoiceStatus::NotApplicable,
            reason: Some(ChoiceReason::ArchitectureConstraints),
            notes: Some("no such component".into()),
        },
    );
    let a = block_on(ws.update_answer(
        &id,
        WA,
        "securely-operate",
        AnswerUpdate {
            choice_updates: Some(updates),
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(a.risk, Risk::None);
    assert_eq!(a.selected_choices, strings(&["so_a"]));
    let so_b = &a.choices[1];
    assert_eq!(
        (so_b.status, so_b.reason, so_b.notes.as_deref()),
        (
            ChoiceStatus::NotApplicable,
            Some(ChoiceReason::ArchitectureConstraints),
            Some("no such component")
        )
    );
    let listed: Vec<_> = a
        .choice_answers
        .iter()
        .map(|c| (c.choice_id.as_str(), c.status))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("so_a", ChoiceStatus::Selected),
            ("so_b", ChoiceStatus::NotApplicable)
        ]
    );

    // Selecting the waived choice un-waives it and drops the reason; the notes stay.
    let b =
        block_on(ws.update_answer(&id, WA, "securely-operate", select(&["so_a", "so_b"]))).unwrap();
    assert_eq!(b.choices[1].status, ChoiceStatus::Selected);
    assert_eq!(b.choices[1].reason, None);
    assert_eq!(b.choices[1].notes.as_deref(), Some("no such component"));
}

#[test]
fn a_question_can_be_marked_not_applicable_and_back() {
    let (ws, id) = setup();
    block_on(ws.update_answer(&id, WA, "ops-model", select(&["om_a"]))).unwrap();
    let na = AnswerUpdate {
        is_applicable: Some(false),
        reason: Some(AnswerReason::OutOfScope),
        ..Default::default()
    };
    let a = block_on(ws.update_answer(&id, WA, "ops-model", na)).unwrap();
    assert_eq!(a.risk, Risk::NotApplicable);
    assert_eq!(a.reason, Some(AnswerReason::OutOfScope));
    assert_eq!(
        a.selected_choices,
        strings(&["om_a"]),
        "the selection is kept"
    );
    let back = block_on(ws.update_answer(
        &id,
        WA,
        "ops-model",
        AnswerUpdate {
            is_applicable: Some(true),
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(back.risk, Risk::High);
    assert_eq!(back.reason, None);
}

#[test]
fn notes_are_set_and_cleared() {
    let (ws, id) = setup();
    let noted = SortedMap::from([(
        "pri_a".to_string(),
        ChoiceUpdate {
            status: ChoiceStatus::Unselected,
            reason: None,
            notes: Some("later".into()),
        },
    )]);
    let a = block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        AnswerUpdate {
            choice_updates: Some(noted),
            notes: Some("question notes".into()),
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(a.notes.as_deref(), Some("question notes"));
    assert_eq!(a.choices[0].notes.as_deref(), Some("later"));
    assert_eq!(a.risk, Risk::Unanswered, "notes alone answer nothing");
    let cleared = block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        AnswerUpdate {
            notes: Some(String::new()),
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(cleared.notes, None);
}

#[test]
fn every_answer_updates_the_stored_counts() {
    let (ws, id) = setup();
    let counts = || block_on(ws.get_workload(&id)).unwrap();
    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_no"]))).unwrap();
    block_on(ws.update_answer(&id, WA, "securely-operate", select(&["so_a"]))).unwrap();
    let w = counts();
    assert_eq!(
        w.risk_counts,
        RiskCounts {
            unanswered: 2,
            high: 1,
            medium: 1,
            none: 0,
            not_applicable: 0
        }
    );
    assert_eq!(w.questions_answered, 2);

    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_a", "pri_b", "pri_c"])))
        .unwrap();
    let w = counts();
    assert_eq!(
        w.risk_counts,
        RiskCounts {
            unanswered: 2,
            high: 0,
            medium: 1,
            none: 1,
            not_applicable: 0
        }
    );

    let row = block_on(ws.list_workloads()).unwrap().remove(0);
    assert_eq!(row.risk_counts, w.risk_counts);
    assert_eq!(row.questions_answered, 2);
    assert_eq!(row.updated_at, w.updated_at);

    let review = block_on(ws.get_lens_review(&id, WA, None)).unwrap();
    assert_eq!(review.risk_counts, w.risk_counts);
    let pillars: Vec<_> = review
        .pillar_review_summaries
        .iter()
        .map(|p| {
            (
                p.pillar_id.as_str(),
                p.risk_counts.high,
                p.risk_counts.medium,
                p.risk_counts.none,
                p.question_count,
            )
        })
        .collect();
    assert_eq!(
        pillars,
        vec![
            ("operationalExcellence", 0, 0, 1, 2),
            ("security", 0, 1, 0, 1),
            ("reliability", 0, 0, 0, 1)
        ]
    );
}

#[test]
fn a_stale_answer_revision_is_refused_and_nothing_changes() {
    let (ws, id) = setup();
    // Never answered: the revision the page holds is "".
    let first = AnswerUpdate {
        expected_revision: Some(String::new()),
        ..select(&["pri_a"])
    };
    let a = block_on(ws.update_answer(&id, WA, "priorities", first.clone())).unwrap();
    let before = dump(ws.store());
    // A second tab that also saw it unanswered.
    let err = block_on(ws.update_answer(&id, WA, "priorities", first)).unwrap_err();
    assert_eq!(err.kind(), "Conflict", "{err}");
    assert_eq!(dump(ws.store()), before);
    // With the current revision it goes through.
    let ok = AnswerUpdate {
        expected_revision: Some(a.revision.clone()),
        ..select(&["pri_a", "pri_b", "pri_c"])
    };
    let b = block_on(ws.update_answer(&id, WA, "priorities", ok.clone())).unwrap();
    assert_eq!(b.risk, Risk::None);
    assert_eq!(
        block_on(ws.update_answer(&id, WA, "priorities", ok))
            .unwrap_err()
            .kind(),
        "Conflict"
    );
}
