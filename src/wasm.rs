//! The JavaScript API: the only module that uses wasm-bindgen.
