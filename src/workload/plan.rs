//! The synchronous side of every workspace change: a plan is a plain function that, given the
//! documents read so far ([`Planning`]), returns the documents to write, or stops.
//!
//! A plan never awaits. When it needs a document that has not been read yet it stops with
//! [`Halt::Read`], naming it; the async shell (`shell.rs`) reads it and runs the plan again
//! from the start with one more document known. Plans are cheap next to a store read, so
//! running one a few times costs nothing a user can see, and it keeps every rule of the
//! workspace testable with documents alone, without an executor ([`Planning::complete`]).
//!
//! Time and ids are drawn through [`Planning::now`] and [`Planning::new_workload_id`]: a run
//! repeated after a read replays the draws of the previous run, so a plan sees the same clock
//! and the same id however many reads it took.

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use super::error::WorkspaceError;
use super::keys;
use super::time::iso_utc;
use super::workspace::Core;
use crate::sorted_map::SortedMap;
use crate::store::{Document, ListingText, RawRecord, StoreError, TypedDocument, Write};

/// A read a plan asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Need {
    /// One document by id.
    Key(String),
    /// Every record under a prefix, damaged ones included.
    Prefix(String),
    /// Every record under a prefix as one JSON text, when the store has one (a typed listing:
    /// [`Planning::typed`]).
    Text(String),
    /// Several reads in one go (see [`Planning::prefetch`]).
    Batch(Vec<Need>),
}

/// Why a plan stopped: it needs a read first, or the change is refused.
#[derive(Debug)]
pub(crate) enum Halt {
    Read(Need),
    Failed(WorkspaceError),
}

impl From<WorkspaceError> for Halt {
    fn from(e: WorkspaceError) -> Self {
        Halt::Failed(e)
    }
}

impl From<StoreError> for Halt {
    fn from(e: StoreError) -> Self {
        Halt::Failed(WorkspaceError::from(e))
    }
}

/// A plan's result: the writes to commit together (none for a read-only operation).
pub(crate) type Planned = Result<Vec<Write>, Halt>;

/// The records under one prefix as the store gave them.
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    /// The readable documents, in id order.
    pub documents: Vec<Document>,
    /// Every record as stored, when at least one of them is damaged (else empty: the fast
    /// listing succeeded and nothing else was read).
    pub raw: Vec<RawRecord>,
    /// The store's error for the whole listing when a record is damaged.
    pub damage: Option<StoreError>,
}

/// The documents read for one run of a plan.
#[derive(Debug, Default)]
pub(crate) struct Reads {
    keys: SortedMap<String, Result<Option<Document>, StoreError>>,
    prefixes: SortedMap<String, Listing>,
    /// The listings read as one text; `None` when the store had none to give. A list, not a
    /// map: a plan reads one or two (the workloads, the templates), and a map type of its own
    /// compiled its insert and lookup code again (1 KiB gzip).
    texts: Vec<(String, Option<ListingText>)>,
    /// Everything there is: a key not held is absent, a prefix lists what is held (tests).
    complete: bool,
}

impl Reads {
    pub fn insert_key(&mut self, id: String, read: Result<Option<Document>, StoreError>) {
        self.keys.insert(id, read);
    }

    pub fn insert_prefix(&mut self, prefix: String, listing: Listing) {
        self.prefixes.insert(prefix, listing);
    }

    pub fn insert_text(&mut self, prefix: String, text: Option<ListingText>) {
        self.texts.retain(|(p, _)| *p != prefix);
        self.texts.push((prefix, text));
    }

    /// The listing under `prefix` read as one text, once read.
    fn text(&self, prefix: &str) -> Option<&Option<ListingText>> {
        self.texts
            .iter()
            .find(|(p, _)| p == prefix)
            .map(|(_, text)| text)
    }

    /// A snapshot of a whole store: every read is answered from `documents` (tests of plans).
    #[cfg(test)]
    pub fn complete(documents: Vec<Document>) -> Self {
        let mut reads = Reads {
            complete: true,
            ..Reads::default()
        };
        for doc in documents {
            reads.keys.insert(doc.id.clone(), Ok(Some(doc)));
        }
        reads
    }
}

/// The values drawn from the environment by earlier runs of the same attempt, replayed in order.
#[derive(Debug, Default)]
pub(crate) struct Draws {
    values: Vec<String>,
    next: usize,
}

impl Draws {
    fn draw(&mut self, fresh: impl FnOnce() -> String) -> String {
        if self.next == self.values.len() {
            self.values.push(fresh());
        }
        self.next += 1;
        self.values[self.next - 1].clone()
    }
}

