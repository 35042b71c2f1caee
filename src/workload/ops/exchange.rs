//! Answers files: `export_answers` writes a lens review as AWS ListAnswers JSON and
//! `import_answers` applies such a file (or a GetAnswer one) to a lens review, whole or not
//! at all.
//!
//! An import is planned like any change (read, plan every write, commit once) after the file
//! has been checked against the lens: each question id, pillar id and choice id must be the
//! lens's, each question may appear once, and each answer must pass the same rules as
//! `updateAnswer` (notes length, "None of these" cannot be waived). The file defines the state
//! of every choice of the questions it lists; questions it does not list keep their answers,
//! and notes it does not carry (ListAnswers has none; a file exported with notes has them in
//! GetAnswer's `Notes` fields) are kept.

use std::collections::HashMap;

use serde_json::Value;

use crate::catalog::CatalogLens;
use crate::lens::model::{Pillar, Question};
use crate::review::export::{answers_to_aws, include_notes, to_aws_json};
use crate::review::import::answers_from_aws_json;
use crate::review::{Answer, ChoiceStatus};
use crate::sorted_map::SortedMap;
use crate::store::{Store, Write};
use crate::workload::answer::{apply_update, AnswerUpdate, ChoiceUpdate};
use crate::workload::error::WorkspaceError;
use crate::workload::exchange::{AnswersFileError, ImportAnswersError, ImportSummary};
use crate::workload::keys;
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, Stored};
use crate::workload::summary::summarize;
use crate::workload::workspace::{not_applied, workload_write, Workspace};

/// One answer of the file, checked against the lens and ready to apply.
struct Planned<'l> {
    pillar: &'l Pillar,
    question: &'l Question,
    update: AnswerUpdate,
    /// Where it is in the file, for errors found while applying it.
    path: String,
}

impl<S: Store> Workspace<S> {
    /// The lens review's answers as the JSON `aws wellarchitected list-answers` prints, now or
    /// as milestone `milestone` froze them.
    pub async fn export_answers(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
    ) -> Result<String, WorkspaceError> {
        self.answers_file(id, lens_alias, milestone, false).await
    }

    /// [`Self::export_answers`] with every question's and choice's notes added, in the fields
    /// of AWS's GetAnswer (`Notes`); `import_answers` reads them back.
    pub async fn export_answers_with_notes(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
    ) -> Result<String, WorkspaceError> {
        self.answers_file(id, lens_alias, milestone, true).await
    }

    async fn answers_file(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
        notes: bool,
    ) -> Result<String, WorkspaceError> {
        let state = self.lens_state(id, lens_alias, milestone).await?;
        let answers: Vec<Answer> = state
            .answers
            .iter()
            .map(|a| a.body.answer.to_answer())
            .collect();
        let mut document = answers_to_aws(id, lens_alias, &state.lens.lens, &answers);
        if notes {
            include_notes(&mut document, &answers);
        }
        Ok(to_aws_json(&document))
    }

    /// Applies an AWS answers file to the lens review in one commit; a file with any problem
    /// changes nothing.
    pub async fn import_answers(
        &self,
        id: &str,
        lens_alias: &str,
        text: &str,
    ) -> Result<ImportSummary, ImportAnswersError> {
        self.core.check_lens_alias("lensAlias", lens_alias)?;
        // The file is checked against the lens version the workload uses (custom lenses have
        // several; a shipped lens has one).
        let lens = match self.lens(lens_alias)? {
            Some(lens) => lens,
            None => {
                let doc = self.load_workload(id).await?;
                self.workload_lens("lensAlias", &doc.body, lens_alias)
                    .await?
            }
        };
        let planned = plan_file(text, &lens)?;
        let mut outcome = None;
        self.run(&mut |p| {
            match plan_import(p, id, lens_alias, &lens, &planned)? {
                Ok((writes, summary)) => {
                    outcome = Some(Ok(summary));
                    Ok(writes)
                }
                // A rule broken by the file: nothing is written.
                Err(file) => {
                    outcome = Some(Err(file));
                    Ok(Vec::new())
                }
            }
        })
        .await?;
        Ok(outcome.expect("planned")?)
    }
}

