//! The three commands. Each returns the exit status; output and messages go to the writers it
//! is given, so the logic reads top to bottom without global state.

use std::io::Write;

use plumbline::lens::{self, Lens, LintOptions};
use plumbline::review::import::answers_from_aws_json;
use plumbline::review::{evaluate, improvement_plan, Answer, PlanItem, PlanOptions};
use plumbline::shown::{escape, excerpt};
use plumbline::workload::backup;
use serde::Serialize;

use crate::args::{Command, Format, USAGE};
use crate::input::{self, Input, ANSWERS_LIMIT, BACKUP_LIMIT, LENS_LIMIT};
use crate::render;

pub const SUCCESS: u8 = 0;
pub const LENS_HAS_ERRORS: u8 = 1;
pub const USAGE_FAILURE: u8 = 2;

/// Runs `command`; writing failures (a closed pipe) are not reported, the status still is.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Help => {
            let _ = writeln!(out, "{USAGE}");
            Ok(SUCCESS)
        }
        Command::Version => {
            let (package, version) = (plumbline::PACKAGE, plumbline::VERSION);
            let _ = writeln!(out, "plumbline {version} (engine {package} {version})");
            Ok(SUCCESS)
        }
        Command::Lint {
            file,
            format,
            lint_options,
            deny_warnings,
        } => lint(&file, format, lint_options, deny_warnings, out),
        Command::Evaluate {
            lens,
            answers,
            lint_options,
        } => with_review(&lens, &answers, lint_options, err, |lens, answers, _| {
            render::pretty(&evaluate(lens, answers))
        })
        .map(|text| emit(out, &text)),
        Command::Plan {
            lens,
            answers,
            pillar_priority,
            lint_options,
        } => {
            let options = PlanOptions {
                pillar_priority,
                ..PlanOptions::default()
            };
            with_review(&lens, &answers, lint_options, err, |lens, answers, err| {
                warn_unknown_pillars(lens, &options.pillar_priority, err);
                #[derive(Serialize)]
                struct Plan {
                    items: Vec<PlanItem>,
                }
                render::pretty(&Plan {
                    items: improvement_plan(lens, answers, &options),
                })
            })
            .map(|text| emit(out, &text))
        }
        Command::BackupCheck { file, format } => backup_check(&file, format, out),
    };
    result.unwrap_or_else(|failure| {
        // Messages quote file names, keys and values: escaped, so none can forge a line.
        let _ = writeln!(err, "plumbline: {}", escape(&failure.message));
        failure.status
    })
}

/// Why a command stopped: the message for stderr and the exit status.
struct Failure {
    status: u8,
    message: String,
}

fn usage_failure(message: String) -> Failure {
    Failure {
        status: USAGE_FAILURE,
        message,
    }
}

fn emit(out: &mut dyn Write, text: &str) -> u8 {
    let _ = out.write_all(text.as_bytes());
    SUCCESS
}

fn lint(
    file: &str,
    format: Format,
    lint_options: LintOptions,
    deny_warnings: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let Input { name, text } = input::read(file, LENS_LIMIT).map_err(usage_failure)?;
    let report = plumbline::lint::lint_with(&text, &lint_options);
    let rendered = match format {
        Format::Text => render::text(&name, &report.diagnostics),
        Format::Json => render::json(&report.diagnostics),
    };
    let _ = out.write_all(rendered.as_bytes());
    let refused = report.has_errors() || (deny_warnings && !report.diagnostics.is_empty());
    Ok(if refused { LENS_HAS_ERRORS } else { SUCCESS })
}

/// `backup check`: the summary of a restorable backup (exit 0), or the JSON path and reason of
/// its first problem (exit 1), as text or JSON.
fn backup_check(file: &str, format: Format, out: &mut dyn Write) -> Result<u8, Failure> {
    let Input { name, text } = input::read(file, BACKUP_LIMIT).map_err(usage_failure)?;
    let checked = backup::parse(&text);
    let rendered = match (&checked, format) {
        (Ok(parsed), Format::Text) => {
            let s = parsed.summary();
            format!(
                "{name}: a workspace backup (format {}, exported {}): {} workload(s), {} answer(s), {} milestone(s), {} custom lens(es), {} damaged record(s) kept as stored\n",
                s.format_version, escape(&excerpt(&s.exported_at)), s.workloads, s.answers, s.milestones, s.custom_lenses, s.damaged
            )
        }
        (Err(e), Format::Text) => format!(
            "{name}: cannot be restored: at {}: {}\n",
            escape(&excerpt(&e.path)),
            escape(&e.message)
        ),
        (Ok(parsed), Format::Json) => {
            render::pretty(&serde_json::json!({ "valid": true, "summary": parsed.summary() }))
        }
        (Err(e), Format::Json) => render::pretty(&serde_json::json!({
            "valid": false,
            "path": e.path,
            "message": escape(&e.message),
        })),
    };
    let _ = out.write_all(rendered.as_bytes());
    Ok(if checked.is_ok() {
        SUCCESS
    } else {
        LENS_HAS_ERRORS
    })
}

/// Loads a usable lens and its answers, warns about answers that do not fit, and renders the
/// result of `then`.
fn with_review(
    lens_path: &str,
    answers_path: &str,
    lint_options: LintOptions,
    err: &mut dyn Write,
    then: impl FnOnce(&Lens, &[Answer], &mut dyn Write) -> String,
) -> Result<String, Failure> {
    let lens_input = input::read(lens_path, LENS_LIMIT).map_err(usage_failure)?;
    let answers_input = input::read(answers_path, ANSWERS_LIMIT).map_err(usage_failure)?;
    // Unreadable input (status 2) is reported before a lens with errors (status 1), so the
    // status tells a script whether to fix its command line or the lens.
    let answers = answers_from_aws_json(&answers_input.text)
        .map_err(|e| usage_failure(format!("{}: {e}", answers_input.name)))?;
    let lens = lens::parse_with(&lens_input.text, &lint_options).map_err(|diagnostics| {
        let _ = err.write_all(render::text(&lens_input.name, &diagnostics).as_bytes());
        Failure {
            status: LENS_HAS_ERRORS,
            message: format!(
                "{}: the lens has errors and cannot be used in a review",
                lens_input.name
            ),
        }
    })?;
    warn_misfits(&lens, &answers, &answers_input.name, err);
    Ok(then(&lens, &answers, err))
}

/// Answers that evaluation will ignore in part or in whole: worth a warning, not a failure
/// (an export from a newer lens version should still evaluate).
fn warn_misfits(lens: &Lens, answers: &[Answer], file: &str, err: &mut dyn Write) {
    for answer in answers {
        let question = lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .find(|q| q.id == answer.question_id);
        let problem = match question {
            None => Some(format!(
                "the lens has no question `{}`; its answer is ignored",
                excerpt(&answer.question_id)
            )),
            Some(question) => answer
                .validate_against(question)
                .err()
                .map(|e| format!("{e}; ignored")),
        };
        if let Some(problem) = problem {
            let _ = writeln!(err, "plumbline: warning: {file}: {}", escape(&problem));
        }
    }
}

fn warn_unknown_pillars(lens: &Lens, priority: &[String], err: &mut dyn Write) {
    for id in priority {
        if !lens.pillars.iter().any(|p| &p.id == id) {
            let _ = writeln!(
                err,
                "plumbline: warning: --pillar-priority names `{}`, which is not a pillar of the lens",
                excerpt(id)
            );
        }
    }
}
