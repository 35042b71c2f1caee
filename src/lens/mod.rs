//! The custom-lens JSON format: parsing with positions, the typed model, validation.

pub mod diagnostic;
pub mod model;

pub use diagnostic::{Diagnostic, Severity};
pub use model::Lens;
