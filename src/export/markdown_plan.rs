//! The Markdown report's improvement plan: the items at risk in plan order, each with its
//! backlog (owner, status, due date, notes) when it has one and its best practices to adopt,
//! then the resolved items apart, with the fields they kept.

use super::labels;
use super::markdown::{blank, line};
use super::markdown_text::{cell, inline, paragraph};
use super::model::LensExport;
use crate::workload::BacklogItem;

pub(super) fn plan_section(out: &mut String, lens: &LensExport) {
    line(out, "### Improvement plan");
    blank(out);
    let (resolved, open): (Vec<&BacklogItem>, Vec<&BacklogItem>) =
        lens.plan.iter().partition(|item| item.resolved);
    if open.is_empty() {
        line(out, "No question is at high or medium risk\\.");
        blank(out);
    }
    for (i, item) in open.iter().enumerate() {
        let number = lens.question_number(&item.question_id).unwrap_or("");
        let heading = format!(
            "{}\\. **{} risk**: {} {} \\({}\\)",
            i + 1,
            labels::risk(item.risk),
            inline(number),
            inline(&item.question_title),
            inline(lens.pillar_name(&item.pillar_id))
        );
        item_with_backlog(out, &heading, item);
        for practice in &item.best_practices {
            line(
                out,
                &format!(
                    "   - {} \\(impact if missing: {}\\)",
                    inline(&practice.title),
                    labels::risk(practice.impact)
                ),
            );
        }
    }
    if !open.is_empty() {
        blank(out);
    }
    if resolved.is_empty() {
        return;
    }
    line(out, "#### Resolved improvement items");
    blank(out);
    for item in resolved {
        let number = lens.question_number(&item.question_id).unwrap_or("");
        let heading = format!(
            "- {} {} \\({}\\): risk now {}",
            inline(number),
            inline(&item.question_title),
            inline(lens.pillar_name(&item.pillar_id)),
            labels::risk(item.risk)
        );
        item_with_backlog(out, &heading, item);
    }
    blank(out);
}

/// The item's line, and its backlog on the next lines of the same list item (hard breaks, so
/// a renderer keeps the lines apart without starting a new paragraph).
fn item_with_backlog(out: &mut String, heading: &str, item: &BacklogItem) {
    if item.updated_at.is_none() {
        line(out, heading);
        return;
    }
    line(out, &format!("{heading}\\"));
    let mut fields = vec![format!("Status: {}", item.status.label())];
    if let Some(reason) = &item.status_reason {
        fields[0].push_str(&format!(" \\({}\\)", cell(reason)));
    }
    if let Some(owner) = &item.owner {
        fields.push(format!("Owner: {}", cell(owner)));
    }
    if let Some(due) = &item.due_date {
        fields.push(format!("Due: {}", cell(due)));
    }
    match &item.notes {
        Some(notes) if !paragraph(notes).is_empty() => {
            line(out, &format!("   {}\\", fields.join(" · ")));
            line(out, &format!("   Notes: {}", paragraph(notes)));
        }
        _ => line(out, &format!("   {}", fields.join(" · "))),
    }
}
