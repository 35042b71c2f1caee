//! Review templates: their fields' rules, answering them, defining workloads from them with
//! provenance, "Update from template" (table of who changed what), deleting one in use, and
//! the notices of templates changed since their workloads copied them.

use plumbline::sorted_map::SortedMap;

use crate::workspace_support::*;
use plumbline::review::ChoiceStatus;
use plumbline::store::memory::MemoryStore;
use plumbline::workload::{
    AnswerUpdate, LensReviewUpdate, TemplateInput, TemplatePatch, TemplateResolution,
    TemplateUpdateOptions, WorkloadInput, Workspace,
};

const WA: &str = "wellarchitected";

fn template_input(name: &str) -> TemplateInput {
    TemplateInput {
        template_name: Some(name.to_string()),
        description: Some("Answers every retail team starts from".to_string()),
        ..Default::default()
    }
}

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

fn from_template(name: &str, template_id: &str) -> WorkloadInput {
    WorkloadInput {
        review_template_ids: Some(vec![template_id.to_string()]),
        ..input(name)
    }
}

/// A template on the framework and serverless lenses with two framework answers and notes.
fn prepared(ws: &Workspace<MemoryStore>) -> String {
    let t = block_on(ws.create_review_template(TemplateInput {
        lenses: Some(strings(&["serverless"])),
        ..template_input("Retail baseline")
    }))
    .unwrap();
    let id = t.template_id;
    block_on(ws.update_review_template_answer(&id, WA, "priorities", select(&["pri_a"]))).unwrap();
    block_on(ws.update_review_template_answer(&id, WA, "limits", select(&["rel_a"]))).unwrap();
    block_on(ws.update_review_template_lens_review(
        &id,
        WA,
        LensReviewUpdate {
            lens_notes: Some("Agreed with the platform team".into()),
            pillar_notes: Some(SortedMap::from([(
                "security".into(),
                "Org-wide SCPs".into(),
            )])),
            expected_revision: None,
        },
    ))
    .unwrap();
    id
}

#[test]
fn template_fields_follow_the_aws_rules() {
    let ws = workspace();
    block_on(ws.create_review_template(template_input("Retail baseline"))).unwrap();
    let long = "x".repeat(101);
    let cases: Vec<(TemplateInput, &str, &str)> = vec![
        (template_input("ab"), "templateName", "3 to 100"),
        (template_input(&long), "templateName", "3 to 100"),
        (template_input("Retail <baseline>"), "templateName", "`<`"),
        (
            template_input("retail  BASELINE"),
            "templateName",
            "exists already",
        ),
        (
            TemplateInput {
                template_name: None,
                ..template_input("x")
            },
            "templateName",
            "required",
        ),
        (
            TemplateInput {
                description: Some("no".into()),
                ..template_input("Other")
            },
            "description",
            "3 to 250",
        ),
        (
            TemplateInput {
                tags: Some(SortedMap::from([("aws:team".into(), "a".into())])),
                ..template_input("Other")
            },
            "tags",
            "reserved",
        ),
        (
            TemplateInput {
                lenses: Some(strings(&["nope"])),
                ..template_input("Other")
            },
            "lenses",
            "nope",
        ),
    ];
    for (input, field, fragment) in cases {
        expect_validation(block_on(ws.create_review_template(input)), field, fragment);
    }
    assert_eq!(block_on(ws.list_review_templates()).unwrap().len(), 1);
}

