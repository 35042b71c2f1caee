//! A CouchDB-protocol server for tests and local use: express-pouchdb over PouchDB's memory
//! adapter, on 127.0.0.1 only. Everything lives in memory and is gone when it stops. It is not
//! Apache CouchDB (README, "Team sync", says how to set that up for a team); the differences
//! the tests tolerate are listed in ../shared/docs/sync.md.
//!
//!   node scripts/couch-server.mjs [--port N] [--cors-origin URL]...
//!
//! It prints its URL (`http://127.0.0.1:PORT`) as the first line of stdout, once it answers,
//! and stops cleanly on SIGTERM or SIGINT. `--port 0` (the default) picks a free port.
//! The server admin is `PLUMBLINE_COUCH_ADMIN=name:password` from the environment; without it
//! the name is `admin` and the password is made up and written to stderr (never to stdout,
//! whose first line other scripts read). `--cors-origin` lets a page of that origin call the
//! server with its cookie, as CouchDB's `[cors] origins` with `credentials = true` does.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/** Thrown for a command line or environment the server cannot start with. */
export class ServerSetupError extends Error {
  /** @param {string} where what was wrong (an option or a variable) @param {string} message */
  constructor(where, message) {
    super(`${where}: ${message}`);
    this.name = "ServerSetupError";
    this.where = where;
  }
}

/**
 * Reads `name:password` (the admin's credentials) from `value`, or makes one up when absent.
 * @param {string | undefined} value
 * @returns {{ name: string, password: string, generated: boolean }}
 */
export function adminFrom(value) {
  if (value == null || value === "") {
    return { name: "admin", password: randomBytes(18).toString("base64url"), generated: true };
  }
  const colon = value.indexOf(":");
  if (colon < 1 || colon === value.length - 1) {
    throw new ServerSetupError("PLUMBLINE_COUCH_ADMIN", "expected name:password, both non-empty");
  }
  return { name: value.slice(0, colon), password: value.slice(colon + 1), generated: false };
}

/**
 * The origins a browser page may call from with credentials: each an http(s) origin exactly
 * (no path), as CouchDB's `[cors] origins` lists them.
 * @param {string[]} values
 */
function corsOriginsFrom(values) {
  return values.map((value) => {
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new ServerSetupError("--cors-origin", `not a URL: ${JSON.stringify(value)}`);
    }
    if (!["http:", "https:"].includes(url.protocol) || url.origin !== value.replace(/\/$/, "")) {
      throw new ServerSetupError("--cors-origin", `expected an http(s) origin such as http://127.0.0.1:8080, got ${JSON.stringify(value)}`);
    }
    return url.origin;
  });
}

/**
 * CORS for the listed origins, with credentials, as CouchDB answers it: the preflight is
 * answered here, every other request goes on with the headers set.
 * @param {string[]} origins
 */
function corsMiddleware(origins) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Vary", "Origin");
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, PUT, POST, HEAD, DELETE");
        res.setHeader("Access-Control-Allow-Headers", "accept, authorization, content-type, origin, referer");
        res.setHeader("Access-Control-Max-Age", "600");
        res.statusCode = 204;
        res.end();
        return;
      }
    }
    next();
  };
}

/**
 * Creating or deleting a database as anyone but a server admin is refused here, as CouchDB
 * refuses it. express-pouchdb 4.2 with PouchDB 9 mishandles both: a refused creation throws
 * outside its promise chain (the process stops), and a refused deletion rejects the one
 * promise chain all creations and deletions queue on (every later one hangs). Who asks is found out by asking the server's own `_session` with the
 * request's credentials (loopback, so the session logic stays express-pouchdb's).
 * @param {() => string} selfUrl
 */
function serverAdminOnlyDatabases(selfUrl) {
  return async (req, res, next) => {
    if (!(req.method === "PUT" || req.method === "DELETE") || !/^\/[^/]+\/?$/.test(req.path)) return next();
    try {
      const headers = {};
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      if (req.headers.cookie) headers.cookie = req.headers.cookie;
      const session = await (await fetch(`${selfUrl()}/_session`, { headers })).json();
      const roles = session?.userCtx?.roles;
      if (Array.isArray(roles) && roles.includes("_admin")) return next();
      res.status(session?.userCtx?.name ? 403 : 401).json({
        error: session?.userCtx?.name ? "forbidden" : "unauthorized",
        reason: "You are not a server admin.",
      });
    } catch (e) {
      next(e);
    }
  };
}

/**
 * pouchdb-validation 4.2 overwrites each written document's `_revisions` with those of the
 * stored version before it runs validate_doc_update. For a replicated write (`_bulk_docs` with
 * `new_edits: false`) `_revisions` is the revision history being copied, so the server would
 * drop a conflicting revision and graft updates onto the wrong history. Two wrappers around
 * validation put the history back: the outer one notes it, the inner one restores it just
 * before the write.
 * @param {any} couch the express-pouchdb app
 */
function keepReplicatedHistories(couch) {
  const { installWrapperMethods } = require("pouchdb-wrappers");
  const histories = new WeakMap();
  const note = (orig, args) => {
    for (const doc of args.docs) if (doc && doc._revisions) histories.set(doc, doc._revisions);
    return orig();
  };
  const restore = (orig, args) => {
    for (const doc of args.docs) if (histories.has(doc)) doc._revisions = histories.get(doc);
    return orig();
  };
  // Wrappers are applied in this list's order, the first outermost.
  couch.dbWrapper._wrappers.unshift((name, db, next) => {
    installWrapperMethods(db, { bulkDocs: note });
    next();
  });
  couch.dbWrapper.registerWrapper((name, db, next) => {
    installWrapperMethods(db, { bulkDocs: restore });
    next();
  });
}

