// Writes pkg/plumbline.js, the package's browser entry, from scripts/pkg/browser-entry.js: the
// lean engine's module (pkg/lean.js) with the Workspace methods only the full engine has
// (pkg/full/plumbline.js) loading that engine on first call.
//
// The list of those methods is read off the two glues here, at build time, so that a method
// gated by the `full` feature (Cargo.toml) is delegated without anyone keeping a list by hand.
// Anything else the lean module lacks (an export, a Lens method) would be a call that fails in
// the browser only: the build stops instead.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";

const lean = await import(pathToFileURL("pkg/lean.js").href);
const full = await import(pathToFileURL("pkg/full/plumbline.js").href);

/** Own property names of `object` (prototype methods, statics), sorted. */
const names = (object) => Object.getOwnPropertyNames(object).sort();
const missing = (from, to) => names(from).filter((n) => !names(to).includes(n));

const problems = [
  ...missing(full, lean).map((n) => `export ${n}`),
  ...missing(full.Lens, lean.Lens).map((n) => `Lens.${n}`),
  ...missing(full.Lens.prototype, lean.Lens.prototype).map((n) => `Lens.prototype.${n}`),
  ...missing(full.Workspace, lean.Workspace).map((n) => `Workspace.${n}`),
];
if (problems.length > 0) throw new Error(`the lean engine lacks what the entry cannot delegate: ${problems.join(", ")}`);
const fullOnly = missing(full.Workspace.prototype, lean.Workspace.prototype);
if (fullOnly.length === 0) throw new Error("pkg/lean.js has every Workspace method: was it built without --no-default-features?");

const template = readFileSync(new URL("./browser-entry.js", import.meta.url), "utf8");
const placeholder = 'const FULL_ONLY = ["FULL_ONLY"];';
if (template.split(placeholder).length !== 2) throw new Error(`browser-entry.js: expected one ${placeholder}`);
// Printed again by esbuild, unminified: the same code, readable, without the comments, which
// every page would download for nothing (they are in browser-entry.js, as the declarations keep
// the glue's; scripts/pkg/strip-doc-comments.mjs).
const entry = template.replace(placeholder, `const FULL_ONLY = ${JSON.stringify(fullOnly)};`);
const header = "// Plumbline's browser entry: the lean engine, and the full one loaded on first need (see README.md).\n";
writeFileSync("pkg/plumbline.js", header + transformSync(entry, { loader: "js", format: "esm", target: "es2022" }).code);
console.log(`pkg/plumbline.js: the browser entry; full engine on first call of ${fullOnly.join(", ")}`);
