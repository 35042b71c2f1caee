//! Defining, listing, reading, editing and deleting workloads; name uniqueness; stale
//! revisions; store failures; retries after losing a race to another tab.

use crate::workspace_support::*;
use plumbline::review::RiskCounts;
use plumbline::store::memory::MemoryStore;
use plumbline::store::Store;
use plumbline::workload::{
    AnswerUpdate, ImprovementStatus, WorkloadEnvironment, WorkloadInput, WorkloadPatch, Workspace,
    WorkspaceError,
};

#[test]
fn define_then_get_and_list() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Retail Website - North America"))).unwrap();

    assert_eq!(w.workload_id.len(), 32);
    assert!(w
        .workload_id
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    assert_eq!(w.properties.workload_name, "Retail Website - North America");
    assert_eq!(w.properties.environment, WorkloadEnvironment::Production);
    assert_eq!(
        w.properties.improvement_status,
        ImprovementStatus::NotApplicable
    );
    assert_eq!(w.lenses, strings(&["wellarchitected"]));
    assert_eq!(w.question_count, 4);
    assert_eq!(w.questions_answered, 0);
    assert_eq!(
        w.risk_counts,
        RiskCounts {
            unanswered: 4,
            ..RiskCounts::default()
        }
    );
    assert!(
        w.created_at.starts_with("2026-11-2") && w.created_at.ends_with('Z'),
        "{}",
        w.created_at
    );
    assert!(!w.revision.is_empty());

    assert_eq!(block_on(ws.get_workload(&w.workload_id)).unwrap(), w);

    let listed = block_on(ws.list_workloads()).unwrap();
    assert_eq!(listed.len(), 1);
    let row = &listed[0];
    assert_eq!(row.workload_id, w.workload_id);
    assert_eq!(row.review_owner, "Ana Carolina Silva");
    assert_eq!(row.question_count, 4);
    assert_eq!(row.updated_at, w.updated_at);
}

#[test]
fn the_list_carries_each_workloads_tags() {
    let ws = workspace();
    let tags: plumbline::sorted_map::SortedMap<String, String> =
        [("costCenter".to_string(), "CC-42".to_string())].into();
    let tagged = WorkloadInput {
        tags: Some(tags.clone()),
        ..input("Tagged")
    };
    block_on(ws.define_workload(tagged)).unwrap();
    block_on(ws.define_workload(input("Untagged"))).unwrap();
    let listed = block_on(ws.list_workloads()).unwrap();
    let tags_of = |name: &str| {
        &listed
            .iter()
            .find(|w| w.workload_name == name)
            .unwrap()
            .tags
    };
    assert_eq!(tags_of("Tagged"), &tags);
    assert!(tags_of("Untagged").is_empty());
}

#[test]
fn serialises_in_the_api_shape() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Shape"))).unwrap();
    let json = serde_json::to_value(&w).unwrap();
    for key in [
        "workloadId",
        "workloadName",
        "reviewOwner",
        "awsRegions",
        "nonAwsRegions",
        "riskCounts",
        "improvementStatus",
        "updatedAt",
        "revision",
    ] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
    assert_eq!(json["environment"], "PRODUCTION");
    assert_eq!(json["improvementStatus"], "NOT_APPLICABLE");
    assert_eq!(json["riskCounts"]["UNANSWERED"], 4);
    assert_eq!(json["riskCounts"]["HIGH"], 0);
}

#[test]
fn the_framework_lens_comes_first_once() {
    let ws = workspace();
    let mut i = input("Lensed");
    i.lenses = Some(strings(&["serverless", "wellarchitected", "serverless"]));
    let w = block_on(ws.define_workload(i)).unwrap();
    assert_eq!(w.lenses, strings(&["wellarchitected", "serverless"]));
    assert_eq!(w.question_count, 6);
}

#[test]
fn list_is_sorted_by_name_ignoring_case() {
    let ws = workspace();
    for name in ["beta shop", "Alpha shop", "gamma shop"] {
        block_on(ws.define_workload(input(name))).unwrap();
    }
    let names: Vec<String> = block_on(ws.list_workloads())
        .unwrap()
        .into_iter()
        .map(|w| w.workload_name)
        .collect();
    assert_eq!(names, strings(&["Alpha shop", "beta shop", "gamma shop"]));
}

