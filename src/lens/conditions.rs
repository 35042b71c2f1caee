//! Risk-rule conditions inside a lens: parsing with [`crate::rule::parse_condition`],
//! compiling against the question's choices with [`crate::rule::compile`], and placing every
//! error on the exact character of the condition string in the file.
//!
//! A span in the condition is a byte range of the *decoded* string; [`raw_offset`] walks the
//! raw JSON string so that escapes (`\u0026\u0026` for `&&`) still land on the right column.
//! An unknown id is reported once the whole lens is read, because the most useful thing to say
//! about it is which other question owns it (a cross-question reference).

use super::build::Cx;
use super::codes;
use super::json::raw_offset;
use super::model::Lens;
use super::path::Path;
use crate::rule::{compile, parse_condition, CompiledCondition, Condition};
use crate::shown::excerpt;

/// An id that named no choice of its question, waiting for the whole lens to be known.
#[derive(Debug, Clone)]
pub struct UnknownId {
    pub path: String,
    pub offset: usize,
    pub id: String,
    pub question: String,
    pub question_choices: Vec<String>,
}

/// Parses and compiles one condition (the string at `quote_offset`) of the question `question`
/// with choice ids `choice_ids`. `None` when it has an error (reported or pending).
pub fn compile_condition(
    cx: &mut Cx<'_>,
    source: &str,
    quote_offset: usize,
    path: &Path<'_>,
    question: &str,
    choice_ids: &[&str],
) -> Option<CompiledCondition> {
    let expr = match parse_condition(source) {
        Ok(Condition::Default) => return Some(CompiledCondition::Default),
        Ok(Condition::Expr(expr)) => expr,
        Err(error) => {
            let offset = raw_offset(cx.text, quote_offset, error.span.start);
            cx.issues
                .error(error.code(), path, offset, format!("condition: {error}"));
            return None;
        }
    };
    // Conditions are evaluated over a 64-bit set; beyond that the lens already has a
    // too-many-choices error and compiling would only add noise.
    if choice_ids.len() > 64 {
        return None;
    }
    let index_of = |id: &str| choice_ids.iter().position(|c| *c == id);
    match compile(&expr, &index_of) {
        Ok(compiled) => Some(CompiledCondition::Expr(compiled)),
        Err(unknown) => {
            let rendered = path.render();
            for u in unknown {
                cx.unknown_ids.push(UnknownId {
                    path: rendered.clone(),
                    offset: raw_offset(cx.text, quote_offset, u.span.start),
                    id: u.id,
                    question: question.to_string(),
                    question_choices: choice_ids.iter().map(|c| c.to_string()).collect(),
                });
            }
            None
        }
    }
}

/// Reports the pending unknown ids, now that every question's choices are known.
pub fn report_unknown_ids(cx: &mut Cx<'_>, lens: &Lens) {
    for u in std::mem::take(&mut cx.unknown_ids) {
        let owners: Vec<&str> = lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .filter(|q| q.id != u.question && q.choices.iter().any(|c| c.id == u.id))
            .map(|q| q.id.as_str())
            .collect();
        let near = u
            .question_choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(&u.id));
        let hint = if let Some(near) = near {
            format!("did you mean `{}`? ids are case-sensitive", excerpt(near))
        } else if let Some(owner) = owners.first() {
            format!("it is a choice of question `{}`, and a condition can only use its own question's choices", excerpt(owner))
        } else {
            format!("its choices are {}", list(&u.question_choices))
        };
        cx.issues.push(
            crate::lens::Severity::Error,
            codes::UNKNOWN_CHOICE_ID,
            u.path,
            u.offset,
            format!(
                "`{}` is not a choice of question `{}`; {hint}",
                excerpt(&u.id),
                excerpt(&u.question)
            ),
        );
    }
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".to_string();
    }
    ids.iter()
        .map(|id| format!("`{}`", excerpt(id)))
        .collect::<Vec<_>>()
        .join(", ")
}
