//! Defining, listing, reading, editing and deleting workloads.

use std::rc::Rc;

use super::template_apply::{chosen_template, copy_answers, copy_notes};
use crate::catalog::{CatalogLens, FRAMEWORK_ALIAS};
use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::model::{Workload, WorkloadInput, WorkloadPatch, WorkloadSummary};
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::properties;
use crate::workload::record::{to_body, ReviewDoc, WorkloadDoc};
use crate::workload::summary::summarize;
use crate::workload::validate::{name_key, MAX_LENSES};
use crate::workload::workspace::{check_expected, workload_write, Workspace};

impl<S: Store> Workspace<S> {
    /// Defines a workload with its lenses (the framework lens is always added, first).
    pub async fn define_workload(&self, input: WorkloadInput) -> Result<Workload, WorkspaceError> {
        self.perform(define_workload(input)).await
    }

    /// Every workload, by name (ignoring case).
    pub async fn list_workloads(&self) -> Result<Vec<WorkloadSummary>, WorkspaceError> {
        self.perform(list_workloads()).await
    }

    pub async fn get_workload(&self, id: &str) -> Result<Workload, WorkspaceError> {
        self.perform(get_workload(id.to_string())).await
    }

    /// Changes the fields present in `patch`; the others keep their value.
    pub async fn update_workload(
        &self,
        id: &str,
        patch: WorkloadPatch,
    ) -> Result<Workload, WorkspaceError> {
        self.perform(update_workload(id.to_string(), patch)).await
    }
}

pub(crate) fn define_workload(input: WorkloadInput) -> impl Operation<Output = Workload> {
    change(
        move |p| plan_define(p, &input),
        |doc, revs| Ok(doc.to_workload(&revs[0])),
    )
}

pub(crate) fn list_workloads() -> impl Operation<Output = Vec<WorkloadSummary>> {
    query(list_workload_summaries)
}

pub(crate) fn get_workload(id: String) -> impl Operation<Output = Workload> {
    query(move |p| {
        let doc = p.workload(&id)?;
        Ok(doc.body.to_workload(&doc.rev))
    })
}

pub(crate) fn update_workload(
    id: String,
    patch: WorkloadPatch,
) -> impl Operation<Output = Workload> {
    change(
        move |p| plan_update(p, &id, &patch),
        |doc, revs| Ok(doc.to_workload(&revs[0])),
    )
}

/// The new workload document first, then its reviews and its name claim.
pub(crate) fn plan_define(
    p: &mut Planning,
    input: &WorkloadInput,
) -> Result<(Vec<Write>, WorkloadDoc), Halt> {
    let template = chosen_template(p, input.review_template_ids.as_deref())?;
    let mut aliases = template
        .as_ref()
        .map_or(Vec::new(), |t| t.body.lenses.clone());
    aliases.extend(input.lenses.iter().flatten().cloned());
    let (lenses, resolved) = resolve_lenses(p, &aliases)?;
    let pillars = p.pillars_of(&lenses, None)?;
    let pillars: Vec<&str> = pillars.iter().map(String::as_str).collect();
    let props = properties::from_input(input, &pillars)?;
    // A conflict on commit is a name taken meanwhile or, astronomically rarely, an id
    // collision: the shell plans again with fresh reads and a new id.
    let id = p.new_workload_id();
    let claim = p.claim_name(&id, &props.workload_name)?;
    let now = p.now();
    let mut doc = WorkloadDoc::new(&id, props.into(), lenses, &now, None);
    let mut writes = vec![];
    for lens in &resolved {
        doc.lens_summaries
            .insert(lens.alias.clone(), summarize(lens, &[]));
        let mut review = ReviewDoc::new(lens, &now);
        if let Some(t) = &template {
            copy_notes(p, t, &mut review)?;
        }
        writes.push(Write {
            id: keys::review(&id, &lens.alias),
            expected_rev: None,
            body: Some(to_body(&review)),
        });
    }
    if let Some(t) = &template {
        writes.extend(copy_answers(p, t, &mut doc)?);
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
    Ok((writes, doc))
}

fn list_workload_summaries(p: &mut Planning) -> Result<Vec<WorkloadSummary>, Halt> {
    let (docs, _damaged) = p.workload_listings()?;
    let mut rows: Vec<WorkloadSummary> = docs.iter().map(|d| d.body.to_summary()).collect();
    crate::sorted::by_cached_key(&mut rows, |r| {
        (
            crate::case::lowercase(&r.workload_name),
            r.workload_id.clone(),
        )
    });
    Ok(rows)
}

/// The workload rewritten first, then the claim of a new name and the release of the old.
pub(crate) fn plan_update(
    p: &mut Planning,
    id: &str,
    patch: &WorkloadPatch,
) -> Result<(Vec<Write>, WorkloadDoc), Halt> {
    let mut doc = p.workload(id)?;
    check_expected("workload", patch.expected_revision.as_deref(), &doc.rev)?;
    let pillars = p.pillars_of(&doc.body.lenses, Some(&doc.body))?;
    let pillars: Vec<&str> = pillars.iter().map(String::as_str).collect();
    let current = doc.body.properties.to_api();
    let props = properties::apply_patch(&current, patch, &pillars)?;
    let mut writes = Vec::new();
    let old_name = &doc.body.properties.workload_name;
    if name_key(&props.workload_name) != name_key(old_name) {
        writes.push(p.claim_name(id, &props.workload_name)?);
        writes.extend(p.release_name(id, old_name)?);
    }
    doc.body.properties = props.into();
    doc.body.updated_at = p.now();
    writes.insert(0, workload_write(&doc));
    Ok((writes, doc.body))
}

/// The framework lens first, then the others in the given order, each once, with the
/// lenses themselves (custom lenses at their latest published version).
pub(crate) fn resolve_lenses(
    p: &Planning,
    aliases: &[String],
) -> Result<(Vec<String>, Vec<Rc<CatalogLens>>), Halt> {
    let mut lenses = vec![FRAMEWORK_ALIAS.to_string()];
    let mut resolved = vec![p.catalog_lens("lenses", FRAMEWORK_ALIAS)?];
    for alias in aliases {
        let lens = p.catalog_lens("lenses", alias)?;
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
        )
        .into());
    }
    Ok((lenses, resolved))
}
