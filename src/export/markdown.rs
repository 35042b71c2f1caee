//! The report as Markdown (CommonMark with GitHub's tables), for a wiki or a pull request:
//! the workload, a summary of risks, per lens a table of pillars, the improvement plan, and
//! every answered question with its practices and notes. All text from the workload or the
//! lens goes through [`super::markdown_text`].

use std::fmt::Write as _;

use super::labels;
use super::markdown_plan::plan_section;
use super::markdown_text::{cell, inline, paragraph};
use super::model::{LensExport, QuestionExport, WorkloadExport};
use crate::review::{ChoiceStatus, Risk, RiskCounts};

/// The whole document.
pub fn to_markdown(export: &WorkloadExport) -> String {
    let mut out = String::new();
    let props = &export.workload.properties;
    line(&mut out, &format!("# {}", inline(&props.workload_name)));
    blank(&mut out);
    if let Some(m) = &export.milestone {
        line(
            &mut out,
            &format!(
                "Milestone {}: {} \\(recorded {}\\)",
                m.milestone_number,
                inline(&m.milestone_name),
                inline(&m.recorded_at)
            ),
        );
        blank(&mut out);
    }
    summary(&mut out, export);
    for lens in &export.lenses {
        lens_section(&mut out, lens);
    }
    out
}

fn summary(out: &mut String, export: &WorkloadExport) {
    let props = &export.workload.properties;
    line(out, "## Summary");
    blank(out);
    line(out, "| Property | Value |");
    line(out, "| --- | --- |");
    let rows = [
        ("Description", props.description.clone()),
        ("Review owner", props.review_owner.clone()),
        (
            "Environment",
            labels::environment(props.environment).to_string(),
        ),
        (
            "Improvement status",
            props.improvement_status.label().to_string(),
        ),
        ("Last updated", export.workload.updated_at.clone()),
        (
            "Lenses",
            export
                .lenses
                .iter()
                .map(|l| l.review.lens_name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    for (name, value) in rows {
        line(out, &format!("| {name} | {} |", cell(&value)));
    }
    blank(out);
    let c = export.risk_counts;
    line(
        out,
        &format!(
            "Questions answered: {} of {}\\. High risks: {}, medium risks: {}\\.",
            c.answered(),
            c.answered() + c.unanswered,
            c.high,
            c.medium
        ),
    );
    blank(out);
    if let Some(notes) = &props.notes {
        line(out, &paragraph(notes));
        blank(out);
    }
}

fn lens_section(out: &mut String, lens: &LensExport) {
    let review = &lens.review;
    line(
        out,
        &format!(
            "## {} \\(version {}\\)",
            inline(&review.lens_name),
            inline(&review.lens_version)
        ),
    );
    blank(out);
    if let Some(notes) = &review.notes {
        line(out, &paragraph(notes));
        blank(out);
    }
    line(
        out,
        "| Pillar | Questions answered | High | Medium | None | Not applicable | Unanswered |",
    );
    line(out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for pillar in &lens.pillars {
        counts_row(
            out,
            &cell(&pillar.name),
            &pillar.risk_counts,
            pillar.questions.len(),
        );
    }
    counts_row(
        out,
        "**Total**",
        &review.risk_counts,
        review.question_count as usize,
    );
    blank(out);

    plan_section(out, lens);

    line(out, "### Answers");
    blank(out);
    for pillar in &lens.pillars {
        line(out, &format!("#### {}", inline(&pillar.name)));
        blank(out);
        if let Some(notes) = &pillar.notes {
            line(out, &paragraph(notes));
            blank(out);
        }
        for question in &pillar.questions {
            question_section(out, question);
        }
    }
}

fn question_section(out: &mut String, question: &QuestionExport) {
    line(
        out,
        &format!(
            "**{} {}**: {}",
            inline(&question.number),
            inline(&question.title),
            labels::risk(question.risk)
        ),
    );
    blank(out);
    if !question.is_applicable {
        let reason = question.reason.map_or("None", labels::answer_reason);
        line(
            out,
            &format!("Does not apply to this workload \\(reason: {reason}\\)\\."),
        );
        blank(out);
    } else if question.risk != Risk::Unanswered {
        for practice in &question.practices {
            let mark = match practice.status {
                ChoiceStatus::Selected => "[x]",
                _ => "[ ]",
            };
            let mut text = format!("- {mark} {}", inline(&practice.title));
            if practice.status == ChoiceStatus::NotApplicable {
                let reason = practice.reason.map_or("None", labels::choice_reason);
                let _ = write!(text, " \\(does not apply: {reason}\\)");
            }
            line(out, &text);
            if let Some(notes) = &practice.notes {
                line(out, &indent(&paragraph(notes)));
            }
        }
        blank(out);
    }
    if let Some(notes) = &question.notes {
        line(out, &paragraph(notes));
        blank(out);
    }
}

fn counts_row(out: &mut String, name: &str, c: &RiskCounts, questions: usize) {
    line(
        out,
        &format!(
            "| {name} | {} of {questions} | {} | {} | {} | {} | {} |",
            c.answered(),
            c.high,
            c.medium,
            c.none,
            c.not_applicable,
            c.unanswered
        ),
    );
}

/// Continuation lines of a list item: indented under its text.
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

pub(super) fn blank(out: &mut String) {
    out.push('\n');
}
