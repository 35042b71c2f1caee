//! Answering questions and reading answers, now or as a milestone froze them.

use crate::review::question_risk;
use crate::store::{Store, Write};
use crate::workload::answer::{apply_update, view, AnswerUpdate, AnswerView};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{to_body, AnswerDoc, Stored};
use crate::workload::summary::summarize;
use crate::workload::workspace::{
    check_expected, find_question, not_applied, workload_write, LensState, Workspace,
};

impl<S: Store> Workspace<S> {
    /// Answers one question and updates the workload's stored risk counts in the same commit.
    pub async fn update_answer(
        &self,
        id: &str,
        lens_alias: &str,
        question_id: &str,
        update: AnswerUpdate,
    ) -> Result<AnswerView, WorkspaceError> {
        let op = update_answer(id.into(), lens_alias.into(), question_id.into(), update);
        self.perform(op).await
    }

    /// One question's answer (unanswered questions too), now or in milestone `milestone`.
    pub async fn get_answer(
        &self,
        id: &str,
        lens_alias: &str,
        question_id: &str,
        milestone: Option<u32>,
    ) -> Result<AnswerView, WorkspaceError> {
        let op = get_answer(id.into(), lens_alias.into(), question_id.into(), milestone);
        self.perform(op).await
    }

    /// Every question of the lens with its answer and risk, in lens order.
    pub async fn list_answers(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
    ) -> Result<Vec<AnswerView>, WorkspaceError> {
        self.perform(list_answers(id.into(), lens_alias.into(), milestone))
            .await
    }
}

pub(crate) fn update_answer(
    id: String,
    lens_alias: String,
    question_id: String,
    update: AnswerUpdate,
) -> impl Operation<Output = AnswerView> {
    change(
        move |p| {
            p.core.check_lens_alias("lensAlias", &lens_alias)?;
            // A shipped lens's questions are known before any read (custom lenses: in
            // `plan_answer`, at the version the workload uses).
            if let Some(lens) = p.core.shipped_lens(&lens_alias)? {
                find_question(&lens, &question_id)?;
            }
            plan_answer(p, &id, &lens_alias, &question_id, &update)
        },
        |mut view: AnswerView, mut revs| {
            view.revision = revs.swap_remove(0);
            Ok(view)
        },
    )
}

pub(crate) fn get_answer(
    id: String,
    lens_alias: String,
    question_id: String,
    milestone: Option<u32>,
) -> impl Operation<Output = AnswerView> {
    query(move |p| {
        let state = p.lens_state(&id, &lens_alias, milestone)?;
        let (pillar, question) = find_question(&state.lens, &question_id)?;
        let stored = state
            .answers
            .iter()
            .find(|a| a.body.answer.question_id == question.id);
        Ok(answer_view(&lens_alias, &pillar.id, question, stored))
    })
}

pub(crate) fn list_answers(
    id: String,
    lens_alias: String,
    milestone: Option<u32>,
) -> impl Operation<Output = Vec<AnswerView>> {
    query(move |p| Ok(views_of(&p.lens_state(&id, &lens_alias, milestone)?)))
}

/// The answer's document and the workload's (its derived counts) in one write set, and the
/// answer as the caller sees it (its `revision` is the answer document's new one).
pub(crate) fn plan_answer(
    p: &mut Planning,
    id: &str,
    lens_alias: &str,
    question_id: &str,
    update: &AnswerUpdate,
) -> Result<(Vec<Write>, AnswerView), Halt> {
    // Fresh reads on every attempt: the derived counts must match the answers committed.
    let mut doc = p.owner(id)?;
    if !doc.body.lenses.iter().any(|l| l == lens_alias) {
        return Err(not_applied(id, lens_alias).into());
    }
    let lens = p.workload_lens("lensAlias", &doc.body, lens_alias)?;
    let (pillar, question) = find_question(&lens, question_id)?;
    let answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of_lens(id, lens_alias))?;
    let answer_id = keys::answer(id, lens_alias, question_id);
    let existing = answers.iter().find(|a| a.id == answer_id);
    let current_rev = existing.map_or("", |a| a.rev.as_str());
    check_expected("answer", update.expected_revision.as_deref(), current_rev)?;

    let before = existing.map(|a| a.body.answer.to_answer());
    let answer = apply_update(question, &pillar.id, before.as_ref(), update)?;
    let now = p.now();
    doc.body.bump_template();
    let record = AnswerDoc {
        lens_alias: lens_alias.to_string(),
        answer: answer.clone().into(),
        updated_at: now.clone(),
        // The item's backlog is not the answer's to change.
        backlog: existing.and_then(|a| a.body.backlog.clone()),
        // A team's change ends the template's provenance; a template's records its version.
        from_template: doc.body.own_source(),
    };
    let mut all: Vec<_> = answers
        .iter()
        .filter(|a| a.id != answer_id)
        .map(|a| a.body.answer.to_answer())
        .collect();
    all.push(record.answer.to_answer());
    doc.body
        .lens_summaries
        .insert(lens_alias.to_string(), summarize(&lens, &all));
    doc.body.refresh_totals();
    doc.body.updated_at = now.clone();

    let writes = vec![
        Write {
            id: answer_id,
            expected_rev: existing.map(|a| a.rev.clone()),
            body: Some(to_body(&record)),
        },
        workload_write(&doc),
    ];
    let risk = question_risk(question, Some(&answer));
    let view = view(
        lens_alias,
        &pillar.id,
        question,
        Some(&answer),
        risk,
        Some(&now),
        "",
    );
    Ok((writes, view))
}

/// Every question of a lens state, answered or not.
pub(crate) fn views_of(state: &LensState) -> Vec<AnswerView> {
    let mut out = Vec::new();
    for pillar in &state.lens.lens.pillars {
        for question in &pillar.questions {
            let stored = state
                .answers
                .iter()
                .find(|a| a.body.answer.question_id == question.id);
            out.push(answer_view(&state.lens.alias, &pillar.id, question, stored));
        }
    }
    out
}

fn answer_view(
    lens_alias: &str,
    pillar_id: &str,
    question: &crate::lens::model::Question,
    stored: Option<&Stored<AnswerDoc>>,
) -> AnswerView {
    let answer = stored.map(|s| s.body.answer.to_answer());
    let answer = answer.as_ref();
    let risk = question_risk(question, answer);
    let mut view = view(
        lens_alias,
        pillar_id,
        question,
        answer,
        risk,
        stored.map(|s| s.body.updated_at.as_str()),
        stored.map_or("", |s| s.rev.as_str()),
    );
    view.from_template = stored.and_then(|s| s.body.from_template.clone());
    view
}
