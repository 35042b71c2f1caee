//! An in-memory store: for Node, tests and benchmarks. Same conflict rules as the others, and
//! the same notion of a damaged record (see [`MemoryStore::insert_damaged`]), so the
//! workspace's handling of damage is tested without a browser.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::{check_precondition, next_revision, Document, RawRecord, Store, StoreError, Write};

#[derive(Debug, Clone)]
enum Slot {
    Doc {
        rev: String,
        body: Value,
    },
    /// A stored value that is not `{rev: string, body}` (put there by a test).
    Damaged(Value),
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

fn read(id: &str, slot: &Slot) -> Result<Document, StoreError> {
    match slot {
        Slot::Doc { rev, body } => Ok(Document {
            id: id.to_string(),
            rev: rev.clone(),
            body: body.clone(),
        }),
        Slot::Damaged(_) => Err(StoreError::Corrupted {
            id: id.to_string(),
            message: "expected {rev, body}".into(),
        }),
    }
}

impl Store for MemoryStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.docs
            .borrow()
            .get(id)
            .map(|slot| read(id, slot))
            .transpose()
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.docs
            .borrow()
            .range(prefix.to_string()..)
            .take_while(|(id, _)| id.starts_with(prefix))
            .map(|(id, slot)| read(id, slot))
            .collect()
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        Ok(self
            .docs
            .borrow()
            .range(prefix.to_string()..)
            .take_while(|(id, _)| id.starts_with(prefix))
            .map(|(id, slot)| {
                let stored = match slot {
                    Slot::Doc { rev, body } => json!({ "rev": rev, "body": body }),
                    Slot::Damaged(value) => value.clone(),
                };
                RawRecord::new(id.clone(), stored)
            })
            .collect())
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        let mut docs = self.docs.borrow_mut();
        // Check every precondition before touching anything: all or nothing.
        for w in &writes {
            let current = docs.get(&w.id).map(|slot| match slot {
                Slot::Doc { rev, .. } => Some(rev.as_str()),
                Slot::Damaged(_) => None,
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
                    docs.remove(&w.id);
                    revs.push(String::new());
                }
            }
        }
        Ok(revs)
    }
}
