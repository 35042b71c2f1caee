//! Command-line parsing, by hand: three commands and three options do not need a framework,
//! and a hand-written parser keeps the binary small and the messages ours.

use std::ffi::OsString;

use plumbline::lens::LintOptions;
use plumbline::shown::excerpt;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Lint {
        file: String,
        format: Format,
        lint_options: LintOptions,
        /// Exit 1 on warnings too: for CI jobs that keep a lens free of them.
        deny_warnings: bool,
    },
    Evaluate {
        lens: String,
        answers: String,
        lint_options: LintOptions,
    },
    Plan {
        lens: String,
        answers: String,
        pillar_priority: Vec<String>,
        lint_options: LintOptions,
    },
    /// `backup check FILE`: is FILE a workspace backup the app can restore?
    BackupCheck {
        file: String,
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Printed after a usage error: the full text would bury the one line that matters.
pub const HINT: &str = "Run `plumbline --help` for usage.";

pub const USAGE: &str = "\
plumbline: lint Well-Architected lens files, evaluate reviews, plan improvements.

Usage:
  plumbline lint FILE [--format text|json] [--strict] [--deny-warnings] [--official-ids]
  plumbline evaluate LENS ANSWERS [--official-ids]
  plumbline plan LENS ANSWERS [--pillar-priority ID,ID,...] [--official-ids]
  plumbline backup check FILE [--format text|json]
  plumbline --help | --version

Commands:
  lint      check a custom-lens JSON file: exit 0 when it has no error (warnings allowed),
            1 when it has errors; one line per problem, or JSON with --format json
  evaluate  the risk of every question, with risk counts per pillar and for the lens (JSON)
  plan      the improvement plan: HIGH then MEDIUM questions, by pillar priority and lens
            order, each with the best practices to adopt, most impactful first (JSON)
  backup check
            check a workspace backup file (Back up workspace in the app): exit 0 when the
            app can restore it, 1 when it cannot (with the JSON path of the first problem)

LENS and FILE are custom-lens JSON files; ANSWERS is the JSON that
`aws wellarchitected list-answers` (or get-answer) prints. Use - to read stdin.
--strict makes keys the lens format does not define errors (they are warnings otherwise,
as AWS ignores them); --deny-warnings exits 1 when there is any warning.
--official-ids accepts the AWS framework lens's question ids (`ops-model`), as in the
lenses Plumbline ships; custom lenses must not use it.
Exit status: 0 success, 1 the lens has errors (or warnings, with --deny-warnings),
2 usage error or unreadable input.";

/// The arguments after the program name as text. `std::env::args` panics on one that is not
/// UTF-8 (a file name in another encoding); this names it instead, by position (1 = the first
/// after the program name) and with the bytes it could not read shown as U+FFFD.
pub fn from_os(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string().map_err(|arg| {
                format!(
                    "argument {} is not valid UTF-8 (`{}`); Plumbline reads UTF-8 arguments and file names only",
                    i + 1,
                    excerpt(&arg.to_string_lossy())
                )
            })
        })
        .collect()
}

