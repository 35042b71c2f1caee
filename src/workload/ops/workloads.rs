//! Defining, listing, reading, editing and deleting workloads.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::catalog::{CatalogLens, FRAMEWORK_ALIAS};
use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::model::{Workload, WorkloadInput, WorkloadPatch, WorkloadSummary};
use crate::workload::properties;
use crate::workload::record::{to_body, ReviewDoc, WorkloadDoc, WorkloadListing};
use crate::workload::summary::summarize;
use crate::workload::validate::{name_key, MAX_LENSES};
use crate::workload::workspace::{check_expected, gave_up, Workspace, ATTEMPTS};

impl<S: Store> Workspace<S> {
    /// Defines a workload with its lenses (the framework lens is always added, first).
    pub async fn define_workload(&self, input: WorkloadInput) -> Result<Workload, WorkspaceError> {
        let (lenses, resolved) = self
            .resolve_lenses(input.lenses.as_deref().unwrap_or_default())
            .await?;
        let pillars = self.pillars_of(&lenses, None).await;
        let pillars: Vec<&str> = pillars.iter().map(String::as_str).collect();
        let props = properties::from_input(&input, &pillars)?;
        for _ in 0..ATTEMPTS {
            let id = keys::new_workload_id(self.env.as_ref());
            let claim = self.claim_name(&id, &props.workload_name).await?;
            let now = self.now();
            let mut doc = WorkloadDoc {
                workload_id: id.clone(),
                properties: props.clone(),
                lenses: lenses.clone(),
                created_at: now.clone(),
                updated_at: now.clone(),
                risk_counts: Default::default(),
                questions_answered: 0,
                question_count: 0,
                lens_summaries: BTreeMap::new(),
                milestones: Vec::new(),
            };
            let mut writes = vec![];
            for lens in &resolved {
                doc.lens_summaries
                    .insert(lens.alias.clone(), summarize(lens, &[]));
                writes.push(Write {
                    id: keys::review(&id, &lens.alias),
                    expected_rev: None,
                    body: Some(to_body(&ReviewDoc::new(lens, &now))),
                });
            }
            doc.refresh_totals();
            writes.insert(
                0,
                Write {
                    id: keys::workload(&id),
                    expected_rev: None,
                    body: Some(to_body(&doc)),
                },
            );
            writes.push(claim);
            // A conflict here is a name taken meanwhile or, astronomically rarely, an id
            // collision: plan again with fresh reads and a new id.
            if let Some(revs) = self.try_commit(writes).await? {
                return Ok(doc.to_workload(&revs[0]));
            }
        }
        Err(gave_up())
    }

    /// Every workload, by name (ignoring case).
    pub async fn list_workloads(&self) -> Result<Vec<WorkloadSummary>, WorkspaceError> {
        let (docs, _damaged) = self
            .load_readable::<WorkloadListing>(keys::WORKLOAD_PREFIX)
            .await?;
        let mut rows: Vec<WorkloadSummary> = docs.iter().map(|d| d.body.to_summary()).collect();
        rows.sort_by_cached_key(|r| (r.workload_name.to_lowercase(), r.workload_id.clone()));
        Ok(rows)
    }

    pub async fn get_workload(&self, id: &str) -> Result<Workload, WorkspaceError> {
        let doc = self.load_workload(id).await?;
        Ok(doc.body.to_workload(&doc.rev))
    }

    /// Changes the fields present in `patch`; the others keep their value.
    pub async fn update_workload(
        &self,
        id: &str,
        patch: WorkloadPatch,
    ) -> Result<Workload, WorkspaceError> {
        for _ in 0..ATTEMPTS {
            let mut doc = self.load_workload(id).await?;
            check_expected("workload", patch.expected_revision.as_deref(), &doc.rev)?;
            let pillars = self.pillars_of(&doc.body.lenses, Some(&doc.body)).await;
            let pillars: Vec<&str> = pillars.iter().map(String::as_str).collect();
            let props = properties::apply_patch(&doc.body.properties, &patch, &pillars)?;
            let mut writes = Vec::new();
            let old_name = &doc.body.properties.workload_name;
            if name_key(&props.workload_name) != name_key(old_name) {
                writes.push(self.claim_name(id, &props.workload_name).await?);
                writes.extend(self.release_name(id, old_name).await?);
            }
            doc.body.properties = props;
            doc.body.updated_at = self.now();
            writes.insert(
                0,
                Write {
                    id: doc.id.clone(),
                    expected_rev: Some(doc.rev.clone()),
                    body: Some(to_body(&doc.body)),
                },
            );
            if let Some(revs) = self.try_commit(writes).await? {
                return Ok(doc.body.to_workload(&revs[0]));
            }
        }
        Err(gave_up())
    }

    /// The framework lens first, then the others in the given order, each once, with the
    /// lenses themselves (custom lenses at their latest published version).
    async fn resolve_lenses(
        &self,
        aliases: &[String],
    ) -> Result<(Vec<String>, Vec<Rc<CatalogLens>>), WorkspaceError> {
        let mut lenses = vec![FRAMEWORK_ALIAS.to_string()];
        let mut resolved = vec![self.catalog_lens("lenses", FRAMEWORK_ALIAS).await?];
        for alias in aliases {
            let lens = self.catalog_lens("lenses", alias).await?;
            if !lenses.contains(alias) {
                lenses.push(alias.clone());
                resolved.push(lens);
            }
        }
        if lenses.len() > MAX_LENSES {
            return Err(WorkspaceError::validation(
                "lenses",
                format!(
                    "a workload has at most {MAX_LENSES} lenses; {} were given",
                    lenses.len()
                ),
            ));
        }
        Ok((lenses, resolved))
    }
}
