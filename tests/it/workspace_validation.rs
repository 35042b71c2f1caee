//! Every rule of workload, milestone, answer and lens-review fields: valid and invalid values,
//! asserting the field the error names and a fragment of its message.

use plumbline::sorted_map::SortedMap;

use crate::workspace_support::*;
use plumbline::review::{ChoiceStatus, Risk};
use plumbline::workload::DashboardFilter;
use plumbline::workload::{
    from_json, AnswerUpdate, ChoiceUpdate, ImprovementStatus, LensReviewUpdate, WorkloadInput,
    WorkloadPatch,
};
use serde_json::json;

fn long(n: usize) -> String {
    "x".repeat(n)
}

type Edit = Box<dyn Fn(&mut WorkloadInput)>;
/// The expected outcome: `None` = valid, `Some((field, message fragment))` = refused.
type Expected = Option<(&'static str, &'static str)>;

/// (what, edit of a valid input, expected outcome).
fn define_cases() -> Vec<(&'static str, Edit, Expected)> {
    vec![
        (
            "name missing",
            Box::new(|i| i.workload_name = None),
            Some(("workloadName", "required")),
        ),
        (
            "name 2 chars",
            Box::new(|i| i.workload_name = Some("ab".into())),
            Some(("workloadName", "3 to 100 characters; this one has 2")),
        ),
        (
            "name 3 chars",
            Box::new(|i| i.workload_name = Some("abc".into())),
            None,
        ),
        (
            "name 100 chars",
            Box::new(|i| i.workload_name = Some(long(100))),
            None,
        ),
        (
            "name 101 chars",
            Box::new(|i| i.workload_name = Some(long(101))),
            Some(("workloadName", "this one has 101")),
        ),
        (
            "name mostly spaces",
            Box::new(|i| i.workload_name = Some("a    b".into())),
            Some((
                "workloadName",
                "at least 3 characters that are not whitespace",
            )),
        ),
        (
            "name 3 visible",
            Box::new(|i| i.workload_name = Some(" a b c ".into())),
            None,
        ),
        (
            "description missing",
            Box::new(|i| i.description = None),
            Some(("description", "required")),
        ),
        (
            "description short",
            Box::new(|i| i.description = Some("ab".into())),
            Some(("description", "3 to 250")),
        ),
        (
            "description 250",
            Box::new(|i| i.description = Some(long(250))),
            None,
        ),
        (
            "description 251",
            Box::new(|i| i.description = Some(long(251))),
            Some(("description", "has 251")),
        ),
        (
            "environment missing",
            Box::new(|i| i.environment = None),
            Some(("environment", "required")),
        ),
        (
            "owner missing",
            Box::new(|i| i.review_owner = None),
            Some(("reviewOwner", "required")),
        ),
        (
            "owner short",
            Box::new(|i| i.review_owner = Some("Al".into())),
            Some(("reviewOwner", "3 to 255")),
        ),
        (
            "owner 255",
            Box::new(|i| i.review_owner = Some(long(255))),
            None,
        ),
        (
            "owner 256",
            Box::new(|i| i.review_owner = Some(long(256))),
            Some(("reviewOwner", "has 256")),
        ),
        (
            "owner blank",
            Box::new(|i| i.review_owner = Some("     ".into())),
            Some(("reviewOwner", "not whitespace")),
        ),
        (
            "no regions",
            Box::new(|i| {
                i.aws_regions = None;
                i.non_aws_regions = None;
            }),
            Some(("awsRegions", "at least one")),
        ),
        (
            "only aws regions",
            Box::new(|i| i.non_aws_regions = None),
            None,
        ),
        (
            "only non-aws regions",
            Box::new(|i| i.aws_regions = Some(vec![])),
            None,
        ),
        (
            "region code bad",
            Box::new(|i| i.aws_regions = Some(strings(&["us-east-1", "Virginia"]))),
            Some(("awsRegions", "`Virginia` is not an AWS Region code")),
        ),
        (
            "region gov",
            Box::new(|i| i.aws_regions = Some(strings(&["us-gov-west-1"]))),
            None,
        ),
        (
            "region twice",
            Box::new(|i| i.aws_regions = Some(strings(&["eu-west-1", "eu-west-1"]))),
            Some(("awsRegions", "unique")),
        ),
        (
            "51 regions",
            Box::new(|i| {
                i.aws_regions = Some((0..51).map(|n| format!("us-east-{}", n % 10)).collect())
            }),
            Some(("awsRegions", "at most 50")),
        ),
        (
            "6 non-aws",
            Box::new(|i| {
                i.non_aws_regions = Some(strings(&["aaa", "bbb", "ccc", "ddd", "eee", "fff"]))
            }),
            Some(("nonAwsRegions", "at most 5")),
        ),
        (
            "5 non-aws",
            Box::new(|i| i.non_aws_regions = Some(strings(&["aaa", "bbb", "ccc", "ddd", "eee"]))),
            None,
        ),
        (
            "non-aws twice",
            Box::new(|i| i.non_aws_regions = Some(strings(&["aaa", "aaa"]))),
            Some(("nonAwsRegions", "`aaa` appears twice")),
        ),
        (
            "non-aws short",
            Box::new(|i| i.non_aws_regions = Some(strings(&["dc"]))),
            Some(("nonAwsRegions", "3 to 25")),
        ),
        (
            "non-aws 26",
            Box::new(|i| i.non_aws_regions = Some(vec![long(26)])),
            Some(("nonAwsRegions", "has 26")),
        ),
        (
            "account ok",
            Box::new(|i| i.account_ids = Some(strings(&["123456789012"]))),
            None,
        ),
        (
            "account 11 digits",
            Box::new(|i| i.account_ids = Some(strings(&["12345678901"]))),
            Some(("accountIds", "exactly 12 digits")),
        ),
        (
            "account letters",
            Box::new(|i| i.account_ids = Some(strings(&["12345678901a"]))),
            Some(("accountIds", "`12345678901a`")),
        ),
        (
            "account twice",
            Box::new(|i| i.account_ids = Some(strings(&["123456789012", "123456789012"]))),
            Some(("accountIds", "unique")),
        ),
        (
            "101 accounts",
            Box::new(|i| i.account_ids = Some((0..101).map(|n| format!("{n:012}")).collect())),
            Some(("accountIds", "at most 100")),
        ),
        (
            "design https",
            Box::new(|i| i.architectural_design = Some("https://wiki.example.com/arch".into())),
            None,
        ),
        (
            "design ftp",
            Box::new(|i| i.architectural_design = Some("ftp://files.example.com/a.pdf".into())),
            None,
        ),
        (
            "design empty",
            Box::new(|i| i.architectural_design = Some(String::new())),
            None,
        ),
        (
            "design no scheme",
            Box::new(|i| i.architectural_design = Some("wiki.example.com".into())),
            Some(("architecturalDesign", "http://, https:// or ftp://")),
        ),
        (
            "design spaces",
            Box::new(|i| i.architectural_design = Some("https://a b".into())),
            Some(("architecturalDesign", "without spaces")),
        ),
        (
            "design too long",
            Box::new(|i| i.architectural_design = Some(format!("https://{}", long(2041)))),
            Some(("architecturalDesign", "at most 2048")),
        ),
        (
            "industry type ok",
            Box::new(|i| i.industry_type = Some("Travel, Transportation & Logistics".into())),
            None,
        ),
        (
            "industry type bad",
            Box::new(|i| i.industry_type = Some("Retail".into())),
            Some(("industryType", "`Retail` is not")),
        ),
        (
            "industry 101",
            Box::new(|i| i.industry = Some(long(101))),
            Some(("industry", "at most 100")),
        ),
        ("notes 2084", Box::new(|i| i.notes = Some(long(2084))), None),
        (
            "notes 2085",
            Box::new(|i| i.notes = Some(long(2085))),
            Some(("notes", "at most 2084")),
        ),
        (
            "tags ok",
            Box::new(|i| {
                i.tags = Some(SortedMap::from([
                    ("team".into(), "web".into()),
                    ("empty".into(), String::new()),
                ]))
            }),
            None,
        ),
        (
            "tag aws:",
            Box::new(|i| i.tags = Some(SortedMap::from([("AWS:owner".into(), "x".into())]))),
            Some(("tags", "reserved")),
        ),
        (
            "tag empty key",
            Box::new(|i| i.tags = Some(SortedMap::from([(String::new(), "x".into())]))),
            Some(("tags", "1 to 128")),
        ),
        (
            "tag long key",
            Box::new(|i| i.tags = Some(SortedMap::from([(long(129), "x".into())]))),
            Some(("tags", "has 129")),
        ),
        (
            "tag long value",
            Box::new(|i| i.tags = Some(SortedMap::from([("k".into(), long(257))]))),
            Some(("tags", "at most 256")),
        ),
        (
            "51 tags",
            Box::new(|i| {
                i.tags = Some((0..51).map(|n| (format!("k{n}"), String::new())).collect())
            }),
            Some(("tags", "at most 50")),
        ),
        (
            "priorities ok",
            Box::new(|i| {
                i.pillar_priorities = Some(strings(&["security", "operationalExcellence"]))
            }),
            None,
        ),
        (
            "priority unknown",
            Box::new(|i| i.pillar_priorities = Some(strings(&["events"]))),
            Some(("pillarPriorities", "`events` is not a pillar")),
        ),
        (
            "priority of added lens",
            Box::new(|i| {
                i.lenses = Some(strings(&["serverless"]));
                i.pillar_priorities = Some(strings(&["events"]));
            }),
            None,
        ),
        (
            "priority twice",
            Box::new(|i| i.pillar_priorities = Some(strings(&["security", "security"]))),
            Some(("pillarPriorities", "unique")),
        ),
        (
            "lens unknown",
            Box::new(|i| i.lenses = Some(strings(&["nosuch"]))),
            Some(("lenses", "`nosuch` is not a known lens")),
        ),
        (
            "21 lenses",
            Box::new(|i| i.lenses = Some((1..=20).map(|n| format!("extra{n:02}")).collect())),
            Some(("lenses", "at most 20")),
        ),
        (
            "20 lenses",
            Box::new(|i| i.lenses = Some((1..=19).map(|n| format!("extra{n:02}")).collect())),
            None,
        ),
        (
            "status given",
            Box::new(|i| i.improvement_status = Some(ImprovementStatus::NotStarted)),
            None,
        ),
    ]
}

