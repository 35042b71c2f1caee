//! The exports (`plumbline::export`) on a fixed workload whose names and notes are hostile:
//! HTML, spreadsheet formula prefixes, a leading tab, line breaks, commas and quotes, RTL text
//! and emoji. Each format is compared with its golden file in `tests/golden/export/` and read
//! back by a real reader: CSV by the `csv` crate cell by cell, JSON by serde_json, Markdown by
//! pulldown-cmark. `UPDATE_GOLDEN=1 cargo test --test export` rewrites the golden files from
//! the current output; review the diff before committing.

use std::path::{Path, PathBuf};

use crate::workspace_support::block_on as run;
use plumbline::catalog::{CatalogLens, LensType};
use plumbline::export::rfc4180::looks_like_formula;
use plumbline::export::tickets::{azure_devops, github, jira, TicketFilter};
use plumbline::export::{self, WorkloadExport};
use plumbline::lens;
use plumbline::review::{AnswerReason, ChoiceReason, ChoiceStatus, Risk};
use plumbline::store::memory::MemoryStore;
use plumbline::workload::{
    AnswerUpdate, ChoiceUpdate, DeterministicEnvironment, ImprovementItemUpdate, ItemStatus,
    LensReviewUpdate, WorkloadEnvironment, WorkloadInput, Workspace, WorkspaceError,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

// ---- fixture -------------------------------------------------------------------------------

const HTML: &str = "<script>alert(1)</script>";
const FORMULA: &str = "=HYPERLINK(\"http://x\")";
const RTL: &str = "مرحبا 🚀";

fn fixture_lens(file: &str, alias: &str, name: &str) -> CatalogLens {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("fixture lens is readable");
    let parsed = lens::parse(&text)
        .unwrap_or_else(|d| panic!("{} does not parse: {:?}", path.display(), d.first()));
    CatalogLens {
        alias: alias.to_string(),
        name: name.to_string(),
        version: "2026-11-01".to_string(),
        description: format!("{name}, for the export tests."),
        lens_type: LensType::AwsOfficial,
        lens: parsed,
    }
}

fn workspace() -> Workspace<MemoryStore> {
    let lenses = vec![
        fixture_lens("framework.json", "wellarchitected", "Export Test Framework"),
        fixture_lens(
            "hostile-lens.json",
            "hostile",
            &format!("Hostile {HTML} lens"),
        ),
    ];
    // 2026-11-23T10:00:00Z, one second per clock reading, fixed entropy: fixed ids and times.
    let env = DeterministicEnvironment::new(1_795_428_000_000, 1000, 7);
    run(Workspace::open_with_lenses(MemoryStore::new(), env, lenses)).expect("workspace opens")
}

fn input(name: &str) -> WorkloadInput {
    WorkloadInput {
        workload_name: Some(name.to_string()),
        description: Some(FORMULA.to_string()),
        environment: Some(WorkloadEnvironment::Production),
        review_owner: Some("@SUM(A1)".to_string()),
        aws_regions: Some(vec!["eu-west-1".to_string()]),
        notes: Some(format!("Line one, \"quoted\"\n{RTL}\n{HTML}")),
        lenses: Some(vec!["hostile".to_string()]),
        ..WorkloadInput::default()
    }
}

fn select(choices: &[&str], notes: Option<&str>) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(choices.iter().map(|c| c.to_string()).collect()),
        notes: notes.map(str::to_string),
        ..AnswerUpdate::default()
    }
}

fn choice_update(status: ChoiceStatus, reason: Option<ChoiceReason>, notes: &str) -> ChoiceUpdate {
    ChoiceUpdate {
        status,
        reason,
        notes: Some(notes.to_string()),
    }
}

