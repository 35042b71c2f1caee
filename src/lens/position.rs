//! Byte offset → 1-based line and column, columns counted in characters (Unicode scalar
//! values), which is what editors show for the UTF-8 files lens authors write.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A byte-order mark, if present, counts as the first
//! character of line 1. The index is built only when there is something to report, so a clean
//! lint never pays for it.

use super::scan::{self, line_break};

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = line_break(bytes, 0);
        while i < bytes.len() {
            // `\r\n` is one break: the line starts after the `\n`.
            if !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                starts.push(i + 1);
            }
            i = line_break(bytes, i + 1);
        }
        LineIndex { text, starts }
    }

    /// 1-based line number of `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        // The last line start at or before `offset`.
        let line = self.starts.partition_point(|&s| s <= offset);
        line as u32
    }

    /// 1-based (line, column) of `offset`; the column counts characters from the line start,
    /// so the position just past the last character of a line is `len + 1`.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let start = self.starts[line as usize - 1];
        // Count characters as the bytes that start one (everything but 0b10xx_xxxx).
        let chars = self.text.as_bytes()[start..offset]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        (line, chars as u32 + 1)
    }
}

/// Positions of `offsets`, which must be in increasing order, in one forward pass over the
/// text: each byte is looked at once, however many offsets there are (a minified one-line lens
/// with a thousand warnings stays linear). Same results as [`LineIndex::position`].
pub fn positions_sorted(text: &str, offsets: &[usize]) -> Vec<(u32, u32)> {
    let bytes = text.as_bytes();
    // A lone `\r` also ends a line; such (rare) texts take the general path.
    if scan::contains(bytes, b'\r') {
        let index = LineIndex::new(text);
        return offsets.iter().map(|&o| index.position(o)).collect();
    }
    let mut out = Vec::with_capacity(offsets.len());
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for &offset in offsets {
        let offset = offset.clamp(at, bytes.len());
        let span = &bytes[at..offset];
        match scan::newlines(span) {
            (0, _) => column += scan::chars(span),
            (breaks, Some(last)) => {
                line += breaks;
                column = 1 + scan::chars(&span[last + 1..]);
            }
            (_, None) => unreachable!("a counted newline has a position"),
        }
        at = offset;
        out.push((line as u32, column as u32));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{positions_sorted, LineIndex};

    #[test]
    fn sweep_agrees_with_the_index() {
        for text in ["ab\ncé\nxyz\n\n", "one line only é", "a\r\nb\rc\nd", ""] {
            let index = LineIndex::new(text);
            let offsets: Vec<usize> = (0..=text.len() + 1).collect();
            let expected: Vec<(u32, u32)> = offsets.iter().map(|&o| index.position(o)).collect();
            assert_eq!(positions_sorted(text, &offsets), expected, "{text:?}");
        }
    }

    #[test]
    fn lines_and_columns() {
        let text = "ab\ncé\r\nx\ry";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        // `é` is two bytes but one column.
        assert_eq!(index.position(6), (2, 3));
        assert_eq!(index.position(8), (3, 1));
        assert_eq!(index.position(10), (4, 1));
        assert_eq!(index.position(11), (4, 2));
        assert_eq!(index.position(99), (4, 2));
    }

    #[test]
    fn empty_text() {
        assert_eq!(LineIndex::new("").position(0), (1, 1));
    }
}
