//! Browser storage, in headless Chromium: the IndexedDB and localStorage backends through the
//! `Store` contract (round trip, prefix listing, atomic commits, stale revisions, persistence
//! across re-opening, schema migration, damaged records, a blocked upgrade, a full quota), and
//! the JS `Workspace` on both backends.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm_browser` (CHROMEDRIVER set).
//! Every test uses its own database name / key prefix, so they do not see each other's data.
#![cfg(target_arch = "wasm32")]

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use idb::{Factory, ObjectStoreParams, TransactionMode};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use plumbline::store::{Store, StoreError, Write, UNREADABLE_REV};
use plumbline::wasm::store::indexeddb::{IndexedDbStore, SCHEMA_VERSION};
use plumbline::wasm::store::localstorage::LocalStorageStore;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// A name no other test (or earlier run in the same profile) uses.
fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn put(id: &str, body: serde_json::Value) -> Write {
    Write {
        id: id.into(),
        expected_rev: None,
        body: Some(body),
    }
}

fn update(id: &str, rev: &str, body: serde_json::Value) -> Write {
    Write {
        id: id.into(),
        expected_rev: Some(rev.into()),
        body: Some(body),
    }
}

fn sleep(ms: i32) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise)
}

/// `Some(output)` if `fut` finishes within `ms`, `None` if it is still pending: a hang becomes
/// a test failure instead of a runner timeout.
async fn within<F: Future>(ms: i32, fut: F) -> Option<F::Output> {
    struct Race<A, B> {
        a: Pin<Box<A>>,
        b: B,
    }
    impl<A: Future, B: Future + Unpin> Future for Race<A, B> {
        type Output = Option<A::Output>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            if let Poll::Ready(v) = self.a.as_mut().poll(cx) {
                return Poll::Ready(Some(v));
            }
            if Pin::new(&mut self.b).poll(cx).is_ready() {
                return Poll::Ready(None);
            }
            Poll::Pending
        }
    }
    Race {
        a: Box::pin(fut),
        b: sleep(ms),
    }
    .await
}

/// Opens `name` with raw idb at `version`, creating the v1 `docs` store if asked.
async fn raw_open(name: &str, version: u32, create_docs: bool) -> idb::Database {
    let factory = Factory::new().unwrap();
    let mut request = factory.open(name, Some(version)).unwrap();
    request.on_upgrade_needed(move |event| {
        use idb::DatabaseEvent;
        let db = event.database().unwrap();
        if create_docs && !db.store_names().iter().any(|s| s == "docs") {
            db.create_object_store("docs", ObjectStoreParams::new())
                .unwrap();
        }
    });
    request.await.unwrap()
}

/// Writes a raw value under `key` in the `docs` store, bypassing the backend.
async fn raw_put(db: &idb::Database, key: &str, value: &JsValue) {
    let tx = db
        .transaction(&["docs"], TransactionMode::ReadWrite)
        .unwrap();
    let store = tx.object_store("docs").unwrap();
    store.put(value, Some(&JsValue::from_str(key))).unwrap();
    let result = tx.await.unwrap();
    assert!(result.is_committed());
}

// ---------------------------------------------------------------------------------------------
// The Store contract, run against both backends
// ---------------------------------------------------------------------------------------------

async fn round_trip(store: &impl Store) {
    assert_eq!(store.get("w/1").await.unwrap(), None);
    let revs = store
        .commit(vec![put(
            "w/1",
            json!({"name": "Retail", "n": 1, "tags": {"a": "b"}}),
        )])
        .await
        .unwrap();
    let doc = store.get("w/1").await.unwrap().expect("written");
    assert_eq!(doc.id, "w/1");
    assert_eq!(doc.rev, revs[0]);
    assert!(
        doc.rev.starts_with("1-"),
        "CouchDB-style revision: {}",
        doc.rev
    );
    assert_eq!(
        doc.body,
        json!({"name": "Retail", "n": 1, "tags": {"a": "b"}})
    );

    let revs2 = store
        .commit(vec![update("w/1", &doc.rev, json!({"name": "Retail 2"}))])
        .await
        .unwrap();
    assert!(revs2[0].starts_with("2-"));
    assert_eq!(
        store.get("w/1").await.unwrap().unwrap().body,
        json!({"name": "Retail 2"})
    );

    let deleted = store
        .commit(vec![Write {
            id: "w/1".into(),
            expected_rev: Some(revs2[0].clone()),
            body: None,
        }])
        .await
        .unwrap();
    assert_eq!(deleted, vec![String::new()]);
    assert_eq!(store.get("w/1").await.unwrap(), None);
}

