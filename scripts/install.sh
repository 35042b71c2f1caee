#!/usr/bin/env bash
# Installs what building and testing Plumbline need, on Debian with Rust (rustup) and Node.
#
#   bash scripts/install.sh         everything: build tools and the browser for the tests
#   bash scripts/install.sh --app   only what `scripts/build.sh` needs (no Chromium)
#
# Each step checks first and skips when its tool is already there, so a second run takes
# about a second and CI can call this on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

mode=full
case "${1:-}" in
  --app) mode=app ;;
  "") ;;
  *) die "usage: scripts/install.sh [--app]" ;;
esac

header "install: Rust target $WASM_TARGET"
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  echo "present"
else
  rustup target add "$WASM_TARGET"
fi

header "install: wasm-bindgen-cli"
want=$(wasm_bindgen_pin)
[[ -n $want ]] || die 'Cargo.toml does not pin wasm-bindgen as "=X.Y.Z"'
have=$(wasm-bindgen --version 2>/dev/null || true)
if [[ $have == "wasm-bindgen $want" ]]; then
  echo "present: $have"
else
  echo "found '${have:-nothing}', want wasm-bindgen $want (cargo install takes about 5 minutes)"
  # No --locked: the CLI's own lockfile names a webpki-roots release that the crates.io
  # mirror of our machines lacks, so a locked install fails; an unlocked one resolves fine.
  cargo install wasm-bindgen-cli --version "$want"
fi

header "install: twiggy (the size step's attribution)"
# Pinned like wasm-bindgen-cli; --locked works here (its lockfile resolves on our mirror).
want_twiggy=0.8.0
have=$(twiggy --version 2>/dev/null || true)
if [[ $have == "twiggy-opt $want_twiggy" ]]; then
  echo "present: $have"
else
  echo "found '${have:-nothing}', want twiggy $want_twiggy (cargo install takes about 2 minutes)"
  cargo install --locked twiggy --version "$want_twiggy"
fi

header "install: npm packages (binaryen, playwright-core, typescript, vite, axe-core; PouchDB and express-pouchdb for team sync)"
# node_modules/.package-lock.json is what npm wrote at the last install; a newer lockfile
# means the dependencies changed since then.
if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "present"
else
  npm ci --no-audit --no-fund
fi

if [[ $mode == full ]]; then
  header "install: Chromium and ChromeDriver (browser tests)"
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    echo "present: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
  else
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    # Debian's packages, not a test tool's browser download: the machines have no route to
    # those download hosts. Never install Debian's binaryen here: its wasm-opt 108 breaks
    # the externref table that wasm-bindgen emits (we use npm's binaryen instead).
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
fi
