//! Property tests: `lint` never panics, whatever the text, and every position it reports lies
//! inside the text; the JSON reader accepts exactly what a strict reference reader accepts.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use serde_json::Value as Json;

use plumbline::lens::json::{read, Arena, Kind, Value};
use plumbline::lens::{parse, LintReport};
use plumbline::lint::lint;

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/lens/{name}.json"));
    fs::read_to_string(path).expect("golden input")
}

/// Lines as the diagnostics count them: ended by `\n`, `\r\n` or a lone `\r`; each as its
/// number of characters.
fn line_lengths(text: &str) -> Vec<usize> {
    let mut lengths = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {
                *lengths.last_mut().unwrap() += 1;
            }
            '\n' | '\r' => {
                *lengths.last_mut().unwrap() += 1;
                lengths.push(0);
            }
            _ => *lengths.last_mut().unwrap() += 1,
        }
    }
    lengths
}

/// Every diagnostic points at a character of the text, or just past the end of a line.
fn assert_positions_inside(text: &str, report: &LintReport) -> Result<(), TestCaseError> {
    let lengths = line_lengths(text);
    for d in &report.diagnostics {
        prop_assert!(d.line >= 1 && (d.line as usize) <= lengths.len(), "{d:?}");
        let length = lengths[d.line as usize - 1];
        prop_assert!(
            d.column >= 1 && (d.column as usize) <= length + 1,
            "{d:?} line length {length}"
        );
        prop_assert!(!d.message.is_empty());
    }
    let positions: Vec<(u32, u32)> = report
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    prop_assert_eq!(positions, sorted);
    Ok(())
}

/// Characters that matter to JSON and to lenses, so that random texts hit real code paths.
fn jsonish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        " ",
        "\n",
        "\r",
        "\t",
        "0",
        "1",
        "-",
        ".",
        "e",
        "true",
        "null",
        "NaN",
        "/",
        "'",
        "é",
        "😀",
        "\u{feff}",
        "\u{1}",
        "\\u00e9",
        "\\ud800",
        "\"id\"",
        "\"pillars\"",
        "\"questions\"",
        "\"choices\"",
        "\"riskRules\"",
        "\"condition\"",
        "\"default\"",
        "\"a && !b\"",
        "\"url\"",
        "\"Url\"",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|parts| parts.concat())
}

