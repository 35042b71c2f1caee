//! Review templates: create, list, read, edit, delete, and their answers and lens reviews.
//!
//! A template is a workload-shaped document under `template/{id}` (see `record::WorkloadDoc`'s
//! `templateVersion`), so answering its questions, its notes and its lenses are the
//! workload's plans ([`Planning::owner`] finds either); this file adds the template's own
//! fields, its version and the shapes the API gives back (question counts, no risk).

use serde_json::Value;

use super::workloads::resolve_lenses;
use crate::review::Risk;
use crate::sorted_map::SortedMap;
use crate::store::{RawRecord, Store, Write};
use crate::workload::answer::{AnswerUpdate, AnswerView};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::lens_review::LensReviewUpdate;
use crate::workload::model::{WorkloadEnvironment, WorkloadProperties};
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, ReviewDoc, Stored, WorkloadDoc, WorkloadListing};
use crate::workload::summary::summarize;
use crate::workload::template::{
    check_text, ReviewTemplate, TemplateInput, TemplateLensReview, TemplatePatch, TemplateUser,
};
use crate::workload::validate::{self, name_key};
use crate::workload::workspace::{check_expected, workload_write, Workspace};

impl<S: Store> Workspace<S> {
    /// Creates a review template with its lenses (the framework lens always, first), at
    /// version 1 and with no answers.
    pub async fn create_review_template(
        &self,
        input: TemplateInput,
    ) -> Result<ReviewTemplate, WorkspaceError> {
        self.perform(create_review_template(input)).await
    }

    /// Every review template, by name (ignoring case), each with the workloads that use it.
    pub async fn list_review_templates(&self) -> Result<Vec<ReviewTemplate>, WorkspaceError> {
        self.perform(list_review_templates()).await
    }

    pub async fn get_review_template(&self, id: &str) -> Result<ReviewTemplate, WorkspaceError> {
        self.perform(get_review_template(id.into())).await
    }

    /// Changes the fields present in `patch`, then applies and removes lenses (the framework
    /// lens cannot be removed). Each change raises the template's version.
    pub async fn update_review_template(
        &self,
        id: &str,
        patch: TemplatePatch,
    ) -> Result<ReviewTemplate, WorkspaceError> {
        self.run(&mut |p| plan_update(p, id, &patch)).await?;
        if let Some(aliases) = &patch.lenses_to_associate {
            self.associate_lenses(id, aliases).await?;
        }
        if let Some(aliases) = &patch.lenses_to_disassociate {
            self.disassociate_lenses(id, aliases).await?;
        }
        self.get_review_template(id).await
    }

    /// Deletes the template, its answers and notes. The workloads defined from it keep their
    /// data; their link to it is marked deleted (as in AWS). Returns those workloads.
    pub async fn delete_review_template(
        &self,
        id: &str,
    ) -> Result<Vec<TemplateUser>, WorkspaceError> {
        self.perform(delete_review_template(id.into())).await
    }

    /// Answers a template question exactly as a workload's (`updateAnswer`'s rules).
    pub async fn update_review_template_answer(
        &self,
        id: &str,
        lens_alias: &str,
        question_id: &str,
        update: AnswerUpdate,
    ) -> Result<Value, WorkspaceError> {
        self.query(|p| p.existing_template(id)).await?;
        let view = self
            .update_answer(id, lens_alias, question_id, update)
            .await?;
        Ok(template_answer(view))
    }

    /// Every question of the template's lens with its answer, in lens order.
    pub async fn list_review_template_answers(
        &self,
        id: &str,
        lens_alias: &str,
    ) -> Result<Vec<Value>, WorkspaceError> {
        self.query(|p| p.existing_template(id)).await?;
        let views = self.list_answers(id, lens_alias, None).await?;
        Ok(views.into_iter().map(template_answer).collect())
    }

    /// The template's lens review: notes and question counts per lens and pillar.
    pub async fn get_review_template_lens_review(
        &self,
        id: &str,
        lens_alias: &str,
    ) -> Result<TemplateLensReview, WorkspaceError> {
        self.query(|p| p.existing_template(id)).await?;
        let review = self.get_lens_review(id, lens_alias, None).await?;
        Ok(TemplateLensReview::of(id, review))
    }

