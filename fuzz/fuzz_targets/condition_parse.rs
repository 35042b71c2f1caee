//! Any text as a risk-rule condition: the rule parser must not panic, its error spans must lie
//! inside the text on character boundaries, and inside a lens the condition's diagnostics must
//! land on the condition's line (the JSON escapes of the string are mapped back).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(condition) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = plumbline::rule::parse_condition(condition) {
        assert!(error.span.start <= error.span.end && error.span.end <= condition.len());
        assert!(condition.is_char_boundary(error.span.start));
        assert!(!error.to_string().is_empty());
    }

    // The same condition inside a small lens, written with serde_json's escaping.
    let quoted = serde_json_escape(condition);
    let lens = format!(
        "{{\"schemaVersion\":\"2021-11-01\",\"name\":\"fuzz\",\"description\":\"d\",\"pillars\":[{{\"id\":\"p01\",\"name\":\"P\",\"questions\":[{{\"id\":\"q01\",\"title\":\"Q\",\"description\":\"d\",\"choices\":[{{\"id\":\"a01\",\"title\":\"A\",\"improvementPlan\":{{\"displayText\":\"x\"}}}},{{\"id\":\"b01\",\"title\":\"B\",\"improvementPlan\":{{\"displayText\":\"y\"}}}}],\"riskRules\":[\n{{\"condition\":{quoted},\"risk\":\"NO_RISK\"}},\n{{\"condition\":\"default\",\"risk\":\"HIGH_RISK\"}}]}}]}}]}}"
    );
    let report = plumbline::lint::lint(&lens);
    for d in &report.diagnostics {
        if d.path.ends_with("riskRules[0].condition") {
            // The condition sits alone on line 2: every error in it must point there.
            assert_eq!(d.line, 2, "{d:?}");
        }
    }
});

/// A JSON string literal for `text` (control characters and non-ASCII escaped, so that the
/// position mapping through `\uXXXX` escapes is exercised too).
fn serde_json_escape(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