/// The hostile workload, answered; returns its id.
fn answer_fixture(ws: &Workspace<MemoryStore>, name: &str) -> String {
    let id = run(ws.define_workload(input(name)))
        .expect("workload defined")
        .workload_id;
    let answer = |lens: &str, question: &str, update: AnswerUpdate| {
        run(ws.update_answer(&id, lens, question, update)).expect("answer saved");
    };
    let backlog = |lens: &str, question: &str, update: ImprovementItemUpdate| {
        run(ws.update_improvement_item(&id, lens, question, update)).expect("item saved");
    };
    // OPS 1 at MEDIUM, a choice note with a formula prefix and a note with a leading tab.
    let mut priorities = select(&["pri_a"], Some("\tleading tab\nsecond line, with comma"));
    priorities.choice_updates = Some(
        [(
            "pri_b".to_string(),
            choice_update(ChoiceStatus::Unselected, None, "-2 not yet"),
        )]
        .into(),
    );
    answer("wellarchitected", "priorities", priorities);
    // OPS 2 at HIGH ("None of these").
    answer(
        "wellarchitected",
        "ops_model",
        select(&["om_no"], Some("=1+1")),
    );
    // SEC 1 was at HIGH risk and got backlog fields, then stopped applying: a resolved item.
    answer(
        "wellarchitected",
        "securely_operate",
        select(&["sec_no"], None),
    );
    backlog(
        "wellarchitected",
        "securely_operate",
        ImprovementItemUpdate {
            owner: Some(RTL.to_string()),
            status: Some(ItemStatus::Done),
            notes: Some(format!("Closed {HTML}")),
            ..ImprovementItemUpdate::default()
        },
    );
    // SEC 1 does not apply.
    answer(
        "wellarchitected",
        "securely_operate",
        AnswerUpdate {
            selected_choices: Some(Vec::new()),
            is_applicable: Some(false),
            reason: Some(AnswerReason::ArchitectureConstraints),
            notes: Some(format!("+1 {HTML}")),
            ..AnswerUpdate::default()
        },
    );
    // SEC 2 stays unanswered. The hostile lens: MEDIUM with a waived practice, and HIGH.
    let mut formula = select(
        &["f_plus", "f_minus"],
        Some(&format!(
            "| a | b |\n# not a heading\n<img src=x onerror=alert(1)>\n{RTL}"
        )),
    );
    formula.choice_updates = Some(
        [
            (
                "f_at".to_string(),
                choice_update(
                    ChoiceStatus::NotApplicable,
                    Some(ChoiceReason::Other),
                    "@SUM(A1)",
                ),
            ),
            (
                "f_rtl".to_string(),
                choice_update(ChoiceStatus::Unselected, None, RTL),
            ),
        ]
        .into(),
    );
    answer("hostile", "formula", formula);
    answer(
        "hostile",
        "markup",
        select(&["m_b"], Some("line1\r\nline2 \"quoted\", comma")),
    );
    run(ws.update_lens_review(
        &id,
        "hostile",
        LensReviewUpdate {
            lens_notes: Some(format!("Lens notes {FORMULA}\n{HTML}")),
            pillar_notes: Some([("dataPipes".to_string(), format!("*bold?* {RTL}"))].into()),
            expected_revision: None,
        },
    ))
    .expect("lens notes saved");
    // The backlog: OPS 1 in progress with hostile owner and notes; the hostile lens's MEDIUM
    // item postponed (so no ticket by default).
    backlog(
        "wellarchitected",
        "priorities",
        ImprovementItemUpdate {
            owner: Some(format!("{FORMULA} @ana, \"Ops\"")),
            status: Some(ItemStatus::InProgress),
            due_date: Some("2027-03-31".to_string()),
            notes: Some(format!("# not a heading\n{HTML}\n{RTL}")),
            ..ImprovementItemUpdate::default()
        },
    );
    backlog(
        "hostile",
        "formula",
        ImprovementItemUpdate {
            status: Some(ItemStatus::Postponed),
            status_reason: Some(format!("After the freeze; {FORMULA}")),
            ..ImprovementItemUpdate::default()
        },
    );
    id
}

pub(crate) fn fixture() -> (Workspace<MemoryStore>, String, WorkloadExport) {
    let ws = workspace();
    let id = answer_fixture(&ws, &format!("Shop, \"checkout\" {HTML}"));
    let export = run(export::collect(&ws, &id, None, None)).expect("export collected");
    (ws, id, export)
}

// ---- golden files ----------------------------------------------------------------------------

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/export")
        .join(name)
}

/// Compares `actual` with the golden file `name` (or rewrites it under `UPDATE_GOLDEN=1`).
fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output:\n--- expected\n{expected}\n+++ actual\n{actual}",
        path.display()
    );
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

