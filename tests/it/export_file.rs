//! `plumbline::export::file`: formats by their API names, file names made from untrusted
//! workload names, and the text of each format being exactly that format's own function.

use crate::export::fixture;
use crate::workspace_support::block_on as run;
use plumbline::export::file::{self, safe_name, Format, FORMAT_NAMES};
use plumbline::export::tickets::{azure_devops, jira, TicketFilter};
use plumbline::export::{self, csv, markdown};
use plumbline::workload::WorkspaceError;

#[test]
fn every_api_name_parses_and_anything_else_is_a_validation_error_on_format() {
    for name in FORMAT_NAMES {
        assert!(Format::parse(name).is_ok(), "{name}");
    }
    for bad in ["CSV", "xlsx", "pdf", "", "json "] {
        match Format::parse(bad) {
            Err(WorkspaceError::Validation { field, message, .. }) => {
                assert_eq!(field, "format");
                assert!(message.contains("azure-devops"), "{message}");
            }
            other => panic!("{bad:?}: expected a validation error, got {other:?}"),
        }
    }
}

#[test]
fn safe_names_keep_letters_and_digits_of_any_script_and_nothing_else() {
    assert_eq!(
        safe_name("Retail Website - North America", "w"),
        "retail-website-north-america"
    );
    assert_eq!(safe_name("../../etc/passwd", "w"), "etc-passwd");
    assert_eq!(
        safe_name("Ünïcode مرحبا 🚀 name", "w"),
        "ünïcode-مرحبا-name"
    );
    assert_eq!(safe_name("<script>\u{0}\u{202e}", "w"), "script");
    assert_eq!(safe_name("🚀 . ..", "fallback"), "fallback");
    let long = safe_name(&"a b ".repeat(100), "w");
    assert!(long.chars().count() <= 60, "{long}");
    assert!(!long.ends_with('-'));
}

#[test]
fn file_names_say_the_workload_the_milestone_and_the_tracker() {
    let (ws, id, now) = fixture();
    // The fixture's name is `Shop, "checkout" <script>alert(1)</script>`.
    assert_eq!(
        file::file_name(&now, Format::Csv),
        "shop-checkout-script-alert-1-script.csv"
    );
    assert_eq!(
        file::file_name(&now, Format::Jira),
        "shop-checkout-script-alert-1-script-jira.csv"
    );
    run(ws.create_milestone(&id, "First")).expect("milestone");
    let then = run(export::collect(&ws, &id, None, Some(1))).expect("milestone export");
    assert_eq!(
        file::file_name(&then, Format::Github),
        "shop-checkout-script-alert-1-script-milestone-1-github-issues.json"
    );
    let names: std::collections::HashSet<String> = FORMAT_NAMES
        .iter()
        .map(|n| file::file_name(&now, Format::parse(n).unwrap()))
        .collect();
    assert_eq!(
        names.len(),
        FORMAT_NAMES.len(),
        "two formats would overwrite each other"
    );
}

#[test]
fn text_is_each_formats_own_output_and_json_is_left_to_the_caller() {
    let (_, _, export) = fixture();
    let filter = TicketFilter::default();
    let text = |f| file::text(&export, f, &filter);
    assert_eq!(text(Format::Csv), Some(csv::to_csv(&export)));
    assert_eq!(text(Format::Markdown), Some(markdown::to_markdown(&export)));
    assert_eq!(
        text(Format::Jira),
        Some(jira::to_jira_csv(&export, &filter))
    );
    assert_eq!(
        text(Format::AzureDevops),
        Some(azure_devops::to_azure_devops_csv(&export, &filter))
    );
    for json in [Format::Json, Format::Github] {
        assert!(json.is_json());
        assert_eq!(text(json), None);
        assert_eq!(json.media_type(), "application/json");
    }
    assert!(Format::Csv.media_type().starts_with("text/csv"));
}
