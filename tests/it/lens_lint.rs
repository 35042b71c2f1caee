//! `lens::lint` and `lens::parse` as callers use them: the model they build, the size limit,
//! options, rule-analysis findings placed at their line:column, and ordering.

use std::fs;
use std::path::Path;

use plumbline::lens::model::{AdditionalResourceType, LensRisk};
use plumbline::lens::{parse, parse_with, LintOptions, Severity, MAX_FILE_BYTES};
use plumbline::lint::{lint, lint_with};
use plumbline::rule::CompiledCondition;

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/lens/{name}.json"));
    fs::read_to_string(path).expect("golden input")
}

fn codes(text: &str) -> Vec<&'static str> {
    lint(text).diagnostics.iter().map(|d| d.code).collect()
}

/// Bit set with the given choice indices true.
fn truth(indices: &[u8]) -> u64 {
    indices.iter().fold(0, |acc, i| acc | 1 << i)
}

#[test]
fn a_valid_lens_parses_into_the_model() {
    let lens = parse(&golden("valid")).expect("valid lens");
    assert_eq!(lens.schema_version, "2021-11-01");
    assert_eq!(lens.name, "Golden lens");
    let ids: Vec<&str> = lens.pillars.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["ops", "security"]);

    let q1 = &lens.pillars[0].questions[0];
    assert_eq!(q1.id, "ops_q1");
    assert_eq!(q1.choices.len(), 3);
    assert!(q1.choices[2].is_none_of_these());
    assert!(q1.choices[2].improvement_plan.is_none());
    // Rules keep their order and source, and their compiled form evaluates over choice indices.
    let risks: Vec<LensRisk> = q1.risk_rules.iter().map(|r| r.risk).collect();
    assert_eq!(risks, [LensRisk::NoRisk, LensRisk::Medium, LensRisk::High]);
    assert_eq!(q1.risk_rules[0].source, "ops_q1_a && ops_q1_b");
    assert!(q1.risk_rules[0].condition.eval(truth(&[0, 1])));
    assert!(!q1.risk_rules[0].condition.eval(truth(&[0])));
    assert!(q1.risk_rules[1].condition.eval(truth(&[1])));
    assert_eq!(q1.risk_rules[2].condition, CompiledCondition::Default);

    let q2 = &lens.pillars[0].questions[1];
    let first = &q2.choices[0];
    let helpful = first.helpful_resource.as_ref().unwrap();
    assert_eq!(helpful.url.as_deref(), Some("https://example.com/observe"));
    let extra = &first.additional_resources;
    assert_eq!(extra.len(), 2);
    assert_eq!(extra[0].kind, AdditionalResourceType::HelpfulResource);
    assert_eq!(extra[0].content.len(), 5);
    assert_eq!(extra[1].kind, AdditionalResourceType::ImprovementPlan);
    assert_eq!(extra[1].content[0].url, None);
}

#[test]
fn urls_are_normalised_in_the_model() {
    let lens = lint(&golden("url-whitespace")).lens.unwrap();
    let url = lens.pillars[0].questions[0]
        .helpful_resource
        .as_ref()
        .unwrap()
        .url
        .clone();
    assert_eq!(url.as_deref(), Some("https://example.com/deploy"));

    let lens = lint(&golden("empty-url")).lens.unwrap();
    let helpful = lens.pillars[0].questions[0]
        .helpful_resource
        .clone()
        .unwrap();
    assert_eq!(helpful.display_text, "Deployment guide");
    assert_eq!(helpful.url, None);
}

#[test]
fn a_choice_description_is_kept() {
    let lens = lint(&golden("undocumented-key")).lens.unwrap();
    let description = lens.pillars[0].questions[0].choices[0]
        .description
        .as_deref();
    assert_eq!(description, Some("Every change goes through the pipeline."));
}

#[test]
fn a_lens_with_errors_still_has_a_model_for_preview() {
    let report = lint(&golden("missing-improvement-plan"));
    assert!(report.has_errors());
    assert_eq!(
        report.lens.unwrap().pillars[0].questions[0].choices.len(),
        3
    );
    // ...but it cannot be used in a review.
    let errors = parse(&golden("missing-improvement-plan")).unwrap_err();
    assert_eq!(errors.len(), 1);
}

#[test]
fn unusable_rules_are_left_out_of_the_model() {
    let lens = lint(&golden("invalid-risk")).lens.unwrap();
    let sources: Vec<&str> = lens.pillars[0].questions[0]
        .risk_rules
        .iter()
        .map(|r| r.source.as_str())
        .collect();
    assert_eq!(sources, ["ops_q1_a && ops_q1_b", "default"]);
}

