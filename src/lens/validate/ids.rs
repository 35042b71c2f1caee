//! Ids: their syntax, their uniqueness (pillars and questions in the lens, choices in their
//! question) and the API's shorter limit for choice ids.

use std::collections::HashMap;

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::path::Path;
use crate::shown::excerpt;

pub const ID_MIN: usize = 3;
pub const ID_MAX: usize = 128;
/// The AWS API's ChoiceId is 1..64 characters, shorter than the lens format's 128.
pub const API_CHOICE_ID_MAX: usize = 64;

/// `id` must be 3..128 characters of `[A-Za-z0-9_]`; `hyphen` also allows `-` (only for
/// question ids of the lenses Plumbline ships, which keep AWS's own ids).
pub fn syntax(cx: &mut Cx<'_>, what: &str, id: &str, hyphen: bool, offset: usize, path: &Path<'_>) {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || (hyphen && c == '-');
    let rule = if hyphen {
        "3 to 128 characters of A-Z, a-z, 0-9, _ and -"
    } else {
        "3 to 128 characters of A-Z, a-z, 0-9 and _"
    };
    if let Some(bad) = id.chars().find(|&c| !allowed(c)) {
        let shown = if bad.is_whitespace() || bad.is_control() {
            format!("U+{:04X}", bad as u32)
        } else {
            bad.to_string()
        };
        cx.issues.error(
            codes::INVALID_ID,
            path,
            offset,
            format!(
                "{what} `{}` contains `{shown}`; an id is {rule}",
                excerpt(id)
            ),
        );
        return;
    }
    // Only ASCII is left, so bytes are characters.
    if id.len() < ID_MIN || id.len() > ID_MAX {
        cx.issues.error(
            codes::INVALID_ID,
            path,
            offset,
            format!(
                "{what} `{}` is {} characters; an id is {rule}",
                excerpt(id),
                id.len()
            ),
        );
    }
}

/// Warns when a choice id is valid for the lens format but too long for the AWS API, which
/// would then refuse answers that name it.
pub fn api_choice_limit(cx: &mut Cx<'_>, id: &str, offset: usize, path: &Path<'_>) {
    let chars = id.chars().count();
    if chars > API_CHOICE_ID_MAX {
        cx.issues.warning(
            codes::CHOICE_ID_OVER_API_LIMIT,
            path,
            offset,
            format!("choice id is {chars} characters; the AWS API accepts at most {API_CHOICE_ID_MAX} in answers (the lens format allows {ID_MAX})"),
        );
    }
}

/// A kind of id that must be unique within a scope.
#[derive(Debug)]
pub struct Unique {
    pub code: &'static str,
    pub what: &'static str,
    pub scope: &'static str,
}

pub const PILLAR_IDS: Unique = Unique {
    code: codes::DUPLICATE_PILLAR_ID,
    what: "pillar id",
    scope: "in the lens",
};
pub const QUESTION_IDS: Unique = Unique {
    code: codes::DUPLICATE_QUESTION_ID,
    what: "question id",
    scope: "in the lens",
};
pub const CHOICE_IDS: Unique = Unique {
    code: codes::DUPLICATE_CHOICE_ID,
    what: "choice id",
    scope: "within their question",
};

/// Ids seen so far in one scope, with the offset of their first occurrence.
#[derive(Debug, Default)]
pub struct Seen {
    first: HashMap<String, usize>,
}

impl Seen {
    /// Records `id` at `offset`; returns the first occurrence's offset if it was seen before.
    pub fn record(&mut self, id: &str, offset: usize) -> Option<usize> {
        match self.first.get(id) {
            Some(&first) => Some(first),
            None => {
                self.first.insert(id.to_string(), offset);
                None
            }
        }
    }
}

/// Ids seen so far in a small scope (a question's choices, at most a few dozen): a linear
/// scan over borrowed ids beats hashing and copying each id.
#[derive(Debug, Default)]
pub struct SeenFew<'s> {
    ids: Vec<(&'s str, usize)>,
}

impl<'s> SeenFew<'s> {
    /// Records `id` at `offset`; returns the first occurrence's offset if it was seen before.
    pub fn record(&mut self, id: &'s str, offset: usize) -> Option<usize> {
        if let Some(&(_, first)) = self.ids.iter().find(|(seen, _)| *seen == id) {
            return Some(first);
        }
        self.ids.push((id, offset));
        None
    }
}

/// Reports a repeated id at its later occurrence, naming where the first one is.
pub fn duplicate(
    cx: &mut Cx<'_>,
    kind: &Unique,
    id: &str,
    first: usize,
    offset: usize,
    path: &Path<'_>,
) {
    let (line, column) = cx.position(first);
    let what = kind.what;
    cx.issues.error(
        kind.code,
        path,
        offset,
        format!(
            "{what} `{}` is already used at line {line}, column {column}; {what}s must be unique {}",
            excerpt(id),
            kind.scope
        ),
    );
}
