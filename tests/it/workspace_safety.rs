//! Data safety: a damaged record stays local (lists and the dashboard skip it and report it;
//! the damaged workload can be exported as stored, repaired and deleted), and the whole
//! workspace goes to one backup file and back, exactly, with conflicts never overwritten
//! silently.

use plumbline::sorted_map::SortedMap;
use std::collections::BTreeMap;

use crate::workspace_support::*;
use plumbline::store::memory::MemoryStore;
use plumbline::store::Store;
use plumbline::workload::backup::{Resolution, RestoreMode, RestoreOptions};
use plumbline::workload::{
    AnswerUpdate, DashboardFilter, ImportLensOptions, LensReviewUpdate, LensVersionInput,
    Workspace, WorkspaceError,
};
use serde_json::{json, Value};

const WA: &str = "wellarchitected";
const LENS: &str = include_str!("../fixtures/review-lens.json");

fn select(choices: &[&str], notes: &str) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        notes: Some(notes.to_string()),
        ..Default::default()
    }
}

/// Two answered workloads, lens and pillar notes, a milestone, and a published custom lens
/// with a newer draft. Returns the workspace and the two workload ids.
fn populated() -> (Workspace<MemoryStore>, String, String) {
    let ws = workspace();
    let a = block_on(ws.define_workload(input("Checkout")))
        .unwrap()
        .workload_id;
    let b = block_on(ws.define_workload(input("Catalog")))
        .unwrap()
        .workload_id;
    block_on(ws.update_answer(&a, WA, "priorities", select(&["pri_a"], "talk to finance")))
        .unwrap();
    block_on(ws.update_answer(&a, WA, "limits", select(&["rel_a"], ""))).unwrap();
    block_on(ws.update_answer(&b, WA, "ops-model", select(&["om_a", "om_b"], "runbooks"))).unwrap();
    block_on(ws.update_lens_review(
        &a,
        WA,
        LensReviewUpdate {
            lens_notes: Some("Reviewed with the platform team".into()),
            pillar_notes: Some(SortedMap::from([(
                "security".into(),
                "pen test due".into(),
            )])),
            expected_revision: None,
        },
    ))
    .unwrap();
    block_on(ws.create_milestone(&a, "Before launch")).unwrap();
    let alias = block_on(ws.import_lens(LENS, ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    let publish = LensVersionInput {
        lens_version: Some("1.0".into()),
        is_major_version: None,
    };
    block_on(ws.create_lens_version(&alias, publish)).unwrap();
    block_on(ws.import_lens(
        LENS,
        ImportLensOptions {
            lens_alias: Some(alias.clone()),
        },
    ))
    .unwrap();
    (ws, a, b)
}

fn workload_body(ws: &Workspace<MemoryStore>, id: &str) -> Value {
    block_on(ws.store().get(&format!("workload/{id}")))
        .unwrap()
        .unwrap()
        .body
}

fn names(ws: &Workspace<MemoryStore>) -> Vec<String> {
    block_on(ws.list_workloads())
        .unwrap()
        .into_iter()
        .map(|w| w.workload_name)
        .collect()
}

fn is_corrupted<T: std::fmt::Debug>(result: Result<T, WorkspaceError>, record: &str) {
    match result {
        Err(e @ WorkspaceError::Storage(_)) => {
            assert_eq!(e.kind(), "Corrupted", "{e}");
            assert_eq!(e.record_id(), Some(record), "{e}");
        }
        other => panic!("expected Corrupted naming {record}, got {other:?}"),
    }
}

/// Each way a workload record can be damaged: the list, the dashboard and every page of the
/// other workload still work; the damaged one is reported, exportable, and deletable, and
/// its name is free again afterwards.
#[test]
fn a_damaged_workload_record_stays_local() {
    type Damage = Box<dyn Fn(Value) -> Value>;
    let mut bodies: Vec<(&str, Damage)> = vec![
        ("garbage", Box::new(|_| json!("%%garbage%%"))),
        ("null body", Box::new(|_| Value::Null)),
        ("wrong shape", Box::new(|_| json!({ "hello": "world" }))),
        (
            "riskCounts: lots",
            Box::new(|mut b| {
                b["riskCounts"] = json!("lots");
                b
            }),
        ),
    ];
    bodies.push(("wrong rev type", Box::new(|b| b)));
    for (case, make) in bodies {
        let (ws, a, b) = populated();
        let id = format!("workload/{a}");
        let body = make(workload_body(&ws, &a));
        if case == "wrong rev type" {
            ws.store()
                .insert_damaged(&id, json!({ "rev": 7, "body": body }));
        } else {
            overwrite(&ws, &id, body);
        }
        assert_eq!(names(&ws), vec!["Catalog"], "{case}");
        let dashboard = block_on(ws.dashboard(DashboardFilter::default())).unwrap();
        assert_eq!(dashboard.totals.workloads, 1, "{case}");
        assert_eq!(dashboard.damaged_workloads.len(), 1, "{case}");
        assert_eq!(dashboard.damaged_workloads[0].record_id, id, "{case}");
        let damaged = block_on(ws.damaged_records()).unwrap();
        assert_eq!(damaged.len(), 1, "{case}: {damaged:?}");
        assert_eq!(
            damaged[0].workload_id.as_deref(),
            Some(a.as_str()),
            "{case}"
        );
        assert_eq!(damaged[0].record_kind, "workload", "{case}");
        // The other workload's pages.
        block_on(ws.get_workload(&b)).unwrap();
        block_on(ws.get_lens_review(&b, WA, None)).unwrap();
        // The damaged one: reported by id, exported as stored, deleted.
        is_corrupted(block_on(ws.get_workload(&a)), &id);
        let raw: Value =
            serde_json::from_str(&block_on(ws.export_raw_workload(&a)).unwrap()).unwrap();
        let records = raw["records"].as_array().unwrap();
        assert!(records.iter().any(|r| r["id"] == json!(id)), "{case}");
        assert!(
            records.len() >= 4,
            "{case}: workload, review, answers, milestone"
        );
        block_on(ws.delete_workload(&a)).unwrap();
        assert!(block_on(ws.store().list_raw(&format!("answer/{a}/")))
            .unwrap()
            .is_empty());
        assert!(block_on(ws.damaged_records()).unwrap().is_empty(), "{case}");
        // The name can be used again.
        block_on(ws.define_workload(input("Checkout"))).unwrap();
        assert_eq!(names(&ws), vec!["Catalog", "Checkout"], "{case}");
    }
}

/// Derived figures that do not read are recomputed from the answers.
#[test]
fn repair_recomputes_derived_figures() {
    let (ws, a, _) = populated();
    let before = workload_body(&ws, &a);
    let mut body = before.clone();
    body["riskCounts"] = json!("lots");
    body["lensSummaries"] = json!(null);
    body["milestones"] = json!(42);
    overwrite(&ws, &format!("workload/{a}"), body);
    let report = block_on(ws.repair_workload(&a)).unwrap();
    assert!(report.removed.is_empty());
    let after = workload_body(&ws, &a);
    for field in [
        "riskCounts",
        "questionsAnswered",
        "questionCount",
        "lensSummaries",
        "milestones",
    ] {
        assert_eq!(after[field], before[field], "{field}");
    }
    assert_eq!(names(&ws), vec!["Catalog", "Checkout"]);
}

/// A damaged answer blocks only its own workload's review, which repair fixes by removing it.
#[test]
fn a_damaged_answer_is_removed_by_repair() {
    let (ws, a, b) = populated();
    let id = format!("answer/{a}/{WA}/priorities");
    overwrite(&ws, &id, json!({ "lensAlias": WA, "questionId": 12 }));
    is_corrupted(block_on(ws.get_lens_review(&a, WA, None)), &id);
    block_on(ws.get_lens_review(&b, WA, None)).unwrap();
    assert_eq!(names(&ws), vec!["Catalog", "Checkout"]);
    let report = block_on(ws.repair_workload(&a)).unwrap();
    assert_eq!(report.removed, vec![id]);
    let review = block_on(ws.get_lens_review(&a, WA, None)).unwrap();
    // `limits` is still answered (NONE); `priorities` is unanswered again.
    assert_eq!(review.risk_counts.none, 1);
    let summary = block_on(ws.list_workloads()).unwrap();
    let checkout = summary.iter().find(|w| w.workload_id == a).unwrap();
    assert_eq!(checkout.questions_answered, 1);
}

/// A damaged milestone, lens review notes and answer: the workload can still be deleted.
#[test]
fn every_kind_of_damaged_record_can_be_deleted_with_its_workload() {
    for record in [
        "milestone/{a}/001",
        "review/{a}/wellarchitected",
        "answer/{a}/wellarchitected/limits",
    ] {
        let (ws, a, _) = populated();
        let id = record.replace("{a}", &a);
        ws.store().insert_damaged(&id, json!("not a record"));
        let damaged = block_on(ws.damaged_records()).unwrap();
        assert_eq!(damaged.len(), 1, "{id}");
        assert_eq!(names(&ws), vec!["Catalog", "Checkout"], "{id}");
        block_on(ws.delete_workload(&a)).unwrap();
        assert_eq!(names(&ws), vec!["Catalog"], "{id}");
        assert!(block_on(ws.damaged_records()).unwrap().is_empty(), "{id}");
    }
}

/// A dangling record (answers of a workload that is gone) is deleted by deleting the workload.
#[test]
fn leftovers_of_a_missing_workload_can_be_deleted() {
    let (ws, a, _) = populated();
    remove(&ws, &format!("workload/{a}"));
    is_not_found(block_on(ws.get_lens_review(&a, WA, None)));
    block_on(ws.delete_workload(&a)).unwrap();
    assert!(block_on(ws.store().list_raw(&format!("answer/{a}/")))
        .unwrap()
        .is_empty());
    assert!(matches!(
        block_on(ws.delete_workload(&a)),
        Err(WorkspaceError::NotFound { .. })
    ));
}

fn is_not_found<T: std::fmt::Debug>(result: Result<T, WorkspaceError>) {
    assert!(
        matches!(result, Err(WorkspaceError::NotFound { .. })),
        "{result:?}"
    );
}

/// A damaged name claim is derived data: the name can be claimed again.
#[test]
fn a_damaged_name_claim_is_rebuilt() {
    let ws = workspace();
    ws.store()
        .insert_damaged("name/checkout", json!({ "rev": [], "body": 1 }));
    block_on(ws.define_workload(input("Checkout"))).unwrap();
    assert_eq!(names(&ws), vec!["Checkout"]);
    // …but a readable holder still holds its name.
    expect_validation(
        block_on(ws.define_workload(input("check out"))),
        "workloadName",
        "Checkout",
    );
}

/// A damaged custom lens is left out of the lens list and can be deleted.
#[test]
fn a_damaged_custom_lens_can_be_deleted() {
    let (ws, _, _) = populated();
    let lenses = block_on(ws.list_lenses()).unwrap();
    let alias = lenses.last().unwrap().lens_alias.clone();
    let count = lenses.len();
    let id = format!("customlens/{alias}");
    ws.store()
        .insert_damaged(&id, json!({ "rev": "1-x", "body": { "lensAlias": 3 } }));
    assert_eq!(block_on(ws.list_lenses()).unwrap().len(), count - 1);
    let damaged = block_on(ws.damaged_lenses()).unwrap();
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].record_id, id);
    assert_eq!(damaged[0].record_kind, "customLens");
    block_on(ws.delete_lens(&alias)).unwrap();
    assert!(block_on(ws.damaged_lenses()).unwrap().is_empty());
    assert!(
        block_on(ws.store().list_raw(&format!("customlensversion/{alias}/")))
            .unwrap()
            .is_empty()
    );
}

