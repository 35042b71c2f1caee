//! The workspace operations, one file per area. Each adds an `impl Workspace` block.

mod answers;
mod backlog;
mod backup;
mod custom_lenses;
mod dashboard;
mod exchange;
mod lenses;
mod milestones;
mod names;
mod notifications;
mod profiles;
pub(crate) mod repair;
mod reviews;
mod template_apply;
mod template_file;
mod templates;
#[cfg(test)]
mod tests;
mod upgrade;
mod workloads;
