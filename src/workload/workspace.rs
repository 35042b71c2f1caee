//! The [`Workspace`]: workloads, lens reviews, answers and milestones kept in a [`Store`].
//!
//! Every change is one atomic `Store::commit`. A change reads what it needs, plans all its
//! writes (each naming the revision it read) and commits them together; when another writer
//! got in between, the store refuses the commit with a conflict, and the change is planned
//! again from fresh reads. A caller's own `expectedRevision` is checked while planning, so a
//! stale one is reported as `Conflict` and never retried away.
//!
//! The operations live in `ops/`, one file per area; this file holds what they share.

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde_json::json;

use super::damage::DamagedRecord;
use super::env::Environment;
use super::error::WorkspaceError;
use super::keys;
use super::record::{to_body, AnswerDoc, MilestoneDoc, ReviewDoc, Stored, WorkloadDoc};
use super::time::iso_utc;
use crate::catalog::{CatalogLens, LensSummary, FRAMEWORK_ALIAS};
use crate::lens::model::{Pillar, Question};
use crate::store::{RawRecord, Store, StoreError, Write};

/// How many times a change is planned again after losing a race to another writer.
pub(crate) const ATTEMPTS: usize = 5;

/// The storage layout this code writes (recorded in `meta/plumbline`).
/// - 1: workloads, reviews, answers, milestones (see `keys`).
/// - 2: plus a claim per workload name (`name/{nameKey}`); opening layout-1 data creates them.
const LAYOUT: u64 = 2;

