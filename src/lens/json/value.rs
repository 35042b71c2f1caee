//! The value tree the reader produces. Every value and every object key carries the byte offset
//! where it starts in the text, so that any later finding (a type error, a limit, an unknown
//! id inside a condition) can be reported at an exact line and column.
//!
//! Strings borrow from the text when they hold no escape (the common case in lens files), and
//! the children of objects and arrays live in an [`Arena`](super::Arena), so reading a 400 KB
//! lens allocates a few chunks and almost no strings.

use std::borrow::Cow;

/// One JSON value and the byte offset of its first character (`{`, `[`, `"`, a digit, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct Value<'a> {
    pub offset: usize,
    pub kind: Kind<'a>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written. Lens files have no numeric fields, so numbers are only
    /// ever quoted back in messages; keeping the text avoids float formatting surprises.
    /// `NaN`, `Infinity` and `-Infinity` also land here after their error is reported.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(&'a [Value<'a>]),
    /// Members in file order. Repeated keys are kept (and reported by the reader); lookups
    /// take the last one, as JavaScript's `JSON.parse` does.
    Object(&'a [Member<'a>]),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    /// Offset of the key's opening quote.
    pub key_offset: usize,
    pub value: Value<'a>,
}

impl<'a> Value<'a> {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.kind {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The member named `key` (the last one when the key is repeated).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// What the value is, for messages: "a string", "the number 3", "NaN", "an object", ...
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Null => "null".to_string(),
            Kind::Bool(b) => b.to_string(),
            Kind::Number(raw) if raw.ends_with("NaN") || raw.ends_with("Infinity") => {
                format!("{raw} (not a JSON number)")
            }
            Kind::Number(raw) => format!("the number {}", shorten(raw, 24)),
            Kind::String(_) => "a string".to_string(),
            Kind::Array(_) => "an array".to_string(),
            Kind::Object(_) => "an object".to_string(),
        }
    }
}

pub use crate::shown::shorten;
