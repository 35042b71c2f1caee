//! The `plumbline` command-line tool: `lint`, `evaluate` and `plan` over lens and answer files,
//! built from the same core as the web app (design.md, "Contracts other code relies on").
//!
//! Exit status: 0 success; 1 the lens has errors; 2 a usage error or an unreadable input.
//! Results go to stdout, problems to stderr, so `plumbline evaluate … | jq` always sees JSON.

// The crate root is `src/bin/plumbline.rs`, so its modules would otherwise resolve beside it,
// among other binaries' roots; keeping them in `plumbline/` keeps them together.
#[path = "plumbline/args.rs"]
mod args;
#[path = "plumbline/commands.rs"]
mod commands;
#[path = "plumbline/input.rs"]
mod input;
#[path = "plumbline/render.rs"]
mod render;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let status =
        match args::from_os(std::env::args_os().skip(1)).and_then(|argv| args::parse(&argv)) {
            Ok(command) => commands::run(command, &mut out, &mut err),
            Err(usage) => {
                let usage = plumbline::shown::escape(&usage);
                let _ = writeln!(err, "plumbline: {usage}\n{}", args::HINT);
                commands::USAGE_FAILURE
            }
        };
    // A closed pipe (`plumbline … | head`) is not worth a panic; the status says what happened.
    let _ = out.flush();
    ExitCode::from(status)
}
