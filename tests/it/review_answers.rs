//! Answers: validation against a question, normalisation into the canonical form (which must
//! never change the risk), and reading the AWS ListAnswers / GetAnswer JSON.

use crate::review_support::*;
use plumbline::review::import::answers_from_aws_json;
use plumbline::review::{
    question_risk, AnswerError, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus,
};

fn q() -> plumbline::lens::model::Question {
    question(
        "q1",
        "a b c q1_no",
        &[
            ("a && b && c", "NO"),
            ("a || b", "MEDIUM"),
            ("default", "HIGH"),
        ],
    )
}

#[test]
fn validation_names_the_first_problem_and_its_field() {
    let q = q();
    assert_eq!(answer("q1", "a b q1_no").validate_against(&q), Ok(()));
    assert_eq!(
        answer_waiving("q1", "a", "b c").validate_against(&q),
        Ok(())
    );

    let err = answer("q2", "a").validate_against(&q).unwrap_err();
    assert_eq!(err.field(), "questionId");
    assert_eq!(err.to_string(), "the answer is for question `q2`, not `q1`");

    let err = answer("q1", "a zz").validate_against(&q).unwrap_err();
    assert_eq!(
        err,
        AnswerError::UnknownChoice {
            field: "selectedChoices",
            question_id: "q1".into(),
            choice_id: "zz".into()
        }
    );
    assert_eq!(err.to_string(), "question `q1` has no choice `zz`");

    let err = answer_waiving("q1", "a", "yy")
        .validate_against(&q)
        .unwrap_err();
    assert_eq!(err.field(), "choiceAnswers");

    let err = answer_waiving("q1", "", "q1_no")
        .validate_against(&q)
        .unwrap_err();
    assert_eq!(
        err,
        AnswerError::NoneOfTheseNotApplicable {
            choice_id: "q1_no".into()
        }
    );
    assert_eq!(err.field(), "choiceAnswers");
}

#[test]
fn normalise_orders_and_dedupes_selections() {
    let q = q();
    let mut a = answer("q1", "c a c zz");
    a.normalise(&q);
    assert_eq!(a.selected_choices, ["a", "c"]);
    assert!(a.choice_answers.is_empty());
}

#[test]
fn normalise_keeps_only_none_of_these_when_it_is_selected_with_others() {
    let q = q();
    let mut a = answer_waiving("q1", "a q1_no b", "c");
    a.normalise(&q);
    assert_eq!(a.selected_choices, ["q1_no"]);
    // The waiver's entry stays (its notes might matter) but no longer waives anything.
    assert_eq!(
        a.choice_answers,
        vec![choice_answer("c", ChoiceStatus::Unselected)]
    );
}

#[test]
fn normalise_lets_a_waiver_win_over_a_selection_and_keeps_its_reason() {
    let q = q();
    let mut a = answer("q1", "a b");
    a.choice_answers = vec![
        ChoiceAnswer {
            choice_id: "b".into(),
            status: ChoiceStatus::NotApplicable,
            reason: Some(ChoiceReason::OutOfScope),
            notes: Some("not our problem".into()),
        },
        ChoiceAnswer {
            choice_id: "a".into(),
            status: ChoiceStatus::Selected,
            // A reason only explains NOT_APPLICABLE; it is dropped elsewhere.
            reason: Some(ChoiceReason::Other),
            notes: None,
        },
        ChoiceAnswer {
            choice_id: "b".into(),
            status: ChoiceStatus::Selected,
            reason: None,
            notes: None,
        },
    ];
    a.normalise(&q);
    assert_eq!(a.selected_choices, ["a"]);
    assert_eq!(
        a.choice_answers,
        vec![
            ChoiceAnswer {
                choice_id: "a".into(),
                status: ChoiceStatus::Selected,
                reason: None,
                notes: None,
            },
            ChoiceAnswer {
                choice_id: "b".into(),
                status: ChoiceStatus::NotApplicable,
                reason: Some(ChoiceReason::OutOfScope),
                notes: Some("not our problem".into()),
            },
        ]
    );
}

#[test]
fn normalise_turns_a_waived_none_of_these_into_unselected() {
    let q = q();
    let mut a = answer_waiving("q1", "a", "q1_no");
    a.normalise(&q);
    assert_eq!(a.selected_choices, ["a"]);
    assert_eq!(
        a.choice_answers,
        vec![choice_answer("q1_no", ChoiceStatus::Unselected)]
    );
}

#[test]
fn normalise_leaves_question_level_fields_alone_and_is_idempotent() {
    let q = q();
    let mut a = not_applicable("q1", "b a");
    a.reason = Some(AnswerReason::BusinessPriorities);
    a.notes = Some("later".into());
    a.normalise(&q);
    assert!(!a.is_applicable);
    assert_eq!(a.reason, Some(AnswerReason::BusinessPriorities));
    assert_eq!(a.notes.as_deref(), Some("later"));
    assert_eq!(a.selected_choices, ["a", "b"]);
    let once = a.clone();
    a.normalise(&q);
    assert_eq!(a, once);
}