fn no_cell_is_a_formula(rows: &[Vec<String>]) {
    for (r, row) in rows.iter().enumerate() {
        for cell in row {
            assert!(
                !looks_like_formula(cell),
                "row {r}: cell {cell:?} would run as a formula"
            );
        }
    }
}

/// The row of a per-practice CSV whose column `column` is `value`.
fn row_where<'a>(rows: &'a [Vec<String>], column: usize, value: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[column] == value)
        .unwrap_or_else(|| panic!("no row with {value:?} in column {column}"))
}

// ---- collect -------------------------------------------------------------------------------

#[test]
fn collect_numbers_questions_and_gives_every_practice_its_status_and_impact() {
    let (_, _, export) = fixture();
    assert_eq!(export.lenses.len(), 2);
    let framework = &export.lenses[0];
    let numbers: Vec<&str> = framework
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, ["OPS 1", "OPS 2", "SEC 1", "SEC 2"]);
    let priorities = &framework.pillars[0].questions[0];
    assert_eq!(priorities.risk, Risk::Medium);
    let statuses: Vec<ChoiceStatus> = priorities.practices.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        [
            ChoiceStatus::Selected,
            ChoiceStatus::Unselected,
            ChoiceStatus::Unselected,
            ChoiceStatus::Unselected
        ]
    );
    // pri_a missing leaves the default rule: HIGH; the others missing: pri_a still gives MEDIUM.
    let impacts: Vec<Option<Risk>> = priorities.practices.iter().map(|p| p.impact).collect();
    assert_eq!(
        impacts,
        [
            Some(Risk::High),
            Some(Risk::Medium),
            Some(Risk::Medium),
            None
        ]
    );
    assert_eq!(priorities.practices[1].notes.as_deref(), Some("-2 not yet"));
    let sec1 = &framework.pillars[1].questions[0];
    assert!(!sec1.is_applicable);
    assert_eq!(sec1.reason, Some(AnswerReason::ArchitectureConstraints));
    assert_eq!(sec1.risk, Risk::NotApplicable);
    // Counts over the exported lenses: 6 questions, 2 HIGH, 2 MEDIUM.
    assert_eq!(
        (
            export.risk_counts.high,
            export.risk_counts.medium,
            export.risk_counts.unanswered
        ),
        (2, 2, 1)
    );
    // The plan: HIGH first, then MEDIUM, then the resolved item (SEC 1, which stopped
    // applying after it got backlog fields).
    let plan: Vec<(&str, bool)> = framework
        .plan
        .iter()
        .map(|p| (p.question_id.as_str(), p.resolved))
        .collect();
    assert_eq!(
        plan,
        [
            ("ops_model", false),
            ("priorities", false),
            ("securely_operate", true)
        ]
    );
    assert_eq!(framework.plan[1].status, ItemStatus::InProgress);
    assert_eq!(framework.plan[1].due_date.as_deref(), Some("2027-03-31"));
    assert_eq!(framework.plan[2].owner.as_deref(), Some(RTL));
    let hostile = &export.lenses[1];
    assert_eq!(
        hostile.pillars[0].notes.as_deref(),
        Some(&*format!("*bold?* {RTL}"))
    );
    assert_eq!(
        hostile.review.notes.as_deref(),
        Some(&*format!("Lens notes {FORMULA}\n{HTML}"))
    );
}