#[test]
fn answering_a_template_counts_questions_and_raises_its_version() {
    let ws = workspace();
    let id = prepared(&ws);
    let t = block_on(ws.get_review_template(&id)).unwrap();
    // Created at 1, two answers and one notes change.
    assert_eq!(t.template_version, 4);
    assert_eq!(t.lenses, strings(&[WA, "serverless"]));
    assert_eq!(
        (t.question_counts.answered, t.question_counts.unanswered),
        (2, 4)
    );
    let review = block_on(ws.get_review_template_lens_review(&id, WA)).unwrap();
    assert_eq!(review.question_counts.answered, 2);
    assert_eq!(
        review.notes.as_deref(),
        Some("Agreed with the platform team")
    );
    let security = review
        .pillar_review_summaries
        .iter()
        .find(|p| p.pillar_id == "security")
        .unwrap();
    assert_eq!(security.notes.as_deref(), Some("Org-wide SCPs"));
    let answers = block_on(ws.list_review_template_answers(&id, WA)).unwrap();
    let statuses: Vec<&str> = answers
        .iter()
        .map(|a| a["answerStatus"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["ANSWERED", "UNANSWERED", "UNANSWERED", "ANSWERED"]
    );
    assert!(answers.iter().all(|a| a.get("risk").is_none()));
    // A template is not a workload.
    assert!(block_on(ws.list_workloads()).unwrap().is_empty());
    assert_eq!(
        block_on(ws.get_workload(&id)).unwrap_err().kind(),
        "NotFound"
    );
}

#[test]
fn the_framework_lens_stays_on_a_template() {
    let ws = workspace();
    let id = prepared(&ws);
    let patch = TemplatePatch {
        lenses_to_disassociate: Some(strings(&[WA])),
        ..Default::default()
    };
    expect_validation(
        block_on(ws.update_review_template(&id, patch)),
        "lensAliases",
        "cannot be removed",
    );
    let patch = TemplatePatch {
        lenses_to_disassociate: Some(strings(&["serverless"])),
        description: Some("Answers for every team".into()),
        ..Default::default()
    };
    let t = block_on(ws.update_review_template(&id, patch)).unwrap();
    assert_eq!(t.lenses, strings(&[WA]));
    assert_eq!(t.description, "Answers for every team");
    assert_eq!(t.template_version, 6);
}

#[test]
fn a_workload_defined_from_a_template_copies_answers_with_their_provenance() {
    let ws = workspace();
    let tid = prepared(&ws);
    let w = block_on(ws.define_workload(from_template("Shop", &tid))).unwrap();
    assert_eq!(w.lenses, strings(&[WA, "serverless"]));
    let link = w.review_template.clone().unwrap();
    assert_eq!(
        (link.template_id.as_str(), link.template_version),
        (tid.as_str(), 4)
    );
    assert_eq!(w.questions_answered, 2);
    let answers = block_on(ws.list_answers(&w.workload_id, WA, None)).unwrap();
    let sourced: Vec<&str> = answers
        .iter()
        .filter(|a| {
            a.from_template
                .as_ref()
                .is_some_and(|s| s.template_id == tid)
        })
        .map(|a| a.question_id.as_str())
        .collect();
    assert_eq!(sourced, ["priorities", "limits"]);
    let review = block_on(ws.get_lens_review(&w.workload_id, WA, None)).unwrap();
    assert_eq!(
        review.notes.as_deref(),
        Some("Agreed with the platform team")
    );
    // The team's change ends the provenance.
    let changed =
        block_on(ws.update_answer(&w.workload_id, WA, "priorities", select(&["pri_b"]))).unwrap();
    assert!(changed.from_template.is_none());
    let again = block_on(ws.get_answer(&w.workload_id, WA, "limits", None)).unwrap();
    assert!(again.from_template.is_some());
    // At most one template, and it must exist.
    let two = WorkloadInput {
        review_template_ids: Some(vec![tid.clone(), tid.clone()]),
        ..input("Two")
    };
    expect_validation(
        block_on(ws.define_workload(two)),
        "reviewTemplateIds",
        "at most 1",
    );
    let missing = from_template("Missing", &"0".repeat(32));
    expect_validation(
        block_on(ws.define_workload(missing)),
        "reviewTemplateIds",
        "does not exist",
    );
}

/// Who changed each question after the copy, and what "Update from template" does with it.
#[test]
fn update_from_template_touches_only_what_the_team_left_alone() {
    struct Case {
        question: &'static str,
        team: Option<&'static [&'static str]>,
        template: Option<&'static [&'static str]>,
        resolution: Option<TemplateResolution>,
        expect_kind: &'static str,
        expect_selection: &'static [&'static str],
        expect_sourced: bool,
    }
    use TemplateResolution::*;
    let cases = [
        // Template changed, team did not: taken, still from the template.
        Case {
            question: "priorities",
            team: None,
            template: Some(&["pri_a", "pri_b"]),
            resolution: None,
            expect_kind: "update",
            expect_selection: &["pri_a", "pri_b"],
            expect_sourced: true,
        },
        // Both changed: conflict; the user keeps the workload's.
        Case {
            question: "limits",
            team: Some(&["rel_no"]),
            template: Some(&["rel_no"]),
            resolution: None,
            expect_kind: "same",
            expect_selection: &["rel_no"],
            expect_sourced: false,
        },
        Case {
            question: "ops-model",
            team: Some(&["om_a"]),
            template: Some(&["om_b"]),
            resolution: Some(KeepWorkload),
            expect_kind: "conflict",
            expect_selection: &["om_a"],
            expect_sourced: false,
        },
        // Both changed: conflict; the user takes the template's.
        Case {
            question: "securely-operate",
            team: Some(&["so_a"]),
            template: Some(&["so_b"]),
            resolution: Some(TakeTemplate),
            expect_kind: "conflict",
            expect_selection: &["so_b"],
            expect_sourced: true,
        },
    ];
    let ws = workspace();
    let tid = prepared(&ws);
    let w = block_on(ws.define_workload(from_template("Shop", &tid))).unwrap();
    let id = w.workload_id;
    for c in &cases {
        if let Some(team) = c.team {
            block_on(ws.update_answer(&id, WA, c.question, select(team))).unwrap();
        }
        if let Some(template) = c.template {
            block_on(ws.update_review_template_answer(&tid, WA, c.question, select(template)))
                .unwrap();
        }
    }
    let proposal = block_on(ws.review_template_update(&id)).unwrap();
    assert!(!proposal.applied);
    let keys = |list: &[plumbline::workload::template::TemplateQuestion]| -> Vec<String> {
        list.iter().map(|q| q.question_id.clone()).collect()
    };
    for c in &cases {
        let q = c.question.to_string();
        match c.expect_kind {
            "update" => assert!(keys(&proposal.updates).contains(&q), "{q} is an update"),
            "conflict" => assert!(keys(&proposal.conflicts).contains(&q), "{q} is a conflict"),
            _ => assert!(
                !keys(&proposal.updates).contains(&q) && !keys(&proposal.conflicts).contains(&q),
                "{q} is left alone"
            ),
        }
    }
    // Nothing is overwritten without a choice for every conflict.
    let before = dump(ws.store());
    expect_validation(
        block_on(ws.update_from_review_template(&id, TemplateUpdateOptions::default())),
        "resolutions",
        "wellarchitected/ops-model",
    );
    assert_eq!(dump(ws.store()), before);
    let resolutions = cases
        .iter()
        .filter_map(|c| c.resolution.map(|r| (format!("{WA}/{}", c.question), r)))
        .collect();
    let done = block_on(ws.update_from_review_template(&id, TemplateUpdateOptions { resolutions }))
        .unwrap();
    assert!(done.applied);
    for c in &cases {
        let a = block_on(ws.get_answer(&id, WA, c.question, None)).unwrap();
        assert_eq!(
            a.selected_choices,
            strings(c.expect_selection),
            "{}",
            c.question
        );
        assert_eq!(
            a.from_template.is_some(),
            c.expect_sourced,
            "{}",
            c.question
        );
    }
    let w = block_on(ws.get_workload(&id)).unwrap();
    assert_eq!(
        w.review_template.unwrap().template_version,
        done.latest_template_version
    );
    // Up to date: nothing more to take.
    let after = block_on(ws.review_template_update(&id)).unwrap();
    assert!(after.updates.is_empty() && after.conflicts.is_empty());
}