#[test]
fn define_rules() {
    for (n, (what, edit, expected)) in define_cases().into_iter().enumerate() {
        let ws = workspace();
        let mut i = input(&format!("Workload {n}"));
        edit(&mut i);
        let result = block_on(ws.define_workload(i));
        match expected {
            None => assert!(result.is_ok(), "{what}: {result:?}"),
            Some((field, fragment)) => {
                let before = dump(ws.store());
                match result {
                    Err(e) => {
                        assert_eq!(e.kind(), "Validation", "{what}");
                        assert_eq!(e.field(), Some(field), "{what}: {e}");
                        assert!(
                            e.to_string().contains(fragment),
                            "{what}: `{e}` lacks `{fragment}`"
                        );
                    }
                    Ok(w) => panic!("{what}: accepted {w:?}"),
                }
                // Nothing but the layout record was written.
                assert_eq!(before.len(), 1, "{what}");
            }
        }
    }
}

#[test]
fn patch_rules_match_define_rules() {
    let cases: Vec<(WorkloadPatch, Option<(&str, &str)>)> = vec![
        (
            WorkloadPatch {
                workload_name: Some("  x ".into()),
                ..Default::default()
            },
            Some(("workloadName", "not whitespace")),
        ),
        (
            WorkloadPatch {
                description: Some(long(251)),
                ..Default::default()
            },
            Some(("description", "3 to 250")),
        ),
        (
            WorkloadPatch {
                review_owner: Some("ab".into()),
                ..Default::default()
            },
            Some(("reviewOwner", "3 to 255")),
        ),
        (
            WorkloadPatch {
                aws_regions: Some(vec![]),
                non_aws_regions: Some(vec![]),
                ..Default::default()
            },
            Some(("awsRegions", "at least one")),
        ),
        (
            WorkloadPatch {
                aws_regions: Some(vec![]),
                ..Default::default()
            },
            None,
        ),
        (
            WorkloadPatch {
                account_ids: Some(strings(&["1"])),
                ..Default::default()
            },
            Some(("accountIds", "12 digits")),
        ),
        (
            WorkloadPatch {
                architectural_design: Some("mailto:x".into()),
                ..Default::default()
            },
            Some(("architecturalDesign", "URL")),
        ),
        (
            WorkloadPatch {
                industry_type: Some("Gaming".into()),
                industry: Some("Mobile games".into()),
                ..Default::default()
            },
            None,
        ),
        (
            WorkloadPatch {
                industry_type: Some("gaming".into()),
                ..Default::default()
            },
            Some(("industryType", "`gaming`")),
        ),
        (
            WorkloadPatch {
                notes: Some(long(2085)),
                ..Default::default()
            },
            Some(("notes", "2084")),
        ),
        (
            WorkloadPatch {
                tags: Some(SortedMap::from([("aws:x".into(), "y".into())])),
                ..Default::default()
            },
            Some(("tags", "aws:")),
        ),
        (
            WorkloadPatch {
                pillar_priorities: Some(strings(&["events"])),
                ..Default::default()
            },
            Some(("pillarPriorities", "events")),
        ),
        (
            WorkloadPatch {
                improvement_status: Some(ImprovementStatus::RiskAcknowledged),
                ..Default::default()
            },
            None,
        ),
    ];
    for (patch, expected) in cases {
        let ws = workspace();
        let w = block_on(ws.define_workload(input("Patched"))).unwrap();
        let result = block_on(ws.update_workload(&w.workload_id, patch.clone()));
        match expected {
            None => assert!(result.is_ok(), "{patch:?}: {result:?}"),
            Some((field, fragment)) => expect_validation(result, field, fragment),
        }
    }
}

