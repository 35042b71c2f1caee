//! The stored format, pinned: `tests/golden/stored/<kind>.json` is one record of each kind
//! (`workload`, `name`, `review`, `answer`, `milestone`, `customlens`…) exactly as real
//! operations store it — id, revision and body — made on a memory store with the test clock and
//! seed. A change to a stored record's fields (a renamed API field leaking into storage, say)
//! fails here before it can strand data users already have.
//!
//! `tests/fixtures/layout-<n>/stored.json` is a store as an earlier layout left it; opening it
//! must migrate it to `tests/fixtures/layout-<n>/migrated.json`.
//!
//! `UPDATE_GOLDEN=1` rewrites the golden and `migrated.json` files from the current output;
//! review the diff before committing: a changed golden is a changed stored format, which needs
//! a new layout and a migration.

use plumbline::sorted_map::SortedMap;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use plumbline::review::{ChoiceReason, ChoiceStatus};
use plumbline::store::memory::MemoryStore;
use plumbline::store::Store;
use plumbline::workload::{
    AnswerUpdate, ChoiceUpdate, ImportLensOptions, ImprovementItemUpdate, ItemStatus,
    LensReviewUpdate, LensVersionInput, WorkloadPatch,
};

use plumbline::workload::profile::{ProfileAnswer, ProfileInput};

use crate::workspace_support::{block_on, input, open, strings};

/// Every kind of stored record, by the first segment of its id (see `workload/keys.rs`).
const KINDS: [&str; 11] = [
    "meta",
    "workload",
    "name",
    "review",
    "answer",
    "milestone",
    "customlens",
    "customlensdraft",
    "customlensversion",
    "profile",
    "dismissed",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1")
}

/// Every record of `store` as stored, by id.
fn records(store: &MemoryStore) -> BTreeMap<String, Value> {
    block_on(store.list_raw(""))
        .expect("list")
        .into_iter()
        .map(|r| (r.id, r.stored))
        .collect()
}

/// A store holding every kind of record, each made by the operation a user would use.
fn every_kind() -> MemoryStore {
    let ws = open(MemoryStore::new());
    let mut define = input("Checkout");
    define.tags = Some(SortedMap::from([("team".into(), "payments".into())]));
    define.lenses = Some(strings(&["serverless"]));
    let workload = block_on(ws.define_workload(define)).expect("define");
    let id = workload.workload_id;
    let patch = WorkloadPatch {
        notes: Some("Reviewed with the payments team".into()),
        pillar_priorities: Some(strings(&["security", "reliability"])),
        ..WorkloadPatch::default()
    };
    block_on(ws.update_workload(&id, patch)).expect("update");
    let answer = AnswerUpdate {
        selected_choices: Some(strings(&["so_a"])),
        choice_updates: Some(SortedMap::from([(
            "so_b".to_string(),
            ChoiceUpdate {
                status: ChoiceStatus::NotApplicable,
                reason: Some(ChoiceReason::OutOfScope),
                notes: Some("no operators".into()),
            },
        )])),
        notes: Some("MFA everywhere".into()),
        ..AnswerUpdate::default()
    };
    block_on(ws.update_answer(&id, "wellarchitected", "securely-operate", answer)).expect("answer");
    let notes = LensReviewUpdate {
        lens_notes: Some("First pass".into()),
        pillar_notes: Some(SortedMap::from([("security".into(), "Good".into())])),
        expected_revision: None,
    };
    block_on(ws.update_lens_review(&id, "wellarchitected", notes)).expect("notes");
    block_on(ws.create_milestone(&id, "Go live")).expect("milestone");
    // An improvement item with every backlog field (its answer sorts first of the answers).
    let none_of_these = AnswerUpdate {
        selected_choices: Some(strings(&["rel_no"])),
        ..AnswerUpdate::default()
    };
    block_on(ws.update_answer(&id, "wellarchitected", "limits", none_of_these)).expect("answer");
    let item = ImprovementItemUpdate {
        owner: Some("Platform team".into()),
        status: Some(ItemStatus::Postponed),
        status_reason: Some("After the migration".into()),
        due_date: Some("2027-03-31".into()),
        notes: Some("Quotas first".into()),
        expected_revision: None,
    };
    block_on(ws.update_improvement_item(&id, "wellarchitected", "limits", item)).expect("item");
    let text = fs::read_to_string(root().join("tests/fixtures/review-lens.json")).unwrap();
    let imported = block_on(ws.import_lens(&text, ImportLensOptions::default())).expect("import");
    let version = LensVersionInput {
        lens_version: Some("v1".into()),
        is_major_version: Some(true),
    };
    block_on(ws.create_lens_version(&imported.lens_alias, version)).expect("publish");
    // A profile at version 2 (tags, every questionnaire answer), linked at version 1: one
    // notification, dismissed.
    let answers: Vec<ProfileAnswer> = [
        ("time-to-market", "ttm-critical"),
        ("cost-pressure", "cost-watched"),
        ("regulated-data", "data-personal"),
        ("availability-target", "avail-hours"),
        ("team-maturity", "team-growing"),
    ]
    .iter()
    .map(|(q, c)| ProfileAnswer {
        question_id: q.to_string(),
        selected_choice_ids: strings(&[c]),
    })
    .collect();
    let profile = ProfileInput {
        profile_name: Some("Regulated retail".into()),
        profile_description: Some("Card payments and personal data".into()),
        profile_questions: Some(answers),
        tags: Some(SortedMap::from([("owner".into(), "risk office".into())])),
    };
    let profile = block_on(ws.create_profile(profile)).expect("profile");
    block_on(ws.associate_profile(&id, &profile.profile_id)).expect("associate");
    let describe = ProfileInput {
        profile_description: Some("Card payments, personal data, EU only".into()),
        ..ProfileInput::default()
    };
    block_on(ws.update_profile(&profile.profile_id, describe)).expect("update profile");
    let waiting = block_on(ws.list_notifications()).expect("notifications");
    block_on(ws.dismiss_notification(&waiting[0].dismiss_key)).expect("dismiss");
    ws.into_store()
}