/// What a plan reads from: the documents read, and the clock and entropy of the workspace.
pub(crate) struct Planning<'a> {
    pub reads: &'a Reads,
    /// The lenses, the parsed-lens cache and the environment.
    pub core: &'a Core,
    draws: &'a mut Draws,
}

impl<'a> Planning<'a> {
    pub fn new(reads: &'a Reads, core: &'a Core, draws: &'a mut Draws) -> Self {
        draws.next = 0;
        Planning { reads, core, draws }
    }

    /// The time now, ISO 8601 UTC (the same on every run of one attempt).
    pub fn now(&mut self) -> String {
        let env = &self.core.env;
        self.draws.draw(|| iso_utc(env.now()))
    }

    /// A new workload id (the same on every run of one attempt).
    pub fn new_workload_id(&mut self) -> String {
        let env = self.core.env.as_ref();
        self.draws.draw(|| keys::new_workload_id(env))
    }

    /// The document `id`, `None` when absent; `Corrupted` when it does not read.
    pub fn get(&self, id: &str) -> Result<Option<Document>, Halt> {
        match self.reads.keys.get(id) {
            Some(Ok(doc)) => Ok(doc.clone()),
            Some(Err(e)) => Err(e.clone().into()),
            None if self.reads.complete => Ok(None),
            None => Err(Halt::Read(Need::Key(id.to_string()))),
        }
    }

    /// Asks for every read of `needs` not made yet in ONE halt, so that a plan that reads a
    /// few documents per workload costs one more run, not one per document.
    pub fn prefetch(&self, needs: Vec<Need>) -> Result<(), Halt> {
        if self.reads.complete {
            return Ok(());
        }
        let missing: Vec<Need> = needs
            .into_iter()
            .filter(|need| match need {
                Need::Key(id) => !self.reads.keys.contains_key(id),
                Need::Prefix(prefix) => !self.reads.prefixes.contains_key(prefix),
                Need::Text(prefix) => self.reads.text(prefix).is_none(),
                Need::Batch(_) => true,
            })
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Halt::Read(Need::Batch(missing)))
        }
    }

    /// The records under `prefix`.
    /// Borrowed when the shell read the prefix: a plan that only decodes the documents (a
    /// list of 10,000 workloads) then copies none of them.
    pub fn listing(&self, prefix: &str) -> Result<Cow<'_, Listing>, Halt> {
        if let Some(listing) = self.reads.prefixes.get(prefix) {
            return Ok(Cow::Borrowed(listing));
        }
        if !self.reads.complete {
            return Err(Halt::Read(Need::Prefix(prefix.to_string())));
        }
        let documents = self
            .reads
            .keys
            .iter()
            .filter(|(id, _)| id.starts_with(prefix))
            .filter_map(|(_, read)| read.as_ref().ok().cloned().flatten())
            .collect();
        Ok(Cow::Owned(Listing {
            documents,
            raw: Vec::new(),
            damage: None,
        }))
    }

    /// The records under `prefix` read straight into `T` from the store's one JSON text of
    /// them. `None` when the documents were read already, the store has no such text, or a
    /// record does not read as `T`: then [`Planning::listing`] tells the damaged apart.
    pub fn typed<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Option<Vec<TypedDocument<T>>>, Halt> {
        if self.reads.prefixes.contains_key(prefix) {
            return Ok(None);
        }
        match self.reads.text(prefix) {
            Some(Some(text)) => Ok(text.decode()),
            Some(None) => Ok(None),
            None if self.reads.complete => Ok(None),
            None => Err(Halt::Read(Need::Text(prefix.to_string()))),
        }
    }

    /// Every document under `prefix`; `Corrupted` when one of them does not read.
    pub fn list(&self, prefix: &str) -> Result<Vec<Document>, Halt> {
        let listing = self.listing(prefix)?.into_owned();
        match listing.damage {
            Some(e) => Err(e.into()),
            None => Ok(listing.documents),
        }
    }

    /// One record as stored, damaged or not.
    pub fn raw(&self, id: &str) -> Result<Option<RawRecord>, Halt> {
        let listing = self.listing(id)?.into_owned();
        if listing.damage.is_some() {
            return Ok(listing.raw.into_iter().find(|r| r.id == id));
        }
        Ok(listing
            .documents
            .into_iter()
            .find(|d| d.id == id)
            .map(RawRecord::from_document))
    }

    /// Every record under `prefix` as stored, damaged or not.
    pub fn raw_list(&self, prefix: &str) -> Result<Vec<RawRecord>, Halt> {
        let listing = self.listing(prefix)?.into_owned();
        if listing.damage.is_some() {
            return Ok(listing.raw);
        }
        Ok(listing
            .documents
            .into_iter()
            .map(RawRecord::from_document)
            .collect())
    }
}
