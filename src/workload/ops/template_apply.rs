//! A review template applied to workloads: copied in when a workload is defined from it,
//! and its later changes brought in by "Update from template".
//!
//! Provenance is data, not text: each copied answer records `fromTemplate` (template id and
//! version), and a change by the team drops it. A template's own answers record the template
//! version that last changed them. So, for a workload at version `v`, the template changed a
//! question since the copy when its answer's version is above `v`, and the team did not when
//! the workload's answer still has its provenance (or there is none); both changed is a
//! conflict, settled per question by the user, never silently.

use crate::review::Answer;
use crate::sorted_map::SortedMap;
use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Need, Planning};
use crate::workload::record::{
    to_body, AnswerDoc, ReviewDoc, Stored, TemplateLink, TemplateSource, WorkloadDoc,
};
use crate::workload::summary::summarize;
use crate::workload::template::{
    TemplateNotice, TemplateQuestion, TemplateResolution, TemplateUpdate, TemplateUpdateOptions,
};
use crate::workload::workspace::{find_question, workload_write, Workspace};

const FIELD: &str = "reviewTemplateIds";

impl<S: Store> Workspace<S> {
    /// What updating workload `id` from its template would do: the questions taken from the
    /// template and the conflicts to choose for. Changes nothing.
    pub async fn review_template_update(&self, id: &str) -> Result<TemplateUpdate, WorkspaceError> {
        self.perform(review_template_update(id.into())).await
    }

    /// Brings the template's changes into workload `id` in one commit (see
    /// [`update_from_review_template`]).
    pub async fn update_from_review_template(
        &self,
        id: &str,
        options: TemplateUpdateOptions,
    ) -> Result<TemplateUpdate, WorkspaceError> {
        self.perform(update_from_review_template(id.into(), options))
            .await
    }

    /// The workloads whose template changed since their answers were copied.
    pub async fn review_template_updates(&self) -> Result<Vec<TemplateNotice>, WorkspaceError> {
        self.perform(review_template_updates()).await
    }
}

pub(crate) fn review_template_update(id: String) -> impl Operation<Output = TemplateUpdate> {
    query(move |p| plan_update(p, &id, None).map(|(_, update)| update))
}

/// Brings the template's changes into workload `id` in one commit: questions the team did not
/// change are taken; each conflict is settled by `options.resolutions` (one is required per
/// conflict, else `Validation` on `resolutions` and nothing changes).
pub(crate) fn update_from_review_template(
    id: String,
    options: TemplateUpdateOptions,
) -> impl Operation<Output = TemplateUpdate> {
    change(
        move |p| plan_update(p, &id, Some(&options)),
        |update, _| Ok(update),
    )
}

/// The workloads whose template changed since their answers were copied.
pub(crate) fn review_template_updates() -> impl Operation<Output = Vec<TemplateNotice>> {
    query(|p| {
        let mut templates: SortedMap<String, WorkloadDoc> = SortedMap::new();
        for t in p.all::<WorkloadDoc>(keys::TEMPLATE_PREFIX)? {
            templates.insert(t.body.workload_id.clone(), t.body);
        }
        let mut notices = Vec::new();
        for (template_id, users) in p.template_users()? {
            let Some(t) = templates.get(&template_id) else {
                continue;
            };
            let latest = t.template_version.unwrap_or_default();
            for user in users.into_iter().filter(|u| u.template_version < latest) {
                notices.push(TemplateNotice {
                    workload_id: user.workload_id,
                    workload_name: user.workload_name,
                    template_id: template_id.clone(),
                    template_name: t.properties.workload_name.clone(),
                    current_template_version: user.template_version,
                    latest_template_version: latest,
                });
            }
        }
        Ok(notices)
    })
}

