#!/usr/bin/env bash
# Checks the web app: the type check of every www/ module against the package's own
# declarations (tsconfig.www.json; needs pkg/ built by scripts/build.sh), then the unit tests
# of its pure modules (tests/www/, node:test, importing www/ directly). Uses the repository's
# pinned TypeScript (package.json's "typescript").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

[[ -f pkg/plumbline.d.ts ]] || die "pkg/plumbline.d.ts is missing: run bash scripts/build.sh first"

header "check-www: tsc --noEmit -p tsconfig.www.json ($(node node_modules/typescript/bin/tsc --version))"
node node_modules/typescript/bin/tsc --noEmit -p tsconfig.www.json

header "check-www: node --test tests/www/"
node --test tests/www/
