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

    /// An index from line starts already known (the JSON reader notes them while it skips
    /// whitespace). `starts` must begin with 0 and list every line start in order.
    pub fn from_starts(text: &'a str, starts: Vec<usize>) -> Self {
        debug_assert_eq!(starts.first(), Some(&0));
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

impl LineIndex<'_> {
    /// Positions of `offsets`, which must be in increasing order. Consecutive offsets on one
    /// line continue counting from the previous one, so each character is counted once however
    /// many offsets there are (a minified one-line lens with a thousand warnings stays linear).
    pub fn positions_sorted(&self, offsets: &[usize]) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(offsets.len());
        let (mut prev_line, mut prev_offset, mut prev_column) = (0u32, 0usize, 0usize);
        for &offset in offsets {
            let offset = offset.min(self.text.len());
            let line = self.line_of(offset);
            let from = if line == prev_line && offset >= prev_offset {
                prev_offset
            } else {
                prev_column = 1;
                self.starts[line as usize - 1]
            };
            prev_column += scan::chars(&self.text.as_bytes()[from..offset]);
            (prev_line, prev_offset) = (line, offset);
            out.push((line, prev_column as u32));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn sorted_positions_agree_with_single_ones() {
        for text in ["ab\ncé\nxyz\n\n", "one line only é", "a\r\nb\rc\nd", ""] {
            let index = LineIndex::new(text);
            let offsets: Vec<usize> = (0..=text.len() + 1).collect();
            let expected: Vec<(u32, u32)> = offsets.iter().map(|&o| index.position(o)).collect();
            assert_eq!(index.positions_sorted(&offsets), expected, "{text:?}");
            let sparse: Vec<usize> = offsets.iter().copied().step_by(3).collect();
            let expected: Vec<(u32, u32)> = sparse.iter().map(|&o| index.position(o)).collect();
            assert_eq!(index.positions_sorted(&sparse), expected, "{text:?}");
        }
    }

    #[test]
    fn the_reader_finds_the_same_line_starts() {
        let text = "{\n  \"a\": [1,\r\n 2],\r\"b\":\n\n\"c\"}";
        let arena = crate::lens::json::Arena::default();
        let starts = crate::lens::json::read(text, &arena).line_starts.unwrap();
        assert_eq!(starts, LineIndex::new(text).starts);
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
