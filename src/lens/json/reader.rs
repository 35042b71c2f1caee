//! The reading loop: one pass over the bytes, recursive descent, no regex and no per-character
//! allocation. Strict RFC 8259: every deviation is an error, never a silent fix.
//!
//! Most errors stop the reader (after a syntax error nothing that follows can be trusted).
//! A few leave a well-formed tree behind, so reading goes on and the lens checks still run:
//! a repeated key (both members are kept), `NaN`/`Infinity` (kept as a number, so the field's
//! type check also fires) and a leading byte-order mark (skipped after being reported; the only
//! finding that is a warning, see [`JsonError::severity`]).

use std::borrow::Cow;

use super::arena::Arena;
use super::error::{JsonError, JsonErrorKind};
use super::value::{shorten, Kind, Member, Value};
use crate::lens::scan::{load, string_special};

/// Nesting limit: recursion must not overflow the (small, in wasm) stack on hostile input.
/// A lens needs 11 levels (root → pillars → ... → additionalResources → content → item).
pub const MAX_DEPTH: usize = 64;

/// The result of reading: the tree when the text is well formed enough to have one, and every
/// error found (recoverable ones first, then at most one fatal one).
#[derive(Debug)]
pub struct Parsed<'a> {
    pub root: Option<Value<'a>>,
    pub errors: Vec<JsonError>,
    /// Where every line starts, when the whole text was read (see [`LineIndex::from_starts`]);
    /// `None` after a fatal error, since the text after it was not looked at.
    ///
    /// [`LineIndex::from_starts`]: crate::lens::position::LineIndex::from_starts
    pub line_starts: Option<Vec<usize>>,
}