#[test]
fn milestone_names() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Named"))).unwrap();
    let id = &w.workload_id;
    expect_validation(
        block_on(ws.create_milestone(id, "v1")),
        "milestoneName",
        "3 to 100",
    );
    expect_validation(
        block_on(ws.create_milestone(id, "v 1 ")),
        "milestoneName",
        "not whitespace",
    );
    expect_validation(
        block_on(ws.create_milestone(id, &long(101))),
        "milestoneName",
        "has 101",
    );
    assert!(block_on(ws.create_milestone(id, "Version 1.0")).is_ok());
    expect_validation(
        block_on(ws.create_milestone(id, "version1.0")),
        "milestoneName",
        "unique",
    );
}

#[test]
fn answer_rules() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Answered"))).unwrap();
    let id = &w.workload_id;
    let update = |q: &str, u: AnswerUpdate| block_on(ws.update_answer(id, "wellarchitected", q, u));
    expect_validation(
        update("nope", AnswerUpdate::default()),
        "questionId",
        "`nope` is not a question",
    );
    expect_validation(
        update(
            "priorities",
            AnswerUpdate {
                selected_choices: Some(strings(&["pri_a", "om_a"])),
                ..Default::default()
            },
        ),
        "selectedChoices",
        "`om_a` is not a choice of question `priorities`",
    );
    let choice = |id: &str, status| {
        SortedMap::from([(
            id.to_string(),
            ChoiceUpdate {
                status,
                reason: None,
                notes: None,
            },
        )])
    };
    expect_validation(
        update(
            "priorities",
            AnswerUpdate {
                choice_updates: Some(choice("zzz", ChoiceStatus::Selected)),
                ..Default::default()
            },
        ),
        "choiceUpdates",
        "`zzz`",
    );
    expect_validation(
        update(
            "priorities",
            AnswerUpdate {
                choice_updates: Some(choice("pri_no", ChoiceStatus::NotApplicable)),
                ..Default::default()
            },
        ),
        "choiceUpdates",
        "cannot be marked not applicable",
    );
    let noted = SortedMap::from([(
        "pri_a".to_string(),
        ChoiceUpdate {
            status: ChoiceStatus::Selected,
            reason: None,
            notes: Some(long(251)),
        },
    )]);
    expect_validation(
        update(
            "priorities",
            AnswerUpdate {
                choice_updates: Some(noted),
                ..Default::default()
            },
        ),
        "choiceUpdates",
        "at most 250",
    );
    expect_validation(
        update(
            "priorities",
            AnswerUpdate {
                notes: Some(long(2085)),
                ..Default::default()
            },
        ),
        "notes",
        "at most 2084",
    );
    assert!(update(
        "priorities",
        AnswerUpdate {
            notes: Some(long(2084)),
            ..Default::default()
        }
    )
    .is_ok());
    expect_validation(
        block_on(ws.update_answer(id, "nosuch", "priorities", AnswerUpdate::default())),
        "lensAlias",
        "not a known lens",
    );
}

