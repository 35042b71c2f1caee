//! The workspace operations, one file per area. Each adds an `impl Workspace` block.

mod answers;
mod custom_lenses;
mod dashboard;
mod exchange;
mod lenses;
mod milestones;
mod names;
mod reviews;
mod upgrade;
mod workloads;
