//! Answering questions and reading answers, now or as a milestone froze them.

use crate::review::question_risk;
use crate::store::{Store, Write};
use crate::workload::answer::{apply_update, view, AnswerUpdate, AnswerView};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::record::{to_body, AnswerDoc, Stored};
use crate::workload::summary::summarize;
use crate::workload::workspace::{
    check_expected, find_question, gave_up, not_applied, workload_write, LensState, Workspace,
    ATTEMPTS,
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
        self.check_lens_alias("lensAlias", lens_alias)?;
        // A shipped lens's questions are known before any read (custom lenses: below, at the
        // version the workload uses).
        if let Some(lens) = self.lens(lens_alias) {
            find_question(lens, question_id)?;
        }
        for _ in 0..ATTEMPTS {
            // Fresh reads every time: the derived counts must match the answers committed.
            let mut doc = self.load_workload(id).await?;
            if !doc.body.lenses.iter().any(|l| l == lens_alias) {
                return Err(not_applied(id, lens_alias));
            }
            let lens = self
                .workload_lens("lensAlias", &doc.body, lens_alias)
                .await?;
            let (pillar, question) = find_question(&lens, question_id)?;
            let answers: Vec<Stored<AnswerDoc>> = self
                .load_all(&keys::answers_of_lens(id, lens_alias))
                .await?;
            let answer_id = keys::answer(id, lens_alias, question_id);
            let existing = answers.iter().find(|a| a.id == answer_id);
            let current_rev = existing.map_or("", |a| a.rev.as_str());
            check_expected("answer", update.expected_revision.as_deref(), current_rev)?;

            let answer = apply_update(
                question,
                &pillar.id,
                existing.map(|a| &a.body.answer),
                &update,
            )?;
            let now = self.now();
            let record = AnswerDoc {
                lens_alias: lens_alias.to_string(),
                answer,
                updated_at: now.clone(),
            };
            let mut all: Vec<_> = answers
                .iter()
                .filter(|a| a.id != answer_id)
                .map(|a| a.body.answer.clone())
                .collect();
            all.push(record.answer.clone());
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
            if let Some(revs) = self.try_commit(writes).await? {
                let risk = question_risk(question, Some(&record.answer));
                return Ok(view(
                    lens_alias,
                    &pillar.id,
                    question,
                    Some(&record.answer),
                    risk,
                    Some(&now),
                    &revs[0],
                ));
            }
        }
        Err(gave_up())
    }

    /// One question's answer (unanswered questions too), now or in milestone `milestone`.
    pub async fn get_answer(
        &self,
        id: &str,
        lens_alias: &str,
        question_id: &str,
        milestone: Option<u32>,
    ) -> Result<AnswerView, WorkspaceError> {
        let state = self.lens_state(id, lens_alias, milestone).await?;
        let (pillar, question) = find_question(&state.lens, question_id)?;
        let stored = state
            .answers
            .iter()
            .find(|a| a.body.answer.question_id == question.id);
        Ok(answer_view(lens_alias, &pillar.id, question, stored))
    }

    /// Every question of the lens with its answer and risk, in lens order.
    pub async fn list_answers(
        &self,
        id: &str,
        lens_alias: &str,
        milestone: Option<u32>,
    ) -> Result<Vec<AnswerView>, WorkspaceError> {
        let state = self.lens_state(id, lens_alias, milestone).await?;
        Ok(views_of(&state))
    }
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
    let answer = stored.map(|s| &s.body.answer);
    let risk = question_risk(question, answer);
    view(
        lens_alias,
        pillar_id,
        question,
        answer,
        risk,
        stored.map(|s| s.body.updated_at.as_str()),
        stored.map_or("", |s| s.rev.as_str()),
    )
}
