//! A store written in JS: one the page hands in as `Workspace.open({ store })` (the PouchDB
//! store of `www/sync/pouch-store.js`, the workloads in their own local databases, ready to
//! replicate, or a test's), or one of the engine's own (`indexeddb.js`, `memory.js`). The
//! object has `get`, `list`, `listRaw` and `commit`, each returning a promise of plain data in
//! the backends' record shape (`{rev, body}`), and may name itself with `kind` ("pouchdb"),
//! which `workspace.storage` reports.
//!
//! Kept small on purpose (the engine's size is tight): records come back through [`js_json`]
//! and writes go out as plain objects made by serde-wasm-bindgen; everything a real store
//! needs beyond that — atomic commits, rollback — is the JS object's job, under the contract
//! of [`Store`]. A store the engine opened itself also gets the engine's revisions with each
//! write, lists through its `listText`, and is closed with the workspace.

use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::store::{next_revision, Document, ListingText, RawRecord, Store, StoreError, Write};
use crate::wasm::js_json;

const METHODS: [&str; 4] = ["get", "list", "listRaw", "commit"];

/// The `Symbol.for` key that marks a store object as one of the engine's own (`indexeddb.js`,
/// `memory.js`): its writes must carry the engine's revisions, and it lists through `listText`.
/// A symbol from the global registry, so that both engines of the package see the same key and
/// no store a page writes carries it by accident.
pub const ENGINE_STORE: &str = "plumbline.engineStore";

/// The JS store object, and the name it gives itself.
#[derive(Debug)]
pub struct JsStore {
    object: JsValue,
    kind: String,
    /// Opened by the engine (IndexedDB, memory), not handed in: its writes carry the revisions
    /// the engine makes (as the localStorage store's, so every backend of ours writes the same
    /// `N-hash`), and the engine closes it.
    owned: bool,
}

impl JsStore {
    /// Refuses an object without the four methods, naming the first one missing. One of the
    /// engine's own stores (marked with [`ENGINE_STORE`]) is kept as the engine's own even when
    /// it is handed in: the package's browser entry hands a memory workspace's store from the
    /// lean engine to the full one, and both must write the revisions the engine makes.
    pub fn new(object: JsValue) -> Result<Self, String> {
        let owned = js_sys::Reflect::get(&object, &js_sys::Symbol::for_(ENGINE_STORE).into())
            .is_ok_and(|marked| marked.is_truthy());
        let methods = METHODS.iter().chain(owned.then_some(&"listText"));
        for name in methods {
            if !property(&object, name).is_function() {
                return Err(format!("must have a `{name}` method"));
            }
        }
        let kind = property(&object, "kind")
            .as_string()
            .unwrap_or_else(|| "custom".into());
        Ok(JsStore {
            object,
            kind,
            owned,
        })
    }

    /// A store the engine opened itself; one that is not marked as the engine's own, or lacks
    /// a method, is the engine's own bug.
    pub(super) fn opened_by_engine(object: JsValue) -> Result<Self, StoreError> {
        match JsStore::new(object) {
            Ok(store) if store.owned => Ok(store),
            Ok(_) => Err(backend(
                "the engine's store is not marked as the engine's own",
            )),
            Err(e) => Err(backend(&e)),
        }
    }

    /// The JS object of one of the engine's own stores, for another engine of the package to
    /// open a workspace over (see [`JsStore::new`]); `None` for a store the page handed in.
    pub fn engine_object(&self) -> Option<&JsValue> {
        self.owned.then_some(&self.object)
    }

    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// Closes a store the engine opened (its `close()`); a store handed in is the page's to close.
    pub fn close(&self) {
        if self.owned {
            if let Ok(close) = property(&self.object, "close").dyn_into::<js_sys::Function>() {
                let _ = close.call0(&self.object);
            }
        }
    }

    /// Calls `method(arg)` on the object and waits for its promise (or plain value).
    pub(super) async fn call(&self, method: &str, arg: &JsValue) -> Result<JsValue, StoreError> {
        let function: js_sys::Function = property(&self.object, method).unchecked_into();
        let returned = function.call1(&self.object, arg).map_err(thrown)?;
        let promise = js_sys::Promise::resolve(&returned);
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(thrown)
    }

    /// The result of `method(prefix)` as a JSON value; a reply that is not JSON data is the
    /// store's fault, not a record's, so it is a `Backend` error.
    async fn read(&self, method: &str, prefix: &str) -> Result<Value, StoreError> {
        let value = self.call(method, &JsValue::from_str(prefix)).await?;
        js_json::value_from_js(&value).map_err(|e| backend(&format!("{method} replied {e}")))
    }
}