/// The workspace: one per store. Not `Send`, like the stores (the browser has one thread).
pub struct Workspace<S: Store> {
    pub(crate) store: S,
    pub(crate) env: Box<dyn Environment>,
    /// The shipped lenses (or a test's set), framework first.
    pub(crate) lenses: Vec<Rc<CatalogLens>>,
    /// Parsed custom lens versions by `alias@version` (see `custom_lens::resolve`).
    pub(crate) custom_cache: RefCell<Vec<(String, Rc<CatalogLens>)>>,
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
        Self::open_with(store, env, crate::catalog::builtin().to_vec()).await
    }

    /// Opens a workspace with an explicit lens set, which must include the framework lens
    /// (`wellarchitected`). For tests; custom lenses are kept in the store instead.
    pub async fn open_with_lenses(
        store: S,
        env: impl Environment + 'static,
        lenses: Vec<CatalogLens>,
    ) -> Result<Self, WorkspaceError> {
        Self::open_with(store, env, lenses).await
    }

    async fn open_with(
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
        let workspace = Workspace {
            store,
            env: Box::new(env),
            lenses: lenses.into_iter().map(Rc::new).collect(),
            custom_cache: RefCell::new(Vec::new()),
        };
        workspace.check_layout().await?;
        Ok(workspace)
    }

    async fn check_layout(&self) -> Result<(), WorkspaceError> {
        for _ in 0..ATTEMPTS {
            if self.layout_is_current().await? {
                return Ok(());
            }
        }
        Err(gave_up())
    }

    /// Records or checks the layout, migrating older data; `Ok(false)`: another tab wrote the
    /// meta record meanwhile, look again.
    async fn layout_is_current(&self) -> Result<bool, WorkspaceError> {
        match self.store.get(keys::META_ID).await? {
            Some(doc) => {
                let layout = doc.body.get("layout").and_then(|v| v.as_u64()).unwrap_or(0);
                if layout > LAYOUT {
                    return Err(WorkspaceError::Storage(StoreError::Unavailable {
                        message: format!("this data was written by a newer version of Plumbline (storage layout {layout}; this version reads up to {LAYOUT}); open it with that version"),
                    }));
                }
                if layout == LAYOUT {
                    return Ok(true);
                }
                let mut meta = match doc.body {
                    body @ serde_json::Value::Object(_) => body,
                    _ => json!({}),
                };
                meta["layout"] = json!(LAYOUT);
                meta["migratedAt"] = json!(self.now());
                self.create_name_claims(Some(&doc.rev), meta).await
            }
            // A new store (or one from before the meta record): claims for any workload it
            // holds, and the layout, in one commit.
            None => {
                let meta = json!({ "layout": LAYOUT, "createdAt": self.now() });
                self.create_name_claims(None, meta).await
            }
        }
    }

    /// The shipped lenses, framework first (custom lenses: [`Workspace::list_lenses`]).
    pub fn lenses(&self) -> Vec<LensSummary> {
        self.lenses.iter().map(|l| l.summary()).collect()
    }

    /// A shipped lens with its content (custom lenses: [`Workspace::get_lens`]).
    pub fn lens(&self, alias: &str) -> Option<&CatalogLens> {
        self.lenses.iter().find(|l| l.alias == alias).map(|l| &**l)
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
        iso_utc(self.env.now())
    }

    /// A lens to apply now: a shipped lens, or a custom lens's latest published version.
    pub(crate) async fn catalog_lens(
        &self,
        field: &str,
        alias: &str,
    ) -> Result<Rc<CatalogLens>, WorkspaceError> {
        self.resolve_lens(field, alias, None).await
    }

    /// Pillar ids of the given lenses, in order, each once; custom lenses at the version
    /// `workload` uses (the latest for a workload being defined). Unknown lenses add nothing.
    pub(crate) async fn pillars_of(
        &self,
        aliases: &[String],
        workload: Option<&WorkloadDoc>,
    ) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for alias in aliases {
            let lens = match workload {
                Some(w) => self.workload_lens("lenses", w, alias).await,
                None => self.catalog_lens("lenses", alias).await,
            };
            let Ok(lens) = lens else { continue };
            for p in &lens.lens.pillars {
                if !ids.contains(&p.id) {
                    ids.push(p.id.clone());
                }
            }
        }
        ids
    }

    /// Drops the pillar priorities that name a pillar no applied lens has (at the versions
    /// `workload` uses): they would order nothing.
    pub(crate) async fn prune_pillar_priorities(&self, workload: &mut WorkloadDoc) {
        let known = self.pillars_of(&workload.lenses, Some(workload)).await;
        workload
            .properties
            .pillar_priorities
            .retain(|p| known.contains(p));
    }

    pub(crate) async fn load_workload(
        &self,
        id: &str,
    ) -> Result<Stored<WorkloadDoc>, WorkspaceError> {
        keys::check_workload_id(id)?;
        match self.store.get(&keys::workload(id)).await? {
            Some(doc) => Stored::decode(doc),
            None => Err(WorkspaceError::not_found(format!(
                "workload `{id}` does not exist"
            ))),
        }
    }

    pub(crate) async fn load_all<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<Stored<T>>, WorkspaceError> {
        Ok(self
            .store
            .list_as::<T>(prefix)
            .await?
            .into_iter()
            .map(|d| Stored {
                id: d.id,
                rev: d.rev,
                body: d.body,
            })
            .collect())
    }

    /// The documents under `prefix` that read as `T`, and the damaged ones apart. The fast
    /// listing is tried first; only when it meets a damaged record are records read one by one.
    pub(crate) async fn load_readable<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<(Vec<Stored<T>>, Vec<DamagedRecord>), WorkspaceError> {
        match self.load_all(prefix).await {
            Ok(docs) => return Ok((docs, Vec::new())),
            Err(WorkspaceError::Storage(StoreError::Corrupted { .. })) => {}
            Err(e) => return Err(e),
        }
        let mut readable = Vec::new();
        let mut damaged = Vec::new();
        for raw in self.store.list_raw(prefix).await? {
            match decode_raw(&raw) {
                Ok(doc) => readable.push(doc),
                Err(message) => damaged.push(DamagedRecord::new(&raw.id, message)),
            }
        }
        Ok((readable, damaged))
    }

    /// One record as stored, damaged or not.
    pub(crate) async fn raw_record(&self, id: &str) -> Result<Option<RawRecord>, WorkspaceError> {
        Ok(self
            .store
            .list_raw(id)
            .await?
            .into_iter()
            .find(|r| r.id == id))
    }

    pub(crate) async fn load_milestone(
        &self,
        id: &str,
        number: u32,
    ) -> Result<MilestoneDoc, WorkspaceError> {
        keys::check_workload_id(id)?;
        match self.store.get(&keys::milestone(id, number)).await? {
            Some(doc) => Ok(Stored::decode(doc)?.body),
            None => {
                // Tell a missing workload apart from a missing milestone.
                self.load_workload(id).await?;
                Err(WorkspaceError::not_found(format!(
                    "workload `{id}` has no milestone {number}"
                )))
            }
        }
    }

    /// Commits `writes`; `Ok(None)` when another writer made the plan stale (plan again).
    pub(crate) async fn try_commit(
        &self,
        writes: Vec<Write>,
    ) -> Result<Option<Vec<String>>, WorkspaceError> {
        match self.store.commit(writes).await {
            Ok(revs) => Ok(Some(revs)),
            Err(StoreError::Conflict { .. }) => Ok(None),
            Err(e) => Err(WorkspaceError::Storage(e)),
        }
    }

    /// The data of one lens review, now (`milestone: None`) or as a milestone froze it.
    pub(crate) async fn lens_state(
        &self,
        id: &str,
        alias: &str,
        milestone: Option<u32>,
    ) -> Result<LensState, WorkspaceError> {
        self.check_lens_alias("lensAlias", alias)?;
        if let Some(n) = milestone {
            let m = self.load_milestone(id, n).await?;
            check_applied(&m.workload, alias, id)?;
            // The version the milestone froze, even when newer ones were published since.
            let lens = self.workload_lens("lensAlias", &m.workload, alias).await?;
            return Ok(LensState::frozen(lens, id, &m));
        }
        let Stored {
            body: workload,
            rev: workload_rev,
            ..
        } = self.load_workload(id).await?;
        check_applied(&workload, alias, id)?;
        let lens = self.workload_lens("lensAlias", &workload, alias).await?;
        let (review, review_rev) = match self.store.get(&keys::review(id, alias)).await? {
            Some(doc) => {
                let s = Stored::<ReviewDoc>::decode(doc)?;
                (s.body, s.rev)
            }
            // Not written yet (or lost): an empty review as of the workload's last change.
            None => (ReviewDoc::new(&lens, &workload.updated_at), String::new()),
        };
        let answers = self.load_all(&keys::answers_of_lens(id, alias)).await?;
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
    match Stored::decode(doc) {
        Ok(doc) => Ok(doc),
        Err(e) => Err(match e {
            WorkspaceError::Storage(StoreError::Corrupted { message, .. }) => message,
            other => other.to_string(),
        }),
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
