// A zero-dependency static server for the site. By default it serves the built site,
// target/site/ (scripts/bundle.mjs, run by scripts/build.sh: the bundled app, pkg/ inside it),
// exactly the folder a static host gets. With --dev it serves www/ as it is, at the base path,
// and pkg/ under it at pkg/: the app runs unbundled, without a build of the site, but for the
// PouchDB chunks (sync/pouch*.js), which import npm packages: those are built in memory on the
// first request (scripts/dev-pouch.mjs, esbuild, loaded only then). Every file is
// sent with the headers of www/_headers (Content-Security-Policy, nosniff, Referrer-Policy), as
// a host that reads that file sends them.
//
//   node scripts/serve.mjs [--dev] [--port N] [--base /sub/path/]   (or PORT=N; 0 = any free port)
//
// It listens on 127.0.0.1 only: it is a development and test server, not a public one.
// Tests import `startServer` and serve on a free port, also under a sub-path to prove that
// every URL of the page is relative.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { siteHeaders } from "./site-headers.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
/** The built site, where scripts/bundle.mjs writes it. */
export const SITE = join(ROOT, "target", "site");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm", // WebAssembly.instantiateStreaming refuses any other type
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

// Maps a URL path below the base to a file inside one of the roots, or null. The decoded path
// is resolved and must stay inside its root: "..", "%2e%2e" and "..%2f" all end up outside.
function locate(path, roots) {
  let rel;
  try {
    rel = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  let root = roots.www;
  if (roots.pkg && (rel === "pkg" || rel.startsWith("pkg/"))) {
    root = roots.pkg;
    rel = rel.slice("pkg".length);
  }
  if (!root) return null;
  let file = resolve(root, "." + sep + rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Starts the server. Resolves to `{ server, url, close }` once it listens; `url` ends in the
 * base path, e.g. `http://127.0.0.1:41234/` or `http://127.0.0.1:41234/tools/plumbline/`.
 * Serves `site` (default: the built site) as one folder, or, with `dev` or an explicit `www`,
 * `www` at the base path and `pkg` under it (default: this checkout's www/ and pkg/).
 */
export function startServer({
  port = 8080,
  host = "127.0.0.1",
  base = "/",
  dev = false,
  site = SITE,
  www,
  pkg,
  // The app's own policy (www/_headers), whatever folder is served, so a test site gets it too.
  headers = siteHeaders(),
} = {}) {
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`base must start and end with "/": ${base}`);
  const unbundled = dev || www !== undefined || pkg !== undefined;
  if (!unbundled && !existsSync(join(site, "index.html"))) {
    throw new Error(`${site} has no built site: run \`bash scripts/build.sh\` (or serve www/ as it is with --dev)`);
  }
  const roots = unbundled
    ? { www: resolve(www ?? join(ROOT, "www")), pkg: pkg === null ? null : resolve(pkg ?? join(ROOT, "pkg")) }
    : { www: resolve(site), pkg: null };
  // The PouchDB chunks of the unbundled app, built on first request (scripts/dev-pouch.mjs).
  let pouchChunks = null;
  const devPouch = unbundled && roots.www === join(ROOT, "www");
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "method not allowed\n");
    }
    // Only the path matters. Appending it to an origin (rather than resolving it against one)
    // keeps "//x" a path instead of a host; the URL parser removes "." and ".." segments.
    let path;
    try {
      if (!req.url.startsWith("/")) throw new Error("not origin-form");
      path = new URL(`http://localhost${req.url}`).pathname;
    } catch {
      return send(res, 400, "bad request\n");
    }
    if (path === base.slice(0, -1)) {
      // "/tools/plumbline" → "/tools/plumbline/", or the page's relative URLs resolve one level up.
      res.writeHead(301, { location: base });
      return res.end();
    }
    const below = path.startsWith(base) ? path.slice(base.length) : null;
    if (devPouch && /^sync\/(pouch|pouch-replication|chunk-[A-Z0-9]+)\.js$/.test(below ?? "")) {
      try {
        pouchChunks ??= import("./dev-pouch.mjs").then((m) => m.buildPouchChunks());
        const bytes = (await pouchChunks).get(below);
        if (!bytes) return send(res, 404, "not found\n");
        res.writeHead(200, { "content-type": MIME[".js"], "content-length": bytes.length, "cache-control": "no-cache", ...headers });
        return res.end(req.method === "HEAD" ? undefined : bytes);
      } catch (e) {
        pouchChunks = null;
        return send(res, 500, `the PouchDB chunks could not be built: ${e.message}\n`);
      }
    }
    const file = below !== null ? locate(below, roots) : null;
    if (!file) return send(res, 404, "not found\n");
    res.writeHead(200, {
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      // A development server: always revalidate, so a rebuilt pkg/ shows on the next reload.
      "cache-control": "no-cache",
      ...headers,
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({
        server,
        url: `http://${host}:${actual}${base}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT || 8080), base: "/" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--dev") opts.dev = true;
    else if (flag === "--port") opts.port = Number(value());
    else if (flag === "--base") opts.base = value();
    else throw new Error(`unknown argument ${argv[i]}; usage: serve.mjs [--dev] [--port N] [--base /path/]`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error("port must be 0..65535");
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { url, close } = await startServer(parseArgs(process.argv.slice(2)));
    console.log(`Plumbline is served at ${url}  (Ctrl-C to stop)`);
    const stop = () => close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
}
