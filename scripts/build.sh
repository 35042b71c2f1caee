#!/usr/bin/env bash
# Builds pkg/: the engine compiled to WebAssembly, as one npm package that works in Node, in a
# bundler app and in a no-build page. Needs `scripts/install.sh --app` first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

header "build: cargo build --release --target $WASM_TARGET --lib"
cargo build --release --target "$WASM_TARGET" --lib

header "build: wasm-bindgen --target web"
# pkg/ is pure build output: start empty so no file of an older build lingers in the package.
rm -rf pkg
wasm-bindgen --target web --out-dir pkg "target/$WASM_TARGET/release/$CRATE.wasm"

header "build: wasm-opt -Oz (npm binaryen)"
# The npm binaryen, never Debian's (its wasm-opt 108 silently breaks the output). It reads the
# wasm features to allow (reference types, bulk memory, ...) from the module's own
# target_features section, which rustc writes, so no --enable flags are needed.
node_modules/.bin/wasm-opt -Oz "pkg/${CRATE}_bg.wasm" -o "pkg/${CRATE}_bg.wasm"

header "build: package files"
cp scripts/pkg/node.js scripts/pkg/node.d.ts scripts/pkg/README.md scripts/pkg/LICENSE scripts/pkg/backup.schema.json pkg/
node scripts/pkg/manifest.mjs

header "build: sizes"
node scripts/size.mjs
