//! The workload list and the dashboard decoded straight from a store's one JSON text of the
//! records (the browser backends' typed listing): the same results as from documents, and a
//! damaged record still set apart and named.

use crate::workspace_support::*;
use plumbline::workload::{DashboardFilter, Workspace};
use serde_json::json;

/// What one way of reading gave: the list's names, the damaged records the dashboard names,
/// and the whole dashboard.
type Seen = (Vec<String>, Vec<String>, String);

/// The list and the dashboard, read once from the store's text and once from its documents.
fn both_ways(ws: &Workspace<TextStore>) -> [Seen; 2] {
    [false, true].map(|documents_only| {
        ws.store().documents_only.set(documents_only);
        let names = block_on(ws.list_workloads())
            .unwrap()
            .into_iter()
            .map(|w| w.workload_name)
            .collect();
        let dashboard = block_on(ws.dashboard(DashboardFilter::default())).unwrap();
        let damaged = dashboard
            .damaged_workloads
            .iter()
            .map(|d| d.record_id.clone())
            .collect();
        (names, damaged, format!("{dashboard:?}"))
    })
}

#[test]
fn the_list_and_dashboard_from_the_text_equal_those_from_documents() {
    let ws = open(TextStore::default());
    for name in ["Zeta", "alpha", "Mid"] {
        block_on(ws.define_workload(input(name))).unwrap();
    }
    let [from_text, from_documents] = both_ways(&ws);
    assert!(
        ws.store().texts.get() >= 2,
        "the listings did not ask for the text"
    );
    assert_eq!(from_text.0, ["alpha", "Mid", "Zeta"]);
    assert!(from_text.1.is_empty());
    assert_eq!(from_text, from_documents);
}

#[test]
fn a_damaged_workload_record_is_named_whichever_way_the_listing_is_read() {
    let ws = open(TextStore::default());
    block_on(ws.define_workload(input("Kept"))).unwrap();
    let broken = block_on(ws.define_workload(input("Broken"))).unwrap();
    let id = format!("workload/{}", broken.workload_id);
    ws.store()
        .inner
        .insert_damaged(&id, json!({ "rev": 7, "body": {} }));
    let [from_text, from_documents] = both_ways(&ws);
    assert_eq!(from_text.0, ["Kept"]);
    assert_eq!(from_text.1, [id]);
    assert_eq!(from_text, from_documents);
}
