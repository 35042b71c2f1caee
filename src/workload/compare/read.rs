//! `Workspace::compare_milestones`: reads the two states to compare through the same
//! operations the JS API offers (`getMilestone`, `getLensReview`, `listAnswers`), so a
//! comparison always agrees with what the milestone and review pages show.

use super::{compare, CompareRequest, MilestoneComparison, Side};
use crate::store::Store;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::workspace::Workspace;

impl<S: Store> Workspace<S> {
    /// Compares two states of workload `id`: milestone `request.from` (or the current state)
    /// before, milestone `request.to` (or the current state) after. With neither named, the
    /// latest milestone is compared with the current state. Either order is allowed, and the
    /// same milestone on both sides gives a comparison with no change.
    pub async fn compare_milestones(
        &self,
        id: &str,
        request: CompareRequest,
    ) -> Result<MilestoneComparison, WorkspaceError> {
        for (field, number) in [("from", request.from), ("to", request.to)] {
            if number == Some(0) {
                return Err(WorkspaceError::validation(
                    field,
                    "must be a milestone number (milestones are numbered from 1), or omitted for the current state",
                ));
            }
        }
        let (from, to) = match (request.from, request.to) {
            (None, None) => (Some(self.latest_milestone(id).await?), None),
            named => named,
        };
        let before = self.side(id, from).await?;
        let after = self.side(id, to).await?;
        Ok(compare(id, before, after))
    }

    async fn latest_milestone(&self, id: &str) -> Result<u32, WorkspaceError> {
        self.list_milestones(id)
            .await?
            .iter()
            .map(|m| m.milestone_number)
            .max()
            .ok_or_else(|| {
                WorkspaceError::not_found(format!(
                    "workload `{id}` has no milestone to compare with the current state; save one first"
                ))
            })
    }

    /// Milestone `number` as `getMilestone` returns it, or the current state read lens by
    /// lens. Lenses the workspace no longer knows are left out, as `getMilestone` does.
    async fn side(&self, id: &str, number: Option<u32>) -> Result<Side, WorkspaceError> {
        if let Some(n) = number {
            return Ok(self.get_milestone(id, n).await?.into());
        }
        let workload = self.get_workload(id).await?;
        // The current state: no milestone fields.
        let mut side = Side::default();
        for alias in &workload.lenses {
            if !self.core.shipped.is_shipped(alias) && !keys::is_custom_alias(alias) {
                continue;
            }
            side.lens_reviews
                .push(self.get_lens_review(id, alias, None).await?);
            side.answers
                .extend(self.list_answers(id, alias, None).await?);
        }
        Ok(side)
    }
}