#[test]
fn collect_reads_one_lens_or_a_milestone_and_refuses_a_lens_not_applied() {
    let (ws, id, _) = fixture();
    run(ws.create_milestone(&id, "Before the fix")).expect("milestone");
    // After the milestone, OPS 2 is fixed.
    run(ws.update_answer(
        &id,
        "wellarchitected",
        "ops_model",
        select(&["om_a", "om_b"], None),
    ))
    .expect("answer");
    let only = vec!["wellarchitected".to_string()];
    let now = run(export::collect(&ws, &id, Some(&only), None)).expect("now");
    let then = run(export::collect(&ws, &id, Some(&only), Some(1))).expect("milestone 1");
    assert_eq!(now.lenses.len(), 1);
    assert_eq!(now.lenses[0].pillars[0].questions[1].risk, Risk::None);
    assert_eq!(then.lenses[0].pillars[0].questions[1].risk, Risk::High);
    let milestone = then.milestone.as_ref().expect("milestone reference");
    assert_eq!(
        (
            milestone.milestone_number,
            milestone.milestone_name.as_str()
        ),
        (1, "Before the fix")
    );
    assert!(now.milestone.is_none());
    // The formats say which milestone they show.
    let rendered = render(&export::markdown::to_markdown(&then));
    assert!(rendered
        .text
        .contains("Milestone 1: Before the fix (recorded 2026-11-23T10:00:"));
    let rows = read_csv(export::csv::to_csv(&then).trim_start_matches('\u{feff}'));
    assert!(rows[1..].iter().all(|r| r[13] == "Before the fix"));
    let rows = read_csv(export::csv::to_csv(&now).trim_start_matches('\u{feff}'));
    assert!(rows[1..].iter().all(|r| r[13].is_empty()));

    let serverless = vec!["serverless".to_string()];
    match run(export::collect(&ws, &id, Some(&serverless), None)) {
        Err(WorkspaceError::Validation { field, .. }) => assert_eq!(field, "lensAliases"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(matches!(
        run(export::collect(&ws, &"0".repeat(32), None, None)),
        Err(WorkspaceError::NotFound { .. })
    ));
}

// ---- CSV -------------------------------------------------------------------------------------

#[test]
fn csv_matches_its_golden_file_and_reads_back_neutralised_cell_by_cell() {
    let (_, _, export) = fixture();
    let text = export::csv::to_csv(&export);
    assert_golden("workload.csv", &text);
    assert!(
        text.starts_with('\u{feff}'),
        "starts with a UTF-8 BOM for Excel"
    );
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains("\r\n"));

    let rows = read_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0], export::csv::HEADER);
    // One row per choice: 4 + 3 + 3 + 2 in the framework, 5 + 2 in the hostile lens.
    assert_eq!(rows.len(), 1 + 19);
    assert!(rows.iter().all(|r| r.len() == export::csv::HEADER.len()));
    no_cell_is_a_formula(&rows);

    let workload = format!("Shop, \"checkout\" {HTML}");
    assert!(rows[1..].iter().all(|r| r[0] == workload));
    // Columns: 3 question, 4 title, 5 risk, 6 question reason, 7 practice, 8 status,
    // 9 practice reason, 10 impact, 11 practice notes, 12 question notes.
    let plus = row_where(&rows, 7, "'+1 more");
    assert_eq!(plus[4], format!("'{FORMULA}"));
    assert_eq!(plus[2], "Data | <b>Pipes</b>, \"quoted\"");
    assert_eq!(plus[5], "Medium");
    assert_eq!(plus[8], "Selected");
    assert_eq!(
        plus[12],
        format!("| a | b |\n# not a heading\n<img src=x onerror=alert(1)>\n{RTL}")
    );
    let at = row_where(&rows, 7, "'@SUM(A1)");
    assert_eq!(
        (at[8].as_str(), at[9].as_str()),
        ("Not applicable", "Other")
    );
    assert_eq!(at[11], "'@SUM(A1)");
    assert_eq!(row_where(&rows, 7, "'-2 fewer")[10], "High");
    let rtl = row_where(&rows, 7, "مرحبا 🚀 *stars* _under_ `tick`");
    assert_eq!(rtl[11], RTL);
    let pri_b = row_where(&rows, 7, "Evaluate compliance requirements");
    assert_eq!(pri_b[3], "OPS 1");
    assert_eq!(pri_b[11], "'-2 not yet");
    assert_eq!(pri_b[12], "'\tleading tab\nsecond line, with comma");
    let sec = row_where(&rows, 7, "Separate workloads using accounts");
    assert_eq!(
        (sec[5].as_str(), sec[6].as_str(), sec[12].as_str()),
        (
            "Not applicable",
            "Architecture constraints",
            &*format!("'+1 {HTML}")
        )
    );
    let ops2 = rows
        .iter()
        .find(|r| r[3] == "OPS 2" && r[7] == "None of these")
        .expect("OPS 2's None of these");
    assert_eq!(
        (ops2[5].as_str(), ops2[8].as_str(), ops2[10].as_str()),
        ("High", "Selected", "")
    );
    assert_eq!(ops2[12], "'=1+1");
    let markup = row_where(&rows, 7, "Line one, with comma");
    assert_eq!(markup[12], "line1\r\nline2 \"quoted\", comma");
}