#[test]
fn names_are_unique_ignoring_case_and_whitespace() {
    let ws = workspace();
    let first = block_on(ws.define_workload(input("Retail Website"))).unwrap();
    for clash in [
        "retail website",
        "RetailWebsite",
        " R e t a i l\tW E B S I T E ",
    ] {
        expect_validation(
            block_on(ws.define_workload(input(clash))),
            "workloadName",
            "matches the existing workload `Retail Website`",
        );
    }
    let other = block_on(ws.define_workload(input("Retail Website 2"))).unwrap();
    // Renaming onto another workload's name is refused; renaming to a variant of its own is fine.
    let rename = |id: &str, name: &str| {
        block_on(ws.update_workload(
            id,
            WorkloadPatch {
                workload_name: Some(name.into()),
                ..Default::default()
            },
        ))
    };
    expect_validation(
        rename(&other.workload_id, "RETAIL website"),
        "workloadName",
        "unique",
    );
    let renamed = rename(&first.workload_id, "RETAIL  WEBSITE").unwrap();
    assert_eq!(renamed.properties.workload_name, "RETAIL  WEBSITE");
}

#[test]
fn renaming_and_deleting_free_the_name() {
    let ws = workspace();
    let first = block_on(ws.define_workload(input("Retail Website"))).unwrap();
    block_on(ws.update_workload(
        &first.workload_id,
        WorkloadPatch {
            workload_name: Some("Shop".into()),
            ..Default::default()
        },
    ))
    .unwrap();
    let second = block_on(ws.define_workload(input("retail website"))).unwrap();
    expect_validation(
        block_on(ws.define_workload(input("SHOP"))),
        "workloadName",
        "matches the existing workload `Shop`",
    );
    block_on(ws.delete_workload(&first.workload_id)).unwrap();
    block_on(ws.define_workload(input("SHOP"))).unwrap();
    expect_validation(
        block_on(ws.define_workload(input("Retail Website"))),
        "workloadName",
        "matches the existing workload `retail website`",
    );
    // One claim per name, naming its workload.
    let claims = block_on(ws.store().list("name/")).unwrap();
    assert_eq!(claims.len(), 2);
    assert!(claims
        .iter()
        .any(|c| c.id == "name/retailwebsite" && c.body["workloadId"] == second.workload_id));
}

#[test]
fn a_stale_name_claim_is_taken_over() {
    let ws = workspace();
    // A claim whose workload no longer exists (data edited outside Plumbline).
    block_on(ws.store().commit(vec![plumbline::store::Write {
        id: "name/retailwebsite".into(),
        expected_rev: None,
        body: Some(serde_json::json!({
            "workloadId": "0123456789abcdef0123456789abcdef",
            "workloadName": "Retail Website",
        })),
    }]))
    .unwrap();
    let w = block_on(ws.define_workload(input("Retail Website"))).unwrap();
    let claim = block_on(ws.store().get("name/retailwebsite"))
        .unwrap()
        .unwrap();
    assert_eq!(claim.body["workloadId"], w.workload_id);
}

#[test]
fn opening_layout_1_data_claims_every_name() {
    // Layout-1 data: workloads and no claims.
    let ws = workspace();
    let a = block_on(ws.define_workload(input("Retail Website"))).unwrap();
    block_on(ws.define_workload(input("Payments"))).unwrap();
    let store = ws.store();
    let mut writes = Vec::new();
    for doc in block_on(store.list("name/")).unwrap() {
        writes.push(plumbline::store::Write {
            id: doc.id,
            expected_rev: Some(doc.rev),
            body: None,
        });
    }
    let meta = block_on(store.get("meta/plumbline")).unwrap().unwrap();
    writes.push(plumbline::store::Write {
        id: meta.id,
        expected_rev: Some(meta.rev),
        body: Some(serde_json::json!({"layout": 1, "createdAt": "2026-01-01T00:00:00Z"})),
    });
    block_on(store.commit(writes)).unwrap();
    let store = ws.into_store();

    let ws = open(store);
    let meta = block_on(ws.store().get("meta/plumbline")).unwrap().unwrap();
    assert_eq!(meta.body["layout"], 2);
    assert_eq!(meta.body["createdAt"], "2026-01-01T00:00:00Z");
    assert_eq!(block_on(ws.store().list("name/")).unwrap().len(), 2);
    expect_validation(
        block_on(ws.define_workload(input("retail  WEBSITE"))),
        "workloadName",
        "matches the existing workload `Retail Website`",
    );
    assert_eq!(block_on(ws.list_workloads()).unwrap().len(), 2);
    assert_eq!(
        block_on(ws.get_workload(&a.workload_id))
            .unwrap()
            .properties
            .workload_name,
        "Retail Website"
    );
}

