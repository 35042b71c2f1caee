#!/usr/bin/env bash
# Packs pkg/ with `npm pack` (exactly what a publish would ship) and installs the tarball into
# tests/js/node_modules (git-ignored), so the JS tests and the TypeScript consumer import
# `plumbline` by package name, as an application does. Needs a built pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

[[ -f pkg/package.json ]] || die "pkg/ is not built: run scripts/build.sh first"
version=$(cargo_package_field version)
rm -rf target/npm tests/js/node_modules
mkdir -p target/npm
npm pack ./pkg --pack-destination target/npm --silent
tarball="target/npm/$(cargo_package_field name)-$version.tgz"
[[ -f $tarball ]] || die "npm pack did not write $tarball"
# --no-save and --no-package-lock: tests/js has no manifest of its own and gets none.
npm install --prefix tests/js --no-save --no-package-lock --no-audit --no-fund "./$tarball"
echo "installed $tarball into tests/js/node_modules"
