//! The improvement plan as a backlog: an item's owner, status, due date and notes — their
//! rules, where they are kept (beside the answer, never touching it), and how they follow the
//! item when its question leaves HIGH and MEDIUM, into milestones and through backups.

use plumbline::sorted_map::SortedMap;
use std::collections::BTreeMap;

use crate::workspace_support::*;
use plumbline::review::{PlanOptions, Risk};
use plumbline::store::memory::MemoryStore;
use plumbline::store::Store;
use plumbline::workload::backup::{RestoreMode, RestoreOptions};
use plumbline::workload::{
    AnswerUpdate, BacklogItem, ImprovementItemUpdate, ItemStatus, Workspace, WorkspaceError,
};

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

/// A workload whose `priorities` is MEDIUM (`pri_a`) and `limits` MEDIUM (`rel_no`).
fn at_risk() -> (Workspace<MemoryStore>, String) {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Backlog")))
        .unwrap()
        .workload_id;
    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_a"]))).unwrap();
    block_on(ws.update_answer(&id, WA, "limits", select(&["rel_no"]))).unwrap();
    (ws, id)
}

fn plan(ws: &Workspace<MemoryStore>, id: &str, milestone: Option<u32>) -> Vec<BacklogItem> {
    block_on(ws.improvement_plan(id, WA, PlanOptions::default(), milestone)).unwrap()
}

fn item<'a>(items: &'a [BacklogItem], question_id: &str) -> &'a BacklogItem {
    items
        .iter()
        .find(|i| i.question_id == question_id)
        .unwrap_or_else(|| panic!("{question_id} is not in the plan"))
}

fn owner_and_status(owner: &str, status: ItemStatus) -> ImprovementItemUpdate {
    ImprovementItemUpdate {
        owner: Some(owner.into()),
        status: Some(status),
        ..Default::default()
    }
}

#[test]
fn each_rule_is_reported_on_its_field() {
    let (ws, id) = at_risk();
    let long = |n: usize| "x".repeat(n);
    let cases: Vec<(ImprovementItemUpdate, &str, &str)> = vec![
        (
            ImprovementItemUpdate {
                owner: Some(long(101)),
                ..Default::default()
            },
            "owner",
            "at most 100 characters; this one has 101",
        ),
        (
            ImprovementItemUpdate {
                status: Some(ItemStatus::Postponed),
                ..Default::default()
            },
            "statusReason",
            "required when the status is Postponed",
        ),
        (
            ImprovementItemUpdate {
                status: Some(ItemStatus::RiskAcknowledged),
                status_reason: Some("   ".into()),
                ..Default::default()
            },
            "statusReason",
            "required when the status is Risk acknowledged",
        ),
        (
            ImprovementItemUpdate {
                status: Some(ItemStatus::Postponed),
                status_reason: Some(long(251)),
                ..Default::default()
            },
            "statusReason",
            "at most 250 characters",
        ),
        (
            ImprovementItemUpdate {
                due_date: Some("2027-02-29".into()),
                ..Default::default()
            },
            "dueDate",
            "YYYY-MM-DD",
        ),
        (
            ImprovementItemUpdate {
                due_date: Some("31/03/2027".into()),
                ..Default::default()
            },
            "dueDate",
            "`31/03/2027` is not",
        ),
        (
            ImprovementItemUpdate {
                notes: Some(long(2085)),
                ..Default::default()
            },
            "notes",
            "at most 2084 characters",
        ),
    ];
    let before = dump(ws.store());
    for (update, field, fragment) in cases {
        expect_validation(
            block_on(ws.update_improvement_item(&id, WA, "priorities", update)),
            field,
            fragment,
        );
    }
    assert_eq!(dump(ws.store()), before, "a refused update wrote something");
    // The limits themselves are allowed.
    let full = ImprovementItemUpdate {
        owner: Some(long(100)),
        status: Some(ItemStatus::Postponed),
        status_reason: Some(long(250)),
        due_date: Some("2028-02-29".into()),
        notes: Some(long(2084)),
        ..Default::default()
    };
    let saved = block_on(ws.update_improvement_item(&id, WA, "priorities", full)).unwrap();
    assert_eq!(saved.owner.map(|o| o.len()), Some(100));
    assert_eq!(saved.due_date.as_deref(), Some("2028-02-29"));
}

#[test]
fn only_improvement_items_of_the_lens_can_be_edited() {
    let (ws, id) = at_risk();
    let update = owner_and_status("Ana", ItemStatus::InProgress);
    match block_on(ws.update_improvement_item(&id, WA, "no-such-question", update.clone())) {
        Err(WorkspaceError::NotFound { message }) => assert!(message.contains("no-such-question")),
        other => panic!("expected NotFound, got {other:?}"),
    }
    // `ops-model` was never answered (UNANSWERED); `securely-operate` answered to NONE.
    block_on(ws.update_answer(&id, WA, "securely-operate", select(&["so_a", "so_b"]))).unwrap();
    for question in ["ops-model", "securely-operate"] {
        expect_validation(
            block_on(ws.update_improvement_item(&id, WA, question, update.clone())),
            "questionId",
            "not an improvement item",
        );
    }
    match block_on(ws.update_improvement_item(&id, "serverless", "sls-sec", update)) {
        Err(WorkspaceError::NotFound { .. }) => {}
        other => panic!("a lens not applied is NotFound, got {other:?}"),
    }
}

