//! Custom lenses in the workspace: import (drafts keep their errors), publish versions, list,
//! export, delete, and reviews with a published version — answers, risk, plan, milestones,
//! dashboard, compare — that later versions do not change.

use crate::workspace_support::*;
use plumbline::catalog::LensType;
use plumbline::review::{PlanOptions, Risk};
use plumbline::workload::{
    AnswerUpdate, CompareRequest, ImportLensOptions, LensVersionInput, WorkspaceError,
};

const LENS: &str = include_str!("../fixtures/review-lens.json");

/// The fixture lens with an unknown choice id in a rule: one error.
fn broken() -> String {
    LENS.replacen(
        "backups_automated && backups_tested && backups_offsite",
        "backups_automated && backups_unknown",
        1,
    )
}

/// The fixture lens without its `scaling` question and with a new name: a second version.
fn second_version() -> String {
    let mut lens: serde_json::Value = serde_json::from_str(LENS).unwrap();
    lens["name"] = "Plumbline test lens v2".into();
    let questions = lens["pillars"][0]["questions"].as_array_mut().unwrap();
    questions.retain(|q| q["id"] != "scaling");
    serde_json::to_string_pretty(&lens).unwrap()
}

fn version(name: &str) -> LensVersionInput {
    LensVersionInput {
        lens_version: Some(name.to_string()),
        is_major_version: None,
    }
}

fn replace(alias: &str) -> ImportLensOptions {
    ImportLensOptions {
        lens_alias: Some(alias.to_string()),
    }
}

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