/// The template named by a `defineWorkload` input (at most one), read.
pub(crate) fn chosen_template(
    p: &Planning,
    ids: Option<&[String]>,
) -> Result<Option<Stored<WorkloadDoc>>, Halt> {
    match ids.unwrap_or_default() {
        [] => Ok(None),
        [id] => match p.template(id) {
            Ok(Some(t)) => {
                // Everything the copy reads, asked for at once: one more run of the plan, not
                // one per lens review.
                let mut needs = vec![Need::Prefix(keys::answers_of(id))];
                needs.extend(t.body.lenses.iter().map(|a| Need::Key(keys::review(id, a))));
                p.prefetch(needs)?;
                Ok(Some(t))
            }
            Err(halt @ Halt::Read(_)) => Err(halt),
            _ => Err(WorkspaceError::validation(
                FIELD,
                format!("review template `{id}` does not exist"),
            )
            .into()),
        },
        more => Err(WorkspaceError::validation(
            FIELD,
            format!(
                "a workload is defined from at most 1 review template; {} were given",
                more.len()
            ),
        )
        .into()),
    }
}

/// The template's lens and pillar notes, into a review of the workload being defined.
pub(crate) fn copy_notes(
    p: &Planning,
    template: &Stored<WorkloadDoc>,
    review: &mut ReviewDoc,
) -> Result<(), Halt> {
    let id = keys::review(&template.body.workload_id, &review.lens_alias);
    if let Some(doc) = p.get(&id)? {
        let t = Stored::<ReviewDoc>::decode(doc)?.body;
        review.notes = t.notes;
        review.pillar_notes = t.pillar_notes;
    }
    Ok(())
}

/// Copies the template's answers into the workload being defined (`doc`), each with its
/// provenance, and links the workload to the template.
pub(crate) fn copy_answers(
    p: &mut Planning,
    template: &Stored<WorkloadDoc>,
    doc: &mut WorkloadDoc,
) -> Result<Vec<Write>, Halt> {
    let tid = &template.body.workload_id;
    let version = template.body.template_version.unwrap_or_default();
    let now = p.now();
    let answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of(tid))?;
    let mut copies = Vec::new();
    for alias in doc.lenses.clone() {
        let lens = p.workload_lens(FIELD, doc, &alias)?;
        let mine: Vec<AnswerDoc> = answers
            .iter()
            .filter(|a| a.body.lens_alias == alias)
            .map(|a| AnswerDoc {
                updated_at: now.clone(),
                backlog: None,
                from_template: Some(TemplateSource {
                    template_id: tid.clone(),
                    template_version: version,
                }),
                ..a.body.clone()
            })
            .collect();
        let all: Vec<_> = mine.iter().map(|a| a.answer.to_answer()).collect();
        doc.lens_summaries
            .insert(alias.clone(), summarize(&lens, &all));
        for a in mine {
            copies.push(Write {
                id: keys::answer(&doc.workload_id, &alias, &a.answer.question_id),
                expected_rev: None,
                body: Some(to_body(&a)),
            });
        }
    }
    doc.refresh_totals();
    doc.review_template = Some(TemplateLink {
        template_id: tid.clone(),
        template_name: template.body.properties.workload_name.clone(),
        template_version: version,
        deleted: false,
    });
    Ok(copies)
}

