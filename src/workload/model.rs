//! The workload as the JS API sees it: properties in, workload and summaries out.
//!
//! Field names and enum spellings are the AWS API's (in camelCase), so a workload exported
//! from AWS maps field by field. Inputs have every field optional: a missing required field
//! is reported by validation with its name, instead of as an opaque deserialisation error.

use serde::{Deserialize, Serialize};

use crate::review::RiskCounts;
use crate::sorted_map::SortedMap;

/// Where the workload runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WorkloadEnvironment {
    Production,
    Preproduction,
}

/// How far the owner got with the improvement plan. The console labels `NOT_APPLICABLE` "None".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ImprovementStatus {
    #[default]
    NotApplicable,
    NotStarted,
    InProgress,
    Complete,
    RiskAcknowledged,
}

impl ImprovementStatus {
    /// The console's label.
    pub fn label(self) -> &'static str {
        match self {
            ImprovementStatus::NotApplicable => "None",
            ImprovementStatus::NotStarted => "Not Started",
            ImprovementStatus::InProgress => "In Progress",
            ImprovementStatus::Complete => "Complete",
            ImprovementStatus::RiskAcknowledged => "Risk Acknowledged",
        }
    }
}

/// The properties a user edits, after validation. Optional texts are `None` when empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadProperties {
    pub workload_name: String,
    pub description: String,
    pub environment: WorkloadEnvironment,
    pub review_owner: String,
    #[serde(default)]
    pub aws_regions: Vec<String>,
    #[serde(default)]
    pub non_aws_regions: Vec<String>,
    #[serde(default)]
    pub account_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architectural_design: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default)]
    pub tags: SortedMap<String, String>,
    #[serde(default)]
    pub improvement_status: ImprovementStatus,
    /// Pillar ids, most important first; orders the improvement plan.
    #[serde(default)]
    pub pillar_priorities: Vec<String>,
}

impl WorkloadProperties {
    /// The four properties every workload states, and nothing else: no region, account, tag or
    /// optional text, improvement status "None", no pillar priority.
    pub fn stated(
        workload_name: &str,
        description: &str,
        environment: WorkloadEnvironment,
        review_owner: &str,
    ) -> Self {
        WorkloadProperties {
            workload_name: workload_name.to_string(),
            description: description.to_string(),
            environment,
            review_owner: review_owner.to_string(),
            aws_regions: Vec::new(),
            non_aws_regions: Vec::new(),
            account_ids: Vec::new(),
            architectural_design: None,
            industry_type: None,
            industry: None,
            notes: None,
            tags: SortedMap::new(),
            improvement_status: ImprovementStatus::default(),
            pillar_priorities: Vec::new(),
        }
    }
}

/// `defineWorkload`'s argument. `workloadName`, `description`, `environment`, `reviewOwner`
/// and one of `awsRegions`/`nonAwsRegions` are required; the framework lens is always applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct WorkloadInput {
    pub workload_name: Option<String>,
    pub description: Option<String>,
    pub environment: Option<WorkloadEnvironment>,
    pub review_owner: Option<String>,
    pub aws_regions: Option<Vec<String>>,
    pub non_aws_regions: Option<Vec<String>>,
    pub account_ids: Option<Vec<String>>,
    pub architectural_design: Option<String>,
    pub industry_type: Option<String>,
    pub industry: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<SortedMap<String, String>>,
    pub improvement_status: Option<ImprovementStatus>,
    pub pillar_priorities: Option<Vec<String>>,
    pub lenses: Option<Vec<String>>,
    /// At most one review template id: its lenses, answers and notes are copied in.
    pub review_template_ids: Option<Vec<String>>,
}

/// `updateWorkload`'s argument: only the fields present change. An empty string clears an
/// optional text (`architecturalDesign`, `industryType`, `industry`, `notes`). Lenses change
/// through `associateLenses`/`disassociateLenses`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct WorkloadPatch {
    pub workload_name: Option<String>,
    pub description: Option<String>,
    pub environment: Option<WorkloadEnvironment>,
    pub review_owner: Option<String>,
    pub aws_regions: Option<Vec<String>>,
    pub non_aws_regions: Option<Vec<String>>,
    pub account_ids: Option<Vec<String>>,
    pub architectural_design: Option<String>,
    pub industry_type: Option<String>,
    pub industry: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<SortedMap<String, String>>,
    pub improvement_status: Option<ImprovementStatus>,
    pub pillar_priorities: Option<Vec<String>>,
    /// The `revision` of the workload the user edited; a stale one is refused (`Conflict`).
    pub expected_revision: Option<String>,
}

/// A workload as `getWorkload` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workload {
    pub workload_id: String,
    #[serde(flatten)]
    pub properties: WorkloadProperties,
    /// Applied lens aliases; `wellarchitected` is always first.
    pub lenses: Vec<String>,
    /// Over every applied lens.
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
    pub created_at: String,
    pub updated_at: String,
    /// Pass it back as `expectedRevision` to refuse the update if someone changed it meanwhile.
    /// Empty in a milestone's frozen copy.
    pub revision: String,
    /// The review template the workload was defined from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_template: Option<super::record::TemplateLink>,
    /// The workload's profile, when it has one (`associateProfile`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<crate::workload::profile::WorkloadProfile>,
}

/// One row of `listWorkloads`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadSummary {
    pub workload_id: String,
    pub workload_name: String,
    pub review_owner: String,
    pub environment: WorkloadEnvironment,
    pub lenses: Vec<String>,
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
    pub improvement_status: ImprovementStatus,
    pub milestone_count: u32,
    pub updated_at: String,
    /// The workload's tags, so a list can be searched by them without reading each workload.
    pub tags: SortedMap<String, String>,
}