// ---- backup and restore ---------------------------------------------------------------------

/// The file without the line that changes with each export.
fn without_time(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v.as_object_mut().unwrap().remove("exportedAt");
    v
}

fn apply(on_conflict: Option<Resolution>) -> RestoreOptions {
    RestoreOptions {
        mode: RestoreMode::Apply,
        on_conflict,
        resolutions: SortedMap::new(),
    }
}

/// Bodies by id, without revisions (a restore writes new ones).
fn contents<S: Store>(store: &S) -> BTreeMap<String, Value> {
    dump(store)
        .into_iter()
        .filter(|d| d.id != "meta/plumbline")
        .map(|d| (d.id, d.body))
        .collect()
}

#[test]
fn backup_holds_everything_and_restores_exactly_into_an_empty_workspace() {
    let (ws, a, _) = populated();
    let text = block_on(ws.export_workspace()).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "plumbline-workspace-backup");
    assert_eq!(file["formatVersion"], 1);
    assert_eq!(file["workloads"].as_array().unwrap().len(), 2);
    let checkout = file["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["workload"]["workloadId"] == json!(a))
        .unwrap();
    assert_eq!(checkout["answers"].as_array().unwrap().len(), 2);
    assert_eq!(checkout["milestones"].as_array().unwrap().len(), 1);
    assert!(text.contains("talk to finance") && text.contains("pen test due"));
    let lens = &file["customLenses"][0];
    assert!(lens["draft"]["text"].is_string());
    assert_eq!(lens["versions"][0]["number"], 1);

    let fresh = workspace();
    let result = block_on(fresh.import_workspace(&text, apply(None))).unwrap();
    assert!(result.applied);
    assert!(
        result.items.iter().all(|i| i.status == "new"),
        "{:?}",
        result.items
    );
    let again = block_on(fresh.export_workspace()).unwrap();
    assert_eq!(without_time(&again), without_time(&text));
    assert_eq!(
        contents(fresh.store()),
        contents(ws.store()),
        "name claims rebuilt too"
    );
    // Restoring the same file again finds everything identical and changes nothing.
    let before = dump(fresh.store());
    let result = block_on(fresh.import_workspace(&text, apply(None))).unwrap();
    assert!(result.items.iter().all(|i| i.status == "identical"));
    assert_eq!(dump(fresh.store()), before);
}