#[test]
fn notices_list_the_workloads_behind_their_template() {
    let ws = workspace();
    let tid = prepared(&ws);
    let a = block_on(ws.define_workload(from_template("Shop A", &tid))).unwrap();
    let b = block_on(ws.define_workload(from_template("Shop B", &tid))).unwrap();
    assert!(block_on(ws.review_template_updates()).unwrap().is_empty());
    let choice_na = AnswerUpdate {
        choice_updates: Some(SortedMap::from([(
            "so_a".to_string(),
            plumbline::workload::ChoiceUpdate {
                status: ChoiceStatus::NotApplicable,
                reason: None,
                notes: None,
            },
        )])),
        ..Default::default()
    };
    block_on(ws.update_review_template_answer(&tid, WA, "securely-operate", choice_na)).unwrap();
    let notices = block_on(ws.review_template_updates()).unwrap();
    let mut ids: Vec<&str> = notices.iter().map(|n| n.workload_id.as_str()).collect();
    ids.sort();
    let mut expected = vec![a.workload_id.as_str(), b.workload_id.as_str()];
    expected.sort();
    assert_eq!(ids, expected);
    assert!(notices
        .iter()
        .all(|n| n.latest_template_version == n.current_template_version + 1));
    block_on(ws.update_from_review_template(&a.workload_id, TemplateUpdateOptions::default()))
        .unwrap();
    let notices = block_on(ws.review_template_updates()).unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].workload_id, b.workload_id);
}

