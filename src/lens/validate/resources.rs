//! Links and additional resources: url form, the displayText a url needs, resource types and
//! how many of each a choice may have.

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::model::AdditionalResourceType;
use crate::lens::path::Path;
use crate::shown::excerpt;

/// Up to five additional helpful resources and five improvement-plan items per choice.
pub const RESOURCES_PER_TYPE_MAX: usize = 5;

/// A url as written → the url the model keeps. `""` is treated as absent and surrounding
/// spaces are removed, each with a warning (both occur in published lenses; whether AWS accepts
/// them is not documented). What remains must start with `http://` or `https://`.
pub fn url(cx: &mut Cx<'_>, raw: &str, offset: usize, path: &Path<'_>) -> Option<String> {
    if raw.is_empty() {
        cx.issues.warning(
            codes::EMPTY_URL,
            path,
            offset,
            "url is empty and is treated as absent; remove the key or give a link".to_string(),
        );
        return None;
    }
    let trimmed = raw.trim();
    if trimmed.len() != raw.len() {
        cx.issues.warning(
            codes::URL_WHITESPACE,
            path,
            offset,
            format!("url `{}` has leading or trailing spaces; they are removed, remove them from the file too", excerpt(raw)),
        );
    }
    if !(trimmed.starts_with("https://") || trimmed.starts_with("http://")) {
        cx.issues.error(
            codes::INVALID_URL,
            path,
            offset,
            format!(
                "url `{}` must start with http:// or https://",
                excerpt(trimmed)
            ),
        );
    }
    if trimmed.is_empty() {
        None
    } else {
        Some(trimmed.to_string())
    }
}

/// A url needs a displayText next to it (the text is what the console shows as the link).
pub fn display_text_for_url(cx: &mut Cx<'_>, what: &str, object_offset: usize, path: &Path<'_>) {
    cx.issues.error(
        codes::MISSING_DISPLAY_TEXT,
        &path.key("displayText"),
        object_offset,
        format!("{what} has a url but no displayText; a displayText is required whenever a url is given"),
    );
}

pub fn resource_type(
    cx: &mut Cx<'_>,
    raw: &str,
    offset: usize,
    path: &Path<'_>,
) -> Option<AdditionalResourceType> {
    match raw {
        "HELPFUL_RESOURCE" => Some(AdditionalResourceType::HelpfulResource),
        "IMPROVEMENT_PLAN" => Some(AdditionalResourceType::ImprovementPlan),
        _ => {
            cx.issues.error(
                codes::INVALID_RESOURCE_TYPE,
                path,
                offset,
                format!("additionalResources type is `{}`; it must be HELPFUL_RESOURCE or IMPROVEMENT_PLAN", excerpt(raw)),
            );
            None
        }
    }
}

/// Per-choice bookkeeping of additional resources: one entry per type, five items per type.
#[derive(Debug, Default)]
pub struct Tally {
    /// Offset of the first entry's `type` value, per type.
    first_entry: [Option<usize>; 2],
    items: [usize; 2],
}

impl Tally {
    /// Records an entry of `kind`; a second entry of the same type is an error (the format has
    /// one list per type, and the console shows one).
    pub fn entry(
        &mut self,
        cx: &mut Cx<'_>,
        kind: AdditionalResourceType,
        offset: usize,
        path: &Path<'_>,
    ) {
        let slot = &mut self.first_entry[kind as usize];
        match *slot {
            None => *slot = Some(offset),
            Some(first) => {
                let (line, column) = cx.position(first);
                cx.issues.error(
                    codes::DUPLICATE_RESOURCE_TYPE,
                    path,
                    offset,
                    format!("a second additionalResources entry of type {}; the first is at line {line}, column {column}; put all items of one type in one entry's `content`", type_name(kind)),
                );
            }
        }
    }

    /// Records one content item; the sixth of a type is reported (once).
    pub fn item(
        &mut self,
        cx: &mut Cx<'_>,
        kind: AdditionalResourceType,
        offset: usize,
        path: &Path<'_>,
    ) {
        let count = &mut self.items[kind as usize];
        *count += 1;
        if *count == RESOURCES_PER_TYPE_MAX + 1 {
            cx.issues.error(
                codes::TOO_MANY_RESOURCES,
                path,
                offset,
                format!("this is additional resource number {} of type {} for this choice; the limit is {RESOURCES_PER_TYPE_MAX}", *count, type_name(kind)),
            );
        }
    }
}

fn type_name(kind: AdditionalResourceType) -> &'static str {
    match kind {
        AdditionalResourceType::HelpfulResource => "HELPFUL_RESOURCE",
        AdditionalResourceType::ImprovementPlan => "IMPROVEMENT_PLAN",
    }
}
