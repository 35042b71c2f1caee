// The server admin's calls for team sync, on Apache CouchDB 3 or the test server: users, one
// database per shared workload (`plumbline-wl-<workloadId>`) with its `_security` and design
// document, and the role grants that make someone a reader, contributor or owner of it.
// scripts/couch-admin.mjs is its command line; the sync tests and the benchmark call it too.
// The admin's password goes in an Authorization header, never in a URL.
import { DESIGN_ID, designDocument } from "./design.mjs";
import { serverUrl as checkedServerUrl, SyncError, workloadDatabase as databaseOf } from "../www/sync/session.js";

/** The permissions a workload can be shared with (AWS: Read-only, Contributor; and owners). */
export const ROLES = /** @type {const} */ (["reader", "contributor", "owner"]);

/** A refusal or failure of the server, with the call it answered. */
export class CouchError extends Error {
  /**
   * @param {string} where the call, such as "PUT /plumbline-wl-…/_security"
   * @param {number} status HTTP status
   * @param {string} error CouchDB's error name ("forbidden", "not_found"…)
   * @param {string} reason the server's own words
   */
  constructor(where, status, error, reason) {
    super(`${where}: ${status} ${error}: ${reason}`);
    this.name = "CouchError";
    this.where = where;
    this.status = status;
    this.error = error;
    this.reason = reason;
  }
}

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
  return {
    admins: { names: [], roles: [roleName(workloadId, "owner")] },
    members: { names: [], roles: [roleName(workloadId, "reader"), roleName(workloadId, "contributor")] },
  };
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

/** Admin calls to one server, as one server admin. */
export class CouchAdmin {
  #url;
  #authorization;

  /** @param {{ url: string, name: string, password: string }} options */
  constructor({ url, name, password }) {
    this.#url = serverUrl(url);
    this.#authorization = `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;
  }

  /**
   * One call; resolves to the answer's JSON, throws CouchError with the server's reason.
   * @param {string} method @param {string} path @param {unknown} [body]
   */
  async request(method, path, body) {
    const where = `${method} ${path}`;
    const res = await fetch(this.#url + path, {
      method,
      headers: { authorization: this.#authorization, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      throw new CouchError(where, res.status, "bad_answer", `not JSON: ${text.slice(0, 80)}`);
    }
    if (!res.ok) throw new CouchError(where, res.status, String(json.error ?? "error"), String(json.reason ?? text));
    return json;
  }

  /** Creates a user (or sets the password of one), keeping the roles it has. */
  async putUser(name, password) {
    if (typeof name !== "string" || !USER_NAME.test(name)) throw new AdminInputError("user", `1 to 64 characters, no spaces or ":", not starting with "_": ${JSON.stringify(name)}`);
    if (typeof password !== "string" || password.length < 8) throw new AdminInputError("password", "at least 8 characters");
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
    const old = await this.#getOrNull(path);
    const doc = { ...(old ?? { _id: `org.couchdb.user:${name}`, name, type: "user", roles: [] }), password };
    return this.request("PUT", path, doc);
  }

  /**
   * The workload's database with its `_security` and design document, created or brought up
   * to date (calling it again changes nothing but an outdated design document).
   * @param {string} workloadId
   */
  async putWorkloadDatabase(workloadId) {
    const db = `/${workloadDatabase(workloadId)}`;
    if ((await this.#getOrNull(db)) === null) await this.request("PUT", db);
    await this.request("PUT", `${db}/_security`, securityObject(workloadId));
    const design = designDocument();
    const old = await this.#getOrNull(`${db}/${DESIGN_ID}`);
    if (old === null || old.validate_doc_update !== design.validate_doc_update) {
      await this.request("PUT", `${db}/${DESIGN_ID}`, old === null ? design : { ...design, _rev: old._rev });
    }
    return { database: workloadDatabase(workloadId) };
  }

  /**
   * Gives `user` one role on the workload, replacing any other role they had on it.
   * @param {string} user @param {string} workloadId @param {typeof ROLES[number]} role
   */
  async grant(user, workloadId, role) {
    const granted = roleName(workloadId, role);
    return this.#changeRoles(user, workloadId, (roles) => [...roles, granted]);
  }

  /** Takes every role on the workload from `user` (their access ends at their next request). */
  async revoke(user, workloadId) {
    return this.#changeRoles(user, workloadId, (roles) => roles);
  }

  /** Deletes the workload's database: every replica then sees the share as removed. */
  async deleteWorkloadDatabase(workloadId) {
    return this.request("DELETE", `/${workloadDatabase(workloadId)}`);
  }

  async #changeRoles(user, workloadId, change) {
    const prefix = `${workloadDatabase(workloadId)}-`;
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;
    const doc = await this.#getOrNull(path);
    if (doc === null) throw new AdminInputError("user", `no user ${JSON.stringify(user)} on this server`);
    const kept = (Array.isArray(doc.roles) ? doc.roles : []).filter((r) => typeof r === "string" && !r.startsWith(prefix));
    return this.request("PUT", path, { ...doc, roles: change(kept) });
  }

  async #getOrNull(path) {
    try {
      return await this.request("GET", path);
    } catch (e) {
      if (e instanceof CouchError && e.status === 404) return null;
      throw e;
    }
  }
}
