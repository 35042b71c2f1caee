//! Length limits of names, titles, descriptions and displayTexts, and empty texts.

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::path::Path;

/// Names and titles (lens name, pillar name, question and choice title).
pub const TITLE_MAX: usize = 128;
/// Descriptions and every displayText.
pub const TEXT_MAX: usize = 2048;

/// A name or title: required to say something (the API's minimum length is 1) and at most
/// [`TITLE_MAX`] characters. `what` names it in messages, e.g. "choice title".
pub fn title(cx: &mut Cx<'_>, what: &str, text: &str, offset: usize, path: &Path<'_>) {
    if blank(text) {
        cx.issues.error(
            codes::EMPTY_TITLE,
            path,
            offset,
            format!("{what} is empty; write 1 to {TITLE_MAX} characters"),
        );
    }
    too_long(cx, what, text, TITLE_MAX, offset, path);
}

/// A description or displayText: at most [`TEXT_MAX`] characters; empty is allowed but
/// probably a forgotten text, so it is a warning.
pub fn text(cx: &mut Cx<'_>, what: &str, text: &str, offset: usize, path: &Path<'_>) {
    if blank(text) {
        cx.issues.warning(
            codes::EMPTY_TEXT,
            path,
            offset,
            format!("{what} is empty; write the text or remove the key"),
        );
    }
    too_long(cx, what, text, TEXT_MAX, offset, path);
}

/// True when the text holds white space only, or nothing: what `text.trim().is_empty()` says,
/// without decoding the text when its first byte settles it, as nearly every text's does (a
/// lens has thousands of texts, and `Lens.parse` spent 4 % of its time trimming them).
fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !(b as char).is_whitespace() => false,
        _ => text.trim().is_empty(),
    }
}

fn too_long(cx: &mut Cx<'_>, what: &str, text: &str, max: usize, offset: usize, path: &Path<'_>) {
    // A text has at least as many bytes as characters: only long ones need counting.
    if text.len() <= max {
        return;
    }
    let chars = text.chars().count();
    if chars > max {
        cx.issues.error(
            codes::TEXT_TOO_LONG,
            path,
            offset,
            format!("{what} is {chars} characters; the limit is {max}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::blank;

    #[test]
    fn blank_agrees_with_trim() {
        for text in [
            "",
            " ",
            "\t\n\r",
            "\u{b}",
            "\u{a0}",
            "\u{3000}x",
            "x",
            " x ",
            "é",
            "\u{2003}",
            "\u{feff}",
        ] {
            assert_eq!(blank(text), text.trim().is_empty(), "{text:?}");
        }
    }
}
