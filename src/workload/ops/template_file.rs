//! A review template as a file, to share it between people: `exportReviewTemplate` writes
//! it, `importReviewTemplate` creates a new template from it.
//!
//! ```json
//! { "format": "plumbline-review-template", "formatVersion": 1, "exportedAt": "…",
//!   "template": { "templateName", "description", "notes"?, "tags", "lenses" },
//!   "lensReviews": [ { "lensAlias", "lensVersion", "notes"?, "pillarNotes" } ],
//!   "answers": [ { "lensAlias", "questionId", "selectedChoices", "choiceAnswers",
//!                  "isApplicable", "reason"?, "notes"? } ] }
//! ```
//! The file is untrusted: its template fields go through `createReviewTemplate`'s rules and
//! each answer through `updateAnswer`'s (known question and choices, reasons, notes), and the
//! first problem is reported with its JSON path (`FileInvalid`, kind `Validation`). Nothing
//! is written unless the whole file is accepted.

use serde_json::{json, Value};

use super::templates::new_template;
use super::templates::plan_create;
use crate::sorted_map::SortedMap;
use crate::store::{Store, Write};
use crate::value_reader;
use crate::workload::answer::{apply_update, AnswerUpdate, ChoiceUpdate};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, AnswerRecord, ReviewDoc, WorkloadDoc};
use crate::workload::summary::summarize;
use crate::workload::template::{ReviewTemplate, TemplateInput};
use crate::workload::validate;
use crate::workload::workspace::{find_question, Workspace};

pub const TEMPLATE_FORMAT: &str = "plumbline-review-template";
pub const TEMPLATE_FORMAT_VERSION: u64 = 1;
/// Largest template file read, in bytes (a template of 20 lenses is well under 5 MB).
const MAX_BYTES: usize = 10 * 1024 * 1024;

impl<S: Store> Workspace<S> {
    /// The template as a file (JSON text): its fields, lens notes and answers.
    pub async fn export_review_template(&self, id: &str) -> Result<String, WorkspaceError> {
        self.perform(export_review_template(id.into())).await
    }

    /// Creates a new template from a template file (see [`import_review_template`]).
    pub async fn import_review_template(
        &self,
        text: &str,
        template_name: Option<String>,
    ) -> Result<ReviewTemplate, WorkspaceError> {
        self.perform(import_review_template(text, template_name))
            .await
    }
}

/// The template as a file (JSON text): its fields, lens notes and answers.
pub(crate) fn export_review_template(id: String) -> impl Operation<Output = String> {
    query(move |p| {
        let id = id.as_str();
        let now = p.now();
        let t = p.existing_template(id)?.body;
        let props = &t.properties;
        let reviews: Vec<ReviewDoc> = p
            .all::<ReviewDoc>(&keys::reviews_of(id))?
            .into_iter()
            .map(|r| r.body)
            .filter(|r| t.lenses.contains(&r.lens_alias))
            .collect();
        let mut answers = Vec::new();
        for doc in p.list(&keys::answers_of(id))? {
            let mut body = doc.body;
            let kept = body["lensAlias"]
                .as_str()
                .is_some_and(|a| t.lenses.iter().any(|l| l == a));
            if let (true, Value::Object(map)) = (kept, &mut body) {
                for stored_only in ["updatedAt", "backlog", "fromTemplate", "pillarId"] {
                    map.remove(stored_only);
                }
                answers.push(body);
            }
        }
        let file = json!({
            "format": TEMPLATE_FORMAT,
            "formatVersion": TEMPLATE_FORMAT_VERSION,
            "exportedAt": now,
            "template": {
                "templateName": props.workload_name,
                "description": props.description,
                "notes": props.notes,
                "tags": props.tags,
                "lenses": t.lenses,
            },
            "lensReviews": reviews.iter().map(|r| json!({
                "lensAlias": r.lens_alias,
                "lensVersion": r.lens_version,
                "notes": r.notes,
                "pillarNotes": r.pillar_notes,
            })).collect::<Vec<_>>(),
            "answers": answers,
        });
        Ok(serde_json::to_string_pretty(&file).expect("JSON values serialise"))
    })
}

/// Creates a new template from a template file. `template_name`, when given, replaces the
/// file's name (for a name taken here). The file is read once, when the operation is made.
pub(crate) fn import_review_template(
    text: &str,
    template_name: Option<String>,
) -> impl Operation<Output = ReviewTemplate> {
    let mut file = read_file(text);
    if let (Ok((input, _)), Some(_)) = (&mut file, &template_name) {
        input.template_name = template_name;
    }
    new_template(move |p| match &file {
        Ok((input, value)) => plan_import(p, input, value),
        Err(e) => Err(e.clone().into()),
    })
}

fn invalid(path: impl Into<String>, message: impl Into<String>) -> WorkspaceError {
    WorkspaceError::FileInvalid {
        path: path.into(),
        message: message.into(),
    }
}

