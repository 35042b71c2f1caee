//! Shared by the bench binaries: the timing harness, the generated inputs, the results file.

pub mod fixtures;
pub mod harness;
pub mod record;
