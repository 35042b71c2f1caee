//! Reading JS-supplied JSON into input types with field-level errors.
//!
//! serde's messages ("unknown variant `PROD`, expected ...") do not say which property was
//! wrong. Our input types have every field optional, so an object with a single property
//! deserialises on its own; when the whole object fails, trying each property alone finds the
//! culprit, and the error names it like every other validation error.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::value_reader::from_value;

use super::error::{Problem, WorkspaceError};

/// Deserialises an input object (`WorkloadInput`, `WorkloadPatch`, `AnswerUpdate`,
/// `LensReviewUpdate`, `DashboardFilter`, `PlanOptions`), or a `Validation` error whose field
/// is the first offending property (its `problems()` list them all). `null` and `undefined`
/// read as an empty object.
pub fn from_json<T: DeserializeOwned>(value: Value) -> Result<T, WorkspaceError> {
    let value = match value {
        Value::Null => Value::Object(Map::new()),
        v => v,
    };
    let Value::Object(map) = value else {
        return Err(WorkspaceError::validation(
            "input",
            "must be an object of named properties",
        ));
    };
    let whole = from_value::<T>(Value::Object(map.clone()));
    let error = match whole {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    Err(each_property(map, &error, &|alone| {
        from_value::<T>(alone).err()
    }))
}

/// The error naming every property that cannot be read on its own (`fails` tries one), or the
/// whole object's error when each reads alone. Not generic, so the engine holds it once rather
/// than once per input type.
fn each_property(
    map: Map<String, Value>,
    whole: &serde_json::Error,
    fails: &dyn Fn(Value) -> Option<serde_json::Error>,
) -> WorkspaceError {
    let problems: Vec<Problem> = map
        .into_iter()
        .filter_map(|(key, v)| {
            // Not `Map::from_iter`: building a map from pairs sorts them, which compiled a copy
            // of std's stable sort into the engine for this one-entry map.
            let mut alone = Map::new();
            alone.insert(key.clone(), v);
            let e = fails(Value::Object(alone))?;
            Some(Problem {
                field: key,
                message: describe(&e),
            })
        })
        .collect();
    match WorkspaceError::all_problems(problems) {
        Err(e) => e,
        Ok(()) => WorkspaceError::validation("input", describe(whole)),
    }
}

/// serde_json appends " at line 1 column 0" to some messages, which means nothing for an
/// object built in JavaScript.
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
