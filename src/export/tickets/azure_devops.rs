//! Azure Boards work items (CSV import): the workload an Epic, each question at risk a Feature
//! under it, each best practice to adopt a Task under its Feature.
//!
//! To import: Boards → Work items → *Import Work Items*, choose the file. The importer builds
//! the tree from the `Title 1` / `Title 2` / `Title 3` columns (a row's title sits in the
//! column of its level; its parent is the nearest row above one level up) and requires `ID`
//! to be empty for new work items. The process must have Epic, Feature and Task (Agile,
//! Scrum and CMMI do; in Basic use Epic / Issue / Task by renaming the types in the file).
//!
//! `Description` is an HTML field in Azure Boards: review text goes in escaped, line breaks
//! as `<br>`. `Priority` is Boards' 1 (highest) to 4. Tags are separated by `;`. No byte
//! order mark (the importer reads UTF-8); cells are formula-neutralised.

use super::{
    items, label, practice_description, question_description, question_title, workload_description,
    TicketFilter,
};
use crate::export::model::WorkloadExport;
use crate::export::rfc4180::CsvWriter;
use crate::review::Risk;

pub const HEADER: [&str; 8] = [
    "ID",
    "Work Item Type",
    "Title 1",
    "Title 2",
    "Title 3",
    "Priority",
    "Tags",
    "Description",
];

/// The whole file.
pub fn to_azure_devops_csv(export: &WorkloadExport, filter: &TicketFilter) -> String {
    let mut out = CsvWriter::new(false);
    out.row(HEADER);
    let props = &export.workload.properties;
    out.row([
        "",
        "Epic",
        &format!("Well-Architected improvements: {}", props.workload_name),
        "",
        "",
        "2",
        "well-architected",
        &html(&workload_description(export)),
    ]);
    for (lens, item) in items(export, filter) {
        let pillar = lens.pillar_name(&item.pillar_id);
        let tags = format!("well-architected; {}", label(pillar));
        let description = question_description(lens, item);
        out.row([
            "",
            "Feature",
            "",
            &question_title(lens, item),
            "",
            priority(item.risk),
            &tags,
            &html(&description),
        ]);
        for practice in &item.best_practices {
            let description = practice_description(practice);
            out.row([
                "",
                "Task",
                "",
                "",
                &practice.title,
                priority(practice.impact),
                &tags,
                &html(&description),
            ]);
        }
    }
    out.finish()
}

/// Boards' priority field: 1 for HIGH, 2 for MEDIUM, 3 for the rest.
fn priority(risk: Risk) -> &'static str {
    match risk {
        Risk::High => "1",
        Risk::Medium => "2",
        _ => "3",
    }
}

/// Text for an HTML field: markup characters as entities, line breaks as `<br>`.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_text_cannot_carry_markup() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\"\r\nnext"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;<br>next"
        );
    }
}
