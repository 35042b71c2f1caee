// The web entry (plumbline.js, what browsers and bundlers get) loads the shipped lenses itself:
// here in Node, where it cannot fetch a file: URL, so each path is visible. `Lens.builtin`
// throws "Uninitialized" until the lenses are loaded; `Workspace.open` rejects with
// "Unavailable" naming the file it could not fetch; `options.lenses` (texts) and
// `Lens.useBuiltins` load them; `loadLenses: false` opens with none, and each call that needs one
// names it. Its own process: the Node entry, which loads them on import, is not imported here.
// The tests run in order and share the engine's lenses: each says what it leaves loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rejection } from "./support.mjs";

const pkg = new URL("node_modules/plumbline-review/", import.meta.url);
const { initSync, Lens, Workspace } = await import(new URL("plumbline.js", pkg).href);
initSync({ module: readFileSync(fileURLToPath(new URL("plumbline_bg.wasm", pkg))) });
const texts = Object.fromEntries(["wellarchitected", "serverless"].map((alias) => [alias, readFileSync(fileURLToPath(new URL(`lenses/${alias}.json`, pkg)), "utf8")]));

test("before the lenses are loaded, Lens.builtin throws kind Uninitialized naming the lens and says what to do", () => {
  assert.throws(() => Lens.builtin("wellarchitected"), (e) => e instanceof Error && e.kind === "Uninitialized"
    && e.lensAlias === "wellarchitected" && /useBuiltins/.test(e.message));
});

test("Workspace.open rejects with kind Unavailable naming a lens file it cannot fetch", async () => {
  const err = await rejection(Workspace.open({ storage: "memory" }));
  assert.equal(err.kind, "Unavailable");
  assert.match(err.message, /lenses\/(wellarchitected|serverless)\.json/);
  const elsewhere = await rejection(Workspace.open({ storage: "memory", lenses: "http://127.0.0.1:9/nowhere/" }));
  assert.equal(elsewhere.kind, "Unavailable");
  assert.match(elsewhere.message, /127\.0\.0\.1:9\/nowhere\/(wellarchitected|serverless)\.json/);
});

// Changed with issue 17 (lenses on first need): a set without every shipped lens is accepted
// now (the next test gives one alone); an alias that is not shipped is still refused.
test("Lens.useBuiltins refuses an alias that is not shipped, naming the field, and keeps none of the set", () => {
  assert.throws(() => Lens.useBuiltins({ ...texts, extra: "{}" }),
    (e) => e.kind === "Validation" && e.field === "lenses" && /extra/.test(e.message));
  assert.throws(() => Lens.builtin("serverless"), (e) => e.kind === "Uninitialized" && e.lensAlias === "serverless");
});

const input = {
  workloadName: "On demand", description: "Opened without the lens files", environment: "PRODUCTION",
  reviewOwner: "Platform team", awsRegions: ["eu-west-1"],
};

// Leaves the framework loaded, the serverless lens not.
test("Workspace.open({ loadLenses: false }) opens with no lens file; a call that needs one rejects naming it until it is given", async () => {
  const workspace = await Workspace.open({ storage: "memory", loadLenses: false });
  assert.deepEqual(await workspace.listWorkloads(), []);
  assert.deepEqual((await workspace.lenses()).map((l) => [l.lensAlias, l.questionCount]),
    Object.entries(texts).map(([alias, text]) => [alias, JSON.parse(text).pillars.flatMap((p) => p.questions).length]));

  const needsFramework = await rejection(workspace.defineWorkload(input));
  assert.equal(needsFramework.kind, "Uninitialized");
  assert.equal(needsFramework.lensAlias, "wellarchitected");
  assert.deepEqual(await workspace.listWorkloads(), [], "nothing was written");

  Lens.useBuiltins({ wellarchitected: texts.wellarchitected });
  const { workloadId } = await workspace.defineWorkload(input);
  const needsServerless = await rejection(workspace.associateLenses(workloadId, ["serverless"]));
  assert.equal(needsServerless.lensAlias, "serverless");
  assert.equal(Lens.builtin("wellarchitected").name, JSON.parse(texts.wellarchitected).name);
});

test("Workspace.open refuses a loadLenses that is not a boolean, naming it", async () => {
  const err = await rejection(Workspace.open({ storage: "memory", loadLenses: "no" }));
  assert.equal(err.kind, "Validation");
  assert.equal(err.field, "loadLenses");
});

test("a text that is not the lens is refused with kind LensInvalid on first use, and can be replaced", () => {
  Lens.useBuiltins({ ...texts, serverless: "<!doctype html><title>Not found</title>" });
  assert.throws(() => Lens.builtin("serverless"), (e) => e.kind === "LensInvalid" && e.lensAlias === "serverless" && /serverless/.test(e.message));
  // Each lens stands alone: the framework, parsed before, is unchanged.
  assert.equal(Lens.builtin("wellarchitected").name, JSON.parse(texts.wellarchitected).name);
});

test("Workspace.open({ lenses }) takes the texts, and Lens.builtin works from then on", async () => {
  const workspace = await Workspace.open({ storage: "memory", lenses: texts });
  const { workloadId } = await workspace.defineWorkload({
    workloadName: "Web entry", description: "Opened with the lens texts", environment: "PRODUCTION",
    reviewOwner: "Platform team", awsRegions: ["eu-west-1"], lenses: ["wellarchitected", "serverless"],
  });
  assert.equal((await workspace.getLensReview(workloadId, "serverless")).lensAlias, "serverless");
  assert.equal(Lens.builtin("serverless").name, JSON.parse(texts.serverless).name);
  // Loaded once: a later open needs no option and fetches nothing.
  const again = await Workspace.open({ storage: "memory" });
  assert.equal((await again.listWorkloads()).length, 0);
});
