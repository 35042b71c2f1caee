//! The native integration tests, as one test binary: each `tests/*.rs` file used to be its own
//! binary that linked the whole crate again, which on a 2-core machine cost minutes per build.
//! `cargo test --test it NAME::` runs one module (`cargo test --test it workspace_answers::`).
//!
//! Proptest keeps the seeds of past failures in `tests/proptest-regressions/<module>.txt`: that
//! is where it looks for a module of a tree rooted at `main.rs` (next to the file only for a
//! test that is its own binary).
//!
//! Keep this file a plain, sorted list of `mod` lines (support modules first), so that branches
//! adding test files merge by adding a line each.

mod review_support;
mod snapshot_support;
mod workspace_support;

mod case_table;
mod cli;
mod export;
mod export_file;
mod lens_corpus;
mod lens_golden;
mod lens_json;
mod lens_lint;
mod lens_props;
mod review_analysis;
mod review_answers;
mod review_evaluate;
mod review_plan;
mod review_props;
mod rule_props;
mod rule_table;
mod shipped_lenses;
mod store_memory;
mod stored_golden;
mod workspace_answers;
mod workspace_backlog;
mod workspace_catalog;
mod workspace_compare;
mod workspace_custom_lenses;
mod workspace_dashboard;
mod workspace_exchange;
mod workspace_lenses;
mod workspace_listing;
mod workspace_milestones;
mod workspace_profiles;
mod workspace_refresh;
mod workspace_safety;
mod workspace_snapshots;
mod workspace_templates;
mod workspace_tutorial;
mod workspace_validation;
mod workspace_workloads;