#[test]
fn without_a_tree_there_is_no_model() {
    for text in ["", "Usage: yq", "{\"a\": [1,}", "[]", "\"a lens\""] {
        let report = lint(text);
        assert!(report.lens.is_none(), "{text:?}");
        assert!(report.has_errors(), "{text:?}");
    }
    let report = lint("[1, 2]");
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.path.as_str(), d.line, d.column),
        ("wrong-type", "", 1, 1)
    );
    assert_eq!(
        d.message,
        "a lens file must be a JSON object; found an array"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    // Pad a valid lens with trailing whitespace to exactly the limit: still read.
    let valid = golden("valid");
    let at_limit = format!("{valid}{}", " ".repeat(MAX_FILE_BYTES - valid.len()));
    assert_eq!(at_limit.len(), MAX_FILE_BYTES);
    assert!(lint(&at_limit).diagnostics.is_empty());

    // One byte more: refused, with the sizes in the message, and nothing else is reported.
    let over = format!("{at_limit} ");
    let report = lint(&over);
    assert!(report.lens.is_none());
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.severity, d.line, d.column),
        ("file-too-large", Severity::Error, 1, 1)
    );
    assert_eq!(
        d.message,
        "the file is 500,001 bytes; the limit is 500,000 bytes (AWS: a custom lens cannot exceed 500 KB), so it was not read"
    );
    // The limit counts bytes: 250,001 two-byte characters are over it.
    let wide = format!("\"{}\"", "é".repeat(250_001));
    assert_eq!(codes(&wide), ["file-too-large"]);
}

#[test]
fn official_ids_allow_hyphens_in_question_ids_only() {
    let text = golden("valid").replace("\"ops_q1\"", "\"ops-q1\"");
    assert_eq!(codes(&text), ["invalid-id"]);
    let options = LintOptions {
        official_ids: true,
        ..LintOptions::default()
    };
    assert!(lint_with(&text, &options).diagnostics.is_empty());
    assert!(parse_with(&text, &options).is_ok());

    let text = golden("valid").replace("\"ops_q1_a\"", "\"ops-q1-a\"");
    let codes: Vec<_> = lint_with(&text, &options)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.contains(&"invalid-id"), "{codes:?}");
}

/// Unknown keys are warnings (AWS ignores them, and real lenses carry many); strict mode
/// makes them errors, with the same code and place, and leaves every other diagnostic alone.
#[test]
fn strict_mode_makes_unknown_keys_errors() {
    let text = golden("unknown-key");
    let strict = LintOptions {
        strict: true,
        ..LintOptions::default()
    };
    let relaxed = lint(&text);
    let refused = lint_with(&text, &strict);
    assert!(!relaxed.has_errors());
    assert!(refused.has_errors());
    assert_eq!(relaxed.diagnostics.len(), refused.diagnostics.len());
    for (r, s) in relaxed.diagnostics.iter().zip(&refused.diagnostics) {
        assert_eq!(
            (r.code, &r.path, r.line, r.column),
            (s.code, &s.path, s.line, s.column)
        );
        assert_eq!(r.severity, Severity::Warning);
        assert_eq!(s.severity, Severity::Error);
        assert!(s.message.contains("strict mode refuses"), "{}", s.message);
    }
    // A clean lens stays clean.
    assert!(lint_with(&golden("valid"), &strict).diagnostics.is_empty());
}

/// A rule identical to an earlier one never fires; rule analysis reports it, placed at the
/// rule in the file. The same lens with an error gets no analysis (it would be analysing a
/// model that is not what the file says).
#[test]
fn analysis_findings_are_placed_at_their_rule() {
    let text = golden("valid").replacen(
        "{\"condition\": \"ops_q1_a || ops_q1_b\", \"risk\": \"MEDIUM_RISK\"}",
        "{\"condition\": \"ops_q1_a && ops_q1_b\", \"risk\": \"MEDIUM_RISK\"}",
        1,
    );
    let report = lint(&text);
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    let finding = report
        .diagnostics
        .iter()
        .find(|d| d.code == "rule-never-fires")
        .expect("a dead rule");
    assert_eq!(finding.path, "pillars[0].questions[0].riskRules[1]");
    let line = text.lines().nth(finding.line as usize - 1).unwrap();
    let at: String = line
        .chars()
        .skip(finding.column as usize - 1)
        .take(14)
        .collect();
    assert_eq!(at, "{\"condition\": ");

    let broken = text.replace("\"Golden lens\"", "\"\"");
    let codes: Vec<_> = lint(&broken).diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["empty-title"]);
}

#[test]
fn diagnostics_are_sorted_by_line_then_column() {
    for case in [
        "unknown-choice-id",
        "invalid-id",
        "too-many-risk-rules",
        "empty-text",
    ] {
        let report = lint(&golden(case));
        let positions: Vec<(u32, u32)> = report
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        let mut sorted = positions.clone();
        sorted.sort();
        assert_eq!(positions, sorted, "{case}");
        assert!(
            positions.len() > 1,
            "{case} should show several diagnostics"
        );
    }
}