/// The Notifications page lists a changed template once per workload behind it, with the
/// versions; updating the workload or dismissing the entry clears it, and deleting the
/// template leaves nothing to update from.
#[test]
fn a_changed_template_is_a_notification_until_updated_or_dismissed() {
    let ws = workspace();
    let tid = prepared(&ws);
    let a = block_on(ws.define_workload(from_template("Shop A", &tid))).unwrap();
    let b = block_on(ws.define_workload(from_template("Shop B", &tid))).unwrap();
    let kinds = |ws: &Workspace<MemoryStore>| -> Vec<(String, String, String, String)> {
        block_on(ws.list_notifications())
            .unwrap()
            .into_iter()
            .filter(|n| n.notification_type == "TEMPLATE_UPDATED")
            .map(|n| {
                (
                    n.workload_id,
                    n.resource_name,
                    n.current_version,
                    n.latest_version,
                )
            })
            .collect()
    };
    assert!(
        kinds(&ws).is_empty(),
        "an unchanged template raises nothing"
    );
    block_on(ws.update_review_template_answer(&tid, WA, "securely-operate", select(&["so_a"])))
        .unwrap();
    let t = block_on(ws.get_review_template(&tid)).unwrap();
    let (from, to) = (
        (t.template_version - 1).to_string(),
        t.template_version.to_string(),
    );
    let mut listed = kinds(&ws);
    listed.sort();
    let mut expected = vec![
        (
            a.workload_id.clone(),
            "Retail baseline".to_string(),
            from.clone(),
            to.clone(),
        ),
        (
            b.workload_id.clone(),
            "Retail baseline".to_string(),
            from,
            to,
        ),
    ];
    expected.sort();
    assert_eq!(listed, expected);

    block_on(ws.update_from_review_template(&a.workload_id, TemplateUpdateOptions::default()))
        .unwrap();
    let left = kinds(&ws);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].0, b.workload_id);

    let key = block_on(ws.list_notifications())
        .unwrap()
        .into_iter()
        .find(|n| n.notification_type == "TEMPLATE_UPDATED")
        .unwrap()
        .dismiss_key;
    block_on(ws.dismiss_notification(&key)).unwrap();
    assert!(kinds(&ws).is_empty(), "dismissed");

    // A newer change is a new notification; a deleted template is not one to update from.
    block_on(ws.update_review_template_answer(&tid, WA, "limits", select(&["rel_no"]))).unwrap();
    assert_eq!(kinds(&ws).len(), 2);
    block_on(ws.delete_review_template(&tid)).unwrap();
    assert!(kinds(&ws).is_empty(), "a deleted template raises nothing");
}

#[test]
fn deleting_a_template_in_use_keeps_the_workloads_data() {
    let ws = workspace();
    let tid = prepared(&ws);
    let w = block_on(ws.define_workload(from_template("Shop", &tid))).unwrap();
    let t = block_on(ws.get_review_template(&tid)).unwrap();
    assert_eq!(t.used_by.len(), 1);
    assert_eq!(t.used_by[0].workload_name, "Shop");
    let users = block_on(ws.delete_review_template(&tid)).unwrap();
    assert_eq!(users[0].workload_id, w.workload_id);
    assert_eq!(
        block_on(ws.get_review_template(&tid)).unwrap_err().kind(),
        "NotFound"
    );
    let left: Vec<String> = dump(ws.store())
        .into_iter()
        .map(|d| d.id)
        .filter(|id| id.contains(&tid))
        .collect();
    assert!(left.is_empty(), "template records left: {left:?}");
    let w = block_on(ws.get_workload(&w.workload_id)).unwrap();
    assert!(w.review_template.as_ref().unwrap().deleted);
    assert_eq!(w.questions_answered, 2);
    assert_eq!(
        block_on(ws.review_template_update(&w.workload_id))
            .unwrap_err()
            .kind(),
        "NotFound"
    );
}

#[test]
fn a_template_file_round_trips_into_a_new_template() {
    let ws = workspace();
    let tid = prepared(&ws);
    let text = block_on(ws.export_review_template(&tid)).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "plumbline-review-template");
    assert_eq!(file["answers"].as_array().unwrap().len(), 2);
    // Its name is taken here: the import says so, and takes another.
    expect_validation(
        block_on(ws.import_review_template(&text, None)),
        "templateName",
        "exists already",
    );
    let copy = block_on(ws.import_review_template(&text, Some("Retail baseline (shared)".into())))
        .unwrap();
    assert_ne!(copy.template_id, tid);
    assert_eq!(copy.lenses, strings(&[WA, "serverless"]));
    assert_eq!(copy.question_counts.answered, 2);
    let original = block_on(ws.list_review_template_answers(&tid, WA)).unwrap();
    let imported = block_on(ws.list_review_template_answers(&copy.template_id, WA)).unwrap();
    let selections = |list: &[serde_json::Value]| -> Vec<serde_json::Value> {
        list.iter().map(|a| a["selectedChoices"].clone()).collect()
    };
    assert_eq!(selections(&imported), selections(&original));
    let review = block_on(ws.get_review_template_lens_review(&copy.template_id, WA)).unwrap();
    assert_eq!(
        review.notes.as_deref(),
        Some("Agreed with the platform team")
    );
    // Exported again, the same content.
    let again: serde_json::Value =
        serde_json::from_str(&block_on(ws.export_review_template(&copy.template_id)).unwrap())
            .unwrap();
    assert_eq!(again["answers"], file["answers"]);
    assert_eq!(again["lensReviews"], file["lensReviews"]);
}

