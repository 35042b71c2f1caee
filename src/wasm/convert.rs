//! Values in and out of the JS API: results into JS values, arguments into core types.
//!
//! Results go out through ONE path ([`to_js`]); arguments come in through the readers below,
//! each of which names the parameter in its `Validation` error. [`Args`] bundles the readers'
//! results of one call, so a method decodes every argument first and reports the first bad one.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::error::{invalid_argument, js_error, Thrown};
use super::js_json;
use crate::review::{self, Answer, PlanOptions};
use crate::workload::from_json;

/// Every result that crosses into JS goes through here.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_json::to_js(value)
        .map_err(|e| js_error("Internal", &format!("cannot convert the result: {e}"), &[]))
}

/// What a call hands back to JS: a plain value, or (for `workspace.lens`) a class instance.
pub trait Reply {
    fn reply(self) -> Result<JsValue, JsValue>;
}

impl<T: Serialize> Reply for T {
    fn reply(self) -> Result<JsValue, JsValue> {
        to_js(&self)
    }
}

/// Reads argument `field` as `T` with serde's own message (arrays, plain values).
pub fn value<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    js_json::from_js(&value).map_err(|e| invalid_argument(field, &e.0))
}

/// Reads an input object into a core input type with the core's field-level errors
/// (`kind: "Validation"`, `field` = the offending property). `undefined` reads as `{}`. A value
/// that cannot even be read (a getter or `toJSON` that throws, a cycle, a BigInt) is refused
/// with `field` = `argument`, the parameter's name, and the engine's message.
pub fn input<T: DeserializeOwned>(value: JsValue, argument: &str) -> Result<T, JsValue> {
    from_json(object(value, argument)?).map_err(Thrown::thrown)
}

/// An options object as a JSON value (`undefined` as `null`), before reading it as a type.
fn object(value: JsValue, argument: &str) -> Result<Value, JsValue> {
    if value.is_undefined() {
        return Ok(Value::Null);
    }
    self::value(value, argument)
}

/// A string argument such as an id: anything else is a `Validation` error naming it (the
/// generated glue would otherwise pass a number to the engine as a broken string).
pub fn string(value: JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_argument(field, "must be a string"))
}

/// A string argument that must be given, with the message that says so.
pub fn required_string(value: JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_argument(field, "is required and must be a string"))
}

/// A document's text (a lens file, a backup, an answers file) into wasm memory with one native
/// `encodeInto` (`js_json::string_from_js`). wasm-bindgen's own copy of a `&str` argument first
/// walks it character by character in JS, then re-encodes the rest from the first non-ASCII
/// character: with a typographic quote near the top of a 400 KB lens, that copy alone cost
/// more than `JSON.parse` of the text.
pub fn document_text(value: &JsValue, field: &str, what: &str) -> Result<String, JsValue> {
    match value.dyn_ref::<js_sys::JsString>() {
        Some(text) => Ok(js_json::string_from_js(text)),
        None => Err(invalid_argument(
            field,
            &format!("must be a string ({what})"),
        )),
    }
}

/// A lens JSON text argument (`Lens.parse`, `Lens.lint`, `importLens`): a string, or the
/// file's bytes as a `Uint8Array` (a Node `Buffer` is one). Bytes are copied as they are and
/// checked to be UTF-8 here; a string costs a transcoding `encodeInto`, which in Chromium took
/// longer than `JSON.parse` of the same 400 KB text (README, "Size budget").
pub fn lens_text(value: &JsValue) -> Result<String, JsValue> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => utf8_text(js_json::bytes_from_js(bytes), "text"),
        None => document_text(
            value,
            "text",
            "the lens JSON text, or its UTF-8 bytes as a Uint8Array",
        ),
    }
}

/// Bytes that must be UTF-8 text, else a `Validation` error at the first byte that is not.
fn utf8_text(bytes: Vec<u8>, field: &str) -> Result<String, JsValue> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        invalid_argument(
            field,
            &format!("is not UTF-8 text: the character at byte {at} is not valid UTF-8; save the file as UTF-8"),
        )
    })
}

