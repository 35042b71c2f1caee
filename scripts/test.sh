#!/usr/bin/env bash
# THE TEST COMMAND: installs everything (first run on a bare machine: about 7 minutes), then
# runs every check in order, stopping at the first failure. A test step that runs zero tests
# fails too. Logs of each step are kept in target/test-logs/.
#
#   bash scripts/test.sh              every step, in order (what CI runs)
#   bash scripts/test.sh STEP...      only these steps, by number or short name, in list order
#   bash scripts/test.sh --list       the steps: number, short name, what it checks
#
# A run of chosen steps installs first when one of them needs an installed tool, and does not
# run the steps it depends on: `js`, `tsc`, `e2e` and `size` test pkg/ as the `build` step
# left it (`bash scripts/test.sh build js` builds it first).
#
# Environment passed through to the tests: CI=true makes tests that need the lens corpus
# (../shared/lens-corpus, or PLUMBLINE_LENS_CORPUS) fail instead of skipping when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

LOGS=target/test-logs
# The wasm-bindgen test runner drives Chromium through this driver; webdriver.json names the
# Debian binary and keeps the browser off the network (our machines refuse outside connections).
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"

SUMMARY=()
RESULT=""
CURRENT=""
# On every exit: the time and result of each step that ran, and, when something stopped the
# run (a failing command under `set -e`, or `die`), the step where it stopped.
finish() {
  local rc=$?
  stop_couch_server
  header "steps (${SECONDS}s in all)"
  printf '%s\n' "${SUMMARY[@]}"
  if [[ $rc -eq 0 ]]; then
    printf '\033[32mall steps passed\033[0m\n'
  else
    printf '\033[31mFAILED\033[0m at step: %s (exit %s)\n' "$CURRENT" "$rc"
  fi
}
trap finish EXIT

# step NAME FUNCTION: a header, the step, and a line in the closing summary with its time and
# the RESULT the function left (a test count, or what it checked).
step() {
  local name=$1 t0=$SECONDS
  CURRENT=$name
  header "step: $name"
  RESULT=""
  "$2"
  SUMMARY+=("$(printf '%-42s %5ss  %s' "$name" $((SECONDS - t0)) "$RESULT")")
}

# node --test with a readable report on the terminal and a TAP copy to count from.
node_tests() {
  local dir=$1 tap="$LOGS/$2.tap"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$dir"
  local n
  n=$(count_passed_tap "$tap")
  require_tests "node --test $dir" "$n"
  RESULT="$n tests"
}

# The wasm test binaries whose file names start with PREFIX (tests/PREFIX*.rs): the boundary's
# authors add files by that convention and this step picks them up.
wasm_tests() {
  local prefix=$1 log=$2 args=() files=0 f
  for f in tests/"$prefix"*.rs; do
    [[ -e $f ]] || continue
    args+=(--test "$(basename "$f" .rs)")
    files=$((files + 1))
  done
  [[ $files -gt 0 ]] || die "no tests/$prefix*.rs file: nothing to run on $WASM_TARGET"
  cargo test --target "$WASM_TARGET" "${args[@]}" 2>&1 | tee "$log"
  local n
  n=$(count_passed_rust "$log")
  require_tests "wasm tests tests/$prefix*.rs" "$n"
  RESULT="$n tests in $files file(s)"
}

install_tools() {
  bash scripts/install.sh
  RESULT="every tool present"
}

rust_fmt() {
  cargo fmt --all -- --check
  local n
  n=$(find . -path ./target -prune -o -name '*.rs' -print | wc -l)
  [[ $n -gt 0 ]] || die "no Rust files to check"
  RESULT="$n files formatted"
}

js_lint() {
  npx --no-install eslint --max-warnings 0 .
  local n
  n=$(git ls-files --cached --others --exclude-standard -- '*.js' '*.mjs' '*.cjs' | grep -c -v -E '^(pkg|www/pkg|benches/web/pkg|fuzz)/' || true)
  require_tests "eslint" "$n"
  RESULT="$n JavaScript files, no problem"
}

clippy_host() {
  cargo clippy --all-targets -- -D warnings
  RESULT="no warnings"
}

clippy_wasm() {
  cargo clippy --target "$WASM_TARGET" --lib --tests -- -D warnings
  RESULT="no warnings"
}

rust_tests() {
  cargo test 2>&1 | tee "$LOGS/cargo-test.log"
  local n
  n=$(count_passed_rust "$LOGS/cargo-test.log")
  require_tests "cargo test" "$n"
  RESULT="$n tests"
}

build_pkg() {
  bash scripts/build.sh
  RESULT="pkg/ built"
}

wasm_node() {
  # Belt and braces: a file that asks for the browser would be skipped here, leave 0 tests,
  # and fail the step instead of silently running nowhere.
  WASM_BINDGEN_TEST_ONLY_NODE=1 wasm_tests wasm_node "$LOGS/wasm-node.log"
}

