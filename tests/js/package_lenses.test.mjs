// The shipped lenses are files of the package, not part of the engine: they are in the packed
// tarball and exported as `plumbline-review/lenses/<alias>.json`, the engine file does not
// contain them, and the Node entries (ESM and CommonJS) hand them over on import, so
// `Lens.builtin` and `Workspace.open({ storage })` work in Node exactly as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Lens, Workspace } from "plumbline-review";
import { workloadInput } from "./support.mjs";

const require = createRequire(import.meta.url);
const manifest = require("plumbline-review/package.json");
const ALIASES = ["wellarchitected", "serverless"];
const repoLens = (alias) => readFileSync(new URL(`../../lenses/${alias}.json`, import.meta.url), "utf8");

test("the packed tarball holds both shipped lenses, byte for byte the repository's files", () => {
  const tarball = fileURLToPath(new URL(`../../target/npm/plumbline-review-${manifest.version}.tgz`, import.meta.url));
  const listed = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
  for (const alias of ALIASES) {
    assert.ok(listed.includes(`package/lenses/${alias}.json`), `lenses/${alias}.json is packed`);
    const shipped = execFileSync("tar", ["-xzOf", tarball, `package/lenses/${alias}.json`], { encoding: "utf8" });
    assert.equal(shipped, repoLens(alias));
  }
});

test("each lens is exported as plumbline-review/lenses/<alias>.json", () => {
  assert.equal(manifest.exports["./lenses/*.json"], "./lenses/*.json");
  for (const alias of ALIASES) {
    const path = fileURLToPath(import.meta.resolve(`plumbline-review/lenses/${alias}.json`));
    assert.match(path, new RegExp(`node_modules/plumbline-review/lenses/${alias}\\.json$`));
    assert.equal(readFileSync(path, "utf8"), repoLens(alias));
  }
});

test("the engine file embeds no shipped lens", () => {
  const wasm = readFileSync(fileURLToPath(import.meta.resolve("plumbline-review/plumbline_bg.wasm")));
  for (const alias of ALIASES) {
    // The longest text of each lens: a lens compiled in would carry it verbatim.
    const texts = [];
    JSON.parse(repoLens(alias), (key, value) => {
      if (typeof value === "string") texts.push(value);
      return value;
    });
    const longest = texts.sort((a, b) => b.length - a.length)[0];
    assert.ok(longest.length > 100, `found a long text in ${alias}`);
    assert.equal(wasm.includes(Buffer.from(longest)), false, `${alias}'s text is not in plumbline_bg.wasm`);
  }
});

test("Lens.builtin works in Node as soon as the package is imported", () => {
  const framework = Lens.builtin("wellarchitected");
  assert.equal(framework.name, JSON.parse(repoLens("wellarchitected")).name);
  // The framework keeps AWS's question ids, which only the shipped lenses may use.
  const ids = framework.toJSON().pillars.flatMap((p) => p.questions.map((q) => q.id));
  assert.ok(ids.includes("ops-model"), "AWS's own id ops-model");
  assert.equal(Lens.builtin("serverless").name, JSON.parse(repoLens("serverless")).name);
  assert.throws(() => Lens.builtin("nope"), (e) => e instanceof Error && e.kind === "NotFound");
});

test("Workspace.open({ storage }) in Node reviews against both shipped lenses", async () => {
  const workspace = await Workspace.open({ storage: "memory" });
  const lenses = await workspace.lenses();
  const list = Array.isArray(lenses) ? lenses : lenses.lensSummaries;
  assert.deepEqual(list.filter((l) => l.lensType === "AWS_OFFICIAL").map((l) => l.lensAlias), ALIASES);
  const { workloadId } = await workspace.defineWorkload(workloadInput({ lenses: ALIASES }));
  const review = await workspace.getLensReview(workloadId, "serverless");
  assert.equal(review.lensAlias, "serverless");
  assert.ok(review.pillarReviewSummaries.length > 0);
});

test("the CommonJS entry loads the lenses on require too", () => {
  const cjs = require("plumbline-review");
  assert.match(require.resolve("plumbline-review"), /node\.cjs$/);
  assert.equal(cjs.Lens.builtin("serverless").name, JSON.parse(repoLens("serverless")).name);
});
