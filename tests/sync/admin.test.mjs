// The admin script (scripts/couch-admin.mjs) as an admin runs it, against the test server: a
// user whose password comes from stdin and appears in nothing printed, a workload database
// with its `_security` and rules, a grant that lets the user in and a revoke that shuts them
// out again; usage mistakes exit with 2, the server's refusals with 1 and its reason. Also the
// checks of its inputs (ids, URLs) and the design document built from the rules' file.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import vm from "node:vm";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { AdminInputError, securityObject, serverUrl, workloadDatabase } from "../../sync/admin.mjs";
import { designDocument, designOutdated, RULES_VERSION } from "../../sync/design.mjs";
import { clientFor, couchServer, newWorkloadId } from "./support.mjs";

const SCRIPT = fileURLToPath(new URL("../../scripts/couch-admin.mjs", import.meta.url));
let server;
let adminEnv;
before(async () => {
  server = await couchServer();
  adminEnv = { PLUMBLINE_COUCH_URL: server.url, PLUMBLINE_COUCH_ADMIN: server.credentials };
});
after(() => server?.close());

/** Runs the script: `{ code, stdout, stderr }`. */
function admin(args, { stdin = "", env = adminEnv } = {}) {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test("user, workload, grant and revoke, as an admin runs them", async () => {
  const workloadId = newWorkloadId();
  const name = `cli-${workloadId.slice(0, 6)}`;
  const password = `pw-${workloadId.slice(6, 20)}`;
  const made = await admin(["user", name], { stdin: `${password}\n` });
  assert.equal(made.code, 0, made.stderr);
  assert.ok(!`${made.stdout}${made.stderr}`.includes(password), "the password is never printed");
  assert.equal((await admin(["workload", workloadId])).code, 0);
  const again = await admin(["workload", workloadId]);
  assert.equal(again.code, 0, `running it again is fine: ${again.stderr}`);
  assert.match(again.stdout, new RegExp(workloadDatabase(workloadId)));

  const as = clientFor(server.url, { name, password });
  const db = `/${workloadDatabase(workloadId)}`;
  // The test server says 401 to a logged-in non-member, where CouchDB 3 says 403.
  const shut = async (what) => assert.ok([401, 403].includes((await as("GET", `${db}/_all_docs`)).status), what);
  await shut("no role yet: no access");
  assert.equal((await admin(["grant", name, workloadId, "reader"])).code, 0);
  assert.equal((await as("GET", `${db}/_all_docs`)).status, 200, "a reader reads");
  assert.equal((await admin(["grant", name, workloadId, "contributor"])).code, 0);
  const wrote = await as("PUT", `${db}/notes:wellarchitected`, { notes: "n", updatedBy: name, updatedAt: new Date().toISOString() });
  assert.equal(wrote.status, 201, "a grant replaces the role before it: now a contributor");
  assert.equal((await admin(["revoke", name, workloadId])).code, 0);
  await shut("revoked: no access");
  const security = await server.admin.request("GET", `${db}/_security`);
  assert.deepEqual(security, securityObject(workloadId));
  assert.equal((await admin(["delete", workloadId])).code, 0);
  assert.equal((await as("GET", `${db}/_all_docs`)).status, 404);
});

test("usage mistakes exit with 2 and say what was wrong; the server's refusals with 1", async () => {
  const unknown = await admin(["promote", "x"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "promote"/);
  const badRole = await admin(["grant", "someone", newWorkloadId(), "boss"]);
  assert.equal(badRole.code, 2);
  assert.match(badRole.stderr, /reader, contributor, owner/);
  const badId = await admin(["workload", "not-an-id"]);
  assert.equal(badId.code, 2);
  assert.match(badId.stderr, /workloadId: a workload id is 32 lowercase hex characters/);
  const noServer = await admin(["workload", newWorkloadId()], { env: { PLUMBLINE_COUCH_URL: "", PLUMBLINE_COUCH_ADMIN: adminEnv.PLUMBLINE_COUCH_ADMIN } });
  assert.equal(noServer.code, 2);
  const wrongAdmin = await admin(["workload", newWorkloadId()], { env: { ...adminEnv, PLUMBLINE_COUCH_ADMIN: "admin:wrong-password" } });
  assert.equal(wrongAdmin.code, 1, wrongAdmin.stderr);
  assert.match(wrongAdmin.stderr, /the server refused: .*401/);
  assert.ok(!wrongAdmin.stderr.includes("wrong-password"));
});

test("inputs are checked before anything is sent", () => {
  for (const bad of ["ftp://h/", "http://u:p@h/", "http://h/?q=1", "nonsense"]) {
    assert.throws(() => serverUrl(bad), AdminInputError, bad);
  }
  assert.equal(serverUrl("https://couch.example.org/"), "https://couch.example.org");
  assert.throws(() => workloadDatabase("0123456789ABCDEF0123456789ABCDEF"), AdminInputError);
});

test("the design document carries the rules' function alone, without the module's header", () => {
  const doc = designDocument();
  assert.match(doc.validate_doc_update, /^function validate_doc_update\(newDoc, oldDoc, userCtx\)/);
  assert.doesNotMatch(doc.validate_doc_update, /^\/\/!|export /m);
  // What the server compiles: one function expression, with no outside names.
  const compiled = vm.runInNewContext(`(${doc.validate_doc_update})`);
  assert.throws(() => compiled({ _id: "x" }, null, { db: "other", roles: [] }), (e) => typeof e.forbidden === "string");
  assert.equal(designOutdated(null), true);
  assert.equal(designOutdated({ plumbline: { rulesVersion: RULES_VERSION - 1 } }), true);
  assert.equal(designOutdated(doc), false);
});
