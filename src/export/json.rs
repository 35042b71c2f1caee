//! The review as JSON for scripts: the workload and, per lens, the lens review, the answers
//! (notes and choice notes included) and the improvement plan, each in the shape the JS API
//! returns (`getWorkload`, `getLensReview`, `listAnswers`, `improvementPlan`: AWS names in
//! camelCase), so a script written against the API reads the file unchanged.

use serde::Serialize;

use super::model::{MilestoneRef, WorkloadExport};
use crate::review::RiskCounts;
use crate::workload::{AnswerView, BacklogItem, LensReview, Workload};

/// The file's version: bumped when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

/// The file's content, for callers that write JSON themselves (the wasm, through
/// `JSON.stringify`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document<'a> {
    format: &'static str,
    format_version: u32,
    workload: &'a Workload,
    #[serde(skip_serializing_if = "Option::is_none")]
    milestone: Option<&'a MilestoneRef>,
    risk_counts: RiskCounts,
    lens_reviews: Vec<LensDocument<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LensDocument<'a> {
    lens_review: &'a LensReview,
    answers: &'a [AnswerView],
    improvement_plan: &'a [BacklogItem],
}

/// The whole file, indented by two spaces.
pub fn to_json(export: &WorkloadExport) -> String {
    // Only string-keyed maps and plain values: serialising cannot fail.
    serde_json::to_string_pretty(&document(export)).expect("export documents serialise")
}

/// The file's content as a value.
pub fn document(export: &WorkloadExport) -> Document<'_> {
    Document {
        format: "plumbline-workload-export",
        format_version: FORMAT_VERSION,
        workload: &export.workload,
        milestone: export.milestone.as_ref(),
        risk_counts: export.risk_counts,
        lens_reviews: export
            .lenses
            .iter()
            .map(|l| LensDocument {
                lens_review: &l.review,
                answers: &l.answers,
                improvement_plan: &l.plan,
            })
            .collect(),
    }
}