/// The answers the file changes and the workload's derived counts, with what the import did;
/// or the problem of the file (an answer that breaks a rule of `updateAnswer`).
fn plan_import(
    p: &mut Planning,
    id: &str,
    lens_alias: &str,
    lens: &CatalogLens,
    planned: &[Planned<'_>],
) -> Result<Result<(Vec<Write>, ImportSummary), AnswersFileError>, Halt> {
    let mut doc = p.workload(id)?;
    if !doc.body.lenses.iter().any(|l| l == lens_alias) {
        return Err(not_applied(id, lens_alias).into());
    }
    let stored: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of_lens(id, lens_alias))?;
    let mut all: Vec<Answer> = stored.iter().map(|a| a.body.answer.to_answer()).collect();
    let now = p.now();
    let mut writes = Vec::new();
    for item in planned {
        let answer_id = keys::answer(id, lens_alias, &item.question.id);
        let existing = stored.iter().find(|a| a.id == answer_id);
        let before = match existing {
            Some(a) => a.body.answer.to_answer(),
            None => match blank(item) {
                Ok(answer) => answer,
                Err(file) => return Ok(Err(file)),
            },
        };
        let answer = match apply_update(item.question, &item.pillar.id, Some(&before), &item.update)
        {
            Ok(answer) => answer,
            Err(e) => return Ok(Err(rule_error(&item.path, e))),
        };
        if answer == before {
            continue;
        }
        all.retain(|a| a.question_id != item.question.id);
        all.push(answer.clone());
        let record = AnswerDoc {
            lens_alias: lens_alias.to_string(),
            answer: answer.into(),
            updated_at: now.clone(),
            // An answers file carries no backlog: the item keeps its own.
            backlog: existing.and_then(|a| a.body.backlog.clone()),
            // Changed by the team: no longer the template's answer.
            from_template: None,
        };
        writes.push(Write {
            id: answer_id,
            expected_rev: existing.map(|a| a.rev.clone()),
            body: Some(to_body(&record)),
        });
    }
    let summary = summarize(lens, &all);
    let result = ImportSummary {
        lens_alias: lens_alias.to_string(),
        questions_in_file: planned.len() as u32,
        questions_updated: writes.len() as u32,
        risk_counts: summary.risk_counts,
    };
    if writes.is_empty() {
        return Ok(Ok((writes, result)));
    }
    doc.body
        .lens_summaries
        .insert(lens_alias.to_string(), summary);
    doc.body.refresh_totals();
    doc.body.updated_at = now;
    writes.push(workload_write(&doc));
    Ok(Ok((writes, result)))
}

/// The answer of a question never answered, as `updateAnswer` would start from.
fn blank(item: &Planned<'_>) -> Result<Answer, AnswersFileError> {
    apply_update(
        item.question,
        &item.pillar.id,
        None,
        &AnswerUpdate::default(),
    )
    .map_err(|e| rule_error(&item.path, e))
}

/// A rule of `updateAnswer` broken by the answer at `path` in the file.
fn rule_error(path: &str, e: WorkspaceError) -> AnswersFileError {
    match e {
        WorkspaceError::Validation { message, .. } => AnswersFileError::at(path, message),
        other => AnswersFileError::at(path, other.to_string()),
    }
}

/// Reads the file and checks every answer in it against `lens`.
fn plan_file<'l>(text: &str, lens: &'l CatalogLens) -> Result<Vec<Planned<'l>>, AnswersFileError> {
    let answers = answers_from_aws_json(text)?;
    // The reader above accepted the text, so it is JSON; read the shape again for the paths.
    let document: Value = serde_json::from_str(text)
        .map_err(|e| AnswersFileError::at("", format!("not valid JSON: {e}")))?;
    check_lens_alias(&document, &lens.alias)?;
    let (base, items) = answer_values(&document);
    let mut seen: HashMap<&str, String> = HashMap::new();
    let mut planned = Vec::new();
    for (i, answer) in answers.iter().enumerate() {
        let path = match base {
            "Answer" => base.to_string(),
            _ => format!("{base}[{i}]"),
        };
        let (pillar, question) = lens
            .lens
            .pillars
            .iter()
            .find_map(|p| {
                p.questions
                    .iter()
                    .find(|q| q.id == answer.question_id)
                    .map(|q| (p, q))
            })
            .ok_or_else(|| {
                AnswersFileError::at(
                    format!("{path}.QuestionId"),
                    format!(
                        "`{}` is not a question of lens `{}`",
                        answer.question_id, lens.alias
                    ),
                )
            })?;
        if let Some(first) = seen.insert(&question.id, path.clone()) {
            return Err(AnswersFileError::at(
                format!("{path}.QuestionId"),
                format!(
                    "question `{}` is answered twice (first at {first})",
                    question.id
                ),
            ));
        }
        if let Some(pillar_id) = answer.pillar_id.as_deref().filter(|p| *p != pillar.id) {
            return Err(AnswersFileError::at(
                format!("{path}.PillarId"),
                format!(
                    "question `{}` is in pillar `{}`, not `{pillar_id}`",
                    question.id, pillar.id
                ),
            ));
        }
        let choice_key = items
            .get(i)
            .and_then(|v| v.as_object())
            .and_then(|o| {
                ["ChoiceAnswerSummaries", "ChoiceAnswers"]
                    .into_iter()
                    .find(|k| o.get(*k).is_some_and(|v| !v.is_null()))
            })
            .unwrap_or("ChoiceAnswerSummaries");
        let update = update_of(answer, question, &path, choice_key)?;
        let item = Planned {
            pillar,
            question,
            update,
            path,
        };
        // The rules of updateAnswer (notes length, "None of these"), checked before any write.
        apply_update(question, &pillar.id, None, &item.update)
            .map_err(|e| rule_error(&item.path, e))?;
        planned.push(item);
    }
    Ok(planned)
}