#[test]
fn crlf_files_get_the_same_positions() {
    let text = golden("invalid-id");
    let crlf = text.replace('\n', "\r\n");
    let lf: Vec<_> = lint(&text)
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    let cr: Vec<_> = lint(&crlf)
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(lf, cr);
}

#[test]
fn every_diagnostic_serializes_as_the_cli_contract_says() {
    let report = lint(&golden("json-non-finite-number"));
    let json = serde_json::to_string(&report.diagnostics[0]).unwrap();
    assert_eq!(
        json,
        r#"{"severity":"error","code":"json-non-finite-number","path":"pillars[0].questions[0].title","line":12,"column":20,"message":"`NaN` is not a JSON value (JSON.parse and AWS reject it); write the text in double quotes"}"#
    );
}

#[test]
fn a_byte_order_mark_is_a_warning_and_the_lens_is_usable() {
    let text = format!("\u{feff}{}", golden("valid"));
    let report = lint(&text);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.code, d.path.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [(Severity::Warning, "json-byte-order-mark", "", 1, 1)]
    );
    // `parse` (what Lens.parse, evaluate and plan use) accepts it like lint does.
    let lens = parse(&text).expect("a lens with a byte-order mark is usable");
    assert_eq!(lens.pillars.len(), 2);
    // Positions still count the mark as the first character of line 1.
    let broken = format!("\u{feff}{}", "{\"a\": 1,}");
    let d = lint(&broken);
    assert_eq!(
        d.diagnostics
            .iter()
            .map(|d| (d.code, d.column))
            .collect::<Vec<_>>(),
        [("json-byte-order-mark", 1), ("json-trailing-comma", 9)]
    );
}

#[test]
fn echoed_keys_are_cut_and_escaped_in_messages_but_paths_stay_exact() {
    let key = "\u{1b}[2J\nlens.json:1:1: error[forged] \u{202e}x\u{9b}";
    let long = "k".repeat(300);
    let text = golden("valid").replacen(
        "\"name\": \"Golden lens\",",
        &format!(
            "{}: 1, \"{long}\": 2, \"name\": \"Golden lens\",",
            serde_json::to_string(key).unwrap()
        ),
        1,
    );
    let report = lint(&text);
    let unknown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown-key")
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:#?}");
    let forged = unknown.iter().find(|d| d.path.contains("forged")).unwrap();
    assert!(
        forged
            .message
            .contains("`\\u{1b}[2J\\u{a}lens.json:1:1: error[forged] \\u{202e}x\\u{9b}`"),
        "{}",
        forged.message
    );
    // The path is the exact key in JSON string syntax (machine-readable output keeps it).
    assert_eq!(
        forged.path,
        format!("[{}]", serde_json::to_string(key).unwrap())
    );
    let cut = unknown.iter().find(|d| d.path == long).unwrap();
    assert!(cut.message.contains(&format!("`{}…`", "k".repeat(80))));
    assert!(!cut.message.contains(&"k".repeat(81)));
    for d in &report.diagnostics {
        assert!(
            !d.message.chars().any(plumbline::shown::is_hidden_control),
            "{}",
            d.message
        );
    }
}

/// Lint stays linear in the number of problems: these took 12.6 s and 9.4 s when finding each
/// problem's path scanned the object or array from its end. Counts, not times, are asserted.
#[test]
fn huge_numbers_of_problems_are_all_reported() {
    let keys = vec![r#""":1"#; 93_000].join(",");
    let text = format!(
        r#"{{"schemaVersion":"2021-11-01","name":"L","description":"d","pillars":[{{"id":"p1","name":"P",{keys},"questions":[]}}]}}"#
    );
    assert!(text.len() <= MAX_FILE_BYTES);
    let report = lint(&text);
    let count = |code: &str| report.diagnostics.iter().filter(|d| d.code == code).count();
    assert_eq!(count("json-duplicate-key"), 92_999);
    assert_eq!(count("unknown-key"), 93_000);
    let last = report
        .diagnostics
        .iter()
        .rfind(|d| d.code == "json-duplicate-key")
        .unwrap();
    assert_eq!(last.path, "pillars[0][\"\"]");

    let nans = vec!["NaN"; 120_000].join(",");
    let text = format!(r#"{{"schemaVersion":"2021-11-01","name":"L","pillars":[{nans}]}}"#);
    let report = lint(&text);
    let nan: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "json-non-finite-number")
        .collect();
    assert_eq!(nan.len(), 120_000);
    assert_eq!(nan[119_999].path, "pillars[119999]");
}
