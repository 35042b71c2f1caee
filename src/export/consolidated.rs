//! The consolidated report (AWS `GetConsolidatedReport`) as JSON for scripts and as CSV for a
//! spreadsheet. The CSV has two tables one after the other, each with its header row: risk
//! counts per workload, lens and pillar; then the improvement items shared by workloads.

use std::collections::HashMap;

use super::labels;
use super::model::ConsolidatedExport;
use super::rfc4180::CsvWriter;
use crate::review::RiskCounts;

/// The file's version: bumped when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

pub const PILLAR_HEADER: [&str; 10] = [
    "Workload",
    "Review owner",
    "Lens",
    "Pillar",
    "High",
    "Medium",
    "None",
    "Not applicable",
    "Unanswered",
    "Last updated",
];

pub const IMPROVEMENT_HEADER: [&str; 7] = [
    "Lens",
    "Pillar",
    "Question",
    "Question title",
    "Risk",
    "Workloads",
    "Workload names",
];

/// The JSON file's content: `{format, formatVersion, lensAlias?, workloads, improvements}`,
/// camelCase; for callers that write JSON themselves (the wasm, through `JSON.stringify`).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document<'a> {
    format: &'static str,
    format_version: u32,
    #[serde(flatten)]
    report: &'a ConsolidatedExport,
}

pub fn document(report: &ConsolidatedExport) -> Document<'_> {
    Document {
        format: "plumbline-consolidated-report",
        format_version: FORMAT_VERSION,
        report,
    }
}

/// The JSON file, indented by two spaces.
pub fn to_json(report: &ConsolidatedExport) -> String {
    serde_json::to_string_pretty(&document(report)).expect("report documents serialise")
}

/// Both tables, for a spreadsheet (with the UTF-8 byte order mark).
pub fn to_csv(report: &ConsolidatedExport) -> String {
    let mut out = CsvWriter::new(true);
    out.row(PILLAR_HEADER);
    for workload in &report.workloads {
        for lens in &workload.lenses {
            for pillar in &lens.pillars {
                let c: &RiskCounts = &pillar.risk_counts;
                out.row([
                    workload.workload_name.as_str(),
                    &workload.review_owner,
                    &lens.lens_name,
                    &pillar.pillar_name,
                    &c.high.to_string(),
                    &c.medium.to_string(),
                    &c.none.to_string(),
                    &c.not_applicable.to_string(),
                    &c.unanswered.to_string(),
                    &workload.updated_at,
                ]);
            }
        }
    }
    // An empty record between the tables: spreadsheets show it as a blank row.
    out.row([""]);
    out.row(IMPROVEMENT_HEADER);
    let name_of: HashMap<&str, &str> = report
        .workloads
        .iter()
        .map(|w| (w.workload_id.as_str(), w.workload_name.as_str()))
        .collect();
    for item in &report.improvements {
        let lens = report
            .workloads
            .iter()
            .flat_map(|w| &w.lenses)
            .find(|l| l.lens_alias == item.lens_alias);
        let lens_name = lens.map_or(item.lens_alias.as_str(), |l| l.lens_name.as_str());
        let pillar_name = lens
            .and_then(|l| l.pillars.iter().find(|p| p.pillar_id == item.pillar_id))
            .map_or(item.pillar_id.as_str(), |p| p.pillar_name.as_str());
        let names: Vec<&str> = item
            .workload_ids
            .iter()
            .filter_map(|id| name_of.get(id.as_str()).copied())
            .collect();
        out.row([
            lens_name,
            pillar_name,
            &item.question_number,
            &item.question_title,
            labels::risk(item.risk),
            &item.workload_count.to_string(),
            &names.join("; "),
        ]);
    }
    out.finish()
}
