//! JSON text as the bridge between JS values and serde types (wasm only).
//!
//! Building a JS object property by property from Rust (serde-wasm-bindgen) costs one call
//! across the boundary per property and per string; it measured ~10x slower than the work it
//! carried (`lens.evaluate`, reading 1,000 workloads from IndexedDB). The engines' own
//! `JSON.parse`/`JSON.stringify` build and walk objects natively, and serde_json reads and
//! writes the text in wasm memory, so a value crosses as ONE string in either direction.
//! What JS sees is exactly the JSON serde_json writes: `None` is `null`, a skipped field is
//! absent, maps are plain objects.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Why a value could not cross: the message, without serde_json's " at line 1 column N".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(pub String);

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A serde value as a fresh JS value (objects, arrays, strings, numbers, booleans, null).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsonError> {
    let text = serde_json::to_string(value).map_err(|e| JsonError(describe(&e)))?;
    // serde_json only writes valid JSON, so the engine's parser cannot refuse it.
    js_sys::JSON::parse(&text).map_err(|_| JsonError("the engine refused JSON text".into()))
}

/// A JS value read into `T` through its JSON text. `undefined` reads as `null`; properties
/// whose value is `undefined` are absent (as `JSON.stringify` drops them), which every input
/// type treats like a missing optional property.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsonError> {
    let text = json_text(value)?;
    serde_json::from_str(&text).map_err(|e| JsonError(describe(&e)))
}

/// `JSON.stringify(value)`; `undefined` (and functions, symbols) as `null`.
pub fn json_text(value: &JsValue) -> Result<String, JsonError> {
    if value.is_undefined() {
        return Ok("null".into());
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        // BigInt, cycles, a throwing toJSON: say what the engine said.
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        JsonError(format!("cannot be converted to JSON ({why})"))
    })?;
    // `JSON.stringify` returns undefined (not a string) for functions and symbols.
    Ok(text.as_string().unwrap_or_else(|| "null".into()))
}

/// serde_json appends " at line 1 column N" to its messages; for a value built in JS the
/// position in our intermediate text means nothing.
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
