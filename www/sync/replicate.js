// @ts-check
// Keeps one local workload database in step with its database on the team's server: both
// ways for contributors and owners, pull only for readers, live while online, retrying after
// failures and when the network comes back. It reports a state the page shows (synced,
// syncing, offline, changes waiting, error with the server's reason, share removed):
// - a write the server refused (doc_write_failures: the validate_doc_update of
//   ./rules.js said no) is an error listing each refused document with the
//   server's reason, even though PouchDB calls such a replication successful;
// - 401, 403 or 404 from the server while the session is still valid means the share was
//   removed (the role taken away, or the database deleted): replication stops and the local
//   copy stays, read-only; when the session itself ended, the state says to log in again.
// PouchDB is handed in (the browser's build of ./pouch.js, or a Node build in the tests), so
// this module does not load it and stays out of the page's first download.
import { reasonText, workloadDatabase } from './session.js';

/**
 * The part of a PouchDB database this module uses.
 * @typedef {object} PouchDatabase
 * @property {(options: { since: number | string, style?: string, live?: boolean }) => any} changes
 *   a list of changes (a promise), or with `live` a feed of them (an emitter with cancel())
 * @property {() => Promise<{ update_seq: number | string }>} info
 * @property {(id: string) => Promise<{ _rev?: unknown }>} get
 */
/**
 * A running replication (an event emitter).
 * @typedef {object} Replication
 * @property {(event: string, listener: (value?: any) => void) => unknown} on
 * @property {() => void} cancel
 */
/**
 * PouchDB itself: opens a database by name or URL, and replicates between two.
 * @typedef {{ new (name: string, options?: object): PouchDatabase,
 *   replicate(source: PouchDatabase, target: PouchDatabase, options: object): Replication }} PouchConstructor
 */
/** @typedef {import('./session.js').Session} Session */
/** @typedef {import('./session.js').ShareRole} ShareRole */

/** @typedef {'syncing' | 'synced' | 'offline' | 'error' | 'removed'} SyncStatus */
/**
 * A document the server refused, with its reason.
 * @typedef {{ id: string, rev: string | null, reason: string }} RefusedDocument
 */
/**
 * What the page shows. `pending`: local changes not yet on the server. `reason`: the server's
 * words for an error or a removed share. `readOnly`: the UI must not offer edits.
 * @typedef {{ status: SyncStatus, role: ShareRole | null, readOnly: boolean, pending: number, refused: RefusedDocument[], reason: string | null }} SyncState
 */

/** Statuses that mean "this share is gone for you". */
const REMOVED = new Set([401, 403, 404]);

/** Waits 1 s after the first failure, doubling up to a minute, while the server is away. */
const backOff = (/** @type {number} */ delay) => (delay === 0 ? 1000 : Math.min(delay * 2, 60_000));

/**
 * Calls `listener` whenever the browser says it is online again (or, with `event`, another
 * such event); returns the unsubscribe.
 * @param {() => void} listener
 */
function browserOnline(listener, event = 'online') {
  if (typeof globalThis.addEventListener !== 'function') return () => {};
  globalThis.addEventListener(event, listener);
  return () => globalThis.removeEventListener(event, listener);
}

/**
 * The workload's database on the server. The adapter is named: the browser's PouchDB has
 * IndexedDB as its default adapter, which would otherwise win over the URL and make a local
 * database of that name.
 * @param {PouchConstructor} PouchDB @param {Session} session @param {string} workloadId
 */
export function remoteDatabase(PouchDB, session, workloadId) {
  return new PouchDB(`${session.server}/${workloadDatabase(workloadId)}`, { adapter: 'http', fetch: session.fetch, skip_setup: true });
}

/**
 * A live change feed of `local` of its own, for callers that share none.
 * @param {PouchDatabase} local @returns {(listener: () => void) => () => void}
 */
const ownFeed = (local) => (listener) => {
  const feed = local.changes({ since: 'now', live: true });
  feed?.on?.('change', listener);
  return () => feed?.cancel?.();
};

/** Whether the browser says it has no network (never true in Node). */
const browserOffline = () => globalThis.navigator?.onLine === false;

/** @param {any} err @returns {number | null} */
const statusOf = (err) => (typeof err?.status === 'number' && err.status > 0 ? err.status : null);

