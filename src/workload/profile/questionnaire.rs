//! The profile questionnaire and its mapping to prioritised framework questions, read from the
//! documented data file `lenses/profiles/wellarchitected.json` (compiled in: a few hundred
//! bytes gzip, and it must be the same file everywhere a profile is evaluated).
//!
//! Read as a `serde_json::Value` rather than typed structs: the engine already has that
//! machinery, and a typed form would be more wasm for a file the tests pin anyway.

use std::sync::OnceLock;

use serde_json::Value;

use super::ProfileAnswer;
use crate::workload::error::WorkspaceError;

const FIELD: &str = "profileQuestions";

/// The questionnaire file as shipped.
pub const TEXT: &str = include_str!("../../../lenses/profiles/wellarchitected.json");

/// The questionnaire, parsed once.
///
/// # Panics
/// When the shipped file is not JSON: a build defect that `tests/it/workspace_profiles.rs`
/// catches first.
pub fn template() -> &'static Value {
    static PARSED: OnceLock<Value> = OnceLock::new();
    PARSED.get_or_init(|| serde_json::from_str(TEXT).expect("the profile questionnaire is JSON"))
}

fn questions() -> &'static [Value] {
    template()["questions"]
        .as_array()
        .map_or(&[], Vec::as_slice)
}

fn choices(question: &Value) -> &[Value] {
    question["choices"].as_array().map_or(&[], Vec::as_slice)
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// Every choice id of the questionnaire (the keys a lens's `profilePriorities` may use).
pub fn choice_ids() -> impl Iterator<Item = &'static str> {
    questions()
        .iter()
        .flat_map(choices)
        .map(|c| text(&c["choiceId"]))
}

/// Whether `answers` answer the questionnaire: known questions, once each, their own choices,
/// as many as each question allows, and every question that needs an answer answered.
pub fn check(answers: &[ProfileAnswer]) -> Result<(), WorkspaceError> {
    let fail = |m: String| Err(WorkspaceError::validation(FIELD, m));
    for (i, a) in answers.iter().enumerate() {
        if answers[..i].iter().any(|b| b.question_id == a.question_id) {
            return fail(format!("question `{}` is answered twice", a.question_id));
        }
        let Some(q) = questions()
            .iter()
            .find(|q| text(&q["questionId"]) == a.question_id)
        else {
            return fail(format!(
                "`{}` is not a profile question (see getProfileTemplate)",
                a.question_id
            ));
        };
        if let Some(c) = a.selected_choice_ids.iter().find(|c| {
            !choices(q)
                .iter()
                .any(|k| text(&k["choiceId"]) == c.as_str())
        }) {
            return fail(format!(
                "`{c}` is not a choice of profile question `{}`",
                a.question_id
            ));
        }
    }
    for q in questions() {
        let id = text(&q["questionId"]);
        let n = answers
            .iter()
            .find(|a| a.question_id == id)
            .map_or(0, |a| a.selected_choice_ids.len());
        let min = q["minSelectedChoices"].as_u64().unwrap_or(0) as usize;
        let max = q["maxSelectedChoices"].as_u64().unwrap_or(u64::MAX) as usize;
        if n < min || n > max {
            return fail(format!(
                "profile question `{id}` takes {min} to {max} choice(s); {n} selected"
            ));
        }
    }
    Ok(())
}

/// The framework question ids the choices prioritise: each once, in the file's order.
pub fn prioritized(choice_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in questions().iter().flat_map(choices) {
        if !choice_ids.iter().any(|id| id == text(&c["choiceId"])) {
            continue;
        }
        for q in c["prioritizes"].as_array().map_or(&[][..], Vec::as_slice) {
            let q = text(q);
            if !out.iter().any(|o| o == q) {
                out.push(q.to_string());
            }
        }
    }
    out
}
