#!/usr/bin/env bash
# Builds pkg/: the engine compiled to WebAssembly, as one npm package that works in Node, in a
# bundler app and in a no-build page; then target/site/, the site to host (scripts/bundle.mjs).
# Needs `scripts/install.sh --app` first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

header "build: cargo build --release --target $WASM_TARGET --lib"
cargo build --release --target "$WASM_TARGET" --lib

header "build: wasm-bindgen --target web"
# pkg/ is pure build output: start empty so no file of an older build lingers in the package.
rm -rf pkg
wasm-bindgen --target web --out-dir pkg "target/$WASM_TARGET/release/$CRATE.wasm"

header "build: wasm-opt -Oz -Oz (npm binaryen)"
# The npm binaryen, never Debian's (its wasm-opt 108 silently breaks the output). It reads the
# wasm features to allow (reference types, bulk memory, ...) from the module's own
# target_features section, which rustc writes, so no --enable flags are needed; that section and
# the producers section are dropped from the output, which runs nowhere that reads them.
# -Oz twice: -0.7 KiB gzip for one more pass of build time (measured 2026-12-06, issue 11's
# room for issues 15 and 17). Measured and not kept: --converge (-0.8 KiB, several minutes),
# --gufa (+0.3), -O4 -Oz (+1.7); --flatten --rereloop -Oz -Oz (-3.0) restructures the control
# flow, with an effect on speed nobody has measured.
node_modules/.bin/wasm-opt -Oz -Oz --strip-producers --strip-target-features "pkg/${CRATE}_bg.wasm" -o "pkg/${CRATE}_bg.wasm"

header "build: package files"
node scripts/pkg/uninitialized.mjs pkg/plumbline.js
node scripts/pkg/shipped-lenses.mjs
node scripts/pkg/strip-doc-comments.mjs pkg/plumbline.js
cp scripts/pkg/node.js scripts/pkg/node.d.ts scripts/pkg/README.md scripts/pkg/LICENSE scripts/pkg/backup.schema.json pkg/
node scripts/pkg/types.mjs
# The CommonJS Node entry (`require`, also where Node cannot require an ES module: before 20.19,
# or with --no-experimental-require-module): the ESM Node entry and the glue bundled into one
# CommonJS file. It reads the .wasm next to itself, through `import.meta.url` made from
# __filename.
node_modules/.bin/esbuild pkg/node.js --bundle --format=cjs --platform=node --target=node20 \
  --log-level=warning --outfile=pkg/node.cjs \
  --define:import.meta.url=__plumbline_url \
  --banner:js='"use strict"; const __plumbline_url = require("node:url").pathToFileURL(__filename).href;'
node scripts/pkg/manifest.mjs

header "build: the site (target/site/: the app bundled, pkg/'s browser files, sw.js)"
node scripts/bundle.mjs

header "build: sizes"
node scripts/size.mjs