// ---- Markdown ----------------------------------------------------------------------------------

/// Everything pulldown-cmark sees in `text` that is not plain structure: raw HTML, links,
/// images, and the column count of every table row.
struct Rendered {
    html: Vec<String>,
    links: usize,
    headings: Vec<String>,
    text: String,
    /// Per table: (columns in the header, cells of each row).
    tables: Vec<(usize, Vec<usize>)>,
}

fn render(text: &str) -> Rendered {
    let mut out = Rendered {
        html: Vec::new(),
        links: 0,
        headings: Vec::new(),
        text: String::new(),
        tables: Vec::new(),
    };
    let mut in_heading = None::<String>;
    let mut cells = 0;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => out.html.push(h.to_string()),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => out.links += 1,
            Event::Start(Tag::Heading { .. }) => in_heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => out.headings.extend(in_heading.take()),
            Event::Start(Tag::Table(alignments)) => out.tables.push((alignments.len(), Vec::new())),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                out.tables.last_mut().expect("in a table").1.push(cells)
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = in_heading.as_mut() {
                    h.push_str(&t);
                }
                out.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => out.text.push('\n'),
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_matches_its_golden_file_and_renders_hostile_text_as_text() {
    let (_, _, export) = fixture();
    let text = export::markdown::to_markdown(&export);
    assert_golden("workload.md", &text);
    let rendered = render(&text);
    assert!(
        rendered.html.is_empty(),
        "raw HTML survived: {:?}",
        rendered.html
    );
    assert_eq!(rendered.links, 0, "a link or image was injected");
    // The hostile text is there, as text.
    for needle in [
        HTML,
        FORMULA,
        RTL,
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(1))",
        "| a | b |",
        "# not a heading",
        "*bold?*",
        // The backlog, each item's on lines of its own.
        &format!("Status: In progress · Owner: {FORMULA} @ana, \"Ops\" · Due: 2027-03-31\nNotes: # not a heading\n{HTML}"),
        &format!("Status: Postponed (After the freeze; {FORMULA})"),
        &format!("Status: Done · Owner: {RTL}\nNotes: Closed {HTML}"),
    ] {
        assert!(
            rendered.text.contains(needle),
            "{needle:?} is not in the rendered text"
        );
    }
    // Only the headings the report writes: the title, Summary, per lens its name, plan,
    // answers, and one per pillar.
    assert_eq!(
        rendered.headings,
        [
            format!("Shop, \"checkout\" {HTML}"),
            "Summary".to_string(),
            "Export Test Framework (version 2026-11-01)".to_string(),
            "Improvement plan".to_string(),
            "Resolved improvement items".to_string(),
            "Answers".to_string(),
            "Operational Excellence".to_string(),
            "Security".to_string(),
            format!("Hostile {HTML} lens (version 2026-11-01)"),
            "Improvement plan".to_string(),
            "Answers".to_string(),
            "Data | <b>Pipes</b>, \"quoted\"".to_string(),
        ]
    );
    // Summary table, then one pillar table per lens; every row as wide as its header.
    assert_eq!(rendered.tables.len(), 3);
    for (columns, rows) in &rendered.tables {
        assert!(
            rows.iter().all(|cells| cells == columns),
            "{columns} columns, rows {rows:?}"
        );
    }
    assert_eq!(rendered.tables[0].1.len(), 1 + 6);
    assert_eq!(rendered.tables[1], (7, vec![7; 1 + 2 + 1]));
    assert_eq!(rendered.tables[2], (7, vec![7; 1 + 1 + 1]));
}

// ---- JSON ----------------------------------------------------------------------------------

