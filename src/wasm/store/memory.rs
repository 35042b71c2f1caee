//! The store of `storage: "memory"` (the default in Node): records kept in the JS heap by
//! `memory.js`, a wasm-bindgen snippet next to this file, and held through the same bridge as
//! the IndexedDB store ([`JsStore`]). With every browser backend but localStorage a JS object,
//! the engine compiles its store calls for two kinds of store instead of three; the crate's
//! own memory store (`crate::store::memory`) stays for Rust callers and the native tests.

use wasm_bindgen::prelude::*;

use super::js_store::JsStore;
use crate::store::StoreError;

#[wasm_bindgen(module = "/src/wasm/store/memory.js")]
extern "C" {
    #[wasm_bindgen(js_name = memoryStore)]
    fn memory_store() -> JsValue;
}

/// A new, empty memory store.
pub fn open() -> Result<JsStore, StoreError> {
    JsStore::opened_by_engine(memory_store())
}
