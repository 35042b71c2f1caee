//! Runs `tests/it/stored_golden.rs` until the native tests are one binary under `tests/it/`
//! (then `tests/it/main.rs` declares it, and this shim goes).

#[path = "workspace_support/mod.rs"]
mod support;

#[path = "it/stored_golden.rs"]
mod stored_golden;
