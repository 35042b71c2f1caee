//! Choice rules: the improvement plan, and the `_no` "None of these" convention.

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::path::Path;
use crate::shown::excerpt;

/// Every choice needs an improvementPlan, except a `_no` choice, which is never a best
/// practice to improve on. A `_no` choice that has one gets a warning: the plan lists only
/// unselected best practices, so that text is never shown. `plan_offset` is where the
/// improvementPlan value is written, if it is.
pub fn improvement_plan(
    cx: &mut Cx<'_>,
    id: Option<&str>,
    plan_offset: Option<usize>,
    choice_offset: usize,
    path: &Path<'_>,
) {
    let is_no = id.is_some_and(|id| id.ends_with("_no"));
    let at = path.key("improvementPlan");
    match (is_no, plan_offset) {
        (false, None) => cx.issues.error(
            codes::MISSING_IMPROVEMENT_PLAN,
            &at,
            choice_offset,
            format!(
                "choice {} has no improvementPlan; every choice needs one, except a \"None of these\" choice whose id ends in `_no`",
                shown(id)
            ),
        ),
        (true, Some(offset)) => cx.issues.warning(
            codes::NO_CHOICE_HAS_IMPROVEMENT_PLAN,
            &at,
            offset,
            format!(
                "choice {} is a \"None of these\" choice (its id ends in `_no`), so its improvementPlan is never shown; remove it",
                shown(id)
            ),
        ),
        _ => {}
    }
}

/// A choice titled "None of these" (or "None of the above", "None") acts as one only when its
/// id ends in `_no`; otherwise the WA Tool treats it as an ordinary best practice, which
/// counts as missing when the other choices are selected.
pub fn none_title(cx: &mut Cx<'_>, id: &str, title: &str, offset: usize, path: &Path<'_>) {
    if id.ends_with("_no") || !looks_like_none(title) {
        return;
    }
    cx.issues.warning(
        codes::NONE_CHOICE_WITHOUT_NO_SUFFIX,
        path,
        offset,
        format!("choice `{id}` is titled \"{}\" but its id does not end in `_no`, so it is an ordinary best practice, not \"None of these\"; rename it (e.g. `{id}_no`) if it means none", excerpt(title.trim()), id = excerpt(id)),
    );
}

fn looks_like_none(title: &str) -> bool {
    // Cheap test first: this runs for every choice, and almost no title starts with "none".
    let start = title.trim_start();
    if !start
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("none"))
    {
        return false;
    }
    let lower = crate::case::lowercase(title.trim().trim_end_matches(['.', '!']));
    lower == "none" || lower.starts_with("none of ")
}

/// A `_no` choice should be the question's last choice, where the console and every real lens
/// put it; elsewhere it reads as a best practice.
pub fn no_choice_last(
    cx: &mut Cx<'_>,
    id: &str,
    index: usize,
    count: usize,
    offset: usize,
    path: &Path<'_>,
) {
    if id.ends_with("_no") && index + 1 < count {
        cx.issues.warning(
            codes::NO_CHOICE_NOT_LAST,
            path,
            offset,
            format!(
                "\"None of these\" choice `{}` is choice {} of {count}; put it last",
                excerpt(id),
                index + 1
            ),
        );
    }
}

fn shown(id: Option<&str>) -> String {
    id.map_or_else(
        || "without id".to_string(),
        |id| format!("`{}`", excerpt(id)),
    )
}

#[cfg(test)]
mod tests {
    use super::looks_like_none;

    #[test]
    fn none_titles() {
        for t in [
            "None of these",
            "None of above",
            "None of the above apply to us.",
            "NONE",
            " none. ",
        ] {
            assert!(looks_like_none(t), "{t}");
        }
        for t in ["Nonetheless", "No", "We use none of the tools", "None-such"] {
            assert!(!looks_like_none(t), "{t}");
        }
    }
}
