//! The condition AST. Every node keeps the byte span it came from, so that errors found after
//! parsing (an unknown id) still point at the right characters.

use std::fmt;
use std::ops::Range;

/// Byte offsets into the condition text.
pub type Span = Range<usize>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Id {
        name: String,
        span: Span,
    },
    Not {
        operand: Box<Expr>,
        span: Span,
    },
    And {
        left: Box<Expr>,
        right: Box<Expr>,
        span: Span,
    },
    Or {
        left: Box<Expr>,
        right: Box<Expr>,
        span: Span,
    },
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Id { span, .. }
            | Expr::Not { span, .. }
            | Expr::And { span, .. }
            | Expr::Or { span, .. } => span.clone(),
        }
    }

    /// Every identifier in the order it appears, with its span (repeats included).
    pub fn ids(&self) -> Vec<(&str, Span)> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids<'a>(&'a self, out: &mut Vec<(&'a str, Span)>) {
        match self {
            Expr::Id { name, span } => out.push((name, span.clone())),
            Expr::Not { operand, .. } => operand.collect_ids(out),
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
                left.collect_ids(out);
                right.collect_ids(out);
            }
        }
    }
}

/// S-expression form, used by the table tests: `(or a (and b (not c)))`.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Id { name, .. } => write!(f, "{name}"),
            Expr::Not { operand, .. } => write!(f, "(not {operand})"),
            Expr::And { left, right, .. } => write!(f, "(and {left} {right})"),
            Expr::Or { left, right, .. } => write!(f, "(or {left} {right})"),
        }
    }
}
