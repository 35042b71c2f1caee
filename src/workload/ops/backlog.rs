//! The improvement plan with its backlog: setting an item's owner, status, due date and notes,
//! and the plan items carrying them (resolved ones included).

use crate::lens::model::Lens;
use crate::review::{self, question_risk, Answer, PlanItem, PlanOptions, Risk};
use crate::store::{Store, Write};
use crate::workload::backlog::{self, BacklogFields, BacklogItem, ImprovementItemUpdate};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, BacklogRecord, Stored};
use crate::workload::workspace::{check_expected, find_question, not_applied, Workspace};

impl<S: Store> Workspace<S> {
    /// Sets an improvement item's owner, status (and reason), due date or notes (see
    /// [`update_improvement_item`]).
    pub async fn update_improvement_item(
        &self,
        id: &str,
        lens_alias: &str,
        question_id: &str,
        update: ImprovementItemUpdate,
    ) -> Result<BacklogItem, WorkspaceError> {
        let op = update_improvement_item(id.into(), lens_alias.into(), question_id.into(), update);
        self.perform(op).await
    }
}

/// Only the answer document's `backlog` changes: the answer, its `updatedAt` and the
/// workload's summary stay as they are.
pub(crate) fn update_improvement_item(
    id: String,
    lens_alias: String,
    question_id: String,
    update: ImprovementItemUpdate,
) -> impl Operation<Output = BacklogItem> {
    change(
        move |p| {
            p.core.check_lens_alias("lensAlias", &lens_alias)?;
            plan_item(p, &id, &lens_alias, &question_id, &update)
        },
        |mut item: BacklogItem, mut revs| {
            item.revision = revs.swap_remove(0);
            Ok(item)
        },
    )
}

fn plan_item(
    p: &mut Planning,
    id: &str,
    lens_alias: &str,
    question_id: &str,
    update: &ImprovementItemUpdate,
) -> Result<(Vec<Write>, BacklogItem), Halt> {
    let doc = p.workload(id)?;
    if !doc.body.lenses.iter().any(|l| l == lens_alias) {
        return Err(not_applied(id, lens_alias).into());
    }
    let lens = p.workload_lens("lensAlias", &doc.body, lens_alias)?;
    // Unlike an answer's question (a bad argument), an item of no question does not exist.
    let (pillar, question) = find_question(&lens, question_id).map_err(|_| {
        WorkspaceError::not_found(format!(
            "`{question_id}` is not a question of lens `{lens_alias}`"
        ))
    })?;
    let mut answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of_lens(id, lens_alias))?;
    let answer_id = keys::answer(id, lens_alias, question_id);
    let index = answers.iter().position(|a| a.id == answer_id);
    let stored = index.map(|i| &answers[i]);
    check_expected(
        "improvement item",
        update.expected_revision.as_deref(),
        stored.map_or("", |a| a.rev.as_str()),
    )?;
    let answer = stored.map(|a| a.body.answer.to_answer());
    let risk = question_risk(question, answer.as_ref());
    let had_fields = stored.is_some_and(|a| a.body.backlog.is_some());
    let index = match index {
        Some(i) if had_fields || at_risk(risk) => i,
        _ => {
            return Err(WorkspaceError::validation(
                "questionId",
                format!(
                    "question `{question_id}` is not an improvement item: only questions at high or medium risk are, and its risk is {}",
                    risk.as_str()
                ),
            )
            .into())
        }
    };
    let before = answers[index]
        .body
        .backlog
        .as_ref()
        .map(BacklogRecord::fields)
        .unwrap_or_default();
    let fields = backlog::apply(before, update)?;
    let now = p.now();
    let stored = &mut answers[index];
    stored.body.backlog = BacklogRecord::of(fields, &now);
    let writes = vec![Write {
        id: answer_id,
        expected_rev: Some(stored.rev.clone()),
        body: Some(to_body(&stored.body)),
    }];
    let only_this = PlanOptions {
        question_ids: vec![question_id.to_string()],
        ..PlanOptions::default()
    };
    // A resolved item cleared of every field has left the plan: it is returned as it now is.
    let item = backlog_plan(&lens.lens, &answers, &only_this)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            let plain = PlanItem {
                question_id: question.id.clone(),
                pillar_id: pillar.id.clone(),
                question_title: question.title.clone(),
                risk,
                best_practices: Vec::new(),
            };
            BacklogItem::new(plain, BacklogFields::default(), None, String::new())
        });
    Ok((writes, item))
}

fn at_risk(risk: Risk) -> bool {
    matches!(risk, Risk::High | Risk::Medium)
}

/// The improvement plan of `answers` with each item's backlog fields, then the resolved items
/// (questions no longer at risk whose backlog fields are kept) in lens order. The pillar and
/// question filters apply to both; a risk filter keeps only items at that risk, so no
/// resolved one.
pub(crate) fn backlog_plan(
    lens: &Lens,
    answers: &[Stored<AnswerDoc>],
    options: &PlanOptions,
) -> Vec<BacklogItem> {
    let plain: Vec<Answer> = answers.iter().map(|a| a.body.answer.to_answer()).collect();
    // A lens has at most a few hundred questions: a scan costs less wasm than a map.
    let stored_of = |question_id: &str| {
        answers
            .iter()
            .find(|a| a.body.answer.question_id == question_id)
    };
    let with_fields = |item: PlanItem| {
        let stored = stored_of(&item.question_id);
        let record = stored.and_then(|s| s.body.backlog.as_ref());
        BacklogItem::new(
            item,
            record.map(BacklogRecord::fields).unwrap_or_default(),
            record.map(|r| r.updated_at.clone()),
            stored.map_or_else(String::new, |s| s.rev.clone()),
        )
    };
    let mut items: Vec<BacklogItem> = review::improvement_plan(lens, &plain, options)
        .into_iter()
        .map(with_fields)
        .collect();
    if !options.risks.is_empty() {
        return items;
    }
    for pillar in &lens.pillars {
        if !options.pillars.is_empty() && !options.pillars.contains(&pillar.id) {
            continue;
        }
        for question in &pillar.questions {
            if !options.question_ids.is_empty() && !options.question_ids.contains(&question.id) {
                continue;
            }
            let Some(stored) = stored_of(&question.id) else {
                continue;
            };
            let risk = question_risk(question, Some(&stored.body.answer.to_answer()));
            if stored.body.backlog.is_none() || at_risk(risk) {
                continue;
            }
            items.push(with_fields(PlanItem {
                question_id: question.id.clone(),
                pillar_id: pillar.id.clone(),
                question_title: question.title.clone(),
                risk,
                best_practices: Vec::new(),
            }));
        }
    }
    items
}