/// A milestone number as an argument of its own (`getMilestone`): a whole number from 1 to the
/// most milestones a workload can have, else `Validation` with `field: "milestoneNumber"`.
// Taken as a JS value and checked here: wasm-bindgen's `u32` conversion wraps 2^32 + 1 to
// 1 and truncates 1.9 to 1, which read milestone 1 instead of refusing.
pub fn milestone_number(value: JsValue) -> Result<u32, JsValue> {
    let max = crate::workload::validate::MAX_MILESTONES as u32;
    let rule = format!("must be a whole number from 1 to {max}");
    let Some(n) = value.as_f64() else {
        let got = if value.is_string() {
            "a string"
        } else {
            "not a number"
        };
        return Err(invalid_argument(
            "milestoneNumber",
            &format!("{rule}; got {got}"),
        ));
    };
    if n.fract() != 0.0 || !(1.0..=f64::from(max)).contains(&n) {
        return Err(invalid_argument(
            "milestoneNumber",
            &format!("{rule}; got {n}"),
        ));
    }
    Ok(n as u32)
}

/// `{milestoneNumber}`: read the frozen state of a milestone instead of the current one.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ReadOptions {
    pub milestone_number: Option<u32>,
}

/// `ReadOptions` as its one useful field.
pub fn milestone_option(value: JsValue) -> Result<Option<u32>, JsValue> {
    input::<ReadOptions>(value, "options").map(|o| o.milestone_number)
}

/// The workspace's plan options: `PlanOptions` plus `milestoneNumber`, split off before the
/// rest is read as `PlanOptions` (which refuses names it does not know).
pub fn plan_options(value: JsValue) -> Result<(PlanOptions, Option<u32>), JsValue> {
    let mut options = object(value, "options")?;
    let milestone = match options
        .as_object_mut()
        .and_then(|o| o.remove("milestoneNumber"))
    {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| invalid_argument("milestoneNumber", "must be a whole number"))?,
        ),
    };
    Ok((from_json(options).map_err(Thrown::thrown)?, milestone))
}

/// Answers as `evaluate`/`improvementPlan` take them: an array of camelCase answers, or the
/// AWS ListAnswers output `{AnswerSummaries: [...]}` (PascalCase) as exported from AWS.
pub fn answers(value: JsValue) -> Result<Vec<Answer>, JsValue> {
    if js_sys::Array::is_array(&value) {
        return self::value(value, "answers");
    }
    if value.is_object() {
        // The AWS shape has its own reader (defaults, error paths); it takes JSON text.
        let text = js_json::json_text(&value).map_err(|e| invalid_argument("answers", &e.0))?;
        return review::import::answers_from_aws_json(&text).map_err(|e| {
            js_error(
                "Validation",
                &format!("answers: {e}"),
                &[
                    ("field", JsValue::from_str("answers")),
                    ("path", JsValue::from_str(&e.path)),
                ],
            )
        });
    }
    Err(invalid_argument(
        "answers",
        "expected an array of answers or the AWS ListAnswers output {AnswerSummaries: [...]}",
    ))
}

/// The decoded arguments of one call: a tuple of each reader's result, which becomes the tuple
/// of values, or the first argument's error in parameter order.
pub trait Args {
    type Values;
    fn decoded(self) -> Result<Self::Values, JsValue>;
}

macro_rules! args_tuple {
    ($($name:ident),*) => {
        impl<$($name),*> Args for ($(Result<$name, JsValue>,)*) {
            type Values = ($($name,)*);
            #[allow(non_snake_case)]
            fn decoded(self) -> Result<Self::Values, JsValue> {
                let ($($name,)*) = self;
                Ok(($($name?,)*))
            }
        }
    };
}

args_tuple!();
args_tuple!(A);
args_tuple!(A, B);
args_tuple!(A, B, C);
args_tuple!(A, B, C, D);
