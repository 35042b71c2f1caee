//! Table tests of the condition language: text → S-expression, or error code, kind and span.
//! Covers precedence, parentheses, whitespace, `default`, every error kind, spans, and
//! compiling and evaluating against choice indices.

use plumbline::rule::{
    compile, parse, parse_condition, CompiledCondition, Condition, RuleErrorKind, UnknownId,
};

#[track_caller]
fn parses(src: &str, sexpr: &str) {
    match parse(src) {
        Ok(expr) => assert_eq!(expr.to_string(), sexpr, "parsing {src:?}"),
        Err(e) => panic!("{src:?} should parse, got {e} ({:?})", e.kind),
    }
}

#[track_caller]
fn fails(src: &str, code: &str, kind: RuleErrorKind, span: std::ops::Range<usize>) {
    match parse(src) {
        Ok(expr) => panic!("{src:?} should fail, parsed as {expr}"),
        Err(e) => {
            assert_eq!(e.code(), code, "code for {src:?}");
            assert_eq!(e.kind, kind, "kind for {src:?}");
            assert_eq!(e.span, span, "span for {src:?}");
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn precedence_is_not_then_and_then_or() {
    parses("a && !b || c", "(or (and a (not b)) c)");
    parses("a || b && c", "(or a (and b c))");
    parses("!a && b", "(and (not a) b)");
    parses("!a || !b && c", "(or (not a) (and (not b) c))");
    // The one real condition whose meaning depends on precedence (ECS lens, NET1).
    parses(
        "NET1_2 && !NET1_1 || NET1_3",
        "(or (and NET1_2 (not NET1_1)) NET1_3)",
    );
}

#[test]
fn binary_operators_associate_to_the_left() {
    parses("a && b && c", "(and (and a b) c)");
    parses("a || b || c", "(or (or a b) c)");
    parses("a || b && c || d", "(or (or a (and b c)) d)");
}

#[test]
fn parentheses_override_precedence_and_may_be_redundant() {
    parses("(a || b) && c", "(and (or a b) c)");
    parses("a && (b || c)", "(and a (or b c))");
    parses("!(a && b)", "(not (and a b))");
    parses("(!x)", "(not x)");
    parses("((a))", "a");
    parses(
        "((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)",
        "(or (and (or choice_1 choice_2) choice_3) (and (not choice_1) choice_3))",
    );
}

#[test]
fn repeated_negation_nests() {
    parses("!!a", "(not (not a))");
    parses("! ! a", "(not (not a))");
}

#[test]
fn whitespace_is_allowed_anywhere_between_tokens() {
    parses("  a&&b  ", "(and a b)");
    parses("a\t&&\nb", "(and a b)");
    parses("( a ||b )&&!  c", "(and (or a b) (not c))");
    parses("a  &&  b\r\n", "(and a b)");
    parses(
        " !waf_ec_sec_dp4_bp3 || x",
        "(or (not waf_ec_sec_dp4_bp3) x)",
    );
}

#[test]
fn identifiers_are_letters_digits_and_underscores() {
    parses("choice_1", "choice_1");
    parses("123", "123");
    parses("_", "_");
    parses("SEC_01_no", "SEC_01_no");
    // Case matters: only the exact word `default` is special.
    parses("Default", "Default");
    parses("defaults", "defaults");
    parses("default_1 && a", "(and default_1 a)");
}

#[test]
fn default_is_the_whole_condition_after_trimming() {
    assert_eq!(parse_condition("default"), Ok(Condition::Default));
    assert_eq!(parse_condition("  default\t"), Ok(Condition::Default));
    assert_eq!(parse_condition("\ndefault \r\n"), Ok(Condition::Default));
    assert!(matches!(parse_condition("a"), Ok(Condition::Expr(_))));
    assert_eq!(
        parse_condition("(default)").unwrap_err().kind,
        RuleErrorKind::DefaultInExpression
    );
}

#[test]
fn every_error_kind_has_a_code_and_a_span() {
    use RuleErrorKind::*;
    fails("", "condition-empty", Empty, 0..0);
    fails("   ", "condition-empty", Empty, 0..3);
    fails(
        "a $ b",
        "condition-unexpected-character",
        UnexpectedCharacter('$'),
        2..3,
    );
    // A multi-byte character is reported whole, with its byte span.
    fails(
        "a && é",
        "condition-unexpected-character",
        UnexpectedCharacter('é'),
        5..7,
    );
    fails(
        "a AND-b",
        "condition-unexpected-character",
        UnexpectedCharacter('-'),
        5..6,
    );
    fails(
        "a & b",
        "condition-single-operator",
        SingleOperator { expected: "&&" },
        2..3,
    );
    fails(
        "a | b",
        "condition-single-operator",
        SingleOperator { expected: "||" },
        2..3,
    );
    fails(
        "a &",
        "condition-single-operator",
        SingleOperator { expected: "&&" },
        2..3,
    );
    fails(
        "&& a",
        "condition-expected-operand",
        ExpectedOperand { found: "&&".into() },
        0..2,
    );
    fails(
        "a && || b",
        "condition-expected-operand",
        ExpectedOperand { found: "||".into() },
        5..7,
    );
    fails(
        "()",
        "condition-expected-operand",
        ExpectedOperand { found: ")".into() },
        1..2,
    );
    fails(
        "a && )",
        "condition-expected-operand",
        ExpectedOperand { found: ")".into() },
        5..6,
    );
    fails("a &&", "condition-expected-operand", UnexpectedEnd, 4..4);
    fails("a && ", "condition-expected-operand", UnexpectedEnd, 5..5);
    fails("!", "condition-expected-operand", UnexpectedEnd, 1..1);
    fails("(", "condition-expected-operand", UnexpectedEnd, 1..1);
    fails(
        "a b",
        "condition-expected-operator",
        ExpectedOperator { found: "b".into() },
        2..3,
    );
    fails(
        "a AND b",
        "condition-expected-operator",
        ExpectedOperator {
            found: "AND".into(),
        },
        2..5,
    );
    fails(
        "a (b)",
        "condition-expected-operator",
        ExpectedOperator { found: "(".into() },
        2..3,
    );
    fails(
        "a !b",
        "condition-expected-operator",
        ExpectedOperator { found: "!".into() },
        2..3,
    );
    fails(
        "(a b)",
        "condition-expected-operator",
        ExpectedOperator { found: "b".into() },
        3..4,
    );
    fails(
        "(a",
        "condition-unclosed-parenthesis",
        UnclosedParenthesis,
        0..1,
    );
    fails(
        "((a) && b",
        "condition-unclosed-parenthesis",
        UnclosedParenthesis,
        0..1,
    );
    fails(
        "a && (b || (c)",
        "condition-unclosed-parenthesis",
        UnclosedParenthesis,
        5..6,
    );
    fails(
        "a)",
        "condition-unmatched-parenthesis",
        UnmatchedClose,
        1..2,
    );
    fails(
        "(a))",
        "condition-unmatched-parenthesis",
        UnmatchedClose,
        3..4,
    );
    fails(
        "a && b) || c",
        "condition-unmatched-parenthesis",
        UnmatchedClose,
        6..7,
    );
    fails(
        "default && a",
        "condition-default-in-expression",
        DefaultInExpression,
        0..7,
    );
    fails(
        "a || !default",
        "condition-default-in-expression",
        DefaultInExpression,
        6..13,
    );
    // Through parse() (not parse_condition), a bare `default` is an expression, and refused.
    fails(
        " default",
        "condition-default-in-expression",
        DefaultInExpression,
        1..8,
    );
}

#[test]
fn nodes_keep_the_span_of_their_text() {
    let expr = parse(" !a && (b || c) ").unwrap();
    assert_eq!(expr.span(), 1..14);
    let ids: Vec<_> = expr
        .ids()
        .into_iter()
        .map(|(id, span)| (id.to_string(), span))
        .collect();
    assert_eq!(
        ids,
        vec![("a".into(), 2..3), ("b".into(), 8..9), ("c".into(), 13..14)]
    );
    // Repeats are listed each time they appear.
    let expr = parse("(x && y) || (!x && y)").unwrap();
    let names: Vec<&str> = expr.ids().into_iter().map(|(id, _)| id).collect();
    assert_eq!(names, ["x", "y", "x", "y"]);
}

fn compiled(src: &str, choices: &[&str]) -> CompiledCondition {
    match parse_condition(src).unwrap() {
        Condition::Default => CompiledCondition::Default,
        Condition::Expr(e) => CompiledCondition::Expr(
            compile(&e, &|id| choices.iter().position(|c| *c == id)).unwrap(),
        ),
    }
}

/// Truth set from the positions of `names` in `choices`.
fn truth(choices: &[&str], names: &[&str]) -> u64 {
    names
        .iter()
        .map(|n| 1u64 << choices.iter().position(|c| c == n).unwrap())
        .fold(0, |a, b| a | b)
}

#[test]
fn compiled_conditions_evaluate_over_choice_bits() {
    let choices = ["a", "b", "c"];
    let cases: &[(&str, &[&str], bool)] = &[
        ("a && !b || c", &["a"], true),
        ("a && !b || c", &["a", "b"], false),
        ("a && !b || c", &["a", "b", "c"], true),
        ("a && !b || c", &[], false),
        ("!(a || b)", &[], true),
        ("!(a || b)", &["b"], false),
        ("default", &[], true),
        ("default", &["a", "b", "c"], true),
        ("a && a", &["a"], true),
        ("a && !a", &["a"], false),
        ("a && !a", &[], false),
    ];
    for (src, names, expected) in cases {
        assert_eq!(
            compiled(src, &choices).eval(truth(&choices, names)),
            *expected,
            "{src} with {names:?}"
        );
    }
}

#[test]
fn compiling_reports_every_unknown_id_with_its_span() {
    let expr = parse("a && nope || (b && !also_nope)").unwrap();
    let err = compile(&expr, &|id| ["a", "b"].iter().position(|c| *c == id)).unwrap_err();
    assert_eq!(
        err,
        vec![
            UnknownId {
                id: "nope".into(),
                span: 5..9
            },
            UnknownId {
                id: "also_nope".into(),
                span: 20..29
            },
        ]
    );
}

#[test]
fn ids_past_the_64th_choice_cannot_be_compiled() {
    let expr = parse("late").unwrap();
    assert!(compile(&expr, &|_| Some(64)).is_err());
    assert!(compile(&expr, &|_| Some(63)).is_ok());
}

/// Regression: before the depth limit, a 1,000-character `!!!…a` overflowed the stack while
/// parsing, and a long `a && a && …` chain overflowed it when the tree was dropped; both abort
/// the process (a browser tab, in wasm) instead of reporting an error.
#[test]
fn nesting_deeper_than_the_limit_is_an_error_not_a_crash() {
    use plumbline::rule::parser::MAX_DEPTH;
    let n = MAX_DEPTH;
    // At the limit: fine.
    assert!(parse(&("!".repeat(n) + "a")).is_ok());
    assert!(parse(&("(".repeat(n) + "a" + &")".repeat(n))).is_ok());
    assert!(parse(&(vec!["a"; n + 1].join(" && "))).is_ok());
    // One past it: refused, pointing at the operator or parenthesis that went too deep.
    fails(
        &("!".repeat(n + 1) + "a"),
        "condition-too-deep",
        RuleErrorKind::TooDeep,
        n..n + 1,
    );
    fails(
        &("(".repeat(n + 1) + "a" + &")".repeat(n + 1)),
        "condition-too-deep",
        RuleErrorKind::TooDeep,
        n..n + 1,
    );
    let chain = vec!["a"; n + 2].join(" && ");
    let last_op = chain.rfind("&&").unwrap();
    fails(
        &chain,
        "condition-too-deep",
        RuleErrorKind::TooDeep,
        last_op..last_op + 2,
    );
    // Far past it, in every shape: an error, not an abort.
    for src in [
        "!".repeat(200_000) + "a",
        "(".repeat(200_000) + "a",
        "a && ".repeat(200_000) + "a",
        "a || b && ".repeat(100_000) + "a",
        "!(a && ".repeat(50_000) + "a",
    ] {
        assert_eq!(parse(&src).unwrap_err().kind, RuleErrorKind::TooDeep);
    }
}
