//! Profiles: a few answers about the business (goals and constraints) that mark which review
//! questions are prioritised, and the notifications that wait for the user.
//!
//! - [`questionnaire`]: the shipped questionnaire and its readable mapping from a profile
//!   choice to the framework questions it prioritises (`lenses/profiles/wellarchitected.json`).
//! - [`record`]: what is stored (`profile/{id}`, the workload's profile link, dismissals).
//! - The operations are in `ops/profiles.rs` and `ops/notifications.rs`.

pub mod questionnaire;
pub mod record;

use serde::{Deserialize, Serialize};

use crate::sorted_map::SortedMap;

pub use record::{ProfileAnswer, ProfileDoc, WorkloadProfile};

/// `createProfile` / `updateProfile`'s argument (AWS CreateProfile, in camelCase). The name
/// is fixed once created, as in AWS: `updateProfile` refuses a different one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProfileInput {
    pub profile_name: Option<String>,
    pub profile_description: Option<String>,
    pub profile_questions: Option<Vec<ProfileAnswer>>,
    pub tags: Option<SortedMap<String, String>>,
}

/// One entry of `listNotifications`: a change that waits for a workload's owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    /// `LENS_VERSION_DEPRECATED` (a newer custom lens version), `PROFILE_ANSWERS_UPDATED`,
    /// `PROFILE_DELETED`, or `TEMPLATE_UPDATED` (a newer review template version).
    pub notification_type: &'static str,
    pub workload_id: String,
    pub workload_name: String,
    /// The lens alias, profile id or template id the notification is about.
    pub resource_id: String,
    pub resource_name: String,
    pub current_version: String,
    pub latest_version: String,
    /// What `dismissNotification` takes: the kind, workload, resource and latest version, so
    /// a dismissal hides this change only, never a later one.
    pub dismiss_key: String,
}

impl Notification {
    pub fn new(
        notification_type: &'static str,
        workload: (&str, &str),
        resource: (&str, &str),
        current_version: String,
        latest_version: String,
    ) -> Self {
        let dismiss_key = format!(
            "{notification_type}|{}|{}|{latest_version}",
            workload.0, resource.0
        );
        Notification {
            notification_type,
            workload_id: workload.0.to_string(),
            workload_name: workload.1.to_string(),
            resource_id: resource.0.to_string(),
            resource_name: resource.1.to_string(),
            current_version,
            latest_version,
            dismiss_key,
        }
    }
}

/// `prioritizedQuestions`' result: the workload's profile link and, per applied lens, the
/// question ids its profile prioritises (empty without a profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prioritized {
    pub profile: Option<WorkloadProfile>,
    pub questions: SortedMap<String, Vec<String>>,
}
