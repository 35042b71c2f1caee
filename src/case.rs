//! Lowercasing for comparing and sorting names, from a table a tenth the size of std's.
//!
//! `char::to_lowercase` and `str::to_lowercase` link the standard library's whole conversion
//! table into the wasm engine: 7.7 KiB gzip of the lean engine, measured. The same mapping
//! fits in a few runs of characters whose lowercase lies at a fixed distance (`table.rs`,
//! generated from std by `tests/it/case_table.rs`, which also checks every character against
//! std, so the two cannot drift apart with a new Rust release).
//!
//! [`lowercase`] maps character by character: unlike `str::to_lowercase` it has no final-sigma
//! rule (a word-final `Σ` becomes `σ`, not `ς`), which is what a key for comparing or sorting
//! wants anyway. Not for text shown to a reader.

mod table;

use table::{RUNS, TWO_CHARS};

/// The lowercase of `c`: one character, or two for the one character whose lowercase is two
/// (`İ`, U+0130, is `i` and a combining dot above).
pub fn lowercase_char(c: char) -> impl Iterator<Item = char> {
    let (first, second) = if c.is_ascii() {
        (c.to_ascii_lowercase(), None)
    } else if c == TWO_CHARS.0 {
        (TWO_CHARS.1, Some(TWO_CHARS.2))
    } else {
        (single(c), None)
    };
    std::iter::once(first).chain(second)
}

/// `text` in lowercase, character by character (see the module's notes).
pub fn lowercase(text: &str) -> String {
    text.chars().flat_map(lowercase_char).collect()
}

/// The one-character lowercase of a character that is not ASCII (itself when it has none).
fn single(c: char) -> char {
    let code = u32::from(c);
    // The last run starting at or before `code`.
    let at = RUNS.partition_point(|&(key, _)| key >> 11 <= code);
    let Some(&(key, distance)) = at.checked_sub(1).and_then(|i| RUNS.get(i)) else {
        return c;
    };
    let first = key >> 11;
    let count = ((key >> 1) & 0x3ff) + 1;
    let step = (key & 1) + 1;
    let offset = code - first;
    if offset % step != 0 || offset / step >= count {
        return c;
    }
    let lower = code.wrapping_add_signed(distance);
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("Retail Website", "retail website"),
            ("ÄÖÜ ÉÈ Ñ", "äöü éè ñ"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("Ǆ ǅ ǆ", "ǆ ǆ ǆ"),
            ("İstanbul", "i\u{307}stanbul"),
            ("ПРИВЕТ", "привет"),
            ("Ⅻ ⓐⒶ", "ⅻ ⓐⓐ"),
            ("𐐀𐐁", "𐐨𐐩"),
            ("ß 東京 123", "ß 東京 123"),
        ];
        for (text, lower) in cases {
            assert_eq!(lowercase(text), lower, "{text}");
        }
    }
}