#[test]
fn update_changes_only_the_given_fields() {
    let ws = workspace();
    let mut i = input("Editable");
    i.notes = Some("first notes".into());
    i.architectural_design = Some("https://example.org/arch".into());
    let w = block_on(ws.define_workload(i)).unwrap();
    let patch = WorkloadPatch {
        description: Some("A new description".into()),
        improvement_status: Some(ImprovementStatus::InProgress),
        architectural_design: Some(String::new()), // cleared
        ..Default::default()
    };
    let u = block_on(ws.update_workload(&w.workload_id, patch)).unwrap();
    assert_eq!(u.properties.description, "A new description");
    assert_eq!(
        u.properties.improvement_status,
        ImprovementStatus::InProgress
    );
    assert_eq!(u.properties.architectural_design, None);
    assert_eq!(u.properties.notes.as_deref(), Some("first notes"));
    assert_eq!(u.properties.workload_name, w.properties.workload_name);
    assert_eq!(u.properties.aws_regions, w.properties.aws_regions);
    assert_eq!(u.created_at, w.created_at);
    assert!(u.updated_at > w.updated_at);
    assert_ne!(u.revision, w.revision);
    assert_eq!(block_on(ws.get_workload(&w.workload_id)).unwrap(), u);
}

#[test]
fn a_stale_revision_is_refused_and_nothing_changes() {
    let ws = workspace();
    let w = block_on(ws.define_workload(input("Two tabs"))).unwrap();
    // Tab A saves first.
    let a = WorkloadPatch {
        notes: Some("tab A".into()),
        expected_revision: Some(w.revision.clone()),
        ..Default::default()
    };
    block_on(ws.update_workload(&w.workload_id, a)).unwrap();
    let before = dump(ws.store());
    // Tab B still holds the old revision.
    let b = WorkloadPatch {
        notes: Some("tab B".into()),
        expected_revision: Some(w.revision.clone()),
        ..Default::default()
    };
    let err = block_on(ws.update_workload(&w.workload_id, b)).unwrap_err();
    assert_eq!(err.kind(), "Conflict", "{err}");
    assert_eq!(dump(ws.store()), before);
    assert_eq!(
        block_on(ws.get_workload(&w.workload_id))
            .unwrap()
            .properties
            .notes
            .as_deref(),
        Some("tab A")
    );
}

#[test]
fn delete_removes_everything_of_the_workload_and_nothing_else() {
    let ws = workspace();
    let mut i = input("Doomed");
    i.lenses = Some(strings(&["serverless"]));
    let doomed = block_on(ws.define_workload(i)).unwrap();
    let kept = block_on(ws.define_workload(input("Kept"))).unwrap();
    let id = &doomed.workload_id;
    for w in [id, &kept.workload_id] {
        block_on(ws.update_answer(
            w,
            "wellarchitected",
            "priorities",
            AnswerUpdate {
                selected_choices: Some(strings(&["pri_a"])),
                ..Default::default()
            },
        ))
        .unwrap();
        block_on(ws.create_milestone(w, "Version 1")).unwrap();
    }
    block_on(ws.update_answer(
        id,
        "serverless",
        "sls-sec",
        AnswerUpdate {
            selected_choices: Some(strings(&["ss_a"])),
            ..Default::default()
        },
    ))
    .unwrap();
    block_on(ws.disassociate_lenses(id, &strings(&["serverless"]))).unwrap(); // its data stays until the delete
    block_on(ws.create_milestone(id, "Version 2")).unwrap();
    let kept_before: Vec<_> = dump(ws.store())
        .into_iter()
        .filter(|d| d.id.contains(&kept.workload_id))
        .collect();

    block_on(ws.delete_workload(id)).unwrap();

    let left = dump(ws.store());
    assert!(
        left.iter().all(|d| !d.id.contains(id.as_str())),
        "left: {:?}",
        left.iter().map(|d| &d.id).collect::<Vec<_>>()
    );
    let kept_after: Vec<_> = left
        .into_iter()
        .filter(|d| d.id.contains(&kept.workload_id))
        .collect();
    assert_eq!(kept_after, kept_before);
    assert_eq!(
        block_on(ws.get_workload(id)).unwrap_err().kind(),
        "NotFound"
    );
    assert_eq!(
        block_on(ws.delete_workload(id)).unwrap_err().kind(),
        "NotFound"
    );
    assert_eq!(block_on(ws.list_workloads()).unwrap().len(), 1);
}

