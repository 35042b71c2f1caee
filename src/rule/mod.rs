//! Risk-rule conditions: `a && !(b || c)` over choice ids, or the whole condition `default`.
//!
//! Text → [`lexer`] tokens with byte spans → [`parser`] (hand-written Pratt parser, precedence
//! `!` > `&&` > `||`) → [`Expr`] with spans → [`compile`] against a question's choices →
//! [`CompiledCondition`], evaluated against a bit set of "true" choices.

pub mod ast;
pub mod compile;
pub mod error;
pub mod lexer;
pub mod parser;

pub use ast::{Expr, Span};
pub use compile::{compile, CompiledCondition, CompiledExpr, UnknownId};
pub use error::{RuleError, RuleErrorKind, MAX_DEPTH};
pub use parser::{parse, parse_condition, Condition};
