//! The localStorage backend: for browsers or modes where IndexedDB is unavailable.
//!
//! Each document is one key, `plumbline/{name}/{id}`, holding the JSON text `{"rev","body"}`.
//! localStorage has no transactions, so [`LocalStorageStore::commit`] builds the all-or-nothing
//! guarantee itself: it checks every revision first, remembers the value each key had, and if
//! the browser refuses a write half-way (the ~5 MB quota), it puts every key back before
//! reporting `QuotaExceeded`. localStorage is synchronous and our thread runs nothing else
//! between those steps, so no other code of this page can observe the half-written state.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::sorted_map::SortedMap;
use crate::store::{
    check_precondition, next_revision, Document, ListingText, RawRecord, Store, StoreError, Write,
};

/// A stored record: the JSON text kept under a document's key.
#[derive(Serialize, Deserialize)]
struct Record {
    rev: String,
    body: Value,
}

/// The documents of one workspace in `window.localStorage`.
#[derive(Debug, Clone)]
pub struct LocalStorageStore {
    /// `plumbline/{name}/`
    prefix: String,
}

impl LocalStorageStore {
    /// Checks that localStorage can be used (it is missing in Node and throws when the user
    /// blocks site data) and returns the store for workspace `name`.
    pub fn open(name: &str) -> Result<Self, StoreError> {
        let unavailable = |why: &str| StoreError::Unavailable {
            message: format!("localStorage cannot be used here: {why}"),
        };
        let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorageStore {
                prefix: format!("plumbline/{name}/"),
            }),
            Ok(None) => Err(unavailable("not provided by this browser")),
            Err(_) => Err(unavailable("blocked by the browser's settings")),
        }
    }

    fn key(&self, id: &str) -> String {
        format!("{}{}", self.prefix, id)
    }

    fn read(&self, id: &str) -> Result<Option<Document>, StoreError> {
        match LocalStorage::get::<Record>(self.key(id)) {
            Ok(record) => Ok(Some(Document {
                id: id.to_string(),
                rev: record.rev,
                body: record.body,
            })),
            Err(StorageError::KeyNotFound(_)) => Ok(None),
            Err(StorageError::SerdeError(e)) => Err(StoreError::Corrupted {
                id: id.to_string(),
                message: format!("expected {{\"rev\",\"body\"}} JSON: {e}"),
            }),
            Err(e) => Err(map_error(e)),
        }
    }

    /// The ids of every record under `prefix`, in id order.
    fn ids(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let raw = LocalStorage::raw();
        let wanted = self.key(prefix);
        let length = raw.length().map_err(js_backend)?;
        let mut ids = Vec::new();
        for i in 0..length {
            if let Some(key) = raw.key(i).map_err(js_backend)? {
                if key.starts_with(&wanted) {
                    ids.push(key[self.prefix.len()..].to_string());
                }
            }
        }
        // localStorage keys come in no defined order; the contract is id order.
        crate::sorted::by(&mut ids, |a, b| a.cmp(b));
        Ok(ids)
    }

    /// Puts every key back as it was before this commit started. Removing first frees the space
    /// the new values took, so the old values (which fitted before) fit again.
    fn restore(&self, originals: &SortedMap<String, Option<String>>) {
        let raw = LocalStorage::raw();
        for key in originals.keys() {
            let _ = raw.remove_item(key);
        }
        for (key, value) in originals {
            if let Some(value) = value {
                let _ = raw.set_item(key, value);
            }
        }
    }
}

impl Store for LocalStorageStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.read(id)
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        let mut docs = Vec::new();
        for id in self.ids(prefix)? {
            if let Some(doc) = self.read(&id)? {
                docs.push(doc);
            }
        }
        Ok(docs)
    }

    /// The stored texts joined into one JSON array. Each is first checked to be one JSON value
    /// (a pass that builds nothing): joined as they are, a hand-edited text such as `1,2` could
    /// otherwise pass for several records. One that is not gives `None`, and the documents'
    /// listing names it.
    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        let raw = LocalStorage::raw();
        let mut ids = Vec::new();
        let mut text = String::from("[");
        for id in self.ids(prefix)? {
            if let Some(stored) = raw.get_item(&self.key(&id)).map_err(js_backend)? {
                if serde_json::from_str::<serde::de::IgnoredAny>(&stored).is_err() {
                    return Ok(None);
                }
                if !ids.is_empty() {
                    text.push(',');
                }
                text.push_str(&stored);
                ids.push(id);
            }
        }
        text.push(']');
        Ok(Some(ListingText { ids, text }))
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        let raw = LocalStorage::raw();
        let mut records = Vec::new();
        for id in self.ids(prefix)? {
            if let Some(text) = raw.get_item(&self.key(&id)).map_err(js_backend)? {
                // A text that is not JSON is kept as a JSON string: still exportable as stored.
                let stored = serde_json::from_str(&text).unwrap_or(Value::String(text));
                records.push(RawRecord::new(id, stored));
            }
        }
        Ok(records)
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        // 1. Every precondition before anything is written.
        for w in &writes {
            let current = match self.read(&w.id) {
                Ok(doc) => doc.map(|d| Some(d.rev)),
                Err(StoreError::Corrupted { .. }) => Some(None),
                Err(e) => return Err(e),
            };
            check_precondition(w, current.as_ref().map(Option::as_deref))?;
        }

        // 2. Apply, remembering each key's value before its first write in this commit.
        let raw = LocalStorage::raw();
        let mut originals: SortedMap<String, Option<String>> = SortedMap::new();
        let mut revs = Vec::with_capacity(writes.len());
        for w in &writes {
            let key = self.key(&w.id);
            if !originals.contains_key(&key) {
                let before = raw.get_item(&key).map_err(js_backend)?;
                originals.insert(key.clone(), before);
            }
            match &w.body {
                Some(body) => {
                    let rev = next_revision(w.expected_rev.as_deref(), body);
                    let record = Record {
                        rev: rev.clone(),
                        body: body.clone(),
                    };
                    if let Err(e) = LocalStorage::set(&key, &record) {
                        // 3. All or nothing: undo what this commit already wrote.
                        self.restore(&originals);
                        return Err(map_error(e));
                    }
                    revs.push(rev);
                }
                None => {
                    LocalStorage::delete(&key);
                    revs.push(String::new());
                }
            }
        }
        Ok(revs)
    }
}

fn map_error(e: StorageError) -> StoreError {
    match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::QuotaExceeded {
            message: js.message,
        },
        other => StoreError::Backend {
            message: other.to_string(),
        },
    }
}

fn js_backend(e: wasm_bindgen::JsValue) -> StoreError {
    StoreError::Backend {
        message: format!("{e:?}"),
    }
}
