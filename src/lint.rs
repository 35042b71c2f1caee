//! Linting a lens file: the lens checks of [`crate::lens`] (reading, shape, limits, ids,
//! conditions), then, on a lens without errors, the rule analysis of [`crate::review`] (rules
//! that can never fire, questions that can never be at risk…). This module sits above both so
//! that neither depends on the other: `review` reads lenses, `lens` knows nothing of review.

use crate::lens::{self, LintOptions, LintReport};
use crate::review::analysis;

/// Parses and validates a custom-lens text, with rule analysis warnings when the lens has no
/// error.
pub fn lint(text: &str) -> LintReport {
    lint_with(text, &LintOptions::default())
}

/// [`lint`] with explicit options.
pub fn lint_with(text: &str, options: &LintOptions) -> LintReport {
    lens::check(text, options, Some(&analysis::analyze))
}