/// `LensAlias` in the file, when present, must be this lens (or an ARN ending in it).
fn check_lens_alias(document: &Value, alias: &str) -> Result<(), AnswersFileError> {
    let Some(found) = document.get("LensAlias").and_then(Value::as_str) else {
        return Ok(());
    };
    let matches = found == alias || found.ends_with(&format!(":lens/{alias}"));
    if matches {
        Ok(())
    } else {
        Err(AnswersFileError::at(
            "LensAlias",
            format!("the file holds answers of lens `{found}`, not of `{alias}`"),
        ))
    }
}

/// Where the answers are: `AnswerSummaries[i]`, the one `Answer`, or a bare array `[i]`.
fn answer_values(document: &Value) -> (&'static str, Vec<&Value>) {
    match document {
        Value::Array(items) => ("", items.iter().collect()),
        Value::Object(o) => match o.get("AnswerSummaries").and_then(Value::as_array) {
            Some(items) => ("AnswerSummaries", items.iter().collect()),
            None => ("Answer", o.get("Answer").into_iter().collect()),
        },
        _ => ("", Vec::new()),
    }
}

/// The `updateAnswer` request that makes the question's answer what the file says: every
/// choice gets a status, so nothing of the saved answer's selection survives.
fn update_of(
    answer: &Answer,
    question: &Question,
    path: &str,
    choice_key: &str,
) -> Result<AnswerUpdate, AnswersFileError> {
    let known = |id: &str| question.choices.iter().any(|c| c.id == id);
    let not_a_choice = |at: String, id: &str| {
        AnswersFileError::at(
            at,
            format!("`{id}` is not a choice of question `{}`", question.id),
        )
    };
    for (j, id) in answer.selected_choices.iter().enumerate() {
        if !known(id) {
            return Err(not_a_choice(format!("{path}.SelectedChoices[{j}]"), id));
        }
    }
    let mut listed = HashMap::new();
    for (j, ca) in answer.choice_answers.iter().enumerate() {
        if !known(&ca.choice_id) {
            return Err(not_a_choice(
                format!("{path}.{choice_key}[{j}].ChoiceId"),
                &ca.choice_id,
            ));
        }
        let is_no = question
            .choices
            .iter()
            .any(|c| c.id == ca.choice_id && c.is_none_of_these());
        if is_no && ca.status == ChoiceStatus::NotApplicable {
            return Err(AnswersFileError::at(
                format!("{path}.{choice_key}[{j}].Status"),
                format!(
                    "`{}` is the \"None of these\" choice, which cannot be marked not applicable",
                    ca.choice_id
                ),
            ));
        }
        listed.insert(ca.choice_id.as_str(), ca);
    }
    let mut choice_updates = SortedMap::new();
    for choice in &question.choices {
        let entry = listed.get(choice.id.as_str());
        let status = if answer.selected_choices.contains(&choice.id)
            || entry.is_some_and(|c| c.status == ChoiceStatus::Selected)
        {
            ChoiceStatus::Selected
        } else if entry.is_some_and(|c| c.status == ChoiceStatus::NotApplicable) {
            ChoiceStatus::NotApplicable
        } else {
            ChoiceStatus::Unselected
        };
        choice_updates.insert(
            choice.id.clone(),
            ChoiceUpdate {
                status,
                reason: entry.and_then(|c| c.reason),
                notes: entry.and_then(|c| c.notes.clone()),
            },
        );
    }
    let selected: Vec<String> = question
        .choices
        .iter()
        .filter(|c| choice_updates[&c.id].status == ChoiceStatus::Selected)
        .map(|c| c.id.clone())
        .collect();
    Ok(AnswerUpdate {
        selected_choices: Some(selected),
        choice_updates: Some(choice_updates),
        is_applicable: Some(answer.is_applicable),
        reason: answer.reason,
        notes: answer.notes.clone(),
        expected_revision: None,
    })
}