#[test]
fn lens_review_notes_rules() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Reviewed"))).unwrap();
    let id = &w.workload_id;
    expect_validation(
        block_on(ws.update_lens_review(
            id,
            "wellarchitected",
            LensReviewUpdate {
                lens_notes: Some(long(2085)),
                ..Default::default()
            },
        )),
        "lensNotes",
        "2084",
    );
    expect_validation(
        block_on(ws.update_lens_review(
            id,
            "wellarchitected",
            LensReviewUpdate {
                pillar_notes: Some(SortedMap::from([("events".into(), "x".into())])),
                ..Default::default()
            },
        )),
        "pillarNotes",
        "`events` is not a pillar",
    );
}

#[test]
fn ids_are_checked_before_use() {
    let ws = workspace();
    expect_validation(
        block_on(ws.get_workload("../meta")),
        "workloadId",
        "32 lowercase hexadecimal",
    );
    expect_validation(
        block_on(ws.get_workload("ABCDEF0123456789ABCDEF0123456789")),
        "workloadId",
        "32",
    );
    let missing = block_on(ws.get_workload("0123456789abcdef0123456789abcdef")).unwrap_err();
    assert_eq!(missing.kind(), "NotFound");
}

#[test]
fn dashboard_filter_rules() {
    let ws = workspace();
    let filter = DashboardFilter {
        risks: Some(vec![Risk::None]),
        ..Default::default()
    };
    expect_validation(block_on(ws.dashboard(filter)), "risks", "HIGH or MEDIUM");
}

