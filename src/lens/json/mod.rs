//! A strict JSON reader (RFC 8259) that keeps positions: every value and every object key
//! knows the byte offset where it starts.
//!
//! Why not serde_json: it stops at the first problem, cannot say where a *valid* value sits
//! (needed to point at a too-long title or an unknown choice id), and silently keeps the last
//! of two repeated keys. This reader does one pass over the bytes, borrows strings that hold no
//! escape, and reports every deviation from the standard with a code and an offset.

mod arena;
mod error;
mod reader;
mod value;

pub use arena::Arena;
pub use error::{JsonError, JsonErrorKind};
pub use reader::{read, Parsed, MAX_DEPTH};
pub use value::{shorten, Kind, Member, Value};

/// Maps a byte offset inside a string's *decoded* text to the offset of the same character in
/// the raw text, given the offset of the string's opening quote. Escapes make the two differ
/// (`\u0041` is six bytes in the file and one in the value), so walking the raw text is the
/// only exact way to place a column inside a string, e.g. an unknown id in a condition.
pub fn raw_offset(text: &str, quote_offset: usize, decoded: usize) -> usize {
    let bytes = text.as_bytes();
    let mut raw = quote_offset + 1;
    let mut seen = 0;
    while seen < decoded && raw < bytes.len() {
        let (raw_len, decoded_len) = match bytes[raw] {
            b'"' => break,
            b'\\' => match bytes.get(raw + 1) {
                Some(b'u') => unicode_escape_lengths(bytes, raw),
                _ => (2, 1),
            },
            b => {
                let len = utf8_len(b);
                (len, len)
            }
        };
        raw += raw_len;
        seen += decoded_len;
    }
    raw.min(bytes.len())
}

/// Raw and decoded lengths of the `\u` escape at `at` (a pair counts as one 4-byte character).
fn unicode_escape_lengths(bytes: &[u8], at: usize) -> (usize, usize) {
    let hex = |from: usize| -> Option<u32> {
        let digits = bytes.get(from..from + 4)?;
        let s = std::str::from_utf8(digits).ok()?;
        u32::from_str_radix(s, 16).ok()
    };
    match hex(at + 2) {
        Some(0xD800..=0xDBFF) if bytes.get(at + 6..at + 8) == Some(b"\\u") => (12, 4),
        Some(code) => (6, char::from_u32(code).map_or(3, char::len_utf8)),
        None => (2, 1),
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        // A continuation byte never starts a character; step over it alone.
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::raw_offset;

    #[test]
    fn raw_offset_without_escapes_is_a_shift() {
        let text = r#"{"c": "a && b"}"#;
        assert_eq!(&text[raw_offset(text, 6, 5)..][..1], "b");
    }

    #[test]
    fn raw_offset_steps_over_escapes() {
        // Decoded: `é && x` — é is two bytes decoded, six raw; \t is one decoded, two raw.
        let text = r#""\u00e9\t&& x""#;
        let at = raw_offset(text, 0, "é\t&& ".len());
        assert_eq!(&text[at..at + 1], "x");
        // A surrogate pair is 12 raw bytes for 4 decoded ones.
        let text = r#""\ud83d\ude00 y""#;
        let at = raw_offset(text, 0, "😀 ".len());
        assert_eq!(&text[at..at + 1], "y");
    }
}
