//! Reading answers in the AWS API's JSON (PascalCase): the output of `ListAnswers`
//! (`{"AnswerSummaries":[…]}`), of `GetAnswer` (`{"Answer":{…}}`), or a bare array of answer
//! summaries (pages joined with `jq`).
//!
//! Missing or `null` fields take the AWS defaults: no selection, no choice answers,
//! `IsApplicable: true`, and `UNSELECTED` for a choice answer without a status. Fields we do not
//! use (`QuestionTitle`, `Risk`, `QuestionType`, `NextToken`, …) are ignored, so real exports
//! read as they are. Every error names the JSON path of the offending value.
//!
//! A key repeated in one object is an error, as in lens files: serde_json would keep the last
//! value without a word, and the file means something else than its author thinks. A UTF-8
//! byte-order mark is read past, as the lens reader does (there is no warning channel here).

use std::fmt;

use serde_json::{Map, Value};

use super::answers::{Answer, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus};
use crate::lens::json::{self as positioned, JsonErrorKind};
use crate::lens::path::path_at;
use crate::lens::position::LineIndex;
use crate::shown::excerpt;

/// The largest answers file read, in bytes: 10 MiB. A ListAnswers export of the largest lens
/// (10 pillars × 20 questions × 15 choices, every note at its limit) stays well under it.
pub const MAX_FILE_BYTES: usize = 10_485_760;

/// A problem in an answers file: where (a JSON path, or line:column for a syntax error) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// JSON path such as `AnswerSummaries[2].SelectedChoices[0]`; empty for the whole document.
    pub path: String,
    /// 1-based position, known for syntax errors only.
    pub line_column: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.line_column, self.path.as_str()) {
            (Some((line, column)), "") => write!(f, "{line}:{column}: {}", self.message),
            (Some((line, column)), path) => {
                write!(f, "{line}:{column}: at {path}: {}", self.message)
            }
            (None, "") => write!(f, "{}", self.message),
            (None, path) => write!(f, "at {path}: {}", self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Parses an AWS answers document into answers, in document order.
pub fn answers_from_aws_json(text: &str) -> Result<Vec<Answer>, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError {
            path: String::new(),
            line_column: None,
            message: format!(
                "the answers file is {} bytes; the limit is {MAX_FILE_BYTES} bytes",
                text.len()
            ),
        });
    }
    let bom = text.starts_with('\u{feff}');
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document: Value = serde_json::from_str(json).map_err(|e| {
        // serde_json appends "at line L column C"; the position is reported separately.
        let full = e.to_string();
        let what = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(what, _)| what);
        // Positions count the byte-order mark as the first character, as the lens reader's do.
        let column = e.column() + usize::from(bom && e.line() == 1);
        ImportError {
            path: String::new(),
            line_column: Some((e.line(), column)),
            message: format!("not valid JSON: {what}"),
        }
    })?;
    refuse_repeated_keys(text)?;
    match &document {
        Value::Array(items) => answer_list(items, ""),
        Value::Object(object) => {
            if let Some(list) = present(object, "AnswerSummaries") {
                let items = list
                    .as_array()
                    .ok_or_else(|| wrong_type("AnswerSummaries", "an array", list))?;
                answer_list(items, "AnswerSummaries")
            } else if let Some(answer) = present(object, "Answer") {
                Ok(vec![read_answer(answer, "Answer".to_string())?])
            } else {
                Err(ImportError {
                    path: String::new(),
                    line_column: None,
                    message: "expected the output of ListAnswers (`{\"AnswerSummaries\": [...]}`) \
                              or of GetAnswer (`{\"Answer\": {...}}`)"
                        .to_string(),
                })
            }
        }
        other => Err(wrong_type("", "an object or an array", other)),
    }
}

/// The first key repeated in one object, as an error at the repeat with its JSON path. The
/// position-keeping lens reader finds them (serde_json cannot); it runs only on text serde_json
/// accepted, so any other finding of it can be ignored.
fn refuse_repeated_keys(text: &str) -> Result<(), ImportError> {
    let arena = positioned::Arena::default();
    let parsed = positioned::read(text, &arena);
    // Found as each object closes, inner ones first: report the one earliest in the file.
    let Some(error) = parsed
        .errors
        .iter()
        .filter(|e| matches!(e.kind, JsonErrorKind::DuplicateKey { .. }))
        .min_by_key(|e| e.offset)
    else {
        return Ok(());
    };
    let JsonErrorKind::DuplicateKey { key, first_offset } = &error.kind else {
        return Ok(());
    };
    let lines = LineIndex::new(text);
    let (line, column) = lines.position(*first_offset);
    let (again_line, again_column) = lines.position(error.offset);
    Err(ImportError {
        path: parsed
            .root
            .as_ref()
            .map(|root| path_at(root, error.offset))
            .unwrap_or_default(),
        line_column: Some((again_line as usize, again_column as usize)),
        message: format!(
            "key `{}` is repeated in this object (first at line {line}, column {column}); only one of the values can be kept, remove the other",
            excerpt(key)
        ),
    })
}

fn answer_list(items: &[Value], path: &str) -> Result<Vec<Answer>, ImportError> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read_answer(item, format!("{path}[{i}]")))
        .collect()
}

