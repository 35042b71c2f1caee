//! The IndexedDB backend: the browser's default store.
//!
//! One database per workspace name (default `plumbline`). Records live in the object store
//! `docs` with out-of-line keys (the document id) and values `{rev, body}`, so each one is a
//! plain JSON document that a later CouchDB sync can replicate unchanged.
//!
//! Schema versions, walked one step at a time by [`upgrade`] so that a database created by any
//! older release reaches the current one:
//! - v1: object store `docs`.
//! - v2: object store `meta` with one record, `schema`: `{schemaVersion, createdAt, upgradedFrom,
//!   upgradedAt}`. The app shows it in its storage panel, and it tells a future migration which
//!   release created the data.
//!
//! Every commit is ONE readwrite transaction that reads the current revisions, refuses the whole
//! batch on the first stale one (the transaction is aborted, so nothing is written), then puts or
//! deletes, and only returns once the browser reports the transaction complete: a resolved commit
//! is on disk, not merely queued.

use std::cell::{Cell, RefCell};
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use idb::{
    Database, DatabaseEvent, Event, Factory, KeyRange, ObjectStoreParams, Query, Request,
    Transaction, TransactionMode, TransactionResult,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::store::{
    check_precondition, next_revision, Document, ListingText, RawRecord, Store, StoreError,
    TypedDocument, Write,
};
use crate::wasm::js_json;

/// The schema this release writes. Raising it means adding a step to [`upgrade`].
pub const SCHEMA_VERSION: u32 = 2;
/// The database name when the app gives none.
pub const DEFAULT_NAME: &str = "plumbline";

const DOCS: &str = "docs";
const META: &str = "meta";
const SCHEMA_KEY: &str = "schema";

/// A stored record: the value kept under a document id in `docs`.
#[derive(Serialize, Deserialize)]
struct Record<B = Value> {
    rev: String,
    body: B,
}

/// The `meta/schema` record (v2 on): which schema the data is in and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaInfo {
    pub schema_version: u32,
    /// When this database got its `meta` store (its creation, or the v1→v2 upgrade).
    pub created_at: String,
    /// The version the database had before the upgrade that wrote this record (0: new database).
    pub upgraded_from: u32,
    pub upgraded_at: String,
}

/// An open connection to one Plumbline database.
#[derive(Debug)]
pub struct IndexedDbStore {
    db: Database,
    name: String,
}

impl IndexedDbStore {
    /// Opens (creating or upgrading) the database `name` at [`SCHEMA_VERSION`].
    ///
    /// If another tab holds the database open at an older version and does not let go, the
    /// browser would wait forever; we report `Unavailable` as soon as the browser says the
    /// upgrade is blocked. A database from a NEWER release (version above ours) is also
    /// `Unavailable`: this page is stale and must be reloaded.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let factory = Factory::new().map_err(|e| unavailable(&e))?;
        let mut request = factory
            .open(name, Some(SCHEMA_VERSION))
            .map_err(|e| unavailable(&e))?;

        let blocked = Rc::new(Blocked::default());
        let upgrade_error: Rc<RefCell<Option<StoreError>>> = Rc::default();

        let on_blocked = blocked.clone();
        request.on_blocked(move |_| on_blocked.fire());

