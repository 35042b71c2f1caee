//! The `plumbline` binary, run on the fixtures in `tests/fixtures/`: exit statuses, and stdout
//! and stderr compared with transcripts in `tests/golden/cli/` (command, status, both streams
//! in one file, so a reviewer reads input and output together).
//!
//! After an intended change, re-bless with `UPDATE_GOLDEN=1 cargo test --test it cli::` (as
//! every golden file; `PLUMBLINE_BLESS=1`, the older name, works too) and review the diff.
//!
//! Tests marked "needs the lens parser" are skipped, with a note on stderr, while
//! `plumbline::lint::lint` is still the interface stub (it returns neither a lens nor a
//! diagnostic, which a real parser never does).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_plumbline");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the plumbline binary runs");
    if let Some(bytes) = stdin {
        // A program may stop reading early (at a size limit): the pipe then breaks, which is
        // not the test's failure; the status and the output say what happened.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    let output = child.wait_with_output().unwrap();
    Run {
        status: output.status.code().expect("exited normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

/// Runs `args` and compares the transcript with `tests/golden/cli/{name}.txt`; returns the run.
#[track_caller]
fn golden(name: &str, args: &[&str]) -> Run {
    let result = run(args);
    let transcript = format!(
        "$ plumbline{}\nexit status: {}\n--- stdout\n{}--- stderr\n{}",
        args.iter().map(|a| format!(" {a}")).collect::<String>(),
        result.status,
        result.stdout,
        result.stderr
    );
    let path = Path::new(ROOT).join(format!("tests/golden/cli/{name}.txt"));
    let bless = std::env::var_os("PLUMBLINE_BLESS").is_some()
        || std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    if bless {
        std::fs::write(&path, &transcript).unwrap();
    } else {
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("no golden file {path:?}; run UPDATE_GOLDEN=1 cargo test --test it cli::")
        });
        assert!(
            expected == transcript,
            "{name}: output differs from {path:?}\n--- expected\n{expected}\n--- actual\n{transcript}"
        );
    }
    result
}

/// Whether `lint::lint` is the real parser rather than the interface stub.
fn parser_available() -> bool {
    let report = plumbline::lint::lint("{}");
    let real = report.lens.is_some() || !report.diagnostics.is_empty();
    if !real {
        eprintln!("skipped: needs the lens parser, which is still the interface stub");
    }
    real
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// --- usage (no lens parsing involved) ---

#[test]
fn help_and_version() {
    let help = golden("help", &["--help"]);
    assert_eq!(help.status, 0);
    // Help after a command shows the same text.
    assert_eq!(run(&["lint", "--help"]).stdout, help.stdout);
    assert_eq!(run(&["-h"]).stdout, help.stdout);
    let version = run(&["--version"]);
    assert_eq!(version.status, 0);
    assert_eq!(
        version.stdout,
        format!(
            "plumbline {v} (engine plumbline-review {v})\n",
            v = env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn usage_errors_exit_2_with_the_reason_and_the_usage() {
    assert_eq!(golden("no-command", &[]).status, 2);
    assert_eq!(golden("unknown-command", &["check", "x.json"]).status, 2);
    assert_eq!(
        golden(
            "bad-format",
            &["lint", "tests/fixtures/review-lens.json", "--format", "xml"]
        )
        .status,
        2
    );
    let missing = run(&["evaluate", "tests/fixtures/review-lens.json"]);
    assert_eq!(missing.status, 2);
    assert!(missing
        .stderr
        .starts_with("plumbline: `evaluate` expects LENS ANSWERS, got 1 argument\n"));
    let wrong = run(&["lint", "a.json", "--pillar-priority", "x"]);
    assert_eq!(wrong.status, 2);
    assert!(wrong
        .stderr
        .starts_with("plumbline: `lint` does not take --pillar-priority\n"));
    for run in [missing, wrong] {
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn unreadable_files_exit_2_and_say_why() {
    assert_eq!(
        golden("lint-missing-file", &["lint", "tests/fixtures/nope.json"]).status,
        2
    );

    let bad = temp_file("not-utf8.json", b"{\"na\xC3\x28me\": 1}");
    let r = run(&["lint", bad.to_str().unwrap()]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        format!(
            "plumbline: {}: not valid UTF-8: byte 0xC3 at offset 4 cannot start or continue a character\n",
            bad.display()
        )
    );

    let utf16 = temp_file("utf16.json", b"\xFF\xFE{\0}\0");
    let r = run(&["lint", utf16.to_str().unwrap()]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .ends_with(": the file is UTF-16 encoded; save it as UTF-8\n"),
        "{}",
        r.stderr
    );

    let r = run(&[
        "plan",
        "tests/fixtures/review-lens.json",
        "tests/fixtures/none.json",
    ]);
    assert_eq!(r.status, 2);
    assert!(r
        .stderr
        .starts_with("plumbline: tests/fixtures/none.json: cannot read: "));
}

#[test]
fn bad_answers_exit_2_naming_the_problem_and_where() {
    // Answers are read before the lens is validated, so this does not need the parser.
    let r = golden(
        "evaluate-bad-answers",
        &[
            "evaluate",
            "tests/fixtures/review-lens.json",
            "tests/fixtures/review-answers-bad.json",
        ],
    );
    assert_eq!(r.status, 2);
    let not_json = temp_file(
        "not-json.json",
        b"{\"AnswerSummaries\": [\n  {\"QuestionId\": }\n]}",
    );
    let r = run(&[
        "plan",
        "tests/fixtures/review-lens.json",
        not_json.to_str().unwrap(),
    ]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .contains(": 2:18: not valid JSON: expected value\n"),
        "{}",
        r.stderr
    );
}

// --- lint (needs the lens parser) ---

#[test]
fn lint_a_clean_lens_exits_0() {
    if !parser_available() {
        return;
    }
    assert_eq!(
        golden("lint-clean", &["lint", "tests/fixtures/review-lens.json"]).status,
        0
    );
    let json = golden(
        "lint-clean-json",
        &[
            "lint",
            "tests/fixtures/review-lens.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(json.status, 0);
    assert_eq!(
        json.stdout.split_whitespace().collect::<String>(),
        r#"{"diagnostics":[]}"#
    );
}

#[test]
fn lint_warnings_alone_exit_0() {
    if !parser_available() {
        return;
    }
    let text = golden(
        "lint-warnings",
        &["lint", "tests/fixtures/review-lens-warnings.json"],
    );
    assert_eq!(text.status, 0);
    assert!(text.stdout.contains(": warning[rule-never-fires] "));
    assert!(text.stdout.contains(": warning[risk-rises-with-practice] "));
    let json = golden(
        "lint-warnings-json",
        &[
            "lint",
            "--format=json",
            "tests/fixtures/review-lens-warnings.json",
        ],
    );
    assert_eq!(json.status, 0);
    assert_json_contract(&json.stdout);
    // The same warnings fail a CI job that denies them; the output is unchanged.
    let denied = run(&[
        "lint",
        "--deny-warnings",
        "tests/fixtures/review-lens-warnings.json",
    ]);
    assert_eq!(denied.status, 1);
    assert_eq!(denied.stdout, text.stdout);
}

#[test]
fn strict_lint_refuses_unknown_keys() {
    if !parser_available() {
        return;
    }
    let lens = "tests/golden/lens/unknown-key.json";
    assert_eq!(run(&["lint", lens]).status, 0);
    let strict = golden("lint-strict", &["lint", "--strict", lens]);
    assert_eq!(strict.status, 1);
    assert!(strict.stdout.contains(": error[unknown-key] "));
    // Only lint takes it: evaluate and plan read a lens as AWS does.
    let misuse = run(&[
        "evaluate",
        "--strict",
        lens,
        "tests/fixtures/review-answers.json",
    ]);
    assert_eq!(misuse.status, 2);
    assert!(misuse.stderr.contains("`evaluate` does not take --strict"));
}

#[test]
fn lint_errors_exit_1() {
    if !parser_available() {
        return;
    }
    let text = golden(
        "lint-errors",
        &["lint", "tests/fixtures/review-lens-errors.json"],
    );
    assert_eq!(text.status, 1);
    let lines: Vec<&str> = text.stdout.lines().collect();
    let (summary, diagnostics) = lines.split_last().unwrap();
    assert!(summary.starts_with("tests/fixtures/review-lens-errors.json: "));
    assert!(summary.contains(" error"));
    for line in diagnostics {
        assert!(
            is_diagnostic_line(line, "tests/fixtures/review-lens-errors.json"),
            "not FILE:LINE:COLUMN: severity[code] message (at PATH): {line}"
        );
    }
    let json = golden(
        "lint-errors-json",
        &[
            "lint",
            "tests/fixtures/review-lens-errors.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(json.status, 1);
    assert_json_contract(&json.stdout);
}

#[test]
fn lint_reads_stdin_when_the_file_is_a_dash() {
    if !parser_available() {
        return;
    }
    let text =
        std::fs::read(Path::new(ROOT).join("tests/fixtures/review-lens-warnings.json")).unwrap();
    let r = run_with_stdin(&["lint", "-"], Some(&text));
    assert_eq!(r.status, 0);
    assert!(r.stdout.starts_with("<stdin>:"), "{}", r.stdout);
}

/// `FILE:LINE:COLUMN: severity[code] message`, optionally ` (at PATH)`.
fn is_diagnostic_line(line: &str, file: &str) -> bool {
    let Some(rest) = line.strip_prefix(&format!("{file}:")) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let (Some(l), Some(c), Some(tail)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let numbers = l.parse::<u32>().is_ok_and(|n| n >= 1) && c.parse::<u32>().is_ok_and(|n| n >= 1);
    let tail = tail.strip_prefix(' ').unwrap_or("");
    let severity = tail.starts_with("error[") || tail.starts_with("warning[");
    numbers && severity && tail.contains("] ")
}

/// `{"diagnostics":[{"severity","code","path","line","column","message"}]}`, keys in that order.
fn assert_json_contract(stdout: &str) {
    let value: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    let diagnostics = value["diagnostics"]
        .as_array()
        .expect("a diagnostics array");
    assert!(!diagnostics.is_empty());
    assert_eq!(value.as_object().unwrap().len(), 1);
    for d in diagnostics {
        let object = d.as_object().unwrap();
        assert_eq!(object.len(), 6, "{d}");
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning")));
        assert!(d["code"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(d["path"].is_string() && d["message"].is_string());
        assert!(d["line"].as_u64().is_some_and(|n| n >= 1));
        assert!(d["column"].as_u64().is_some_and(|n| n >= 1));
    }
    // Key order as in the contract (serde_json's Value sorts keys, so check the text).
    let keys = [
        "\"severity\"",
        "\"code\"",
        "\"path\"",
        "\"line\"",
        "\"column\"",
        "\"message\"",
    ];
    for object in stdout.split("\"severity\"").skip(1) {
        let object = format!("\"severity\"{object}");
        let positions: Vec<usize> = keys.iter().map(|k| object.find(k).unwrap()).collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "key order in {object}"
        );
    }
}

// --- evaluate and plan (need the lens parser) ---

#[test]
fn evaluate_prints_risks_in_lens_order_and_warns_about_misfit_answers() {
    if !parser_available() {
        return;
    }
    let r = golden(
        "evaluate",
        &[
            "evaluate",
            "tests/fixtures/review-lens.json",
            "tests/fixtures/review-answers.json",
        ],
    );
    assert_eq!(r.status, 0);
    let value: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let order: Vec<&str> = value["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["questionId"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["backups", "scaling", "access", "secrets", "encryption"]
    );
    assert_eq!(
        value["riskCounts"],
        serde_json::json!({"UNANSWERED": 0, "HIGH": 1, "MEDIUM": 2, "NONE": 1, "NOT_APPLICABLE": 1})
    );
}

#[test]
fn plan_orders_by_risk_then_pillar_priority() {
    if !parser_available() {
        return;
    }
    let ids = |r: &Run| -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        value["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["questionId"].as_str().unwrap().to_string())
            .collect()
    };
    let lens = "tests/fixtures/review-lens.json";
    let answers = "tests/fixtures/review-answers.json";
    let plain = golden("plan", &["plan", lens, answers]);
    assert_eq!(plain.status, 0);
    assert_eq!(ids(&plain), ["scaling", "backups", "secrets"]);
    let prioritised = golden(
        "plan-pillar-priority",
        &["plan", lens, answers, "--pillar-priority", "security,nope"],
    );
    assert_eq!(prioritised.status, 0);
    assert_eq!(ids(&prioritised), ["scaling", "secrets", "backups"]);
}

#[test]
fn a_lens_with_errors_cannot_be_evaluated_or_planned() {
    if !parser_available() {
        return;
    }
    let lens = "tests/fixtures/review-lens-errors.json";
    let answers = "tests/fixtures/review-answers.json";
    let r = golden("evaluate-lens-errors", &["evaluate", lens, answers]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.is_empty());
    assert!(r
        .stderr
        .ends_with("plumbline: tests/fixtures/review-lens-errors.json: the lens has errors and cannot be used in a review\n"));
    let r = run(&["plan", lens, answers]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.is_empty());
}

// --- hostile input (issue 12): a clear error, never a crash, a hang or a forged line ---

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_exit_2_naming_their_position() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(BIN)
        .arg("lint")
        .arg(OsStr::from_bytes(b"lens-\xFF\xFE.json"))
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "plumbline: argument 2 is not valid UTF-8 (`lens-\u{fffd}\u{fffd}.json`); Plumbline reads UTF-8 arguments and file names only\nRun `plumbline --help` for usage.\n"
    );
}

#[cfg(unix)]
#[test]
fn endless_inputs_stop_at_the_size_limit() {
    let started = std::time::Instant::now();
    let r = run(&["lint", "/dev/zero"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "plumbline: /dev/zero: larger than 500000 bytes, the limit for a lens file (AWS: a custom lens cannot exceed 500 KB); it was not read\n"
    );
    let r = run(&["evaluate", "tests/fixtures/review-lens.json", "/dev/zero"]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "plumbline: /dev/zero: larger than 10485760 bytes, the limit for an answers file; it was not read\n"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn files_just_over_the_size_limit_exit_2() {
    let valid =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/review-lens.json")).unwrap();
    let at_limit = format!("{valid}{}", " ".repeat(500_000 - valid.len()));
    let path = temp_file("lens-at-limit.json", at_limit.as_bytes());
    assert_eq!(run(&["lint", path.to_str().unwrap()]).status, 0);
    let over = temp_file("lens-over-limit.json", format!("{at_limit} ").as_bytes());
    let r = run(&["lint", over.to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.status, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.ends_with(": larger than 500000 bytes, the limit for a lens file (AWS: a custom lens cannot exceed 500 KB); it was not read\n"), "{}", r.stderr);
    // The same through stdin; the rest of what is piped in is never read.
    let r = run_with_stdin(&["lint", "-"], Some(&vec![b' '; 2_000_000]));
    assert_eq!(r.status, 2);
    assert!(r
        .stderr
        .starts_with("plumbline: <stdin>: larger than 500000 bytes"));
    // Answers files: 10 MiB.
    let answers = temp_file("answers-over-limit.json", &vec![b' '; 10_485_761]);
    let r = run(&[
        "plan",
        "tests/fixtures/review-lens.json",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(r.status, 2);
    assert!(r
        .stderr
        .contains(": larger than 10485760 bytes, the limit for an answers file"));
}

#[test]
fn keys_with_control_characters_cannot_forge_diagnostic_lines() {
    if !parser_available() {
        return;
    }
    let golden_run = golden(
        "lint-control-keys",
        &["lint", "tests/golden/lens/unknown-key-controls.json"],
    );
    assert_eq!(golden_run.status, 0);
    // A key with an escape sequence, line breaks, C1 controls and a right-to-left override.
    let key = "\u{1b}[2J\r\nlens.json:1:1: error[forged] x\u{85}\u{9b}31m\u{202e}evil\u{2066}";
    let lens = std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/review-lens.json"))
        .unwrap()
        .replacen(
            '{',
            &format!("{{{}: 1,", serde_json::to_string(key).unwrap()),
            1,
        );
    let path = temp_file("control-key.json", lens.as_bytes());
    let file = path.to_str().unwrap();
    let text = run(&["lint", file]);
    assert_eq!(text.status, 0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one diagnostic and the summary: {lines:#?}");
    assert!(is_diagnostic_line(lines[0], file), "{}", lines[0]);
    assert!(
        !text
            .stdout
            .chars()
            .any(|c| c != '\n' && plumbline::shown::is_hidden_control(c)),
        "{:?}",
        text.stdout
    );
    assert!(lines[0].contains(
        "`\\u{1b}[2J\\u{d}\\u{a}lens.json:1:1: error[forged] x\\u{85}\\u{9b}31m\\u{202e}evil\\u{2066}`"
    ));
    // JSON keeps the exact key in the path and shows the message in the same escaped form.
    let json = run(&["lint", file, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let d = &value["diagnostics"][0];
    assert_eq!(
        d["path"].as_str().unwrap(),
        format!("[{}]", serde_json::to_string(key).unwrap())
    );
    assert!(lines[0].contains(d["message"].as_str().unwrap()));
}

#[test]
fn utf32_is_named_utf32() {
    for bytes in [
        &b"\xFF\xFE\0\0{\0\0\0}\0\0\0"[..],
        b"\0\0\xFE\xFF\0\0\0{\0\0\0}",
    ] {
        let path = temp_file("utf32.json", bytes);
        let r = run(&["lint", path.to_str().unwrap()]);
        assert_eq!(r.status, 2);
        assert!(
            r.stderr
                .ends_with(": the file is UTF-32 encoded; save it as UTF-8\n"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn a_byte_order_mark_is_a_warning_as_in_the_app() {
    if !parser_available() {
        return;
    }
    let lens = std::fs::read(Path::new(ROOT).join("tests/fixtures/review-lens.json")).unwrap();
    let answers =
        std::fs::read(Path::new(ROOT).join("tests/fixtures/review-answers.json")).unwrap();
    let bom = |bytes: &[u8]| [&b"\xEF\xBB\xBF"[..], bytes].concat();
    let lens_bom = temp_file("bom-lens.json", &bom(&lens));
    let answers_bom = temp_file("bom-answers.json", &bom(&answers));
    let file = lens_bom.to_str().unwrap();
    let r = run(&["lint", file]);
    assert_eq!(r.status, 0);
    assert!(
        r.stdout.starts_with(&format!(
            "{file}:1:1: warning[json-byte-order-mark] the file starts with a byte-order mark"
        )),
        "{}",
        r.stdout
    );
    assert_eq!(run(&["lint", file, "--deny-warnings"]).status, 1);
    // Evaluation reads both files as if they had no mark.
    let plain = run(&[
        "evaluate",
        "tests/fixtures/review-lens.json",
        "tests/fixtures/review-answers.json",
    ]);
    let marked = run(&["evaluate", file, answers_bom.to_str().unwrap()]);
    assert_eq!(marked.status, 0, "{}", marked.stderr);
    assert_eq!(marked.stdout, plain.stdout);
}

#[test]
fn a_repeated_key_in_answers_exits_2_with_its_path() {
    let r = golden(
        "evaluate-duplicate-answer-key",
        &[
            "evaluate",
            "tests/fixtures/review-lens.json",
            "tests/fixtures/review-answers-duplicate-key.json",
        ],
    );
    assert_eq!(r.status, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains(
        ": 11:7: at AnswerSummaries[0].SelectedChoices: key `SelectedChoices` is repeated"
    ));
}

// ---- backup check ---------------------------------------------------------------------------

#[test]
fn backup_check_accepts_a_backup_the_app_wrote() {
    let r = run(&["backup", "check", "tests/fixtures/backup.json"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("1 workload(s), 1 answer(s), 1 milestone(s), 0 custom lens(es)"),
        "{}",
        r.stdout
    );
    let json = run(&[
        "backup",
        "check",
        "tests/fixtures/backup.json",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["summary"]["workloads"], 1);
}

#[test]
fn backup_check_names_the_first_problem_and_exits_1() {
    let good = std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/backup.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["workloads"][0]["milestones"][0]["milestoneNumber"] = serde_json::json!(0);
    let cases = [
        (
            v.to_string(),
            "$.workloads[0].milestones[0].milestoneNumber",
        ),
        ("{\"AnswerSummaries\": []}".to_string(), "$.format"),
        ("[1, 2".to_string(), "$"),
    ];
    for (text, path) in cases {
        let r = run_with_stdin(
            &["backup", "check", "-", "--format", "json"],
            Some(text.as_bytes()),
        );
        assert_eq!(r.status, 1, "{path}: {}", r.stderr);
        let out: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(out["valid"], false);
        assert_eq!(out["path"], path);
        let text_run = run_with_stdin(&["backup", "check", "-"], Some(text.as_bytes()));
        assert!(
            text_run.stdout.contains(&format!("at {path}:")),
            "{}",
            text_run.stdout
        );
    }
}

#[test]
fn backup_check_usage_and_read_failures_exit_2() {
    for args in [
        &["backup", "frob", "x.json"][..],
        &["backup", "check"][..],
        &["backup", "check", "no-such-file.json"][..],
        &["backup", "check", "tests/fixtures/backup.json", "--strict"][..],
    ] {
        let r = run(args);
        assert_eq!(r.status, 2, "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.starts_with("plumbline: "),
            "{args:?}: {}",
            r.stderr
        );
    }
}