/// One edit of a text: delete, insert or replace a range of characters.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, usize, String),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let piece = prop_oneof![jsonish(), "\\PC{0,8}"];
    let edit = prop_oneof![
        (any::<usize>(), 0..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), piece.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0..20usize, piece).prop_map(|(at, n, s)| Edit::Replace(at, n, s)),
    ];
    prop::collection::vec(edit, 1..6)
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let len = chars.len().max(1);
        match edit {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            Edit::Insert(at, s) => {
                let at = at % (chars.len() + 1);
                chars.splice(at..at, s.chars());
            }
            Edit::Replace(at, n, s) => {
                let at = (at % len).min(chars.len());
                let end = (at + n).min(chars.len());
                chars.splice(at..end, s.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// A random JSON value, to check the reader against serde_json.
fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i32>().prop_map(Json::from),
        (-1e6f64..1e6).prop_map(Json::from),
        "\\PC{0,12}".prop_map(Json::String),
        "[\u{0}-\u{1f}\"\\\\é😀a-z]{0,6}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::btree_map("[a-zA-Z_\"é]{0,6}", inner, 0..6)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

/// Our tree as a serde_json value, numbers parsed the way serde_json parses them.
fn to_json(value: &Value<'_>) -> Json {
    match &value.kind {
        Kind::Null => Json::Null,
        Kind::Bool(b) => Json::Bool(*b),
        Kind::Number(raw) => serde_json::from_str(raw).expect("a JSON number"),
        Kind::String(s) => Json::String(s.to_string()),
        Kind::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Kind::Object(members) => Json::Object(
            members
                .iter()
                .map(|m| (m.key.to_string(), to_json(&m.value)))
                .collect(),
        ),
    }
}

/// Serializes with random whitespace between tokens.
fn spaced(json: &Json, spaces: &[u8]) -> String {
    let compact = serde_json::to_string(json).unwrap();
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in compact.chars().enumerate() {
        out.push(c);
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if matches!(c, ',' | ':' | '[' | '{') {
            let ws = [" ", "\n", "\t", "\r\n", ""]
                [spaces.get(i % spaces.len().max(1)).copied().unwrap_or(4) as usize % 5];
            out.push_str(ws);
        }
    }
    out
}

proptest! {
    #[test]
    fn lint_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let report = lint(&text);
        assert_positions_inside(&text, &report)?;
    }

    #[test]
    fn lint_never_panics_on_jsonish_text(text in jsonish()) {
        let report = lint(&text);
        assert_positions_inside(&text, &report)?;
    }

    #[test]
    fn lint_never_panics_on_mutated_lenses(
        base in prop::sample::select(vec!["valid", "condition-escapes", "too-many-resources", "unknown-choice-id"]),
        edits in edits(),
    ) {
        let text = apply(&golden(base), &edits);
        let report = lint(&text);
        assert_positions_inside(&text, &report)?;
        // parse agrees with lint: Ok exactly when there is a model and no error.
        let ok = parse(&text).is_ok();
        prop_assert_eq!(ok, report.lens.is_some() && !report.has_errors());
    }

    /// Structural mutations keep the text valid JSON, so they reach the lens checks rather
    /// than stopping at syntax: replace any value of the valid lens with a random one.
    #[test]
    fn lint_never_panics_on_structurally_mutated_lenses(
        replacements in prop::collection::vec((any::<prop::sample::Index>(), json_value()), 1..4),
    ) {
        let mut lens: Json = serde_json::from_str(&golden("valid")).unwrap();
        for (index, value) in replacements {
            let mut slots = Vec::new();
            collect_pointers(&lens, String::new(), &mut slots);
            let pointer = index.get(&slots).clone();
            if let Some(slot) = lens.pointer_mut(&pointer) {
                *slot = value;
            }
        }
        let text = serde_json::to_string_pretty(&lens).unwrap();
        let report = lint(&text);
        assert_positions_inside(&text, &report)?;
        prop_assert!(report.lens.is_some() || text.trim_start().starts_with('['));
    }

    /// Whatever serde_json writes, we read without error, to the value serde_json reads back
    /// (compared with its reading rather than the original: serde_json's float formatting
    /// does not always round-trip, which is not what this test is about).
    #[test]
    fn reader_reads_what_serde_json_writes(json in json_value(), spaces in prop::collection::vec(any::<u8>(), 1..8)) {
        let text = spaced(&json, &spaces);
        let arena = Arena::default();
        let parsed = read(&text, &arena);
        prop_assert!(parsed.errors.is_empty(), "{:?} for {}", parsed.errors, text);
        let reference: Json = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(to_json(parsed.root.as_ref().unwrap()), reference);
    }

    /// On arbitrary JSON-ish text, we accept exactly what serde_json (also strict RFC 8259)
    /// accepts, except the documented differences: we refuse repeated keys (serde_json keeps
    /// the last) and nesting over 64 levels. When both accept, the values are equal.
    #[test]
    fn reader_accepts_what_a_strict_reader_accepts(text in jsonish()) {
        let arena = Arena::default();
        let ours = read(&text, &arena);
        let theirs = serde_json::from_str::<Json>(&text);
        match (&ours.root, ours.errors.is_empty(), theirs) {
            (Some(root), true, Ok(value)) => prop_assert_eq!(to_json(root), value),
            (_, true, Err(e)) => prop_assert!(false, "we accept {text:?}, serde_json says {e}"),
            (_, false, Ok(_)) => {
                let codes: Vec<&str> = ours.errors.iter().map(|e| e.code()).collect();
                prop_assert!(
                    codes.iter().all(|c| *c == "json-duplicate-key" || *c == "json-too-deep"),
                    "we refuse {text:?} with {codes:?}, serde_json accepts it"
                );
            }
            (_, false, Err(_)) => {}
            (None, true, Ok(_)) => prop_assert!(false, "no tree and no error for {text:?}"),
        }
    }
}

/// JSON pointers to every value of `json` (the root excluded).
fn collect_pointers(json: &Json, at: String, out: &mut Vec<String>) {
    match json {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                collect_pointers(item, p, out);
            }
        }
        Json::Object(map) => {
            for (key, value) in map {
                let p = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                collect_pointers(value, p, out);
            }
        }
        _ => {}
    }
}