#[test]
fn json_matches_its_golden_file_and_has_the_api_shapes_with_notes() {
    let (ws, id, export) = fixture();
    let text = export::json::to_json(&export);
    assert_golden("workload.json", &text);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["format"], "plumbline-workload-export");
    assert_eq!(
        doc["workload"]["workloadName"],
        format!("Shop, \"checkout\" {HTML}")
    );
    assert_eq!(doc["riskCounts"]["HIGH"], 2);
    let lenses = doc["lensReviews"].as_array().expect("lensReviews");
    assert_eq!(lenses.len(), 2);
    // Each part is exactly what the API method returns.
    for (lens, alias) in lenses.iter().zip(["wellarchitected", "hostile"]) {
        let answers = run(ws.list_answers(&id, alias, None)).unwrap();
        assert_eq!(lens["answers"], serde_json::to_value(&answers).unwrap());
        let review = run(ws.get_lens_review(&id, alias, None)).unwrap();
        assert_eq!(lens["lensReview"], serde_json::to_value(&review).unwrap());
    }
    let formula = &lenses[1]["answers"][0];
    assert_eq!(formula["questionTitle"], FORMULA);
    assert_eq!(
        formula["notes"],
        format!("| a | b |\n# not a heading\n<img src=x onerror=alert(1)>\n{RTL}")
    );
    let at = formula["choiceAnswers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["choiceId"] == "f_at")
        .expect("f_at has a choice answer");
    assert_eq!(
        (
            at["status"].as_str(),
            at["reason"].as_str(),
            at["notes"].as_str()
        ),
        (Some("NOT_APPLICABLE"), Some("OTHER"), Some("@SUM(A1)"))
    );
    let plan = lenses[1]["improvementPlan"].as_array().unwrap();
    assert_eq!(plan[0]["questionId"], "markup");
    assert_eq!(plan[0]["risk"], "HIGH");
    assert!(plan[0]["bestPractices"][0]["impact"].is_string());
}

// ---- tickets ---------------------------------------------------------------------------------

#[test]
fn jira_csv_matches_its_golden_file_and_links_every_row_to_its_parent() {
    let (_, _, export) = fixture();
    let text = jira::to_jira_csv(&export, &TicketFilter::default());
    assert_golden("jira.csv", &text);
    assert!(!text.starts_with('\u{feff}'));
    let rows = read_csv(&text);
    assert_eq!(rows[0], jira::HEADER);
    no_cell_is_a_formula(&rows);
    let kind_of = |id: &str| {
        rows.iter()
            .find(|r| r[1] == id)
            .map(|r| r[0].clone())
            .unwrap_or_else(|| panic!("no issue {id}"))
    };
    let (mut tasks, mut subtasks) = (0, 0);
    for row in &rows[1..] {
        match row[0].as_str() {
            "Epic" => {
                assert_eq!(row[2], "");
                assert_eq!(row[4], format!("Shop, \"checkout\" {HTML}"));
            }
            "Task" => {
                tasks += 1;
                assert_eq!(kind_of(&row[2]), "Epic");
                assert_eq!(row[4], "", "only the epic has an Epic Name");
                assert!(["High", "Medium"].contains(&row[6].as_str()));
                assert!(!row[7].contains(' '), "a label with a space: {:?}", row[7]);
            }
            "Sub-task" => {
                subtasks += 1;
                assert_eq!(kind_of(&row[2]), "Task");
            }
            other => panic!("unexpected issue type {other}"),
        }
    }
    // Questions at risk: OPS 2 (HIGH), OPS 1 (MEDIUM, in progress), markup (HIGH); formula
    // (MEDIUM) is postponed, which the default filter leaves out, and SEC 1 is resolved.
    assert_eq!(tasks, 3);
    // Practices to adopt: om_a, om_b; pri_b, pri_c; m_a (f_rtl: its item is postponed).
    assert_eq!(subtasks, 5);
    let ops1 = rows
        .iter()
        .find(|r| r[0] == "Task" && r[3].starts_with("OPS 1 · "))
        .expect("the OPS 1 task");
    assert!(
        ops1[5].contains(&format!(
            "Status: In progress. Owner: {FORMULA} @ana, \"Ops\". Due: 2027-03-31."
        )),
        "the backlog is in the description: {:?}",
        ops1[5]
    );
    let every_status = TicketFilter {
        statuses: Vec::new(),
        ..TicketFilter::default()
    };
    let all_rows = read_csv(&jira::to_jira_csv(&export, &every_status));
    assert_eq!(all_rows.iter().filter(|r| r[0] == "Task").count(), 4);
    let markup = rows
        .iter()
        .find(|r| r[0] == "Task" && r[3].ends_with("<img src=x onerror=alert(1)>"))
        .expect("markup task");
    assert_eq!(markup[3], "2 · # Heading? <img src=x onerror=alert(1)>");
    assert_eq!(markup[6], "High");
    assert_eq!(markup[7], "Data-|-<b>Pipes</b>--\"quoted\"");
    assert!(markup[5].contains("line1\r\nline2 \"quoted\", comma"));

    let high_only = TicketFilter {
        risks: vec![Risk::High],
        pillars: vec!["operationalExcellence".to_string()],
        ..TicketFilter::default()
    };
    let rows = read_csv(&jira::to_jira_csv(&export, &high_only));
    let summaries: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "Task")
        .map(|r| r[3].as_str())
        .collect();
    assert_eq!(
        summaries,
        ["OPS 2 · How do you structure your organization?"]
    );
}