/// Reads a whole JSON text; the children of its objects and arrays go into `arena`.
pub fn read<'a>(text: &'a str, arena: &'a Arena<'a>) -> Parsed<'a> {
    let mut reader = Reader {
        text,
        arena,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        open: Vec::new(),
        members: Vec::new(),
        items: Vec::new(),
        line_starts: vec![0],
        errors: Vec::new(),
    };
    match reader.document() {
        Ok(root) => Parsed {
            root: Some(root),
            errors: reader.errors,
            line_starts: Some(reader.line_starts),
        },
        Err(fatal) => {
            reader.errors.push(fatal);
            Parsed {
                root: None,
                errors: reader.errors,
                line_starts: None,
            }
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    arena: &'a Arena<'a>,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Offsets and names of the arrays/objects being read, innermost last, so that an early end
    /// of file can say which bracket is still open.
    open: Vec<(usize, &'static str)>,
    /// Scratch stacks shared by all objects/arrays being read: a container pushes its children
    /// here and moves them into the arena when it closes, where they sit side by side.
    members: Vec<Member<'a>>,
    items: Vec<Value<'a>>,
    line_starts: Vec<usize>,
    errors: Vec<JsonError>,
}

type Result<T> = std::result::Result<T, JsonError>;

const BOM: &str = "\u{feff}";

impl<'a> Reader<'a> {
    fn document(&mut self) -> Result<Value<'a>> {
        if self.text.starts_with(BOM) {
            self.errors
                .push(JsonError::new(JsonErrorKind::ByteOrderMark, 0));
            self.pos = BOM.len();
        }
        self.skip_whitespace();
        if self.pos == self.bytes.len() {
            return Err(JsonError::new(JsonErrorKind::Empty, 0));
        }
        let first = self.pos;
        let root = self.value().map_err(|e| match e.kind {
            // The very first value could not even start: this is not a JSON file at all.
            JsonErrorKind::Unexpected { .. } if e.offset == first => JsonError::new(
                JsonErrorKind::NotJson {
                    first_line: first_line(self.text),
                },
                first,
            ),
            _ => e,
        })?;
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return Err(match self.special_error() {
                Some(e) => e,
                None => JsonError::new(
                    JsonErrorKind::TrailingContent {
                        found: self.found(),
                    },
                    self.pos,
                ),
            });
        }
        Ok(root)
    }

    /// Skips whitespace, noting where lines start: in JSON every line break is whitespace
    /// between tokens (a raw one inside a string is an error), so this is where all of them
    /// are seen, and the line index comes free with reading.
    fn skip_whitespace(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            // Most calls land on a token straight away.
            if b > b' ' {
                return;
            }
            match b {
                b' ' | b'\t' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line_starts.push(self.pos);
                    self.skip_indentation();
                }
                b'\r' => {
                    self.pos += 1;
                    if self.bytes.get(self.pos) != Some(&b'\n') {
                        self.line_starts.push(self.pos);
                    }
                }
                _ => return,
            }
        }
    }

    /// Pretty-printed files start most lines with many spaces: step over them eight at a time.
    fn skip_indentation(&mut self) {
        const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            if load(chunk) != SPACES {
                break;
            }
            self.pos += 8;
        }
    }

    fn value(&mut self) -> Result<Value<'a>> {
        let offset = self.pos;
        let kind = match self.bytes.get(offset) {
            None => return Err(self.unexpected_end()),
            Some(b'{') => return self.object(),
            Some(b'[') => return self.array(),
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'N') if self.rest().starts_with("NaN") => self.non_finite("NaN"),
            Some(b'I') if self.rest().starts_with("Infinity") => self.non_finite("Infinity"),
            Some(b'.' | b'+') => {
                return Err(self.invalid_number(
                    offset,
                    "a number starts with a digit or `-` (write 0.5, not .5 or +5)",
                ))
            }
            Some(_) => return Err(self.unexpected("a value")),
        };
        Ok(Value { offset, kind })
    }

    fn object(&mut self) -> Result<Value<'a>> {
        let offset = self.enter("an object")?;
        let base = self.members.len();
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(self.leave(offset, Kind::Object(&[])));
        }
        loop {
            let key_offset = self.pos;
            let key = match self.bytes.get(self.pos) {
                Some(b'"') => self.string()?,
                None => return Err(self.unexpected_end()),
                Some(b) if b.is_ascii_alphabetic() || *b == b'_' || *b == b'$' => {
                    return Err(JsonError::new(
                        JsonErrorKind::UnquotedKey { found: self.word() },
                        self.pos,
                    ))
                }
                Some(_) => return Err(self.unexpected("a key in double quotes")),
            };
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b':') => self.pos += 1,
                None => return Err(self.unexpected_end()),
                Some(_) => return Err(self.unexpected("`:` after the key")),
            }
            self.skip_whitespace();
            let value = self.value()?;
            self.members.push(Member {
                key,
                key_offset,
                value,
            });
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.bytes.get(self.pos) == Some(&b'}') {
                        return Err(JsonError::new(JsonErrorKind::TrailingComma, comma));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.unexpected_end()),
                Some(_) => return Err(self.unexpected("`,` or `}` after an object member")),
            }
        }
        let members = self.arena.members.keep(self.members.drain(base..));
        self.report_duplicates(members);
        Ok(self.leave(offset, Kind::Object(members)))
    }

    fn array(&mut self) -> Result<Value<'a>> {
        let offset = self.enter("an array")?;
        let base = self.items.len();
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(self.leave(offset, Kind::Array(&[])));
        }
        loop {
            let item = self.value()?;
            self.items.push(item);
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.bytes.get(self.pos) == Some(&b']') {
                        return Err(JsonError::new(JsonErrorKind::TrailingComma, comma));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => return Err(self.unexpected_end()),
                Some(_) => return Err(self.unexpected("`,` or `]` after an array item")),
            }
        }
        let items = self.arena.items.keep(self.items.drain(base..));
        Ok(self.leave(offset, Kind::Array(items)))
    }

    /// Steps over an opening bracket, enforcing the depth limit.
    fn enter(&mut self, what: &'static str) -> Result<usize> {
        let offset = self.pos;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(JsonError::new(
                JsonErrorKind::TooDeep { limit: MAX_DEPTH },
                offset,
            ));
        }
        self.open.push((offset, what));
        self.pos += 1;
        Ok(offset)
    }

    fn leave(&mut self, offset: usize, kind: Kind<'a>) -> Value<'a> {
        self.depth -= 1;
        self.open.pop();
        Value { offset, kind }
    }

    /// Reads a string starting at the opening quote. Strings without escapes borrow from the
    /// text; the first backslash switches to building an owned copy.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        let open = self.pos;
        let start = open + 1;
        let mut i = string_special(self.bytes, start);
        match self.bytes.get(i) {
            None => return Err(self.end_inside_string(open)),
            Some(b'"') => {
                self.pos = i + 1;
                return Ok(Cow::Borrowed(&self.text[start..i]));
            }
            Some(b'\\') => {}
            Some(&b) => return Err(control(b, i)),
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&self.text[start..i]);
        loop {
            match self.bytes.get(i) {
                None => return Err(self.end_inside_string(open)),
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => i = self.escape(i, open, &mut out)?,
                Some(&b) if b < 0x20 => return Err(control(b, i)),
                Some(_) => {
                    // Copy the run of plain characters up to the next special byte at once.
                    let run = i;
                    i = string_special(self.bytes, i);
                    out.push_str(&self.text[run..i]);
                }
            }
        }
    }

    /// Decodes the escape at `at` (a backslash) into `out`; returns the offset after it.
    fn escape(&self, at: usize, open: usize, out: &mut String) -> Result<usize> {
        let Some(&b) = self.bytes.get(at + 1) else {
            return Err(self.end_inside_string(open));
        };
        let simple = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(at, open, out),
            _ => {
                let c = self.text[at + 1..].chars().next().unwrap_or('?');
                return Err(JsonError::new(
                    JsonErrorKind::InvalidEscape {
                        found: format!("\\{}", printable(c)),
                    },
                    at,
                ));
            }
        };
        out.push(simple);
        Ok(at + 2)
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `at`.
    fn unicode_escape(&self, at: usize, open: usize, out: &mut String) -> Result<usize> {
        let first = self.hex4(at, open)?;
        let code = match first {
            0xD800..=0xDBFF => {
                let low = if self.bytes.get(at + 6) == Some(&b'\\')
                    && self.bytes.get(at + 7) == Some(&b'u')
                {
                    Some(self.hex4(at + 6, open)?)
                } else {
                    None
                };
                match low {
                    Some(low @ 0xDC00..=0xDFFF) => {
                        let code = 0x10000
                            + ((u32::from(first) - 0xD800) << 10)
                            + (u32::from(low) - 0xDC00);
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        return Ok(at + 12);
                    }
                    _ => return Err(lone(first, at)),
                }
            }
            0xDC00..=0xDFFF => return Err(lone(first, at)),
            code => code,
        };
        out.push(char::from_u32(u32::from(code)).unwrap_or('\u{fffd}'));
        Ok(at + 6)
    }

    /// The four hex digits of the `\u` escape at `at`.
    fn hex4(&self, at: usize, open: usize) -> Result<u16> {
        let mut value: u16 = 0;
        for k in 0..4 {
            let digit = match self.bytes.get(at + 2 + k) {
                None => return Err(self.end_inside_string(open)),
                Some(&b) => (b as char).to_digit(16),
            };
            match digit {
                Some(d) => value = value * 16 + d as u16,
                None => {
                    // Quote what was written, up to the closing quote or six characters.
                    let shown: String = self.text[at..]
                        .chars()
                        .take(6)
                        .take_while(|&c| c != '"')
                        .map(printable)
                        .collect();
                    return Err(JsonError::new(
                        JsonErrorKind::InvalidEscape {
                            found: format!("{shown} (\\u needs four hex digits)"),
                        },
                        at,
                    ));
                }
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Kind<'a>> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
            if self.rest().starts_with("Infinity") {
                self.pos = start;
                return Ok(self.non_finite("-Infinity"));
            }
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
                    return Err(self.invalid_number(start, "leading zeros are not allowed"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.invalid_number(self.pos, "a digit must follow `-`")),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !self.digits() {
                return Err(self.invalid_number(
                    self.pos,
                    "a digit must follow the decimal point (write 1.0, not 1.)",
                ));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !self.digits() {
                return Err(self.invalid_number(self.pos, "the exponent needs digits"));
            }
        }
        Ok(Kind::Number(&self.text[start..self.pos]))
    }

    /// Skips ASCII digits; true when there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn literal(&mut self, word: &'static str, kind: Kind<'a>) -> Result<Kind<'a>> {
        if self.rest().starts_with(word) && !self.is_word_byte(self.pos + word.len()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    /// Reports `NaN`/`Infinity` and keeps it as a number so that reading goes on.
    fn non_finite(&mut self, literal: &'static str) -> Kind<'a> {
        let start = self.pos;
        self.errors.push(JsonError::new(
            JsonErrorKind::NonFiniteNumber { literal },
            start,
        ));
        self.pos += literal.len();
        Kind::Number(&self.text[start..self.pos])
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn is_word_byte(&self, at: usize) -> bool {
        matches!(self.bytes.get(at), Some(b) if b.is_ascii_alphanumeric() || *b == b'_')
    }

    fn invalid_number(&self, offset: usize, reason: &'static str) -> JsonError {
        JsonError::new(JsonErrorKind::InvalidNumber { reason }, offset)
    }

    /// The error for an unexpected byte at the current position: comments and single quotes get
    /// their own explanation, anything else says what was expected.
    fn unexpected(&self, expected: &'static str) -> JsonError {
        self.special_error().unwrap_or_else(|| {
            JsonError::new(
                JsonErrorKind::Unexpected {
                    expected,
                    found: self.found(),
                },
                self.pos,
            )
        })
    }

    fn special_error(&self) -> Option<JsonError> {
        let kind = match (self.bytes.get(self.pos), self.bytes.get(self.pos + 1)) {
            (Some(b'/'), Some(b'/' | b'*')) => JsonErrorKind::Comment,
            (Some(b'\''), _) => JsonErrorKind::SingleQuote,
            _ => return None,
        };
        Some(JsonError::new(kind, self.pos))
    }

    fn unexpected_end(&self) -> JsonError {
        let (open_offset, inside) = self.open.last().copied().unwrap_or((0, "the file"));
        JsonError::new(
            JsonErrorKind::UnexpectedEnd {
                inside,
                open_offset,
            },
            self.bytes.len(),
        )
    }

    fn end_inside_string(&self, open: usize) -> JsonError {
        JsonError::new(
            JsonErrorKind::UnexpectedEnd {
                inside: "a string",
                open_offset: open,
            },
            self.bytes.len(),
        )
    }

    /// The word (for letters) or the single character at the current position, for messages.
    fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_alphanumeric() => format!("`{}`", self.word()),
            Some(c) => format!("`{}`", printable(c)),
        }
    }

    fn word(&self) -> String {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '-'))
            .unwrap_or(rest.len());
        shorten(&rest[..end], 24)
    }

    /// Reports every key that repeats an earlier key of the same object, at the later key.
    fn report_duplicates(&mut self, members: &[Member<'a>]) {
        if members.len() < 2 {
            return;
        }
        let mut dup = |later: &Member<'a>, first: &Member<'a>| {
            self.errors.push(JsonError::new(
                JsonErrorKind::DuplicateKey {
                    key: later.key.to_string(),
                    first_offset: first.key_offset,
                },
                later.key_offset,
            ));
        };
        // Lens objects have at most a handful of keys: compare pairwise. Only huge (hostile)
        // objects pay for sorting, which keeps the worst case O(n log n).
        if members.len() <= 16 {
            for (j, later) in members.iter().enumerate().skip(1) {
                if let Some(first) = members[..j].iter().find(|m| m.key == later.key) {
                    dup(later, first);
                }
            }
        } else {
            let order = crate::sorted::positions(members.len(), &|a, b| {
                members[a].key.cmp(&members[b].key)
            });
            let mut run_first = order[0];
            for &i in &order[1..] {
                if members[i].key == members[run_first].key {
                    dup(&members[i], &members[run_first]);
                } else {
                    run_first = i;
                }
            }
        }
    }
}

fn control(byte: u8, at: usize) -> JsonError {
    JsonError::new(
        JsonErrorKind::ControlCharacter {
            code: u32::from(byte),
        },
        at,
    )
}

fn lone(unit: u16, at: usize) -> JsonError {
    JsonError::new(JsonErrorKind::LoneSurrogate { unit }, at)
}

/// A character as it can be shown inside backticks: control and invisible ones as U+XXXX.
fn printable(c: char) -> String {
    if c.is_control() || c == '\u{feff}' || c.is_whitespace() && c != ' ' {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// The first line of a file, shortened, for the "not JSON" message.
fn first_line(text: &str) -> String {
    let line = text.trim_start_matches(BOM).trim_start();
    let end = line.find(['\n', '\r']).unwrap_or(line.len());
    shorten(line[..end].trim_end(), 60)
}