#[test]
fn fields_are_saved_trimmed_beside_the_answer_without_touching_it() {
    let (ws, id) = at_risk();
    let answer_before = block_on(ws.get_answer(&id, WA, "priorities", None)).unwrap();
    let workload_before = block_on(ws.get_workload(&id)).unwrap();
    let update = ImprovementItemUpdate {
        owner: Some("  Ana Souza  ".into()),
        status: Some(ItemStatus::InProgress),
        due_date: Some("2027-03-31".into()),
        notes: Some("Runbook first\nthen alarms".into()),
        ..Default::default()
    };
    let saved = block_on(ws.update_improvement_item(&id, WA, "priorities", update)).unwrap();
    assert_eq!(saved.owner.as_deref(), Some("Ana Souza"));
    assert_eq!(saved.status, ItemStatus::InProgress);
    assert!(!saved.resolved);
    assert!(saved.updated_at.is_some());

    let answer_after = block_on(ws.get_answer(&id, WA, "priorities", None)).unwrap();
    assert_eq!(answer_after.updated_at, answer_before.updated_at);
    assert_eq!(
        answer_after.selected_choices,
        answer_before.selected_choices
    );
    assert_eq!(answer_after.notes, answer_before.notes);
    assert_ne!(answer_after.revision, answer_before.revision);
    assert_eq!(saved.revision, answer_after.revision);
    let workload_after = block_on(ws.get_workload(&id)).unwrap();
    assert_eq!(workload_after.revision, workload_before.revision);

    let items = plan(&ws, &id, None);
    assert_eq!(item(&items, "priorities"), &saved);
    let untouched = item(&items, "limits");
    assert_eq!(untouched.status, ItemStatus::Open);
    assert_eq!(
        (untouched.owner.as_ref(), untouched.updated_at.as_ref()),
        (None, None)
    );

    // An answer update keeps the backlog; a later item update keeps what it does not name.
    block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        AnswerUpdate {
            notes: Some("changed".into()),
            ..select(&["pri_b"])
        },
    ))
    .unwrap();
    let due_only = ImprovementItemUpdate {
        due_date: Some("2027-04-30".into()),
        ..Default::default()
    };
    let again = block_on(ws.update_improvement_item(&id, WA, "priorities", due_only)).unwrap();
    assert_eq!(again.owner.as_deref(), Some("Ana Souza"));
    assert_eq!(again.notes.as_deref(), Some("Runbook first\nthen alarms"));
    assert_eq!(again.due_date.as_deref(), Some("2027-04-30"));
    assert_eq!(again.risk, Risk::High);
}

#[test]
fn a_stale_revision_is_a_conflict() {
    let (ws, id) = at_risk();
    let first = block_on(ws.update_improvement_item(
        &id,
        WA,
        "limits",
        owner_and_status("Ana", ItemStatus::Open),
    ))
    .unwrap();
    let stale = ImprovementItemUpdate {
        expected_revision: Some("1-0000".into()),
        ..owner_and_status("Bo", ItemStatus::Done)
    };
    match block_on(ws.update_improvement_item(&id, WA, "limits", stale)) {
        Err(WorkspaceError::Conflict { .. }) => {}
        other => panic!("expected Conflict, got {other:?}"),
    }
    let fresh = ImprovementItemUpdate {
        expected_revision: Some(first.revision.clone()),
        ..owner_and_status("Bo", ItemStatus::Done)
    };
    let saved = block_on(ws.update_improvement_item(&id, WA, "limits", fresh)).unwrap();
    assert_eq!(saved.owner.as_deref(), Some("Bo"));
}

#[test]
fn an_item_whose_question_leaves_the_plan_is_resolved_with_its_fields() {
    let (ws, id) = at_risk();
    let postponed = ImprovementItemUpdate {
        status: Some(ItemStatus::Postponed),
        status_reason: Some("After the migration".into()),
        ..owner_and_status("Ana", ItemStatus::Postponed)
    };
    block_on(ws.update_improvement_item(&id, WA, "limits", postponed)).unwrap();
    block_on(ws.update_answer(&id, WA, "limits", select(&["rel_a"]))).unwrap();

    let items = plan(&ws, &id, None);
    let resolved = item(&items, "limits");
    assert!(resolved.resolved);
    assert_eq!(resolved.risk, Risk::None);
    assert!(resolved.best_practices.is_empty());
    assert_eq!(resolved.owner.as_deref(), Some("Ana"));
    assert_eq!(
        resolved.status_reason.as_deref(),
        Some("After the migration")
    );
    assert_eq!(
        items.last().map(|i| i.question_id.as_str()),
        Some("limits"),
        "resolved items come after the items at risk"
    );
    // A risk filter asks for items at risk: a resolved one is not.
    let high_or_medium = PlanOptions {
        risks: vec![Risk::High, Risk::Medium],
        ..PlanOptions::default()
    };
    let filtered = block_on(ws.improvement_plan(&id, WA, high_or_medium, None)).unwrap();
    assert!(filtered.iter().all(|i| !i.resolved));

    // Still editable; cleared of everything it is no item at all.
    let clear = ImprovementItemUpdate {
        owner: Some(String::new()),
        status: Some(ItemStatus::Open),
        ..Default::default()
    };
    let cleared = block_on(ws.update_improvement_item(&id, WA, "limits", clear)).unwrap();
    assert_eq!(cleared.updated_at, None);
    assert_eq!(cleared.status_reason, None, "Open drops the reason");
    assert!(plan(&ws, &id, None)
        .iter()
        .all(|i| i.question_id != "limits"));
}

