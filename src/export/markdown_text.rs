//! Untrusted text as Markdown that renders as that text and nothing else: no raw HTML, no
//! links, emphasis, code, headings, lists or table cells it did not have.
//!
//! `<`, `>` and `&` become entities (CommonMark decodes them to text; a renderer that allows
//! some HTML never sees a tag); the other characters with a Markdown meaning get a backslash,
//! which CommonMark allows before any ASCII punctuation. Line starts need care too: a line of
//! `1.` or `#` would start a list or a heading, so each line's leading whitespace is dropped
//! (four spaces would start a code block) and every punctuation mark is escaped wherever it
//! is, which covers `1.` and `1)` as well. `:` and `@` are escaped too: GitHub turns
//! `http://…` into a link and `@name` into a mention that notifies someone.

/// `text` for a paragraph: line breaks kept as hard breaks, blank lines dropped (a blank line
/// would end the paragraph, and the list item or quote around it).
pub fn paragraph(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| inline(l.trim_start()))
        .filter(|l| !l.trim().is_empty())
        .collect();
    // A backslash at the end of a line is CommonMark's hard line break.
    lines.join("\\\n")
}

/// `text` for a table cell: one line (breaks become spaces), `|` escaped.
pub fn cell(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    inline(one_line.trim())
}

/// `text` with every character that means something in Markdown escaped; no line handling.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '=' | '"' | ':' | '@' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_entities_and_markup_is_escaped() {
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
        );
        assert_eq!(
            inline("*a* _b_ `c` [d](e)"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\]\\(e\\)"
        );
        assert_eq!(inline("AT&T"), "AT&amp;T");
    }

    #[test]
    fn cells_are_one_line_with_pipes_escaped() {
        assert_eq!(cell("a|b\nc\r\nd"), "a\\|b c  d");
    }

    #[test]
    fn paragraph_lines_lose_their_block_meaning() {
        assert_eq!(
            paragraph("# title\n\n    code\n1. item"),
            "\\# title\\\ncode\\\n1\\. item"
        );
    }
}
