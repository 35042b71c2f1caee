// @ts-check
// Calls that change who may use a shared workload, made as a server admin (CouchDB 3 lets only
// server admins create databases and change users' roles): the workload's database with its
// `_security` and design document, and each user's role on it. The admin script
// (sync/admin.mjs, basic auth) and the app's Shares tab (the owner's session cookie) both use
// this class; they differ only in how a request carries its credentials.
// An invitation lives in the invitee's own `_users` document (`plumbline.invitations`), written
// in the same request as the role it goes with, so a role and its invitation can never
// disagree; the invitee can read that document, and change it (Accept / Reject) but not its
// roles, as CouchDB's rules for `_users` say.
import { designDocument, DESIGN_ID } from './design.js';
import { workloadDatabase } from './session.js';

/** The permissions a workload can be shared with (AWS: Read-only, Contributor; and owners). */
export const ROLES = /** @type {const} */ (['reader', 'contributor', 'owner']);
/** @typedef {typeof ROLES[number]} Role */

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
    this.name = 'CouchError';
    this.where = where;
    this.status = status;
    this.error = error;
    this.reason = reason;
  }
}

/** `_security` of a workload's database: readers and contributors are members, owners admins. */
export function securityObject(/** @type {string} */ workloadId) {
  const db = workloadDatabase(workloadId);
  return {
    admins: { names: [], roles: [`${db}-owner`] },
    members: { names: [], roles: [`${db}-reader`, `${db}-contributor`] },
  };
}

/** The `_users` document id of a user. @param {string} user */
export const userPath = (user) => `/_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;

/** Server calls as a server admin. */
export class ServerAdmin {
  #url;
  #fetch;
  #headers;

  /**
   * @param {string} url the server, checked by the caller (serverUrl)
   * @param {typeof fetch} fetchImpl @param {Record<string, string>} [headers] sent with each call
   */
  constructor(url, fetchImpl, headers = {}) {
    this.#url = url;
    this.#fetch = fetchImpl;
    this.#headers = headers;
  }

  /**
   * One call; resolves to the answer's JSON, throws CouchError with the server's reason.
   * @param {string} method @param {string} path @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async request(method, path, body) {
    const where = `${method} ${path}`;
    const res = await this.#fetch(this.#url + path, {
      method,
      headers: { ...this.#headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new CouchError(where, res.status, 'bad_answer', `not JSON: ${text.slice(0, 80)}`);
    }
    if (!res.ok) throw new CouchError(where, res.status, String(json?.error ?? 'error'), String(json?.reason ?? text));
    return json;
  }

  /** The document at `path`, or null when there is none. @param {string} path */
  async getOrNull(path) {
    try {
      return await this.request('GET', path);
    } catch (e) {
      if (e instanceof CouchError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * The workload's database with its `_security` and design document, created or brought up
   * to date (calling it again changes nothing but an outdated design document).
   * @param {string} workloadId
   */
  async putWorkloadDatabase(workloadId) {
    const db = `/${workloadDatabase(workloadId)}`;
    if ((await this.getOrNull(db)) === null) await this.request('PUT', db);
    await this.request('PUT', `${db}/_security`, securityObject(workloadId));
    const design = designDocument();
    const old = await this.getOrNull(`${db}/${DESIGN_ID}`);
    if (old === null || old.validate_doc_update !== design.validate_doc_update) {
      await this.request('PUT', `${db}/${DESIGN_ID}`, old === null ? design : { ...design, _rev: old._rev });
    }
    return { database: workloadDatabase(workloadId) };
  }

  /**
   * Gives `user` one role on the workload, replacing any other role they had on it.
   * `invitation`: what the invitee's "Workloads shared with you" shows (kept with the role).
   * @param {string} user @param {string} workloadId @param {Role} role
   * @param {Record<string, unknown>} [invitation]
   */
  async grant(user, workloadId, role, invitation) {
    const granted = `${workloadDatabase(workloadId)}-${role}`;
    return this.changeRoles(user, workloadId, (roles) => [...roles, granted], invitation);
  }

  /** Takes every role on the workload from `user` (their access ends at their next request). */
  async revoke(/** @type {string} */ user, /** @type {string} */ workloadId) {
    return this.changeRoles(user, workloadId, (roles) => roles, null);
  }

  /** Deletes the workload's database: every replica then sees the share as removed. */
  async deleteWorkloadDatabase(/** @type {string} */ workloadId) {
    return this.request('DELETE', `/${workloadDatabase(workloadId)}`);
  }

  /**
   * Rewrites the user's roles on this workload (`change` gets the roles they keep), and their
   * invitation to it: replaced by `invitation`, dropped with null, kept when undefined.
   * @param {string} user @param {string} workloadId @param {(kept: string[]) => string[]} change
   * @param {Record<string, unknown> | null | undefined} invitation
   */
  async changeRoles(user, workloadId, change, invitation) {
    const prefix = `${workloadDatabase(workloadId)}-`;
    const doc = await this.getOrNull(userPath(user));
    if (doc === null) throw new CouchError(`GET ${userPath(user)}`, 404, 'not_found', `no user ${JSON.stringify(user)} on this server`);
    const kept = (Array.isArray(doc.roles) ? doc.roles : []).filter((/** @type {unknown} */ r) => typeof r === 'string' && !r.startsWith(prefix));
    const next = { ...doc, roles: change(kept) };
    if (invitation !== undefined) {
      const invitations = { ...(doc.plumbline?.invitations ?? {}) };
      if (invitation === null) delete invitations[workloadId];
      else invitations[workloadId] = invitation;
      next.plumbline = { ...(doc.plumbline ?? {}), invitations };
    }
    return this.request('PUT', userPath(user), next);
  }
}
