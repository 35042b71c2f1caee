//! The errors of a condition's text, shared by the lexer and the parser (which is why they
//! live in neither): what went wrong, where, the stable code diagnostics carry, and the
//! message an author reads.

use std::fmt;

use super::ast::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleErrorKind {
    Empty,
    UnexpectedCharacter(char),
    /// A lone `&` or `|`; `expected` is the doubled operator the author probably meant.
    SingleOperator {
        expected: &'static str,
    },
    /// A token where an operand (id, `!` or `(`) was needed.
    ExpectedOperand {
        found: String,
    },
    /// The text ended where an operand was needed.
    UnexpectedEnd,
    /// An operand followed by something that is not `&&`, `||` or `)`.
    ExpectedOperator {
        found: String,
    },
    UnclosedParenthesis,
    UnmatchedClose,
    /// `default` combined with other terms; it must be the whole condition.
    DefaultInExpression,
    /// Nesting (parentheses, `!`, or a chain of `&&`/`||`) deeper than [`MAX_DEPTH`]: refused
    /// so that parsing, evaluating and dropping the tree cannot overflow the stack.
    TooDeep,
}

/// The deepest expression tree (and parenthesis/`!` nesting) a condition may have. Real
/// conditions stay below 15 (at most 15 choices per question, parentheses at most 2 deep);
/// without a limit a 1,000-character `!!!…a` aborted the process with a stack overflow.
pub const MAX_DEPTH: usize = 100;

/// A syntax error with the byte span of the offending text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub kind: RuleErrorKind,
    pub span: Span,
}

impl RuleError {
    pub fn new(kind: RuleErrorKind, span: Span) -> Self {
        RuleError { kind, span }
    }

    /// A stable code for diagnostics.
    pub fn code(&self) -> &'static str {
        match self.kind {
            RuleErrorKind::Empty => "condition-empty",
            RuleErrorKind::UnexpectedCharacter(_) => "condition-unexpected-character",
            RuleErrorKind::SingleOperator { .. } => "condition-single-operator",
            RuleErrorKind::ExpectedOperand { .. } | RuleErrorKind::UnexpectedEnd => {
                "condition-expected-operand"
            }
            RuleErrorKind::ExpectedOperator { .. } => "condition-expected-operator",
            RuleErrorKind::UnclosedParenthesis => "condition-unclosed-parenthesis",
            RuleErrorKind::UnmatchedClose => "condition-unmatched-parenthesis",
            RuleErrorKind::DefaultInExpression => "condition-default-in-expression",
            RuleErrorKind::TooDeep => "condition-too-deep",
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RuleErrorKind::Empty => write!(f, "the condition is empty; write choice ids joined by && and ||, or `default`"),
            RuleErrorKind::UnexpectedCharacter(c) => write!(f, "`{c}` cannot appear in a condition; ids use letters, digits and _, operators are !, &&, || and parentheses"),
            RuleErrorKind::SingleOperator { expected } => write!(f, "a single `{}` is not an operator; write `{expected}`", &expected[..1]),
            RuleErrorKind::ExpectedOperand { found } => write!(f, "expected a choice id, `!` or `(` but found `{found}`"),
            RuleErrorKind::UnexpectedEnd => write!(f, "the condition ends where a choice id, `!` or `(` is needed"),
            RuleErrorKind::ExpectedOperator { found } => write!(f, "expected `&&`, `||` or `)` but found `{found}`"),
            RuleErrorKind::UnclosedParenthesis => write!(f, "this `(` is never closed"),
            RuleErrorKind::UnmatchedClose => write!(f, "this `)` has no matching `(`"),
            RuleErrorKind::DefaultInExpression => write!(f, "`default` must be the whole condition, not part of an expression"),
            RuleErrorKind::TooDeep => write!(f, "the condition nests more than {MAX_DEPTH} levels deep; simplify it"),
        }
    }
}

impl std::error::Error for RuleError {}
