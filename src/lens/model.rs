//! The typed lens model: what a custom-lens JSON file says, after parsing.
//!
//! Conditions are kept both as written (for round trips and messages) and compiled to choice
//! indices (for fast evaluation). A `Lens` is immutable once built.

use crate::rule::CompiledCondition;

/// A whole lens: pillars → questions → choices. It serialises to the custom-lens JSON shape
/// (risk rules as written), which is what `lens.toJSON()` gives JavaScript.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lens {
    pub schema_version: String,
    pub name: String,
    pub description: String,
    pub pillars: Vec<Pillar>,
    /// Plumbline's extension: the question ids each profile choice prioritises.
    #[serde(skip_serializing_if = "crate::sorted_map::SortedMap::is_empty")]
    pub profile_priorities: crate::sorted_map::SortedMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Pillar {
    pub id: String,
    pub name: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Resource>,
    pub choices: Vec<Choice>,
    pub risk_rules: Vec<RiskRule>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub id: String,
    pub title: String,
    /// Not in the lens specification but in the API's Choice shape; kept when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Resource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub improvement_plan: Option<Resource>,
    pub additional_resources: Vec<AdditionalResources>,
}

impl Choice {
    /// A choice whose id ends in `_no` is the question's "None of these".
    pub fn is_none_of_these(&self) -> bool {
        self.id.ends_with("_no")
    }
}

/// A `displayText` with an optional `url` (helpfulResource, improvementPlan, content items).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    pub display_text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AdditionalResourceType {
    HelpfulResource,
    ImprovementPlan,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AdditionalResources {
    #[serde(rename = "type")]
    pub kind: AdditionalResourceType,
    pub content: Vec<Resource>,
}

/// The risk a rule assigns, in the lens file's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum LensRisk {
    #[serde(rename = "HIGH_RISK")]
    High,
    #[serde(rename = "MEDIUM_RISK")]
    Medium,
    #[serde(rename = "NO_RISK")]
    NoRisk,
}

impl LensRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            LensRisk::High => "HIGH_RISK",
            LensRisk::Medium => "MEDIUM_RISK",
            LensRisk::NoRisk => "NO_RISK",
        }
    }
}

/// Serialised as the file has it: `{condition, risk}` with the condition as written.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RiskRule {
    /// The condition exactly as written in the file.
    #[serde(rename = "condition")]
    pub source: String,
    /// `Default` for the `default` rule, otherwise the expression over choice indices.
    #[serde(skip)]
    pub condition: CompiledCondition,
    pub risk: LensRisk,
}

impl Lens {
    /// The question ids that the profile choices `choice_ids` prioritise, through the lens's
    /// `profilePriorities`: each once, in lens order.
    pub fn prioritized_by(&self, choice_ids: &[String]) -> Vec<String> {
        let marked = |id: &str| {
            choice_ids.iter().any(|c| {
                self.profile_priorities
                    .get(c)
                    .is_some_and(|ids| ids.iter().any(|q| q == id))
            })
        };
        self.pillars
            .iter()
            .flat_map(|p| &p.questions)
            .filter(|q| marked(&q.id))
            .map(|q| q.id.clone())
            .collect()
    }
}
