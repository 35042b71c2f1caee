// The ```js examples of README.md run against the packed package, so the README cannot drift
// from the API. Each block runs as its own module, with `lensText` (a shipped lens) and
// `answers` (none yet) defined for the blocks that use them. In Node, the bundler example's
// `await init()` is the harmless no-op of the Node entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
// Inside tests/js/node_modules, so that `import ... from "plumbline-review"` resolves to the package.
const dir = new URL("node_modules/.readme/", import.meta.url);

const PRELUDE = `const lensText = ${JSON.stringify(readFileSync(new URL("../../lenses/serverless.json", import.meta.url), "utf8"))};
const answers = [];
`;

test("README.md has JavaScript examples", () => {
  assert.ok(blocks.length >= 2, `found ${blocks.length} blocks`);
});

blocks.forEach((code, i) => {
  const title = code.split("\n").find((line) => line.trim() && !line.startsWith("import")) ?? "";
  test(`README example ${i + 1} runs: ${title.trim()}`, async () => {
    mkdirSync(dir, { recursive: true });
    const file = new URL(`example-${i + 1}.mjs`, dir);
    // Imports must stay first in a module; the prelude goes after them.
    const lines = code.split("\n");
    const firstCode = lines.findIndex((line) => line.trim() && !line.startsWith("import"));
    const body = [...lines.slice(0, firstCode), PRELUDE, ...lines.slice(firstCode)].join("\n");
    writeFileSync(file, body);
    await import(file.href);
  });
});
