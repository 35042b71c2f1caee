// What the sync tests share: the CouchDB-protocol test server (the one `bash scripts/test.sh
// sync` started, named by PLUMBLINE_COUCH_URL and PLUMBLINE_COUCH_ADMIN, or else one started
// here for this file and stopped after it), fresh workload ids and users, and a client that
// calls the server as one user. Every test makes its own workload and users, so test files can
// share one server and run in any order.
import { randomBytes } from "node:crypto";
import { CouchAdmin } from "../../sync/admin.mjs";
import { spawnCouchServer } from "../../scripts/couch-server.mjs";

/**
 * The test server: `{ url, admin, credentials, close }`, `admin` a CouchAdmin, `credentials`
 * its `name:password`. `close()` stops the server when this file started it, and does nothing
 * to one the test command runs.
 */
export async function couchServer() {
  const url = process.env.PLUMBLINE_COUCH_URL;
  const credentials = process.env.PLUMBLINE_COUCH_ADMIN;
  if (url && credentials) {
    const colon = credentials.indexOf(":");
    const admin = new CouchAdmin({ url, name: credentials.slice(0, colon), password: credentials.slice(colon + 1) });
    return { url, admin, credentials, close: async () => {} };
  }
  const server = await spawnCouchServer();
  const admin = new CouchAdmin({ url: server.url, ...server.admin });
  return { url: server.url, admin, credentials: `${server.admin.name}:${server.admin.password}`, close: server.close };
}

/** A new workload id, as the engine makes them (32 lowercase hex characters). */
export const newWorkloadId = () => randomBytes(16).toString("hex");

/**
 * A new user on the server, with `role` on the workload (or none): `{ name, password }`.
 * @param {CouchAdmin} admin @param {string} label @param {string} workloadId
 * @param {"reader" | "contributor" | "owner" | null} role
 */
export async function newUser(admin, label, workloadId, role) {
  const user = { name: `${label}-${randomBytes(4).toString("hex")}`, password: randomBytes(12).toString("hex") };
  await admin.putUser(user.name, user.password);
  if (role) await admin.grant(user.name, workloadId, role);
  return user;
}

/**
 * Calls the server as `user` (basic auth), or anonymously with `null`: resolves to
 * `{ status, body }` whatever the status.
 * @param {string} url @param {{ name: string, password: string } | null} user
 */
export function clientFor(url, user) {
  const authorization = user ? { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString("base64")}` } : {};
  return async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...authorization, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

/** `updatedBy`/`updatedAt` of a change made now by `user`. */
export const stamp = (user) => ({ updatedBy: user.name, updatedAt: new Date().toISOString() });

/**
 * Resolves with the first truthy value of `check()`, asked every 100 ms (replication is
 * asynchronous); rejects naming `what` after `ms`.
 * @param {() => unknown} check @param {string} what
 */
export async function eventually(check, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