#[test]
fn restore_into_a_changed_workspace_never_overwrites_silently() {
    let (ws, a, b) = populated();
    let text = block_on(ws.export_workspace()).unwrap();
    block_on(ws.update_answer(
        &a,
        WA,
        "priorities",
        select(&["pri_a", "pri_b", "pri_c"], "done"),
    ))
    .unwrap();
    let changed = contents(ws.store());

    let preview = block_on(ws.import_workspace(&text, RestoreOptions::default())).unwrap();
    assert!(!preview.applied);
    let conflicts: Vec<&str> = preview
        .items
        .iter()
        .filter(|i| i.status == "conflict")
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(conflicts, vec![a.as_str()]);
    assert_eq!(contents(ws.store()), changed, "a preview writes nothing");

    expect_validation(
        block_on(ws.import_workspace(&text, apply(None))),
        "onConflict",
        "Checkout",
    );
    assert_eq!(contents(ws.store()), changed, "no choice, no change");

    block_on(ws.import_workspace(&text, apply(Some(Resolution::KeepMine)))).unwrap();
    assert_eq!(contents(ws.store()), changed);

    let both = block_on(ws.import_workspace(&text, apply(Some(Resolution::KeepBoth)))).unwrap();
    let copy = both.items.iter().find(|i| i.id == a).unwrap();
    assert_eq!(copy.copy_name.as_deref(), Some("Checkout (restored)"));
    assert_eq!(
        names(&ws),
        vec!["Catalog", "Checkout", "Checkout (restored)"]
    );
    let copy_id = copy.copy_id.clone().unwrap();
    let restored = block_on(ws.get_answer(&copy_id, WA, "priorities", None)).unwrap();
    assert_eq!(restored.notes.as_deref(), Some("talk to finance"));
    assert_eq!(block_on(ws.list_milestones(&copy_id)).unwrap().len(), 1);

    let mut take = apply(None);
    take.resolutions.insert(a.clone(), Resolution::TakeBackup);
    take.resolutions
        .insert(copy_id.clone(), Resolution::KeepMine);
    block_on(ws.import_workspace(&text, take)).unwrap();
    let answer = block_on(ws.get_answer(&a, WA, "priorities", None)).unwrap();
    assert_eq!(answer.notes.as_deref(), Some("talk to finance"));
    block_on(ws.get_lens_review(&b, WA, None)).unwrap();
}

