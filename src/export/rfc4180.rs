//! CSV cells and rows as RFC 4180 says (CRLF line ends, `"` doubled inside quoted fields),
//! with every cell made safe to open in a spreadsheet.
//!
//! Formula injection: Excel, LibreOffice and Google Sheets evaluate a cell that starts with
//! `=`, `+`, `-` or `@` (and strip a leading tab or CR before looking), so a lens title or a
//! note such as `=HYPERLINK("http://x")` would run when the file is opened. OWASP's advice is
//! applied to every cell: such a cell gets a leading `'`, which spreadsheets show as text and
//! hide. Numbers the exports write themselves never start with those characters.

/// Written first by the exports meant for spreadsheets: Excel reads a CSV file without it in
/// the machine's legacy code page, which garbles every non-ASCII letter (accents, Arabic,
/// emoji); every other reader skips it. Tracker imports are read by their importer, which
/// expects plain UTF-8, so they go without it.
pub const UTF8_BOM: &str = "\u{feff}";

/// A CSV text built row by row.
#[derive(Debug, Default)]
pub struct CsvWriter {
    text: String,
}

impl CsvWriter {
    /// An empty file, or one that starts with the UTF-8 byte order mark.
    pub fn new(with_bom: bool) -> Self {
        CsvWriter {
            text: if with_bom {
                UTF8_BOM.to_string()
            } else {
                String::new()
            },
        }
    }

    /// Appends one record; every record ends with CRLF, the last one too.
    pub fn row<I, T>(&mut self, cells: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            push_cell(&mut self.text, cell.as_ref());
        }
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// True when a spreadsheet would read `cell` as a formula (or strip its first character and
/// then read a formula).
pub fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn push_cell(out: &mut String, cell: &str) {
    let guard = if looks_like_formula(cell) { "'" } else { "" };
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(guard);
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_row(cells: &[&str]) -> String {
        let mut w = CsvWriter::new(false);
        w.row(cells);
        w.finish()
    }

    #[test]
    fn plain_cells_stay_bare_and_rows_end_with_crlf() {
        assert_eq!(one_row(&["a", "b c", ""]), "a,b c,\r\n");
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assert_eq!(
            one_row(&["x,y", "say \"hi\"", "l1\nl2", "cr\r"]),
            "\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\"\r\n"
        );
    }

    #[test]
    fn formula_prefixes_get_a_leading_apostrophe() {
        assert_eq!(
            one_row(&["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "a=b"]),
            "'=1+1,'+1,'-2,'@SUM(A1),'\tx,a=b\r\n"
        );
        // The guard goes inside the quotes, where the spreadsheet sees it first.
        assert_eq!(
            one_row(&["=HYPERLINK(\"http://x\")"]),
            "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
        );
        assert_eq!(one_row(&["\rx"]), "\"'\rx\"\r\n");
    }

    #[test]
    fn the_bom_comes_first_only_when_asked() {
        let mut w = CsvWriter::new(true);
        w.row(["h"]);
        assert_eq!(w.finish(), "\u{feff}h\r\n");
    }
}