/**
 * Starts the server. Resolves once it listens, with its URL and a `close()` that stops it.
 * @param {{ port?: number, admin: { name: string, password: string }, corsOrigins?: string[] }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startCouchServer({ port = 0, admin, corsOrigins = [] }) {
  const { default: PouchDB } = await import("pouchdb-core");
  const { default: memory } = await import("pouchdb-adapter-memory");
  const { default: http } = await import("pouchdb-adapter-http");
  const { default: replication } = await import("pouchdb-replication");
  const { default: mapreduce } = await import("pouchdb-mapreduce");
  const express = require("express");
  const expressPouchDB = require("express-pouchdb");

  const MemoryPouch = PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce)
    .defaults({ adapter: "memory" });
  const couch = expressPouchDB(MemoryPouch, {
    // Nothing on disk: the configuration stays in memory, the log goes nowhere, and the
    // browser UI (Fauxton) and the external-process parts are left out.
    inMemoryConfig: true,
    logPath: "/dev/null",
    overrideMode: { exclude: ["routes/fauxton"] },
  });
  // CouchDB tells validate_doc_update the database in `userCtx.db`; express-pouchdb reads it
  // from `_db_name`, which PouchDB 9 no longer sets (it is `name` now).
  couch.dbWrapper.registerWrapper((name, db, next) => {
    db._db_name = name;
    next();
  });
  keepReplicatedHistories(couch);
  await new Promise((done, fail) => {
    couch.couchConfig.set("admins", admin.name, admin.password, (err) => (err ? fail(err) : done()));
  });
  // The log level is read from the configuration: warnings only, so tests stay quiet.
  await new Promise((done) => couch.couchConfig.set("log", "level", "error", done));

  const app = express();
  app.disable("x-powered-by");
  let url = "";
  app.use(corsMiddleware(corsOrigins));
  app.use(serverAdminOnlyDatabases(() => url));
  app.use(couch);

  const server = await new Promise((done, fail) => {
    const s = app.listen(port, "127.0.0.1", () => done(s));
    s.on("error", fail);
  });
  url = `http://127.0.0.1:${server.address().port}`;
  // An idle keep-alive socket would hold close() open until it times out.
  const close = () => new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  return { url, close };
}

/**
 * Runs this script as a child process (as the test command does), with an admin made up for
 * it: resolves once it printed its URL, to `{ url, admin: { name, password }, close }`.
 * `close()` sends SIGTERM and waits for the exit. The tests and the benchmark use it; the
 * end-to-end tests name the app's origin in `corsOrigins`, as a team names its site's.
 * @param {{ corsOrigins?: string[] }} [options]
 */
export async function spawnCouchServer({ corsOrigins = [] } = {}) {
  const { spawn } = await import("node:child_process");
  const { once } = await import("node:events");
  const { fileURLToPath } = await import("node:url");
  const admin = { name: "admin", password: randomBytes(18).toString("hex") };
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...corsOrigins.flatMap((o) => ["--cors-origin", o])], {
    env: { ...process.env, PLUMBLINE_COUCH_ADMIN: `${admin.name}:${admin.password}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await Promise.race([
    new Promise((done) => child.stdout.once("data", (d) => done(String(d).split("\n")[0]))),
    once(child, "exit").then(([code]) => {
      throw new Error(`scripts/couch-server.mjs exited with ${code} before printing its URL`);
    }),
  ]);
  const close = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await once(child, "exit");
  };
  return { url, admin, close };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { port: 0, corsOrigins: /** @type {string[]} */ ([]) };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--port" && value != null) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerSetupError("--port", `not a port number: ${value}`);
      options.port = port;
      i += 1;
    } else if (arg === "--cors-origin" && value != null) {
      options.corsOrigins.push(value);
      i += 1;
    } else {
      throw new ServerSetupError(arg, "usage: node scripts/couch-server.mjs [--port N] [--cors-origin URL]...");
    }
  }
  return { port: options.port, corsOrigins: corsOriginsFrom(options.corsOrigins) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // express-pouchdb 4.2 with PouchDB 9 leaves a rejected promise behind some refusals it has
  // already answered (an anonymous DELETE of a database, for one). Node would stop the whole
  // server for it; the client has its answer, so the stray rejection is only reported.
  process.on("unhandledRejection", (reason) => {
    const what = reason && typeof reason === "object" && "message" in reason ? reason.message : String(reason);
    console.error(`couch-server: ignored a rejection after the answer was sent: ${what}`);
  });
  let server;
  try {
    const { port, corsOrigins } = parseArgs(process.argv.slice(2));
    const admin = adminFrom(process.env.PLUMBLINE_COUCH_ADMIN);
    server = await startCouchServer({ port, admin, corsOrigins });
    console.log(server.url);
    if (admin.generated) console.error(`couch-server: server admin "${admin.name}", password ${admin.password} (set PLUMBLINE_COUCH_ADMIN=name:password to choose)`);
  } catch (e) {
    console.error(`couch-server: ${e instanceof ServerSetupError ? e.message : e.stack}`);
    process.exit(2);
  }
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    console.error(`couch-server: stopped (${signal})`);
    process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
