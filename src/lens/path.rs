//! JSON paths such as `pillars[1].questions[3].riskRules[0].condition`.
//!
//! While the tree is walked, the current path is a chain of stack frames ([`Path`]), each
//! pointing at its parent: descending costs nothing and a string is only built when a
//! diagnostic needs one. [`resolve`] goes the other way, from a path string (as carried by a
//! rule-analysis finding) back to the value it names.

use std::fmt::Write;

use super::json::{Kind, Value};

/// One step of a path, linked to its parent.
#[derive(Debug, Clone, Copy)]
pub enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    pub fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    pub fn index(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    /// The path as text; the root is the empty string.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write_to(out);
                push_key(out, key);
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                let _ = write!(out, "[{index}]");
            }
        }
    }
}

/// Appends `.key`, or `["key"]` when the key is not a plain identifier (so that the path
/// stays unambiguous for keys such as `"a.b"` or `"my key"`).
pub fn push_key(out: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push('[');
        // serde_json quoting gives exactly JSON string syntax.
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(']');
    }
}

/// The value a path names, or the deepest value on the way when the path goes further than
/// the tree does. Supports the forms [`Path::render`] writes: `.key`, `[index]`, `["key"]`.
pub fn resolve<'v, 'a>(root: &'v Value<'a>, path: &str) -> &'v Value<'a> {
    let mut current = root;
    let mut rest = path;
    while !rest.is_empty() {
        let (next, remaining) = match step(current, rest) {
            Some(found) => found,
            None => break,
        };
        current = next;
        rest = remaining;
    }
    current
}

fn step<'v, 'a, 's>(value: &'v Value<'a>, rest: &'s str) -> Option<(&'v Value<'a>, &'s str)> {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if let Some(inner) = rest.strip_prefix("[\"") {
        // A quoted key: find the closing `"]` that is not escaped.
        let bytes = inner.as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() && !(bytes[i] == b'"' && bytes[i + 1] == b']') {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let quoted = format!("\"{}\"", inner.get(..i)?);
        let key: String = serde_json::from_str(&quoted).ok()?;
        return Some((value.get(&key)?, inner.get(i + 2..)?));
    }
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']')?;
        let index: usize = inner[..close].parse().ok()?;
        return Some((value.as_array()?.get(index)?, &inner[close + 1..]));
    }
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    Some((value.get(&rest[..end])?, &rest[end..]))
}

/// The path of the value or key that starts exactly at `offset` (as every offset the reader
/// reports does): descend into the last child that starts at or before it.
///
/// Children are in file order, so that child is found by binary search: the reader reports one
/// error per repeated key or `NaN`, and a linear scan per error made a hostile file with 100,000
/// of them in one object or array quadratic (seconds instead of milliseconds).
pub fn path_at(root: &Value<'_>, offset: usize) -> String {
    let mut out = String::new();
    let mut current = root;
    loop {
        if current.offset == offset {
            break;
        }
        match &current.kind {
            Kind::Object(members) => {
                let Some(i) = members
                    .partition_point(|m| m.key_offset <= offset)
                    .checked_sub(1)
                else {
                    break;
                };
                let member = &members[i];
                push_key(&mut out, &member.key);
                if member.value.offset > offset {
                    break; // the offset is the key itself
                }
                current = &member.value;
            }
            Kind::Array(items) => {
                let Some(i) = items.partition_point(|v| v.offset <= offset).checked_sub(1) else {
                    break;
                };
                let _ = write!(out, "[{i}]");
                current = &items[i];
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lens::json::read;

    #[test]
    fn renders_keys_and_indices() {
        let root = Path::Root;
        let pillars = root.key("pillars");
        let first = pillars.index(1);
        let odd = first.key("my key");
        assert_eq!(first.render(), "pillars[1]");
        assert_eq!(odd.render(), "pillars[1][\"my key\"]");
        assert_eq!(root.render(), "");
    }

    #[test]
    fn resolves_rendered_paths() {
        let text = r#"{"pillars":[{"id":"a"},{"id":"b","my key":[7]}]}"#;
        let arena = crate::lens::json::Arena::default();
        let root = read(text, &arena).root.unwrap();
        assert_eq!(resolve(&root, "pillars[1].id").as_str(), Some("b"));
        assert_eq!(
            resolve(&root, "pillars[1][\"my key\"][0]").offset,
            text.find('7').unwrap()
        );
        let key = text.find("\"my key\"").unwrap();
        assert_eq!(path_at(&root, key), "pillars[1][\"my key\"]");
        assert_eq!(
            path_at(&root, text.find('7').unwrap()),
            "pillars[1][\"my key\"][0]"
        );
        assert_eq!(path_at(&root, 0), "");
        // Too deep: stops at the deepest value that exists.
        assert_eq!(
            resolve(&root, "pillars[5].id").offset,
            text.find('[').unwrap()
        );
    }
}
