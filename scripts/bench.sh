#!/usr/bin/env bash
# THE BENCHMARK COMMAND: builds what it needs, measures Plumbline natively, in Node and in
# headless Chromium, team sync against the CouchDB-protocol test server, and writes BENCHMARKS.md
# (machine, date, commit, method, figures).
#
#   bash scripts/bench.sh            the full run (2 to 15 minutes on 2 cores, build included)
#   PLUMBLINE_BENCH_QUICK=1 bash scripts/bench.sh    a short run to try the harness (noisy)
#
# Environment: PLUMBLINE_LENS_CORPUS (default ../shared/lens-corpus), PLUMBLINE_BENCH_OUT
# (default target/bench), PLUMBLINE_BENCH_API_SEED (workloads seeded through the JS API per
# storage, default 1000; above it storage-level copies), PLUMBLINE_BENCH_SIZES (workspace sizes,
# default 10,100,1000,10000), PLUMBLINE_BENCH_SKIP_BUILD=1 (use the pkg/ already built).
# Nothing is asserted: a step that fails is reported in BENCHMARKS.md and the run goes on.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [[ -f scripts/lib.sh ]]; then
  source scripts/lib.sh
else
  export PATH="$HOME/.cargo/bin:$PATH"
  header() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fi

OUT=${PLUMBLINE_BENCH_OUT:-target/bench}
export PLUMBLINE_BENCH_OUT=$OUT
if [[ -z ${PLUMBLINE_LENS_CORPUS:-} ]]; then
  for d in ../shared/lens-corpus ../../shared/lens-corpus; do
    if [[ -d $d ]]; then
      PLUMBLINE_LENS_CORPUS=$(cd "$d" && pwd)
      export PLUMBLINE_LENS_CORPUS
      break
    fi
  done
fi

rm -rf "$OUT/results"
mkdir -p "$OUT/results"
load=$(cut -d' ' -f1-3 /proc/loadavg)
# What the report's header says of the run is kept with its results, so that the report can be
# written again from them later (node scripts/bench/report.mjs) and still name the measured tree.
commit=$(git rev-parse HEAD 2>/dev/null || true)
dirty=$(git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md' 2>/dev/null | head -c 1)
node -e 'const [o, l, c, d] = process.argv.slice(1); require("fs").writeFileSync(o + "/run.json", JSON.stringify({startedAt: new Date().toISOString(), date: new Date().toISOString(), loadStart: l, commit: c, dirty: d !== ""}))' "$OUT" "$load" "$commit" "$dirty"
cores=$(nproc)
echo "load average $load on $cores cores"
if awk -v l="${load%% *}" -v c="$cores" 'BEGIN { exit !(l > c * 0.75) }'; then
  echo "warning: the machine is busy (load ${load%% *} on $cores cores); the figures will be noisy"
fi

FAILED=()
# step NAME COMMAND...: runs one step, times it, and remembers a failure for the report.
step() {
  local name=$1 t0=$SECONDS
  shift
  header "bench: $name"
  if "$@"; then
    echo "($name: $((SECONDS - t0)) s)"
  else
    echo "($name: FAILED after $((SECONDS - t0)) s)"
    FAILED+=("$name")
  fi
}

install_tools() {
  if [[ -x node_modules/.bin/wasm-opt && -d node_modules/playwright-core && -x /usr/bin/chromium ]]; then
    echo "present: node_modules (binaryen, playwright-core), /usr/bin/chromium"
  elif [[ -f scripts/install.sh ]]; then
    bash scripts/install.sh
  else
    # Before the project had scripts/install.sh: the two npm tools of toolchain.md §2.
    npm install --no-save --no-audit --no-fund playwright-core@1.65.1 binaryen@132.0.0
  fi
}

build_pkg() {
  if [[ ${PLUMBLINE_BENCH_SKIP_BUILD:-} == 1 && -f pkg/plumbline_bg.wasm ]]; then
    echo "skipped (PLUMBLINE_BENCH_SKIP_BUILD=1): using the pkg/ already built"
  elif [[ -f scripts/build.sh ]]; then
    bash scripts/build.sh
  else
    # toolchain.md §4b, the two-step build.
    cargo build --release --target wasm32-unknown-unknown --lib &&
      rm -rf pkg &&
      wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/plumbline.wasm &&
      node_modules/.bin/wasm-opt -Oz pkg/plumbline_bg.wasm -o pkg/plumbline_bg.wasm
  fi
}

# The benchmark-only wasm module (benches/wasm): the core without the JS boundary, and rule
# analysis alone. A target folder of its own: built in the main one, with its own profile, it
# overwrote the engine's cdylib (target/wasm32-unknown-unknown/release/plumbline.wasm, a name
# without a hash), and the next scripts/build.sh, finding its build fresh, shipped that copy.
build_core_module() {
  rm -rf "$OUT/wasm"
  (cd benches/wasm && CARGO_TARGET_DIR="$ROOT/target/bench-module" cargo build --release --target wasm32-unknown-unknown) &&
    wasm-bindgen --target web --out-dir "$OUT/wasm" target/bench-module/wasm32-unknown-unknown/release/plumbline_bench_wasm.wasm
}

native() {
  cargo bench --bench core
}

native_export() {
  cargo bench --bench export
}

step "install tools" install_tools
step "build pkg/" build_pkg
step "build the benchmark-only wasm module" build_core_module
step "native (cargo bench --bench core)" native
step "native exports (cargo bench --bench export)" native_export
step "wasm in Node" node scripts/bench/node.mjs
step "wasm in headless Chromium: engine, workspace, web app" node scripts/bench/browser.mjs
step "web app start in headless Chromium: first and repeat visit, loopback and throttled" node scripts/bench/start.mjs
step "size" node scripts/bench/size.mjs
step "team sync against the CouchDB-protocol test server" node scripts/bench/sync.mjs

if [[ ${#FAILED[@]} -gt 0 ]]; then
  node -e '
    const [out, ...names] = process.argv.slice(1);
    const skipped = names.map((n) => ({ what: `step "${n}"`, why: "failed; see the output of scripts/bench.sh" }));
    require("fs").writeFileSync(out + "/results/steps.json", JSON.stringify({ env: "steps", records: [], skipped }, null, 2));
  ' "$OUT" "${FAILED[@]}"
fi
header "bench: report"
node -e '
  const [out, load] = process.argv.slice(1);
  const path = out + "/run.json";
  const run = JSON.parse(require("fs").readFileSync(path, "utf8"));
  require("fs").writeFileSync(path, JSON.stringify({ ...run, finishedAt: new Date().toISOString(), loadEnd: load }));
' "$OUT" "$(cut -d' ' -f1-3 /proc/loadavg)"
node scripts/bench/report.mjs
echo
echo "scripts/bench.sh: done in $SECONDS s${FAILED[*]:+; failed steps: ${FAILED[*]}}"
