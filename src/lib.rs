//! Plumbline: architecture reviews against Well-Architected lenses, in the browser.
//!
//! The crate is a pure Rust core plus one thin boundary:
//! - [`lens`]: the custom-lens JSON format — a position-tracking JSON reader, the typed model,
//!   and validation diagnostics that carry a JSON path and a line:column.
//! - [`lint`]: linting a lens file — the checks of `lens`, then the rule analysis of `review`
//!   (above both, so neither depends on the other).
//! - [`rule`]: risk-rule conditions — lexer, Pratt parser, AST, compilation to choice indices.
//! - [`review`]: answers, question risk, risk counts, improvement plan, rule analysis.
//! - [`workload`]: workloads, lens reviews, milestones, dashboard, and the `Workspace` that keeps
//!   them in a [`store::Store`].
//! - [`store`]: the document store contract, with the memory backend.
//! - [`catalog`]: the lenses shipped with Plumbline (`lenses/*.json`).
//! - [`sorted`]: stable sorting with one copy of the sort algorithm in the wasm module.
//! - [`sorted_map`]: ordered maps and sets kept as one sorted `Vec`, so that no B-tree code is
//!   compiled per key and value type.
//! - [`case`]: lowercasing names for comparing and sorting, from a table of runs that std's
//!   mapping generates (std's own table is much larger in the wasm module).
//! - [`value_reader`]: serde types read out of JSON values (inputs, stored records), structs
//!   from objects only.
//! - [`shown`]: how text from a file or a command line is quoted in messages (cut, controls
//!   escaped), so that no input can forge a line of output.
//!
//! `wasm` (wasm32 only) is the only module that knows about JavaScript.

pub mod case;
pub mod catalog;
pub mod export;
pub mod lens;
pub mod lint;
pub mod review;
pub mod rule;
pub mod shown;
pub mod sorted;
pub mod sorted_map;
pub mod store;
pub mod value_reader;
pub mod workload;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The engine version shown by the app and reported by the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The name the engine is published under, on crates.io and npm alike (`plumbline` is taken on
/// both); `plumbline --version` names it so a CI log says which engine linted a lens.
pub const PACKAGE: &str = env!("CARGO_PKG_NAME");
