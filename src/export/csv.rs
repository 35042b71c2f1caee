//! The per-practice CSV: one row per choice of every question of every exported lens, for a
//! spreadsheet (UTF-8 with a byte order mark, see [`super::rfc4180::UTF8_BOM`]).

use super::labels;
use super::model::WorkloadExport;
use super::rfc4180::CsvWriter;

/// The header row, in column order.
pub const HEADER: [&str; 14] = [
    "Workload",
    "Lens",
    "Pillar",
    "Question",
    "Question title",
    "Question risk",
    "Question does not apply because",
    "Best practice",
    "Status",
    "Does not apply because",
    "Impact if missing",
    "Practice notes",
    "Question notes",
    "Milestone",
];

/// The whole file.
pub fn to_csv(export: &WorkloadExport) -> String {
    let mut out = CsvWriter::new(true);
    out.row(HEADER);
    let workload = export.workload.properties.workload_name.as_str();
    let milestone = export
        .milestone
        .as_ref()
        .map(|m| m.milestone_name.as_str())
        .unwrap_or("");
    for lens in &export.lenses {
        for pillar in &lens.pillars {
            for question in &pillar.questions {
                for practice in &question.practices {
                    out.row([
                        workload,
                        &lens.review.lens_name,
                        &pillar.name,
                        &question.number,
                        &question.title,
                        labels::risk(question.risk),
                        question.reason.map_or("", labels::answer_reason),
                        &practice.title,
                        labels::status(practice.status),
                        practice.reason.map_or("", labels::choice_reason),
                        practice.impact.map_or("", labels::risk),
                        practice.notes.as_deref().unwrap_or(""),
                        question.notes.as_deref().unwrap_or(""),
                        milestone,
                    ]);
                }
            }
        }
    }
    out.finish()
}
