//! The JavaScript API: the only folder that uses wasm-bindgen, js-sys, web-sys, gloo and
//! wasm-bindgen-futures (wasm32 only), and the only Rust with JS beside it (the IndexedDB and
//! memory stores, `store/*.js`).
//!
//! Everything here is translation between JS values and the core:
//! - [`lens`]: the `Lens` class (parse, lint, evaluate, explain, plan).
//! - [`workspace`]: the `Workspace` class, split by area; every async method is a line or two
//!   over one helper, `JsWorkspace::call`, which reads the arguments, queues the call, runs it
//!   and converts its result or error.
//! - [`convert`]: values in and out: argument readers that name the parameter in their errors,
//!   and the one path results take into JS.
//! - [`error`]: every thrown value is a real `Error` with `kind` and, where it applies,
//!   `field`, `path`, `recordId` or `diagnostics`, made in one place.
//! - [`js_json`]: the bridge under `convert` and the browser stores (JS value ↔ serde).
//! - [`store`]: the browser stores (IndexedDB and memory in JS, localStorage in Rust), and the
//!   store a workspace holds.
//! - [`dispose`]: a freed `Lens` or `Workspace` throws `kind: "Disposed"`.
//! - [`env`]: the core's clock and entropy from the JS runtime.
//!
//! The TypeScript declarations of the plain-data shapes are written by hand in `types/*.d.ts`
//! (so that they read like the AWS API reference), included next to the exports that use them;
//! the exports name them with `unchecked_param_type`/`unchecked_return_type`, so `tsc` checks
//! consumers against them.

pub mod convert;
pub mod dispose;
pub mod env;
pub mod error;
pub mod js_json;
pub mod lens;
pub mod store;
pub mod workspace;

use wasm_bindgen::prelude::*;

pub use lens::JsLens;
pub use workspace::JsWorkspace;

/// The engine version (the crate version), shown in the app's footer and in reports.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const COMMON_TYPES: &str = include_str!("types/common.d.ts");
