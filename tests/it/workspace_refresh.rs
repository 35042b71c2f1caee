//! The refresh after a team sync (`refresh_workload`): derived figures and the name claim are
//! recomputed from the documents, while documents a replica shares are never removed or
//! rewritten — unreadable ones are reported, a name another workload holds is left for the
//! user to rename.

use crate::workspace_support::*;
use plumbline::store::memory::MemoryStore;
use plumbline::store::Store;
use plumbline::workload::{AnswerUpdate, Workspace, WorkspaceError};
use serde_json::{json, Value};

const WA: &str = "wellarchitected";

fn answer(ws: &Workspace<MemoryStore>, id: &str, question: &str, choice: &str) {
    let update = AnswerUpdate {
        selected_choices: Some(strings(&[choice])),
        ..Default::default()
    };
    block_on(ws.update_answer(id, WA, question, update)).unwrap();
}

fn define(ws: &Workspace<MemoryStore>, name: &str) -> String {
    block_on(ws.define_workload(input(name)))
        .unwrap()
        .workload_id
}

fn stored(ws: &Workspace<MemoryStore>, id: &str) -> Option<Value> {
    block_on(ws.store().list_raw(id))
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .map(|r| r.stored)
}

fn answered(ws: &Workspace<MemoryStore>, id: &str) -> u32 {
    block_on(ws.get_workload(id)).unwrap().questions_answered
}

#[test]
fn unreadable_documents_are_reported_and_kept() {
    let ws = workspace();
    let a = define(&ws, "Checkout");
    answer(&ws, &a, "priorities", "pri_a");
    answer(&ws, &a, "limits", "rel_a");
    assert_eq!(answered(&ws, &a), 2);
    let broken = format!("answer/{a}/{WA}/priorities");
    let review = format!("review/{a}/{WA}");
    ws.store().insert_damaged(
        &broken,
        json!({ "rev": "9-x", "body": { "questionId": 12 } }),
    );
    ws.store().insert_damaged(&review, json!("not a record"));
    let (answer_before, review_before) = (stored(&ws, &broken), stored(&ws, &review));

    let unreadable = block_on(ws.refresh_workload(&a)).unwrap();

    let mut ids: Vec<_> = unreadable.iter().map(|d| d.record_id.clone()).collect();
    ids.sort();
    assert_eq!(ids, vec![broken.clone(), review.clone()]);
    assert!(unreadable.iter().all(|d| !d.message.is_empty()));
    // Both left exactly as they were: deleting them would delete them for every replica.
    assert_eq!(stored(&ws, &broken), answer_before);
    assert_eq!(stored(&ws, &review), review_before);
    // The figures count what reads.
    assert_eq!(answered(&ws, &a), 1);
}

#[test]
fn a_pulled_name_another_workload_holds_is_left_unclaimed() {
    let ws = workspace();
    let a = define(&ws, "Checkout");
    let b = define(&ws, "Catalog");
    answer(&ws, &b, "priorities", "pri_a");
    // A colleague renamed b to a's name (another case) on their replica, and answered.
    let key = format!("workload/{b}");
    let mut body = block_on(ws.store().get(&key)).unwrap().unwrap().body;
    body["workloadName"] = json!("CHECKOUT");
    body["questionsAnswered"] = json!(0);
    overwrite(&ws, &key, body);

    let unreadable = block_on(ws.refresh_workload(&b)).unwrap();

    assert!(unreadable.is_empty());
    assert_eq!(
        answered(&ws, &b),
        1,
        "the figures are recomputed all the same"
    );
    let names: Vec<String> = block_on(ws.list_workloads())
        .unwrap()
        .into_iter()
        .map(|w| w.workload_name)
        .collect();
    assert!(names.contains(&"CHECKOUT".to_string()) && names.contains(&"Checkout".to_string()));
    // The claim still names a; repair, which claims the name, refuses instead.
    let claims = block_on(ws.store().list("name/")).unwrap();
    let checkout: Vec<&Value> = claims
        .iter()
        .filter(|c| {
            c.body["workloadName"].as_str().map(str::to_lowercase) == Some("checkout".into())
        })
        .map(|c| &c.body["workloadId"])
        .collect();
    assert_eq!(checkout, vec![&json!(a)]);
    let repair = block_on(ws.repair_workload(&b));
    assert!(
        matches!(repair, Err(WorkspaceError::Validation { .. })),
        "{repair:?}"
    );
}