#[test]
fn a_failing_store_reports_storage_and_changes_nothing() {
    let ws = open(FailingStore::default());
    let w = block_on(ws.define_workload(input("Fragile"))).unwrap();
    block_on(ws.update_answer(
        &w.workload_id,
        "wellarchitected",
        "priorities",
        AnswerUpdate {
            selected_choices: Some(strings(&["pri_a"])),
            ..Default::default()
        },
    ))
    .unwrap();
    let before = dump(ws.store());
    ws.store().fail.set(true);

    let id = w.workload_id.as_str();
    let failures: Vec<(&str, Result<(), WorkspaceError>)> = vec![
        (
            "define",
            block_on(ws.define_workload(input("Another"))).map(drop),
        ),
        (
            "update",
            block_on(ws.update_workload(
                id,
                WorkloadPatch {
                    notes: Some("n".into()),
                    ..Default::default()
                },
            ))
            .map(drop),
        ),
        (
            "answer",
            block_on(ws.update_answer(
                id,
                "wellarchitected",
                "ops-model",
                AnswerUpdate {
                    selected_choices: Some(strings(&["om_a"])),
                    ..Default::default()
                },
            ))
            .map(drop),
        ),
        (
            "associate",
            block_on(ws.associate_lenses(id, &strings(&["serverless"]))).map(drop),
        ),
        (
            "milestone",
            block_on(ws.create_milestone(id, "Version 1")).map(drop),
        ),
        ("delete", block_on(ws.delete_workload(id))),
    ];
    for (what, result) in failures {
        let err = result.expect_err(what);
        assert_eq!(err.kind(), "QuotaExceeded", "{what}: {err}");
        assert!(matches!(err, WorkspaceError::Storage(_)), "{what}");
        assert!(err.to_string().contains("storage is full"), "{what}: {err}");
    }
    assert_eq!(dump(ws.store()), before);
    // Reads still work.
    assert_eq!(block_on(ws.get_workload(id)).unwrap().questions_answered, 1);
}

#[test]
fn losing_a_race_on_derived_data_is_retried() {
    let ws = open(RacingStore::default());
    let w = block_on(ws.define_workload(input("Raced"))).unwrap();
    let id = w.workload_id.clone();
    // Another tab rewrites the workload document before our next two commits.
    *ws.store().target.borrow_mut() = format!("workload/{id}");
    ws.store().races.set(2);
    let commits_before = ws.store().commits.get();
    let answer = block_on(ws.update_answer(
        &id,
        "wellarchitected",
        "ops-model",
        AnswerUpdate {
            selected_choices: Some(strings(&["om_a", "om_b"])),
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(
        ws.store().commits.get() - commits_before,
        3,
        "two lost races, then success"
    );
    assert_eq!(answer.selected_choices, strings(&["om_a", "om_b"]));
    assert_eq!(
        block_on(ws.get_workload(&id)).unwrap().questions_answered,
        1
    );

    // A rival that never stops wins: Conflict, and our answer is not written.
    ws.store().races.set(100);
    let err = block_on(ws.update_answer(
        &id,
        "wellarchitected",
        "priorities",
        AnswerUpdate {
            selected_choices: Some(strings(&["pri_a"])),
            ..Default::default()
        },
    ))
    .unwrap_err();
    assert_eq!(err.kind(), "Conflict");
    // What is known, and no guess: some other writer of the same storage, every attempt.
    let message = err.to_string();
    assert!(
        message.contains(
            "changed by another writer using the same storage (another tab, window or program)"
        ) && message.contains("each of the 5 times")
            && !message.contains('?'),
        "{message}"
    );
    assert!(block_on(
        ws.store()
            .get(&format!("answer/{id}/wellarchitected/priorities"))
    )
    .unwrap()
    .is_none());
}

#[test]
fn a_user_revision_is_never_retried_away() {
    let ws = open(RacingStore::default());
    let w = block_on(ws.define_workload(input("Guarded"))).unwrap();
    *ws.store().target.borrow_mut() = format!("workload/{}", w.workload_id);
    ws.store().races.set(1);
    let patch = WorkloadPatch {
        notes: Some("mine".into()),
        expected_revision: Some(w.revision.clone()),
        ..Default::default()
    };
    let err = block_on(ws.update_workload(&w.workload_id, patch)).unwrap_err();
    assert_eq!(err.kind(), "Conflict");
    assert_eq!(
        block_on(ws.get_workload(&w.workload_id))
            .unwrap()
            .properties
            .notes,
        None
    );
}

#[test]
fn open_records_the_layout_and_refuses_a_newer_one() {
    let store = MemoryStore::new();
    let ws = open(store);
    let meta = block_on(ws.store().get("meta/plumbline"))
        .unwrap()
        .expect("layout recorded");
    assert_eq!(meta.body["layout"], 2);

    let newer = MemoryStore::new();
    block_on(newer.commit(vec![plumbline::store::Write {
        id: "meta/plumbline".into(),
        expected_rev: None,
        body: Some(serde_json::json!({"layout": 99})),
    }]))
    .unwrap();
    let err = block_on(Workspace::open_with_lenses(newer, env(), lenses()))
        .err()
        .expect("refused");
    assert_eq!(err.kind(), "Unavailable");
    assert!(err.to_string().contains("newer version"), "{err}");
}

#[test]
fn a_lens_set_without_the_framework_is_refused() {
    let err = block_on(Workspace::open_with_lenses(
        MemoryStore::new(),
        env(),
        vec![serverless()],
    ))
    .err()
    .expect("refused");
    assert_eq!(err.field(), Some("lenses"));
}