impl Store for JsStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let value = self.call("get", &JsValue::from_str(id)).await?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        document(id, value).map(Some)
    }

    /// Through the raw records, so that a damaged one is named (`Corrupted`).
    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.list_raw(prefix)
            .await?
            .into_iter()
            .map(|raw| {
                raw.document().ok_or_else(|| StoreError::Corrupted {
                    message: "expected {rev, body}".into(),
                    id: raw.id,
                })
            })
            .collect()
    }

    /// The listing as one JSON text. A store the engine opened makes it itself (`listText`: the
    /// ids and ONE `JSON.stringify` of the stored values, two crossings in all, where reading
    /// each id from `list`'s entries made the IndexedDB list of 1,000 workloads 20-50 % slower
    /// than the engine's former Rust backend); of a store handed in, `list(prefix)` is written
    /// as `[{id, rev, body}]`, each id read from it (the same `listText` in the PouchDB store
    /// measured no faster: PouchDB's own reads dominate). `None` when a record cannot be
    /// written as JSON (the documents' listing then names it).
    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        if self.owned {
            let value = self.call("listText", &JsValue::from_str(prefix)).await?;
            if value.is_null() {
                return Ok(None);
            }
            let ids = js_json::from_js(&property(&value, "ids"))
                .map_err(|e| backend(&format!("listText replied ids {e}")))?;
            let text = property(&value, "text")
                .dyn_into::<js_sys::JsString>()
                .map_err(|_| backend("listText replied no text"))?;
            let text = js_json::string_from_js(&text);
            return Ok(Some(ListingText { ids, text }));
        }
        let value = self.call("list", &JsValue::from_str(prefix)).await?;
        let array: js_sys::Array = value
            .dyn_into()
            .map_err(|_| backend("list did not reply an array"))?;
        let ids: Option<Vec<String>> = array
            .iter()
            .map(|r| property(&r, "id").as_string())
            .collect();
        let Some(ids) = ids else {
            return Ok(None);
        };
        Ok(js_json::json_text(&array)
            .ok()
            .map(|text| ListingText { ids, text }))
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        // Read as plain JSON values: no reader of its own for this one shape (engine size).
        let Value::Array(entries) = self.read("listRaw", prefix).await? else {
            return Err(backend("listRaw did not reply an array"));
        };
        entries
            .into_iter()
            .map(|mut e| {
                let stored = e["stored"].take();
                match e["id"].as_str() {
                    Some(id) => Ok(RawRecord::new(id.to_string(), stored)),
                    None => Err(backend("listRaw replied a record without an id")),
                }
            })
            .collect()
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        // `{id, expectedRev, body}` each (and `rev`, for a store the engine opened).
        let out: Vec<Value> = writes
            .into_iter()
            .map(|w| {
                // Moved into a map rather than written with `json!`, which copies the body
                // through a serializer of JSON values.
                let mut write = serde_json::Map::new();
                write.insert("id".into(), Value::String(w.id));
                if self.owned {
                    if let Some(body) = &w.body {
                        let rev = next_revision(w.expected_rev.as_deref(), body);
                        write.insert("rev".into(), Value::String(rev));
                    }
                }
                write.insert(
                    "expectedRev".into(),
                    w.expected_rev.map_or(Value::Null, Value::String),
                );
                write.insert("body".into(), w.body.unwrap_or(Value::Null));
                Value::Object(write)
            })
            .collect();
        // Plain objects built by serde-wasm-bindgen (the one way values cross), so IndexedDB
        // stores what it gets by structured clone, with no JSON text in between.
        let arg = js_json::to_js(&out).map_err(|e| backend(&e.0))?;
        let revs = self.call("commit", &arg).await?;
        js_json::from_js(&revs).map_err(|e| backend(&format!("commit replied {e}")))
    }
}

fn property(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn backend(message: &str) -> StoreError {
    StoreError::Backend {
        message: message.to_string(),
    }
}

impl Drop for JsStore {
    fn drop(&mut self) {
        // A connection the engine opened ends with the workspace that held it, so that it
        // never holds up another tab's upgrade until garbage collection.
        self.close();
    }
}

/// A stored record as the JS store gives it back.
#[derive(Deserialize)]
struct Record {
    rev: String,
    body: Value,
}

/// A stored value back to a document, or `Corrupted` if it is not `{rev: string, body}`.
fn document(id: &str, value: JsValue) -> Result<Document, StoreError> {
    let record: Record = js_json::from_js(&value).map_err(|e| StoreError::Corrupted {
        id: id.to_string(),
        message: format!("expected {{rev, body}}: {e}"),
    })?;
    Ok(Document {
        id: id.to_string(),
        rev: record.rev,
        body: record.body,
    })
}

/// What the JS store threw, as the error kind it names (`{kind: "Conflict", id}` and so on);
/// anything else is a `Backend` failure with its message.
pub(super) fn thrown(e: JsValue) -> StoreError {
    let text = |name| property(&e, name).as_string();
    let id = text("id").unwrap_or_default();
    let message = text("message")
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the store failed".into());
    match text("kind").as_deref() {
        Some("Conflict") => StoreError::Conflict { id },
        Some("QuotaExceeded") => StoreError::QuotaExceeded { message },
        Some("Corrupted") => StoreError::Corrupted { id, message },
        Some("Unavailable") => StoreError::Unavailable { message },
        _ => StoreError::Backend { message },
    }
}
