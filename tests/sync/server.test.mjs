// The test server itself (scripts/couch-server.mjs): it listens on 127.0.0.1 only, refuses to
// create or delete databases for anyone but the admin and keeps answering afterwards (express-
// pouchdb 4.2 would stop or jam), answers CORS preflights for the origins it was given and no
// other, and refuses a bad command line or admin setting with exit status 2.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { startCouchServer } from "../../scripts/couch-server.mjs";
import { clientFor, couchServer, newUser, newWorkloadId } from "./support.mjs";

const SCRIPT = fileURLToPath(new URL("../../scripts/couch-server.mjs", import.meta.url));
let server;
before(async () => {
  server = await couchServer();
});
after(() => server?.close());

test("it listens on 127.0.0.1 and speaks CouchDB's protocol", async () => {
  assert.equal(new URL(server.url).hostname, "127.0.0.1");
  const welcome = await (await fetch(`${server.url}/`)).json();
  assert.equal(typeof welcome.version, "string");
  const session = await (await fetch(`${server.url}/_session`)).json();
  assert.equal(session.userCtx.name, null, "anonymous until logged in");
});

test("only the admin creates or deletes databases, and refusals leave the server working", async () => {
  const workloadId = newWorkloadId();
  const user = await newUser(server.admin, "nobody", workloadId, null);
  const db = `/plumbline-wl-${workloadId}`;
  for (const [who, call] of [["anonymous", clientFor(server.url, null)], ["a user", clientFor(server.url, user)]]) {
    for (const method of ["PUT", "DELETE"]) {
      const res = await call(method, db);
      assert.ok(res.status === 401 || res.status === 403, `${who} ${method}: ${res.status}`);
      assert.match(res.body.reason, /admin/);
    }
  }
  const created = await server.admin.putWorkloadDatabase(workloadId);
  assert.equal(created.database, db.slice(1), "the admin still can, after the refusals");
  await server.admin.deleteWorkloadDatabase(workloadId);
});

test("CORS: a preflight from a listed origin is allowed with credentials, others get nothing", async () => {
  const allowed = "http://127.0.0.1:8080";
  const own = await startCouchServer({ admin: { name: "admin", password: "cors-test-password" }, corsOrigins: [allowed] });
  try {
    const preflight = (origin) => fetch(`${own.url}/_session`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    const ok = await preflight(allowed);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get("access-control-allow-origin"), allowed);
    assert.equal(ok.headers.get("access-control-allow-credentials"), "true");
    assert.match(ok.headers.get("access-control-allow-headers"), /content-type/);
    const other = await preflight("http://127.0.0.1:9999");
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  } finally {
    await own.close();
  }
});

test("a bad command line or admin setting exits with 2 and says why", async () => {
  const run = (args, env = {}) => new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env }, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }));
  });
  const badOrigin = await run(["--cors-origin", "http://127.0.0.1:8080/app/"]);
  assert.equal(badOrigin.code, 2);
  assert.match(badOrigin.stderr, /--cors-origin: expected an http\(s\) origin/);
  assert.equal(badOrigin.stdout, "", "no URL printed: nothing was started");
  const badPort = await run(["--port", "70000"]);
  assert.equal(badPort.code, 2);
  assert.match(badPort.stderr, /not a port number/);
  const badAdmin = await run([], { PLUMBLINE_COUCH_ADMIN: "no-colon" });
  assert.equal(badAdmin.code, 2);
  assert.match(badAdmin.stderr, /PLUMBLINE_COUCH_ADMIN: expected name:password/);
});
