//! The async shell: the one place where the workspace awaits its store.
//!
//! [`Workspace::run`] runs a plan (`plan.rs`): reads what it asks for, runs it again until it
//! returns its writes, commits them together with the revisions they name, and on a conflict
//! (another writer got in between) plans again from fresh reads, up to [`ATTEMPTS`] times.
//!
//! Every operation goes through this one function with the plan type-erased (`&mut dyn
//! FnMut`) and the future boxed, so its state machine exists once per store type in the wasm
//! module instead of being inlined into each operation (that inlining was ~100 KB gzip).

use std::future::Future;
use std::pin::Pin;

use super::error::WorkspaceError;
use super::operation::Operation;
use super::plan::{Draws, Halt, Listing, Need, Planned, Planning, Reads};
use super::workspace::Workspace;
use crate::store::{Store, StoreError};

/// How many times a change is planned again after losing a race to another writer.
pub(crate) const ATTEMPTS: usize = 5;

/// A plan as the shell takes it: run again after every read it asks for.
pub(crate) type Plan<'p> = dyn FnMut(&mut Planning) -> Planned + 'p;

/// What [`Workspace::run`] returns: the new revisions, in the order of the writes.
type Running<'a> = Pin<Box<dyn Future<Output = Result<Vec<String>, WorkspaceError>> + 'a>>;

impl<S: Store> Workspace<S> {
    /// Runs `plan` to completion and commits its writes; the new revisions in write order
    /// (none when the plan writes nothing).
    pub(crate) fn run<'a>(&'a self, plan: &'a mut Plan<'_>) -> Running<'a> {
        Box::pin(async move {
            for _ in 0..ATTEMPTS {
                let mut reads = Reads::default();
                let mut draws = Draws::default();
                let writes = loop {
                    let mut planning = Planning::new(&reads, &self.core, &mut draws);
                    match plan(&mut planning) {
                        Ok(writes) => break writes,
                        Err(Halt::Failed(e)) => return Err(e),
                        Err(Halt::Read(need)) => self.read(&mut reads, need).await?,
                    }
                };
                if writes.is_empty() {
                    return Ok(Vec::new());
                }
                match self.store.commit(writes).await {
                    Ok(revs) => return Ok(revs),
                    Err(StoreError::Conflict { .. }) => continue,
                    Err(e) => return Err(WorkspaceError::Storage(e)),
                }
            }
            Err(gave_up())
        })
    }

    /// Runs `op`: its plan to completion, its writes committed, then its result.
    pub(crate) async fn perform<O: Operation>(
        &self,
        mut op: O,
    ) -> Result<O::Output, WorkspaceError> {
        let revs = self.run(&mut |p| op.plan(p)).await?;
        op.finish(revs)
    }

    /// A read-only plan's result: `query` returns what it found.
    pub(crate) async fn query<T>(
        &self,
        mut query: impl FnMut(&mut Planning) -> Result<T, Halt>,
    ) -> Result<T, WorkspaceError> {
        let mut found = None;
        self.run(&mut |p| {
            found = Some(query(p)?);
            Ok(Vec::new())
        })
        .await?;
        Ok(found.expect("a plan that returned read its result"))
    }

    async fn read(&self, reads: &mut Reads, need: Need) -> Result<(), WorkspaceError> {
        let mut needs = Vec::new();
        flatten(need, &mut needs);
        for need in needs {
            self.read_one(reads, need).await?;
        }
        Ok(())
    }

    async fn read_one(&self, reads: &mut Reads, need: Need) -> Result<(), WorkspaceError> {
        match need {
            Need::Batch(_) => {} // flattened by `read`
            Need::Key(id) => self.read_key(reads, id).await?,
            Need::Text(prefix) => {
                let text = self.store.list_text(&prefix).await?;
                reads.insert_text(prefix, text);
            }
            Need::Prefix(prefix) => {
                let listing = match self.store.list(&prefix).await {
                    Ok(documents) => Listing {
                        documents,
                        raw: Vec::new(),
                        damage: None,
                    },
                    // Only then is every record read as stored, to tell the damaged apart.
                    Err(e @ StoreError::Corrupted { .. }) => {
                        let raw = self.store.list_raw(&prefix).await?;
                        let documents = raw.iter().filter_map(|r| r.document()).collect();
                        Listing {
                            documents,
                            raw,
                            damage: Some(e),
                        }
                    }
                    Err(e) => return Err(e.into()),
                };
                reads.insert_prefix(prefix, listing);
            }
        }
        Ok(())
    }
}

impl<S: Store> Workspace<S> {
    /// One document; a damaged one is kept as the error its plan will meet.
    async fn read_key(&self, reads: &mut Reads, id: String) -> Result<(), WorkspaceError> {
        let read = match self.store.get(&id).await {
            Err(e @ StoreError::Corrupted { .. }) => Err(e),
            other => Ok(other?),
        };
        reads.insert_key(id, read);
        Ok(())
    }
}

/// The single reads of `need`, batches opened.
fn flatten(need: Need, into: &mut Vec<Need>) {
    match need {
        Need::Batch(needs) => needs.into_iter().for_each(|n| flatten(n, into)),
        one => into.push(one),
    }
}

/// Reported when a change lost the race to other writers `ATTEMPTS` times in a row. The JS API
/// runs the calls on one handle one at a time, so the writer was another one using the same
/// storage; which one (a tab, a window, a program) is not known, so the message does not guess.
pub(crate) fn gave_up() -> WorkspaceError {
    WorkspaceError::conflict(format!(
        "the records this change needs were changed by another writer using the same storage \
         (another tab, window or program) each of the {ATTEMPTS} times it was about to be saved; \
         nothing was saved; try again"
    ))
}