#[test]
fn json_input_errors_name_the_property() {
    let ok: WorkloadInput =
        from_json(json!({"workloadName": "Shop", "environment": "PREPRODUCTION"})).unwrap();
    assert_eq!(ok.workload_name.as_deref(), Some("Shop"));

    let bad = from_json::<WorkloadInput>(json!({"workloadName": "Shop", "environment": "PROD"}))
        .unwrap_err();
    assert_eq!(bad.field(), Some("environment"));
    assert!(bad.to_string().contains("PREPRODUCTION"), "{bad}");

    let typo =
        from_json::<WorkloadInput>(json!({"workloadName": "Shop", "awsRegion": ["us-east-1"]}))
            .unwrap_err();
    assert_eq!(typo.field(), Some("awsRegion"));
    assert!(typo.to_string().contains("unknown field"), "{typo}");

    let wrong_type = from_json::<WorkloadPatch>(json!({"tags": ["a"]})).unwrap_err();
    assert_eq!(wrong_type.field(), Some("tags"));

    let status =
        from_json::<AnswerUpdate>(json!({"choiceUpdates": {"a": {"status": "DONE"}}})).unwrap_err();
    assert_eq!(status.field(), Some("choiceUpdates"));

    let not_object = from_json::<WorkloadPatch>(json!([1])).unwrap_err();
    assert_eq!(not_object.field(), Some("input"));

    let empty: DashboardFilter = from_json(serde_json::Value::Null).unwrap();
    assert_eq!(empty, DashboardFilter::default());
}

/// Invisible format characters (Unicode category Cf) count as whitespace in names, for the
/// "3 visible characters" rule and for uniqueness, in define, rename and milestone names.
#[test]
fn invisible_format_characters_count_as_whitespace_in_names() {
    // (name, accepted on its own?)
    let alone: &[(&str, bool)] = &[
        ("\u{200b}\u{200b}\u{200b}\u{200b}\u{200b}", false),
        ("a\u{200b}\u{2060}\u{feff}b\u{00ad}", false),
        ("\u{200c}\u{200d}\u{2066}x y", false),
        ("ab\u{e0041}\u{e0042}\u{e0043}", false),
        ("a\u{200b}b\u{200b}c", true),
        ("Check\u{200b}out", true),
    ];
    for &(name, ok) in alone {
        let ws = workspace();
        let defined = block_on(ws.define_workload(input(name)));
        let good = block_on(ws.define_workload(input("Good name"))).unwrap();
        let renamed = block_on(ws.update_workload(
            &good.workload_id,
            WorkloadPatch {
                workload_name: Some(name.into()),
                ..Default::default()
            },
        ));
        let milestone = block_on(ws.create_milestone(&good.workload_id, name));
        if ok {
            assert!(defined.is_ok(), "define {name:?}: {defined:?}");
            // The rename clashes with the workload just defined under the same name.
            expect_validation(renamed, "workloadName", "unique");
            assert!(milestone.is_ok(), "milestone {name:?}: {milestone:?}");
        } else {
            expect_validation(defined, "workloadName", "not whitespace");
            expect_validation(renamed, "workloadName", "not whitespace");
            expect_validation(milestone, "milestoneName", "not whitespace");
        }
    }

    // Uniqueness: a name that differs only by invisible characters is the same name.
    let ws = workspace();
    let first = block_on(ws.define_workload(input("Checkout"))).unwrap();
    for clash in [
        "Check\u{200b}out",
        "\u{feff}CHECKOUT",
        "check\u{00ad}out\u{2060}",
    ] {
        expect_validation(
            block_on(ws.define_workload(input(clash))),
            "workloadName",
            "unique",
        );
    }
    let other = block_on(ws.define_workload(input("Checkout two"))).unwrap();
    expect_validation(
        block_on(ws.update_workload(
            &other.workload_id,
            WorkloadPatch {
                workload_name: Some("Check\u{200d}out".into()),
                ..Default::default()
            },
        )),
        "workloadName",
        "unique",
    );
    assert!(block_on(ws.create_milestone(&first.workload_id, "Version 1.0")).is_ok());
    expect_validation(
        block_on(ws.create_milestone(&first.workload_id, "Version\u{200b} 1.0")),
        "milestoneName",
        "unique",
    );
}

