// @ts-check
// Logging in to a team's CouchDB server. The password is sent once, to `_session`, and then
// forgotten: what is kept is the session cookie (the browser keeps it, HttpOnly, out of reach
// of scripts; in Node, where fetch has no cookie store, this module keeps it in memory), so
// neither storage, URLs nor logs ever hold a credential. Every answer of the server is
// untrusted: a session is only made from an answer of the expected shape.

/** A server refusal or a failure to reach it, with the server's reason when there is one. */
export class SyncError extends Error {
  /**
   * @param {string} where what was being done ("log in", "replicate answer:…")
   * @param {number | null} status HTTP status, or null when the server was not reached
   * @param {string} reason the server's reason, or what went wrong
   */
  constructor(where, status, reason) {
    super(`${where}: ${reason}`);
    this.name = 'SyncError';
    this.where = where;
    this.status = status;
    this.reason = reason;
  }
}

/** The server's words, as text of a bounded length (they are shown to the user). */
export function reasonText(/** @type {unknown} */ value, fallback = 'no reason given') {
  const text = typeof value === 'string' && value.trim() !== '' ? value : fallback;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/**
 * The server's URL, checked: http or https only, no credentials, query or fragment in it.
 * Returns it without a trailing slash.
 * @param {string} value
 */
export function serverUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SyncError('server URL', null, `not a URL: ${reasonText(value, '(empty)')}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('server URL', null, `only http: and https: servers can be used, not ${url.protocol}`);
  if (url.username || url.password) throw new SyncError('server URL', null, 'the URL must not hold a user name or password');
  if (url.search || url.hash) throw new SyncError('server URL', null, 'the URL must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

/** A workload's database on the server. @param {string} workloadId */
export function workloadDatabase(workloadId) {
  if (typeof workloadId !== 'string' || !/^[0-9a-f]{32}$/.test(workloadId)) {
    throw new SyncError('workload', null, `a workload id is 32 lowercase hex characters, not ${JSON.stringify(reasonText(workloadId, ''))}`);
  }
  return `plumbline-wl-${workloadId}`;
}

/** @typedef {'owner' | 'contributor' | 'reader'} ShareRole */

/** A logged-in user of one server. */
export class Session {
  /** @type {string | null} the cookie, when the platform lets scripts see it (Node) */
  #cookie = null;
  #fetch;

  /**
   * @param {string} server @param {string} name @param {string[]} roles
   * @param {typeof fetch} fetchImpl
   */
  constructor(server, name, roles, fetchImpl) {
    this.server = server;
    this.name = name;
    this.roles = roles;
    this.#fetch = fetchImpl;
  }

  /**
   * fetch with this session's credentials: the browser's cookie (credentials: include), or the
   * one kept here. CouchDB renews the cookie in its answers; the newest is kept.
   * @param {string | URL | Request} url @param {RequestInit} [init]
   */
  fetch = async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (this.#cookie) headers.set('cookie', this.#cookie);
    const res = await this.#fetch(url, { ...init, headers, credentials: 'include' });
    this.keepCookie(res);
    return res;
  };

  /** @param {Response} res */
  keepCookie(res) {
    const set = res.headers.get('set-cookie');
    const match = set && /(?:^|,\s*)(AuthSession=[^;]*)/.exec(set);
    if (match) this.#cookie = match[1];
  }

  /**
   * The role this user has on a workload: owner over contributor over reader, or null.
   * @param {string} workloadId
   * @returns {ShareRole | null}
   */
  roleFor(workloadId) {
    const db = workloadDatabase(workloadId);
    for (const role of /** @type {ShareRole[]} */ (['owner', 'contributor', 'reader'])) {
      if (this.roles.includes(`${db}-${role}`) || (role === 'owner' && this.roles.includes('_admin'))) return role;
    }
    return null;
  }

  /** Whether the server still knows this session (false once it expired or was ended). */
  async isValid() {
    const res = await this.fetch(`${this.server}/_session`, { headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const body = await res.json().catch(() => null);
    return typeof body?.userCtx?.name === 'string' && body.userCtx.name === this.name;
  }

  /** Ends the session on the server (the cookie is dropped). */
  async logOut() {
    await this.fetch(`${this.server}/_session`, { method: 'DELETE' });
    this.#cookie = null;
  }
}

/**
 * Logs in; the password is used for this one request only.
 * @param {string} server the server's URL (http or https)
 * @param {string} name @param {string} password
 * @param {{ fetch?: typeof fetch }} [options] fetch to use (tests), the global one by default
 * @returns {Promise<Session>}
 */
export async function logIn(server, name, password, { fetch: fetchImpl = globalThis.fetch } = {}) {
  const base = serverUrl(server);
  let res;
  try {
    res = await fetchImpl(`${base}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, password }),
      credentials: 'include',
    });
  } catch (e) {
    throw new SyncError('log in', null, `the server could not be reached (${reasonText(e instanceof Error ? e.message : String(e))})`);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new SyncError('log in', res.status, reasonText(body?.reason, `HTTP ${res.status}`));
  const roles = body?.roles;
  if (body?.ok !== true || body.name !== name || !Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
    throw new SyncError('log in', res.status, 'the server answered the login with something that is not a CouchDB session');
  }
  const session = new Session(base, name, roles, fetchImpl);
  session.keepCookie(res);
  return session;
}
