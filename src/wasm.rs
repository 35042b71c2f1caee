//! The JavaScript API: the only module that uses wasm-bindgen.
//!
//! Everything here is translation. JS values come in as plain objects and are read with
//! serde-wasm-bindgen into the core's own input types; results go out through ONE serializer
//! ([`SERIALIZER`], JSON-compatible: maps become plain objects, `None` becomes `null`), so what
//! JS receives can be `JSON.stringify`'d as is. Every failure is thrown through ONE helper
//! ([`js_error`]) as a real `Error` with a `kind` property and, where it applies, `field`,
//! `path` or `diagnostics` — so callers can branch on `err.kind` and still get a stack trace.
//!
//! Classes: [`JsLens`] (`Lens` in JS) wraps an immutable parsed lens; [`JsWorkspace`]
//! (`Workspace`) wraps the core workspace in an `Rc`, and every async method moves a clone of
//! that `Rc` into `future_to_promise`, because a `Promise` outlives the `&self` borrow.
//!
//! The TypeScript declarations of the plain-data shapes are written by hand in the
//! `typescript_custom_section` below, and the exports refer to them with
//! `unchecked_param_type`/`unchecked_return_type`, so `tsc` checks consumers against them.

use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::lens::{self, Diagnostic};
use crate::review::{self, Answer, PlanOptions};

/// The one serializer for every value that crosses into JS: JSON-compatible output.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Builds the `Error` every export throws: `message`, `kind` and any extra properties
/// (`field`, `path`, `diagnostics`). The one place errors are made.
fn js_error(kind: &str, message: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let error = js_sys::Error::new(message);
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), value);
    };
    set("kind", &JsValue::from_str(kind));
    for (key, value) in extra {
        set(key, value);
    }
    error.into()
}

/// A lens text with errors: `kind: "LensInvalid"` and every diagnostic (errors and warnings).
fn lens_invalid(diagnostics: &[Diagnostic]) -> JsValue {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let message = match diagnostics.iter().find(|d| d.is_error()) {
        Some(first) => format!(
            "the lens has {errors} error(s); first at {}:{} ({}): {}",
            first.line,
            first.column,
            if first.path.is_empty() {
                "$"
            } else {
                &first.path
            },
            first.message
        ),
        None => "the lens could not be read".to_string(),
    };
    let diagnostics = to_js(diagnostics).unwrap_or(JsValue::NULL);
    js_error("LensInvalid", &message, &[("diagnostics", diagnostics)])
}

/// An argument that does not have the expected shape: `kind: "Validation"` naming the argument.
fn invalid_argument(field: &str, message: &str) -> JsValue {
    js_error(
        "Validation",
        &format!("{field}: {message}"),
        &[("field", JsValue::from_str(field))],
    )
}

// ---------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| js_error("Internal", &format!("cannot convert the result: {e}"), &[]))
}

/// Reads argument `field` into a core type; `undefined`/`null` read as the type's empty value
/// when it has one (options objects).
fn from_js<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| invalid_argument(field, &e.to_string()))
}

