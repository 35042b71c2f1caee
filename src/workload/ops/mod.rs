//! The workspace operations, one file per area. Each adds an `impl Workspace` block.

pub(crate) mod answers;
pub(crate) mod backlog;
mod backup;
pub(crate) mod custom_lenses;
pub(crate) mod dashboard;
mod exchange;
pub(crate) mod lenses;
pub(crate) mod milestones;
mod names;
pub(crate) mod notifications;
pub(crate) mod profiles;
pub(crate) mod repair;
pub(crate) mod reviews;
pub(crate) mod template_apply;
pub(crate) mod template_file;
pub(crate) mod templates;
#[cfg(test)]
mod tests;
pub(crate) mod upgrade;
pub(crate) mod workloads;
