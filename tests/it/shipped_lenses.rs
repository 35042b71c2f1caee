//! The lenses Plumbline ships (lenses/*.json): they lint clean, the framework lens matches the
//! AWS framework facts (ids, order, per-best-practice risk levels), and their texts respect the
//! limits with no two best practices sharing a title.

use std::collections::HashSet;
use std::path::PathBuf;

use plumbline::lens::model::{Lens, Question};
use plumbline::lens::LintOptions;
use plumbline::lint::lint_with;
use plumbline::review::{question_risk, Answer, Risk};

fn lens_text(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("lenses")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lints a shipped lens; the framework lens keeps AWS's hyphenated question ids.
fn load(file: &str, official_ids: bool) -> Lens {
    let report = lint_with(
        &lens_text(file),
        &LintOptions {
            official_ids,
            ..LintOptions::default()
        },
    );
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{:?} {} {} {}:{} {}",
                d.severity, d.code, d.path, d.line, d.column, d.message
            )
        })
        .collect();
    assert!(
        found.is_empty(),
        "{file} must lint with no error and no warning:\n{}",
        found.join("\n")
    );
    report.lens.expect("a lens without diagnostics has a model")
}

fn answer_selecting(question: &Question, selected: impl Fn(&str) -> bool) -> Answer {
    Answer {
        question_id: question.id.clone(),
        pillar_id: None,
        selected_choices: question
            .choices
            .iter()
            .filter(|c| !c.is_none_of_these() && selected(&c.id))
            .map(|c| c.id.clone())
            .collect(),
        choice_answers: Vec::new(),
        is_applicable: true,
        reason: None,
        notes: None,
    }
}

#[test]
fn framework_lens_lints_clean() {
    let lens = load("wellarchitected.json", true);
    assert_eq!(lens.pillars.len(), 6);
}

#[test]
fn serverless_lens_lints_clean_as_a_custom_lens() {
    let lens = load("serverless.json", false);
    assert_eq!(lens.pillars.len(), 6);
    assert!(lens.pillars.iter().all(|p| !p.questions.is_empty()));
}

/// The framework lens uses hyphenated question ids, which a custom lens may not: linted as a
/// custom lens it must fail, which proves the official-ids option is what lets it pass.
#[test]
fn framework_lens_needs_the_official_ids_option() {
    let report = lint_with(&lens_text("wellarchitected.json"), &LintOptions::default());
    assert!(
        report.has_errors(),
        "hyphenated question ids must be refused in a custom lens"
    );
}

/// One row of ../shared/framework-facts/wellarchitected-facts.tsv.
struct Fact {
    pillar_id: String,
    question_id: String,
    choice_id: String,
    risk_level: String,
}

fn facts() -> Option<Vec<Fact>> {
    let dir = std::env::var_os("PLUMBLINE_FRAMEWORK_FACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/framework-facts")
        });
    let path = dir.join("wellarchitected-facts.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing, and CI=true requires it",
            path.display()
        );
        eprintln!("skipped: {} not found", path.display());
        return None;
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (p, q, c, r) = (
        col("pillar_id"),
        col("question_id"),
        col("choice_id"),
        col("risk_level"),
    );
    Some(
        lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Fact {
                    pillar_id: f[p].into(),
                    question_id: f[q].into(),
                    choice_id: f[c].into(),
                    risk_level: f[r].into(),
                }
            })
            .collect(),
    )
}

#[test]
fn framework_lens_has_every_fact_id_in_order() {
    let Some(facts) = facts() else { return };
    let lens = load("wellarchitected.json", true);
    let ours: Vec<(String, String, String)> = lens
        .pillars
        .iter()
        .flat_map(|p| {
            p.questions.iter().flat_map(move |q| {
                q.choices
                    .iter()
                    .map(move |c| (p.id.clone(), q.id.clone(), c.id.clone()))
            })
        })
        .collect();
    let theirs: Vec<(String, String, String)> = facts
        .iter()
        .map(|f| {
            (
                f.pillar_id.clone(),
                f.question_id.clone(),
                f.choice_id.clone(),
            )
        })
        .collect();
    assert_eq!(
        ours.len(),
        364,
        "57 questions × (best practices + None of these)"
    );
    assert_eq!(ours, theirs);
}