        let abandoned = blocked.clone();
        let upgrade_failed = upgrade_error.clone();
        request.on_upgrade_needed(move |event| {
            // We already told the caller "blocked" and dropped this request; when the other tab
            // finally closes, do not upgrade behind the caller's back and leave a connection
            // nobody owns: abort, and the database stays as it was.
            let abort = |event: &idb::event::VersionChangeEvent| {
                if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                    let _ = tx.abort();
                }
            };
            if abandoned.fired.get() {
                abort(&event);
                return;
            }
            if let Err(e) = upgrade(&event) {
                *upgrade_failed.borrow_mut() = Some(e);
                abort(&event);
            }
        });

        let opened = RaceBlocked {
            open: request.into_future(),
            blocked,
        }
        .await;
        let mut db = match opened {
            Ok(Ok(db)) => db,
            Ok(Err(e)) => {
                return Err(upgrade_error.borrow_mut().take().unwrap_or_else(|| {
                    match dom_name(&e).as_deref() {
                        // The stored version is newer than this release knows.
                        Some("VersionError") => StoreError::Unavailable {
                            message: format!(
                                "the database `{name}` was written by a newer release of \
                                 Plumbline; reload the page to get it"
                            ),
                        },
                        _ => map_idb_error(&e),
                    }
                }));
            }
            Err(()) => {
                return Err(StoreError::Unavailable {
                    message: format!(
                        "upgrading the database `{name}` is blocked by another tab that still \
                         has it open; close the other Plumbline tabs and reload"
                    ),
                })
            }
        };

        // Let a newer release in another tab upgrade: close our connection when asked, instead
        // of blocking it. Our later calls then fail with `Unavailable` (reload needed).
        db.on_version_change(|event| {
            if let Some(target) = event.target() {
                target.unchecked_into::<web_sys::IdbDatabase>().close();
            }
        });
        Ok(IndexedDbStore {
            db,
            name: name.to_string(),
        })
    }

    /// The database name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `meta/schema` record.
    pub async fn schema_info(&self) -> Result<SchemaInfo, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadOnly)?;
        let store = tx.object_store(META).map_err(|e| map_idb_error(&e))?;
        let value = store
            .get(JsValue::from_str(SCHEMA_KEY))
            .map_err(|e| map_idb_error(&e))?
            .await
            .map_err(|e| map_idb_error(&e))?
            .ok_or_else(|| corrupted(SCHEMA_KEY, "missing"))?;
        js_json::from_js(&value).map_err(|e| corrupted(SCHEMA_KEY, &e.0))
    }

    /// Closes the connection (also done on drop). Pending transactions still finish.
    pub fn close(&self) {
        self.db.close();
    }

    /// Deletes the database `name` (tests, "forget everything"). Fails with `Unavailable` if an
    /// open connection blocks the deletion.
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        let factory = Factory::new().map_err(|e| unavailable(&e))?;
        factory
            .delete(name)
            .map_err(|e| map_idb_error(&e))?
            .await
            .map_err(|e| map_idb_error(&e))
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<Transaction, StoreError> {
        self.db
            .transaction(stores, mode)
            .map_err(|e| match dom_name(&e).as_deref() {
                // The connection was closed: another tab upgraded the database.
                Some("InvalidStateError") => StoreError::Unavailable {
                    message: "the database was closed because a newer Plumbline opened it in \
                          another tab; reload the page"
                        .into(),
                },
                _ => map_idb_error(&e),
            })
    }
}

impl Drop for IndexedDbStore {
    fn drop(&mut self) {
        // Our versionchange closure dies with `db`; a closed connection never receives the event.
        self.db.close();
    }
}

