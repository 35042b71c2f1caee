//! The document store contract. Records are plain JSON documents with a stable `_id` and a
//! `_rev` that changes on every write (CouchDB's shape, so a later sync can replicate them).
//! A write names the revision it read; a stale one is refused, so two tabs never silently
//! overwrite each other. Backends: [`memory`] here; IndexedDB and localStorage in `wasm::store` (wasm32 only).

pub mod memory;
pub mod text;

pub use text::ListingText;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A stored document: its id, its current revision and its JSON body (without `_id`/`_rev`).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub rev: String,
    pub body: Value,
}

/// A stored document whose body was read as a `T`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedDocument<T> {
    pub id: String,
    pub rev: String,
    pub body: T,
}

impl<T: DeserializeOwned> TypedDocument<T> {
    /// A body that does not read as `T` is `Corrupted`.
    pub fn decode(doc: Document) -> Result<Self, StoreError> {
        let body =
            crate::value_reader::from_value(doc.body).map_err(|e| StoreError::Corrupted {
                id: doc.id.clone(),
                message: e.to_string(),
            })?;
        Ok(TypedDocument {
            id: doc.id,
            rev: doc.rev,
            body,
        })
    }
}

/// The revision a write names to replace or delete a record whose own revision cannot be read
/// (see [`RawRecord`]). Real revisions are `N-hash`, so this never matches a readable record.
pub const UNREADABLE_REV: &str = "unreadable";

/// A stored record as it is, read without interpreting it: all a damaged record still offers,
/// so that it can be exported as stored, repaired or deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    pub id: String,
    /// The record's revision; `None` when it has no readable one.
    pub rev: Option<String>,
    /// The whole stored value as JSON: `{"rev", "body"}` when intact. A stored text that is
    /// not even JSON (localStorage) is kept as a JSON string.
    pub stored: Value,
}

impl RawRecord {
    pub fn new(id: String, stored: Value) -> Self {
        let rev = stored
            .get("rev")
            .and_then(Value::as_str)
            .map(str::to_string);
        RawRecord { id, rev, stored }
    }

    /// An intact document as its stored record, `{rev, body}`. Built by moving the parts in,
    /// not with `json!`, which copies the body through a serializer of JSON values.
    pub fn from_document(doc: Document) -> Self {
        let mut stored = serde_json::Map::new();
        stored.insert("rev".into(), Value::String(doc.rev.clone()));
        stored.insert("body".into(), doc.body);
        RawRecord {
            id: doc.id,
            rev: Some(doc.rev),
            stored: Value::Object(stored),
        }
    }

    /// The document, when the record has the `{rev: string, body}` shape we write.
    pub fn document(&self) -> Option<Document> {
        let body = self.stored.get("body")?;
        Some(Document {
            id: self.id.clone(),
            rev: self.rev.clone()?,
            body: body.clone(),
        })
    }

    /// The revision a write names to replace or delete this record, readable or not.
    pub fn write_rev(&self) -> String {
        self.rev
            .clone()
            .unwrap_or_else(|| UNREADABLE_REV.to_string())
    }

    /// The write that deletes this record, readable or not.
    pub fn deletion(&self) -> Write {
        Write {
            id: self.id.clone(),
            expected_rev: Some(self.write_rev()),
            body: None,
        }
    }
}

/// Checks a write's precondition against the record's current revision (`None`: absent;
/// `Some(None)`: present with no readable revision). Only [`UNREADABLE_REV`] replaces a record
/// whose revision cannot be read; any other expectation is refused as `Corrupted`, naming it.
pub fn check_precondition(write: &Write, current: Option<Option<&str>>) -> Result<(), StoreError> {
    let matches = match current {
        None => write.expected_rev.is_none(),
        Some(None) => {
            if write.expected_rev.as_deref() != Some(UNREADABLE_REV) {
                return Err(StoreError::Corrupted {
                    id: write.id.clone(),
                    message: "its revision cannot be read".into(),
                });
            }
            true
        }
        Some(Some(rev)) => write.expected_rev.as_deref() == Some(rev),
    };
    if matches {
        Ok(())
    } else {
        Err(StoreError::Conflict {
            id: write.id.clone(),
        })
    }
}

/// One change in an atomic commit.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub id: String,
    /// The revision the writer read; `None` means "this document must not exist yet".
    pub expected_rev: Option<String>,
    /// The new body, or `None` to delete the document.
    pub body: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The document changed since it was read (or exists when it should not).
    Conflict { id: String },
    /// The browser refused the write for lack of space.
    QuotaExceeded { message: String },
    /// A stored record could not be read back as JSON.
    Corrupted { id: String, message: String },
    /// The database could not be opened (blocked upgrade, storage disabled, unsupported).
    Unavailable { message: String },
    /// Any other failure reported by the backend.
    Backend { message: String },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Conflict { id } => write!(f, "`{id}` was changed by another writer using the same storage (another tab, window or program) since it was read"),
            StoreError::QuotaExceeded { message } => write!(f, "the browser's storage is full: {message}"),
            StoreError::Corrupted { id, message } => write!(f, "stored record `{id}` is damaged: {message}"),
            StoreError::Unavailable { message } => write!(f, "storage is unavailable: {message}"),
            StoreError::Backend { message } => write!(f, "storage failed: {message}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A document store. All methods are async because IndexedDB is; the memory backend resolves
/// at once. Not `Send`: the browser runs us on one thread.
#[allow(async_fn_in_trait)]
pub trait Store {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError>;
    /// Every document whose id starts with `prefix`, in id order.
    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError>;
    /// [`Store::list`] with every body read as `T` (`Corrupted` if one does not read). A
    /// backend that holds JS values overrides it to read them straight into `T`, without the
    /// `Value` tree in between: listing every workload is the workspace's largest read.
    async fn list_as<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<TypedDocument<T>>, StoreError> {
        self.list(prefix)
            .await?
            .into_iter()
            .map(TypedDocument::decode)
            .collect()
    }
    /// [`Store::list`] as one JSON text ([`ListingText`]), which a listing decodes straight
    /// into its type; `None` when the backend has nothing cheaper than documents (the memory
    /// store) or the records cannot be written as one text (then `list` says which is damaged).
    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        let _ = prefix;
        Ok(None)
    }
    /// Every record whose id starts with `prefix`, in id order, each as stored: a damaged
    /// record is returned as it is instead of failing the listing.
    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError>;
    /// Applies all writes or none. Returns the new revisions, in the order of `writes`
    /// (empty string for deletions).
    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError>;
}

/// The next revision after `previous`: `N-hash`, with N counting writes (CouchDB's form).
pub fn next_revision(previous: Option<&str>, body: &Value) -> String {
    let n = previous
        .and_then(|r| r.split('-').next())
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0)
        + 1;
    // FNV-1a over the serialised body: cheap, deterministic, good enough to tell revisions apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    // `to_vec` rather than `Value`'s Display: the stores write their text with it, so the engine
    // holds one compact writer of JSON values instead of two.
    let text = serde_json::to_vec(body).expect("JSON values serialise");
    for b in text.into_iter().chain(n.to_le_bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{n}-{hash:016x}")
}
