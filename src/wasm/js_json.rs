//! The bridge between JS values and serde types, under the API's arguments and results and
//! the IndexedDB backend's records.
//!
//! Out (results, records handed to IndexedDB): serde-wasm-bindgen in its JSON-compatible form
//! builds the JS value directly, no JSON text in between. With wasm-bindgen 0.2.130 it was no
//! slower than the text bridge it replaced (which an older measurement had found ~10x faster):
//! `listAnswers` and `lens.toJSON` measured faster, the rest within the noise (README).
//!
//! In (arguments, stored records): through the value's JSON text (`JSON.stringify`, then
//! serde_json in wasm memory). That is what the API promises callers: `toJSON` is honoured
//! (a `Date`), a property whose value is `undefined` is absent, and a getter that throws, a
//! cycle or a BigInt is a `Validation` error naming the argument; serde-wasm-bindgen's reader
//! would call no `toJSON`, read `undefined` as `null`, recurse forever on a cycle, and let a
//! getter's exception unwind through wasm. Stored records can hold anything a hand edit put
//! there (a damaged record), so they are read the same careful way.

use js_sys::{JsString, Uint8Array};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why a value could not cross: the message, without serde_json's " at line 1 column N".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(pub String);

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A serde value as a fresh JS value, built by serde-wasm-bindgen in its JSON-compatible form:
/// maps are plain objects, `None` is `null`, a skipped field is absent, so what JS receives can
/// be `JSON.stringify`'d as is.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsonError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsonError(e.to_string()))
}

/// A JS value read into `T` through its JSON text and a JSON value, by the engine's one value
/// reader (`value_reader`). `undefined` reads as `null`; properties whose value is `undefined`
/// are absent (as `JSON.stringify` drops them), which every input type treats like a missing
/// optional property.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsonError> {
    crate::value_reader::from_value(value_from_js(value)?).map_err(|e| JsonError(describe(&e)))
}

/// A JS value as a JSON value, through its JSON text (see [`from_js`]).
pub fn value_from_js(value: &JsValue) -> Result<Value, JsonError> {
    let text = json_text(value)?;
    serde_json::from_str(&text).map_err(|e| JsonError(describe(&e)))
}

/// Many records read straight from their JSON text into `T`, without a JSON value in between:
/// the listings a user waits for (1,000 workloads), where the value's copy was measurably
/// slower (README, "Size budget").
pub fn listing_from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsonError> {
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
    if !text.is_string() {
        return Ok("null".into());
    }
    Ok(string_from_js(&text))
}

#[wasm_bindgen]
extern "C" {
    /// The engine's `TextEncoder`, for [`string_from_js`].
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, dest: &Uint8Array) -> EncodeIntoResult;
    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> f64;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string as UTF-8 in wasm memory with ONE native `encodeInto`. wasm-bindgen's own
/// string passing first copies ASCII characters one by one in a JS loop, which for the
/// megabytes of JSON a workspace listing carries was a visible share of the time.
pub fn string_from_js(text: &JsString) -> String {
    // A UTF-16 code unit becomes at most 3 bytes of UTF-8 (a surrogate pair, 2 units, 4).
    let capacity = text.length() as usize * 3;
    let mut buf: Vec<u8> = Vec::with_capacity(capacity);
    let written = ENCODER.with(|encoder| {
        // SAFETY: the view covers exactly `buf`'s allocation and lives only for the one call
        // below, made after the encoder exists, during which nothing allocates in wasm memory
        // (so the memory cannot grow and detach the view).
        let view = unsafe { Uint8Array::view_mut_raw(buf.as_mut_ptr(), capacity) };
        encoder.encode_into(text, &view).written()
    }) as usize;
    // SAFETY: `encodeInto` wrote `written <= capacity` initialised bytes, and it only ever
    // writes well-formed UTF-8 (the Encoding Standard turns lone surrogates into U+FFFD).
    // Validating again measured 3% of `Lens.parse` of a 400 KB lens.
    unsafe {
        buf.set_len(written.min(capacity));
        String::from_utf8_unchecked(buf)
    }
}

/// A JS byte array copied as it is into wasm memory, with one native `set` into a view of a
/// fresh buffer (js-sys's `to_vec` does the same copy behind a length assertion, whose panic
/// message compiled in 0.2 KiB of formatting code).
pub fn bytes_from_js(bytes: &Uint8Array) -> Vec<u8> {
    let len = bytes.length() as usize;
    let mut buf: Vec<u8> = Vec::with_capacity(len);
    // SAFETY: the view covers exactly `buf`'s allocation and lives only for the one `set`,
    // during which nothing allocates in wasm memory (so the memory cannot grow and detach the
    // view); `set` writes all `len` bytes.
    unsafe {
        Uint8Array::view_mut_raw(buf.as_mut_ptr(), len).set(bytes, 0);
        buf.set_len(len);
    }
    buf
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