impl IndexedDbStore {
    /// The ids and stored values of every record under `prefix`, read in one snapshot.
    async fn read_range(&self, prefix: &str) -> Result<(Vec<String>, Vec<JsValue>), StoreError> {
        let tx = self.transaction(&[DOCS], TransactionMode::ReadOnly)?;
        let store = tx.object_store(DOCS).map_err(|e| map_idb_error(&e))?;
        // [prefix, prefix + U+FFFF): every string key that starts with `prefix` (ids are ASCII).
        let range = KeyRange::bound(
            &JsValue::from_str(prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
            Some(false),
            Some(true),
        )
        .map_err(|e| map_idb_error(&e))?;
        // Both requests run in the same transaction, so keys and values describe one snapshot
        // and come in the same (key) order.
        let keys = store
            .get_all_keys(Some(Query::from(range.clone())), None)
            .map_err(|e| map_idb_error(&e))?;
        let values = store
            .get_all(Some(Query::from(range)), None)
            .map_err(|e| map_idb_error(&e))?;
        let keys = keys.await.map_err(|e| map_idb_error(&e))?;
        let values = values.await.map_err(|e| map_idb_error(&e))?;
        let ids = keys
            .into_iter()
            .map(|key| {
                key.as_string()
                    .ok_or_else(|| corrupted("?", "a record has a key that is not a string"))
            })
            .collect::<Result<Vec<String>, StoreError>>()?;
        Ok((ids, values))
    }
}

impl Store for IndexedDbStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let tx = self.transaction(&[DOCS], TransactionMode::ReadOnly)?;
        let store = tx.object_store(DOCS).map_err(|e| map_idb_error(&e))?;
        let value = store
            .get(JsValue::from_str(id))
            .map_err(|e| map_idb_error(&e))?
            .await
            .map_err(|e| map_idb_error(&e))?;
        value.map(|v| document(id, v)).transpose()
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        let docs = self.list_as::<Value>(prefix).await?;
        Ok(docs
            .into_iter()
            .map(|d| Document {
                id: d.id,
                rev: d.rev,
                body: d.body,
            })
            .collect())
    }

    async fn list_as<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<TypedDocument<T>>, StoreError> {
        let (ids, values) = self.read_range(prefix).await?;
        documents(ids, values)
    }

    /// ONE `JSON.stringify` of every record: a value JSON cannot describe (a BigInt, a cycle,
    /// in a damaged record) gives `None`, and the documents' listing names the record.
    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        let (ids, values) = self.read_range(prefix).await?;
        let array: js_sys::Array = values.iter().collect();
        Ok(js_json::json_text(&array)
            .ok()
            .map(|text| ListingText { ids, text }))
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        let (ids, values) = self.read_range(prefix).await?;
        Ok(ids
            .into_iter()
            .zip(values)
            .map(|(id, value)| {
                // A value JSON cannot describe (a BigInt, a cycle) is kept as its description.
                let stored = js_json::value_from_js(&value)
                    .unwrap_or_else(|_| Value::String(format!("{value:?}")));
                RawRecord::new(id, stored)
            })
            .collect())
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        let tx = self.transaction(&[DOCS], TransactionMode::ReadWrite)?;
        // Keep a raw handle: idb's transaction future consumes its wrapper, and after an abort
        // the reason (e.g. QuotaExceededError) is only on the transaction object.
        let raw: web_sys::IdbTransaction = tx.into();
        let tx = Transaction::from(raw.clone());
        let store = tx.object_store(DOCS).map_err(|e| map_idb_error(&e))?;

        let abort = |error: StoreError| {
            let _ = raw.abort();
            Err(error)
        };

        // 1. Every precondition, before anything is written.
        for w in &writes {
            let current = match store.get(JsValue::from_str(&w.id)) {
                Ok(request) => request.await,
                Err(e) => Err(e),
            };
            let current = match current {
                Ok(v) => v,
                Err(e) => return abort(map_idb_error(&e)),
            };
            let current_rev = current.map(|v| stored_revision(&v));
            if let Err(e) = check_precondition(w, current_rev.as_ref().map(Option::as_deref)) {
                return abort(e);
            }
        }

        // 2. The writes. Requests are queued, not awaited one by one: the transaction's outcome
        // (complete or abort) is what counts.
        let mut revs = Vec::with_capacity(writes.len());
        for w in &writes {
            let key = JsValue::from_str(&w.id);
            let queued = match &w.body {
                Some(body) => {
                    let rev = next_revision(w.expected_rev.as_deref(), body);
                    let record = Record {
                        rev: rev.clone(),
                        body: body.clone(),
                    };
                    revs.push(rev);
                    match to_js(&record) {
                        Ok(value) => store.put(&value, Some(&key)).map(drop),
                        Err(e) => return abort(e),
                    }
                }
                None => {
                    revs.push(String::new());
                    store.delete(Query::from(key)).map(drop)
                }
            };
            if let Err(e) = queued {
                return abort(map_idb_error(&e));
            }
        }

        // 3. Wait until the browser says the data is durable (or why it is not).
        match tx.into_future().await {
            Ok(TransactionResult::Committed) => Ok(revs),
            Ok(TransactionResult::Aborted) => Err(match raw.error() {
                Some(e) => map_dom_exception(&e),
                None => StoreError::Backend {
                    message: "the browser aborted the transaction".into(),
                },
            }),
            Err(e) => Err(match raw.error() {
                Some(dom) => map_dom_exception(&dom),
                None => map_idb_error(&e),
            }),
        }
    }
}

/// The upgrade transaction: walks every step from the stored version to ours.
fn upgrade(event: &idb::event::VersionChangeEvent) -> Result<(), StoreError> {
    let old = event.old_version().map_err(|e| map_idb_error(&e))?;
    let new = event
        .new_version()
        .map_err(|e| map_idb_error(&e))?
        .unwrap_or(SCHEMA_VERSION);
    let db = event.database().map_err(|e| map_idb_error(&e))?;
    let tx = event
        .target()
        .ok()
        .and_then(|request| request.transaction())
        .ok_or_else(|| StoreError::Backend {
            message: "the upgrade has no transaction".into(),
        })?;
    for version in old + 1..=new {
        match version {
            1 => {
                // Out-of-line keys: the value is exactly `{rev, body}`, the id is the key.
                db.create_object_store(DOCS, ObjectStoreParams::new())
                    .map_err(|e| map_idb_error(&e))?;
            }
            2 => {
                let meta = db
                    .create_object_store(META, ObjectStoreParams::new())
                    .map_err(|e| map_idb_error(&e))?;
                let now = String::from(js_sys::Date::new_0().to_iso_string());
                let info = SchemaInfo {
                    schema_version: SCHEMA_VERSION,
                    created_at: now.clone(),
                    upgraded_from: old,
                    upgraded_at: now,
                };
                // Queued in the upgrade transaction; if it fails the whole open fails.
                meta.put(&to_js(&info)?, Some(&JsValue::from_str(SCHEMA_KEY)))
                    .map_err(|e| map_idb_error(&e))?;
            }
            other => {
                return Err(StoreError::Backend {
                    message: format!("no upgrade step to schema version {other}"),
                })
            }
        }
    }
    // Later releases: a step that rewrites records reads and writes through `tx` here.
    let _ = tx;
    Ok(())
}

/// A stored value back to a document, or `Corrupted` if it is not `{rev: string, body}`.
pub(super) fn document(id: &str, value: JsValue) -> Result<Document, StoreError> {
    let d = typed_document::<Value>(id.to_string(), &value)?;
    Ok(Document {
        id: d.id,
        rev: d.rev,
        body: d.body,
    })
}

