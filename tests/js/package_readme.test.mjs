// The ```js examples of README.md and of the npm page run against the packed package, so the README cannot drift
// from the API. Each block runs as its own module, with `lensText` (a shipped lens) and
// `answers` (none yet) defined for the blocks that use them. In Node, the bundler example's
// `await init()` is the harmless no-op of the Node entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

// The repository's README and the npm page (scripts/pkg/README.md, shipped in the package).
// Only ```js blocks run: those that need a bundler or a browser are tagged ```javascript.
const READMES = { "README.md": "../../README.md", "npm README": "node_modules/plumbline-review/README.md" };
const blocks = Object.entries(READMES).flatMap(([name, path]) => {
  const text = readFileSync(new URL(path, import.meta.url), "utf8");
  return [...text.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => ({ name, code: m[1] }));
});
// Inside tests/js/node_modules, so that `import ... from "plumbline-review"` resolves to the package.
const dir = new URL("node_modules/.readme/", import.meta.url);

const PRELUDE = `const lensText = ${JSON.stringify(readFileSync(new URL("../../lenses/serverless.json", import.meta.url), "utf8"))};
const answers = [];
`;

const MIN_BLOCKS = { "README.md": 2, "npm README": 1 };
for (const [name, path] of Object.entries(READMES)) {
  test(`${name} has JavaScript examples and installs the published name`, () => {
    const n = blocks.filter((b) => b.name === name).length;
    assert.ok(n >= MIN_BLOCKS[name], `found ${n} blocks`);
    // `plumbline` on npm is someone else's package.
    const text = readFileSync(new URL(path, import.meta.url), "utf8");
    assert.doesNotMatch(text, /npm install plumbline(?!-review)/);
    assert.doesNotMatch(text, /from "plumbline"/);
  });
}

blocks.forEach(({ name, code }, i) => {
  const title = code.split("\n").find((line) => line.trim() && !line.startsWith("import")) ?? "";
  test(`${name} example ${i + 1} runs: ${title.trim()}`, async () => {
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
