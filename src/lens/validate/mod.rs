//! The documented rules of the lens format, checked on values the builder has already read
//! and type-checked. Each file holds one family of rules; every function receives the value, the
//! offset where it is written and its JSON path, and reports into the context.
//!
//! Limits are counted in characters (Unicode scalar values), not bytes: the AWS page says
//! "characters", and the real titles that break the 128 limit do so in either count.

pub mod choices;
pub mod counts;
pub mod ids;
pub mod lens;
pub mod resources;
pub mod rules;
pub mod text;
