//! Recording milestones and reading them back. There is deliberately no way to change or
//! delete one: they go only with their workload.

use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::milestone::{Milestone, MilestoneSummary};
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{
    to_body, AnswerDoc, MilestoneDoc, MilestoneEntry, ReviewDoc, Stored,
};
use crate::workload::validate::{self, name_key, MAX_MILESTONES};
use crate::workload::workspace::{workload_write, LensState, Workspace};

use super::answers::views_of;
use super::reviews::review_of;

impl<S: Store> Workspace<S> {
    /// Records the workload's current state, with every review and answer, as milestone N+1.
    pub async fn create_milestone(
        &self,
        id: &str,
        milestone_name: &str,
    ) -> Result<MilestoneSummary, WorkspaceError> {
        self.perform(create_milestone(id.into(), milestone_name.into()))
            .await
    }

    /// The workload's milestones, oldest first, with their risk counts.
    pub async fn list_milestones(&self, id: &str) -> Result<Vec<MilestoneSummary>, WorkspaceError> {
        self.perform(list_milestones(id.into())).await
    }

    /// A milestone: the frozen workload, its lens reviews and the answers to every question.
    pub async fn get_milestone(
        &self,
        id: &str,
        milestone_number: u32,
    ) -> Result<Milestone, WorkspaceError> {
        self.perform(get_milestone(id.into(), milestone_number))
            .await
    }
}

pub(crate) fn create_milestone(
    id: String,
    milestone_name: String,
) -> impl Operation<Output = MilestoneSummary> {
    change(
        move |p| {
            validate::name("milestoneName", &milestone_name)?;
            plan_milestone(p, &id, &milestone_name)
        },
        |entry: MilestoneEntry, _| Ok(entry.to_api()),
    )
}

/// The workload's milestones, oldest first, with their risk counts.
pub(crate) fn list_milestones(id: String) -> impl Operation<Output = Vec<MilestoneSummary>> {
    query(move |p| {
        let doc = p.workload(&id)?;
        let mut list: Vec<MilestoneSummary> = doc
            .body
            .milestones
            .iter()
            .map(MilestoneEntry::to_api)
            .collect();
        crate::sorted::by_key(&mut list, |m| m.milestone_number);
        Ok(list)
    })
}

/// A milestone: the frozen workload, its lens reviews and the answers to every question.
pub(crate) fn get_milestone(
    id: String,
    milestone_number: u32,
) -> impl Operation<Output = Milestone> {
    query(move |p| {
        let id = id.as_str();
        let snapshot = p.milestone(id, milestone_number)?;
        let mut lens_reviews = Vec::new();
        let mut answers = Vec::new();
        for alias in &snapshot.workload.lenses {
            // A lens no longer available cannot be shown; its answers stay in the snapshot.
            let lens = match p.workload_lens("lensAlias", &snapshot.workload, alias) {
                Ok(lens) => lens,
                Err(halt @ Halt::Read(_)) => return Err(halt),
                // A shipped lens not loaded yet is not a lens gone: the call waits for it.
                Err(halt @ Halt::Failed(WorkspaceError::ShippedLens(_))) => return Err(halt),
                Err(Halt::Failed(_)) => continue,
            };
            let state = LensState::frozen(lens, id, &snapshot);
            let mut review = review_of(&state);
            p.set_latest(&mut review)?;
            lens_reviews.push(review);
            answers.extend(views_of(&state));
        }
        Ok(Milestone {
            milestone_number: snapshot.milestone_number,
            milestone_name: snapshot.milestone_name,
            recorded_at: snapshot.recorded_at,
            workload: snapshot.workload.to_workload(""),
            lens_reviews,
            answers,
        })
    })
}

/// The snapshot as milestone N+1 and the workload with it in its index. Rewriting the workload
/// orders the snapshot against concurrent answer updates: if one lands first, the commit is
/// refused and the shell snapshots again.
pub(crate) fn plan_milestone(
    p: &mut Planning,
    id: &str,
    milestone_name: &str,
) -> Result<(Vec<Write>, MilestoneEntry), Halt> {
    let mut doc = p.workload(id)?;
    let recorded = &doc.body.milestones;
    if recorded.len() >= MAX_MILESTONES {
        return Err(WorkspaceError::validation(
            "milestoneName",
            format!("a workload has at most {MAX_MILESTONES} milestones and this one has {}; no more can be saved", recorded.len()),
        ).into());
    }
    let key = name_key(milestone_name);
    if let Some(m) = recorded.iter().find(|m| name_key(&m.milestone_name) == key) {
        return Err(WorkspaceError::validation(
            "milestoneName",
            format!(
                "must be unique within the workload ignoring case and spaces; `{milestone_name}` matches milestone {} `{}`",
                m.milestone_number, m.milestone_name
            ),
        ).into());
    }
    let number = recorded
        .iter()
        .map(|m| m.milestone_number)
        .max()
        .unwrap_or(0)
        + 1;
    let reviews: Vec<Stored<ReviewDoc>> = p.all(&keys::reviews_of(id))?;
    let answers: Vec<Stored<AnswerDoc>> = p.all(&keys::answers_of(id))?;

    let entry = MilestoneEntry {
        milestone_number: number,
        milestone_name: milestone_name.to_string(),
        recorded_at: p.now(),
        risk_counts: doc.body.risk_counts,
        questions_answered: doc.body.questions_answered,
        question_count: doc.body.question_count,
    };
    let mut frozen = doc.body.clone();
    frozen.milestones.clear(); // the index of other milestones is not part of the state
    let snapshot = MilestoneDoc {
        milestone_number: number,
        milestone_name: milestone_name.to_string(),
        recorded_at: entry.recorded_at.clone(),
        workload: frozen,
        reviews: reviews.into_iter().map(|r| r.body).collect(),
        answers: answers.into_iter().map(|a| a.body).collect(),
    };
    doc.body.milestones.push(entry.clone());
    let writes = vec![
        Write {
            id: keys::milestone(id, number),
            expected_rev: None,
            body: Some(to_body(&snapshot)),
        },
        workload_write(&doc),
    ];
    Ok((writes, entry))
}