wasm_browser() {
  WASM_BINDGEN_TEST_ONLY_WEB=1 wasm_tests wasm_browser "$LOGS/wasm-browser.log"
}

js_tests() {
  bash scripts/pack.sh
  node_tests tests/js/ js
  local memory=$RESULT tap="$LOGS/js-pouchdb.tap" n
  # The API tests again, through the PouchDB store (www/sync/pouch-store.js, memory adapter):
  # the preload opens it wherever a test opens the memory store.
  PLUMBLINE_TEST_STORE=pouchdb node --import ./tests/js/pouch-store.mjs --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" tests/js/api_*.test.mjs
  n=$(count_passed_tap "$tap")
  require_tests "the API tests through the PouchDB store" "$n"
  RESULT="$memory; $n through PouchDB"
}

# Every www/ module is `// @ts-check`ed against the package's declarations (tsconfig.www.json
# maps ./pkg/ to the built pkg/), with the repository's pinned TypeScript; the service worker
# apart, in its own global scope (tsconfig.sw.json).
www_types() {
  [[ -f pkg/plumbline.d.ts ]] || die "pkg/plumbline.d.ts is missing: run bash scripts/test.sh build first"
  node node_modules/typescript/bin/tsc --noEmit -p tsconfig.www.json
  node node_modules/typescript/bin/tsc --noEmit -p tsconfig.sw.json
  local n
  n=$(git ls-files --cached --others --exclude-standard -- 'www/*.js' | grep -c -v '^www/pkg/' || true)
  require_tests "www/ modules type-checked" "$n"
  RESULT="$n modules, no type error"
}

# The pure modules of www/ (models, formatting, helpers), imported directly by node:test.
www_unit() {
  node_tests tests/www www-unit
}

tsc_matrix() {
  # tests/js/typecheck.mjs: the consumer in a scratch install of the tarball, with TypeScript
  # 5.x, the repository's and the latest, moduleResolution bundler and nodenext, with and
  # without DOM, skipLibCheck false; then arethetypeswrong over the tarball.
  node tests/js/typecheck.mjs | tee "$LOGS/typecheck.log"
  local n
  n=$(grep -c '^ok ' "$LOGS/typecheck.log" || true)
  require_tests "TypeScript configurations" "$n"
  RESULT="$n TypeScript configurations, arethetypeswrong clean"
}

e2e() {
  node_tests tests/e2e/ e2e
}