    /// Sets the template's lens notes and pillar notes.
    pub async fn update_review_template_lens_review(
        &self,
        id: &str,
        lens_alias: &str,
        update: LensReviewUpdate,
    ) -> Result<TemplateLensReview, WorkspaceError> {
        self.query(|p| p.existing_template(id)).await?;
        let review = self.update_lens_review(id, lens_alias, update).await?;
        Ok(TemplateLensReview::of(id, review))
    }
}

/// Creates a review template with its lenses (the framework lens always, first), at version 1
/// and with no answers.
pub(crate) fn create_review_template(
    input: TemplateInput,
) -> impl Operation<Output = ReviewTemplate> {
    new_template(move |p| plan_create(p, &input))
}

/// An operation that writes a new template (its document first) and returns it.
pub(crate) fn new_template(
    plan: impl FnMut(&mut Planning) -> Result<(Vec<Write>, WorkloadDoc), Halt>,
) -> impl Operation<Output = ReviewTemplate> {
    change(plan, |doc, revs| {
        Ok(ReviewTemplate::of(&doc, &revs[0], Vec::new()))
    })
}

/// Deletes the template, its answers and notes; the workloads defined from it, their link
/// marked deleted.
pub(crate) fn delete_review_template(id: String) -> impl Operation<Output = Vec<TemplateUser>> {
    change(move |p| plan_delete(p, &id), |users, _| Ok(users))
}

/// Every review template, by name (ignoring case).
pub(crate) fn list_review_templates() -> impl Operation<Output = Vec<ReviewTemplate>> {
    query(|p| {
        let users = p.template_users()?;
        let mut rows: Vec<ReviewTemplate> = p
            .all::<WorkloadDoc>(keys::TEMPLATE_PREFIX)?
            .iter()
            .map(|d| template_of(d, &users))
            .collect();
        crate::sorted::by_cached_key(&mut rows, |r| {
            (
                crate::case::lowercase(&r.template_name),
                r.template_id.clone(),
            )
        });
        Ok(rows)
    })
}

pub(crate) fn get_review_template(id: String) -> impl Operation<Output = ReviewTemplate> {
    query(move |p| {
        let doc = p.existing_template(&id)?;
        Ok(template_of(&doc, &p.template_users()?))
    })
}

impl Planning<'_> {
    /// The template `id`, or `NotFound` saying so.
    pub(crate) fn existing_template(&self, id: &str) -> Result<Stored<WorkloadDoc>, Halt> {
        self.template(id)?.ok_or_else(|| {
            WorkspaceError::not_found(format!("review template `{id}` does not exist")).into()
        })
    }

    /// The workloads defined from a template, by template id (deleted links left out).
    pub(crate) fn template_users(&self) -> Result<SortedMap<String, Vec<TemplateUser>>, Halt> {
        let (listings, _damaged) = self.workload_listings()?;
        let mut users: SortedMap<String, Vec<TemplateUser>> = SortedMap::new();
        for Stored { body, .. } in listings {
            let WorkloadListing {
                review_template: Some(link),
                ..
            } = body
            else {
                continue;
            };
            if !link.deleted {
                users
                    .entry(link.template_id)
                    .or_default()
                    .push(TemplateUser {
                        workload_id: body.workload_id,
                        workload_name: body.workload_name,
                        template_version: link.template_version,
                    });
            }
        }
        Ok(users)
    }
}

fn template_of(
    doc: &Stored<WorkloadDoc>,
    users: &SortedMap<String, Vec<TemplateUser>>,
) -> ReviewTemplate {
    let used_by = users
        .get(&doc.body.workload_id)
        .cloned()
        .unwrap_or_default();
    ReviewTemplate::of(&doc.body, &doc.rev, used_by)
}

/// A workload answer as a template's (AWS ReviewTemplateAnswer): no risk, an `answerStatus`.
fn template_answer(view: AnswerView) -> Value {
    let status = if view.risk == Risk::Unanswered {
        "UNANSWERED"
    } else {
        "ANSWERED"
    };
    let mut value = to_body(&view);
    if let Value::Object(map) = &mut value {
        map.remove("risk");
        map.remove("fromTemplate");
        map.insert("answerStatus".into(), status.into());
    }
    value
}

/// The template's fields, checked: name, description, notes, tags.
fn check_fields(
    name: &str,
    description: &str,
    notes: &str,
    tags: &SortedMap<String, String>,
) -> Result<(), WorkspaceError> {
    check_text("templateName", name, 100)?;
    check_text("description", description, 250)?;
    validate::notes("notes", notes)?;
    validate::tags(tags)
}

