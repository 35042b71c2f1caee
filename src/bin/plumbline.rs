//! The `plumbline` command-line tool: `lint`, `evaluate` and `plan` over lens and answer files.

fn main() {
    println!("plumbline {}", plumbline::VERSION);
}
