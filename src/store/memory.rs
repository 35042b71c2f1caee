//! An in-memory store: for Node, tests and benchmarks. Same conflict rules as the others.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use super::{next_revision, Document, Store, StoreError, Write};

#[derive(Debug, Default)]
pub struct MemoryStore {
    docs: RefCell<BTreeMap<String, (String, Value)>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemoryStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        Ok(self.docs.borrow().get(id).map(|(rev, body)| Document {
            id: id.to_string(),
            rev: rev.clone(),
            body: body.clone(),
        }))
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        Ok(self
            .docs
            .borrow()
            .range(prefix.to_string()..)
            .take_while(|(id, _)| id.starts_with(prefix))
            .map(|(id, (rev, body))| Document {
                id: id.clone(),
                rev: rev.clone(),
                body: body.clone(),
            })
            .collect())
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        let mut docs = self.docs.borrow_mut();
        // Check every precondition before touching anything: all or nothing.
        for w in &writes {
            let current = docs.get(&w.id).map(|(rev, _)| rev.as_str());
            if current != w.expected_rev.as_deref() {
                return Err(StoreError::Conflict { id: w.id.clone() });
            }
        }
        let mut revs = Vec::with_capacity(writes.len());
        for w in writes {
            match w.body {
                Some(body) => {
                    let rev = next_revision(w.expected_rev.as_deref(), &body);
                    docs.insert(w.id, (rev.clone(), body));
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
