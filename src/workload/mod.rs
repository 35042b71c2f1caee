//! Workloads, lens reviews, answers, milestones and the dashboard, kept in a [`crate::store::Store`].
