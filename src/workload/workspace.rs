//! The [`Workspace`]: workloads, lens reviews, answers and milestones kept in a [`Store`].
//!
//! Every change is one atomic `Store::commit`. A change reads what it needs, plans all its
//! writes (each naming the revision it read) and commits them together; when another writer
//! got in between, the store refuses the commit with a conflict, and the change is planned
//! again from fresh reads. A caller's own `expectedRevision` is checked while planning, so a
//! stale one is reported as `Conflict` and never retried away.
//!
//! The operations live in `ops/`, one file per area; this file holds what they share: the
//! [`Core`] plans work with, and the reads every plan makes ([`Planning::workload`]…).

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde_json::json;

use super::damage::DamagedRecord;
use super::env::Environment;
use super::error::WorkspaceError;
use super::keys;
use super::plan::{Halt, Planned, Planning};
use super::record::{
    to_body, AnswerDoc, MilestoneDoc, ReviewDoc, Stored, WorkloadDoc, WorkloadListing,
};
use super::shipped::{LensSource, ShippedLenses};
use super::time::iso_utc;
use crate::catalog::{CatalogLens, LensSummary, FRAMEWORK_ALIAS};
use crate::lens::model::{Pillar, Question};
use crate::store::{RawRecord, Store, StoreError, Write};

/// The storage layout this code writes (recorded in `meta/plumbline`).
/// - 1: workloads, reviews, answers, milestones (see `keys`).
/// - 2: plus a claim per workload name (`name/{nameKey}`); opening layout-1 data creates them.
const LAYOUT: u64 = 2;

/// The workspace: one per store. Not `Send`, like the stores (the browser has one thread).
pub struct Workspace<S: Store> {
    pub(crate) store: S,
    /// Everything but the store: what the synchronous plans work with.
    pub(crate) core: Core,
}

/// The part of a workspace that is the same whatever the store: plans read it, and it is not
/// generic, so the code that uses it exists once in the wasm module.
pub(crate) struct Core {
    pub env: Box<dyn Environment>,
    /// The shipped lenses (or a test's set), framework first, each with its content once had.
    pub shipped: ShippedLenses,
    /// Parsed custom lens versions by `alias@version` (see `custom_lens::resolve`).
    pub custom_cache: RefCell<Vec<(String, Rc<CatalogLens>)>>,
}

/// A lens review's data as of now or as of a milestone.
pub(crate) struct LensState {
    /// The lens at the version the review uses.
    pub lens: Rc<CatalogLens>,
    pub workload: WorkloadDoc,
    /// The workload document's revision (`""` in a milestone).
    pub workload_rev: String,
    pub review: ReviewDoc,
    /// The review document's revision (`""` in a milestone or when never written).
    pub review_rev: String,
    pub answers: Vec<Stored<AnswerDoc>>,
    pub milestone: Option<u32>,
}

impl<S: Store> Workspace<S> {
    /// Opens a workspace over `store` with the lenses shipped with Plumbline.
    ///
    /// Records the storage layout version on first use, and refuses a store written by a
    /// newer Plumbline (its records could be misread) with `Storage(Unavailable)`.
    #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
    pub async fn open(store: S, env: impl Environment + 'static) -> Result<Self, WorkspaceError> {
        // One copy per workspace: reviews then share the lenses as custom ones (`Rc`).
        Self::open_with_lenses(store, env, crate::catalog::builtin().to_vec()).await
    }

    /// Opens a workspace over `store` that lists the shipped lenses from their metadata and
    /// gets each one's content from `source` when a call first needs it (none is needed to
    /// open, nor to list workloads or lenses). A call that needs a lens `source` does not have
    /// yet fails with `ShippedLens(NotLoaded)` naming it, and changes nothing: give the lens to
    /// the source and call again.
    pub async fn open_on_demand(
        store: S,
        env: impl Environment + 'static,
        source: LensSource,
    ) -> Result<Self, WorkspaceError> {
        Self::open_with(store, env, ShippedLenses::on_demand(source)).await
    }

    /// Opens a workspace with an explicit lens set, which must include the framework lens
    /// (`wellarchitected`). For tests; custom lenses are kept in the store instead.
    pub async fn open_with_lenses(
        store: S,
        env: impl Environment + 'static,
        lenses: Vec<CatalogLens>,
    ) -> Result<Self, WorkspaceError> {
        if !lenses.iter().any(|l| l.alias == FRAMEWORK_ALIAS) {
            return Err(WorkspaceError::validation(
                "lenses",
                format!("the lens set must include the framework lens `{FRAMEWORK_ALIAS}`"),
            ));
        }
        Self::open_with(store, env, ShippedLenses::all(lenses)).await
    }

