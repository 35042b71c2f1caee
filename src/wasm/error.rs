//! Every error the JS API throws or rejects with: a real `Error` (so callers get a stack
//! trace and `instanceof Error`) with a `kind` property and, where it applies, `field`,
//! `path`, `recordId`, `line`/`column` or `diagnostics`. [`js_error`] is the one place such an
//! object is made; [`Thrown`] turns each core error type into one.

use wasm_bindgen::JsValue;

use crate::catalog::CatalogError;
use crate::lens::Diagnostic;
use crate::workload::{ImportAnswersError, Problem, WorkspaceError};

use super::convert::to_js;

/// Builds the `Error` every export throws: `message`, `kind` and any extra properties.
pub fn js_error(kind: &str, message: &str, extra: &[(&str, JsValue)]) -> JsValue {
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

/// An argument that does not have the expected shape: `kind: "Validation"` naming the argument.
pub fn invalid_argument(field: &str, message: &str) -> JsValue {
    WorkspaceError::validation(field, message).thrown()
}

/// A lens text with errors: `kind: "LensInvalid"` and every diagnostic (errors and warnings).
pub fn lens_invalid(diagnostics: &[Diagnostic]) -> JsValue {
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
    js_error(
        "LensInvalid",
        &message,
        &[("diagnostics", diagnostics_of(diagnostics))],
    )
}

/// `[{field, message}]`, built by hand: a serde serializer for one small struct cost more
/// engine bytes than these few calls.
fn problems_of(problems: &[Problem]) -> JsValue {
    let list = js_sys::Array::new();
    for p in problems {
        let item = js_sys::Object::new();
        // Setting a property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(
            &item,
            &JsValue::from_str("field"),
            &JsValue::from_str(&p.field),
        );
        let _ = js_sys::Reflect::set(
            &item,
            &JsValue::from_str("message"),
            &JsValue::from_str(&p.message),
        );
        list.push(&item);
    }
    list.into()
}

fn diagnostics_of(diagnostics: &[Diagnostic]) -> JsValue {
    to_js(diagnostics).unwrap_or(JsValue::NULL)
}

/// A core error as the JS `Error` it becomes. The async helper (`workspace::call`) takes any
/// of these, so each method's body is the core call alone.
pub trait Thrown {
    fn thrown(self) -> JsValue;
}

impl Thrown for JsValue {
    fn thrown(self) -> JsValue {
        self
    }
}

/// `kind` from the core (`Validation`, `NotFound`, `Conflict`, `QuotaExceeded`, `Corrupted`,
/// `Unavailable`, `Storage`, `LensInvalid`), plus whichever of `field`, `path`, `recordId`,
/// `diagnostics` and `problems` (every broken rule of the input) the error carries.
impl Thrown for WorkspaceError {
    fn thrown(self) -> JsValue {
        let mut extra = Vec::new();
        if let Some(f) = self.field() {
            extra.push(("field", JsValue::from_str(f)));
        }
        if let Some(p) = self.path() {
            extra.push(("path", JsValue::from_str(p)));
        }
        if let Some(id) = self.record_id() {
            extra.push(("recordId", JsValue::from_str(id)));
        }
        if let Some(alias) = self.lens_alias() {
            extra.push(("lensAlias", JsValue::from_str(alias)));
        }
        if let Some(d) = self.diagnostics() {
            extra.push(("diagnostics", diagnostics_of(d)));
        }
        let problems = self.problems();
        if !problems.is_empty() {
            extra.push(("problems", problems_of(&problems)));
        }
        js_error(self.kind(), &self.to_string(), &extra)
    }
}

/// A shipped lens that cannot be had: `Uninitialized` or `LensInvalid` with `lensAlias`, or
/// `Validation` (`field: "lenses"`) for texts given under an alias that is not shipped.
impl Thrown for CatalogError {
    fn thrown(self) -> JsValue {
        match self {
            CatalogError::UnknownAlias { .. } => js_error(
                self.kind(),
                &self.to_string(),
                &[("field", "lenses".into())],
            ),
            other => WorkspaceError::from(other).thrown(),
        }
    }
}

/// A refused answers file: problems in the file are `kind: "Validation"` with `field:
/// "answers"` and the JSON `path` of the value at fault (plus `line`/`column` for syntax
/// errors).
impl Thrown for ImportAnswersError {
    fn thrown(self) -> JsValue {
        match self {
            ImportAnswersError::Workspace(e) => e.thrown(),
            ImportAnswersError::File(e) => {
                let mut extra = vec![
                    ("field", JsValue::from_str("answers")),
                    ("path", JsValue::from_str(&e.path)),
                ];
                if let Some((line, column)) = e.line_column {
                    extra.push(("line", JsValue::from(line as u32)));
                    extra.push(("column", JsValue::from(column as u32)));
                }
                js_error("Validation", &format!("answers file: {e}"), &extra)
            }
        }
    }
}

/// `NotFound` for a lens alias the catalog does not ship, naming the ones it does.
pub fn unknown_lens(alias: &str) -> JsValue {
    let known: Vec<&str> = crate::catalog::shipped_aliases().collect();
    js_error(
        "NotFound",
        &format!("no lens `{alias}` (known: {})", known.join(", ")),
        &[],
    )
}

/// A lean-engine method that met an input only the full engine handles (Cargo.toml, feature
/// `full`): `kind: "Uninitialized"` (the full engine is not loaded here) with `engine: "full"`,
/// which the package's browser entry reads to load the full engine once and call again there.
/// `what` names the input, e.g. "reviewTemplateIds".
#[cfg(not(feature = "full"))]
pub fn needs_full_engine(what: &str) -> JsValue {
    js_error(
        "Uninitialized",
        &format!("{what} needs the full engine, which this call loads and retries in (the package's browser entry does it)"),
        &[("engine", JsValue::from_str("full"))],
    )
}
