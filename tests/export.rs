//! Shim: the export tests live in `tests/it/export.rs` (native tests move under `tests/it/`).

#[path = "it/export.rs"]
mod export;