#[test]
fn normalising_never_changes_the_risk() {
    let q = q();
    let ids = ["a", "b", "c", "q1_no", "zz"];
    // Every combination of: selected or not, and status none/SELECTED/N/A/UNSELECTED.
    for code in 0..(8usize.pow(ids.len() as u32)) {
        let mut a = answer("q1", "");
        let mut rest = code;
        for id in ids {
            let (selected, status) = (rest % 2 == 1, (rest / 2) % 4);
            rest /= 8;
            if selected {
                a.selected_choices.push(id.into());
            }
            let status = match status {
                1 => ChoiceStatus::Selected,
                2 => ChoiceStatus::NotApplicable,
                3 => ChoiceStatus::Unselected,
                _ => continue,
            };
            a.choice_answers.push(choice_answer(id, status));
        }
        let before = question_risk(&q, Some(&a));
        let mut normalised = a.clone();
        normalised.normalise(&q);
        assert_eq!(question_risk(&q, Some(&normalised)), before, "{a:?}");
        // The canonical form is consistent with itself and valid.
        assert_eq!(normalised.validate_against(&q), Ok(()), "{normalised:?}");
    }
}

#[test]
fn list_answers_json_is_read_with_aws_defaults() {
    let text = r#"{
      "WorkloadId": "0123456789abcdef0123456789abcdef",
      "LensAlias": "arn:aws:wellarchitected:eu-west-1:123456789012:lens/abc",
      "AnswerSummaries": [
        {"QuestionId": "q1", "PillarId": "ops", "QuestionTitle": "T", "Risk": "HIGH",
         "SelectedChoices": ["a", "b"],
         "ChoiceAnswerSummaries": [
           {"ChoiceId": "c", "Status": "NOT_APPLICABLE", "Reason": "OUT_OF_SCOPE"},
           {"ChoiceId": "a"}
         ],
         "IsApplicable": true, "QuestionType": "PRIORITIZED"},
        {"QuestionId": "q2", "IsApplicable": false, "Reason": "BUSINESS_PRIORITIES"},
        {"QuestionId": "q3", "SelectedChoices": null, "ChoiceAnswerSummaries": null}
      ],
      "NextToken": "abc"
    }"#;
    let answers = answers_from_aws_json(text).unwrap();
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[0].pillar_id.as_deref(), Some("ops"));
    assert_eq!(answers[0].selected_choices, ["a", "b"]);
    assert_eq!(
        answers[0].choice_answers,
        vec![
            ChoiceAnswer {
                choice_id: "c".into(),
                status: ChoiceStatus::NotApplicable,
                reason: Some(ChoiceReason::OutOfScope),
                notes: None
            },
            choice_answer("a", ChoiceStatus::Unselected),
        ]
    );
    assert!(answers[0].is_applicable);
    assert!(!answers[1].is_applicable);
    assert_eq!(answers[1].reason, Some(AnswerReason::BusinessPriorities));
    assert_eq!(answers[2], answer("q3", ""));
}

#[test]
fn get_answer_json_and_bare_arrays_are_read_too() {
    let get = r#"{"WorkloadId": "w", "Answer": {"QuestionId": "q1", "SelectedChoices": ["a"],
        "ChoiceAnswers": [{"ChoiceId": "b", "Status": "SELECTED", "Notes": "n"}]}}"#;
    let answers = answers_from_aws_json(get).unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].choice_answers[0].notes.as_deref(), Some("n"));
    assert_eq!(answers[0].choice_answers[0].status, ChoiceStatus::Selected);

    let bare = r#"[{"QuestionId": "q1"}, {"QuestionId": "q2", "SelectedChoices": ["x"]}]"#;
    assert_eq!(answers_from_aws_json(bare).unwrap().len(), 2);
    assert_eq!(
        answers_from_aws_json(r#"{"AnswerSummaries": []}"#).unwrap(),
        vec![]
    );
}

