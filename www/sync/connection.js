// @ts-check
// The app's connection to the team server: at most one logged-in session per page. The
// server's URL is remembered (./shared-list.js); the password is sent once by logIn and never
// kept; the session survives a reload through the browser's cookie, which `resume` finds again.
// A server of another origin than the one the page's policy allows (../csp.js) needs a reload
// first: `chooseServer` says so.
import { Session, logIn, serverUrl, SyncError } from './session.js';
import { setSyncServer, syncServer } from './shared-list.js';
import { setAuthor } from './app-store.js';

/** @type {Session | null} */
let session = null;
/** @type {Set<() => void>} */
const listeners = new Set();

/** Calls `listener` whenever the user connects or disconnects; returns the unsubscribe. */
export function onConnectionChange(/** @type {() => void} */ listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => {
  // What the app writes from now on names this user (the server checks `updatedBy`).
  setAuthor(session?.name ?? null);
  for (const l of listeners) l();
};

/** The session, or null when not connected. */
export const currentSession = () => session;

/** The origin the page may connect to now, besides its own (set by csp.js). */
const allowedOrigin = () => document.documentElement.dataset.syncOrigin ?? '';

/**
 * Remembers the team server. Resolves to true when the page must reload before it can reach
 * it (its policy allows another origin).
 * @param {string} url
 */
export function chooseServer(url) {
  const checked = serverUrl(url);
  if (session && session.server !== checked) disconnect();
  setSyncServer(checked);
  return new URL(checked).origin !== allowedOrigin();
}

/**
 * Logs in to the remembered server.
 * @param {string} name @param {string} password used for this request only
 */
export async function connect(name, password) {
  const server = syncServer();
  if (!server) throw new SyncError('log in', null, 'choose the team server first');
  // Bound: the session calls it as a method of its own, which the browser's fetch refuses.
  session = await logIn(server, name, password, { fetch: globalThis.fetch.bind(globalThis) });
  changed();
  return session;
}

/** Finds the session the browser's cookie still holds, if any (after a reload). */
export async function resume() {
  const server = syncServer();
  if (session || !server || new URL(server).origin !== allowedOrigin()) return session;
  try {
    const res = await fetch(`${server}/_session`, { credentials: 'include', headers: { accept: 'application/json' } });
    const ctx = (await res.json())?.userCtx;
    if (res.ok && typeof ctx?.name === 'string' && Array.isArray(ctx.roles) && ctx.roles.every((/** @type {unknown} */ r) => typeof r === 'string')) {
      session = new Session(server, ctx.name, ctx.roles, globalThis.fetch.bind(globalThis));
      changed();
    }
  } catch {
    // Offline or not reachable: not connected for now; the user can connect again.
  }
  return session;
}

/** Logs out (the server drops the cookie); the remembered server stays. */
export function disconnect() {
  const ending = session;
  session = null;
  changed();
  return ending?.logOut().catch(() => {});
}
