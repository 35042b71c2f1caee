//! Document ids: how workloads, lens reviews, answers and milestones are laid out in a store.
//!
//! ```text
//! workload/{workloadId}                          properties + derived risk summary
//! name/{nameKey}                                 which workload holds a name (layout 2 on)
//! review/{workloadId}/{lensAlias}                lens notes, pillar notes, associated flag
//! answer/{workloadId}/{lensAlias}/{questionId}   one answered question
//! milestone/{workloadId}/{NNN}                   an immutable snapshot
//! customlens/{lensAlias}                         a custom lens: name, counts, version index
//! customlensdraft/{lensAlias}                    its draft text (kept apart: lists skip it)
//! customlensversion/{lensAlias}/{NNN}            one published version's text, immutable
//! template/{templateId}                          a review template (a workload's shape)
//! profile/{profileId}                            a profile: its answers, version and tags
//! dismissed/plumbline                            the notifications the user dismissed
//! ```
//! A template's reviews and answers use the workload keys (`review/{templateId}/…`,
//! `answer/{templateId}/…`): its id is drawn like a workload's, so the two never meet.
//! Every id of one workload shares the `…/{workloadId}/` part, so a prefix listing finds them
//! all, and zero-padded milestone numbers list in numeric order. Segments are escaped so that a
//! custom lens alias (an ARN, which contains `/`) cannot reach into another key's space.

use super::env::Environment;
use super::error::WorkspaceError;

pub const WORKLOAD_PREFIX: &str = "workload/";

/// The name claims: one document per workload name, so uniqueness costs one read, not a list.
pub const NAME_PREFIX: &str = "name/";

/// The store's record of the layout version (see [`super::Workspace::open`]).
pub const META_ID: &str = "meta/plumbline";

/// Custom lenses' metadata documents (small: listing lenses reads only these).
pub const CUSTOM_LENS_PREFIX: &str = "customlens/";

pub fn custom_lens(alias: &str) -> String {
    format!("{CUSTOM_LENS_PREFIX}{alias}")
}

pub fn custom_lens_draft(alias: &str) -> String {
    format!("customlensdraft/{alias}")
}

pub fn custom_lens_versions_of(alias: &str) -> String {
    format!("customlensversion/{alias}/")
}

/// Versions are numbered in publishing order, 1 to 100; the name the author gave is in the
/// document and in the index of `customlens/{alias}`.
pub fn custom_lens_version(alias: &str, number: u32) -> String {
    format!("{}{number:03}", custom_lens_versions_of(alias))
}

pub const TEMPLATE_PREFIX: &str = "template/";

pub fn template(id: &str) -> String {
    format!("{TEMPLATE_PREFIX}{id}")
}

/// Profiles (`profile/{id}`, ids like workload ids).
pub const PROFILE_PREFIX: &str = "profile/";

/// The one record of dismissed notifications.
pub const DISMISSED_ID: &str = "dismissed/plumbline";

pub fn profile(id: &str) -> String {
    format!("{PROFILE_PREFIX}{id}")
}

pub fn workload(id: &str) -> String {
    format!("{WORKLOAD_PREFIX}{id}")
}

/// The claim of a name, by its uniqueness key ([`super::validate::name_key`]). A define or a
/// rename creates it in the same commit as the workload, expecting it not to exist, so two
/// tabs taking the same name at once cannot both succeed: the store refuses the second commit.
pub fn workload_name(name_key: &str) -> String {
    format!("{NAME_PREFIX}{}", escape(name_key))
}

pub fn reviews_of(workload_id: &str) -> String {
    format!("review/{workload_id}/")
}

pub fn review(workload_id: &str, alias: &str) -> String {
    format!("{}{}", reviews_of(workload_id), escape(alias))
}

pub fn answers_of(workload_id: &str) -> String {
    format!("answer/{workload_id}/")
}

pub fn answers_of_lens(workload_id: &str, alias: &str) -> String {
    format!("{}{}/", answers_of(workload_id), escape(alias))
}

pub fn answer(workload_id: &str, alias: &str, question_id: &str) -> String {
    format!(
        "{}{}",
        answers_of_lens(workload_id, alias),
        escape(question_id)
    )
}

pub fn milestones_of(workload_id: &str) -> String {
    format!("milestone/{workload_id}/")
}

pub fn milestone(workload_id: &str, number: u32) -> String {
    format!("{}{number:03}", milestones_of(workload_id))
}

/// Percent-escapes `%` and `/`, the two characters with a meaning in our keys.
fn escape(segment: &str) -> String {
    segment.replace('%', "%25").replace('/', "%2F")
}

/// A new workload id: 32 lowercase hex characters, as AWS's.
pub fn new_workload_id(env: &dyn Environment) -> String {
    let mut bytes = [0u8; 16];
    env.random_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `alias` has the shape of a custom lens alias (a 32-hex id, as a workload id).
/// Shipped lens aliases are words, so the two never meet.
pub fn is_custom_alias(alias: &str) -> bool {
    alias.len() == 32
        && alias
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Refuses anything but 32 lowercase hex characters before it is used in a key.
pub fn check_workload_id(id: &str) -> Result<(), WorkspaceError> {
    if id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        Ok(())
    } else {
        Err(WorkspaceError::validation(
            "workloadId",
            format!("a workload id is 32 lowercase hexadecimal characters; got `{id}`"),
        ))
    }
}