/// Parses the arguments after the program name; `Err` carries a one-line reason.
pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some((first, rest)) = argv.split_first() else {
        return Err("no command given".to_string());
    };
    match first.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        _ => {}
    }
    let mut options = Options::split(rest)?;
    if options.help {
        return Ok(Command::Help);
    }
    let lint_options = LintOptions {
        official_ids: options.official_ids,
        strict: options.strict,
    };
    if first != "lint" {
        for (given, flag) in [
            (options.strict, "--strict"),
            (options.deny_warnings, "--deny-warnings"),
        ] {
            if given {
                return Err(format!(
                    "`{first}` does not take {flag}; it is an option of `lint`"
                ));
            }
        }
    }
    let command = match first.as_str() {
        "lint" => {
            let [file] = options.positionals::<1>("lint", "FILE")?;
            let format = options.format()?;
            Command::Lint {
                file,
                format,
                lint_options,
                deny_warnings: options.deny_warnings,
            }
        }
        "evaluate" => {
            let [lens, answers] = options.positionals::<2>("evaluate", "LENS ANSWERS")?;
            Command::Evaluate {
                lens,
                answers,
                lint_options,
            }
        }
        "plan" => {
            let [lens, answers] = options.positionals::<2>("plan", "LENS ANSWERS")?;
            let pillar_priority = options
                .take("--pillar-priority")
                .map(|list| {
                    list.split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Command::Plan {
                lens,
                answers,
                pillar_priority,
                lint_options,
            }
        }
        "backup" => {
            let [action, file] = options.positionals::<2>("backup", "check FILE")?;
            if action != "check" {
                return Err(format!(
                    "`backup` has one action, `check`; not `{}`",
                    excerpt(&action)
                ));
            }
            let format = options.format()?;
            Command::BackupCheck { file, format }
        }
        other if other.starts_with('-') => {
            return Err(format!("unknown option `{}`", excerpt(other)))
        }
        other => return Err(format!("unknown command `{}`", excerpt(other))),
    };
    options.finish(first)?;
    Ok(command)
}

impl Options {
    /// `--format text|json` (text when absent).
    fn format(&mut self) -> Result<Format, String> {
        match self.take("--format").as_deref() {
            None | Some("text") => Ok(Format::Text),
            Some("json") => Ok(Format::Json),
            Some(other) => Err(format!(
                "--format must be text or json, not `{}`",
                excerpt(other)
            )),
        }
    }
}

/// The words after the command, split into positionals and `--name value` options.
struct Options {
    positionals: Vec<String>,
    named: Vec<(String, String)>,
    help: bool,
    official_ids: bool,
    strict: bool,
    deny_warnings: bool,
}

/// Options that take a value; anything else starting with `-` is refused.
const VALUED: [&str; 2] = ["--format", "--pillar-priority"];

impl Options {
    fn split(words: &[String]) -> Result<Options, String> {
        let mut options = Options {
            positionals: Vec::new(),
            named: Vec::new(),
            help: false,
            official_ids: false,
            strict: false,
            deny_warnings: false,
        };
        let mut words = words.iter();
        while let Some(word) = words.next() {
            if word == "-h" || word == "--help" {
                options.help = true;
            } else if word == "--official-ids" {
                options.official_ids = true;
            } else if word == "--strict" {
                options.strict = true;
            } else if word == "--deny-warnings" {
                options.deny_warnings = true;
            } else if word == "-" || !word.starts_with('-') {
                options.positionals.push(word.clone());
            } else {
                let (name, inline) = match word.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None => (word.as_str(), None),
                };
                if !VALUED.contains(&name) {
                    return Err(format!("unknown option `{}`", excerpt(name)));
                }
                let value = match inline {
                    Some(value) => value,
                    None => words
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("{name} needs a value"))?,
                };
                if options.named.iter().any(|(n, _)| n == name) {
                    return Err(format!("{name} is given twice"));
                }
                options.named.push((name.to_string(), value));
            }
        }
        Ok(options)
    }

    fn positionals<const N: usize>(
        &mut self,
        command: &str,
        names: &str,
    ) -> Result<[String; N], String> {
        let given = std::mem::take(&mut self.positionals);
        let count = given.len();
        given.try_into().map_err(|_| {
            let plural = if count == 1 { "" } else { "s" };
            format!("`{command}` expects {names}, got {count} argument{plural}")
        })
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let i = self.named.iter().position(|(n, _)| n == name)?;
        Some(self.named.remove(i).1)
    }

    /// Refuses options that exist but do not belong to this command.
    fn finish(self, command: &str) -> Result<(), String> {
        match self.named.first() {
            Some((name, _)) => Err(format!("`{command}` does not take {name}")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn options_may_come_anywhere_and_with_equals() {
        assert_eq!(
            parse(&words("lint --format=json a.json")),
            Ok(Command::Lint {
                file: "a.json".into(),
                format: Format::Json,
                lint_options: LintOptions::default(),
                deny_warnings: false,
            })
        );
        assert_eq!(
            parse(&words(
                "plan --pillar-priority security,,reliability l.json --official-ids a.json"
            )),
            Ok(Command::Plan {
                lens: "l.json".into(),
                answers: "a.json".into(),
                pillar_priority: vec!["security".into(), "reliability".into()],
                lint_options: LintOptions {
                    official_ids: true,
                    ..LintOptions::default()
                },
            })
        );
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8_are_named_by_position() {
        use std::os::unix::ffi::OsStringExt;
        let argv = vec![
            OsString::from("lint"),
            OsString::from_vec(b"bad\xFF.json".to_vec()),
        ];
        assert_eq!(
            from_os(argv),
            Err("argument 2 is not valid UTF-8 (`bad\u{fffd}.json`); Plumbline reads UTF-8 arguments and file names only".to_string())
        );
        assert_eq!(
            from_os([OsString::from("--help")]),
            Ok(vec!["--help".to_string()])
        );
    }

    #[test]
    fn misuse_is_named() {
        let err = |line: &str| parse(&words(line)).unwrap_err();
        assert_eq!(err(""), "no command given");
        assert_eq!(err("frobnicate x"), "unknown command `frobnicate`");
        assert_eq!(err("lint a b"), "`lint` expects FILE, got 2 arguments");
        assert_eq!(err("plan l"), "`plan` expects LENS ANSWERS, got 1 argument");
        assert_eq!(err("lint --format"), "--format needs a value");
        assert_eq!(
            err("lint a --format yaml"),
            "--format must be text or json, not `yaml`"
        );
        assert_eq!(err("lint a --verbose"), "unknown option `--verbose`");
        assert_eq!(
            err("evaluate l a --format json"),
            "`evaluate` does not take --format"
        );
        assert_eq!(
            err("lint a --format json --format text"),
            "--format is given twice"
        );
    }
}
