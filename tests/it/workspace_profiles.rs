//! Profiles: the shipped questionnaire file, create/update/delete with AWS's limits and
//! versions, a workload's one profile and the questions it prioritises, and the notifications
//! (newer custom lens version, changed profile, deleted profile) with their dismissals.

use plumbline::sorted_map::SortedMap;

use crate::workspace_support::*;
use plumbline::workload::profile::{questionnaire, ProfileAnswer, ProfileInput};
use plumbline::workload::{ImportLensOptions, LensVersionInput, WorkspaceError};

fn answers(pairs: &[(&str, &[&str])]) -> Vec<ProfileAnswer> {
    pairs
        .iter()
        .map(|(q, c)| ProfileAnswer {
            question_id: q.to_string(),
            selected_choice_ids: strings(c),
        })
        .collect()
}

/// A complete set of answers: payments data and a new team (→ `priorities`, `ops-model`,
/// `securely-operate` among the test framework's questions).
fn full(data: &[&str]) -> Vec<ProfileAnswer> {
    answers(&[
        ("time-to-market", &["ttm-relaxed"]),
        ("cost-pressure", &["cost-open"]),
        ("regulated-data", data),
        ("availability-target", &["avail-days"]),
        ("team-maturity", &["team-seasoned"]),
    ])
}

fn profile(name: &str, data: &[&str]) -> ProfileInput {
    ProfileInput {
        profile_name: Some(name.to_string()),
        profile_description: Some("Online shop, card payments".to_string()),
        profile_questions: Some(full(data)),
        tags: None,
    }
}

#[test]
fn the_shipped_questionnaire_names_only_framework_questions_and_unique_choices() {
    let framework = plumbline::catalog::find("wellarchitected").expect("shipped");
    let known: Vec<&str> = framework
        .lens
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| q.id.as_str())
        .collect();
    let template = questionnaire::template();
    let mut choices = Vec::new();
    for q in template["questions"].as_array().unwrap() {
        for c in q["choices"].as_array().unwrap() {
            choices.push(c["choiceId"].as_str().unwrap().to_string());
            for id in c["prioritizes"].as_array().unwrap() {
                let id = id.as_str().unwrap();
                assert!(known.contains(&id), "`{id}` is not a framework question");
            }
        }
    }
    let mut unique = choices.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        choices.len(),
        "choice ids repeat: {choices:?}"
    );
    assert_eq!(questionnaire::choice_ids().count(), choices.len());
}

#[test]
fn a_profile_is_created_validated_and_versioned() {
    let ws = workspace();
    let p = block_on(ws.create_profile(profile("Payments", &["data-payments"]))).unwrap();
    assert_eq!(p.profile_version, 1);
    assert_eq!(p.profile_id.len(), 32);
    let mut changed = profile("Payments", &["data-personal"]);
    changed.tags = Some(SortedMap::from([("team".into(), "checkout".into())]));
    let q = block_on(ws.update_profile(&p.profile_id, changed)).unwrap();
    assert_eq!(q.profile_version, 2);
    assert_eq!(q.tags["team"], "checkout");
    assert_eq!(block_on(ws.get_profile(&p.profile_id)).unwrap(), q);
    assert_eq!(block_on(ws.list_profiles()).unwrap(), vec![q]);

    expect_validation(
        block_on(ws.create_profile(profile("pa  YMENTS", &[]))),
        "profileName",
        "already named",
    );
    expect_validation(
        block_on(ws.create_profile(profile("ab", &[]))),
        "profileName",
        "3 to 100",
    );
    let mut short = profile("Short", &[]);
    short.profile_description = Some("ok".into());
    expect_validation(
        block_on(ws.create_profile(short)),
        "profileDescription",
        "3 to 250",
    );
    let mut unknown = profile("Unknown", &[]);
    unknown.profile_questions = Some(answers(&[("mood", &["happy"])]));
    expect_validation(
        block_on(ws.create_profile(unknown)),
        "profileQuestions",
        "`mood`",
    );
    let mut two = profile("Two", &[]);
    two.profile_questions.as_mut().unwrap()[0].selected_choice_ids =
        strings(&["ttm-critical", "ttm-relaxed"]);
    expect_validation(
        block_on(ws.create_profile(two)),
        "profileQuestions",
        "1 to 1",
    );
    let mut tagged = profile("Tagged", &[]);
    tagged.tags = Some(SortedMap::from([("aws:x".into(), "y".into())]));
    expect_validation(block_on(ws.create_profile(tagged)), "tags", "reserved");
    let mut renamed = profile("Other", &[]);
    renamed.profile_name = Some("Other".into());
    expect_validation(
        block_on(ws.update_profile(&p.profile_id, renamed)),
        "profileName",
        "cannot be changed",
    );
}

