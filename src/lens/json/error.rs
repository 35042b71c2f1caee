//! What the JSON reader can find wrong, with a stable code and a message an author can act on.
//!
//! Wording lives here, away from the reading loop. Messages that mention another place in the
//! file (the first occurrence of a repeated key, the bracket an unexpected end leaves open)
//! receive a [`LineIndex`] so that they can say "line 12".

use crate::lens::position::LineIndex;
use crate::shown::excerpt;

/// One problem, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// The first character cannot start a JSON value: the file is something else.
    NotJson { first_line: String },
    /// A UTF-8 byte-order mark before the first value. RFC 8259 forbids it, but Windows
    /// editors write it and what AWS does with it is not documented, so it is read past with a
    /// warning (the only reader finding that is not an error).
    ByteOrderMark,
    /// `,` right before `}` or `]`.
    TrailingComma,
    /// `NaN`, `Infinity` or `-Infinity`, which JavaScript prints but JSON does not allow.
    NonFiniteNumber { literal: &'static str },
    /// `//` or `/*`.
    Comment,
    /// A string or key in single quotes.
    SingleQuote,
    /// An object key without quotes: `{name: "x"}`.
    UnquotedKey { found: String },
    /// A raw character below U+0020 inside a string.
    ControlCharacter { code: u32 },
    /// `\x` where x is not one of `"\/bfnrtu`, or a bad `\u` sequence.
    InvalidEscape { found: String },
    /// `\uD800`..`\uDFFF` not forming a surrogate pair.
    LoneSurrogate { unit: u16 },
    /// The same key twice in one object; `first_offset` is the first occurrence's key.
    DuplicateKey { key: String, first_offset: usize },
    /// A number that breaks the JSON grammar (`01`, `1.`, `+1`, `.5`, `1e`).
    InvalidNumber { reason: &'static str },
    /// Something else where a value, a key, `:`, `,` or a closing bracket was expected.
    Unexpected {
        expected: &'static str,
        found: String,
    },
    /// The text ends inside a value; `open_offset` is where that value starts.
    UnexpectedEnd {
        inside: &'static str,
        open_offset: usize,
    },
    /// A complete value followed by more text.
    TrailingContent { found: String },
    /// Arrays and objects nested deeper than the reader allows.
    TooDeep { limit: usize },
}

impl JsonError {
    pub fn new(kind: JsonErrorKind, offset: usize) -> Self {
        JsonError { kind, offset }
    }

    /// Reading can go on after these: the tree is still well formed, so the lens checks can run
    /// and the author sees every problem at once. All other errors stop the reader.
    pub fn is_recoverable(&self) -> bool {
        matches!(
            self.kind,
            JsonErrorKind::DuplicateKey { .. }
                | JsonErrorKind::NonFiniteNumber { .. }
                | JsonErrorKind::ByteOrderMark
        )
    }

    /// Errors, except for the byte-order mark: Plumbline accepts it everywhere (lint, the
    /// app, the CLI, answers files), with a warning where there is a diagnostics channel.
    pub fn severity(&self) -> crate::lens::Severity {
        match self.kind {
            JsonErrorKind::ByteOrderMark => crate::lens::Severity::Warning,
            _ => crate::lens::Severity::Error,
        }
    }

    /// Stable kebab-case code.
    pub fn code(&self) -> &'static str {
        use JsonErrorKind::*;
        match self.kind {
            Empty => "json-empty",
            NotJson { .. } => "json-not-json",
            ByteOrderMark => "json-byte-order-mark",
            TrailingComma => "json-trailing-comma",
            NonFiniteNumber { .. } => "json-non-finite-number",
            Comment => "json-comment",
            SingleQuote => "json-single-quote",
            UnquotedKey { .. } => "json-unquoted-key",
            ControlCharacter { .. } => "json-control-character",
            InvalidEscape { .. } => "json-invalid-escape",
            LoneSurrogate { .. } => "json-lone-surrogate",
            DuplicateKey { .. } => "json-duplicate-key",
            InvalidNumber { .. } => "json-invalid-number",
            Unexpected { .. } => "json-unexpected-character",
            UnexpectedEnd { .. } => "json-unexpected-end",
            TrailingContent { .. } => "json-trailing-content",
            TooDeep { .. } => "json-too-deep",
        }
    }

    pub fn message(&self, lines: &LineIndex) -> String {
        use JsonErrorKind::*;
        match &self.kind {
            Empty => "the file is empty; a lens file is a JSON object starting with `{`".into(),
            NotJson { first_line } => format!(
                "the file is not JSON: its first line is `{first_line}`; a lens file is a JSON object starting with `{{`"
            ),
            ByteOrderMark => "the file starts with a byte-order mark (U+FEFF); Plumbline reads past it, but JSON does not allow one and other tools may refuse the file: remove the byte-order mark (save as UTF-8 without BOM)".into(),
            TrailingComma => "trailing comma: JSON allows no `,` after the last item; remove it".into(),
            NonFiniteNumber { literal } => format!(
                "`{literal}` is not a JSON value (JSON.parse and AWS reject it); write the text in double quotes"
            ),
            Comment => "JSON has no comments; remove this comment".into(),
            SingleQuote => "JSON strings and keys use double quotes (\"), not single quotes".into(),
            UnquotedKey { found } => format!(
                "object keys must be in double quotes: write `\"{found}\"`"
            ),
            ControlCharacter { code } => {
                let hint = match code {
                    0x0A => " (write a line break as \\n)",
                    0x0D => " (write it as \\r)",
                    0x09 => " (write a tab as \\t)",
                    _ => " (write it as a \\u escape)",
                };
                format!("control character U+{code:04X} inside a string must be escaped{hint}")
            }
            InvalidEscape { found } => format!(
                "invalid escape `{found}`; JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
            ),
            LoneSurrogate { unit } => format!(
                "`\\u{unit:04X}` is half of a UTF-16 surrogate pair with no other half; write the character itself or a complete pair"
            ),
            DuplicateKey { key, first_offset } => {
                let (line, column) = lines.position(*first_offset);
                format!(
                    "key `{}` is repeated in this object (first at line {line}, column {column}); only one of the values can be kept, remove the other",
                    excerpt(key)
                )
            }
            InvalidNumber { reason } => format!("invalid number: {reason}"),
            Unexpected { expected, found } => format!("expected {expected} but found {found}"),
            UnexpectedEnd { inside, open_offset } => {
                let (line, column) = lines.position(*open_offset);
                format!("the file ends inside {inside} opened at line {line}, column {column}")
            }
            TrailingContent { found } => format!(
                "unexpected {found} after the end of the JSON value; a lens file holds exactly one object"
            ),
            TooDeep { limit } => format!(
                "arrays and objects are nested more than {limit} levels deep; a lens needs 11"
            ),
        }
    }
}
