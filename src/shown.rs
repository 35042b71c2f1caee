//! How text that came from outside (a key or id of a lens file, a value of an answers file, a
//! command-line argument) is shown inside a message.
//!
//! Messages end up in terminals and CI logs, one line per problem. A key named
//! `"\u001b[2J\nlens.json:1:1: error[x] forged"` must not clear the screen or add a line that
//! looks like a diagnostic, and a right-to-left override must not reorder what follows it. So
//! every message that quotes input quotes it through [`excerpt`] (cut and escaped), and the
//! places that assemble messages pass the whole text through [`escape`] as well, which is
//! idempotent, so nothing a single site forgets can slip through.

use std::borrow::Cow;

/// How many characters of an echoed identifier, key or value a message quotes.
pub const EXCERPT_CHARS: usize = 80;

/// Whether `c` is written as an escape: C0 controls (line breaks and tab included), DEL, C1
/// controls, the line and paragraph separators, and the Unicode bidirectional controls
/// (embeddings, overrides, isolates and the marks), which reorder the text displayed after them.
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every [`is_hidden_control`] character written as `\u{1b}` (Rust's notation, hex
/// in lowercase); borrowed when there is none, which is almost always.
pub fn escape(text: &str) -> Cow<'_, str> {
    let Some(first) = first_hidden(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The byte offset of the first [`is_hidden_control`] character of `text`: what
/// `text.find(is_hidden_control)` says, with ASCII settled by the byte's value and only other
/// characters decoded. Every message passes through here, and they are nearly all ASCII: the
/// decoding search took 3 % of a lint of a 400 KB lens with 57 warnings.
fn first_hidden(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if b < 0x20 || b == 0x7f {
                return Some(at);
            }
            at += 1;
        } else {
            // `at` is at a character boundary: every byte before it was a whole ASCII character.
            let c = text[at..].chars().next()?;
            if is_hidden_control(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// An identifier, key or value as a message quotes it: at most [`EXCERPT_CHARS`] characters
/// (then `…`), controls escaped.
pub fn excerpt(text: &str) -> String {
    escape(&shorten(text, EXCERPT_CHARS)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_hidden_control_is_where_a_decoding_search_finds_it() {
        for text in [
            "",
            "plain ascii, no control",
            "tab\there",
            "del\u{7f}",
            "é then \u{85}",
            "\u{9f}first",
            "bidi \u{202e}gnp.exe",
            "isolate \u{2066}x\u{2069}",
            "mark \u{61c} and \u{200f}",
            "separators \u{2028}\u{2029}",
            "wide 😀 then \u{1b}",
            "\u{a0} and \u{2000} are shown as they are",
        ] {
            assert_eq!(first_hidden(text), text.find(is_hidden_control), "{text:?}");
        }
    }

    #[test]
    fn controls_and_bidi_are_escaped_and_the_rest_kept() {
        assert_eq!(escape("plain é 😀"), "plain é 😀");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[2J\nb"), "a\\u{1b}[2J\\u{a}b");
        assert_eq!(
            escape("\t\r\u{7f}\u{85}\u{9b}"),
            "\\u{9}\\u{d}\\u{7f}\\u{85}\\u{9b}"
        );
        assert_eq!(
            escape("x\u{202e}y\u{2066}z\u{2069}\u{200f}\u{2028}"),
            "x\\u{202e}y\\u{2066}z\\u{2069}\\u{200f}\\u{2028}"
        );
        // Idempotent: an escaped text has nothing left to escape.
        let once = escape("\u{1b}\u{202a}").into_owned();
        assert_eq!(escape(&once), once);
    }

    #[test]
    fn excerpts_are_cut_by_characters() {
        let long = "é".repeat(200);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt("short\n"), "short\\u{a}");
        assert_eq!(excerpt(&"a".repeat(80)), "a".repeat(80));
    }
}
