//! Reading typed fields out of JSON objects: every key is classified against the lens format,
//! every field is type-checked, and required fields that are absent are reported.
//!
//! A field of the wrong type is reported once (as `wrong-type`) and then treated as absent, so
//! the model never holds a guessed value and no second "missing" error follows.

use super::Cx;
use crate::lens::codes;
use crate::lens::json::{Member, Value};
use crate::lens::path::Path;
use crate::lens::schema::{classify, KeyVerdict, Level};
use crate::shown::excerpt;

/// Whether an absent field is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// An object of a known level, its keys already checked.
#[derive(Debug, Clone, Copy)]
pub struct Obj<'v, 'a> {
    pub value: &'v Value<'a>,
    pub members: &'v [Member<'a>],
    pub level: Level,
}

impl<'v, 'a> Obj<'v, 'a> {
    pub fn offset(&self) -> usize {
        self.value.offset
    }

    /// The member named `key` (the last one if the key is repeated, as JSON.parse keeps).
    pub fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.members
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    pub fn has(&self, key: &str) -> bool {
        self.members.iter().any(|m| m.key == key)
    }
}

/// `value` as an object of `level`, reporting a wrong type and checking its keys.
pub fn object<'v, 'a>(
    cx: &mut Cx<'_>,
    value: &'v Value<'a>,
    path: &Path<'_>,
    level: Level,
) -> Option<Obj<'v, 'a>> {
    let Some(members) = value.as_object() else {
        wrong_type(cx, value, path, "an object");
        return None;
    };
    check_keys(cx, members, path, level);
    Some(Obj {
        value,
        members,
        level,
    })
}

fn check_keys(cx: &mut Cx<'_>, members: &[Member<'_>], path: &Path<'_>, level: Level) {
    for member in members {
        let verdict = classify(level, &member.key);
        if verdict == KeyVerdict::Known {
            continue;
        }
        let at = path.key(&member.key);
        let key = &excerpt(&member.key);
        let offset = member.key_offset;
        let noun = level.noun();
        match verdict {
            KeyVerdict::Known => {}
            KeyVerdict::Undocumented => cx.issues.warning(
                codes::UNDOCUMENTED_KEY,
                &at,
                offset,
                format!("`{key}` on a choice is not in the lens format specification (only the AWS API has it); Plumbline keeps it, but the AWS WA Tool may ignore it"),
            ),
            KeyVerdict::CaseMismatch { expected } => cx.issues.error(
                codes::KEY_CASE_MISMATCH,
                &at,
                offset,
                format!("`{key}` is not a key of {noun}: keys are case-sensitive, so its value would be lost; write `{expected}`"),
            ),
            KeyVerdict::WrongLevel { key: right, hint } => {
                let spelling = if key == right {
                    String::new()
                } else {
                    format!(" (and keys are case-sensitive: `{right}`)")
                };
                cx.issues.error(
                    codes::KEY_WRONG_LEVEL,
                    &at,
                    offset,
                    format!("`{key}` does not belong in {noun}{spelling}, so its value would be lost; {hint}"),
                )
            }
            KeyVerdict::Unknown => {
                let known = level.keys().join(", ");
                if cx.options.strict {
                    let message = format!("the lens format has no `{key}` in {noun}, and strict mode refuses keys it does not define (known keys: {known})");
                    cx.issues.error(codes::UNKNOWN_KEY, &at, offset, message)
                } else {
                    let message = format!("the lens format has no `{key}` in {noun}, so it is ignored (known keys: {known})");
                    cx.issues.warning(codes::UNKNOWN_KEY, &at, offset, message)
                }
            }
        }
    }
}

/// A string field: `Some((text, offset of its opening quote))` when present and a string.
pub fn string<'v>(
    cx: &mut Cx<'_>,
    obj: &Obj<'v, '_>,
    path: &Path<'_>,
    key: &'static str,
    need: Need,
) -> Option<(&'v str, usize)> {
    let value = field(cx, obj, path, key, need)?;
    match value.as_str() {
        Some(text) => Some((text, value.offset)),
        None => {
            wrong_type(cx, value, &path.key(key), "a string");
            None
        }
    }
}

/// An array field: `Some((items, offset of its `[`))` when present and an array.
pub fn array<'v, 'a>(
    cx: &mut Cx<'_>,
    obj: &Obj<'v, 'a>,
    path: &Path<'_>,
    key: &'static str,
    need: Need,
) -> Option<(&'v [Value<'a>], usize)> {
    let value = field(cx, obj, path, key, need)?;
    match value.as_array() {
        Some(items) => Some((items, value.offset)),
        None => {
            wrong_type(cx, value, &path.key(key), "an array");
            None
        }
    }
}

/// The value of `key`, reporting it when required and absent.
pub fn field<'v, 'a>(
    cx: &mut Cx<'_>,
    obj: &Obj<'v, 'a>,
    path: &Path<'_>,
    key: &'static str,
    need: Need,
) -> Option<&'v Value<'a>> {
    let value = obj.get(key);
    if value.is_none() && need == Need::Required {
        cx.issues.error(
            codes::MISSING_KEY,
            &path.key(key),
            obj.offset(),
            format!("`{key}` is required in {}", obj.level.noun()),
        );
    }
    value
}

pub fn wrong_type(cx: &mut Cx<'_>, value: &Value<'_>, path: &Path<'_>, expected: &str) {
    let name = match path {
        Path::Key(_, key) => format!("`{}`", excerpt(key)),
        Path::Index(..) => "this item".to_string(),
        Path::Root => "a lens file".to_string(),
    };
    cx.issues.error(
        codes::WRONG_TYPE,
        path,
        value.offset,
        format!("{name} must be {expected}; found {}", value.describe()),
    );
}
