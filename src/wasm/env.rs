//! The core's clock and entropy in a JS runtime: `Date.now()` and `crypto.getRandomValues`.

use wasm_bindgen::prelude::*;

use crate::workload::Environment;

#[wasm_bindgen]
extern "C" {
    /// `crypto.getRandomValues`: `window.crypto` in pages, `globalThis.crypto` in Node 20.
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;
}

/// The environment every JS workspace runs with.
pub struct JsEnvironment;

impl Environment for JsEnvironment {
    fn now(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn random_bytes(&self, buf: &mut [u8]) {
        // Every supported runtime has Web Crypto; without it ids would not be unique, so
        // failing loudly is better than a weak fallback.
        if let Err(e) = get_random_values(buf) {
            wasm_bindgen::throw_val(e);
        }
    }
}
