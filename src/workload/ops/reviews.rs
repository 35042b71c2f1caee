//! Lens reviews (counts per pillar, lens and pillar notes) and their improvement plans.

use super::backlog::backlog_plan;
use crate::catalog::CatalogLens;
use crate::review::PlanOptions;
use crate::store::{Store, Write};
use crate::workload::backlog::BacklogItem;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::lens_review::{self, LensReview, LensReviewUpdate};
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::to_body;
use crate::workload::summary::summarize;
use crate::workload::validate;
use crate::workload::workspace::{check_expected, LensState, Workspace};

impl<S: Store> Workspace<S> {
    /// The lens review with risk counts per pillar, now or in milestone `milestone`.
    pub async fn get_lens_review(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
    ) -> Result<LensReview, WorkspaceError> {
        self.perform(get_lens_review(id.into(), lens_alias.into(), milestone))
            .await
    }

    /// Writes lens notes and/or pillar notes.
    pub async fn update_lens_review(
        &self,
        id: &str,
        lens_alias: &str,
        update: LensReviewUpdate,
    ) -> Result<LensReview, WorkspaceError> {
        self.perform(update_lens_review(id.into(), lens_alias.into(), update))
            .await
    }

    /// The improvement plan of a lens review (see [`improvement_plan`]).
    pub async fn improvement_plan(
        &self,
        id: &str,
        lens_alias: &str,
        options: PlanOptions,
        milestone: Option<u32>,
    ) -> Result<Vec<BacklogItem>, WorkspaceError> {
        let op = improvement_plan(id.into(), lens_alias.into(), options, milestone);
        self.perform(op).await
    }
}

pub(crate) fn get_lens_review(
    id: String,
    lens_alias: String,
    milestone: Option<u32>,
) -> impl Operation<Output = LensReview> {
    query(move |p| {
        let state = p.lens_state(&id, &lens_alias, milestone)?;
        let mut review = review_of(&state);
        p.set_latest(&mut review)?;
        Ok(review)
    })
}

pub(crate) fn update_lens_review(
    id: String,
    lens_alias: String,
    update: LensReviewUpdate,
) -> impl Operation<Output = LensReview> {
    change(
        move |p| {
            p.core.check_lens_alias("lensAlias", &lens_alias)?;
            // A shipped lens's pillars are known before any read (custom lenses: in the plan).
            if let Some(lens) = p.core.shipped_lens(&lens_alias)? {
                check_notes(&lens, &lens_alias, &update)?;
            }
            plan_notes(p, &id, &lens_alias, &update)
        },
        |mut review: LensReview, mut revs| {
            review.revision = revs.swap_remove(0);
            Ok(review)
        },
    )
}

/// The improvement plan of a lens review, each item with its backlog fields, and the
/// resolved items after it (see [`backlog_plan`]). When `options.pillar_priority` is empty
/// the workload's own `pillarPriorities` order it (the frozen ones, for a milestone).
pub(crate) fn improvement_plan(
    id: String,
    lens_alias: String,
    mut options: PlanOptions,
    milestone: Option<u32>,
) -> impl Operation<Output = Vec<BacklogItem>> {
    query(move |p| {
        let state = p.lens_state(&id, &lens_alias, milestone)?;
        if options.pillar_priority.is_empty() {
            options.pillar_priority = state.workload.properties.pillar_priorities.clone();
        }
        Ok(backlog_plan(&state.lens.lens, &state.answers, &options))
    })
}

/// The review with its new notes and the workload (its "last updated" moves, and its revision
/// orders this change against concurrent answer updates); the review as the caller sees it.
pub(crate) fn plan_notes(
    p: &mut Planning,
    id: &str,
    lens_alias: &str,
    update: &LensReviewUpdate,
) -> Result<(Vec<Write>, LensReview), Halt> {
    let mut state = p.lens_state(id, lens_alias, None)?;
    check_notes(&state.lens, lens_alias, update)?;
    check_expected(
        "lens review",
        update.expected_revision.as_deref(),
        &state.review_rev,
    )?;
    let now = p.now();
    if let Some(notes) = &update.lens_notes {
        state.review.notes = (!notes.is_empty()).then(|| notes.clone());
    }
    for (pillar_id, notes) in update.pillar_notes.iter().flatten() {
        if notes.is_empty() {
            state.review.pillar_notes.remove(pillar_id);
        } else {
            state
                .review
                .pillar_notes
                .insert(pillar_id.clone(), notes.clone());
        }
    }
    state.review.updated_at = now.clone();
    state.workload.updated_at = now;
    state.workload.bump_template();
    let writes = vec![
        Write {
            id: keys::review(id, lens_alias),
            expected_rev: (!state.review_rev.is_empty()).then(|| state.review_rev.clone()),
            body: Some(to_body(&state.review)),
        },
        Write {
            id: state.workload.key(),
            expected_rev: Some(state.workload_rev.clone()),
            body: Some(to_body(&state.workload)),
        },
    ];
    let mut review = review_of(&state);
    p.set_latest(&mut review)?;
    Ok((writes, review))
}

impl Planning<'_> {
    /// Fills in `latest_lens_version`: a custom lens's latest published version (one small
    /// read: another tab may have published since).
    pub(crate) fn set_latest(&self, review: &mut LensReview) -> Result<(), Halt> {
        if !keys::is_custom_alias(&review.lens_alias) {
            return Ok(());
        }
        if let Some(meta) = self.custom_lens_doc(&review.lens_alias)? {
            if let Some(latest) = meta.body.latest() {
                review.latest_lens_version = latest.lens_version.clone();
            }
        }
        Ok(())
    }
}

/// Lens notes and pillar notes: known pillars, within the length limit.
fn check_notes(
    lens: &CatalogLens,
    lens_alias: &str,
    update: &LensReviewUpdate,
) -> Result<(), WorkspaceError> {
    if let Some(notes) = &update.lens_notes {
        validate::notes("lensNotes", notes)?;
    }
    for (pillar_id, notes) in update.pillar_notes.iter().flatten() {
        if !lens.lens.pillars.iter().any(|p| &p.id == pillar_id) {
            return Err(WorkspaceError::validation(
                "pillarNotes",
                format!("`{pillar_id}` is not a pillar of lens `{lens_alias}`"),
            ));
        }
        validate::notes("pillarNotes", notes)?;
    }
    Ok(())
}

/// The review of a lens state, evaluated from its answers.
pub(crate) fn review_of(state: &LensState) -> LensReview {
    let answers: Vec<_> = state
        .answers
        .iter()
        .map(|a| a.body.answer.to_answer())
        .collect();
    let summary = summarize(&state.lens, &answers);
    lens_review::build(
        &state.lens,
        &state.review,
        &summary,
        state.milestone,
        &state.review_rev,
    )
}