fn typed_document<T: DeserializeOwned>(
    id: String,
    value: &JsValue,
) -> Result<TypedDocument<T>, StoreError> {
    let record: Record<T> = js_json::from_js(value)
        .map_err(|e| corrupted(&id, &format!("expected {{rev, body}}: {e}")))?;
    Ok(TypedDocument {
        id,
        rev: record.rev,
        body: record.body,
    })
}

/// Many stored values at once: ONE `JSON.stringify` of them all and one parse in wasm straight
/// into `T`, instead of a crossing per record (listing 1,000 workloads is one call, not 1,000).
fn documents<T: DeserializeOwned>(
    ids: Vec<String>,
    values: Vec<JsValue>,
) -> Result<Vec<TypedDocument<T>>, StoreError> {
    let array: js_sys::Array = values.iter().collect();
    match js_json::listing_from_js::<Vec<Record<T>>>(&array) {
        Ok(records) => Ok(ids
            .into_iter()
            .zip(records)
            .map(|(id, r)| TypedDocument {
                id,
                rev: r.rev,
                body: r.body,
            })
            .collect()),
        // Read them one by one to name the damaged record.
        Err(_) => ids
            .into_iter()
            .zip(values)
            .map(|(id, value)| typed_document(id, &value))
            .collect(),
    }
}

/// The revision of a stored value, read without converting its body (commit preconditions);
/// `None` when it has no string `rev`.
fn stored_revision(value: &JsValue) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str("rev"))
        .ok()
        .and_then(|rev| rev.as_string())
}

/// Stored values are made from their JSON text, so they read back as the same JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    js_json::to_js(value).map_err(|e| StoreError::Backend { message: e.0 })
}

fn corrupted(id: &str, message: &str) -> StoreError {
    StoreError::Corrupted {
        id: id.to_string(),
        message: message.to_string(),
    }
}

fn unavailable(e: &idb::Error) -> StoreError {
    StoreError::Unavailable {
        message: format!("IndexedDB cannot be used here: {e}"),
    }
}

/// The DOMException name inside an idb error, if there is one.
fn dom_name(e: &idb::Error) -> Option<String> {
    match e {
        idb::Error::DomException(dom) => Some(dom.name()),
        other => other_js_value(other)
            .and_then(|v| v.dyn_ref::<web_sys::DomException>().map(|d| d.name())),
    }
}

/// Most idb errors wrap the JS value the browser threw.
fn other_js_value(e: &idb::Error) -> Option<&JsValue> {
    use idb::Error::*;
    match e {
        AddFailed(v)
        | ClearFailed(v)
        | DeleteFailed(v)
        | GetFailed(v)
        | GetAllFailed(v)
        | GetAllKeysFailed(v)
        | UpdateFailed(v)
        | TransactionOpenFailed(v)
        | TransactionCommitError(v)
        | IndexedDbOpenFailed(v)
        | IndexedDbDeleteFailed(v)
        | ObjectStoreNotFound(v)
        | ObjectStoreCreateFailed(v)
        | KeyRangeCreateFailed(v) => Some(v),
        _ => None,
    }
}

fn map_idb_error(e: &idb::Error) -> StoreError {
    match e {
        idb::Error::DomException(dom) => map_dom_exception(dom),
        other => match other_js_value(other).and_then(|v| v.dyn_ref::<web_sys::DomException>()) {
            Some(dom) => map_dom_exception(dom),
            None => StoreError::Backend {
                message: other.to_string(),
            },
        },
    }
}

fn map_dom_exception(e: &web_sys::DomException) -> StoreError {
    let message = format!("{}: {}", e.name(), e.message());
    match e.name().as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded { message },
        "VersionError" | "InvalidStateError" => StoreError::Unavailable { message },
        "DataError" | "DataCloneError" => StoreError::Backend { message },
        _ => StoreError::Backend { message },
    }
}

/// Set by the open request's `blocked` event; wakes whoever awaits [`RaceBlocked`].
#[derive(Default)]
struct Blocked {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Blocked {
    fn fire(&self) {
        self.fired.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// The open request, or `Err(())` as soon as the browser reports the upgrade blocked — so that
/// a tab holding an old connection gives an error instead of a page that hangs.
struct RaceBlocked<F> {
    open: F,
    blocked: Rc<Blocked>,
}

impl<F: Future + Unpin> Future for RaceBlocked<F> {
    type Output = Result<F::Output, ()>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if let Poll::Ready(out) = Pin::new(&mut this.open).poll(cx) {
            return Poll::Ready(Ok(out));
        }
        if this.blocked.fired.get() {
            return Poll::Ready(Err(()));
        }
        *this.blocked.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}
