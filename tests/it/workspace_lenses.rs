//! Applying and removing lenses: the framework lens stays, at most 20 lenses, and a removed
//! lens's answers and notes come back with it.

use plumbline::sorted_map::SortedMap;

use crate::workspace_support::*;
use plumbline::workload::{AnswerUpdate, LensReviewUpdate, WorkloadPatch};

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

#[test]
fn associate_adds_reviews_and_counts() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Lenses"))).unwrap();
    let id = &w.workload_id;
    let u = block_on(ws.associate_lenses(id, &strings(&["serverless", "serverless"]))).unwrap();
    assert_eq!(u.lenses, strings(&["wellarchitected", "serverless"]));
    assert_eq!(u.question_count, 6);
    assert_eq!(u.risk_counts.unanswered, 6);
    let review = block_on(ws.get_lens_review(id, "serverless", None)).unwrap();
    assert_eq!(review.lens_name, "Test Serverless");
    assert_eq!(review.question_count, 2);
    // Associating again changes nothing.
    let again = block_on(ws.associate_lenses(id, &strings(&["serverless"]))).unwrap();
    assert_eq!(again, u);
}

#[test]
fn unknown_lenses_are_refused() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Unknown"))).unwrap();
    expect_validation(
        block_on(ws.associate_lenses(&w.workload_id, &strings(&["nosuch"]))),
        "lensAliases",
        "`nosuch` is not a known lens",
    );
    expect_validation(
        block_on(ws.associate_lenses(&w.workload_id, &[])),
        "lensAliases",
        "at least one",
    );
    expect_validation(
        block_on(ws.disassociate_lenses(&w.workload_id, &strings(&["serverless"]))),
        "lensAliases",
        "not applied",
    );
}

#[test]
fn the_framework_lens_cannot_be_removed() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Framework"))).unwrap();
    let before = dump(ws.store());
    expect_validation(
        block_on(ws.disassociate_lenses(&w.workload_id, &strings(&["wellarchitected"]))),
        "lensAliases",
        "cannot be removed",
    );
    assert_eq!(dump(ws.store()), before);
}

#[test]
fn at_most_twenty_lenses() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Many lenses"))).unwrap();
    let id = &w.workload_id;
    let nineteen: Vec<String> = (1..=19).map(|n| format!("extra{n:02}")).collect();
    let u = block_on(ws.associate_lenses(id, &nineteen)).unwrap();
    assert_eq!(u.lenses.len(), 20);
    let before = dump(ws.store());
    expect_validation(
        block_on(ws.associate_lenses(id, &strings(&["extra20"]))),
        "lensAliases",
        "at most 20 lenses; this would make 21",
    );
    assert_eq!(dump(ws.store()), before);
    // Making room allows another.
    block_on(ws.disassociate_lenses(id, &strings(&["extra01"]))).unwrap();
    assert_eq!(
        block_on(ws.associate_lenses(id, &strings(&["extra20"])))
            .unwrap()
            .lenses
            .len(),
        20
    );
}

#[test]
fn removing_a_lens_keeps_its_answers_and_adding_it_back_restores_them() {
    let ws = workspace();
    let mut i = input("Restorable");
    i.lenses = Some(strings(&["serverless"]));
    i.pillar_priorities = Some(strings(&["events", "security"]));
    let w = block_on(ws.define_workload(i)).unwrap();
    let id = &w.workload_id;
    block_on(ws.update_answer(id, "serverless", "sls-sec", select(&["ss_no"]))).unwrap();
    block_on(ws.update_answer(id, "wellarchitected", "limits", select(&["rel_a"]))).unwrap();
    block_on(ws.update_lens_review(
        id,
        "serverless",
        LensReviewUpdate {
            lens_notes: Some("serverless notes".into()),
            pillar_notes: Some(SortedMap::from([("events".into(), "event notes".into())])),
            ..Default::default()
        },
    ))
    .unwrap();
    let with = block_on(ws.get_workload(id)).unwrap();
    assert_eq!(with.questions_answered, 2);
    assert_eq!(with.risk_counts.high, 1);

    let without = block_on(ws.disassociate_lenses(id, &strings(&["serverless"]))).unwrap();
    assert_eq!(without.lenses, strings(&["wellarchitected"]));
    assert_eq!(without.question_count, 4);
    assert_eq!(without.questions_answered, 1);
    assert_eq!(without.risk_counts.high, 0);
    // `events` belongs only to the removed lens: it no longer orders anything.
    assert_eq!(without.properties.pillar_priorities, strings(&["security"]));
    assert_eq!(
        block_on(ws.get_lens_review(id, "serverless", None))
            .unwrap_err()
            .kind(),
        "NotFound"
    );
    assert_eq!(
        block_on(ws.update_answer(id, "serverless", "sls-sec", select(&["ss_a"])))
            .unwrap_err()
            .kind(),
        "NotFound"
    );
    assert!(dump(ws.store())
        .iter()
        .any(|d| d.id == format!("answer/{id}/serverless/sls-sec")));

    let back = block_on(ws.associate_lenses(id, &strings(&["serverless"]))).unwrap();
    assert_eq!(back.questions_answered, 2);
    assert_eq!(back.risk_counts, with.risk_counts);
    let review = block_on(ws.get_lens_review(id, "serverless", None)).unwrap();
    assert_eq!(review.notes.as_deref(), Some("serverless notes"));
    assert_eq!(
        review.pillar_review_summaries[1].notes.as_deref(),
        Some("event notes")
    );
    assert_eq!(review.risk_counts.high, 1);
    let answer = block_on(ws.get_answer(id, "serverless", "sls-sec", None)).unwrap();
    assert_eq!(answer.selected_choices, strings(&["ss_no"]));
}

#[test]
fn pillar_priorities_may_name_pillars_of_applied_lenses_only() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Priorities"))).unwrap();
    let id = &w.workload_id;
    let patch = || WorkloadPatch {
        pillar_priorities: Some(strings(&["events"])),
        ..Default::default()
    };
    expect_validation(
        block_on(ws.update_workload(id, patch())),
        "pillarPriorities",
        "`events`",
    );
    block_on(ws.associate_lenses(id, &strings(&["serverless"]))).unwrap();
    assert_eq!(
        block_on(ws.update_workload(id, patch()))
            .unwrap()
            .properties
            .pillar_priorities,
        strings(&["events"])
    );
}

#[test]
fn lens_list_comes_from_the_catalog() {
    let ws = workspace();
    let lenses = ws.lenses();
    assert_eq!(lenses[0].lens_alias, "wellarchitected");
    assert_eq!(lenses[1].lens_alias, "serverless");
    assert_eq!(lenses[1].question_count, 2);
    let json = serde_json::to_value(&lenses[0]).unwrap();
    assert_eq!(json["lensType"], "AWS_OFFICIAL");
    assert_eq!(json["lensVersion"], "2026-11-01");
    assert!(ws.lens("serverless").expect("loaded").is_some());
}