async fn list_by_prefix(store: &impl Store) {
    store
        .commit(vec![
            put("w/b", json!(2)),
            put("v/a", json!(0)),
            put("w/a", json!(1)),
            put("wx", json!(3)),
            put("w/a/m/1", json!(4)),
        ])
        .await
        .unwrap();
    let ids = |docs: Vec<plumbline::store::Document>| -> Vec<String> {
        docs.into_iter().map(|d| d.id).collect()
    };
    assert_eq!(
        ids(store.list("w/").await.unwrap()),
        ["w/a", "w/a/m/1", "w/b"]
    );
    assert_eq!(ids(store.list("w/a/").await.unwrap()), ["w/a/m/1"]);
    assert_eq!(
        ids(store.list("nothing/").await.unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(store.list("").await.unwrap().len(), 5);
    let listed = store.list("w/b").await.unwrap();
    assert_eq!(listed[0].body, json!(2));
}

async fn atomic_commit(store: &impl Store) {
    let revs = store.commit(vec![put("b", json!("b1"))]).await.unwrap();
    // The second write names a stale revision: the first must not be written either.
    let err = store
        .commit(vec![
            put("a", json!("a1")),
            update("b", "1-0000000000000000", json!("b2")),
        ])
        .await
        .unwrap_err();
    assert_eq!(err, StoreError::Conflict { id: "b".into() });
    assert_eq!(store.get("a").await.unwrap(), None, "nothing written");
    let b = store.get("b").await.unwrap().unwrap();
    assert_eq!((b.rev.as_str(), &b.body), (revs[0].as_str(), &json!("b1")));
}

async fn stale_revision(store: &impl Store) {
    let first = store
        .commit(vec![put("doc", json!({"v": 1}))])
        .await
        .unwrap();
    // Two tabs read revision 1; the first saves, the second is refused.
    store
        .commit(vec![update("doc", &first[0], json!({"v": "tab A"}))])
        .await
        .unwrap();
    let err = store
        .commit(vec![update("doc", &first[0], json!({"v": "tab B"}))])
        .await
        .unwrap_err();
    assert_eq!(err, StoreError::Conflict { id: "doc".into() });
    // Creating what already exists is a conflict too.
    let err = store.commit(vec![put("doc", json!(0))]).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
    assert_eq!(
        store.get("doc").await.unwrap().unwrap().body,
        json!({"v": "tab A"})
    );
}

// ---------------------------------------------------------------------------------------------
// IndexedDB
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn idb_round_trip() {
    let name = unique("rt");
    round_trip(&IndexedDbStore::open(&name).await.unwrap()).await;
}

#[wasm_bindgen_test]
async fn idb_list_by_prefix() {
    let name = unique("list");
    list_by_prefix(&IndexedDbStore::open(&name).await.unwrap()).await;
}

#[wasm_bindgen_test]
async fn idb_commit_is_atomic() {
    let name = unique("atomic");
    atomic_commit(&IndexedDbStore::open(&name).await.unwrap()).await;
}

#[wasm_bindgen_test]
async fn idb_stale_revision_is_a_conflict() {
    let name = unique("stale");
    stale_revision(&IndexedDbStore::open(&name).await.unwrap()).await;
}

#[wasm_bindgen_test]
async fn idb_new_database_has_schema_record() {
    let name = unique("meta");
    let store = IndexedDbStore::open(&name).await.unwrap();
    let info = store.schema_info().await.unwrap();
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(info.upgraded_from, 0);
    assert!(
        info.created_at.ends_with('Z'),
        "ISO 8601 UTC: {}",
        info.created_at
    );
}

#[wasm_bindgen_test]
async fn idb_data_survives_reopening() {
    let name = unique("persist");
    {
        let store = IndexedDbStore::open(&name).await.unwrap();
        store
            .commit(vec![put("w/1", json!({"kept": true}))])
            .await
            .unwrap();
        store.close();
    }
    let again = IndexedDbStore::open(&name).await.unwrap();
    assert_eq!(
        again.get("w/1").await.unwrap().unwrap().body,
        json!({"kept": true})
    );
}

#[wasm_bindgen_test]
async fn idb_migrates_a_version_1_database() {
    let name = unique("migrate");
    // A database as release 1 wrote it: only `docs`, one record.
    let v1 = raw_open(&name, 1, true).await;
    let record = js_sys::JSON::parse(r#"{"rev": "3-00ff", "body": {"old": "data"}}"#).unwrap();
    raw_put(&v1, "w/legacy", &record).await;
    v1.close();

    let store = IndexedDbStore::open(&name).await.unwrap();
    let info = store.schema_info().await.unwrap();
    assert_eq!(
        (info.schema_version, info.upgraded_from),
        (SCHEMA_VERSION, 1)
    );
    let doc = store
        .get("w/legacy")
        .await
        .unwrap()
        .expect("kept by the upgrade");
    assert_eq!(
        (doc.rev.as_str(), doc.body),
        ("3-00ff", json!({"old": "data"}))
    );
    // And it is writable with its old revision.
    store
        .commit(vec![update("w/legacy", "3-00ff", json!({"new": 1}))])
        .await
        .unwrap();
}

/// Reads the raw value under `key` in the `docs` store, bypassing the backend.
async fn raw_get(db: &idb::Database, key: &str) -> JsValue {
    let tx = db
        .transaction(&["docs"], TransactionMode::ReadOnly)
        .unwrap();
    let store = tx.object_store("docs").unwrap();
    let value = store.get(JsValue::from_str(key)).unwrap().await.unwrap();
    value.expect("the record is stored")
}

/// Records are handed to IndexedDB as plain objects built by serde-wasm-bindgen; releases
/// before it stored `JSON.parse` of serde_json's text. Both forms must be the same plain JSON
/// document: a record the old way wrote reads back, and a record written now stringifies to
/// the same JSON as the old way would have stored.
#[wasm_bindgen_test]
async fn idb_records_keep_the_plain_json_form_earlier_releases_wrote() {
    let name = unique("form");
    let body = json!({
        "name": "Caf\u{e9} \u{201c}quoted\u{201d} \u{1f600}",
        "tags": {"b": "2", "a": "1"},
        "list": [1, 2.5, null, true, "x"],
        "absent": null,
        "largest": 9_007_199_254_740_991_u64,
        "nested": {"empty": {}, "none": []}
    });
    let old_text = serde_json::to_string(&json!({"rev": "4-0abc", "body": body})).unwrap();
    IndexedDbStore::open(&name).await.unwrap().close();
    let db = raw_open(&name, SCHEMA_VERSION, false).await;
    raw_put(&db, "w/old", &js_sys::JSON::parse(&old_text).unwrap()).await;
    db.close();

    let store = IndexedDbStore::open(&name).await.unwrap();
    let old = store.get("w/old").await.unwrap().expect("the old record");
    assert_eq!((old.rev.as_str(), &old.body), ("4-0abc", &body));
    let revs = store
        .commit(vec![put("w/new", body.clone())])
        .await
        .unwrap();
    store.close();

    let db = raw_open(&name, SCHEMA_VERSION, false).await;
    let stored = raw_get(&db, "w/new").await;
    db.close();
    assert_eq!(
        js_sys::Object::get_prototype_of(&stored),
        js_sys::Object::get_prototype_of(&js_sys::Object::new()),
        "a plain object, not a Map or a string"
    );
    let text: String = js_sys::JSON::stringify(&stored).unwrap().into();
    let as_stored: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(as_stored, json!({"rev": revs[0], "body": body}));
}

#[wasm_bindgen_test]
async fn idb_damaged_record_is_reported_and_others_still_read() {
    let name = unique("corrupt");
    let store = IndexedDbStore::open(&name).await.unwrap();
    store
        .commit(vec![
            put("w/good", json!({"ok": 1})),
            put("w/other", json!(2)),
        ])
        .await
        .unwrap();
    let raw = raw_open(&name, SCHEMA_VERSION, false).await;
    raw_put(&raw, "w/bad", &JsValue::from_str("not a record")).await;
    raw_put(
        &raw,
        "w/half",
        &js_sys::JSON::parse(r#"{"rev": 7}"#).unwrap(),
    )
    .await;
    raw.close();

    match store.get("w/bad").await {
        Err(StoreError::Corrupted { id, .. }) => assert_eq!(id, "w/bad"),
        other => panic!("expected Corrupted, got {other:?}"),
    }
    assert!(matches!(
        store.get("w/half").await,
        Err(StoreError::Corrupted { .. })
    ));
    assert_eq!(
        store.get("w/good").await.unwrap().unwrap().body,
        json!({"ok": 1})
    );
    assert_eq!(store.get("w/other").await.unwrap().unwrap().body, json!(2));
    // A listing that includes the damaged record says so rather than hiding it.
    assert!(matches!(
        store.list("w/").await,
        Err(StoreError::Corrupted { .. })
    ));
    // Overwriting a damaged record is refused too (its revision cannot be read)…
    assert!(matches!(
        store.commit(vec![put("w/bad", json!(1))]).await,
        Err(StoreError::Corrupted { .. })
    ));
    // …unless the write names it as unreadable: what repair and delete do. The raw listing
    // shows every record as stored, damaged ones included.
    let raw = store.list_raw("w/").await.unwrap();
    let ids: Vec<&str> = raw.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["w/bad", "w/good", "w/half", "w/other"]);
    assert_eq!(raw[0].stored, json!("not a record"));
    assert_eq!(raw[0].rev, None);
    assert_eq!(raw[2].stored, json!({"rev": 7}));
    assert!(raw[1].document().is_some());
    store
        .commit(vec![
            Write {
                id: "w/bad".into(),
                expected_rev: Some(UNREADABLE_REV.into()),
                body: None,
            },
            Write {
                id: "w/half".into(),
                expected_rev: Some(raw[2].write_rev()),
                body: Some(json!({"repaired": true})),
            },
        ])
        .await
        .unwrap();
    assert_eq!(store.list("w/").await.unwrap().len(), 3);
}

#[wasm_bindgen_test]
async fn idb_blocked_upgrade_reports_unavailable_instead_of_hanging() {
    let name = unique("blocked");
    // Another "tab" with release 1 open, which ignores versionchange and never closes.
    let old_tab = raw_open(&name, 1, true).await;

    let outcome = within(5_000, IndexedDbStore::open(&name)).await;
    match outcome {
        Some(Err(StoreError::Unavailable { message })) => {
            assert!(message.contains("blocked"), "{message}")
        }
        Some(other) => panic!("expected Unavailable, got {other:?}"),
        None => panic!("opening hung instead of reporting the blocked upgrade"),
    }

    // Once the old tab goes away, the next open upgrades normally.
    old_tab.close();
    let store = within(5_000, IndexedDbStore::open(&name))
        .await
        .expect("no hang")
        .expect("opens after the old connection closed");
    assert_eq!(store.schema_info().await.unwrap().upgraded_from, 1);
}

#[wasm_bindgen_test]
async fn idb_database_from_a_newer_release_is_unavailable() {
    let name = unique("newer");
    raw_open(&name, SCHEMA_VERSION + 1, true).await.close();
    match IndexedDbStore::open(&name).await {
        Err(StoreError::Unavailable { message }) => assert!(message.contains("newer"), "{message}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn idb_our_connection_yields_to_an_upgrade_from_another_tab() {
    let name = unique("yield");
    let store = IndexedDbStore::open(&name).await.unwrap();
    // A newer release opening the same database must not be blocked by us.
    let newer = within(5_000, raw_open(&name, SCHEMA_VERSION + 1, false)).await;
    assert!(newer.is_some(), "our open connection blocked the upgrade");
    newer.unwrap().close();
    assert!(matches!(
        store.get("x").await,
        Err(StoreError::Unavailable { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// localStorage
// ---------------------------------------------------------------------------------------------

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every key that starts with `prefix` (cleanup after a test).
fn clear_keys(prefix: &str) {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

#[wasm_bindgen_test]
async fn ls_round_trip() {
    let name = unique("rt");
    round_trip(&LocalStorageStore::open(&name).unwrap()).await;
    // Stored as `plumbline/{name}/{id}` → {"rev","body"} JSON text.
    let store = LocalStorageStore::open(&name).unwrap();
    store
        .commit(vec![put("w/9", json!({"x": 1}))])
        .await
        .unwrap();
    let text = local_storage()
        .get_item(&format!("plumbline/{name}/w/9"))
        .unwrap()
        .expect("key layout");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["body"], json!({"x": 1}));
    assert!(value["rev"].as_str().unwrap().starts_with("1-"));
    clear_keys(&format!("plumbline/{name}/"));
}

#[wasm_bindgen_test]
async fn ls_list_by_prefix_sees_only_its_workspace() {
    let name = unique("list");
    let other = unique("other");
    LocalStorageStore::open(&other)
        .unwrap()
        .commit(vec![put("w/zzz", json!(9))])
        .await
        .unwrap();
    list_by_prefix(&LocalStorageStore::open(&name).unwrap()).await;
    clear_keys(&format!("plumbline/{name}/"));
    clear_keys(&format!("plumbline/{other}/"));
}

#[wasm_bindgen_test]
async fn ls_commit_is_atomic() {
    let name = unique("atomic");
    atomic_commit(&LocalStorageStore::open(&name).unwrap()).await;
    clear_keys(&format!("plumbline/{name}/"));
}

#[wasm_bindgen_test]
async fn ls_stale_revision_is_a_conflict() {
    let name = unique("stale");
    stale_revision(&LocalStorageStore::open(&name).unwrap()).await;
    clear_keys(&format!("plumbline/{name}/"));
}

#[wasm_bindgen_test]
async fn ls_data_survives_reopening() {
    let name = unique("persist");
    LocalStorageStore::open(&name)
        .unwrap()
        .commit(vec![put("w/1", json!("kept"))])
        .await
        .unwrap();
    let again = LocalStorageStore::open(&name).unwrap();
    assert_eq!(again.get("w/1").await.unwrap().unwrap().body, json!("kept"));
    clear_keys(&format!("plumbline/{name}/"));
}

#[wasm_bindgen_test]
async fn ls_damaged_record_is_reported_and_others_still_read() {
    let name = unique("corrupt");
    let store = LocalStorageStore::open(&name).unwrap();
    store.commit(vec![put("w/good", json!(1))]).await.unwrap();
    local_storage()
        .set_item(&format!("plumbline/{name}/w/bad"), "{not json")
        .unwrap();
    local_storage()
        .set_item(&format!("plumbline/{name}/w/half"), r#"{"body": 1}"#)
        .unwrap();
    assert!(
        matches!(store.get("w/bad").await, Err(StoreError::Corrupted { id, .. }) if id == "w/bad")
    );
    assert!(matches!(
        store.get("w/half").await,
        Err(StoreError::Corrupted { .. })
    ));
    assert_eq!(store.get("w/good").await.unwrap().unwrap().body, json!(1));
    // The raw listing keeps a text that is not JSON as a JSON string; both damaged records
    // can be deleted by naming them unreadable.
    let raw = store.list_raw("w/").await.unwrap();
    assert_eq!(raw[0].stored, json!("{not json"));
    assert_eq!(raw[2].stored, json!({"body": 1}));
    let deletions = raw
        .iter()
        .filter(|r| r.id != "w/good")
        .map(|r| Write {
            id: r.id.clone(),
            expected_rev: Some(r.write_rev()),
            body: None,
        })
        .collect();
    store.commit(deletions).await.unwrap();
    assert_eq!(store.list("w/").await.unwrap().len(), 1);
    clear_keys(&format!("plumbline/{name}/"));
}

#[wasm_bindgen_test]
async fn ls_quota_exceeded_mid_commit_leaves_everything_as_it_was() {
    let name = unique("quota");
    let filler = format!("filler-{name}/");
    let store = LocalStorageStore::open(&name).unwrap();
    // `a` takes ~100 KB before the storage fills up.
    let big_a = "a".repeat(100_000);
    let revs = store.commit(vec![put("a", json!(big_a))]).await.unwrap();

    // Fill localStorage to the last byte: big chunks, then smaller ones.
    let storage = local_storage();
    let mut chunk = 1 << 20;
    let mut n = 0;
    while chunk >= 1 {
        let value = "x".repeat(chunk);
        while storage.set_item(&format!("{filler}{n}"), &value).is_ok() {
            n += 1;
        }
        chunk /= 2;
    }

    // The first write shrinks `a` (and succeeds), the second needs more space than that frees.
    let err = store
        .commit(vec![
            update("a", &revs[0], json!("small")),
            put("b", json!("b".repeat(300_000))),
        ])
        .await
        .unwrap_err();
    let after = store.get("a").await.unwrap().unwrap();
    let b = store.get("b").await.unwrap();
    clear_keys(&filler);
    clear_keys(&format!("plumbline/{name}/"));

    assert!(matches!(err, StoreError::QuotaExceeded { .. }), "{err:?}");
    assert_eq!(after.rev, revs[0], "`a` was restored");
    assert_eq!(after.body, json!(big_a));
    assert_eq!(b, None);
}

// ---------------------------------------------------------------------------------------------
// The JS Workspace on both backends
// ---------------------------------------------------------------------------------------------

mod workspace {
    use super::*;
    use plumbline::wasm::JsWorkspace;
    use serde_json::Value;

    fn js(value: Value) -> JsValue {
        js_sys::JSON::parse(&value.to_string()).unwrap()
    }

    async fn settle(promise: js_sys::Promise) -> Result<Value, JsValue> {
        let value = JsFuture::from(promise).await?;
        let text = js_sys::JSON::stringify(&value)
            .unwrap()
            .as_string()
            .unwrap();
        Ok(serde_json::from_str(&text).unwrap())
    }

    fn kind(err: &JsValue) -> String {
        assert!(err.is_instance_of::<js_sys::Error>());
        js_sys::Reflect::get(err, &JsValue::from_str("kind"))
            .unwrap()
            .as_string()
            .unwrap()
    }

    async fn open(storage: &str, name: &str) -> JsWorkspace {
        JsWorkspace::open_async(js(json!({"storage": storage, "name": name})))
            .await
            .unwrap()
    }

    fn workload(name: &str) -> JsValue {
        js(json!({
            "workloadName": name,
            "description": "Customer-facing website for retail order processing",
            "environment": "PRODUCTION",
            "reviewOwner": "Ana Carolina Silva",
            "awsRegions": ["us-east-1"]
        }))
    }

    /// What one "page load" writes, a second one reads (the real reload is an e2e test).
    async fn survives_reopening(storage: &str, name: &str) {
        let first = open(storage, name).await;
        assert_eq!(first.storage(), storage);
        let w = settle(first.define_workload(workload("Retail Website - North America")))
            .await
            .unwrap();
        let id = w["workloadId"].as_str().unwrap().to_string();
        settle(first.update_answer(
            JsValue::from(id.clone()),
            "wellarchitected".into(),
            "priorities".into(),
            js(json!({"selectedChoices": ["ops_priorities_no"]})),
        ))
        .await
        .unwrap();
        settle(first.create_milestone(JsValue::from(id.clone()), JsValue::from_str("Version 1.0")))
            .await
            .unwrap();
        first.close();
        drop(first);

        let second = open(storage, name).await;
        let list = settle(second.list_workloads()).await.unwrap();
        assert_eq!(list[0]["workloadId"], id.as_str());
        assert_eq!(list[0]["riskCounts"]["HIGH"], 1);
        assert_eq!(list[0]["milestoneCount"], 1);
        let review = settle(second.get_lens_review(
            JsValue::from(id.clone()),
            "wellarchitected".into(),
            JsValue::UNDEFINED,
        ))
        .await
        .unwrap();
        assert_eq!(review["riskCounts"]["HIGH"], 1);

        // A workspace of another name sees none of it.
        let other = open(storage, &format!("{name}-other")).await;
        assert_eq!(settle(other.list_workloads()).await.unwrap(), json!([]));
    }

    /// Data of the release before name claims (storage layout 1: workloads, no `name/` docs)
    /// is migrated when a workspace opens it: every name is claimed, so uniqueness still holds
    /// with one read per define.
    #[wasm_bindgen_test]
    async fn indexeddb_layout_1_workspace_gets_name_claims() {
        let name = unique("layout1");
        let first = open("indexeddb", &name).await;
        for n in ["Retail Website", "Payments"] {
            settle(first.define_workload(workload(n))).await.unwrap();
        }
        first.close();
        drop(first);

        // Back to layout 1, as the previous release left it.
        let store = IndexedDbStore::open(&name).await.unwrap();
        let mut writes: Vec<Write> = store
            .list("name/")
            .await
            .unwrap()
            .into_iter()
            .map(|d| Write {
                id: d.id,
                expected_rev: Some(d.rev),
                body: None,
            })
            .collect();
        assert_eq!(writes.len(), 2);
        let meta = store.get("meta/plumbline").await.unwrap().unwrap();
        writes.push(update(
            "meta/plumbline",
            &meta.rev,
            json!({"layout": 1, "createdAt": "2026-11-01T00:00:00.000Z"}),
        ));
        store.commit(writes).await.unwrap();
        store.close();
        drop(store);

        let ws = open("indexeddb", &name).await;
        let list = settle(ws.list_workloads()).await.unwrap();
        assert_eq!(list.as_array().unwrap().len(), 2);
        let err = settle(ws.define_workload(workload("retail  WEBSITE")))
            .await
            .unwrap_err();
        assert_eq!(kind(&err), "Validation");
        let field = js_sys::Reflect::get(&err, &JsValue::from_str("field")).unwrap();
        assert_eq!(field.as_string().as_deref(), Some("workloadName"));
        settle(ws.define_workload(workload("Checkout")))
            .await
            .unwrap();
        ws.close();
        drop(ws);

        let store = IndexedDbStore::open(&name).await.unwrap();
        let meta = store.get("meta/plumbline").await.unwrap().unwrap();
        assert_eq!(meta.body["layout"], 2);
        assert_eq!(meta.body["createdAt"], "2026-11-01T00:00:00.000Z");
        assert_eq!(store.list("name/").await.unwrap().len(), 3);
    }

    #[wasm_bindgen_test]
    async fn indexeddb_is_the_default_in_browsers() {
        let name = unique("default");
        let ws = JsWorkspace::open_async(js(json!({"name": name})))
            .await
            .unwrap();
        assert_eq!(ws.storage(), "indexeddb");
    }

    #[wasm_bindgen_test]
    async fn indexeddb_workspace_survives_reopening() {
        survives_reopening("indexeddb", &unique("ws")).await;
    }

    #[wasm_bindgen_test]
    async fn localstorage_workspace_survives_reopening() {
        let name = unique("ws");
        survives_reopening("localstorage", &name).await;
        clear_keys(&format!("plumbline/{name}"));
    }

    #[wasm_bindgen_test]
    async fn blocked_indexeddb_upgrade_rejects_with_kind_unavailable() {
        let name = unique("ws-blocked");
        let old_tab = raw_open(&name, 1, true).await;
        let outcome = within(5_000, JsWorkspace::open_async(js(json!({"name": name})))).await;
        let err = outcome.expect("no hang").err().expect("blocked");
        assert_eq!(kind(&err), "Unavailable");
        old_tab.close();
    }

    #[wasm_bindgen_test]
    async fn full_localstorage_rejects_with_kind_quota_exceeded() {
        let name = unique("ws-quota");
        let filler = format!("filler-{name}/");
        let ws = open("localstorage", &name).await;
        let storage = local_storage();
        let mut chunk = 1 << 20;
        let mut n = 0;
        while chunk >= 1 {
            let value = "x".repeat(chunk);
            while storage.set_item(&format!("{filler}{n}"), &value).is_ok() {
                n += 1;
            }
            chunk /= 2;
        }
        let err = settle(ws.define_workload(workload("Too big for the disk")))
            .await
            .err();
        clear_keys(&filler);
        let err = err.expect("the write cannot fit");
        assert_eq!(kind(&err), "QuotaExceeded");
        // Nothing half-written: with space again, the workspace is empty and usable.
        assert_eq!(settle(ws.list_workloads()).await.unwrap(), json!([]));
        settle(ws.define_workload(workload("Fits now")))
            .await
            .unwrap();
        clear_keys(&format!("plumbline/{name}/"));
    }
}