#[test]
fn a_workload_profile_prioritises_questions_until_upgraded() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Shop"))).unwrap();
    let p = block_on(ws.create_profile(profile("Payments", &["data-payments"]))).unwrap();
    let none = block_on(ws.prioritized_questions(&w.workload_id)).unwrap();
    assert!(none.profile.is_none());
    assert!(none.questions["wellarchitected"].is_empty());

    let linked = block_on(ws.associate_profile(&w.workload_id, &p.profile_id)).unwrap();
    assert_eq!(linked.profile.as_ref().unwrap().profile_version, 1);
    let got = block_on(ws.prioritized_questions(&w.workload_id)).unwrap();
    assert_eq!(got.questions["wellarchitected"], strings(&["priorities"]));

    // A change waits for the upgrade: the workload keeps version 1's priorities.
    block_on(ws.update_profile(&p.profile_id, profile("Payments", &["data-health"]))).unwrap();
    let still = block_on(ws.prioritized_questions(&w.workload_id)).unwrap();
    assert_eq!(still.questions["wellarchitected"], strings(&["priorities"]));
    let notes = block_on(ws.list_notifications()).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].notification_type, "PROFILE_ANSWERS_UPDATED");
    assert_eq!(
        (
            notes[0].current_version.as_str(),
            notes[0].latest_version.as_str()
        ),
        ("1", "2")
    );

    let up =
        block_on(ws.upgrade_profile_version(&w.workload_id, Some("Before profile v2"))).unwrap();
    assert_eq!(up.profile.as_ref().unwrap().profile_version, 2);
    let after = block_on(ws.prioritized_questions(&w.workload_id)).unwrap();
    assert_eq!(
        after.questions["wellarchitected"],
        strings(&["securely-operate"])
    );
    let milestones = block_on(ws.list_milestones(&w.workload_id)).unwrap();
    assert_eq!(milestones[0].milestone_name, "Before profile v2");
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());
    expect_validation(
        block_on(ws.upgrade_profile_version(&w.workload_id, None)),
        "profileId",
        "already uses version 2",
    );

    let cleared = block_on(ws.disassociate_profile(&w.workload_id)).unwrap();
    assert!(cleared.profile.is_none());
}

#[test]
fn deleting_a_profile_keeps_the_workloads_priorities_and_says_which() {
    let ws = workspace();
    let a = block_on(ws.define_workload(input("Shop"))).unwrap();
    let b = block_on(ws.define_workload(input("Blog"))).unwrap();
    let p = block_on(ws.create_profile(profile("Payments", &["data-payments"]))).unwrap();
    block_on(ws.associate_profile(&a.workload_id, &p.profile_id)).unwrap();
    let names = block_on(ws.delete_profile(&p.profile_id)).unwrap();
    assert_eq!(names, strings(&["Shop"]));
    assert!(matches!(
        block_on(ws.get_profile(&p.profile_id)),
        Err(WorkspaceError::NotFound { .. })
    ));
    let kept = block_on(ws.prioritized_questions(&a.workload_id)).unwrap();
    assert!(kept.profile.as_ref().unwrap().deleted);
    assert_eq!(kept.questions["wellarchitected"], strings(&["priorities"]));
    assert!(block_on(ws.get_workload(&b.workload_id))
        .unwrap()
        .profile
        .is_none());

    let notes = block_on(ws.list_notifications()).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].notification_type, "PROFILE_DELETED");
    assert_eq!(notes[0].workload_name, "Shop");
    block_on(ws.dismiss_notification(&notes[0].dismiss_key)).unwrap();
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());
    expect_validation(
        block_on(ws.dismiss_notification("nonsense")),
        "dismissKey",
        "listNotifications",
    );
}

const LENS: &str = include_str!("../fixtures/review-lens.json");

/// A workload whose profile this workspace does not hold (it came by team sync: profiles stay
/// in the browser that made them) keeps its priorities and raises no "deleted" notification.
#[test]
fn a_profile_kept_elsewhere_is_not_a_deleted_one() {
    let ws = workspace();
    let a = block_on(ws.define_workload(input("Shop"))).unwrap();
    let p = block_on(ws.create_profile(profile("Payments", &["data-payments"]))).unwrap();
    block_on(ws.associate_profile(&a.workload_id, &p.profile_id)).unwrap();
    remove(&ws, &format!("profile/{}", p.profile_id));
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());
    let kept = block_on(ws.prioritized_questions(&a.workload_id)).unwrap();
    assert!(!kept.profile.as_ref().unwrap().deleted);
    assert_eq!(kept.questions["wellarchitected"], strings(&["priorities"]));
}