#[test]
fn github_json_matches_its_golden_file_and_bodies_render_without_html() {
    let (_, _, export) = fixture();
    let text = github::to_github_json(&export, &TicketFilter::default());
    assert_golden("github.json", &text);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&text).expect("valid JSON");
    // The four items at risk but the postponed one (the default filter: open or in progress).
    assert_eq!(issues.len(), 3);
    for issue in &issues {
        let body = issue["body"].as_str().expect("body");
        let rendered = render(body);
        assert!(rendered.html.is_empty(), "raw HTML in {body:?}");
        assert_eq!(rendered.links, 0);
        assert!(
            rendered.headings.is_empty(),
            "a heading was injected: {:?}",
            rendered.headings
        );
        for label in issue["labels"].as_array().unwrap() {
            assert!(
                !label.as_str().unwrap().contains(','),
                "{label} breaks `gh --label`"
            );
        }
    }
    let ops1 = issues
        .iter()
        .find(|i| i["title"].as_str().unwrap().starts_with("OPS 1 · "))
        .expect("the OPS 1 issue");
    let rendered = render(ops1["body"].as_str().unwrap());
    assert!(
        rendered.text.contains(&format!(
            "Status: In progress. Owner: {FORMULA} @ana, \"Ops\". Due: 2027-03-31.\nItem notes: # not a heading\n{HTML}"
        )),
        "the backlog is in the body: {:?}",
        rendered.text
    );
    // The postponed item is there when every status is asked for.
    let every_status = TicketFilter {
        statuses: Vec::new(),
        ..TicketFilter::default()
    };
    let text = github::to_github_json(&export, &every_status);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&text).expect("valid JSON");
    let formula = issues
        .iter()
        .find(|i| i["title"] == format!("1 · {FORMULA}"))
        .expect("the formula question");
    let rendered = render(formula["body"].as_str().unwrap());
    assert!(rendered.text.contains("<img src=x onerror=alert(1)>"));
    assert!(rendered.text.contains("# not a heading"));
    assert!(rendered.text.contains("مرحبا 🚀 *stars* _under_ `tick`"));
    assert_eq!(formula["labels"][1], "risk-medium");
}

#[test]
fn azure_devops_csv_matches_its_golden_file_and_nests_by_title_column() {
    let (_, _, export) = fixture();
    let text = azure_devops::to_azure_devops_csv(&export, &TicketFilter::default());
    assert_golden("azure-devops.csv", &text);
    let rows = read_csv(&text);
    assert_eq!(rows[0], azure_devops::HEADER);
    no_cell_is_a_formula(&rows);
    let mut level = 0;
    for row in &rows[1..] {
        assert_eq!(row[0], "", "new work items have no ID");
        let titled: Vec<usize> = (2..=4).filter(|&c| !row[c].is_empty()).collect();
        assert_eq!(titled.len(), 1, "one title column per row: {row:?}");
        let this = titled[0] - 1;
        // A child sits one level under the row above, or goes back up the tree.
        assert!(this <= level + 1, "row skips a level: {row:?}");
        level = this;
        let expected = ["Epic", "Feature", "Task"][this - 1];
        assert_eq!(row[1], expected);
        // Description is HTML in Boards: only the <br> the export writes.
        assert!(
            !row[7].replace("<br>", "").contains('<'),
            "markup in {:?}",
            row[7]
        );
        assert!(["1", "2", "3"].contains(&row[5].as_str()));
    }
    // The postponed item (formula, one practice) is left out by the default filter.
    assert_eq!(rows.iter().filter(|r| r[1] == "Feature").count(), 3);
    assert_eq!(rows.iter().filter(|r| r[1] == "Task").count(), 5);
    let markup = rows
        .iter()
        .find(|r| r[1] == "Feature" && r[6].contains("Pipes"))
        .unwrap();
    assert_eq!(
        markup[6],
        "well-architected; Data-|-<b>Pipes</b>--\"quoted\""
    );
}

