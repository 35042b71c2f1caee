//! Compiling an expression against a question's choices: ids become indices, so evaluating a
//! rule is a few bit tests. A choice id is true when the choice is selected or marked not
//! applicable (a waived best practice creates no risk); the caller builds that bit set.

use super::ast::{Expr, Span};

/// An expression over choice indices (bit positions in a `u64`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledExpr {
    Choice(u8),
    Not(Box<CompiledExpr>),
    And(Box<CompiledExpr>, Box<CompiledExpr>),
    Or(Box<CompiledExpr>, Box<CompiledExpr>),
}

impl CompiledExpr {
    pub fn eval(&self, truth: u64) -> bool {
        match self {
            CompiledExpr::Choice(i) => truth & (1u64 << i) != 0,
            CompiledExpr::Not(e) => !e.eval(truth),
            CompiledExpr::And(a, b) => a.eval(truth) && b.eval(truth),
            CompiledExpr::Or(a, b) => a.eval(truth) || b.eval(truth),
        }
    }
}

/// A rule's compiled condition. `Default` is always true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledCondition {
    Default,
    Expr(CompiledExpr),
}

impl CompiledCondition {
    pub fn eval(&self, truth: u64) -> bool {
        match self {
            CompiledCondition::Default => true,
            CompiledCondition::Expr(e) => e.eval(truth),
        }
    }
}

/// An id in a condition that names no choice of the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    pub id: String,
    pub span: Span,
}

/// Resolves every id through `index_of` (choice id → position, at most 63). Reports every
/// unknown id, not just the first, so an author fixes them in one pass.
pub fn compile(
    expr: &Expr,
    index_of: &dyn Fn(&str) -> Option<usize>,
) -> Result<CompiledExpr, Vec<UnknownId>> {
    let mut unknown = Vec::new();
    let compiled = compile_into(expr, index_of, &mut unknown);
    if unknown.is_empty() {
        Ok(compiled)
    } else {
        Err(unknown)
    }
}

fn compile_into(
    expr: &Expr,
    index_of: &dyn Fn(&str) -> Option<usize>,
    unknown: &mut Vec<UnknownId>,
) -> CompiledExpr {
    match expr {
        Expr::Id { name, span } => match index_of(name).filter(|&i| i < 64) {
            Some(i) => CompiledExpr::Choice(i as u8),
            None => {
                unknown.push(UnknownId {
                    id: name.clone(),
                    span: span.clone(),
                });
                CompiledExpr::Choice(0)
            }
        },
        Expr::Not { operand, .. } => {
            CompiledExpr::Not(Box::new(compile_into(operand, index_of, unknown)))
        }
        Expr::And { left, right, .. } => CompiledExpr::And(
            Box::new(compile_into(left, index_of, unknown)),
            Box::new(compile_into(right, index_of, unknown)),
        ),
        Expr::Or { left, right, .. } => CompiledExpr::Or(
            Box::new(compile_into(left, index_of, unknown)),
            Box::new(compile_into(right, index_of, unknown)),
        ),
    }
}
