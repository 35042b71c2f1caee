//! The `Lens` class: a parsed, valid lens that evaluates answers and plans improvements, and
//! the static `Lens.lint` that checks a lens text without throwing.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{answers, input, lens_text, string, to_js, value, Reply};
use super::dispose::{guard_disposal, LENS_DISPOSED, LENS_GUARDED};
use super::error::{js_error, lens_invalid, unknown_lens, Thrown};
use crate::catalog;
use crate::lens::{self, Diagnostic};
use crate::review::{self, Answer, PlanOptions};

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
    /// Parses and validates a custom-lens JSON text, given as a string or as the file's UTF-8
    /// bytes (a `Uint8Array` or Node `Buffer`: no transcoding, so faster for a file read as
    /// bytes; bytes that are not UTF-8 throw `kind: "Validation"`, `field: "text"`, naming the
    /// first bad byte's offset). Throws `kind: "LensInvalid"` with `diagnostics` (each
    /// `{severity, code, path, line, column, message}`) if it has errors.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    ) -> Result<JsLens, JsValue> {
        lens::parse(&lens_text(&text)?)
            .map(|lens| JsLens::new(Rc::new(lens)))
            .map_err(|diagnostics| lens_invalid(&diagnostics))
    }

    /// Checks a lens text (a string, or its UTF-8 bytes as for `parse`) without throwing:
    /// `{valid, diagnostics, model}` where `model` is the lens as `toJSON()` would give it
    /// whenever its structure could be read (so a draft can be previewed with its errors
    /// listed), else `null`. `{strict: true}` makes keys the format
    /// does not define errors, as `plumbline lint --strict` does. Only bad arguments throw
    /// (`kind: "Validation"`, `field: "text"` or the option's name).
    #[wasm_bindgen(unchecked_return_type = "LintResult")]
    pub fn lint(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: LintFlags = input(options, "options")?;
        let options = lens::LintOptions {
            strict: options.strict,
            ..lens::LintOptions::default()
        };
        let report = crate::lint::lint_with(&lens_text(&text)?, &options);
        to_js(&LintResult {
            valid: report.lens.is_some() && !report.has_errors(),
            diagnostics: &report.diagnostics,
            model: report.lens.as_ref(),
        })
    }

    /// The plain lens: pillars → questions → choices with every text, helpful resources,
    /// improvement plans and risk rules as written. The custom-lens JSON shape.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "LensModel")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.lens)
    }

    /// A lens shipped with Plumbline: `"wellarchitected"` (the framework) or `"serverless"`.
    /// Throws `kind: "NotFound"` for any other alias, and `kind: "Uninitialized"` with
    /// `lensAlias` while that lens's file is not loaded (the Node entries load them on import;
    /// in a browser, `Workspace.open` or `Lens.useBuiltins` does).
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] alias: JsValue,
    ) -> Result<JsLens, JsValue> {
        let alias = string(alias, "alias")?;
        let lens = catalog::shipped(&alias).ok_or_else(|| unknown_lens(&alias))?;
        Ok(JsLens::new(Rc::new(
            lens.map_err(Thrown::thrown)?.lens.clone(),
        )))
    }

    /// Hands the engine shipped lens files: `{ wellarchitected: text, serverless: text }`, or
    /// any of them, the texts of the package's `lenses/*.json`. Each is parsed once, on first
    /// use; once parsed, giving it again changes nothing. Throws `kind: "Validation"`
    /// (`field: "lenses"`) for an alias that is not shipped (and then keeps none of them).
    #[wasm_bindgen(js_name = useBuiltins)]
    pub fn use_builtins(
        #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] texts: JsValue,
    ) -> Result<(), JsValue> {
        let texts: crate::sorted_map::SortedMap<String, String> = input(texts, "lenses")?;
        catalog::use_texts(texts.into_iter().collect()).map_err(Thrown::thrown)
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
    #[wasm_bindgen(unchecked_return_type = "LensEvaluation")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&review::evaluate(&self.lens, &self::answers(answers)?))
    }

    /// One question's risk with the reasons behind it: `{questionId, risk, matchedRule,
    /// selectedChoices, notApplicableChoices}`, where `matchedRule` is the index of the first
    /// rule that held (null when none applies) and the choices are the answer as the engine
    /// reads it (`_no` and not-applicable precedence applied). Throws `kind: "NotFound"` for a
    /// question the lens does not have.
    #[wasm_bindgen(unchecked_return_type = "RiskExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput")] answer: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answer: Answer = value(answer, "answer")?;
        let question = self
            .lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .find(|q| q.id == answer.question_id)
            .ok_or_else(|| {
                js_error(
                    "NotFound",
                    &format!("no question `{}` in this lens", answer.question_id),
                    &[],
                )
            })?;
        to_js(&review::explain(question, &answer))
    }

    /// The questions at HIGH or MEDIUM risk, most urgent first, each with the best practices
    /// to adopt (most impactful first).
    #[wasm_bindgen(js_name = improvementPlan, unchecked_return_type = "PlanItem[]")]
    pub fn improvement_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AnswerInput[] | AwsListAnswers")] answers: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let answers = self::answers(answers)?;
        let options: PlanOptions = input(options, "options")?;
        to_js(&review::improvement_plan(&self.lens, &answers, &options))
    }
}

impl JsLens {
    /// A `Lens` object over a core lens (also what `workspace.lens` resolves with).
    pub fn new(lens: Rc<lens::Lens>) -> Self {
        guard_disposal(&LENS_GUARDED, LENS_DISPOSED, || {
            JsLens { lens: lens.clone() }.into()
        });
        JsLens { lens }
    }
}

/// `workspace.lens` resolves with a `Lens` object, not a plain value.
impl Reply for JsLens {
    fn reply(self) -> Result<JsValue, JsValue> {
        Ok(self.into())
    }
}

/// `Lens.lint`'s options, read like the workspace's inputs (unknown names are refused).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct LintFlags {
    strict: bool,
}

#[derive(Serialize)]
struct LintResult<'a> {
    valid: bool,
    diagnostics: &'a [Diagnostic],
    model: Option<&'a lens::Lens>,
}

#[wasm_bindgen(typescript_custom_section)]
const LENS_TYPES: &str = include_str!("types/lens.d.ts");
