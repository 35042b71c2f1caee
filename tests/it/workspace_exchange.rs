//! Answers files: `export_answers` writes AWS ListAnswers JSON, `import_answers` reads it (and
//! GetAnswer JSON) back, whole or not at all, with errors that name the JSON path.

use crate::workspace_support::*;
use plumbline::review::Risk;
use plumbline::workload::{AnswerUpdate, ImportAnswersError};
use serde_json::{json, Value};

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

fn answered() -> (
    plumbline::workload::Workspace<plumbline::store::memory::MemoryStore>,
    String,
) {
    let ws = workspace();
    let id = block_on(ws.define_workload(input("Source")))
        .unwrap()
        .workload_id;
    block_on(ws.update_answer(&id, WA, "priorities", select(&["pri_a"]))).unwrap();
    block_on(ws.update_answer(&id, WA, "securely-operate", select(&["so_a", "so_b"]))).unwrap();
    block_on(ws.update_answer(
        &id,
        WA,
        "ops-model",
        AnswerUpdate {
            is_applicable: Some(false),
            reason: Some(plumbline::review::AnswerReason::OutOfScope),
            ..Default::default()
        },
    ))
    .unwrap();
    (ws, id)
}

#[test]
fn export_is_the_list_answers_document_in_lens_order() {
    let (ws, id) = answered();
    let text = block_on(ws.export_answers(&id, WA, None)).unwrap();
    assert!(text.starts_with("{\n    \"WorkloadId\""), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["WorkloadId"], json!(id));
    assert_eq!(doc["LensAlias"], json!(WA));
    let rows = doc["AnswerSummaries"].as_array().unwrap();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["QuestionId"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["priorities", "ops-model", "securely-operate", "limits"]
    );
    assert_eq!(rows[0]["PillarId"], json!("operationalExcellence"));
    assert_eq!(rows[0]["SelectedChoices"], json!(["pri_a"]));
    assert_eq!(rows[0]["Risk"], json!("MEDIUM"));
    assert_eq!(
        rows[0]["ChoiceAnswerSummaries"][0],
        json!({"ChoiceId": "pri_a", "Status": "SELECTED"})
    );
    assert_eq!(rows[1]["IsApplicable"], json!(false));
    assert_eq!(rows[1]["Reason"], json!("OUT_OF_SCOPE"));
    assert_eq!(rows[1]["Risk"], json!("NOT_APPLICABLE"));
    assert_eq!(rows[2]["Risk"], json!("NONE"));
    assert_eq!(rows[3]["Risk"], json!("UNANSWERED"));
    assert!(rows[3].get("Reason").is_none());
}

#[test]
fn export_then_import_into_another_workload_gives_the_same_risks() {
    let (ws, id) = answered();
    let text = block_on(ws.export_answers(&id, WA, None)).unwrap();
    let other = block_on(ws.define_workload(input("Target")))
        .unwrap()
        .workload_id;
    let summary = block_on(ws.import_answers(&other, WA, &text)).unwrap();
    assert_eq!(summary.questions_in_file, 4);
    assert_eq!(
        summary.questions_updated, 3,
        "the unanswered question is not written"
    );
    let risks = |w: &str| -> Vec<Risk> {
        block_on(ws.list_answers(w, WA, None))
            .unwrap()
            .into_iter()
            .map(|a| a.risk)
            .collect()
    };
    assert_eq!(risks(&id), risks(&other));
    let review = block_on(ws.get_lens_review(&other, WA, None)).unwrap();
    assert_eq!(review.risk_counts, summary.risk_counts);
    // Again: nothing changes, nothing is written.
    let before = dump(ws.store());
    let again = block_on(ws.import_answers(&other, WA, &text)).unwrap();
    assert_eq!(again.questions_updated, 0);
    assert_eq!(dump(ws.store()), before);
}

#[test]
fn get_answer_output_and_a_waived_choice_are_read() {
    let (ws, id) = answered();
    let text = json!({"Answer": {
        "QuestionId": "limits",
        "ChoiceAnswers": [{"ChoiceId": "rel_a", "Status": "NOT_APPLICABLE", "Reason": "OTHER"}],
        "Notes": "Handled by the platform"
    }})
    .to_string();
    let summary = block_on(ws.import_answers(&id, WA, &text)).unwrap();
    assert_eq!(summary.questions_updated, 1);
    let a = block_on(ws.get_answer(&id, WA, "limits", None)).unwrap();
    assert_eq!(a.risk, Risk::None);
    assert_eq!(a.notes.as_deref(), Some("Handled by the platform"));
}