/// A workspace with the fixture lens published as `1.0`; returns its alias.
fn published<S: plumbline::store::Store>(ws: &plumbline::workload::Workspace<S>) -> String {
    let alias = block_on(ws.import_lens(LENS, ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    block_on(ws.create_lens_version(&alias, version("1.0"))).unwrap();
    alias
}

#[test]
fn a_lens_with_errors_is_kept_as_a_draft_with_its_diagnostics() {
    let ws = workspace();
    let imported = block_on(ws.import_lens(&broken(), ImportLensOptions::default())).unwrap();
    assert_eq!(imported.status, "DRAFT");
    assert_eq!(imported.lens_alias.len(), 32);
    assert!(imported.lens_arn.ends_with(&imported.lens_alias));
    assert_eq!(imported.lens_name, "Plumbline test lens");
    let error = imported.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert!(error.path.contains("riskRules"), "{error:?}");

    let listed = block_on(ws.list_lenses()).unwrap();
    let mine = listed
        .iter()
        .find(|l| l.lens_alias == imported.lens_alias)
        .unwrap();
    assert_eq!(mine.lens_type, LensType::CustomSelf);
    assert_eq!(mine.lens_status.as_deref(), Some("DRAFT"));
    assert_eq!(mine.lens_version, "");
    assert_eq!(mine.draft_error_count, Some(1));
    assert_eq!(
        listed[0].lens_alias, "wellarchitected",
        "shipped lenses first"
    );

    let detail = block_on(ws.get_custom_lens(&imported.lens_alias)).unwrap();
    assert_eq!(detail.diagnostics, imported.diagnostics);
    assert!(detail.versions.is_empty());

    // A draft can be neither applied nor opened as a lens.
    let mut with_draft = input("Uses a draft");
    with_draft.lenses = Some(vec![imported.lens_alias.clone()]);
    expect_validation(block_on(ws.define_workload(with_draft)), "lenses", "draft");
    expect_validation(
        block_on(ws.get_lens(&imported.lens_alias, None)),
        "lensAlias",
        "publish a version",
    );
}

#[test]
fn publishing_a_draft_with_errors_is_refused_and_changes_nothing() {
    let ws = workspace();
    let alias = block_on(ws.import_lens(&broken(), ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    let before = dump(ws.store());
    match block_on(ws.create_lens_version(&alias, version("1.0"))) {
        Err(e @ WorkspaceError::LensInvalid { .. }) => {
            assert_eq!(e.kind(), "LensInvalid");
            assert!(e.to_string().contains("cannot be published"), "{e}");
            assert!(e.diagnostics().unwrap().iter().any(|d| d.is_error()));
        }
        other => panic!("expected LensInvalid, got {other:?}"),
    }
    assert_eq!(dump(ws.store()), before);
}

#[test]
fn a_fixed_draft_is_published_and_becomes_the_latest_version() {
    let ws = workspace();
    let alias = block_on(ws.import_lens(&broken(), ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    let fixed = block_on(ws.import_lens(LENS, replace(&alias))).unwrap();
    assert_eq!(
        fixed.lens_alias, alias,
        "the draft is replaced, not a new lens"
    );
    assert!(fixed.diagnostics.iter().all(|d| !d.is_error()));
    // The ARN names the same lens.
    let arn = fixed.lens_arn.clone();
    block_on(ws.import_lens(LENS, replace(&arn))).unwrap();

    let v = block_on(ws.create_lens_version(&alias, version("1.0"))).unwrap();
    assert_eq!(v.lens_version, "1.0");
    assert_eq!(v.question_count, 5);
    assert!(!v.is_major_version);
    let listed = block_on(ws.list_lenses()).unwrap();
    let mine = listed.iter().find(|l| l.lens_alias == alias).unwrap();
    assert_eq!(mine.lens_status.as_deref(), Some("PUBLISHED"));
    assert_eq!(mine.lens_version, "1.0");
    assert_eq!(
        listed.iter().filter(|l| l.lens_alias == alias).count(),
        1,
        "one line per lens"
    );

    // A new draft does not change the published version.
    block_on(ws.import_lens(&broken(), replace(&alias))).unwrap();
    let lens = block_on(ws.get_lens(&alias, None)).unwrap();
    assert_eq!(lens.version, "1.0");
    assert_eq!(lens.lens_type, LensType::CustomSelf);
    assert_eq!(lens.question_count(), 5);
}

#[test]
fn version_names_follow_the_aws_rules() {
    let ws = workspace();
    let alias = published(&ws);
    expect_validation(
        block_on(ws.create_lens_version(&alias, version(""))),
        "lensVersion",
        "required",
    );
    expect_validation(
        block_on(ws.create_lens_version(&alias, version(&"9".repeat(33)))),
        "lensVersion",
        "at most 32",
    );
    expect_validation(
        block_on(ws.create_lens_version(&alias, version("1.0"))),
        "lensVersion",
        "already published",
    );
    block_on(ws.create_lens_version(&alias, version(&"9".repeat(32)))).unwrap();
    for n in 3..=100 {
        block_on(ws.create_lens_version(&alias, version(&format!("v{n}")))).unwrap();
    }
    expect_validation(
        block_on(ws.create_lens_version(&alias, version("v101"))),
        "lensVersion",
        "at most 100 versions",
    );
    assert_eq!(
        block_on(ws.get_custom_lens(&alias)).unwrap().versions.len(),
        100
    );
}

#[test]
fn shipped_and_unknown_lenses_cannot_be_changed() {
    let ws = workspace();
    expect_validation(
        block_on(ws.import_lens(LENS, replace("wellarchitected"))),
        "lensAlias",
        "shipped",
    );
    expect_validation(
        block_on(ws.export_lens("serverless", None)),
        "lensAlias",
        "shipped",
    );
    let missing = "0123456789abcdef0123456789abcdef";
    match block_on(ws.import_lens(LENS, replace(missing))) {
        Err(WorkspaceError::NotFound { .. }) => {}
        other => panic!("expected NotFound, got {other:?}"),
    }
    expect_validation(
        block_on(ws.import_lens(&" ".repeat(500_001), ImportLensOptions::default())),
        "text",
        "500000",
    );
}

#[test]
fn a_published_lens_reviews_a_workload_like_a_shipped_one() {
    let ws = workspace();
    let alias = published(&ws);
    let mut with_lens = input("Custom reviewed");
    with_lens.lenses = Some(vec![alias.clone()]);
    let id = block_on(ws.define_workload(with_lens)).unwrap().workload_id;

    let answer =
        block_on(ws.update_answer(&id, &alias, "backups", select(&["backups_no"]))).unwrap();
    assert_eq!(answer.risk, Risk::High);
    let answer =
        block_on(ws.update_answer(&id, &alias, "scaling", select(&["scaling_auto"]))).unwrap();
    assert_eq!(answer.risk, Risk::Medium);
    expect_validation(
        block_on(ws.update_answer(&id, &alias, "nope", select(&[]))),
        "questionId",
        "not a question",
    );

    let review = block_on(ws.get_lens_review(&id, &alias, None)).unwrap();
    assert_eq!(review.lens_version, "1.0");
    assert_eq!(review.lens_name, "Plumbline test lens");
    assert_eq!(review.risk_counts.high, 1);
    assert_eq!(review.risk_counts.medium, 1);
    assert_eq!(review.risk_counts.unanswered, 3);
    assert!(review.lens_arn.contains(":local:"));

    let answers = block_on(ws.list_answers(&id, &alias, None)).unwrap();
    assert_eq!(answers.len(), 5);
    let plan = block_on(ws.improvement_plan(&id, &alias, PlanOptions::default(), None)).unwrap();
    assert_eq!(plan[0].question_id, "backups");
    assert_eq!(plan[1].question_id, "scaling");

    let workload = block_on(ws.get_workload(&id)).unwrap();
    assert_eq!(
        workload.risk_counts.high, 1,
        "the framework lens adds no risk yet"
    );
    let dashboard = block_on(ws.dashboard(Default::default())).unwrap();
    assert_eq!(dashboard.totals.high_risks, 1);
    assert!(dashboard
        .improvements
        .iter()
        .any(|i| i.lens_alias == alias && i.question_id == "backups"));
}

#[test]
fn a_milestone_keeps_the_version_it_froze_when_a_new_one_is_published() {
    let ws = workspace();
    let alias = published(&ws);
    let id = block_on(ws.define_workload(input("Frozen version")))
        .unwrap()
        .workload_id;
    let workload = block_on(ws.associate_lenses(&id, std::slice::from_ref(&alias))).unwrap();
    assert!(workload.lenses.contains(&alias));
    block_on(ws.update_answer(&id, &alias, "scaling", select(&["scaling_no"]))).unwrap();
    block_on(ws.create_milestone(&id, "Before version 2")).unwrap();

    block_on(ws.import_lens(&second_version(), replace(&alias))).unwrap();
    block_on(ws.create_lens_version(&alias, version("2.0"))).unwrap();
    assert_eq!(block_on(ws.get_lens(&alias, None)).unwrap().version, "2.0");
    assert_eq!(
        block_on(ws.get_lens(&alias, Some("1.0")))
            .unwrap()
            .question_count(),
        5
    );

    // The workload still uses 1.0 (no upgrade yet), and so does its milestone.
    let now = block_on(ws.get_lens_review(&id, &alias, None)).unwrap();
    assert_eq!(now.lens_version, "1.0");
    assert_eq!(now.question_count, 5);
    let frozen = block_on(ws.get_lens_review(&id, &alias, Some(1))).unwrap();
    assert_eq!(frozen.lens_version, "1.0");
    assert_eq!(frozen.risk_counts.high, 1);
    let milestone = block_on(ws.get_milestone(&id, 1)).unwrap();
    assert!(milestone
        .answers
        .iter()
        .any(|a| a.lens_alias == alias && a.question_id == "scaling"));
    let compared = block_on(ws.compare_milestones(&id, CompareRequest::default())).unwrap();
    assert!(compared.lenses.iter().any(|l| l.lens_alias == alias));

    // A workload defined now gets 2.0.
    let mut later = input("Later workload");
    later.lenses = Some(vec![alias.clone()]);
    let later = block_on(ws.define_workload(later)).unwrap().workload_id;
    let review = block_on(ws.get_lens_review(&later, &alias, None)).unwrap();
    assert_eq!(review.lens_version, "2.0");
    assert_eq!(review.question_count, 4);
    assert_eq!(review.lens_name, "Plumbline test lens v2");
}

#[test]
fn a_lens_in_use_cannot_be_deleted() {
    let ws = workspace();
    let alias = published(&ws);
    let mut with_lens = input("Holds the lens");
    with_lens.lenses = Some(vec![alias.clone()]);
    let id = block_on(ws.define_workload(with_lens)).unwrap().workload_id;

    let refused = |ws: &plumbline::workload::Workspace<_>| match block_on(ws.delete_lens(&alias)) {
        Err(e @ WorkspaceError::Conflict { .. }) => {
            assert!(e.to_string().contains("`Holds the lens`"), "{e}");
        }
        other => panic!("expected Conflict, got {other:?}"),
    };
    refused(&ws);
    // Removed from the workload, its answers are kept for re-association: still in use.
    block_on(ws.disassociate_lenses(&id, std::slice::from_ref(&alias))).unwrap();
    refused(&ws);

    block_on(ws.delete_workload(&id)).unwrap();
    block_on(ws.delete_lens(&alias)).unwrap();
    assert!(!block_on(ws.list_lenses())
        .unwrap()
        .iter()
        .any(|l| l.lens_alias == alias));
    assert!(
        dump(ws.store()).iter().all(|d| !d.id.contains(&alias)),
        "the draft and every version are gone"
    );
    expect_validation(
        block_on(ws.get_lens(&alias, None)),
        "lensAlias",
        "not a known lens",
    );
    match block_on(ws.delete_lens(&alias)) {
        Err(WorkspaceError::NotFound { .. }) => {}
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn export_gives_back_the_text_that_was_imported() {
    let ws = workspace();
    let alias = published(&ws);
    block_on(ws.import_lens(&second_version(), replace(&alias))).unwrap();
    assert_eq!(block_on(ws.export_lens(&alias, Some("1.0"))).unwrap(), LENS);
    let draft = block_on(ws.export_lens(&alias, None)).unwrap();
    assert_eq!(draft, second_version());
    expect_validation(
        block_on(ws.export_lens(&alias, Some("3.0"))),
        "lensVersion",
        "no version",
    );
    // Round trip: the exported text imports as a new lens without errors.
    let again = block_on(ws.import_lens(&draft, ImportLensOptions::default())).unwrap();
    assert_ne!(again.lens_alias, alias);
    assert!(again.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_failed_commit_changes_nothing() {
    let ws = open(FailingStore::default());
    let alias = published(&ws);
    let before = dump(&ws.store().inner);
    ws.store().fail.set(true);
    let quota = |r: Result<_, WorkspaceError>| match r {
        Err(e) => assert_eq!(e.kind(), "QuotaExceeded"),
        Ok(v) => panic!("expected a failure, got {v:?}"),
    };
    quota(block_on(ws.import_lens(LENS, ImportLensOptions::default())).map(|_| ()));
    quota(block_on(ws.import_lens(&second_version(), replace(&alias))).map(|_| ()));
    quota(block_on(ws.create_lens_version(&alias, version("2.0"))).map(|_| ()));
    quota(block_on(ws.delete_lens(&alias)));
    assert_eq!(dump(&ws.store().inner), before);
    ws.store().fail.set(false);
    assert_eq!(block_on(ws.get_lens(&alias, None)).unwrap().version, "1.0");
}

#[test]
fn a_reopened_workspace_reads_the_lenses_back() {
    let ws = workspace();
    let alias = published(&ws);
    let ws = open(ws.into_store());
    assert_eq!(block_on(ws.get_lens(&alias, None)).unwrap().version, "1.0");
}

/// Version 2 for the upgrade: `scaling` removed, `backups` loses `backups_offsite` (its rules
/// change with it) and gets a new title.
fn upgrade_version() -> String {
    let mut lens: serde_json::Value = serde_json::from_str(LENS).unwrap();
    let questions = lens["pillars"][0]["questions"].as_array_mut().unwrap();
    questions.retain(|q| q["id"] != "scaling");
    let backups = &mut questions[0];
    backups["title"] = "How do you back up and restore data?".into();
    backups["choices"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["id"] != "backups_offsite");
    backups["riskRules"] = serde_json::json!([
        {"condition": "backups_automated && backups_tested", "risk": "NO_RISK"},
        {"condition": "backups_tested", "risk": "MEDIUM_RISK"},
        {"condition": "default", "risk": "HIGH_RISK"}
    ]);
    serde_json::to_string_pretty(&lens).unwrap()
}

/// A workload on 1.0 with three answers (backups MEDIUM, scaling HIGH, access HIGH), a
/// milestone, and 2.0 published; returns (alias, workload id).
fn on_old_version<S: plumbline::store::Store>(
    ws: &plumbline::workload::Workspace<S>,
) -> (String, String) {
    let alias = published(ws);
    let mut with_lens = input("Upgraded workload");
    with_lens.lenses = Some(vec![alias.clone()]);
    let id = block_on(ws.define_workload(with_lens)).unwrap().workload_id;
    let backups = select(&["backups_automated", "backups_offsite"]);
    assert_eq!(
        block_on(ws.update_answer(&id, &alias, "backups", backups))
            .unwrap()
            .risk,
        Risk::Medium
    );
    block_on(ws.update_answer(&id, &alias, "scaling", select(&["scaling_no"]))).unwrap();
    block_on(ws.update_answer(&id, &alias, "access", select(&["access_mfa"]))).unwrap();
    block_on(ws.create_milestone(&id, "On version 1")).unwrap();
    block_on(ws.import_lens(&upgrade_version(), replace(&alias))).unwrap();
    block_on(ws.create_lens_version(&alias, version("2.0"))).unwrap();
    (alias, id)
}

#[test]
fn upgrading_moves_the_review_to_the_latest_version_and_recounts() {
    let ws = workspace();
    let (alias, id) = on_old_version(&ws);

    let before = block_on(ws.get_lens_review(&id, &alias, None)).unwrap();
    assert_eq!(before.lens_version, "1.0");
    assert_eq!(before.latest_lens_version, "2.0");
    assert_eq!((before.risk_counts.high, before.risk_counts.medium), (2, 1));

    let after = block_on(ws.upgrade_lens_review(&id, &alias)).unwrap();
    assert_eq!(after.lens_version, "2.0");
    assert_eq!(after.latest_lens_version, "2.0");
    assert_eq!(after.question_count, 4);
    // backups: automated kept, offsite (gone) dropped → HIGH under 2.0's rules; scaling
    // (gone) no longer counts; access unchanged.
    assert_eq!((after.risk_counts.high, after.risk_counts.medium), (2, 0));
    assert_eq!(after.questions_answered, 2);
    assert_eq!(
        after,
        block_on(ws.get_lens_review(&id, &alias, None)).unwrap()
    );

    let backups = block_on(ws.get_answer(&id, &alias, "backups", None)).unwrap();
    assert_eq!(backups.selected_choices, strings(&["backups_automated"]));
    assert_eq!(
        backups.question_title,
        "How do you back up and restore data?"
    );
    assert_eq!(backups.risk, Risk::High);
    let access = block_on(ws.get_answer(&id, &alias, "access", None)).unwrap();
    assert_eq!(access.selected_choices, strings(&["access_mfa"]));
    // The removed question's answer is kept in storage but is not part of the review.
    expect_validation(
        block_on(ws.get_answer(&id, &alias, "scaling", None)),
        "questionId",
        "not a question",
    );
    assert!(dump(ws.store())
        .iter()
        .any(|d| d.id.ends_with("/scaling") && d.id.starts_with("answer/")));
    assert_eq!(
        block_on(ws.list_answers(&id, &alias, None)).unwrap().len(),
        4
    );
    let plan = block_on(ws.improvement_plan(&id, &alias, PlanOptions::default(), None)).unwrap();
    assert!(plan.iter().all(|i| i.question_id != "scaling"));

    // The stored counts that the workload list and the dashboard read.
    let workload = block_on(ws.get_workload(&id)).unwrap();
    assert_eq!(
        (workload.risk_counts.high, workload.risk_counts.medium),
        (2, 0)
    );
    let listed = block_on(ws.list_workloads()).unwrap();
    let row = listed.iter().find(|w| w.workload_id == id).unwrap();
    assert_eq!((row.risk_counts.high, row.risk_counts.medium), (2, 0));
    let dashboard = block_on(ws.dashboard(Default::default())).unwrap();
    assert_eq!(dashboard.totals.high_risks, 2);
    assert_eq!(dashboard.totals.medium_risks, 0);
    assert!(dashboard
        .improvements
        .iter()
        .all(|i| i.question_id != "scaling"));

    // The milestone keeps 1.0, its answers and its counts.
    let frozen = block_on(ws.get_lens_review(&id, &alias, Some(1))).unwrap();
    assert_eq!(frozen.lens_version, "1.0");
    assert_eq!(frozen.latest_lens_version, "2.0");
    assert_eq!(frozen.question_count, 5);
    assert_eq!((frozen.risk_counts.high, frozen.risk_counts.medium), (2, 1));
    let old = block_on(ws.get_answer(&id, &alias, "backups", Some(1))).unwrap();
    assert_eq!(
        old.selected_choices,
        strings(&["backups_automated", "backups_offsite"])
    );
    // Compare reads the milestone at 1.0 against the current state at 2.0.
    block_on(ws.compare_milestones(&id, CompareRequest::default())).unwrap();
}

#[test]
fn upgrading_a_shipped_lens_or_the_latest_version_is_refused_and_writes_nothing() {
    let ws = workspace();
    let (alias, id) = on_old_version(&ws);
    let before = dump(ws.store());
    expect_validation(
        block_on(ws.upgrade_lens_review(&id, "wellarchitected")),
        "lensAlias",
        "shipped",
    );
    expect_validation(
        block_on(ws.upgrade_lens_review(&id, "nope")),
        "lensAlias",
        "not a known lens",
    );
    assert_eq!(dump(ws.store()), before);

    block_on(ws.upgrade_lens_review(&id, &alias)).unwrap();
    let upgraded = dump(ws.store());
    expect_validation(
        block_on(ws.upgrade_lens_review(&id, &alias)),
        "lensAlias",
        "already uses version `2.0`",
    );
    assert_eq!(dump(ws.store()), upgraded);
    // A workload defined after 2.0 is on the latest already.
    let mut later = input("Later workload");
    later.lenses = Some(vec![alias.clone()]);
    let later = block_on(ws.define_workload(later)).unwrap().workload_id;
    expect_validation(
        block_on(ws.upgrade_lens_review(&later, &alias)),
        "lensAlias",
        "latest",
    );
}

#[test]
fn a_failed_upgrade_changes_nothing() {
    let ws = open(FailingStore::default());
    let (alias, id) = on_old_version(&ws);
    let before = dump(&ws.store().inner);
    ws.store().fail.set(true);
    match block_on(ws.upgrade_lens_review(&id, &alias)) {
        Err(e) => assert_eq!(e.kind(), "QuotaExceeded"),
        Ok(v) => panic!("expected a failure, got {v:?}"),
    }
    assert_eq!(dump(&ws.store().inner), before);
    ws.store().fail.set(false);
    let review = block_on(ws.get_lens_review(&id, &alias, None)).unwrap();
    assert_eq!(review.lens_version, "1.0");
    assert_eq!(
        block_on(ws.upgrade_lens_review(&id, &alias))
            .unwrap()
            .lens_version,
        "2.0"
    );
}