/// Answers as `evaluate`/`improvementPlan` take them: an array of camelCase answers, or the
/// AWS ListAnswers output `{AnswerSummaries: [...]}` (PascalCase) as exported from AWS.
fn answers_from_js(value: JsValue) -> Result<Vec<Answer>, JsValue> {
    if js_sys::Array::is_array(&value) {
        return from_js(value, "answers");
    }
    if value.is_object() {
        // The AWS shape has its own reader (defaults, error paths); it takes JSON text.
        let text = js_sys::JSON::stringify(&value)
            .map_err(|_| invalid_argument("answers", "cannot be converted to JSON"))?;
        return aws_answers(&String::from(text)).map_err(|e| {
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

// ---------------------------------------------------------------------------------------------
// Lens
// ---------------------------------------------------------------------------------------------

/// A parsed, valid lens: immutable, evaluates answers and plans improvements.
///
/// ```javascript
/// const lens = Lens.parse(await (await fetch('my-lens.json')).text());
/// const { riskCounts } = lens.evaluate(answers);
/// ```
#[wasm_bindgen(js_name = Lens)]
pub struct JsLens {
    lens: Rc<lens::Lens>,
}

#[wasm_bindgen(js_class = Lens)]
impl JsLens {
    /// Parses and validates a custom-lens JSON text. Throws `kind: "LensInvalid"` with
    /// `diagnostics` (each `{severity, code, path, line, column, message}`) if it has errors.
    pub fn parse(text: &str) -> Result<JsLens, JsValue> {
        lens::parse(text)
            .map(|lens| JsLens {
                lens: Rc::new(lens),
            })
            .map_err(|diagnostics| lens_invalid(&diagnostics))
    }

    /// Checks a lens text without throwing: `{valid, diagnostics, model}` where `model` is the
    /// lens as `toJSON()` would give it whenever its structure could be read (so a draft can be
    /// previewed with its errors listed), else `null`.
    #[wasm_bindgen(unchecked_return_type = "LintResult")]
    pub fn lint(text: &str) -> Result<JsValue, JsValue> {
        let report = lens::lint(text);
        to_js(&LintResult {
            valid: report.lens.is_some() && !report.has_errors(),
            diagnostics: &report.diagnostics,
            model: report.lens.as_ref().map(LensModel::of),
        })
    }

    /// The plain lens: pillars → questions → choices with every text, helpful resources,
    /// improvement plans and risk rules as written. The custom-lens JSON shape.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "LensModel")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&LensModel::of(&self.lens))
    }

    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.lens.name.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn description(&self) -> String {
        self.lens.description.clone()
    }

    /// Risk per question (lens order), per pillar and for the lens. `answers` is an array of
    /// answers, or the AWS ListAnswers output.
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answers = answers_from_js(answers)?;
        let evaluation = review::evaluate(&self.lens, &answers);
        to_js(&evaluation)
    }

    /// The questions at HIGH or MEDIUM risk, most urgent first, each with the best practices
    /// to adopt (most impactful first).
    #[wasm_bindgen(js_name = improvementPlan, unchecked_return_type = "PlanItem[]")]
    pub fn improvement_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PlanOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answers = answers_from_js(answers)?;
        let options: PlanOptions = if options.is_undefined() || options.is_null() {
            PlanOptions::default()
        } else {
            from_js(options, "options")?
        };
        to_js(&review::improvement_plan(&self.lens, &answers, &options))
    }
}

impl JsLens {
    /// For tests and the workspace: the core lens.
    pub fn core(&self) -> &lens::Lens {
        &self.lens
    }
}

#[derive(Serialize)]
struct LintResult<'a> {
    valid: bool,
    diagnostics: &'a [Diagnostic],
    model: Option<LensModel<'a>>,
}

/// The lens model as JS renders it: the custom-lens JSON field names, risk rules as written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LensModel<'a> {
    schema_version: &'a str,
    name: &'a str,
    description: &'a str,
    pillars: Vec<PillarModel<'a>>,
}

#[derive(Serialize)]
struct PillarModel<'a> {
    id: &'a str,
    name: &'a str,
    questions: Vec<QuestionModel<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionModel<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    helpful_resource: Option<&'a lens::model::Resource>,
    choices: Vec<ChoiceModel<'a>>,
    risk_rules: Vec<RuleModel<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChoiceModel<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    helpful_resource: Option<&'a lens::model::Resource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    improvement_plan: Option<&'a lens::model::Resource>,
    additional_resources: &'a [lens::model::AdditionalResources],
}

#[derive(Serialize)]
struct RuleModel<'a> {
    condition: &'a str,
    risk: lens::model::LensRisk,
}

impl<'a> LensModel<'a> {
    fn of(lens: &'a lens::Lens) -> Self {
        LensModel {
            schema_version: &lens.schema_version,
            name: &lens.name,
            description: &lens.description,
            pillars: lens
                .pillars
                .iter()
                .map(|p| PillarModel {
                    id: &p.id,
                    name: &p.name,
                    questions: p
                        .questions
                        .iter()
                        .map(|q| QuestionModel {
                            id: &q.id,
                            title: &q.title,
                            description: &q.description,
                            helpful_resource: q.helpful_resource.as_ref(),
                            choices: q
                                .choices
                                .iter()
                                .map(|c| ChoiceModel {
                                    id: &c.id,
                                    title: &c.title,
                                    description: c.description.as_deref(),
                                    helpful_resource: c.helpful_resource.as_ref(),
                                    improvement_plan: c.improvement_plan.as_ref(),
                                    additional_resources: &c.additional_resources,
                                })
                                .collect(),
                            risk_rules: q
                                .risk_rules
                                .iter()
                                .map(|r| RuleModel {
                                    condition: &r.source,
                                    risk: r.risk,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Misc
// ---------------------------------------------------------------------------------------------

/// The engine version (the crate version), shown in the app's footer and in reports.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

// TEMPORARY until the review branch lands `review::import::answers_from_aws_json`.
struct ImportError {
    path: String,
    message: String,
}
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
fn aws_answers(_text: &str) -> Result<Vec<Answer>, ImportError> {
    Err(ImportError {
        path: String::new(),
        message: "not yet supported".into(),
    })
}
