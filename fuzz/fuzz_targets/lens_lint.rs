//! Any UTF-8 text through `lint::lint`: it must not panic, and every position it reports must
//! lie inside the text (a line that exists, a column at most one past that line's end).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CLI and the web page hand over UTF-8 only; invalid UTF-8 is reported before lint.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = plumbline::lint::lint(text);
    let lines: Vec<usize> = line_lengths(text);
    for d in &report.diagnostics {
        let line = d.line as usize;
        assert!(line >= 1 && line <= lines.len(), "{d:?}");
        assert!(
            d.column >= 1 && d.column as usize <= lines[line - 1] + 1,
            "{d:?}"
        );
    }
    if report.lens.is_some() && !report.has_errors() {
        assert!(plumbline::lens::parse(text).is_ok());
    }
});

/// Characters per line; lines end at `\n`, `\r\n` or a lone `\r`.
fn line_lengths(text: &str) -> Vec<usize> {
    let mut lengths = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        *lengths.last_mut().unwrap() += 1;
        let ends = c == '\n' || (c == '\r' && chars.peek() != Some(&'\n'));
        if ends {
            lengths.push(0);
        }
    }
    lengths
}