    async fn open_with(
        store: S,
        env: impl Environment + 'static,
        shipped: ShippedLenses,
    ) -> Result<Self, WorkspaceError> {
        let workspace = Workspace {
            store,
            core: Core {
                env: Box::new(env),
                shipped,
                custom_cache: RefCell::new(Vec::new()),
            },
        };
        workspace.check_layout().await?;
        Ok(workspace)
    }

    async fn check_layout(&self) -> Result<(), WorkspaceError> {
        self.run(&mut plan_layout).await.map(drop)
    }

    /// The shipped lenses, framework first (custom lenses: [`Workspace::list_lenses`]).
    pub fn lenses(&self) -> Vec<LensSummary> {
        self.core.shipped.summaries()
    }

    /// A shipped lens with its content (custom lenses: [`Workspace::get_lens`]); `None` when
    /// `alias` is not a shipped lens, `ShippedLens` when its content cannot be had yet.
    pub fn lens(&self, alias: &str) -> Result<Option<Rc<CatalogLens>>, WorkspaceError> {
        self.core.shipped_lens(alias)
    }

    /// The underlying store (for export, sync and tests).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Closes the workspace and gives its store back (tests reopen it, as a new tab would).
    pub fn into_store(self) -> S {
        self.store
    }

    pub(crate) fn now(&self) -> String {
        iso_utc(self.core.env.now())
    }

    // The reads of the operations not yet written as plans: each is a read-only plan.

    /// The lens as workload `workload` uses it: the version its review recorded.
    pub(crate) async fn workload_lens(
        &self,
        field: &str,
        workload: &WorkloadDoc,
        alias: &str,
    ) -> Result<Rc<CatalogLens>, WorkspaceError> {
        self.query(|p| p.workload_lens(field, workload, alias))
            .await
    }

    pub(crate) async fn resolve_lens(
        &self,
        field: &str,
        alias: &str,
        version: Option<&str>,
    ) -> Result<Rc<CatalogLens>, WorkspaceError> {
        self.query(|p| p.resolve_lens(field, alias, version)).await
    }

    pub(crate) async fn load_workload(
        &self,
        id: &str,
    ) -> Result<Stored<WorkloadDoc>, WorkspaceError> {
        self.query(|p| p.workload(id)).await
    }

    /// The data of one lens review, now (`milestone: None`) or as a milestone froze it.
    pub(crate) async fn lens_state(
        &self,
        id: &str,
        alias: &str,
        milestone: Option<u32>,
    ) -> Result<LensState, WorkspaceError> {
        self.query(|p| p.lens_state(id, alias, milestone)).await
    }
}

/// Records or checks the layout, migrating older data (layout 1 → 2: the name claims).
fn plan_layout(p: &mut Planning) -> Planned {
    match p.get(keys::META_ID)? {
        Some(doc) => {
            let layout = doc.body.get("layout").and_then(|v| v.as_u64()).unwrap_or(0);
            if layout > LAYOUT {
                return Err(WorkspaceError::Storage(StoreError::Unavailable {
                    message: format!("this data was written by a newer version of Plumbline (storage layout {layout}; this version reads up to {LAYOUT}); open it with that version"),
                }).into());
            }
            if layout == LAYOUT {
                return Ok(Vec::new());
            }
            let mut meta = match doc.body {
                body @ serde_json::Value::Object(_) => body,
                _ => json!({}),
            };
            meta["layout"] = json!(LAYOUT);
            meta["migratedAt"] = json!(p.now());
            p.name_claims(Some(&doc.rev), meta)
        }
        // A new store (or one from before the meta record): claims for any workload it
        // holds, and the layout, in one commit.
        None => {
            let meta = json!({ "layout": LAYOUT, "createdAt": p.now() });
            p.name_claims(None, meta)
        }
    }
}

