//! How many pillars, questions and choices a lens may have (AWS quotas, not adjustable).

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::json::Value;
use crate::lens::path::Path;

pub const PILLARS_MAX: usize = 10;
pub const QUESTIONS_MAX: usize = 20;
pub const CHOICES_MAX: usize = 15;

/// One of the three counted lists.
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    Pillars,
    Questions,
    Choices,
}

impl Counted {
    fn rule(self) -> (&'static str, &'static str, usize, &'static str) {
        match self {
            Counted::Pillars => (
                codes::NO_PILLARS,
                codes::TOO_MANY_PILLARS,
                PILLARS_MAX,
                "pillars",
            ),
            Counted::Questions => (
                codes::NO_QUESTIONS,
                codes::TOO_MANY_QUESTIONS,
                QUESTIONS_MAX,
                "questions",
            ),
            Counted::Choices => (
                codes::NO_CHOICES,
                codes::TOO_MANY_CHOICES,
                CHOICES_MAX,
                "choices",
            ),
        }
    }
}

/// Checks `items` (the array at `array_offset`, path `path`) against 1..max. `owner` names
/// what holds the list, e.g. "pillar `security`". An empty list is reported at the array, an
/// overlong one at the first item over the limit, where the author has to cut.
pub fn check(
    cx: &mut Cx<'_>,
    counted: Counted,
    owner: &str,
    items: &[Value<'_>],
    array_offset: usize,
    path: &Path<'_>,
) {
    let (none_code, many_code, max, plural) = counted.rule();
    if items.is_empty() {
        cx.issues.error(
            none_code,
            path,
            array_offset,
            format!("{owner} has no {plural}; it needs 1 to {max}"),
        );
    } else if items.len() > max {
        let first_over = &items[max];
        cx.issues.error(
            many_code,
            &path.index(max),
            first_over.offset,
            format!("{owner} has {} {plural}; the limit is {max}", items.len()),
        );
    }
}
