//! The memory store keeps the store contract across deletions: a deleted record reads as
//! absent everywhere (get, listings, preconditions) and can be written again from scratch.

use serde_json::json;

use plumbline::store::memory::MemoryStore;
use plumbline::store::{Store, StoreError, Write};

use crate::workspace_support::block_on;

fn put(id: &str, expected_rev: Option<&str>, n: u32) -> Write {
    Write {
        id: id.into(),
        expected_rev: expected_rev.map(str::to_string),
        body: Some(json!({ "n": n })),
    }
}

fn delete(id: &str, expected_rev: &str) -> Write {
    Write {
        id: id.into(),
        expected_rev: Some(expected_rev.into()),
        body: None,
    }
}

#[test]
fn a_deleted_record_reads_as_absent_and_can_be_written_again() {
    let store = MemoryStore::new();
    let revs = block_on(store.commit(vec![put("a/1", None, 1), put("a/2", None, 2)])).unwrap();
    block_on(store.commit(vec![delete("a/1", &revs[0])])).unwrap();

    assert_eq!(block_on(store.get("a/1")).unwrap(), None);
    let listed: Vec<String> = block_on(store.list("a/"))
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(listed, ["a/2"]);
    let raw: Vec<String> = block_on(store.list_raw("a/"))
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(raw, ["a/2"]);

    // Absent again: deleting it a second time names a revision it no longer has, and writing
    // it with the old revision is refused; written as new, it starts over at revision 1.
    let stale = block_on(store.commit(vec![delete("a/1", &revs[0])]));
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    let stale = block_on(store.commit(vec![put("a/1", Some(&revs[0]), 3)]));
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    let again = block_on(store.commit(vec![put("a/1", None, 4)])).unwrap();
    assert!(again[0].starts_with("1-"), "{again:?}");
    assert_eq!(
        block_on(store.get("a/1")).unwrap().map(|d| d.body),
        Some(json!({ "n": 4 }))
    );
}
