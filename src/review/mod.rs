//! Reviews: answers to a lens's questions, the risk they imply, and what to improve first.

pub mod risk;

pub use risk::{Risk, RiskCounts};
