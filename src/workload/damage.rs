//! Damaged records: what the workspace reports when a stored record does not read as the type
//! it should have (an older cached release, a browser bug, a hand edit, a future sync).
//!
//! Damage stays local: lists and aggregates skip a damaged record and report it here, so one
//! bad record never takes every page down; the workload it belongs to can still be exported
//! as stored, repaired where the core can, and deleted.

use serde::{Deserialize, Serialize};

/// One damaged record, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DamagedRecord {
    /// The record's id in the store (`workload/…`, `answer/…`, …).
    pub record_id: String,
    /// What the record is: `workload`, `reviewTemplate`, `name`, `review`, `answer`, `milestone`, `customLens`,
    /// `customLensDraft`, `customLensVersion`, `meta` or `unknown`.
    pub record_kind: String,
    /// The workload the record belongs to, when its id names one.
    pub workload_id: Option<String>,
    /// Why it does not read.
    pub message: String,
}

impl DamagedRecord {
    pub fn new(record_id: &str, message: impl Into<String>) -> Self {
        let (kind, workload_id) = classify(record_id);
        DamagedRecord {
            record_id: record_id.to_string(),
            record_kind: kind.to_string(),
            workload_id,
            message: message.into(),
        }
    }
}

/// What kind of record an id names (`workload`, `answer`, …; see [`DamagedRecord::record_kind`]).
pub(crate) fn record_kind(id: &str) -> &'static str {
    classify(id).0
}

/// What kind of record an id names, and the workload id in it (see `keys`).
fn classify(id: &str) -> (&'static str, Option<String>) {
    let (head, rest) = id.split_once('/').unwrap_or((id, ""));
    let owner = || rest.split('/').next().map(str::to_string);
    match head {
        "workload" => ("workload", owner()),
        "template" => ("reviewTemplate", owner()),
        "review" => ("review", owner()),
        "answer" => ("answer", owner()),
        "milestone" => ("milestone", owner()),
        "name" => ("name", None),
        "customlens" => ("customLens", None),
        "customlensdraft" => ("customLensDraft", None),
        "customlensversion" => ("customLensVersion", None),
        "meta" => ("meta", None),
        _ => ("unknown", None),
    }
}

/// What [`crate::workload::Workspace::repair_workload`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RepairReport {
    pub workload_id: String,
    /// Records that could not be read and were removed (answers, milestones) or rebuilt
    /// empty (lens reviews: their notes were unreadable).
    pub removed: Vec<String>,
    /// Derived figures recomputed from the answers (risk counts, the milestone index).
    pub recomputed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_name_their_kind_and_workload() {
        let cases = [
            ("workload/abc", "workload", Some("abc")),
            ("answer/abc/wellarchitected/q1", "answer", Some("abc")),
            ("milestone/abc/001", "milestone", Some("abc")),
            ("review/abc/serverless", "review", Some("abc")),
            ("name/retail", "name", None),
            ("customlensversion/x/001", "customLensVersion", None),
            ("weird", "unknown", None),
        ];
        for (id, kind, owner) in cases {
            let d = DamagedRecord::new(id, "m");
            assert_eq!(d.record_kind, kind, "{id}");
            assert_eq!(d.workload_id.as_deref(), owner, "{id}");
        }
    }
}