/// The file's format checked and its template fields read.
fn read_file(text: &str) -> Result<(TemplateInput, Value), WorkspaceError> {
    if text.len() > MAX_BYTES {
        return Err(invalid(
            "$",
            format!("the file is larger than {MAX_BYTES} bytes"),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| invalid("$", format!("not JSON: {e}")))?;
    if value["format"] != TEMPLATE_FORMAT {
        return Err(invalid(
            "$.format",
            format!("not a Plumbline review template (expected \"format\": \"{TEMPLATE_FORMAT}\")"),
        ));
    }
    match value["formatVersion"].as_u64() {
        Some(TEMPLATE_FORMAT_VERSION) => {}
        Some(v) if v > TEMPLATE_FORMAT_VERSION => {
            return Err(invalid(
                "$.formatVersion",
                format!("written by a newer Plumbline (format {v}; this version reads format {TEMPLATE_FORMAT_VERSION})"),
            ))
        }
        _ => {
            return Err(invalid(
                "$.formatVersion",
                format!("expected the format version {TEMPLATE_FORMAT_VERSION}"),
            ))
        }
    }
    let input = value_reader::from_value(value["template"].clone())
        .map_err(|e| invalid("$.template", e.to_string()))?;
    Ok((input, value))
}

/// The template created as `createReviewTemplate` would, with the file's notes and answers.
fn plan_import(
    p: &mut Planning,
    input: &TemplateInput,
    value: &Value,
) -> Result<(Vec<Write>, WorkloadDoc), Halt> {
    let (mut writes, mut doc) = plan_create(p, input)?;
    let id = doc.workload_id.clone();
    let now = p.now();
    for (i, r) in entries(value, "lensReviews")?.iter().enumerate() {
        let path = format!("$.lensReviews[{i}]");
        let (alias, lens) = file_lens(p, &doc, r, &path)?;
        let mut review = ReviewDoc::new(&lens, &now);
        let notes = r["notes"].as_str().unwrap_or_default();
        validate::notes("notes", notes)
            .map_err(|e| invalid(format!("{path}.notes"), e.to_string()))?;
        review.notes = (!notes.is_empty()).then(|| notes.to_string());
        for (pillar, text) in r["pillarNotes"].as_object().into_iter().flatten() {
            let text = text.as_str().unwrap_or_default();
            let at = format!("{path}.pillarNotes.{pillar}");
            if !lens.lens.pillars.iter().any(|p| &p.id == pillar) {
                return Err(
                    invalid(at, format!("`{pillar}` is not a pillar of lens `{alias}`")).into(),
                );
            }
            validate::notes("pillarNotes", text).map_err(|e| invalid(&at, e.to_string()))?;
            review.pillar_notes.insert(pillar.clone(), text.to_string());
        }
        let review_id = keys::review(&id, &alias);
        if let Some(w) = writes.iter_mut().find(|w| w.id == review_id) {
            w.body = Some(to_body(&review));
        }
    }
    let mut by_lens: Vec<(String, Vec<crate::review::Answer>)> = Vec::new();
    for (i, a) in entries(value, "answers")?.iter().enumerate() {
        let path = format!("$.answers[{i}]");
        let (alias, lens) = file_lens(p, &doc, a, &path)?;
        let record: AnswerRecord =
            value_reader::from_value(a.clone()).map_err(|e| invalid(&path, e.to_string()))?;
        let (pillar, question) = find_question(&lens, &record.question_id)
            .map_err(|e| invalid(format!("{path}.questionId"), e.to_string()))?;
        let answer = apply_update(question, &pillar.id, None, &as_update(&record))
            .map_err(|e| invalid(&path, e.to_string()))?;
        let answer_id = keys::answer(&id, &alias, &question.id);
        if writes.iter().any(|w| w.id == answer_id) {
            return Err(invalid(path, "a second answer to this question of this lens").into());
        }
        writes.push(Write {
            id: answer_id,
            expected_rev: None,
            body: Some(to_body(&AnswerDoc {
                lens_alias: alias.clone(),
                answer: answer.clone().into(),
                updated_at: now.clone(),
                backlog: None,
                from_template: doc.own_source(),
            })),
        });
        match by_lens.iter_mut().find(|(l, _)| *l == alias) {
            Some((_, list)) => list.push(answer),
            None => by_lens.push((alias, vec![answer])),
        }
    }
    for (alias, answers) in &by_lens {
        let lens = p.workload_lens("lensAlias", &doc, alias)?;
        doc.lens_summaries
            .insert(alias.clone(), summarize(&lens, answers));
    }
    doc.refresh_totals();
    writes[0].body = Some(to_body(&doc));
    Ok((writes, doc))
}

fn entries<'v>(value: &'v Value, key: &str) -> Result<&'v [Value], Halt> {
    match &value[key] {
        Value::Null => Ok(&[]),
        Value::Array(items) => Ok(items),
        _ => Err(invalid(format!("$.{key}"), "expected an array").into()),
    }
}

/// The lens an entry names, which must be one of the template's.
fn file_lens(
    p: &Planning,
    doc: &WorkloadDoc,
    entry: &Value,
    path: &str,
) -> Result<(String, std::rc::Rc<crate::catalog::CatalogLens>), Halt> {
    let alias = entry["lensAlias"].as_str().unwrap_or_default().to_string();
    if !doc.lenses.contains(&alias) {
        return Err(invalid(
            format!("{path}.lensAlias"),
            format!(
                "`{alias}` is not one of the template's lenses ({})",
                doc.lenses.join(", ")
            ),
        )
        .into());
    }
    let lens = p.workload_lens("lensAlias", doc, &alias)?;
    Ok((alias, lens))
}

/// A stored answer as the update that makes it, so the file goes through `updateAnswer`'s rules.
fn as_update(record: &AnswerRecord) -> AnswerUpdate {
    let mut choice_updates = SortedMap::new();
    for c in &record.choice_answers {
        let update = ChoiceUpdate {
            status: c.status,
            reason: c.reason,
            notes: c.notes.clone(),
        };
        choice_updates.insert(c.choice_id.clone(), update);
    }
    AnswerUpdate {
        selected_choices: Some(record.selected_choices.clone()),
        choice_updates: Some(choice_updates),
        is_applicable: Some(record.is_applicable),
        reason: record.reason,
        notes: record.notes.clone(),
        expected_revision: None,
    }
}