/**
 * Starts syncing `local` with the workload's database on the session's server.
 * @param {{ PouchDB: PouchConstructor, local: PouchDatabase, session: Session, workloadId: string,
 *   onState: (state: SyncState) => void, backOffFunction?: (delay: number) => number,
 *   whenOnline?: (listener: () => void) => () => void, onPulled?: (docs: any[]) => void,
 *   localChanges?: (listener: () => void) => () => void }} options
 *   `whenOnline`: how to hear that the network is back (the browser's `online` event by
 *   default): replication then starts again at once instead of after its back-off.
 *   `onPulled`: called with the documents each pull batch wrote locally (derived data and
 *   conflicts are looked at again then).
 *   `localChanges`: how to hear every change of `local` (returns the unsubscribe): the page
 *   hands in the feed it shares (./workload-db.js watchChanges); a feed of its own by default.
 * @returns {{ state: () => SyncState, stop: () => void, clearRefused: () => void }}
 */
export function startSync({ PouchDB, local, session, workloadId, onState, backOffFunction = backOff, whenOnline = browserOnline, onPulled = () => {}, localChanges = ownFeed(local) }) {
  const role = session.roleFor(workloadId);
  const writable = role === 'owner' || role === 'contributor';
  /** @type {SyncState} */
  let state = { status: 'syncing', role, readOnly: !writable, pending: 0, refused: [], reason: null };
  const publish = (/** @type {Partial<SyncState>} */ change) => {
    state = { ...state, ...change };
    onState(state);
  };
  if (role === null) {
    publish({ status: 'removed', readOnly: true, reason: 'This workload is not shared with you (any more).' });
    return { state: () => state, stop: () => {}, clearRefused: () => {} };
  }

  const remote = remoteDatabase(PouchDB, session, workloadId);
  const options = { live: true, retry: true, batch_size: 100, back_off_function: backOffFunction };
  /** @type {Record<'pull' | 'push', { active: boolean, error: { status: number | null, reason: string } | null }>} */
  const directions = { pull: { active: true, error: null }, push: { active: writable, error: null } };
  /** @type {Replication[]} */
  const running = [];
  let stopped = false;
  let pushedSeq = /** @type {number | string} */ (0);
  /** Revisions that came from the server: in the local change feed, but not waiting to go. */
  const pulled = new Map();

  /** Which start the running replications belong to: events of cancelled ones are ignored. */
  let generation = 0;
  let unsubscribe = () => {};
  const stop = () => {
    stopped = true;
    unsubscribe();
    for (const r of running) r.cancel();
  };

  /** Local changes the push has not sent, found in the local change feed. */
  async function countPending() {
    if (!writable) return 0;
    const { results } = await local.changes({ since: pushedSeq, style: 'main_only' });
    const refused = new Set(state.refused.map((r) => `${r.id} ${r.rev}`));
    return results.filter((/** @type {{ id: string, changes: Array<{ rev: string }> }} */ { id, changes }) => {
      const rev = changes[0]?.rev;
      return pulled.get(id) !== rev && !refused.has(`${id} ${rev}`);
    }).length;
  }

  async function update() {
    if (stopped && state.status === 'removed') return;
    const errors = Object.values(directions).map((d) => d.error).filter((e) => e !== null);
    const serverError = errors.find((e) => e.status !== null);
    let pending = state.pending;
    try {
      pending = await countPending();
    } catch {
      // The count is information; a failure to read the local feed leaves the last one.
    }
    /** @type {SyncStatus} */
    let status;
    let reason = null;
    if (state.refused.length > 0) {
      status = 'error';
      reason = `The server refused ${state.refused.length} change(s): ${state.refused.map((r) => `${r.id}: ${r.reason}`).join('; ')}`;
    } else if (serverError) {
      status = 'error';
      reason = serverError.reason;
    } else if (errors.length > 0 || browserOffline()) {
      status = 'offline';
    } else if (directions.pull.active || directions.push.active) {
      status = 'syncing';
    } else {
      status = pending > 0 ? 'syncing' : 'synced';
    }
    if (!stopped) publish({ status, reason, pending });
  }

  /** 401/403/404: the share is removed, unless the session ended (then: log in again). */
  async function refusedAccess(/** @type {number} */ status, /** @type {string} */ reason) {
    stop();
    let loggedIn = true;
    try {
      loggedIn = await session.isValid();
    } catch {
      // Unreachable right now: the server's own answer stands.
    }
    if (!loggedIn) {
      publish({ status: 'error', readOnly: true, reason: 'Your session on the server has ended: log in again to sync.' });
    } else {
      publish({ status: 'removed', readOnly: true, pending: await countPending().catch(() => state.pending), reason: `The share was removed (${status}: ${reason}). Your copy is kept, read-only.` });
    }
  }

  /** @param {any} err @param {'pull' | 'push'} direction */
  function failed(err, direction) {
    const status = statusOf(err);
    const reason = reasonText(err?.reason ?? err?.message);
    if (status !== null && REMOVED.has(status)) {
      void refusedAccess(status, reason);
      return;
    }
    directions[direction].error = { status, reason };
    void update();
  }

  /** @param {Replication} replication @param {'pull' | 'push'} direction */
  function watch(replication, direction) {
    running.push(replication);
    const d = directions[direction];
    const mine = generation;
    /** @type {(event: string, listener: (value?: any) => void) => void} */
    const on = (event, listener) => {
      replication.on(event, (value) => {
        if (mine === generation) listener(value);
      });
    };
    on('active', () => {
      d.active = true;
      d.error = null;
      void update();
    });
    on('paused', (err) => {
      d.active = false;
      if (err) {
        failed(err, direction);
        return;
      }
      d.error = null;
      if (direction === 'push') {
        void local.info().then((info) => {
          pushedSeq = info.update_seq;
          return update();
        });
      } else {
        void update();
      }
    });
    on('change', (info) => {
      if (direction === 'push' && info?.last_seq != null) pushedSeq = info.last_seq;
      if (direction === 'pull' && Array.isArray(info?.docs)) {
        for (const doc of info.docs) if (typeof doc?._id === 'string') pulled.set(doc._id, doc._rev);
        if (info.docs.length > 0) onPulled(info.docs);
      }
      // Refusals also arrive as 'denied'; this catches any a server reports only here.
      if (Array.isArray(info?.errors)) for (const e of info.errors) void refuse(e);
    });
    on('denied', (err) => void refuse(err));
    on('error', (err) => failed(err, direction));
  }

  /**
   * Adds a refused document (once) and shows the error. CouchDB names only the document; the
   * revision refused is the local one, which stays (so it is not counted as waiting).
   * @param {any} err
   */
  async function refuse(err) {
    const id = typeof err?.id === 'string' ? err.id : '(unknown document)';
    const rev = typeof err?.rev === 'string' ? err.rev : await local.get(id).then((d) => (typeof d?._rev === 'string' ? d._rev : null), () => null);
    if (state.refused.some((r) => r.id === id && r.rev === rev)) return;
    // Published by update(), with the status that goes with it.
    state = { ...state, refused: [...state.refused, { id, rev, reason: reasonText(err?.reason ?? err?.message) }] };
    void update();
  }

  /** Starts (or starts again) both directions, dropping any running ones. */
  function begin() {
    generation += 1;
    for (const r of running.splice(0)) r.cancel();
    directions.pull = { active: true, error: null };
    directions.push = { active: writable, error: null };
    // Each replication its own options: PouchDB keeps its back-off state in them.
    // Checkpoints kept in the local database only (the pull's target, the push's source): the
    // server holds the review and nothing per person, and a reader writes nothing to it.
    watch(PouchDB.replicate(remote, local, { ...options, checkpoint: 'target'}), 'pull');
    if (writable) watch(PouchDB.replicate(local, remote, { ...options, checkpoint: 'source' }), 'push');
  }

  begin();
  // Back online: both directions start again at once, waiting out no back-off (always: a
  // failure may not have been reported yet when the browser says the network is back).
  const stopOnline = whenOnline(() => {
    if (!stopped) {
      begin();
      void update();
    }
  });
  // The count of changes waiting follows local edits at once, also while offline, when the
  // push cannot report anything.
  const stopFeed = localChanges(() => void update());
  const stopOffline = browserOnline(() => void update(), 'offline');
  unsubscribe = () => {
    stopOnline();
    stopOffline();
    stopFeed();
  };
  publish({});
  return {
    state: () => state,
    stop,
    clearRefused: () => {
      state = { ...state, refused: [] };
      void update();
    },
  };
}
