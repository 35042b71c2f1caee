// Takes the doc comments out of a wasm-bindgen web glue (pkg/lean.js, pkg/full/plumbline.js). wasm-bindgen copies
// every Rust doc comment of the API into both the glue and plumbline.d.ts; editors and
// TypeScript read the declarations, so the copies in the glue are bytes every page downloads
// for nothing (about a third of the glue's gzip size). Only `/** … */` blocks that stand on
// their own lines go; other comments (`/* @ts-self-types */`, the patch's notes) stay.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2] ?? "pkg/lean.js";
const glue = readFileSync(file, "utf8");
const block = /^[ \t]*\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n/gm;
const stripped = glue.replace(block, "");
// A doc block that was not on lines of its own (code after `*/`) would have been left: say so
// rather than ship a half-stripped file silently.
if (/\/\*\*/.test(stripped)) throw new Error(`${file}: a doc comment is left that does not stand on its own lines`);
if (glue === stripped) throw new Error(`${file}: no doc comment found (wasm-bindgen changed its glue?)`);
writeFileSync(file, stripped);
