//! Table tests for the position-keeping JSON reader: what it accepts, what it refuses, with which
//! code and at which line:column. One line per case, so a new edge case is one line to add.

use plumbline::lens::json::{read, Arena, Kind, Value};
use plumbline::lens::position::LineIndex;

/// The errors of reading `text`, as `code@line:column`, in the order the reader found them.
fn errors(text: &str) -> Vec<String> {
    let arena = Arena::default();
    let parsed = read(text, &arena);
    let lines = LineIndex::new(text);
    parsed
        .errors
        .iter()
        .map(|e| {
            let (line, column) = lines.position(e.offset);
            format!("{}@{line}:{column}", e.code())
        })
        .collect()
}

#[track_caller]
fn accepts<'a>(text: &'a str, arena: &'a Arena<'a>) -> Value<'a> {
    let parsed = read(text, arena);
    assert!(parsed.errors.is_empty(), "{text:?}: {:?}", errors(text));
    parsed.root.expect("a tree")
}

#[track_caller]
fn refuses(text: &str, expected: &[&str]) {
    assert_eq!(errors(text), expected, "input {text:?}");
}

#[test]
fn accepts_every_json_form() {
    for text in [
        "{}",
        "[]",
        " \t\r\n{ } \n",
        "0",
        "-0",
        "12.5e-3",
        "1E+9",
        "-0.0",
        "true",
        "false",
        "null",
        r#""""#,
        r#"{"a":[1,{"b":null}],"c":"d"}"#,
        r#""\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00""#,
        "\"é ✓ 😀\"",
        "\"\u{7f}\"",
    ] {
        accepts(text, &Arena::default());
    }
}

