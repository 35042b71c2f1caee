//! An in-memory store: for Node, tests and benchmarks. Same conflict rules as the others, and
//! the same notion of a damaged record (see [`MemoryStore::insert_damaged`]), so the
//! workspace's handling of damage is tested without a browser.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use super::{check_precondition, next_revision, Document, RawRecord, Store, StoreError, Write};

#[derive(Debug, Clone)]
enum Slot {
    Doc {
        rev: String,
        body: Value,
    },
    /// A stored value that is not `{rev: string, body}` (put there by a test).
    Damaged(Value),
    /// A deleted record, which reads as absent. Kept as a gap rather than taken out of the map
    /// with `BTreeMap::remove`, whose rebalancing code weighed 1.5 KiB gzip of engine for this
    /// map type alone when this store was part of the wasm engine.
    Deleted,
}

#[derive(Debug, Default)]
pub struct MemoryStore {
    docs: RefCell<BTreeMap<String, Slot>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `stored` as the whole record `id`, as a browser bug or an old release might
    /// leave it; reading it reports `Corrupted` unless it has the `{rev: string, body}` shape.
    pub fn insert_damaged(&self, id: &str, stored: Value) {
        let slot = match RawRecord::new(id.to_string(), stored.clone()).document() {
            Some(doc) => Slot::Doc {
                rev: doc.rev,
                body: doc.body,
            },
            None => Slot::Damaged(stored),
        };
        self.docs.borrow_mut().insert(id.to_string(), slot);
    }
}

/// The record in `slot`; `None` when it was deleted.
fn read(id: &str, slot: &Slot) -> Option<Result<Document, StoreError>> {
    match slot {
        Slot::Doc { rev, body } => Some(Ok(Document {
            id: id.to_string(),
            rev: rev.clone(),
            body: body.clone(),
        })),
        Slot::Damaged(_) => Some(Err(StoreError::Corrupted {
            id: id.to_string(),
            message: "expected {rev, body}".into(),
        })),
        Slot::Deleted => None,
    }
}

impl Store for MemoryStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.docs
            .borrow()
            .get(id)
            .and_then(|slot| read(id, slot))
            .transpose()
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.docs
            .borrow()
            .range(prefix.to_string()..)
            .take_while(|(id, _)| id.starts_with(prefix))
            .filter_map(|(id, slot)| read(id, slot))
            .collect()
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        Ok(self
            .docs
            .borrow()
            .range(prefix.to_string()..)
            .take_while(|(id, _)| id.starts_with(prefix))
            .filter_map(|(id, slot)| match slot {
                Slot::Doc { rev, body } => Some(RawRecord::from_document(Document {
                    id: id.clone(),
                    rev: rev.clone(),
                    body: body.clone(),
                })),
                Slot::Damaged(value) => Some(RawRecord::new(id.clone(), value.clone())),
                Slot::Deleted => None,
            })
            .collect())
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        let mut docs = self.docs.borrow_mut();
        // Check every precondition before touching anything: all or nothing.
        for w in &writes {
            let current = docs.get(&w.id).and_then(|slot| match slot {
                Slot::Doc { rev, .. } => Some(Some(rev.as_str())),
                Slot::Damaged(_) => Some(None),
                Slot::Deleted => None,
            });
            check_precondition(w, current)?;
        }
        let mut revs = Vec::with_capacity(writes.len());
        for w in writes {
            match w.body {
                Some(body) => {
                    let rev = next_revision(w.expected_rev.as_deref(), &body);
                    docs.insert(
                        w.id,
                        Slot::Doc {
                            rev: rev.clone(),
                            body,
                        },
                    );
                    revs.push(rev);
                }
                None => {
                    docs.insert(w.id, Slot::Deleted);
                    revs.push(String::new());
                }
            }
        }
        Ok(revs)
    }
}
