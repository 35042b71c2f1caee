//! The improvement plan as tracker import files, with no connector: [`jira`] (CSV for Jira's
//! importer), [`github`] (JSON for a `gh issue create` loop), [`azure_devops`] (CSV for Azure
//! Boards' work-item import).
//!
//! Every tracker gets the same items: the exported lenses' improvement plans in plan order,
//! kept by [`TicketFilter`] (HIGH and MEDIUM risk, status Open or In progress by default, every
//! pillar; resolved items never). Each question is one ticket, each best practice still to
//! adopt one child ticket, under one parent for the workload.
//!
//! An item's owner, status, due date and notes go in the question ticket's description
//! ([`backlog_text`]), never in the trackers' assignee fields: Jira's `Assignee` and Azure
//! Boards' `Assigned To` (and GitHub's assignees) must name an existing account of that
//! tracker, and the owner here is free text ("Payments team", "Ana"), so mapping it there
//! makes the whole import fail or drop the row. A person who imports can assign in bulk.

pub mod azure_devops;
pub mod github;
pub mod jira;

use serde::{Deserialize, Serialize};

use super::labels;
use super::model::{LensExport, WorkloadExport};
use crate::review::{PlanBestPractice, Risk};
use crate::workload::{BacklogItem, ItemStatus};

/// Which plan items become tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketFilter {
    /// Pillar ids to keep; empty = every pillar.
    pub pillars: Vec<String>,
    /// Risks to keep (HIGH and/or MEDIUM: only those are in a plan).
    pub risks: Vec<Risk>,
    /// Backlog statuses to keep (an item without backlog fields is `OPEN`); empty = all.
    pub statuses: Vec<ItemStatus>,
}

impl Default for TicketFilter {
    fn default() -> Self {
        TicketFilter {
            pillars: Vec::new(),
            risks: vec![Risk::High, Risk::Medium],
            // Work still to do: a tracker does not need what is done or set aside.
            statuses: vec![ItemStatus::Open, ItemStatus::InProgress],
        }
    }
}

impl TicketFilter {
    fn keeps(&self, item: &BacklogItem) -> bool {
        !item.resolved
            && (self.pillars.is_empty() || self.pillars.contains(&item.pillar_id))
            && (self.risks.is_empty() || self.risks.contains(&item.risk))
            && (self.statuses.is_empty() || self.statuses.contains(&item.status))
    }
}

/// The plan items to turn into tickets, each with its lens, in plan order lens by lens.
pub fn items<'a>(
    export: &'a WorkloadExport,
    filter: &'a TicketFilter,
) -> impl Iterator<Item = (&'a LensExport, &'a BacklogItem)> + 'a {
    export.lenses.iter().flat_map(move |lens| {
        lens.plan
            .iter()
            .filter(move |item| filter.keeps(item))
            .map(move |item| (lens, item))
    })
}

/// A ticket's title for a question: "OPS 1 · How do you …" (the number keeps titles unique).
pub fn question_title(lens: &LensExport, item: &BacklogItem) -> String {
    match lens.question_number(&item.question_id) {
        Some(number) if !number.is_empty() => format!("{number} · {}", item.question_title),
        _ => item.question_title.clone(),
    }
}

/// The notes of the item's question, if any.
pub fn question_notes<'a>(lens: &'a LensExport, question_id: &str) -> Option<&'a str> {
    lens.pillars
        .iter()
        .flat_map(|p| &p.questions)
        .find(|q| q.question_id == question_id)
        .and_then(|q| q.notes.as_deref())
}

/// A question ticket's plain-text description: where it comes from, its risk, its notes.
pub fn question_description(lens: &LensExport, item: &BacklogItem) -> String {
    let mut text = format!(
        "Lens: {}. Pillar: {}. Risk: {}.",
        lens.review.lens_name,
        lens.pillar_name(&item.pillar_id),
        labels::risk(item.risk)
    );
    if let Some(notes) = question_notes(lens, &item.question_id) {
        text.push_str("\nNotes: ");
        text.push_str(notes);
    }
    if let Some(backlog) = backlog_text(item) {
        text.push('\n');
        text.push_str(&backlog);
    }
    text
}

/// The item's backlog as plain text ("Status: In progress. Owner: Ana. Due: 2027-03-31."
/// and its notes on the next line); `None` when it has no backlog fields.
pub fn backlog_text(item: &BacklogItem) -> Option<String> {
    item.updated_at.as_ref()?;
    let mut text = format!("Status: {}", item.status.label());
    if let Some(reason) = &item.status_reason {
        text.push_str(&format!(" ({reason})"));
    }
    text.push('.');
    if let Some(owner) = &item.owner {
        text.push_str(&format!(" Owner: {owner}."));
    }
    if let Some(due) = &item.due_date {
        text.push_str(&format!(" Due: {due}."));
    }
    if let Some(notes) = &item.notes {
        text.push_str("\nItem notes: ");
        text.push_str(notes);
    }
    Some(text)
}

/// A best practice ticket's plain-text description: its impact and how to adopt it.
pub fn practice_description(practice: &PlanBestPractice) -> String {
    let mut text = format!("Impact if missing: {}.", labels::risk(practice.impact));
    if let Some(plan) = &practice.improvement_plan {
        text.push_str("\nHow: ");
        text.push_str(&plan.display_text);
        if let Some(url) = &plan.url {
            text.push_str(&format!(" ({url})"));
        }
    }
    text
}

/// The parent ticket's plain-text description.
pub fn workload_description(export: &WorkloadExport) -> String {
    let props = &export.workload.properties;
    format!(
        "Improvement plan of workload {} (review owner: {}).",
        props.workload_name, props.review_owner
    )
}

/// The tracker priority of a risk: trackers have High / Medium / Low words.
pub fn priority_word(risk: Risk) -> &'static str {
    match risk {
        Risk::High => "High",
        Risk::Medium => "Medium",
        _ => "Low",
    }
}

/// A label or tag from untrusted text: trackers split labels on spaces (Jira), commas (`gh`)
/// or semicolons (Azure Boards), so those become `-`.
pub fn label(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || matches!(c, ',' | ';') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_lose_every_separator_a_tracker_splits_on() {
        assert_eq!(label(" Cost Optimization, a;b "), "Cost-Optimization--a-b");
    }

    #[test]
    fn the_default_filter_keeps_high_and_medium() {
        assert_eq!(
            TicketFilter::default().risks,
            vec![Risk::High, Risk::Medium]
        );
    }

    #[test]
    fn the_default_filter_keeps_only_work_still_to_do() {
        assert_eq!(
            TicketFilter::default().statuses,
            vec![ItemStatus::Open, ItemStatus::InProgress]
        );
    }
}