# The CouchDB-protocol test server (scripts/couch-server.mjs) for the `sync` step: on
# 127.0.0.1, a free port, a server admin made up for this run and known only through the
# environment of the tests. finish() stops it however the run ends.
COUCH_PID=""
start_couch_server() {
  local out="$LOGS/couch-server.out" i
  : >"$out"
  PLUMBLINE_COUCH_ADMIN="admin:$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')"
  export PLUMBLINE_COUCH_ADMIN
  node scripts/couch-server.mjs >"$out" 2>"$LOGS/couch-server.log" &
  COUCH_PID=$!
  for i in $(seq 1 300); do
    [[ -s $out ]] && break
    kill -0 "$COUCH_PID" 2>/dev/null || die "the test server stopped before printing its URL (see $LOGS/couch-server.log)"
    sleep 0.1
  done
  PLUMBLINE_COUCH_URL=$(head -n 1 "$out")
  [[ $PLUMBLINE_COUCH_URL =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || die "the test server printed '$PLUMBLINE_COUCH_URL', not its URL"
  export PLUMBLINE_COUCH_URL
  echo "test server: $PLUMBLINE_COUCH_URL (pid $COUCH_PID)"
}

stop_couch_server() {
  if [[ -n $COUCH_PID ]]; then
    kill -TERM "$COUCH_PID" 2>/dev/null || true
    wait "$COUCH_PID" 2>/dev/null || true
    COUCH_PID=""
  fi
  unset PLUMBLINE_COUCH_URL PLUMBLINE_COUCH_ADMIN
}

# Team sync (sync/, www/sync/) against the test server: roles and write rules, replication
# between two people, the browser's PouchDB build.
sync_tests() {
  start_couch_server
  node_tests tests/sync/ sync
  stop_couch_server
}

size_budget() {
  node scripts/size.mjs --check
  RESULT="within budget"
}

# The shipped lenses must lint with no error and no warning. The framework lens keeps AWS's
# own question ids (`ops-model`), which the custom-lens format refuses, so it is linted with
# --official-ids, as the app and the JS API load it.
OFFICIAL_LENSES=(lenses/wellarchitected.json)
lint_lenses() {
  local f n=0 flags
  cargo build --quiet --bin "$CRATE"
  for f in lenses/*.json; do
    flags=(--deny-warnings)
    if [[ " ${OFFICIAL_LENSES[*]} " == *" $f "* ]]; then flags+=(--official-ids); fi
    echo "plumbline lint $f ${flags[*]}"
    "target/debug/$CRATE" lint "$f" "${flags[@]}" || die "$f must lint with no error and no warning"
    n=$((n + 1))
  done
  require_tests "plumbline lint" "$n"
  RESULT="$n shipped lens(es), no error and no warning"
}

# What a release would do, without uploading: npm and crates.io accept the packages (the crate
# is packaged and built from its .crate file), and `cargo install` from this checkout gives a
# `plumbline` that names its engine. `--debug` only to save the release build's minutes; the
# installed files are the same.
publish_dry_run() {
  # --json: one object per package (keyed by name in npm 10+, the object itself before).
  (cd pkg && npm publish --dry-run --json 2>/dev/null) | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const all = JSON.parse(s);
      const j = all.name ? all : Object.values(all)[0];
      if (j.name !== "plumbline-review") throw new Error(`npm would publish ${j.name}`);
      console.log(`npm publish --dry-run: ${j.name}@${j.version}, ${j.entryCount} files, ${j.size} bytes packed`);
    });'
  cargo publish --dry-run --allow-dirty 2>&1 | tee "$LOGS/cargo-publish.log"
  grep -q 'aborting upload due to dry run' "$LOGS/cargo-publish.log" || die "cargo publish --dry-run did not get to the upload"
  rm -rf target/cargo-install
  cargo install --quiet --debug --locked --path . --root target/cargo-install
  local version
  version=$(target/cargo-install/bin/plumbline --version)
  echo "cargo install --path . → $version"
  [[ $version == "plumbline $(cargo_package_field version) (engine $(cargo_package_field name) $(cargo_package_field version))" ]] ||
    die "plumbline --version printed: $version"
  RESULT="npm and cargo dry runs pass; $version"
}

# The steps, in the order of a full run: short name, whether it needs `install` first (tools
# beyond cargo and node: the wasm target, wasm-bindgen, npm devDependencies, Chromium), the
# function, and the title shown in the log and the summary.
STEPS=(
  "install      - install_tools   install build and test tools"
  "fmt          n rust_fmt        cargo fmt --check"
  "eslint       y js_lint         ESLint (www, tests, scripts, benches)"
  "clippy       n clippy_host     clippy (host, all targets)"
  "clippy-wasm  y clippy_wasm     clippy ($WASM_TARGET)"
  "cargo-test   n rust_tests      cargo test (native)"
  "build        y build_pkg       build pkg/"
  "wasm-node    y wasm_node       wasm tests in Node"
  "wasm-browser y wasm_browser    wasm tests in headless Chromium"
  "js           y js_tests        JS tests of the packed package"
  "tsc          y tsc_matrix      TypeScript matrix + arethetypeswrong"
  "www-types    n www_types       type check of www/ against pkg/'s declarations"
  "www-unit     n www_unit        unit tests of www/ modules"
  "e2e          y e2e             end-to-end tests (Chromium)"
  "size         y size_budget     size budget"
  "lint-lenses  n lint_lenses     lint shipped lenses (CLI)"
  "publish      y publish_dry_run publish dry runs, cargo install"
  "sync         y sync_tests      team sync against a CouchDB-protocol test server"
)

# Prints "N name title" for every step (N counts from 0: install).
list_steps() {
  local i=0 entry name needs fn title
  for entry in "${STEPS[@]}"; do
    read -r name needs fn title <<<"$entry"
    printf '%2d  %-13s %s\n' "$i" "$name" "$title"
    i=$((i + 1))
  done
}

# SELECTED: the indexes of the steps named by the arguments (a number or a short name), each
# once, in list order; every step when there is no argument.
select_steps() {
  local -a chosen=()
  local arg i name found
  if [[ $# -eq 0 ]]; then
    for i in "${!STEPS[@]}"; do chosen[i]=1; done
  fi
  for arg in "$@"; do
    found=""
    for i in "${!STEPS[@]}"; do
      read -r name _ <<<"${STEPS[i]}"
      if [[ $arg == "$i" || $arg == "$name" ]]; then
        chosen[i]=1
        found=1
      fi
    done
    if [[ -z $found ]]; then
      trap - EXIT
      die "no step '$arg' (bash scripts/test.sh --list names them)"
    fi
  done
  SELECTED=("${!chosen[@]}")
}

case "${1:-}" in
  --list)
    list_steps
    trap - EXIT
    exit 0
    ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    trap - EXIT
    exit 0
    ;;
esac

select_steps "$@"
# `install` (step 0) runs first when a chosen step needs it; it skips every tool already there.
if [[ ${SELECTED[0]} -ne 0 ]]; then
  for i in "${SELECTED[@]}"; do
    read -r _ needs _ <<<"${STEPS[i]}"
    if [[ $needs == y ]]; then
      SELECTED=(0 "${SELECTED[@]}")
      break
    fi
  done
fi

mkdir -p "$LOGS"
for i in "${SELECTED[@]}"; do
  read -r _ _ fn title <<<"${STEPS[i]}"
  step "$i. $title" "$fn"
done