/// The proposal (`options: None`) or the update applied.
fn plan_update(
    p: &mut Planning,
    id: &str,
    options: Option<&TemplateUpdateOptions>,
) -> Result<(Vec<Write>, TemplateUpdate), Halt> {
    let mut doc = p.workload(id)?;
    let Some(link) = doc.body.review_template.clone() else {
        return Err(WorkspaceError::validation(
            "workloadId",
            format!("workload `{id}` was not defined from a review template"),
        )
        .into());
    };
    let template = match p.template(&link.template_id)? {
        Some(t) if !link.deleted => t,
        _ => {
            return Err(WorkspaceError::not_found(format!(
                "review template `{}` ({}) is not in this workspace (deleted, or kept in the browser of whoever shared the workload: templates are not shared); the workload keeps its answers",
                link.template_name, link.template_id
            ))
            .into())
        }
    };
    let latest = template.body.template_version.unwrap_or_default();
    let mut update = TemplateUpdate {
        workload_id: id.to_string(),
        template_id: link.template_id.clone(),
        template_name: template.body.properties.workload_name.clone(),
        current_template_version: link.template_version,
        latest_template_version: latest,
        updates: Vec::new(),
        conflicts: Vec::new(),
        applied: options.is_some(),
    };
    let theirs: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of(&link.template_id))?;
    let ours: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of(id))?;
    let now = p.now();
    let mut writes = Vec::new();
    // The answers taken, by answer id, to count the changed lenses again.
    let mut taken: SortedMap<String, Answer> = SortedMap::new();
    for t in &theirs {
        let alias = &t.body.lens_alias;
        let changed_since = t
            .body
            .from_template
            .as_ref()
            .is_none_or(|s| s.template_version > link.template_version);
        if !changed_since || !doc.body.lenses.contains(alias) {
            continue;
        }
        let lens = p.workload_lens(FIELD, &doc.body, alias)?;
        let question_id = &t.body.answer.question_id;
        let Ok((_, question)) = find_question(&lens, question_id) else {
            continue;
        };
        let answer_id = keys::answer(id, alias, question_id);
        let mine = ours.iter().find(|a| a.id == answer_id);
        let team_changed = mine.is_some_and(|m| {
            m.body
                .from_template
                .as_ref()
                .is_none_or(|s| s.template_id != link.template_id)
        });
        if mine.is_some_and(|m| m.body.answer == t.body.answer) {
            continue;
        }
        let entry = TemplateQuestion {
            key: format!("{alias}/{question_id}"),
            lens_alias: alias.clone(),
            question_id: question_id.clone(),
            question_title: question.title.clone(),
        };
        let take = if team_changed {
            let choice = options.map(|o| o.resolutions.get(&entry.key).copied());
            update.conflicts.push(entry);
            match choice {
                None => false,
                Some(Some(r)) => r == TemplateResolution::TakeTemplate,
                Some(None) => {
                    return Err(WorkspaceError::validation(
                        "resolutions",
                        format!(
                            "choose KEEP_WORKLOAD or TAKE_TEMPLATE for `{}`: both the team and the template changed it",
                            update.conflicts.last().expect("pushed").key
                        ),
                    )
                    .into())
                }
            }
        } else {
            update.updates.push(entry);
            options.is_some()
        };
        if take {
            let record = AnswerDoc {
                lens_alias: alias.clone(),
                answer: t.body.answer.clone(),
                updated_at: now.clone(),
                backlog: mine.and_then(|m| m.body.backlog.clone()),
                from_template: Some(TemplateSource {
                    template_id: link.template_id.clone(),
                    template_version: latest,
                }),
            };
            writes.push(Write {
                id: answer_id.clone(),
                expected_rev: mine.map(|m| m.rev.clone()),
                body: Some(to_body(&record)),
            });
            taken.insert(answer_id, record.answer.to_answer());
        }
    }
    if options.is_none() {
        return Ok((Vec::new(), update));
    }
    for alias in doc.body.lenses.clone() {
        let prefix = keys::answers_of_lens(id, &alias);
        if !taken.keys().any(|k| k.starts_with(&prefix)) {
            continue;
        }
        let lens = p.workload_lens(FIELD, &doc.body, &alias)?;
        let mut answers: Vec<Answer> = ours
            .iter()
            .filter(|a| a.id.starts_with(&prefix) && !taken.contains_key(&a.id))
            .map(|a| a.body.answer.to_answer())
            .collect();
        answers.extend(
            taken
                .iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .map(|(_, a)| a.clone()),
        );
        doc.body
            .lens_summaries
            .insert(alias, summarize(&lens, &answers));
    }
    doc.body.refresh_totals();
    doc.body.review_template = Some(TemplateLink {
        template_name: update.template_name.clone(),
        template_version: latest,
        ..link
    });
    doc.body.updated_at = now;
    writes.insert(0, workload_write(&doc));
    Ok((writes, update))
}
