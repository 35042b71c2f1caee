//! Every diagnostic code `lint` can emit, with its severity and what it means.
//!
//! Codes are stable: CI scripts, the web page and the golden tests match on them, so a code is
//! never renamed or reused for another problem. The list doubles as the reference for lens
//! authors. Rule-analysis findings ([`crate::review::analysis`]) bring their own codes.

use super::Severity::{self, Error, Warning};

macro_rules! codes {
    ($($name:ident = $code:literal, $severity:ident, $doc:literal;)*) => {
        $(
            #[doc = $doc]
            pub const $name: &str = $code;
        )*
        /// `(code, severity, meaning)` for every code, in documentation order.
        pub const ALL: &[(&str, Severity, &str)] = &[$(($code, $severity, $doc)),*];
    };
}

codes! {
    FILE_TOO_LARGE = "file-too-large", Error, "The file is over 500,000 bytes (AWS: a lens cannot exceed 500 KB); it is not read.";
    JSON_EMPTY = "json-empty", Error, "The file is empty or only whitespace.";
    JSON_NOT_JSON = "json-not-json", Error, "The file does not start like JSON at all; the message quotes its first line.";
    JSON_BYTE_ORDER_MARK = "json-byte-order-mark", Warning, "A byte-order mark precedes the JSON text; it is read past (JSON does not allow one, other tools may refuse it).";
    JSON_TRAILING_COMMA = "json-trailing-comma", Error, "A comma after the last item of an array or object.";
    JSON_NON_FINITE_NUMBER = "json-non-finite-number", Error, "NaN, Infinity or -Infinity, which JSON does not have.";
    JSON_COMMENT = "json-comment", Error, "A // or /* comment.";
    JSON_SINGLE_QUOTE = "json-single-quote", Error, "A string or key in single quotes.";
    JSON_UNQUOTED_KEY = "json-unquoted-key", Error, "An object key without double quotes.";
    JSON_CONTROL_CHARACTER = "json-control-character", Error, "A raw control character (such as a line break) inside a string.";
    JSON_INVALID_ESCAPE = "json-invalid-escape", Error, "A backslash escape JSON does not define, or a malformed \\u escape.";
    JSON_LONE_SURROGATE = "json-lone-surrogate", Error, "A \\u escape for half of a UTF-16 surrogate pair.";
    JSON_DUPLICATE_KEY = "json-duplicate-key", Error, "The same key twice in one object; the message names the first one's line.";
    JSON_INVALID_NUMBER = "json-invalid-number", Error, "A number that breaks the JSON grammar (leading zero, missing digits, + sign).";
    JSON_UNEXPECTED_CHARACTER = "json-unexpected-character", Error, "A character where JSON syntax needs something else.";
    JSON_UNEXPECTED_END = "json-unexpected-end", Error, "The file ends inside an object, array or string.";
    JSON_TRAILING_CONTENT = "json-trailing-content", Error, "More text after the lens object.";
    JSON_TOO_DEEP = "json-too-deep", Error, "Arrays and objects nested more than 64 levels deep.";

    WRONG_TYPE = "wrong-type", Error, "A value of the wrong JSON type, e.g. a number where a string is required.";
    MISSING_KEY = "missing-key", Error, "A required key is absent.";
    UNKNOWN_KEY = "unknown-key", Warning, "A key the lens format does not define; it is ignored.";
    UNDOCUMENTED_KEY = "undocumented-key", Warning, "A choice `description`: in the AWS API but not in the lens format; kept.";
    KEY_CASE_MISMATCH = "key-case-mismatch", Error, "A key that differs from a known key only in case (`Url`); its value would be lost.";
    KEY_WRONG_LEVEL = "key-wrong-level", Error, "A known key at a level where it does not belong (a question-level `url`); its value would be lost.";

    UNSUPPORTED_SCHEMA_VERSION = "unsupported-schema-version", Error, "schemaVersion is not \"2021-11-01\".";
    MISSING_DESCRIPTION = "missing-description", Warning, "A lens or question without `description`, which the format lists for both.";
    NO_PILLARS = "no-pillars", Error, "The lens has no pillar (1 to 10 are needed).";
    TOO_MANY_PILLARS = "too-many-pillars", Error, "More than 10 pillars.";
    NO_QUESTIONS = "no-questions", Error, "A pillar without questions (1 to 20 are needed).";
    TOO_MANY_QUESTIONS = "too-many-questions", Error, "More than 20 questions in a pillar.";
    NO_CHOICES = "no-choices", Error, "A question without choices (1 to 15 are needed).";
    TOO_MANY_CHOICES = "too-many-choices", Error, "More than 15 choices in a question.";

    TEXT_TOO_LONG = "text-too-long", Error, "A name, title, description or displayText over its limit (128 or 2048 characters).";
    EMPTY_TITLE = "empty-title", Error, "An empty (or all-space) lens name, pillar name, question title or choice title.";
    EMPTY_TEXT = "empty-text", Warning, "An empty description or displayText.";

    INVALID_ID = "invalid-id", Error, "An id that is not 3 to 128 characters of A-Z, a-z, 0-9 and _.";
    DUPLICATE_PILLAR_ID = "duplicate-pillar-id", Error, "Two pillars with the same id.";
    DUPLICATE_QUESTION_ID = "duplicate-question-id", Error, "Two questions of the lens with the same id.";
    DUPLICATE_CHOICE_ID = "duplicate-choice-id", Error, "Two choices of one question with the same id.";
    CHOICE_ID_OVER_API_LIMIT = "choice-id-over-api-limit", Warning, "A choice id over 64 characters, the AWS API's ChoiceId limit.";

    MISSING_IMPROVEMENT_PLAN = "missing-improvement-plan", Error, "A choice without improvementPlan that is not a `_no` choice.";
    NO_CHOICE_HAS_IMPROVEMENT_PLAN = "no-choice-has-improvement-plan", Warning, "A `_no` (None of these) choice with an improvementPlan, which is never shown.";
    NO_CHOICE_NOT_LAST = "no-choice-not-last", Warning, "A `_no` (None of these) choice that is not the question's last choice.";
    NONE_CHOICE_WITHOUT_NO_SUFFIX = "none-choice-without-no-suffix", Warning, "A choice titled like \"None of these\" whose id does not end in `_no`.";

    MISSING_DISPLAY_TEXT = "missing-display-text", Error, "A url without the displayText that must accompany it.";
    INVALID_URL = "invalid-url", Error, "A url that does not start with http:// or https://.";
    EMPTY_URL = "empty-url", Warning, "`\"url\": \"\"`; treated as no url.";
    URL_WHITESPACE = "url-whitespace", Warning, "A url with leading or trailing spaces; the spaces are removed.";
    INVALID_RESOURCE_TYPE = "invalid-resource-type", Error, "An additionalResources type other than HELPFUL_RESOURCE or IMPROVEMENT_PLAN.";
    DUPLICATE_RESOURCE_TYPE = "duplicate-resource-type", Error, "Two additionalResources entries of the same type in one choice.";
    TOO_MANY_RESOURCES = "too-many-resources", Error, "More than 5 additional resources of one type in a choice.";

    INVALID_RISK = "invalid-risk", Error, "A risk other than HIGH_RISK, MEDIUM_RISK or NO_RISK.";
    TOO_MANY_RISK_RULES = "too-many-risk-rules", Error, "More than 3 risk rules in a question.";
    DUPLICATE_RISK_LEVEL = "duplicate-risk-level", Error, "Two risk rules of one question with the same risk.";
    MISSING_DEFAULT_RULE = "missing-default-rule", Error, "A question without the required `default` rule.";
    MULTIPLE_DEFAULT_RULES = "multiple-default-rules", Error, "A question with more than one `default` rule.";
    UNKNOWN_CHOICE_ID = "unknown-choice-id", Error, "A condition names an id that is not a choice of its question.";
    CONDITION_EMPTY = "condition-empty", Error, "An empty condition.";
    CONDITION_UNEXPECTED_CHARACTER = "condition-unexpected-character", Error, "A character that cannot appear in a condition.";
    CONDITION_SINGLE_OPERATOR = "condition-single-operator", Error, "A single & or | where && or || is meant.";
    CONDITION_EXPECTED_OPERAND = "condition-expected-operand", Error, "A choice id, ! or ( is missing.";
    CONDITION_EXPECTED_OPERATOR = "condition-expected-operator", Error, "&&, || or ) is missing between two operands.";
    CONDITION_UNCLOSED_PARENTHESIS = "condition-unclosed-parenthesis", Error, "A ( that is never closed.";
    CONDITION_UNMATCHED_PARENTHESIS = "condition-unmatched-parenthesis", Error, "A ) without a matching (.";
    CONDITION_DEFAULT_IN_EXPRESSION = "condition-default-in-expression", Error, "`default` used inside an expression instead of as the whole condition.";
    PROFILE_PRIORITY_UNKNOWN_CHOICE = "profile-priority-unknown-choice", Error, "A `profilePriorities` key that is not a choice of the profile questionnaire.";
    PROFILE_PRIORITY_UNKNOWN_QUESTION = "profile-priority-unknown-question", Error, "A `profilePriorities` entry naming a question id the lens does not have.";
    CONDITION_TOO_DEEP = "condition-too-deep", Error, "A condition nested more than 100 levels deep.";
}

/// The severity a code is always reported with, if it is one of ours.
pub fn severity_of(code: &str) -> Option<Severity> {
    ALL.iter().find(|(c, _, _)| *c == code).map(|(_, s, _)| *s)
}
