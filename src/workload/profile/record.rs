//! The stored records of profiles: `profile/{id}` (also what the API returns: one type keeps
//! the engine small), the profile link inside `workload/{id}`, and the dismissed notifications.

use serde::{Deserialize, Serialize};

use crate::sorted_map::SortedMap;

/// One answered questionnaire question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileAnswer {
    pub question_id: String,
    #[serde(default)]
    pub selected_choice_ids: Vec<String>,
}

/// `profile/{profileId}`. `profileVersion` starts at 1 and each update adds one, so a workload
/// that adopted version N knows a newer one waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDoc {
    pub profile_id: String,
    pub profile_name: String,
    pub profile_description: String,
    pub profile_version: u32,
    pub profile_questions: Vec<ProfileAnswer>,
    #[serde(default)]
    pub tags: SortedMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

impl ProfileDoc {
    /// Every selected choice id, in questionnaire order.
    pub fn choice_ids(&self) -> Vec<String> {
        self.profile_questions
            .iter()
            .flat_map(|q| q.selected_choice_ids.iter().cloned())
            .collect()
    }

    /// The link a workload keeps to this version: a copy of its choices, so that the workload
    /// keeps its priorities when the profile changes (until upgraded) or is deleted.
    pub fn link(&self) -> WorkloadProfile {
        WorkloadProfile {
            profile_id: self.profile_id.clone(),
            profile_name: self.profile_name.clone(),
            profile_version: self.profile_version,
            choice_ids: self.choice_ids(),
            deleted: false,
        }
    }
}

/// The `profile` of `workload/{id}` (at most one, as in AWS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadProfile {
    pub profile_id: String,
    pub profile_name: String,
    pub profile_version: u32,
    pub choice_ids: Vec<String>,
    /// The profile was deleted: the workload keeps its priorities (AWS keeps the data and
    /// marks the association deleted).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// `dismissed/plumbline`: the dismiss keys of the notifications the user dismissed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DismissedDoc {
    pub dismissed: Vec<String>,
}