#[test]
fn a_newer_custom_lens_version_is_a_notification_until_upgraded_or_dismissed() {
    let ws = workspace();
    let alias = block_on(ws.import_lens(LENS, ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    let publish = |name: &str| LensVersionInput {
        lens_version: Some(name.to_string()),
        is_major_version: None,
    };
    block_on(ws.create_lens_version(&alias, publish("1.0"))).unwrap();
    let mut with_lens = input("Shop");
    with_lens.lenses = Some(strings(&[&alias]));
    let w = block_on(ws.define_workload(with_lens)).unwrap();
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());

    block_on(ws.create_lens_version(&alias, publish("2.0"))).unwrap();
    let notes = block_on(ws.list_notifications()).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].notification_type, "LENS_VERSION_DEPRECATED");
    assert_eq!(notes[0].resource_id, alias);
    assert_eq!(
        (
            notes[0].current_version.as_str(),
            notes[0].latest_version.as_str()
        ),
        ("1.0", "2.0")
    );

    // Dismissed: hidden for 2.0 only; 3.0 is a new notification.
    block_on(ws.dismiss_notification(&notes[0].dismiss_key)).unwrap();
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());
    block_on(ws.create_lens_version(&alias, publish("3.0"))).unwrap();
    let again = block_on(ws.list_notifications()).unwrap();
    assert_eq!(again[0].latest_version, "3.0");
    block_on(ws.upgrade_lens_review(&w.workload_id, &alias)).unwrap();
    assert!(block_on(ws.list_notifications()).unwrap().is_empty());
}

#[test]
fn a_custom_lens_profile_priorities_extension_prioritises_its_questions() {
    let ws = workspace();
    let mut lens: serde_json::Value = serde_json::from_str(LENS).unwrap();
    lens["profilePriorities"] = serde_json::json!({ "avail-minutes": ["scaling", "backups"] });
    let text = serde_json::to_string(&lens).unwrap();
    let alias = block_on(ws.import_lens(&text, ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    block_on(ws.create_lens_version(
        &alias,
        LensVersionInput {
            lens_version: Some("1".into()),
            is_major_version: None,
        },
    ))
    .unwrap();
    let mut with_lens = input("Shop");
    with_lens.lenses = Some(strings(&[&alias]));
    let w = block_on(ws.define_workload(with_lens)).unwrap();
    let mut answers = full(&[]);
    answers[3].selected_choice_ids = strings(&["avail-minutes"]);
    let mut input = profile("Always on", &[]);
    input.profile_questions = Some(answers);
    let p = block_on(ws.create_profile(input)).unwrap();
    block_on(ws.associate_profile(&w.workload_id, &p.profile_id)).unwrap();
    let got = block_on(ws.prioritized_questions(&w.workload_id)).unwrap();
    // Lens order, not the extension's order.
    assert_eq!(got.questions[&alias], strings(&["backups", "scaling"]));
}

#[test]
fn a_backup_carries_profiles_links_and_dismissals() {
    use plumbline::workload::backup::{RestoreMode, RestoreOptions};
    let ws = workspace();
    let before = block_on(ws.export_workspace()).unwrap();
    assert!(!before.contains("\"profiles\""), "no profiles, no field");
    let w = block_on(ws.define_workload(input("Shop"))).unwrap();
    let p = block_on(ws.create_profile(profile("Payments", &["data-payments"]))).unwrap();
    block_on(ws.associate_profile(&w.workload_id, &p.profile_id)).unwrap();
    block_on(ws.update_profile(&p.profile_id, profile("Payments", &["data-health"]))).unwrap();
    let waiting = block_on(ws.list_notifications()).unwrap();
    block_on(ws.dismiss_notification(&waiting[0].dismiss_key)).unwrap();
    let text = block_on(ws.export_workspace()).unwrap();

    let other = workspace();
    let options = RestoreOptions {
        mode: RestoreMode::Apply,
        ..RestoreOptions::default()
    };
    let result = block_on(other.import_workspace(&text, options)).unwrap();
    assert_eq!(result.summary.profiles, 1);
    assert_eq!(
        block_on(other.list_profiles()).unwrap(),
        block_on(ws.list_profiles()).unwrap()
    );
    let link = block_on(other.get_workload(&w.workload_id))
        .unwrap()
        .profile
        .unwrap();
    assert_eq!(link.profile_version, 1);
    assert!(
        block_on(other.list_notifications()).unwrap().is_empty(),
        "the dismissal came along"
    );
    // Exported again, the same file but for the time of export.
    let again = block_on(other.export_workspace()).unwrap();
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.contains("exportedAt"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&again), strip(&text));
}

#[test]
fn custom_lenses_take_tags_under_the_workload_rules() {
    let ws = workspace();
    let alias = block_on(ws.import_lens(LENS, ImportLensOptions::default()))
        .unwrap()
        .lens_alias;
    let tags = SortedMap::from([("team".to_string(), "platform".to_string())]);
    let summary = block_on(ws.tag_lens(&alias, tags.clone())).unwrap();
    assert_eq!(summary.tags, tags);
    let listed = block_on(ws.list_lenses()).unwrap();
    assert_eq!(listed.last().unwrap().tags, tags);
    assert!(listed[0].tags.is_empty(), "shipped lenses have no tags");
    let reserved = SortedMap::from([("AWS:team".to_string(), "x".to_string())]);
    expect_validation(block_on(ws.tag_lens(&alias, reserved)), "tags", "reserved");
    expect_validation(
        block_on(ws.tag_lens("wellarchitected", SortedMap::new())),
        "lensAlias",
        "shipped",
    );
}