// ---- consolidated ------------------------------------------------------------------------------

#[test]
fn consolidated_report_counts_shared_risks_and_matches_its_golden_files() {
    let ws = workspace();
    let first = answer_fixture(&ws, &format!("Shop, \"checkout\" {HTML}"));
    let second = answer_fixture(&ws, "Analytics =1+1");
    // A third workload without the hostile lens, with OPS 2 at HIGH too.
    let mut plain = input("Billing");
    plain.lenses = None;
    let third = run(ws.define_workload(plain)).unwrap().workload_id;
    run(ws.update_answer(
        &third,
        "wellarchitected",
        "ops_model",
        select(&["om_a"], None),
    ))
    .unwrap();

    let report = run(export::collect_consolidated(&ws, None)).expect("report");
    let names: Vec<&str> = report
        .workloads
        .iter()
        .map(|w| w.workload_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Analytics =1+1",
            "Billing",
            &*format!("Shop, \"checkout\" {HTML}")
        ]
    );
    let top = &report.improvements[0];
    assert_eq!(
        (top.question_id.as_str(), top.risk, top.workload_count),
        ("ops_model", Risk::High, 3)
    );
    assert_eq!(top.question_number, "OPS 2");
    assert_eq!(
        top.workload_ids,
        [second.clone(), third.clone(), first.clone()]
    );
    assert!(report
        .improvements
        .iter()
        .all(|i| matches!(i.risk, Risk::High | Risk::Medium)));
    let billing = &report.workloads[1];
    assert_eq!(billing.lenses.len(), 1);
    assert_eq!(billing.lenses[0].pillars[0].risk_counts.high, 1);

    let only = run(export::collect_consolidated(&ws, Some("hostile"))).expect("hostile only");
    assert_eq!(only.workloads.len(), 2);
    assert!(only
        .workloads
        .iter()
        .all(|w| w.lenses.len() == 1 && w.lenses[0].lens_alias == "hostile"));
    assert!(only
        .improvements
        .iter()
        .all(|i| i.lens_alias == "hostile" && i.workload_count == 2));

    let json = export::consolidated::to_json(&report);
    assert_golden("consolidated.json", &json);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(doc["format"], "plumbline-consolidated-report");
    assert_eq!(doc["workloads"].as_array().unwrap().len(), 3);
    assert_eq!(doc["improvements"][0]["workloadCount"], 3);

    let csv_text = export::consolidated::to_csv(&report);
    assert_golden("consolidated.csv", &csv_text);
    let rows = read_csv(csv_text.trim_start_matches('\u{feff}'));
    no_cell_is_a_formula(&rows);
    assert_eq!(rows[0], export::consolidated::PILLAR_HEADER);
    // The empty line between the tables is skipped by the reader (a spreadsheet shows it).
    assert!(csv_text.contains("\r\n\r\nLens,Pillar,Question,"));
    // Pillar rows: 2 workloads × (2 + 1 pillars) + Billing's 2 pillars.
    let second_header = rows
        .iter()
        .position(|r| r == &export::consolidated::IMPROVEMENT_HEADER)
        .expect("the improvements table");
    assert_eq!(second_header, 1 + 8);
    assert_eq!(rows[1][0], "Analytics =1+1");
    let top_row = &rows[second_header + 1];
    assert_eq!(
        (
            top_row[2].as_str(),
            top_row[4].as_str(),
            top_row[5].as_str()
        ),
        ("OPS 2", "High", "3")
    );
    assert_eq!(
        top_row[6],
        format!("Analytics =1+1; Billing; Shop, \"checkout\" {HTML}")
    );
}
