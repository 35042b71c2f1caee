// The server admin's calls for team sync, on Apache CouchDB 3 or the test server: users, one
// database per shared workload (`plumbline-wl-<workloadId>`) with its `_security` and design
// document, and the role grants that make someone a reader, contributor or owner of it.
// scripts/couch-admin.mjs is its command line; the sync tests and the benchmark call it too.
// The admin's password goes in an Authorization header, never in a URL.
import { ROLES, ServerAdmin, securityObject as securityOf, userPath } from "../www/sync/server-admin.js";
import { serverUrl as checkedServerUrl, SyncError, workloadDatabase as databaseOf } from "../www/sync/session.js";

export { ROLES, CouchError } from "../www/sync/server-admin.js";

/** A bad argument to an admin call, named by the argument. */
export class AdminInputError extends Error {
  /** @param {string} field @param {string} message */
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.name = "AdminInputError";
    this.field = field;
  }
}

/**
 * The browser's check (www/sync/session.js), so that the admin and the app always agree,
 * reported as a bad argument named `field`.
 * @template T @param {string} field @param {() => T} check @returns {T}
 */
function asInput(field, check) {
  try {
    return check();
  } catch (e) {
    if (e instanceof SyncError) throw new AdminInputError(field, e.reason);
    throw e;
  }
}

/** @param {string} workloadId 32 lowercase hex characters, as the engine makes them */
export function workloadDatabase(workloadId) {
  return asInput("workloadId", () => databaseOf(workloadId));
}

/** @param {string} workloadId @param {typeof ROLES[number]} role */
export function roleName(workloadId, role) {
  if (!ROLES.includes(role)) throw new AdminInputError("role", `expected one of ${ROLES.join(", ")}, got ${JSON.stringify(role)}`);
  return `${workloadDatabase(workloadId)}-${role}`;
}

/** `_security` of a workload's database: readers and contributors are members, owners admins. */
export function securityObject(workloadId) {
  return asInput("workloadId", () => securityOf(workloadId));
}

/**
 * The server URL as given, checked: http or https, no user name or password in it (they go
 * in headers), no query or fragment. Returns it without a trailing slash.
 * @param {string} value
 */
export function serverUrl(value) {
  return asInput("server", () => checkedServerUrl(value));
}

const USER_NAME = /^[^\s:_][^\s:]{0,63}$/;

/** Admin calls to one server, as one server admin (basic auth; the app uses its session). */
export class CouchAdmin extends ServerAdmin {
  /** @param {{ url: string, name: string, password: string }} options */
  constructor({ url, name, password }) {
    super(serverUrl(url), globalThis.fetch, { authorization: `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}` });
  }

  /** Creates a user (or sets the password of one), keeping the roles it has. */
  async putUser(name, password) {
    if (typeof name !== "string" || !USER_NAME.test(name)) throw new AdminInputError("user", `1 to 64 characters, no spaces or ":", not starting with "_": ${JSON.stringify(name)}`);
    if (typeof password !== "string" || password.length < 8) throw new AdminInputError("password", "at least 8 characters");
    const old = await this.getOrNull(userPath(name));
    const doc = { ...(old ?? { _id: `org.couchdb.user:${name}`, name, type: "user", roles: [] }), password };
    return this.request("PUT", userPath(name), doc);
  }

  /** @param {string} workloadId */
  async putWorkloadDatabase(workloadId) {
    workloadDatabase(workloadId);
    return super.putWorkloadDatabase(workloadId);
  }

  /** @param {string} user @param {string} workloadId @param {typeof ROLES[number]} role @param {Record<string, unknown>} [invitation] */
  async grant(user, workloadId, role, invitation) {
    roleName(workloadId, role);
    return this.#existing(user, () => super.grant(user, workloadId, role, invitation));
  }

  /** @param {string} user @param {string} workloadId */
  async revoke(user, workloadId) {
    workloadDatabase(workloadId);
    return this.#existing(user, () => super.revoke(user, workloadId));
  }

  /** @param {string} workloadId */
  async deleteWorkloadDatabase(workloadId) {
    workloadDatabase(workloadId);
    return super.deleteWorkloadDatabase(workloadId);
  }

  /** A missing user is a bad argument here, not a server failure. */
  async #existing(user, call) {
    if ((await this.getOrNull(userPath(user))) === null) throw new AdminInputError("user", `no user ${JSON.stringify(user)} on this server`);
    return call();
  }
}
