//! Applying lenses to a workload and removing them.
//!
//! Removing a lens keeps its review record (marked not associated) and its answers, so adding
//! it back restores everything, as in AWS. The framework lens can never be removed.

use crate::catalog::FRAMEWORK_ALIAS;
use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::model::Workload;
use crate::workload::operation::{workload_change, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, ReviewDoc, Stored, WorkloadDoc};
use crate::workload::summary::summarize;
use crate::workload::validate::MAX_LENSES;
use crate::workload::workspace::{workload_write, Workspace};

const FIELD: &str = "lensAliases";

impl<S: Store> Workspace<S> {
    /// Applies lenses; already applied ones are left as they are. At most 20 per workload.
    pub async fn associate_lenses(
        &self,
        id: &str,
        aliases: &[String],
    ) -> Result<Workload, WorkspaceError> {
        self.perform(associate_lenses(id.to_string(), aliases.to_vec()))
            .await
    }

    /// Removes lenses, keeping their answers and notes for a later re-association.
    pub async fn disassociate_lenses(
        &self,
        id: &str,
        aliases: &[String],
    ) -> Result<Workload, WorkspaceError> {
        self.perform(disassociate_lenses(id.to_string(), aliases.to_vec()))
            .await
    }
}

pub(crate) fn associate_lenses(
    id: String,
    aliases: Vec<String>,
) -> impl Operation<Output = Workload> {
    workload_change(move |p| {
        check_not_empty(&aliases)?;
        plan_associate(p, &id, &aliases)
    })
}

pub(crate) fn disassociate_lenses(
    id: String,
    aliases: Vec<String>,
) -> impl Operation<Output = Workload> {
    workload_change(move |p| {
        check_not_empty(&aliases)?;
        if aliases.iter().any(|a| a == FRAMEWORK_ALIAS) {
            return Err(WorkspaceError::validation(
                FIELD,
                format!("the framework lens `{FRAMEWORK_ALIAS}` is applied to every workload and cannot be removed"),
            )
            .into());
        }
        plan_disassociate(p, &id, &aliases)
    })
}

/// The workload (first) and the reviews of the lenses applied, or nothing when every lens
/// was applied already.
pub(crate) fn plan_associate(
    p: &mut Planning,
    id: &str,
    aliases: &[String],
) -> Result<(Vec<Write>, Stored<WorkloadDoc>), Halt> {
    // Every alias must name a lens that can be applied now (a custom lens: published).
    let mut resolved = Vec::with_capacity(aliases.len());
    for alias in aliases {
        resolved.push(p.catalog_lens(FIELD, alias)?);
    }
    let mut doc = p.owner(id)?;
    let mut added: Vec<&String> = Vec::new();
    for alias in aliases {
        if !doc.body.lenses.contains(alias) && !added.contains(&alias) {
            added.push(alias);
        }
    }
    let total = doc.body.lenses.len() + added.len();
    if total > MAX_LENSES {
        return Err(WorkspaceError::validation(
            FIELD,
            format!("a workload has at most {MAX_LENSES} lenses; this would make {total}"),
        )
        .into());
    }
    let now = p.now();
    let mut writes = Vec::new();
    for alias in added {
        let lens = resolved
            .iter()
            .find(|l| &l.alias == alias)
            .expect("every alias was resolved above");
        let review_id = keys::review(id, alias);
        let (review, expected_rev) = match p.get(&review_id)? {
            Some(d) => {
                let mut s = Stored::<ReviewDoc>::decode(d)?;
                s.body.associated = true;
                // Applied again: at the version applied now, as its summary below.
                s.body.lens_version = lens.version.clone();
                s.body.updated_at = now.clone();
                (s.body, Some(s.rev))
            }
            None => (ReviewDoc::new(lens, &now), None),
        };
        // Answers kept from an earlier association count again at once.
        let answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of_lens(id, alias))?;
        let answers: Vec<_> = answers
            .into_iter()
            .map(|a| a.body.answer.to_answer())
            .collect();
        doc.body
            .lens_summaries
            .insert(alias.clone(), summarize(lens, &answers));
        doc.body.lenses.push(alias.clone());
        writes.push(Write {
            id: review_id,
            expected_rev,
            body: Some(to_body(&review)),
        });
    }
    if writes.is_empty() {
        return Ok((writes, doc));
    }
    doc.body.refresh_totals();
    doc.body.updated_at = now;
    doc.body.bump_template();
    writes.insert(0, workload_write(&doc));
    Ok((writes, doc))
}

/// The workload (first) without the lenses, and their reviews marked not associated.
pub(crate) fn plan_disassociate(
    p: &mut Planning,
    id: &str,
    aliases: &[String],
) -> Result<(Vec<Write>, Stored<WorkloadDoc>), Halt> {
    let mut doc = p.owner(id)?;
    if let Some(alias) = aliases.iter().find(|a| !doc.body.lenses.contains(a)) {
        return Err(WorkspaceError::validation(
            FIELD,
            format!(
                "`{alias}` is not applied to this workload (applied: {})",
                doc.body.lenses.join(", ")
            ),
        )
        .into());
    }
    let now = p.now();
    let mut writes = Vec::new();
    for alias in aliases {
        doc.body.lenses.retain(|l| l != alias);
        doc.body.lens_summaries.remove(alias);
        let review_id = keys::review(id, alias);
        if let Some(d) = p.get(&review_id)? {
            let mut s = Stored::<ReviewDoc>::decode(d)?;
            if s.body.associated {
                s.body.associated = false;
                s.body.updated_at = now.clone();
                writes.push(Write {
                    id: review_id,
                    expected_rev: Some(s.rev),
                    body: Some(to_body(&s.body)),
                });
            }
        }
    }
    let known = p.pillars_of(&doc.body.lenses, Some(&doc.body))?;
    doc.body.retain_pillar_priorities(&known);
    doc.body.refresh_totals();
    doc.body.updated_at = now;
    doc.body.bump_template();
    writes.insert(0, workload_write(&doc));
    Ok((writes, doc))
}

fn check_not_empty(aliases: &[String]) -> Result<(), WorkspaceError> {
    if aliases.is_empty() {
        return Err(WorkspaceError::validation(
            FIELD,
            "name at least one lens alias",
        ));
    }
    Ok(())
}
