# Shared helpers for the scripts in this folder. Source it; it does nothing on its own.
#
# Every script cds to the repository root first, so paths below are relative to it.

# cargo installs binaries (wasm-bindgen) here; a fresh CI shell may not have it on PATH yet.
export PATH="$HOME/.cargo/bin:$PATH"
# npm's "new version available" check is network traffic and log noise in every run.
export npm_config_update_notifier=false

CRATE=plumbline
WASM_TARGET=wasm32-unknown-unknown

# A field of the [package] table of Cargo.toml (version, description, license), so that the
# crate stays the one source of truth for the npm package.
cargo_package_field() {
  sed -n '/^\[package\]/,/^\[/p' Cargo.toml | sed -n -E "s/^$1 *= *\"([^\"]*)\".*/\1/p" | head -n 1
}

# The exact wasm-bindgen version the crate pins (`wasm-bindgen = "=X.Y.Z"`). The CLI must match
# it byte for byte: the generated glue and the wasm share a schema version.
wasm_bindgen_pin() {
  sed -n -E 's/^wasm-bindgen *= *"=([0-9][^"]*)".*/\1/p' Cargo.toml | head -n 1
}

# Prints a visible header for one step.
header() {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

die() {
  printf '\033[31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# Sum of "N passed" over every libtest-style summary line in a log. Both cargo test and
# wasm-bindgen-test-runner print `test result: ok. N passed; M failed; ...`.
count_passed_rust() {
  grep -E '^test result: ' "$1" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s += $1} END {print s + 0}'
}

# "# pass N" from a TAP report written by `node --test`.
count_passed_tap() {
  sed -n -E 's/^# pass ([0-9]+)$/\1/p' "$1" | tail -n 1 | awk '{print $1 + 0}'
}

# Fails the run when a test step ran nothing: an empty step looks green and hides a broken
# selector, a renamed file or a missing target.
require_tests() {
  local what=$1 count=$2
  if [[ $count -eq 0 ]]; then
    die "$what ran 0 tests"
  fi
  echo "$what: $count passed"
}
