// scripts/serve.mjs: the right MIME types, nothing outside www/ and pkg/, loopback only,
// sub-path hosting, the command line prints the URL it serves, and every file carries the
// security headers of www/_headers, the one copy of the policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";
import { parseHeaders, siteHeaders } from "../../scripts/site-headers.mjs";

const SECRET = "TOP-SECRET-NOT-SERVED";
let dir;
let server;

// A site of our own beside files that must never be served: one next to www/, one in a
// sibling folder whose name starts like it (www-private/), one above.
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "plumbline-serve-"));
  const files = {
    "site/www/index.html": "<!doctype html><title>t</title>",
    "site/www/app.js": "export {};",
    "site/www/app.mjs": "export {};",
    "site/www/style.css": "body{}",
    "site/www/data.json": "{}",
    "site/www/manifest.webmanifest": "{}",
    "site/www/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "site/www/docs/index.html": "<!doctype html><title>docs</title>",
    "site/www/blob.bin": "??",
    "site/pkg/engine_bg.wasm": "\0asm",
    "site/pkg/engine.js": "export {};",
    "site/secret.txt": SECRET,
    "site/www-private/secret.txt": SECRET,
    "secret.txt": SECRET,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  server = await startServer({ port: 0, www: join(dir, "site/www"), pkg: join(dir, "site/pkg") });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// A raw request: fetch() would normalise "..", "%2e%2e" and backslashes before sending them.
function get(path, { method = "GET", url = server.url } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serves files with the MIME types browsers require", async () => {
  const expected = {
    "/": "text/html; charset=utf-8",
    "/index.html": "text/html; charset=utf-8",
    "/docs/": "text/html; charset=utf-8",
    "/app.js": "text/javascript; charset=utf-8",
    "/app.mjs": "text/javascript; charset=utf-8",
    "/style.css": "text/css; charset=utf-8",
    "/data.json": "application/json",
    "/manifest.webmanifest": "application/manifest+json",
    "/icon.svg": "image/svg+xml",
    "/blob.bin": "application/octet-stream",
    "/pkg/engine_bg.wasm": "application/wasm",
    "/pkg/engine.js": "text/javascript; charset=utf-8",
  };
  for (const [path, type] of Object.entries(expected)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-type"], type, path);
    assert.equal(res.headers["x-content-type-options"], "nosniff", path);
  }
});

test("serves file contents, and HEAD without a body", async () => {
  assert.equal((await get("/pkg/engine.js")).body, "export {};");
  const head = await get("/pkg/engine.js", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(head.headers["content-length"], String("export {};".length));
  assert.equal(head.body, "");
});

test("never serves a file outside www/ and pkg/", async () => {
  const attempts = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/docs/..%2f..%2fsecret.txt",
    "/pkg/../secret.txt",
    "/pkg/..%2f..%2fsecret.txt",
    "/pkg%2f..%2f..%2fsecret.txt",
    "/pkg/%2e%2e/%2e%2e/secret.txt",
    "/..%2fwww-private/secret.txt",
    "/%2e%2e%2fwww-private%2fsecret.txt",
    "//secret.txt",
    "/%2f..%2fsecret.txt",
    `/${encodeURIComponent(join(dir, "secret.txt"))}`,
    "/secret.txt%00.html",
    "/%ff%fe",
  ];
  for (const path of attempts) {
    const res = await get(path);
    assert.ok(res.status === 404 || res.status === 400, `${path} → ${res.status}`);
    assert.ok(!res.body.includes(SECRET), `${path} leaked the file`);
  }
});

test("answers 404 for a missing file and 405 for other methods", async () => {
  assert.equal((await get("/nope.js")).status, 404);
  assert.equal((await get("/pkg/")).status, 404);
  const post = await get("/", { method: "POST" });
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, "GET, HEAD");
});

test("listens on 127.0.0.1 only, on a free port when asked for port 0", async () => {
  assert.equal(server.server.address().address, "127.0.0.1");
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.notEqual(server.server.address().port, 0);
});

test("serves the site under a sub-path", async (t) => {
  const sub = await startServer({ port: 0, base: "/tools/plumbline/", www: join(dir, "site/www"), pkg: join(dir, "site/pkg") });
  t.after(sub.close);
  assert.match(sub.url, /\/tools\/plumbline\/$/);
  assert.equal((await get("/tools/plumbline/", { url: sub.url })).status, 200);
  assert.equal((await get("/tools/plumbline/pkg/engine_bg.wasm", { url: sub.url })).headers["content-type"], "application/wasm");
  const bare = await get("/tools/plumbline", { url: sub.url });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, "/tools/plumbline/");
  assert.equal((await get("/", { url: sub.url })).status, 404);
  assert.equal((await get("/tools/plumbline/../secret.txt", { url: sub.url })).status, 404);
});

test("the command line serves on the port it is given and prints the URL", async (t) => {
  const script = fileURLToPath(new URL("../../scripts/serve.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  t.after(() => child.kill());
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^text\/html/);
});

test("the command line refuses a bad port", async () => {
  const script = fileURLToPath(new URL("../../scripts/serve.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, "--port", "http"], { stdio: "ignore" });
  const code = await new Promise((resolve) => child.once("exit", resolve));
  assert.equal(code, 2);
});

const readRepo = (path) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8");

test("sends the Content-Security-Policy, nosniff and Referrer-Policy on the page and on assets", async () => {
  const csp = siteHeaders()["content-security-policy"];
  assert.match(csp, /frame-ancestors 'none'/);
  for (const path of ["/", "/index.html", "/app.js", "/style.css", "/data.json", "/pkg/engine_bg.wasm", "/pkg/engine.js"]) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-security-policy"], csp, path);
    assert.equal(res.headers["x-content-type-options"], "nosniff", path);
    assert.equal(res.headers["referrer-policy"], "no-referrer", path);
  }
});

test("www/_headers, index.html's meta tag and README's nginx snippet carry the same policy", () => {
  const headers = siteHeaders();
  const html = readRepo("www/index.html");
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  // frame-ancestors is ignored in a meta tag (browsers warn), so only the header has it.
  assert.equal(`${meta}; frame-ancestors 'none'`, headers["content-security-policy"]);
  assert.equal(html.match(/<meta name="referrer" content="([^"]+)">/)?.[1], headers["referrer-policy"]);
  const readme = readRepo("README.md");
  const nginx = Object.fromEntries([...readme.matchAll(/^\s*add_header ([\w-]+) "([^"]+)" always;$/gm)]
    .map(([, name, value]) => [name.toLowerCase(), value]));
  assert.deepEqual(nginx, headers, "README's nginx snippet sends exactly www/_headers");
});

test("a _headers file is read rule by rule, and a broken one is refused with its line", () => {
  assert.deepEqual(parseHeaders("# c\n/*\n  A: 1\n  B: x: y\n/other\n  C: 2\n"), { a: "1", b: "x: y" });
  assert.throws(() => parseHeaders("  A: 1\n", "h"), /h:1: expected/);
  assert.throws(() => parseHeaders("/*\n  no colon\n", "h"), /h:2: expected/);
  assert.throws(() => parseHeaders("/x\n  A: 1\n", "h"), /no "\/\*" rule/);
});
