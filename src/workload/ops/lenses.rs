//! Applying lenses to a workload and removing them.
//!
//! Removing a lens keeps its review record (marked not associated) and its answers, so adding
//! it back restores everything, as in AWS. The framework lens can never be removed.

use crate::catalog::FRAMEWORK_ALIAS;
use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::model::Workload;
use crate::workload::record::{to_body, AnswerDoc, ReviewDoc, Stored};
use crate::workload::summary::summarize;
use crate::workload::validate::MAX_LENSES;
use crate::workload::workspace::{gave_up, workload_write, Workspace, ATTEMPTS};

const FIELD: &str = "lensAliases";

impl<S: Store> Workspace<S> {
    /// Applies lenses; already applied ones are left as they are. At most 20 per workload.
    pub async fn associate_lenses(
        &self,
        id: &str,
        aliases: &[String],
    ) -> Result<Workload, WorkspaceError> {
        check_not_empty(aliases)?;
        // Every alias must name a lens that can be applied now (a custom lens: published).
        let mut resolved = Vec::with_capacity(aliases.len());
        for alias in aliases {
            resolved.push(self.catalog_lens(FIELD, alias).await?);
        }
        for _ in 0..ATTEMPTS {
            let mut doc = self.load_workload(id).await?;
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
                ));
            }
            let now = self.now();
            let mut writes = Vec::new();
            for alias in added {
                let lens = resolved
                    .iter()
                    .find(|l| &l.alias == alias)
                    .expect("every alias was resolved above");
                let review_id = keys::review(id, alias);
                let (review, expected_rev) = match self.store.get(&review_id).await? {
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
                let answers: Vec<Stored<AnswerDoc>> =
                    self.load_all(&keys::answers_of_lens(id, alias)).await?;
                let answers: Vec<_> = answers.into_iter().map(|a| a.body.answer).collect();
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
                return Ok(doc.body.to_workload(&doc.rev));
            }
            doc.body.refresh_totals();
            doc.body.updated_at = now;
            writes.insert(0, workload_write(&doc));
            if let Some(revs) = self.try_commit(writes).await? {
                return Ok(doc.body.to_workload(&revs[0]));
            }
        }
        Err(gave_up())
    }

    /// Removes lenses, keeping their answers and notes for a later re-association.
    pub async fn disassociate_lenses(
        &self,
        id: &str,
        aliases: &[String],
    ) -> Result<Workload, WorkspaceError> {
        check_not_empty(aliases)?;
        if aliases.iter().any(|a| a == FRAMEWORK_ALIAS) {
            return Err(WorkspaceError::validation(
                FIELD,
                format!("the framework lens `{FRAMEWORK_ALIAS}` is applied to every workload and cannot be removed"),
            ));
        }
        for _ in 0..ATTEMPTS {
            let mut doc = self.load_workload(id).await?;
            if let Some(alias) = aliases.iter().find(|a| !doc.body.lenses.contains(a)) {
                return Err(WorkspaceError::validation(
                    FIELD,
                    format!(
                        "`{alias}` is not applied to this workload (applied: {})",
                        doc.body.lenses.join(", ")
                    ),
                ));
            }
            let now = self.now();
            let mut writes = Vec::new();
            for alias in aliases {
                doc.body.lenses.retain(|l| l != alias);
                doc.body.lens_summaries.remove(alias);
                let review_id = keys::review(id, alias);
                if let Some(d) = self.store.get(&review_id).await? {
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
            self.prune_pillar_priorities(&mut doc.body).await;
            doc.body.refresh_totals();
            doc.body.updated_at = now;
            writes.insert(0, workload_write(&doc));
            if let Some(revs) = self.try_commit(writes).await? {
                return Ok(doc.body.to_workload(&revs[0]));
            }
        }
        Err(gave_up())
    }
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