/// Template names are unique ignoring case and whitespace, as workload names.
fn check_unique(p: &Planning, id: &str, name: &str) -> Result<(), Halt> {
    let key = name_key(name);
    let templates = p.all::<WorkloadDoc>(keys::TEMPLATE_PREFIX)?;
    match templates
        .iter()
        .find(|t| t.body.workload_id != id && name_key(&t.body.properties.workload_name) == key)
    {
        Some(t) => Err(WorkspaceError::validation(
            "templateName",
            format!(
                "a review template named `{}` exists already; template names are unique ignoring case and spaces",
                t.body.properties.workload_name
            ),
        )
        .into()),
        None => Ok(()),
    }
}

/// The template document first, then a review per lens.
pub(crate) fn plan_create(
    p: &mut Planning,
    input: &TemplateInput,
) -> Result<(Vec<Write>, WorkloadDoc), Halt> {
    let name = validate::required("templateName", input.template_name.as_ref())?;
    let description = validate::required("description", input.description.as_ref())?;
    let notes = input.notes.clone().unwrap_or_default();
    let tags = input.tags.clone().unwrap_or_default();
    check_fields(name, description, &notes, &tags)?;
    let (lenses, resolved) = resolve_lenses(p, input.lenses.as_deref().unwrap_or_default())?;
    let id = p.new_workload_id();
    check_unique(p, &id, name)?;
    let now = p.now();
    let properties = WorkloadProperties {
        notes: (!notes.is_empty()).then_some(notes),
        tags,
        // A template has no environment or owner; the workload shape needs a value.
        ..WorkloadProperties::stated(name, description, WorkloadEnvironment::Preproduction, "")
    };
    let mut doc = WorkloadDoc::new(&id, properties.into(), lenses, &now, Some(1));
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
            id: keys::template(&id),
            expected_rev: None,
            body: Some(to_body(&doc)),
        },
    );
    Ok((writes, doc))
}

/// The template's fields changed (lenses apart), its version raised when anything changed.
fn plan_update(p: &mut Planning, id: &str, patch: &TemplatePatch) -> Result<Vec<Write>, Halt> {
    let mut doc = p.existing_template(id)?;
    check_expected(
        "review template",
        patch.expected_revision.as_deref(),
        &doc.rev,
    )?;
    let before = doc.body.properties.clone();
    let props = &mut doc.body.properties;
    if let Some(name) = &patch.template_name {
        props.workload_name = name.clone();
    }
    if let Some(description) = &patch.description {
        props.description = description.clone();
    }
    if let Some(notes) = &patch.notes {
        props.notes = (!notes.is_empty()).then(|| notes.clone());
    }
    if let Some(tags) = &patch.tags {
        props.tags = tags.clone();
    }
    let notes = props.notes.clone().unwrap_or_default();
    check_fields(
        &props.workload_name,
        &props.description,
        &notes,
        &props.tags,
    )?;
    if name_key(&props.workload_name) != name_key(&before.workload_name) {
        check_unique(p, id, &doc.body.properties.workload_name)?;
    }
    if doc.body.properties == before {
        return Ok(Vec::new());
    }
    doc.body.updated_at = p.now();
    doc.body.bump_template();
    Ok(vec![workload_write(&doc)])
}

/// Every record of the template deleted; the workloads using it marked.
fn plan_delete(p: &mut Planning, id: &str) -> Result<(Vec<Write>, Vec<TemplateUser>), Halt> {
    let doc = p.existing_template(id)?;
    let mut writes = vec![Write {
        id: doc.id.clone(),
        expected_rev: Some(doc.rev.clone()),
        body: None,
    }];
    for prefix in [keys::reviews_of(id), keys::answers_of(id)] {
        writes.extend(p.raw_list(&prefix)?.iter().map(RawRecord::deletion));
    }
    // Found by a walk rather than the map's removal, whose rebalancing code the engine then
    // needs for this one map type.
    let users = (p.template_users()?.into_iter())
        .find_map(|(template, users)| (template == id).then_some(users))
        .unwrap_or_default();
    for user in &users {
        let mut workload = p.workload(&user.workload_id)?;
        if let Some(link) = &mut workload.body.review_template {
            link.deleted = true;
        }
        writes.push(workload_write(&workload));
    }
    Ok((writes, users))
}