/// The reads every plan shares.
impl Planning<'_> {
    pub(crate) fn workload(&self, id: &str) -> Result<Stored<WorkloadDoc>, Halt> {
        keys::check_workload_id(id)?;
        match self.get(&keys::workload(id))? {
            Some(doc) => Ok(Stored::decode(doc)?),
            None => {
                Err(WorkspaceError::not_found(format!("workload `{id}` does not exist")).into())
            }
        }
    }

    /// A workload, or else a review template (stored in the workload's shape): the answer,
    /// notes and lens plans serve both.
    pub(crate) fn owner(&self, id: &str) -> Result<Stored<WorkloadDoc>, Halt> {
        match self.workload(id) {
            Err(Halt::Failed(WorkspaceError::NotFound { .. })) => match self.template(id)? {
                Some(doc) => Ok(doc),
                None => {
                    Err(WorkspaceError::not_found(format!("workload `{id}` does not exist")).into())
                }
            },
            other => other,
        }
    }

    /// The review template `id`, `None` when absent.
    pub(crate) fn template(&self, id: &str) -> Result<Option<Stored<WorkloadDoc>>, Halt> {
        keys::check_workload_id(id)?;
        match self.get(&keys::template(id))? {
            Some(doc) => Ok(Some(Stored::decode(doc)?)),
            None => Ok(None),
        }
    }

    /// Every document under `prefix`, read as `T`; `Corrupted` when one does not read.
    pub(crate) fn all<T: DeserializeOwned>(&self, prefix: &str) -> Result<Vec<Stored<T>>, Halt> {
        self.list(prefix)?
            .into_iter()
            .map(|d| Stored::decode(d).map_err(Halt::from))
            .collect()
    }

    /// Every workload's listing fields, and the damaged workload records apart: the list and
    /// the dashboard. Decoded straight from the store's one text of the records when it has
    /// one ([`Planning::typed`]); only for this type, as each type decoded from text is its
    /// own serde form in the wasm (20 KiB gzip for all of the listings' types).
    pub(crate) fn workload_listings(
        &self,
    ) -> Result<(Vec<Stored<WorkloadListing>>, Vec<DamagedRecord>), Halt> {
        if let Some(documents) = self.typed::<WorkloadListing>(keys::WORKLOAD_PREFIX)? {
            let readable = documents.into_iter().map(Stored::from).collect();
            return Ok((readable, Vec::new()));
        }
        self.readable(keys::WORKLOAD_PREFIX)
    }

    /// The documents under `prefix` that read as `T`, and the damaged ones apart.
    pub(crate) fn readable<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<(Vec<Stored<T>>, Vec<DamagedRecord>), Halt> {
        let mut readable = Vec::new();
        let mut damaged = Vec::new();
        let listing = self.listing(prefix)?;
        if listing.damage.is_none() {
            // Every record read as a document: decode each from one copy. Going through `raw_list`
            // copied every body twice more (into `{rev, body}` and back out), which made the
            // list and dashboard of 1,000 workloads 40-75 % slower. Decoding from a borrowed
            // body would save that copy too, but costs 13 KiB of wasm (a second serde form).
            for doc in &listing.documents {
                match Stored::decode(doc.clone()) {
                    Ok(doc) => readable.push(doc),
                    Err(e) => damaged.push(DamagedRecord::new(&doc.id, corruption(e))),
                }
            }
            return Ok((readable, damaged));
        }
        for raw in self.raw_list(prefix)? {
            match decode_raw(&raw) {
                Ok(doc) => readable.push(doc),
                Err(message) => damaged.push(DamagedRecord::new(&raw.id, message)),
            }
        }
        Ok((readable, damaged))
    }

    pub(crate) fn milestone(&self, id: &str, number: u32) -> Result<MilestoneDoc, Halt> {
        keys::check_workload_id(id)?;
        match self.get(&keys::milestone(id, number))? {
            Some(doc) => Ok(Stored::decode(doc)?.body),
            None => {
                // Tell a missing workload apart from a missing milestone.
                self.workload(id)?;
                Err(
                    WorkspaceError::not_found(format!("workload `{id}` has no milestone {number}"))
                        .into(),
                )
            }
        }
    }

    /// The data of one lens review, now (`milestone: None`) or as a milestone froze it.
    pub(crate) fn lens_state(
        &self,
        id: &str,
        alias: &str,
        milestone: Option<u32>,
    ) -> Result<LensState, Halt> {
        self.core.check_lens_alias("lensAlias", alias)?;
        if let Some(n) = milestone {
            let m = self.milestone(id, n)?;
            check_applied(&m.workload, alias, id)?;
            // The version the milestone froze, even when newer ones were published since.
            let lens = self.workload_lens("lensAlias", &m.workload, alias)?;
            return Ok(LensState::frozen(lens, id, &m));
        }
        let Stored {
            body: workload,
            rev: workload_rev,
            ..
        } = self.owner(id)?;
        check_applied(&workload, alias, id)?;
        let lens = self.workload_lens("lensAlias", &workload, alias)?;
        let (review, review_rev) = match self.get(&keys::review(id, alias))? {
            Some(doc) => {
                let s = Stored::<ReviewDoc>::decode(doc)?;
                (s.body, s.rev)
            }
            // Not written yet (or lost): an empty review as of the workload's last change.
            None => (ReviewDoc::new(&lens, &workload.updated_at), String::new()),
        };
        let answers = self.all(&keys::answers_of_lens(id, alias))?;
        Ok(LensState {
            lens,
            workload,
            workload_rev,
            review,
            review_rev,
            answers,
            milestone: None,
        })
    }
}

