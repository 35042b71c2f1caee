//! Moving a workload's review of a custom lens to the lens's latest published version
//! (AWS `UpgradeLensReview`).
//!
//! What happens to the review, in one commit with the workload's derived counts:
//! - answers to questions the new version keeps stay, re-read against the new question: choices
//!   it no longer has leave the selection (and their notes and waivers go with them), and the
//!   answer moves to the question's pillar in the new version;
//! - answers to questions the new version no longer has stay **in storage, not counted**:
//!   evaluation reads only the version's questions, so they no longer count in any risk,
//!   count, plan or export; a later version that brings the question back (same id) finds
//!   the answer again, as re-applying a removed lens does;
//! - lens notes and pillar notes stay (pillars the version lacks are simply not shown);
//! - pillar priorities naming a pillar no applied lens has any more are dropped;
//! - milestones keep the version they froze.

use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::lens_review::LensReview;
use crate::workload::operation::{change, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, ReviewDoc, Stored};
use crate::workload::summary::summarize;
use crate::workload::workspace::{not_applied, workload_write, LensState, Workspace};

use super::reviews::review_of;

const FIELD: &str = "lensAlias";

impl<S: Store> Workspace<S> {
    /// Moves the workload's review of custom lens `lens_alias` to the lens's latest published
    /// version and returns the review at that version (see [`upgrade_lens_review`]).
    pub async fn upgrade_lens_review(
        &self,
        id: &str,
        lens_alias: &str,
    ) -> Result<LensReview, WorkspaceError> {
        self.perform(upgrade_lens_review(id.into(), lens_alias.into()))
            .await
    }
}

/// A shipped lens (one version), or a review already on the latest version, is a
/// `Validation` error on `lensAlias` and nothing is written.
pub(crate) fn upgrade_lens_review(
    id: String,
    lens_alias: String,
) -> impl Operation<Output = LensReview> {
    change(
        move |p| {
            if p.core.shipped.is_shipped(&lens_alias) {
                return Err(WorkspaceError::validation(
                    FIELD,
                    format!("`{lens_alias}` is a lens shipped with Plumbline: it has one version, which every workload uses; only custom lenses are upgraded"),
                )
                .into());
            }
            p.core.check_lens_alias(FIELD, &lens_alias)?;
            plan_upgrade(p, &id, &lens_alias)
        },
        |mut state: LensState, revs| {
            state.workload_rev = revs[0].clone();
            state.review_rev = revs[1].clone();
            let mut out = review_of(&state);
            out.latest_lens_version = state.lens.version.clone();
            Ok(out)
        },
    )
}

/// The workload (first), the review at the new version, and the answers it re-reads; the
/// lens state after the change (revisions left empty: the commit gives them).
pub(crate) fn plan_upgrade(
    p: &mut Planning,
    id: &str,
    lens_alias: &str,
) -> Result<(Vec<Write>, LensState), Halt> {
    let mut doc = p.workload(id)?;
    if !doc.body.lenses.iter().any(|l| l == lens_alias) {
        return Err(not_applied(id, lens_alias).into());
    }
    let current = doc
        .body
        .lens_summaries
        .get(lens_alias)
        .map(|s| s.lens_version.clone())
        .unwrap_or_default();
    // Read fresh each attempt: another tab may have published meanwhile.
    let lens = p.catalog_lens(FIELD, lens_alias)?;
    if current == lens.version {
        return Err(WorkspaceError::validation(
            FIELD,
            format!(
                "this workload already uses version `{current}` of lens `{}`, its latest published version",
                lens.name
            ),
        )
        .into());
    }
    let now = p.now();

    let review_id = keys::review(id, lens_alias);
    let (mut review, review_rev) = match p.get(&review_id)? {
        Some(d) => {
            let s = Stored::<ReviewDoc>::decode(d)?;
            (s.body, Some(s.rev))
        }
        None => (ReviewDoc::new(&lens, &now), None),
    };
    review.lens_version = lens.version.clone();
    review.updated_at = now.clone();

    let mut answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of_lens(id, lens_alias))?;
    let mut answer_writes = Vec::new();
    for stored in &mut answers {
        let answer = stored.body.answer.to_answer();
        let Some((pillar, question)) = lens.lens.pillars.iter().find_map(|p| {
            p.questions
                .iter()
                .find(|q| q.id == answer.question_id)
                .map(|q| (p, q))
        }) else {
            continue; // kept, not counted (see the module comment)
        };
        let mut upgraded = answer.clone();
        upgraded.pillar_id = Some(pillar.id.clone());
        upgraded.normalise(question);
        if upgraded == answer {
            continue;
        }
        stored.body.answer = upgraded.into();
        stored.body.updated_at = now.clone();
        answer_writes.push(Write {
            id: stored.id.clone(),
            expected_rev: Some(stored.rev.clone()),
            body: Some(to_body(&stored.body)),
        });
    }

    let all: Vec<_> = answers.iter().map(|a| a.body.answer.to_answer()).collect();
    doc.body
        .lens_summaries
        .insert(lens_alias.to_string(), summarize(&lens, &all));
    // Pillars are read at the versions the workload now uses.
    let known = p.pillars_of(&doc.body.lenses, Some(&doc.body))?;
    doc.body.retain_pillar_priorities(&known);
    doc.body.refresh_totals();
    doc.body.updated_at = now;

    let mut writes = vec![
        workload_write(&doc),
        Write {
            id: review_id,
            expected_rev: review_rev,
            body: Some(to_body(&review)),
        },
    ];
    writes.extend(answer_writes);
    let state = LensState {
        lens,
        workload: doc.body,
        workload_rev: String::new(),
        review,
        review_rev: String::new(),
        answers,
        milestone: None,
    };
    Ok((writes, state))
}