#[test]
fn decodes_strings_and_keeps_escape_free_ones_borrowed() {
    let arena = Arena::default();
    let value = accepts(r#"["plain", "tab\there", "\u00e9\ud83d\ude00"]"#, &arena);
    let items = value.as_array().unwrap();
    assert!(matches!(
        &items[0].kind,
        Kind::String(std::borrow::Cow::Borrowed("plain"))
    ));
    assert_eq!(items[1].as_str(), Some("tab\there"));
    assert_eq!(items[2].as_str(), Some("é😀"));
}

#[test]
fn every_value_and_key_knows_its_offset() {
    let text = "{\n  \"name\": \"x\",\n  \"list\": [1, true]\n}";
    let arena = Arena::default();
    let root = accepts(text, &arena);
    let members = root.as_object().unwrap();
    assert_eq!(root.offset, 0);
    assert_eq!(members[0].key_offset, text.find("\"name\"").unwrap());
    assert_eq!(members[0].value.offset, text.find("\"x\"").unwrap());
    let list = members[1].value.as_array().unwrap();
    assert_eq!(list[0].offset, text.find('1').unwrap());
    assert_eq!(list[1].offset, text.find("true").unwrap());
}

#[test]
fn refuses_what_json_does_not_allow() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["json-empty@1:1"]),
        ("  \n\t ", &["json-empty@1:1"]),
        ("Usage:\n  yq eval [expression]", &["json-not-json@1:1"]),
        ("<html></html>", &["json-not-json@1:1"]),
        ("name: lens", &["json-not-json@1:1"]),
        ("{\"a\": 1,}", &["json-trailing-comma@1:8"]),
        ("[1, 2,\n]", &["json-trailing-comma@1:6"]),
        ("{\"a\": NaN}", &["json-non-finite-number@1:7"]),
        (
            "[Infinity, -Infinity]",
            &["json-non-finite-number@1:2", "json-non-finite-number@1:12"],
        ),
        ("{// note\n}", &["json-comment@1:2"]),
        ("{\"a\": 1 /* x */}", &["json-comment@1:9"]),
        ("{\"a\": 1}\n// end", &["json-comment@2:1"]),
        ("{'a': 1}", &["json-single-quote@1:2"]),
        ("{\"a\": 'b'}", &["json-single-quote@1:7"]),
        ("{name: 1}", &["json-unquoted-key@1:2"]),
        ("\u{feff}{}", &["json-byte-order-mark@1:1"]),
        ("\"a\tb\"", &["json-control-character@1:3"]),
        ("\"line\nbreak\"", &["json-control-character@1:6"]),
        (r#""\x""#, &["json-invalid-escape@1:2"]),
        (r#""ok \u12G4""#, &["json-invalid-escape@1:5"]),
        (r#""\'""#, &["json-invalid-escape@1:2"]),
        (r#""\ud800""#, &["json-lone-surrogate@1:2"]),
        (r#""\udc00 x""#, &["json-lone-surrogate@1:2"]),
        (r#""\ud800\u0041""#, &["json-lone-surrogate@1:2"]),
        ("{\"a\": 1, \"a\": 2}", &["json-duplicate-key@1:10"]),
        (
            "{\"a\": 1,\n \"b\": 2,\n \"a\": 3}",
            &["json-duplicate-key@3:2"],
        ),
        ("{\"a\": 1} x", &["json-trailing-content@1:10"]),
        ("{} {}", &["json-trailing-content@1:4"]),
        ("01", &["json-invalid-number@1:1"]),
        ("1.", &["json-invalid-number@1:3"]),
        ("1e", &["json-invalid-number@1:3"]),
        ("-", &["json-invalid-number@1:2"]),
        ("[.5]", &["json-invalid-number@1:2"]),
        ("[+1]", &["json-invalid-number@1:2"]),
        ("{\"a\" 1}", &["json-unexpected-character@1:6"]),
        ("[1 2]", &["json-unexpected-character@1:4"]),
        ("{\"a\": tru}", &["json-unexpected-character@1:7"]),
        ("{\"a\": True}", &["json-unexpected-character@1:7"]),
        ("[nullx]", &["json-unexpected-character@1:2"]),
        ("{\"a\": [1, 2}", &["json-unexpected-character@1:12"]),
        ("{\"a\": [1,", &["json-unexpected-end@1:10"]),
        ("{\"a\": \"open", &["json-unexpected-end@1:12"]),
        ("{\n", &["json-unexpected-end@2:1"]),
    ];
    for (text, expected) in cases {
        refuses(text, expected);
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    // `é` and `😀` are 2 and 4 bytes but one column each.
    refuses("{\"é😀\": 1,}", &["json-trailing-comma@1:9"]);
    refuses("[\"ééé\"\n, \"ü\" x]", &["json-unexpected-character@2:7"]);
    // CRLF: the `\r` belongs to the line it ends.
    refuses("{\r\n\"a\": 1,\r\n}", &["json-trailing-comma@2:7"]);
}

#[test]
fn recoverable_errors_keep_the_tree() {
    // Duplicate keys, NaN and a BOM are reported but reading goes on, so later checks run.
    for text in ["{\"a\":1,\"a\":2}", "{\"a\": NaN}", "\u{feff}{\"a\": 1}"] {
        let arena = Arena::default();
        let parsed = read(text, &arena);
        assert_eq!(parsed.errors.len(), 1, "{text:?}");
        assert!(parsed.root.is_some(), "{text:?}");
    }
    // A fatal error after a recoverable one: both are reported, there is no tree.
    let arena = Arena::default();
    let parsed = read("{\"a\": NaN,}", &arena);
    assert_eq!(parsed.errors.len(), 2);
    assert!(parsed.root.is_none());
}

#[test]
fn duplicate_keys_in_large_objects_are_all_found() {
    // Objects over 16 members take the sorting path; every repeat points at the first one.
    let mut text = String::from("{");
    for i in 0..40 {
        text.push_str(&format!("\"k{}\": {i},", i % 20));
    }
    text.push_str("\"last\": 0}");
    let arena = Arena::default();
    let parsed = read(&text, &arena);
    assert_eq!(parsed.errors.len(), 20);
    assert!(parsed
        .errors
        .iter()
        .all(|e| e.code() == "json-duplicate-key"));
}

#[test]
fn nesting_is_limited_instead_of_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    assert_eq!(errors(&deep), ["json-too-deep@1:65"]);
    let fine = format!("{}{}", "[".repeat(64), "]".repeat(64));
    accepts(&fine, &Arena::default());
}

#[test]
fn messages_say_what_to_do() {
    let text = "\u{feff}{}";
    let arena = Arena::default();
    let parsed = read(text, &arena);
    let message = parsed.errors[0].message(&LineIndex::new(text));
    assert!(message.contains("remove the byte-order mark"), "{message}");

    let text = "Usage:\n  yq eval";
    let arena = Arena::default();
    let parsed = read(text, &arena);
    let message = parsed.errors[0].message(&LineIndex::new(text));
    assert!(message.contains("`Usage:`"), "{message}");

    let text = "{\"url\": 1,\n\"url\": 2}";
    let arena = Arena::default();
    let parsed = read(text, &arena);
    let message = parsed.errors[0].message(&LineIndex::new(text));
    assert!(message.contains("first at line 1, column 2"), "{message}");
}