#[test]
fn a_bad_template_file_is_refused_with_its_path_and_changes_nothing() {
    let ws = workspace();
    let tid = prepared(&ws);
    let good: serde_json::Value =
        serde_json::from_str(&block_on(ws.export_review_template(&tid)).unwrap()).unwrap();
    let with = |pointer: &str, v: serde_json::Value| {
        let mut f = good.clone();
        f["template"]["templateName"] = "Imported".into();
        *f.pointer_mut(pointer).unwrap() = v;
        f.to_string()
    };
    let cases: Vec<(String, &str, &str)> = vec![
        ("{".into(), "$", "not JSON"),
        (
            with("/format", "something-else".into()),
            "$.format",
            "not a Plumbline review template",
        ),
        (with("/formatVersion", 9.into()), "$.formatVersion", "newer"),
        (
            with("/template/templateName", "x".into()),
            "templateName",
            "3 to 100",
        ),
        (
            with("/answers/0/lensAlias", "serverless".into()),
            "$.answers[0].questionId",
            "not a question",
        ),
        (
            with("/answers/0/lensAlias", "extra01".into()),
            "$.answers[0].lensAlias",
            "not one of the template's lenses",
        ),
        (
            with("/answers/0/selectedChoices", serde_json::json!(["nope"])),
            "$.answers[0]",
            "nope",
        ),
        (
            with(
                "/lensReviews/0/pillarNotes",
                serde_json::json!({"galaxy": "x"}),
            ),
            "$.lensReviews[0].pillarNotes.galaxy",
            "not a pillar",
        ),
        (
            with("/answers", serde_json::json!({})),
            "$.answers",
            "array",
        ),
        // Fields by position are not a template: the object form only, as for every input.
        (
            with(
                "/template",
                serde_json::json!(["Imported", "a description"]),
            ),
            "$.template",
            "invalid type: sequence",
        ),
    ];
    let before = dump(ws.store());
    for (text, at, fragment) in cases {
        let err = block_on(ws.import_review_template(&text, None)).unwrap_err();
        let place = err.path().or(err.field()).unwrap_or_default().to_string();
        assert_eq!(place, at, "{err}");
        assert!(
            err.to_string().contains(fragment),
            "`{err}` lacks `{fragment}`"
        );
    }
    assert_eq!(dump(ws.store()), before);
}

#[test]
fn backups_carry_templates_and_the_workloads_links() {
    use plumbline::workload::backup::{RestoreMode, RestoreOptions};
    let ws = workspace();
    let tid = prepared(&ws);
    let w = block_on(ws.define_workload(from_template("Shop", &tid))).unwrap();
    let text = block_on(ws.export_workspace()).unwrap();
    let other = workspace();
    let apply = RestoreOptions {
        mode: RestoreMode::Apply,
        ..Default::default()
    };
    let result = block_on(other.import_workspace(&text, apply.clone())).unwrap();
    assert_eq!(result.summary.review_templates, 1);
    assert!(result
        .items
        .iter()
        .any(|i| i.item_kind == "reviewTemplate" && i.status == "new"));
    let restored = block_on(other.get_review_template(&tid)).unwrap();
    let original = block_on(ws.get_review_template(&tid)).unwrap();
    assert_eq!(restored.template_version, original.template_version);
    assert_eq!(restored.used_by.len(), 1);
    assert_eq!(
        block_on(other.list_review_template_answers(&tid, WA)).unwrap(),
        block_on(ws.list_review_template_answers(&tid, WA)).unwrap()
    );
    let a = block_on(other.get_answer(&w.workload_id, WA, "limits", None)).unwrap();
    assert_eq!(a.from_template.unwrap().template_id, tid);
    // Restored twice: identical, nothing to choose.
    let again = block_on(other.import_workspace(&text, apply)).unwrap();
    assert!(again.items.iter().all(|i| i.status == "identical"));
    // A backup from before templates has none, and restores as before.
    let plain = workspace();
    block_on(plain.define_workload(input("Plain"))).unwrap();
    let text = block_on(plain.export_workspace()).unwrap();
    assert!(!text.contains("reviewTemplates"));
}
