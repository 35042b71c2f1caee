// The static server of the benchmarks: scripts/serve.mjs (the project's own, www root and pkg/
// root configurable) when it exists, else a minimal stand-in with the same layout — a root
// folder at / and pkg/ at /pkg/ — so the harness also runs on a tree without it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './common.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

function fallback({ www, pkg }) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1);
    let root = www;
    if (path === 'pkg' || path.startsWith('pkg/')) {
      root = pkg;
      path = path.slice(4);
    }
    let file = resolve(root, '.' + sep + path);
    if (file !== root && !file.startsWith(root + sep)) file = null;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)), kind: 'stand-in' });
    });
  });
}

/** Serves `www` at / and `pkg` at /pkg/ on a free port: `{ url, close, kind }`. */
export async function serve({ www = join(ROOT, 'www'), pkg = join(ROOT, 'pkg') } = {}) {
  const serveMjs = join(ROOT, 'scripts', 'serve.mjs');
  if (existsSync(serveMjs)) {
    const mod = await import(pathToFileURL(serveMjs).href);
    if (typeof mod.startServer === 'function') {
      const s = await mod.startServer({ port: 0, www, pkg });
      return { url: s.url, close: s.close, kind: 'scripts/serve.mjs' };
    }
  }
  return fallback({ www: resolve(www), pkg: resolve(pkg) });
}