impl LensState {
    /// The state of `lens`'s review as milestone `m` of workload `id` froze it.
    pub(crate) fn frozen(lens: Rc<CatalogLens>, id: &str, m: &MilestoneDoc) -> Self {
        let review = m
            .reviews
            .iter()
            .find(|r| r.lens_alias == lens.alias)
            .cloned()
            .unwrap_or_else(|| ReviewDoc::new(&lens, &m.recorded_at));
        let answers = m
            .answers
            .iter()
            .filter(|a| a.lens_alias == lens.alias)
            .map(|a| Stored {
                id: keys::answer(id, &lens.alias, &a.answer.question_id),
                rev: String::new(),
                body: a.clone(),
            })
            .collect();
        LensState {
            lens,
            workload: m.workload.clone(),
            workload_rev: String::new(),
            review,
            review_rev: String::new(),
            answers,
            milestone: Some(m.milestone_number),
        }
    }
}

fn check_applied(workload: &WorkloadDoc, alias: &str, id: &str) -> Result<(), WorkspaceError> {
    if workload.lenses.iter().any(|l| l == alias) {
        Ok(())
    } else {
        Err(not_applied(id, alias))
    }
}

/// The lens is known but not applied to the workload (or was not when a milestone was made).
pub(crate) fn not_applied(id: &str, alias: &str) -> WorkspaceError {
    WorkspaceError::not_found(format!(
        "lens `{alias}` is not applied to workload `{id}`, so it has no review of it"
    ))
}

/// The question `question_id` of `lens` with its pillar, or a validation error naming it.
pub(crate) fn find_question<'a>(
    lens: &'a CatalogLens,
    question_id: &str,
) -> Result<(&'a Pillar, &'a Question), WorkspaceError> {
    lens.lens
        .pillars
        .iter()
        .find_map(|p| {
            p.questions
                .iter()
                .find(|q| q.id == question_id)
                .map(|q| (p, q))
        })
        .ok_or_else(|| {
            WorkspaceError::validation(
                "questionId",
                format!("`{question_id}` is not a question of lens `{}`", lens.alias),
            )
        })
}

/// A raw record read as `T`, or why it does not read.
pub(crate) fn decode_raw<T: DeserializeOwned>(raw: &RawRecord) -> Result<Stored<T>, String> {
    let doc = raw
        .document()
        .ok_or("the record is not {rev: string, body}")?;
    Stored::decode(doc).map_err(corruption)
}

/// What a damaged record's report says: the decoder's message.
fn corruption(e: WorkspaceError) -> String {
    match e {
        WorkspaceError::Storage(StoreError::Corrupted { message, .. }) => message,
        other => other.to_string(),
    }
}

/// The write that stores `doc` over the revision it was read at.
pub(crate) fn workload_write(doc: &Stored<WorkloadDoc>) -> Write {
    Write {
        id: doc.id.clone(),
        expected_rev: Some(doc.rev.clone()),
        body: Some(to_body(&doc.body)),
    }
}

/// A caller's `expectedRevision` must be the current revision (`""`: never written).
pub(crate) fn check_expected(
    what: &str,
    expected: Option<&str>,
    current: &str,
) -> Result<(), WorkspaceError> {
    match expected {
        Some(e) if e != current => Err(WorkspaceError::conflict(format!(
            "the {what} was changed since it was read (revision `{e}` was read, it is now `{}`), \
             by another writer using the same storage (another tab, window or program) or by an \
             earlier call; reload it and try again",
            if current.is_empty() { "none" } else { current }
        ))),
        _ => Ok(()),
    }
}