fn read_answer(value: &Value, path: String) -> Result<Answer, ImportError> {
    let object = value
        .as_object()
        .ok_or_else(|| wrong_type(&path, "an object", value))?;
    let question_id = string_field(object, &path, "QuestionId")?.ok_or_else(|| ImportError {
        path: path.clone(),
        line_column: None,
        message: "`QuestionId` is missing".to_string(),
    })?;
    let selected_choices = match present(object, "SelectedChoices") {
        None => Vec::new(),
        Some(list) => {
            let at = format!("{path}.SelectedChoices");
            let items = list
                .as_array()
                .ok_or_else(|| wrong_type(&at, "an array", list))?;
            items
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    id.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| wrong_type(&format!("{at}[{i}]"), "a string", id))
                })
                .collect::<Result<_, _>>()?
        }
    };
    // ListAnswers says ChoiceAnswerSummaries, GetAnswer says ChoiceAnswers.
    let key = ["ChoiceAnswerSummaries", "ChoiceAnswers"]
        .into_iter()
        .find(|k| present(object, k).is_some());
    let choice_answers = match key {
        None => Vec::new(),
        Some(key) => {
            let at = format!("{path}.{key}");
            let list = &object[key];
            let items = list
                .as_array()
                .ok_or_else(|| wrong_type(&at, "an array", list))?;
            items
                .iter()
                .enumerate()
                .map(|(i, item)| read_choice_answer(item, format!("{at}[{i}]")))
                .collect::<Result<_, _>>()?
        }
    };
    let is_applicable = match present(object, "IsApplicable") {
        None => true,
        Some(flag) => flag
            .as_bool()
            .ok_or_else(|| wrong_type(&format!("{path}.IsApplicable"), "true or false", flag))?,
    };
    Ok(Answer {
        question_id,
        pillar_id: string_field(object, &path, "PillarId")?,
        selected_choices,
        choice_answers,
        is_applicable,
        reason: enum_field(object, &path, "Reason", REASONS, answer_reason)?,
        notes: string_field(object, &path, "Notes")?,
    })
}

fn read_choice_answer(value: &Value, path: String) -> Result<ChoiceAnswer, ImportError> {
    let object = value
        .as_object()
        .ok_or_else(|| wrong_type(&path, "an object", value))?;
    let choice_id = string_field(object, &path, "ChoiceId")?.ok_or_else(|| ImportError {
        path: path.clone(),
        line_column: None,
        message: "`ChoiceId` is missing".to_string(),
    })?;
    Ok(ChoiceAnswer {
        choice_id,
        status: enum_field(object, &path, "Status", STATUSES, choice_status)?
            .unwrap_or(ChoiceStatus::Unselected),
        reason: enum_field(object, &path, "Reason", REASONS, choice_reason)?,
        notes: string_field(object, &path, "Notes")?,
    })
}

const STATUSES: &[&str] = &["SELECTED", "NOT_APPLICABLE", "UNSELECTED"];
const REASONS: &[&str] = &[
    "OUT_OF_SCOPE",
    "BUSINESS_PRIORITIES",
    "ARCHITECTURE_CONSTRAINTS",
    "OTHER",
    "NONE",
];

fn choice_status(s: &str) -> Option<ChoiceStatus> {
    Some(match s {
        "SELECTED" => ChoiceStatus::Selected,
        "NOT_APPLICABLE" => ChoiceStatus::NotApplicable,
        "UNSELECTED" => ChoiceStatus::Unselected,
        _ => return None,
    })
}

fn choice_reason(s: &str) -> Option<ChoiceReason> {
    Some(match s {
        "OUT_OF_SCOPE" => ChoiceReason::OutOfScope,
        "BUSINESS_PRIORITIES" => ChoiceReason::BusinessPriorities,
        "ARCHITECTURE_CONSTRAINTS" => ChoiceReason::ArchitectureConstraints,
        "OTHER" => ChoiceReason::Other,
        "NONE" => ChoiceReason::None,
        _ => return None,
    })
}

fn answer_reason(s: &str) -> Option<AnswerReason> {
    Some(match s {
        "OUT_OF_SCOPE" => AnswerReason::OutOfScope,
        "BUSINESS_PRIORITIES" => AnswerReason::BusinessPriorities,
        "ARCHITECTURE_CONSTRAINTS" => AnswerReason::ArchitectureConstraints,
        "OTHER" => AnswerReason::Other,
        "NONE" => AnswerReason::None,
        _ => return None,
    })
}

/// The field's value unless it is absent or `null` (both mean "use the default").
fn present<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    object.get(key).filter(|v| !v.is_null())
}

fn string_field(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<Option<String>, ImportError> {
    match present(object, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(wrong_type(&format!("{path}.{key}"), "a string", other)),
    }
}

fn enum_field<T>(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    allowed: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, ImportError> {
    let Some(text) = string_field(object, path, key)? else {
        return Ok(None);
    };
    parse(&text).map(Some).ok_or_else(|| ImportError {
        path: format!("{path}.{key}"),
        line_column: None,
        message: format!(
            "expected one of {}, found \"{}\"",
            allowed.join(", "),
            excerpt(&text)
        ),
    })
}

fn wrong_type(path: &str, expected: &str, found: &Value) -> ImportError {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    ImportError {
        path: path.to_string(),
        line_column: None,
        message: format!("expected {expected}, found {found}"),
    }
}
