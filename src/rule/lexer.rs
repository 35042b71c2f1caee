//! Tokens of a condition. Whitespace is allowed anywhere between tokens; identifiers are
//! `[A-Za-z0-9_]+`; the only operators are `!`, `&&`, `||` and parentheses.

use super::ast::Span;
use super::error::{RuleError, RuleErrorKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind<'a> {
    Id(&'a str),
    Not,
    And,
    Or,
    Open,
    Close,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind<'a>,
    pub span: Span,
}

pub fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Splits `src` into tokens, or reports the first character that cannot start one.
pub fn tokenize(src: &str) -> Result<Vec<Token<'_>>, RuleError> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'!' => {
                i += 1;
                TokenKind::Not
            }
            b'(' => {
                i += 1;
                TokenKind::Open
            }
            b')' => {
                i += 1;
                TokenKind::Close
            }
            b'&' | b'|' => {
                if bytes.get(i + 1) != Some(&b) {
                    let op = if b == b'&' { "&&" } else { "||" };
                    return Err(RuleError::new(
                        RuleErrorKind::SingleOperator { expected: op },
                        start..start + 1,
                    ));
                }
                i += 2;
                if b == b'&' {
                    TokenKind::And
                } else {
                    TokenKind::Or
                }
            }
            _ if is_id_byte(b) => {
                while i < bytes.len() && is_id_byte(bytes[i]) {
                    i += 1;
                }
                TokenKind::Id(&src[start..i])
            }
            _ => {
                let c = src[start..].chars().next().unwrap_or('\u{fffd}');
                return Err(RuleError::new(
                    RuleErrorKind::UnexpectedCharacter(c),
                    start..start + c.len_utf8(),
                ));
            }
        };
        tokens.push(Token {
            kind,
            span: start..i,
        });
    }
    Ok(tokens)
}