#[test]
fn bad_answers_json_names_the_problem_and_where() {
    let message = |text: &str| answers_from_aws_json(text).unwrap_err().to_string();
    assert_eq!(
        message("{\n  \"AnswerSummaries\": [\n    {\"QuestionId\": \"q1\",}\n  ]\n}"),
        "3:25: not valid JSON: trailing comma"
    );
    assert_eq!(
        message(r#"{"Answers": []}"#),
        "expected the output of ListAnswers (`{\"AnswerSummaries\": [...]}`) or of GetAnswer \
         (`{\"Answer\": {...}}`)"
    );
    assert_eq!(
        message("42"),
        "expected an object or an array, found a number"
    );
    assert_eq!(
        message(r#"{"AnswerSummaries": {"QuestionId": "q1"}}"#),
        "at AnswerSummaries: expected an array, found an object"
    );
    assert_eq!(
        message(r#"{"AnswerSummaries": [{"QuestionId": "q1"}, {"PillarId": "p"}]}"#),
        "at AnswerSummaries[1]: `QuestionId` is missing"
    );
    assert_eq!(
        message(r#"{"AnswerSummaries": [{"QuestionId": "q1", "SelectedChoices": ["a", 7]}]}"#),
        "at AnswerSummaries[0].SelectedChoices[1]: expected a string, found a number"
    );
    assert_eq!(
        message(
            r#"{"AnswerSummaries": [{"QuestionId": "q1",
                "ChoiceAnswerSummaries": [{"ChoiceId": "a", "Status": "CHOSEN"}]}]}"#
        ),
        "at AnswerSummaries[0].ChoiceAnswerSummaries[0].Status: expected one of SELECTED, \
         NOT_APPLICABLE, UNSELECTED, found \"CHOSEN\""
    );
    assert_eq!(
        message(r#"{"Answer": {"QuestionId": "q1", "IsApplicable": "yes"}}"#),
        "at Answer.IsApplicable: expected true or false, found a string"
    );
    assert_eq!(
        message(r#"{"Answer": {"QuestionId": "q1", "Reason": "LAZINESS"}}"#),
        "at Answer.Reason: expected one of OUT_OF_SCOPE, BUSINESS_PRIORITIES, \
         ARCHITECTURE_CONSTRAINTS, OTHER, NONE, found \"LAZINESS\""
    );
}

#[test]
fn a_repeated_key_in_answers_is_an_error_at_its_path() {
    let text = "{\"AnswerSummaries\": [\n  {\"QuestionId\": \"q1\"},\n  {\"QuestionId\": \"q2\", \"SelectedChoices\": [\"a\"],\n   \"SelectedChoices\": []}\n]}";
    let error = answers_from_aws_json(text).unwrap_err();
    assert_eq!(error.path, "AnswerSummaries[1].SelectedChoices");
    assert_eq!(error.line_column, Some((4, 4)));
    assert_eq!(
        error.to_string(),
        "4:4: at AnswerSummaries[1].SelectedChoices: key `SelectedChoices` is repeated in this \
         object (first at line 3, column 24); only one of the values can be kept, remove the other"
    );
    // The earliest repeat in the file is the one reported, also when an inner object repeats
    // a key later in the file than an outer one.
    let nested =
        r#"{"AnswerSummaries": [], "AnswerSummaries": [{"QuestionId": "q", "QuestionId": "r"}]}"#;
    assert_eq!(
        answers_from_aws_json(nested).unwrap_err().path,
        "AnswerSummaries"
    );
}

#[test]
fn answers_with_a_byte_order_mark_are_read() {
    let text = "\u{feff}{\"AnswerSummaries\": [{\"QuestionId\": \"q1\"}]}";
    assert_eq!(answers_from_aws_json(text).unwrap()[0].question_id, "q1");
    // A syntax error on line 1 counts the mark as a character, as lens positions do.
    let error = answers_from_aws_json("\u{feff}{\"AnswerSummaries\": [,]}").unwrap_err();
    assert_eq!(error.line_column, Some((1, 23)));
    assert_eq!(
        answers_from_aws_json("{\"AnswerSummaries\": [,]}")
            .unwrap_err()
            .line_column,
        Some((1, 22))
    );
}

#[test]
fn answers_files_have_a_size_limit() {
    use plumbline::review::import::MAX_FILE_BYTES;
    let open = "{\"AnswerSummaries\": []}";
    let at_limit = format!("{open}{}", " ".repeat(MAX_FILE_BYTES - open.len()));
    assert!(answers_from_aws_json(&at_limit).unwrap().is_empty());
    let over = format!("{at_limit} ");
    assert_eq!(
        answers_from_aws_json(&over).unwrap_err().to_string(),
        "the answers file is 10485761 bytes; the limit is 10485760 bytes"
    );
}

#[test]
fn echoed_values_of_answers_are_cut_and_escaped() {
    let status = format!("\u{1b}[2J\n{}", "X".repeat(200));
    let text = serde_json::json!({"Answer": {"QuestionId": "q", "Reason": status}}).to_string();
    let message = answers_from_aws_json(&text).unwrap_err().to_string();
    assert!(
        message.ends_with(&format!(
            "found \"\\u{{1b}}[2J\\u{{a}}{}…\"",
            "X".repeat(75)
        )),
        "{message}"
    );
}