/// One define call reports every broken rule, each with its field, the first one as the
/// error's own `field` and message: a form flags all its fields after one submit.
#[test]
fn define_reports_every_problem_at_once() {
    // The first refused case of each field, applied together (the cross-field region rule and
    // the lens rules, checked by the workspace after the properties, are tested on their own).
    let mut chosen: Vec<(&str, Edit)> = Vec::new();
    for (_, edit, expected) in define_cases() {
        let Some((field, fragment)) = expected else {
            continue;
        };
        if field == "lenses"
            || fragment == "at least one"
            || chosen.iter().any(|(f, _)| *f == field)
        {
            continue;
        }
        chosen.push((field, edit));
    }
    assert!(
        chosen.len() >= 10,
        "too few fields to combine: {}",
        chosen.len()
    );
    let mut i = input("All wrong");
    for (_, edit) in &chosen {
        edit(&mut i);
    }
    let ws = workspace();
    let e = block_on(ws.define_workload(i)).unwrap_err();
    let problems = e.problems();
    let mut reported: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    let mut expected: Vec<&str> = chosen.iter().map(|(f, _)| *f).collect();
    assert_eq!(e.field(), Some(reported[0]));
    assert_eq!(
        e.to_string(),
        format!("{}: {}", problems[0].field, problems[0].message)
    );
    reported.sort_unstable();
    expected.sort_unstable();
    assert_eq!(reported, expected);
    assert_eq!(dump(ws.store()).len(), 1, "nothing but the layout record");
}

#[test]
fn an_empty_define_names_every_required_field_in_form_order() {
    let ws = workspace();
    let e = block_on(ws.define_workload(WorkloadInput::default())).unwrap_err();
    let fields: Vec<String> = e.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        strings(&[
            "workloadName",
            "description",
            "environment",
            "reviewOwner",
            "awsRegions"
        ])
    );
}

/// A region list with a problem of its own is not also "empty": the value the user gave is
/// not there yet, so the cross-field rule waits.
#[test]
fn a_bad_region_list_is_not_also_reported_as_missing() {
    let ws = workspace();
    let mut i = input("Regions");
    i.aws_regions = Some(strings(&["Virginia"]));
    i.non_aws_regions = Some(vec![]);
    let e = block_on(ws.define_workload(i)).unwrap_err();
    let problems = e.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("`Virginia`"), "{problems:?}");
}

#[test]
fn a_patch_reports_every_problem_and_changes_nothing() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Patched twice"))).unwrap();
    let patch = WorkloadPatch {
        workload_name: Some("x".into()),
        account_ids: Some(strings(&["1"])),
        notes: Some(long(2085)),
        ..Default::default()
    };
    let e = block_on(ws.update_workload(&w.workload_id, patch)).unwrap_err();
    let fields: Vec<String> = e.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(fields, strings(&["workloadName", "accountIds", "notes"]));
    let after = block_on(ws.get_workload(&w.workload_id)).unwrap();
    assert_eq!(after.properties.workload_name, "Patched twice");
}

#[test]
fn json_input_errors_name_every_property() {
    let e = from_json::<WorkloadInput>(json!({
        "workloadName": 5, "environment": "PROD", "tags": ["a"], "description": "fine"
    }))
    .unwrap_err();
    let fields: Vec<String> = e.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(fields.len(), 3, "{fields:?}");
    for field in ["workloadName", "environment", "tags"] {
        assert!(
            fields.iter().any(|f| f == field),
            "{field} missing: {fields:?}"
        );
    }
    assert_eq!(e.field(), Some(fields[0].as_str()));
}