/// The first record of each kind, as `{id, stored}`.
fn first_of_each_kind(all: &BTreeMap<String, Value>) -> BTreeMap<&'static str, Value> {
    let mut out = BTreeMap::new();
    for kind in KINDS {
        let prefix = format!("{kind}/");
        if let Some((id, stored)) = all.iter().find(|(id, _)| id.starts_with(&prefix)) {
            out.insert(kind, json!({ "id": id, "stored": stored }));
        }
    }
    out
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON") + "\n"
}

/// Compares `actual` with the file at `path`, or rewrites the file when updating.
fn check_file(path: &PathBuf, actual: &str, failures: &mut Vec<String>) {
    if updating() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, actual).expect("write golden");
        return;
    }
    match fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{} differs:\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(_) => failures.push(format!(
            "{} is missing; run with UPDATE_GOLDEN=1",
            path.display()
        )),
    }
}

#[test]
fn every_stored_kind_matches_its_golden_file() {
    let all = records(&every_kind());
    let found = first_of_each_kind(&all);
    let missing: Vec<&str> = KINDS
        .iter()
        .filter(|k| !found.contains_key(*k))
        .copied()
        .collect();
    assert!(missing.is_empty(), "the scenario stored no {missing:?}");
    let mut failures = Vec::new();
    for (kind, record) in &found {
        let path = root().join(format!("tests/golden/stored/{kind}.json"));
        check_file(&path, &pretty(record), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_golden_file_names_a_kind_the_workspace_stores() {
    let dir = root().join("tests/golden/stored");
    for entry in fs::read_dir(dir).expect("tests/golden/stored exists") {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            KINDS.contains(&stem.as_str()),
            "{} names no stored kind (kinds: {KINDS:?})",
            path.display()
        );
    }
}

/// The records review templates add, pinned like the others (`tests/golden/stored-templates/`):
/// a template, its answer (with the version that changed it), a workload defined from it (its
/// `reviewTemplate` link) and that workload's answer (with its provenance).
#[test]
fn template_records_match_their_golden_files() {
    use plumbline::workload::TemplateInput;
    let ws = open(MemoryStore::new());
    let template = TemplateInput {
        template_name: Some("Retail baseline".into()),
        description: Some("Answers every retail team starts from".into()),
        notes: Some("Agreed with the platform team".into()),
        tags: Some(SortedMap::from([("team".into(), "platform".into())])),
        lenses: None,
    };
    let tid = block_on(ws.create_review_template(template))
        .expect("create")
        .template_id;
    let answer = AnswerUpdate {
        selected_choices: Some(strings(&["so_a"])),
        ..AnswerUpdate::default()
    };
    block_on(ws.update_review_template_answer(&tid, "wellarchitected", "securely-operate", answer))
        .expect("answer");
    let mut define = input("Checkout");
    define.review_template_ids = Some(vec![tid.clone()]);
    let wid = block_on(ws.define_workload(define))
        .expect("define")
        .workload_id;
    let all = records(&ws.into_store());
    let pick = |id: String| json!({ "id": id, "stored": all[&id] });
    let answer = |owner: &str| format!("answer/{owner}/wellarchitected/securely-operate");
    let found = [
        ("template", pick(format!("template/{tid}"))),
        ("template-answer", pick(answer(&tid))),
        ("workload", pick(format!("workload/{wid}"))),
        ("answer", pick(answer(&wid))),
    ];
    let mut failures = Vec::new();
    for (name, record) in &found {
        let path = root().join(format!("tests/golden/stored-templates/{name}.json"));
        check_file(&path, &pretty(record), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A store of layout 1 (no `name/` claims) gets one claim per workload name and layout 2 when
/// opened; every other record stays as it was.
#[test]
fn a_layout_1_store_migrates_when_opened() {
    let dir = root().join("tests/fixtures/layout-1");
    let text = fs::read_to_string(dir.join("stored.json")).expect("layout-1 fixture");
    let stored: BTreeMap<String, Value> = serde_json::from_str(&text).expect("fixture is JSON");
    assert!(
        stored.keys().all(|id| !id.starts_with("name/")),
        "layout 1 had no name claims"
    );
    let store = MemoryStore::new();
    for (id, record) in &stored {
        store.insert_damaged(id, record.clone());
    }
    let migrated = records(&open(store).into_store());
    for (id, before) in stored.iter().filter(|(id, _)| *id != "meta/plumbline") {
        assert_eq!(&migrated[id], before, "{id} changed in the migration");
    }
    let meta = &migrated["meta/plumbline"]["body"];
    assert_eq!(meta["layout"], json!(2));
    assert!(meta["migratedAt"].is_string());
    // Two workloads share "Checkout" ignoring case and spaces (an old race): the older keeps it.
    let claims: Vec<(&String, &Value)> = migrated
        .iter()
        .filter(|(id, _)| id.starts_with("name/"))
        .map(|(id, r)| (id, &r["body"]["workloadId"]))
        .collect();
    assert_eq!(
        claims,
        [
            (
                &"name/checkout".to_string(),
                &json!("d70d3259e4e1cb631c663cf4d73c4c04")
            ),
            (
                &"name/paymentsapi".to_string(),
                &json!("fedcba9876543210fedcba9876543210")
            ),
        ]
    );
    let mut failures = Vec::new();
    let actual = pretty(&serde_json::to_value(&migrated).unwrap());
    check_file(&dir.join("migrated.json"), &actual, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A store from before review templates opens as it did: no templates, no notices, and its
/// workloads read as before.
#[test]
fn a_store_from_before_templates_opens_without_them() {
    let dir = root().join("tests/fixtures/layout-1");
    let text = fs::read_to_string(dir.join("migrated.json")).expect("layout-1 fixture");
    let stored: BTreeMap<String, Value> = serde_json::from_str(&text).expect("fixture is JSON");
    let store = MemoryStore::new();
    for (id, record) in &stored {
        store.insert_damaged(id, record.clone());
    }
    let ws = open(store);
    assert!(block_on(ws.list_review_templates())
        .expect("list")
        .is_empty());
    assert!(block_on(ws.review_template_updates())
        .expect("notices")
        .is_empty());
    let workloads = block_on(ws.list_workloads()).expect("workloads");
    assert!(!workloads.is_empty());
    for w in workloads {
        let w = block_on(ws.get_workload(&w.workload_id)).expect("workload");
        assert!(w.review_template.is_none());
    }
}
