//! The documented rules of the lens format, checked on values the builder has already read
//! and type-checked. Each file holds one family of rules; every function receives the value, the
//! offset where it is written and its JSON path, and reports into the context.
//!
//! Limits are counted in characters (Unicode scalar values), not bytes: the AWS page says
//! "characters", and the real titles that break the 128 limit do so in either count.

pub mod choices;

use std::fmt;

/// The lens, pillar or question a message is about, e.g. "question `NET3`". Formatted only when
/// a message is written: the checks run for every item, the messages for few.
#[derive(Debug, Clone, Copy)]
pub struct Owner<'a> {
    /// "lens", "pillar" or "question".
    pub kind: &'static str,
    pub id: Option<&'a str>,
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.id) {
            ("lens", _) => write!(f, "the lens"),
            (kind, Some(id)) => write!(f, "{kind} `{id}`"),
            (kind, None) => write!(f, "this {kind}"),
        }
    }
}
pub mod counts;
pub mod ids;
pub mod lens;
pub mod resources;
pub mod rules;
pub mod text;
