//! The stored documents of a custom lens (see `keys`): plain camelCase JSON like the rest.
//!
//! The metadata document is small, so listing lenses never reads a lens text; the draft and
//! each version are documents of their own (up to 500 KB each).

use serde::{Deserialize, Serialize};

use super::LensVersionSummary;
use crate::catalog::{custom_lens_arn, LensSummary, LensType};

/// `customlens/{alias}`. Every change to the lens (import, publish) rewrites it, so its
/// revision guards the draft and the version index against a concurrent change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomLensDoc {
    pub lens_alias: String,
    /// The draft's name (the latest readable one; `Untitled lens` until there is one).
    pub lens_name: String,
    pub description: String,
    pub draft_error_count: usize,
    pub draft_warning_count: usize,
    pub draft_pillar_count: usize,
    pub draft_question_count: usize,
    /// Published versions, oldest first; the n-th is stored as version number n.
    #[serde(default)]
    pub versions: Vec<PublishedVersion>,
    pub created_at: String,
    pub updated_at: String,
    /// As on workloads (AWS tag rules); left out while there are none.
    #[serde(
        default,
        skip_serializing_if = "crate::sorted_map::SortedMap::is_empty"
    )]
    pub tags: crate::sorted_map::SortedMap<String, String>,
}

/// One entry of the version index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedVersion {
    pub lens_version: String,
    pub number: u32,
    pub is_major_version: bool,
    pub lens_name: String,
    pub description: String,
    pub pillar_count: usize,
    pub question_count: usize,
    pub created_at: String,
}

/// `customlensdraft/{alias}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftDoc {
    pub lens_alias: String,
    pub text: String,
}

/// `customlensversion/{alias}/{NNN}`: written once, never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionDoc {
    pub lens_alias: String,
    pub lens_version: String,
    pub text: String,
    pub created_at: String,
}

impl CustomLensDoc {
    pub fn latest(&self) -> Option<&PublishedVersion> {
        self.versions.last()
    }

    pub fn version(&self, name: &str) -> Option<&PublishedVersion> {
        self.versions.iter().find(|v| v.lens_version == name)
    }

    /// The catalog line: the latest published version's name and counts, or the draft's.
    pub fn summary(&self) -> LensSummary {
        let latest = self.latest();
        LensSummary {
            lens_alias: self.lens_alias.clone(),
            lens_arn: custom_lens_arn(&self.lens_alias),
            lens_name: latest.map_or(&self.lens_name, |v| &v.lens_name).clone(),
            lens_version: latest.map(|v| v.lens_version.clone()).unwrap_or_default(),
            description: latest.map_or(&self.description, |v| &v.description).clone(),
            lens_type: LensType::CustomSelf,
            pillar_count: latest.map_or(self.draft_pillar_count, |v| v.pillar_count),
            question_count: latest.map_or(self.draft_question_count, |v| v.question_count),
            lens_status: Some(
                if latest.is_some() {
                    "PUBLISHED"
                } else {
                    "DRAFT"
                }
                .into(),
            ),
            created_at: Some(self.created_at.clone()),
            updated_at: Some(self.updated_at.clone()),
            draft_error_count: Some(self.draft_error_count),
            tags: self.tags.clone(),
        }
    }
}

impl PublishedVersion {
    pub fn summary(&self) -> LensVersionSummary {
        LensVersionSummary {
            lens_version: self.lens_version.clone(),
            is_major_version: self.is_major_version,
            created_at: self.created_at.clone(),
            pillar_count: self.pillar_count,
            question_count: self.question_count,
        }
    }
}
