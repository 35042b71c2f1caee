// The web entry (plumbline.js, what browsers and bundlers get) loads the shipped lenses itself:
// here in Node, where it cannot fetch a file: URL, so each path is visible. `Lens.builtin`
// throws "Uninitialized" until the lenses are loaded; `Workspace.open` rejects with
// "Unavailable" naming the file it could not fetch; `options.lenses` (texts) and
// `Lens.useBuiltins` load them. Its own process: the Node entry, which loads them on import, is
// not imported here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rejection } from "./support.mjs";

const pkg = new URL("node_modules/plumbline-review/", import.meta.url);
const { initSync, Lens, Workspace } = await import(new URL("plumbline.js", pkg).href);
initSync({ module: readFileSync(fileURLToPath(new URL("plumbline_bg.wasm", pkg))) });
const texts = Object.fromEntries(["wellarchitected", "serverless"].map((alias) => [alias, readFileSync(fileURLToPath(new URL(`lenses/${alias}.json`, pkg)), "utf8")]));

test("before the lenses are loaded, Lens.builtin throws kind Uninitialized and says what to do", () => {
  assert.throws(() => Lens.builtin("wellarchitected"), (e) => e instanceof Error && e.kind === "Uninitialized" && /Workspace|useBuiltins/.test(e.message));
});

test("Workspace.open rejects with kind Unavailable naming a lens file it cannot fetch", async () => {
  const err = await rejection(Workspace.open({ storage: "memory" }));
  assert.equal(err.kind, "Unavailable");
  assert.match(err.message, /lenses\/(wellarchitected|serverless)\.json/);
  const elsewhere = await rejection(Workspace.open({ storage: "memory", lenses: "http://127.0.0.1:9/nowhere/" }));
  assert.equal(elsewhere.kind, "Unavailable");
  assert.match(elsewhere.message, /127\.0\.0\.1:9\/nowhere\/(wellarchitected|serverless)\.json/);
});

test("Lens.useBuiltins refuses a set without every shipped lens, naming the field", () => {
  assert.throws(() => Lens.useBuiltins({ wellarchitected: texts.wellarchitected }),
    (e) => e.kind === "Validation" && e.field === "lenses" && /serverless/.test(e.message));
  assert.throws(() => Lens.useBuiltins({ ...texts, extra: "{}" }), (e) => e.kind === "Validation" && /extra/.test(e.message));
});

test("a text that is not the lens is refused with kind LensInvalid on first use, and can be replaced", () => {
  Lens.useBuiltins({ ...texts, serverless: "<!doctype html><title>Not found</title>" });
  assert.throws(() => Lens.builtin("wellarchitected"), (e) => e.kind === "LensInvalid" && /serverless/.test(e.message));
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