/// Reproduces every best practice's risk level by evaluating the rules: with everything selected
/// the question has no risk; leaving out one High practice gives HIGH, one Medium gives MEDIUM,
/// one Low gives no risk.
#[test]
fn framework_lens_rules_reproduce_the_risk_levels() {
    let Some(facts) = facts() else { return };
    let lens = load("wellarchitected.json", true);
    let mut checked = 0;
    for pillar in &lens.pillars {
        for question in &pillar.questions {
            let all = answer_selecting(question, |_| true);
            assert_eq!(
                question_risk(question, Some(&all)),
                Risk::None,
                "{}: all selected",
                question.id
            );
            for fact in facts
                .iter()
                .filter(|f| f.question_id == question.id && !f.risk_level.is_empty())
            {
                let expected = match fact.risk_level.as_str() {
                    "High" => Risk::High,
                    "Medium" => Risk::Medium,
                    "Low" => Risk::None,
                    other => panic!("unknown risk level {other}"),
                };
                let missing_one = answer_selecting(question, |id| id != fact.choice_id);
                // A question with a single best practice is then simply unanswered.
                let expected = if missing_one.selected_choices.is_empty() {
                    Risk::Unanswered
                } else {
                    expected
                };
                assert_eq!(
                    question_risk(question, Some(&missing_one)),
                    expected,
                    "{} without {} ({})",
                    question.id,
                    fact.choice_id,
                    fact.risk_level
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 307);
}

fn check_texts(lens: &Lens) {
    let chars = |s: &str| s.chars().count();
    let mut titles = HashSet::new();
    for pillar in &lens.pillars {
        assert!(chars(&pillar.name) <= 128);
        for q in &pillar.questions {
            assert!(
                chars(&q.title) <= 128 && !q.title.trim().is_empty(),
                "{}",
                q.id
            );
            assert!(
                chars(&q.description) <= 2048 && !q.description.trim().is_empty(),
                "{}",
                q.id
            );
            for c in &q.choices {
                assert!(chars(&c.title) <= 128, "{}", c.id);
                let resources = c.helpful_resource.iter().chain(c.improvement_plan.iter());
                for r in resources {
                    assert!(
                        chars(&r.display_text) <= 2048 && !r.display_text.trim().is_empty(),
                        "{}",
                        c.id
                    );
                    if let Some(url) = &r.url {
                        assert!(url.starts_with("https://"), "{}: {url}", c.id);
                    }
                }
                if c.is_none_of_these() {
                    assert_eq!(c.title, "None of these");
                    assert!(c.improvement_plan.is_none());
                } else {
                    assert!(
                        titles.insert(c.title.to_lowercase()),
                        "title used twice: {}",
                        c.title
                    );
                    let plan = c.improvement_plan.as_ref().expect("improvement plan");
                    assert!(plan.url.is_some(), "{} links to its page for depth", c.id);
                }
            }
        }
    }
}

#[test]
fn framework_lens_texts_are_within_limits_and_titles_unique() {
    check_texts(&load("wellarchitected.json", true));
}

#[test]
fn serverless_lens_texts_are_within_limits_and_titles_unique() {
    check_texts(&load("serverless.json", false));
}

/// One name per lens: the catalog (the lens list, Define workload, Compare) says what the
/// lens file says (the review, plan and report pages), not a second spelling of its own.
#[test]
fn the_catalog_names_each_lens_as_its_file_does() {
    for lens in plumbline::catalog::builtin() {
        let text = lens_text(&format!("{}.json", lens.alias));
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            Some(lens.name.as_str()),
            file["name"].as_str(),
            "{}",
            lens.alias
        );
        assert_eq!(lens.summary().lens_name, lens.name, "{}", lens.alias);
    }
}
