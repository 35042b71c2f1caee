//! GitHub issues: a JSON array of `{title, body, labels}`, one issue per question at risk, its
//! best practices to adopt as a task list in the body, its backlog (status, owner, due date,
//! notes) as text in the body: `gh` assignees must be GitHub logins, owners are free text.
//! Bodies are Markdown with every piece of review text escaped
//! ([`crate::export::markdown_text`]), so a note cannot add HTML, links or mentions'
//! formatting to the issue.
//!
//! To create the issues with the GitHub CLI (`gh`, logged in, inside the repository's clone),
//! first the labels (creating an issue with an unknown label fails), then one issue per item:
//!
//! ```sh
//! jq -r '[.[].labels[]] | unique[]' issues.json | while read -r l; do gh label create "$l" --force; done
//! jq -c '.[]' issues.json | while read -r i; do jq -r .body <<<"$i" | gh issue create --title "$(jq -r .title <<<"$i")" --label "$(jq -r '.labels | join(",")' <<<"$i")" --body-file -; done
//! ```
//!
//! Labels never contain a comma (see [`super::label`]), so joining them for `--label` is safe.

use serde::Serialize;

use super::{backlog_text, items, label, question_notes, question_title, TicketFilter};
use crate::export::labels;
use crate::export::markdown_text::{inline, paragraph};
use crate::export::model::WorkloadExport;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GithubIssue {
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
}

/// The issues, in plan order.
pub fn issues(export: &WorkloadExport, filter: &TicketFilter) -> Vec<GithubIssue> {
    let workload = &export.workload.properties.workload_name;
    items(export, filter)
        .map(|(lens, item)| {
            let pillar = lens.pillar_name(&item.pillar_id);
            let mut body = format!(
                "**{} risk** in pillar {} of lens {}, workload {}\\.\n",
                labels::risk(item.risk),
                inline(pillar),
                inline(&lens.review.lens_name),
                inline(workload)
            );
            let notes = question_notes(lens, &item.question_id);
            if let Some(notes) = notes {
                body.push('\n');
                body.push_str(&paragraph(notes));
                body.push('\n');
            }
            if let Some(backlog) = backlog_text(item) {
                body.push('\n');
                body.push_str(&paragraph(&backlog));
                body.push('\n');
            }
            if !item.best_practices.is_empty() {
                body.push_str("\nBest practices to adopt, most impactful first:\n\n");
            }
            for practice in &item.best_practices {
                body.push_str(&format!(
                    "- [ ] {} \\(impact if missing: {}\\)\n",
                    inline(&practice.title),
                    labels::risk(practice.impact)
                ));
            }
            GithubIssue {
                title: question_title(lens, item),
                body,
                labels: vec![
                    "well-architected".to_string(),
                    format!("risk-{}", labels::risk(item.risk).to_ascii_lowercase()),
                    label(pillar),
                ],
            }
        })
        .collect()
}

/// The JSON file the `gh` loop above reads.
pub fn to_github_json(export: &WorkloadExport, filter: &TicketFilter) -> String {
    serde_json::to_string_pretty(&issues(export, filter)).expect("issues serialise")
}