#[test]
fn a_damaged_or_foreign_file_is_refused_with_the_path_of_the_first_problem() {
    let (ws, _, _) = populated();
    let good: Value = serde_json::from_str(&block_on(ws.export_workspace()).unwrap()).unwrap();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    // A record that does not read is named as a whole; the message names the field.
    let cases: Vec<(String, &str)> = vec![
        ("not json".into(), "$"),
        (r#"{"AnswerSummaries": []}"#.into(), "$.format"),
        (edit(&|v| v["formatVersion"] = json!(2)), "$.formatVersion"),
        (
            edit(&|v| v["workloads"][0]["answers"][0]["selectedChoices"] = json!("all")),
            "$.workloads[0].answers[0]",
        ),
        (
            edit(&|v| v["workloads"][1]["workload"]["riskCounts"] = json!("lots")),
            "$.workloads[1].workload",
        ),
        (
            edit(&|v| v["workloads"][0]["workload"]["workloadId"] = json!("../etc")),
            "$.workloads[0].workload.workloadId",
        ),
        (
            edit(&|v| {
                let w = v["workloads"][0].clone();
                v["workloads"].as_array_mut().unwrap().push(w);
            }),
            "$.workloads[2].workload.workloadId",
        ),
        (
            edit(&|v| v["customLenses"][0]["lens"]["lensAlias"] = json!("x/y")),
            "$.customLenses[0].lens.lensAlias",
        ),
        (edit(&|v| v["surprise"] = json!(1)), "$.surprise"),
    ];
    let fresh = workspace();
    for (text, path) in cases {
        match block_on(fresh.import_workspace(&text, apply(Some(Resolution::TakeBackup)))) {
            Err(e @ WorkspaceError::FileInvalid { .. }) => {
                assert_eq!(e.path(), Some(path), "{e}");
                assert_eq!(e.kind(), "Validation");
            }
            other => panic!("{path}: expected FileInvalid, got {other:?}"),
        }
        assert!(names(&fresh).is_empty(), "{path}: nothing written");
    }
}

/// Damaged records go into the backup as stored, and are not written back by a restore.
#[test]
fn damaged_records_are_kept_in_the_backup_but_not_restored() {
    let (ws, a, _) = populated();
    let id = format!("answer/{a}/{WA}/limits");
    ws.store()
        .insert_damaged(&id, json!({ "rev": 1, "body": "?" }));
    let text = block_on(ws.export_workspace()).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["damaged"][0]["recordId"], json!(id));
    assert_eq!(
        file["damaged"][0]["stored"],
        json!({ "rev": 1, "body": "?" })
    );
    let fresh = workspace();
    let result = block_on(fresh.import_workspace(&text, apply(None))).unwrap();
    assert_eq!(result.damaged_skipped, 1);
    assert!(block_on(fresh.damaged_records()).unwrap().is_empty());
}
