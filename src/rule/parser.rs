//! A Pratt parser for conditions. Binding powers: `||` 1, `&&` 2, prefix `!` 3, so
//! `a && !b || c` reads as `(a && (!b)) || c`, as in every C-like language authors know.

use super::ast::Expr;
use super::error::{RuleError, RuleErrorKind};
// Where the tests (and any caller) found it before the errors had their own module.
pub use super::error::MAX_DEPTH;
use super::lexer::{tokenize, Token, TokenKind};

/// A parsed risk-rule condition: the special `default`, or an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Default,
    Expr(Expr),
}

/// Parses a rule's condition: `default` (after trimming) or an expression.
pub fn parse_condition(src: &str) -> Result<Condition, RuleError> {
    if src.trim() == "default" {
        return Ok(Condition::Default);
    }
    parse(src).map(Condition::Expr)
}

/// Parses an expression. `default` inside an expression is an error.
pub fn parse(src: &str) -> Result<Expr, RuleError> {
    let tokens = tokenize(src)?;
    if tokens.is_empty() {
        return Err(RuleError::new(RuleErrorKind::Empty, 0..src.len()));
    }
    let mut parser = Parser {
        tokens: &tokens,
        pos: 0,
        end: src.len(),
        nesting: 0,
    };
    let (expr, _) = parser.expression(0)?;
    if let Some(tok) = parser.peek() {
        let kind = if tok.kind == TokenKind::Close {
            RuleErrorKind::UnmatchedClose
        } else {
            RuleErrorKind::ExpectedOperator {
                found: describe(tok, src),
            }
        };
        return Err(RuleError::new(kind, tok.span.clone()));
    }
    Ok(expr)
}

fn describe(tok: &Token<'_>, src: &str) -> String {
    src[tok.span.clone()].to_string()
}

struct Parser<'t, 's> {
    tokens: &'t [Token<'s>],
    pos: usize,
    end: usize,
    /// `(` and `!` currently open on the recursion stack.
    nesting: usize,
}

const OR_POWER: u8 = 1;
const AND_POWER: u8 = 2;
const NOT_POWER: u8 = 3;

impl<'s> Parser<'_, 's> {
    fn peek(&self) -> Option<&Token<'s>> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Token<'s>> {
        let tok = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        tok
    }

    /// An expression and the depth of its tree.
    fn expression(&mut self, min_power: u8) -> Result<(Expr, usize), RuleError> {
        let (mut left, mut depth) = self.prefix()?;
        while let Some(tok) = self.peek() {
            let power = match tok.kind {
                TokenKind::Or => OR_POWER,
                TokenKind::And => AND_POWER,
                TokenKind::Close => break,
                _ => {
                    let found = self.source_of(tok);
                    return Err(RuleError::new(
                        RuleErrorKind::ExpectedOperator { found },
                        tok.span.clone(),
                    ));
                }
            };
            if power <= min_power {
                break;
            }
            let op = self.next().expect("peeked");
            let (right, right_depth) = self.expression(power)?;
            depth = 1 + depth.max(right_depth);
            if depth > MAX_DEPTH {
                return Err(RuleError::new(RuleErrorKind::TooDeep, op.span));
            }
            let span = left.span().start..right.span().end;
            let (left_box, right_box) = (Box::new(left), Box::new(right));
            left = if op.kind == TokenKind::Or {
                Expr::Or {
                    left: left_box,
                    right: right_box,
                    span,
                }
            } else {
                Expr::And {
                    left: left_box,
                    right: right_box,
                    span,
                }
            };
        }
        Ok((left, depth))
    }

    fn prefix(&mut self) -> Result<(Expr, usize), RuleError> {
        let Some(tok) = self.next() else {
            return Err(RuleError::new(
                RuleErrorKind::UnexpectedEnd,
                self.end..self.end,
            ));
        };
        match tok.kind {
            TokenKind::Id("default") => {
                Err(RuleError::new(RuleErrorKind::DefaultInExpression, tok.span))
            }
            TokenKind::Id(name) => Ok((
                Expr::Id {
                    name: name.to_string(),
                    span: tok.span,
                },
                0,
            )),
            TokenKind::Not => {
                self.open(&tok)?;
                let (operand, depth) = self.expression(NOT_POWER)?;
                self.nesting -= 1;
                if depth + 1 > MAX_DEPTH {
                    return Err(RuleError::new(RuleErrorKind::TooDeep, tok.span));
                }
                let span = tok.span.start..operand.span().end;
                Ok((
                    Expr::Not {
                        operand: Box::new(operand),
                        span,
                    },
                    depth + 1,
                ))
            }
            TokenKind::Open => {
                self.open(&tok)?;
                let inner = self.expression(0)?;
                self.nesting -= 1;
                match self.next() {
                    Some(Token {
                        kind: TokenKind::Close,
                        ..
                    }) => Ok(inner),
                    _ => Err(RuleError::new(RuleErrorKind::UnclosedParenthesis, tok.span)),
                }
            }
            TokenKind::Close => Err(RuleError::new(
                RuleErrorKind::ExpectedOperand { found: ")".into() },
                tok.span,
            )),
            TokenKind::And | TokenKind::Or => {
                let found = self.source_of(&tok);
                Err(RuleError::new(
                    RuleErrorKind::ExpectedOperand { found },
                    tok.span,
                ))
            }
        }
    }

    /// Enters a `(` or `!`, refusing to recurse past [`MAX_DEPTH`].
    fn open(&mut self, tok: &Token<'_>) -> Result<(), RuleError> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(RuleError::new(RuleErrorKind::TooDeep, tok.span.clone()));
        }
        Ok(())
    }

    fn source_of(&self, tok: &Token<'_>) -> String {
        match tok.kind {
            TokenKind::Id(s) => s.to_string(),
            TokenKind::Not => "!".into(),
            TokenKind::And => "&&".into(),
            TokenKind::Or => "||".into(),
            TokenKind::Open => "(".into(),
            TokenKind::Close => ")".into(),
        }
    }
}