#[test]
fn milestones_freeze_the_backlog_and_backups_carry_it() {
    let (ws, id) = at_risk();
    block_on(ws.update_improvement_item(
        &id,
        WA,
        "priorities",
        owner_and_status("Ana", ItemStatus::InProgress),
    ))
    .unwrap();
    block_on(ws.create_milestone(&id, "Before handover")).unwrap();
    block_on(ws.update_improvement_item(
        &id,
        WA,
        "priorities",
        owner_and_status("Bo", ItemStatus::Done),
    ))
    .unwrap();
    let frozen = plan(&ws, &id, Some(1));
    assert_eq!(item(&frozen, "priorities").owner.as_deref(), Some("Ana"));
    assert_eq!(item(&frozen, "priorities").status, ItemStatus::InProgress);
    assert_eq!(item(&frozen, "priorities").revision, "");
    assert_eq!(
        item(&plan(&ws, &id, None), "priorities").status,
        ItemStatus::Done
    );

    let text = block_on(ws.export_workspace()).unwrap();
    let fresh = workspace();
    let restore = RestoreOptions {
        mode: RestoreMode::Apply,
        on_conflict: None,
        resolutions: SortedMap::new(),
    };
    block_on(fresh.import_workspace(&text, restore)).unwrap();
    let strip = |items: Vec<BacklogItem>| -> Vec<BacklogItem> {
        items
            .into_iter()
            .map(|i| BacklogItem {
                revision: String::new(),
                ..i
            })
            .collect()
    };
    assert_eq!(strip(plan(&fresh, &id, None)), strip(plan(&ws, &id, None)));
    assert_eq!(plan(&fresh, &id, Some(1)), frozen);
}

/// The stored fixture of an older layout (written long before the backlog): its answer and its
/// milestone's answers read as answers without backlog fields, so no item is listed resolved,
/// and a question at no risk is refused as an improvement item.
#[test]
fn a_store_written_before_the_backlog_has_no_backlog_fields() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/layout-1/stored.json")).unwrap();
    let stored: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    let id = "d70d3259e4e1cb631c663cf4d73c4c04";
    let answer = &stored[&format!("answer/{id}/{WA}/securely-operate")]["body"];
    assert!(
        answer.get("backlog").is_none(),
        "the fixture predates the backlog"
    );
    let store = MemoryStore::new();
    for (key, record) in &stored {
        store.insert_damaged(key, record.clone());
    }
    let ws = open(store);
    // `securely-operate` is answered (NONE): with a backlog it would be listed as resolved.
    assert_eq!(plan(&ws, id, None), Vec::new());
    assert_eq!(plan(&ws, id, Some(1)), Vec::new());
    expect_validation(
        block_on(ws.update_improvement_item(
            id,
            WA,
            "securely-operate",
            owner_and_status("Ana", ItemStatus::Open),
        )),
        "questionId",
        "its risk is NONE",
    );
}

/// Answers stored before the backlog existed have no `backlog` field: their items are open,
/// with no fields, and editing one adds the field and leaves the rest of the record as it was.
#[test]
fn an_answer_stored_before_the_backlog_reads_as_an_item_without_fields() {
    let (ws, id) = at_risk();
    let store = ws.into_store();
    let answer_id = format!("answer/{id}/{WA}/priorities");
    let old = block_on(store.get(&answer_id))
        .unwrap()
        .expect("answer stored");
    assert!(
        old.body.get("backlog").is_none(),
        "stored without a backlog"
    );
    let ws = open(store);
    let items = plan(&ws, &id, None);
    let first = item(&items, "priorities");
    assert_eq!(first.status, ItemStatus::Open);
    assert_eq!(
        (first.owner.as_ref(), first.updated_at.as_ref()),
        (None, None)
    );
    block_on(ws.update_improvement_item(
        &id,
        WA,
        "priorities",
        owner_and_status("Ana", ItemStatus::Open),
    ))
    .unwrap();
    let mut new = block_on(ws.store().get(&answer_id)).unwrap().unwrap().body;
    let backlog = new
        .as_object_mut()
        .unwrap()
        .remove("backlog")
        .expect("the backlog is stored in the answer document");
    assert_eq!(backlog["owner"], "Ana");
    assert_eq!(
        new, old.body,
        "the rest of the answer record did not change"
    );
}
