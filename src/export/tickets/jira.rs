//! Jira CSV, mapped as AWS's Jira connector maps a review: the workload is an Epic, each
//! question at risk a Task under it, each best practice to adopt a Sub-task of its Task; the
//! pillar is the label and the risk the priority.
//!
//! To import: in Jira, *Import issues from a CSV file* (System → External system import, or a
//! project's Import work items), choose the file, keep UTF-8, and map the columns to the
//! fields of the same name (`Issue ID` and `Parent` to the hierarchy fields: the importer
//! links each row to the row whose `Issue ID` its `Parent` names; these ids only live in the
//! file, Jira gives real keys).
//!
//! `Epic Name` is set on the Epic only: Jira Data Center requires it to create an epic; Jira
//! Cloud has no such field, leave the column unmapped there.
//!
//! Descriptions are plain text. Cells are formula-neutralised like every CSV of Plumbline (a
//! title starting with `=` is imported as `'=`), and there is no byte order mark: Jira reads
//! the file as the encoding chosen on import, and a mark would become part of the first
//! column's name.

use super::{
    items, label, practice_description, priority_word, question_description, question_title,
    workload_description, TicketFilter,
};
use crate::export::model::WorkloadExport;
use crate::export::rfc4180::CsvWriter;

pub const HEADER: [&str; 8] = [
    "Issue Type",
    "Issue ID",
    "Parent",
    "Summary",
    "Epic Name",
    "Description",
    "Priority",
    "Labels",
];

/// The whole file.
pub fn to_jira_csv(export: &WorkloadExport, filter: &TicketFilter) -> String {
    let mut out = CsvWriter::new(false);
    out.row(HEADER);
    let props = &export.workload.properties;
    let epic_id = "1";
    out.row([
        "Epic",
        epic_id,
        "",
        &format!("Well-Architected improvements: {}", props.workload_name),
        &props.workload_name,
        &workload_description(export),
        "",
        "well-architected",
    ]);
    let mut next_id = 2;
    for (lens, item) in items(export, filter) {
        let task_id = next_id.to_string();
        next_id += 1;
        let description = question_description(lens, item);
        out.row([
            "Task",
            &task_id,
            epic_id,
            &question_title(lens, item),
            "",
            &description,
            priority_word(item.risk),
            &label(lens.pillar_name(&item.pillar_id)),
        ]);
        for practice in &item.best_practices {
            let description = practice_description(practice);
            out.row([
                "Sub-task",
                &next_id.to_string(),
                &task_id,
                &practice.title,
                "",
                &description,
                priority_word(practice.impact),
                &label(lens.pillar_name(&item.pillar_id)),
            ]);
            next_id += 1;
        }
    }
    out.finish()
}