#[test]
fn a_bad_file_changes_nothing_and_names_the_place() {
    let long = "x".repeat(2085);
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("not JSON", "{".into(), "", "not valid JSON"),
        ("wrong shape", "{\"Answers\": 1}".into(), "", "ListAnswers"),
        (
            "other lens",
            json!({"LensAlias": "serverless", "AnswerSummaries": []}).to_string(),
            "LensAlias",
            "serverless",
        ),
        (
            "unknown question",
            json!({"AnswerSummaries": [{"QuestionId": "priorities"}, {"QuestionId": "nope"}]})
                .to_string(),
            "AnswerSummaries[1].QuestionId",
            "not a question",
        ),
        (
            "question twice",
            json!({"AnswerSummaries": [{"QuestionId": "limits"}, {"QuestionId": "limits"}]})
                .to_string(),
            "AnswerSummaries[1].QuestionId",
            "twice",
        ),
        (
            "wrong pillar",
            json!({"AnswerSummaries": [{"QuestionId": "limits", "PillarId": "security"}]})
                .to_string(),
            "AnswerSummaries[0].PillarId",
            "reliability",
        ),
        (
            "unknown selected choice",
            json!({"AnswerSummaries": [{"QuestionId": "limits", "SelectedChoices": ["rel_a", "zz"]}]})
                .to_string(),
            "AnswerSummaries[0].SelectedChoices[1]",
            "`zz` is not a choice",
        ),
        (
            "unknown choice summary",
            json!({"AnswerSummaries": [{"QuestionId": "limits", "ChoiceAnswerSummaries": [{"ChoiceId": "zz"}]}]})
                .to_string(),
            "AnswerSummaries[0].ChoiceAnswerSummaries[0].ChoiceId",
            "`zz`",
        ),
        (
            "None of these waived",
            json!({"AnswerSummaries": [{"QuestionId": "limits", "ChoiceAnswerSummaries": [{"ChoiceId": "rel_no", "Status": "NOT_APPLICABLE"}]}]})
                .to_string(),
            "AnswerSummaries[0].ChoiceAnswerSummaries[0].Status",
            "None of these",
        ),
        (
            "bad status",
            json!({"AnswerSummaries": [{"QuestionId": "limits", "ChoiceAnswerSummaries": [{"ChoiceId": "rel_a", "Status": "MAYBE"}]}]})
                .to_string(),
            "AnswerSummaries[0].ChoiceAnswerSummaries[0].Status",
            "MAYBE",
        ),
        (
            "notes too long",
            json!({"AnswerSummaries": [{"QuestionId": "priorities"}, {"QuestionId": "limits", "Notes": long}]})
                .to_string(),
            "AnswerSummaries[1]",
            "2084",
        ),
    ];
    let (ws, id) = answered();
    let before = dump(ws.store());
    for (name, text, path, fragment) in cases {
        match block_on(ws.import_answers(&id, WA, &text)) {
            Err(ImportAnswersError::File(e)) => {
                assert_eq!(e.path, path, "{name}: {e}");
                assert!(
                    e.to_string().contains(fragment),
                    "{name}: `{e}` lacks `{fragment}`"
                );
            }
            other => panic!("{name}: expected a file error, got {other:?}"),
        }
        assert_eq!(dump(ws.store()), before, "{name}: the store changed");
    }
}

#[test]
fn workspace_errors_stay_workspace_errors() {
    let (ws, id) = answered();
    let text = json!({"AnswerSummaries": []}).to_string();
    let missing = "0".repeat(32);
    assert!(matches!(
        block_on(ws.import_answers(&missing, WA, &text)),
        Err(ImportAnswersError::Workspace(e)) if e.kind() == "NotFound"
    ));
    assert!(matches!(
        block_on(ws.import_answers(&id, "serverless", &text)),
        Err(ImportAnswersError::Workspace(e)) if e.kind() == "NotFound"
    ));
    assert!(block_on(ws.export_answers(&id, "nolens", None)).is_err());
}

#[test]
fn notes_travel_only_when_asked_for_and_import_reads_them_back() {
    use plumbline::review::ChoiceStatus;
    use plumbline::workload::ChoiceUpdate;
    let (ws, id) = answered();
    let note = "Owner: \"ops\" =1+1\nsecond line";
    block_on(
        ws.update_answer(
            &id,
            WA,
            "priorities",
            AnswerUpdate {
                notes: Some(note.to_string()),
                choice_updates: Some(
                    [(
                        "pri_a".to_string(),
                        ChoiceUpdate {
                            status: ChoiceStatus::Selected,
                            reason: None,
                            notes: Some("agreed in review".to_string()),
                        },
                    )]
                    .into(),
                ),
                ..Default::default()
            },
        ),
    )
    .unwrap();
    let plain = block_on(ws.export_answers(&id, WA, None)).unwrap();
    assert!(
        !plain.contains("Notes"),
        "the ListAnswers file stays as it was"
    );
    let text = block_on(ws.export_answers_with_notes(&id, WA, None)).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let rows = doc["AnswerSummaries"].as_array().unwrap();
    assert_eq!(rows[0]["Notes"], json!(note));
    assert_eq!(
        rows[0]["ChoiceAnswerSummaries"][0]["Notes"],
        json!("agreed in review")
    );
    assert!(rows[1].get("Notes").is_none(), "no empty notes");
    // Without the notes, the file is the plain one.
    let mut stripped = doc.clone();
    for row in stripped["AnswerSummaries"].as_array_mut().unwrap() {
        row.as_object_mut().unwrap().remove("Notes");
        for c in row["ChoiceAnswerSummaries"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("Notes");
        }
    }
    assert_eq!(stripped, serde_json::from_str::<Value>(&plain).unwrap());

    let other = block_on(ws.define_workload(input("Target")))
        .unwrap()
        .workload_id;
    block_on(ws.import_answers(&other, WA, &text)).unwrap();
    let answers = block_on(ws.list_answers(&other, WA, None)).unwrap();
    assert_eq!(answers[0].notes.as_deref(), Some(note));
    let choice = answers[0]
        .choices
        .iter()
        .find(|c| c.choice_id == "pri_a")
        .unwrap();
    assert_eq!(choice.notes.as_deref(), Some("agreed in review"));
    // A file without notes keeps the notes already saved.
    block_on(ws.import_answers(&other, WA, &plain)).unwrap();
    let kept = block_on(ws.list_answers(&other, WA, None)).unwrap();
    assert_eq!(kept[0].notes.as_deref(), Some(note));
}
