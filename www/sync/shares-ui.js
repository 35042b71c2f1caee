// @ts-check
// The sharing part of the app, loaded only when it is used (its own chunk: the workload page's
// Shares tab, a shared workload's sync panel, "Workloads shared with you"): the team server's
// connection form, the owner's list of shares with Create share / permission / Delete, and the
// invitee's invitations with Accept / Reject. Everything the server says is shown as text.
import { h, nextId } from '../ui/dom.js';
import { textField, selectField } from '../ui/field.js';
import { confirmDialog } from '../ui/dialog.js';
import { formatDate, isoDate } from '../ui/format.js';
import { chooseServer, connect, currentSession, disconnect, resume } from './connection.js';
import { choosePouchStore } from './app-store.js';
import { markShared, sharedRole, sharedWorkloads, syncServer } from './shared-list.js';
import { MAX_SHARES, answerInvitation, canShare, changePermission, createShare, deleteShare, listShares, myInvitations } from './shares.js';
import { afterPull, openWorkloadDb } from './workload-db.js';
import { syncPanel, syncRunner } from './sync-panel.js';

// The workload's database as the page holds it (one object per page: see ./workload-db.js),
// the sync of every share the app starts with, and Delete of a workload shared with the user.
export { syncPanel, openWorkloadDb };

/** The AWS console's words for the permissions. */
const PERMISSION_WORDS = /** @type {const} */ ([['reader', 'Read-only'], ['contributor', 'Contributor']]);
const STATUS_WORDS = { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected' };
const permissionWord = (/** @type {string} */ p) => PERMISSION_WORDS.find(([v]) => v === p)?.[1] ?? p;

/** The server's reason, or the error's words. @param {unknown} e */
const reasonOf = (e) => {
  const any = /** @type {any} */ (e);
  return String(any?.reason ?? any?.message ?? e);
};

/**
 * The team server: where it is, whether this page is logged in, and the forms to change that.
 * `onChange` runs after connecting or disconnecting.
 * @param {{ announce: (message: string) => void }} ctx @param {() => void} onChange
 */
export async function connectionPanel(ctx, onChange) {
  const session = await resume();
  const headingId = nextId('team-server');
  const error = h('p.error-text', { role: 'alert' });
  const fail = (/** @type {unknown} */ e) => { error.textContent = reasonOf(e); };
  const panel = h('section.panel', { 'aria-labelledby': headingId, dataset: { teamServer: '' } }, h('h2', { id: headingId }, 'Team server'));

  if (session) {
    panel.append(
      h('p', { dataset: { connection: 'connected' } }, `Connected to ${session.server} as ${session.name}.`),
      h('button', { type: 'button', class: 'secondary', on: { click: async () => {
        await disconnect();
        ctx.announce('Disconnected from the team server.');
        onChange();
      } } }, 'Disconnect'));
    return panel;
  }

  const url = textField({ name: 'server-url', label: 'Server URL', hint: 'The address of your team\'s CouchDB server, starting with https:// (or http:// on your own computer).', value: syncServer() ?? '', type: 'url', spellcheck: false });
  const useServer = h('form', { on: { submit: (/** @type {Event} */ e) => {
    e.preventDefault();
    try {
      // Both run: a new server may need a new page policy, and shared workloads live in the
      // PouchDB store, which this profile moves to (its workspace carried over) on reload.
      const newPolicy = chooseServer(url.input.value.trim());
      if (choosePouchStore() || newPolicy) {
        ctx.announce('Server saved. The page reloads so that it may connect to it.');
        location.reload();
        return;
      }
      onChange();
    } catch (err) {
      fail(err);
    }
  } } }, url.node, h('button', { type: 'submit', class: 'secondary' }, 'Use this server'));
  panel.append(h('p', { dataset: { connection: 'disconnected' } }, 'Not connected. Sharing a workload, and syncing a shared one, needs your team\'s server.'), useServer);

  if (syncServer()) {
    const name = textField({ name: 'server-user', label: 'User name', autocomplete: 'username', spellcheck: false });
    const password = textField({ name: 'server-password', label: 'Password', type: 'password', autocomplete: 'current-password', hint: 'Sent to the server once to log in; Plumbline does not keep it.' });
    panel.append(h('form', { on: { submit: async (/** @type {Event} */ e) => {
      e.preventDefault();
      try {
        await connect(name.input.value.trim(), password.input.value);
        ctx.announce('Connected to the team server.');
        onChange();
      } catch (err) {
        fail(err);
      } finally {
        password.input.value = '';
      }
    } } }, name.node, password.node, h('button', { type: 'submit', class: 'primary' }, 'Connect')));
  }
  panel.append(error);
  return panel;
}

/**
 * The Shares tab of a workload: the connection, then (for a server admin) Create share and the
 * list of shares with their permission and the invitee's answer.
 * @param {{ announce: (message: string) => void, reload: () => void }} ctx
 * @param {{ workloadId: string, workloadName: string }} workload
 */
export async function sharesTab(ctx, workload) {
  const root = h('div', { dataset: { sharesTab: '' } });
  const draw = async () => root.replaceChildren(await connectionPanel(ctx, draw), await sharesPanel(ctx, workload, draw));
  await draw();
  return root;
}

/**
 * @param {{ announce: (message: string) => void }} ctx
 * @param {{ workloadId: string, workloadName: string }} workload @param {() => void} redraw
 */
async function sharesPanel(ctx, { workloadId, workloadName }, redraw) {
  const session = currentSession();
  const headingId = nextId('shares');
  const panel = h('section.panel', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Shares'));
  if (!session) {
    panel.append(h('p', 'Connect to the team server to see and create the shares of this workload.'));
    return panel;
  }
  if (!canShare(session)) {
    panel.append(h('p', `On CouchDB only the server's admins can create shares, and ${session.name} is not one. Ask your server admin to share this workload, or log in as an admin.`));
    return panel;
  }
  const error = h('p.error-text', { role: 'alert' });
  /** @param {() => Promise<unknown>} action @param {string} done */
  const run = async (action, done) => {
    error.textContent = '';
    try {
      await action();
      ctx.announce(done);
      redraw();
    } catch (e) {
      error.textContent = reasonOf(e);
    }
  };

  let shares;
  try {
    shares = await listShares(session, workloadId);
  } catch (e) {
    panel.append(h('p.error-text', `The shares could not be read: ${reasonOf(e)}`));
    return panel;
  }

  const user = textField({ name: 'share-user', label: 'User name', hint: 'The invitee\'s user name on the team server.', spellcheck: false });
  const permission = selectField({ name: 'share-permission', label: 'Permission', options: PERMISSION_WORDS, value: 'reader',
    hint: 'Read-only: can view the workload. Contributor: can also update answers and notes.' });
  const create = h('form', { on: { submit: (/** @type {Event} */ e) => {
    e.preventDefault();
    const invitee = user.input.value.trim();
    void run(async () => {
      await createShare(session, { workloadId, workloadName, user: invitee, permission: permission.input.value });
      markShared(workloadId, 'owner');
    }, `Workload shared with ${invitee}.`);
  } } }, h('h3', 'Create share'), user.node, permission.node,
  h('button', { type: 'submit', class: 'primary', disabled: shares.length >= MAX_SHARES }, 'Create share'),
  shares.length >= MAX_SHARES ? h('p.hint', `A workload can have at most ${MAX_SHARES} shares.`) : null);

  const rows = shares.map((share) => {
    const select = h('select', { 'aria-label': `Permission of ${share.user}` }, PERMISSION_WORDS.map(([v, t]) => h('option', { value: v }, t)));
    select.value = share.permission;
    return h('tr', { dataset: { shareUser: share.user } },
      h('th', { scope: 'row' }, share.user),
      h('td', select),
      h('td', { dataset: { shareStatus: share.status } }, STATUS_WORDS[share.status]),
      h('td.actions-cell',
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Save the permission of ${share.user}`,
          on: { click: () => run(() => changePermission(session, workloadId, share.user, select.value), `${share.user} is now ${permissionWord(select.value)}.`) } }, 'Save permission'),
        h('button', { type: 'button', class: 'secondary danger-text', 'aria-label': `Delete the share with ${share.user}`,
          on: { click: async () => {
            const sure = await confirmDialog({ title: 'Delete share?', danger: true, confirmLabel: 'Delete',
              body: [h('p', `${share.user} will no longer sync this workload; the copy they have stays with them, read-only.`)] });
            if (sure) await run(() => deleteShare(session, workloadId, share.user), `Share with ${share.user} deleted.`);
          } } }, 'Delete')));
  });
  panel.append(
    shares.length === 0
      ? h('p', 'This workload is not shared yet.')
      : h('table.data', h('caption', `Shared with ${shares.length} of at most ${MAX_SHARES} users`),
        h('thead', h('tr', ['User', 'Permission', 'Status', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', rows)),
    create, error);
  return panel;
}

/**
 * "Workloads shared with you": the invitations of the logged-in user, Accept / Reject. Accepting
 * pulls the workload into its local database and opens it.
 * @param {{ announce: (message: string) => void, navigate: (route: string) => void, setTitle: (t: string) => void }} ctx
 * @param {() => Promise<any>} workspace the open workspace, refreshed from the pulled documents
 */
export async function sharedWithYouPage(ctx, workspace) {
  // The share just accepted is synced from now on, as every share is from the app's start.
  const afterAccept = async (/** @type {string} */ workloadId) => {
    await afterPull(await workspace(), workloadId);
    const session = currentSession();
    if (session) (await syncRunner()).ensureSync(session, workloadId, workspace);
  };
  ctx.setTitle('Workloads shared with you');
  const root = h('section.page', h('h1', 'Workloads shared with you'));
  const body = h('div');
  root.append(body);
  /** @type {Array<() => void>} */
  let leaving = [];
  const leave = () => {
    for (const l of leaving) l();
    leaving = [];
  };
  const draw = async () => {
    leave();
    const parts = [await connectionPanel(ctx, draw)];
    const session = currentSession();
    if (session) parts.push(await invitationsPanel(ctx, session, afterAccept, draw));
    // The workloads this browser syncs: their state, conflicts and activity, also when the
    // workload itself cannot be opened yet.
    const mine = sharedWorkloads();
    if (mine.length > 0) {
      const names = new Map(/** @type {Array<{ workloadId: string, workloadName: string }>} */ (await (await workspace()).listWorkloads().catch(() => [])).map((w) => [w.workloadId, w.workloadName]));
      parts.push(h('h2', 'Your shared workloads'));
      for (const [id] of mine) {
        const panel = await syncPanel({ workspace, announce: ctx.announce, reload: draw }, id, names.get(id) ?? `Workload ${id}`);
        leaving.push(panel.leave);
        parts.push(panel.node);
      }
    }
    body.replaceChildren(...parts);
  };
  await draw();
  return { node: root, leave };
}

/**
 * @param {{ announce: (message: string) => void, navigate: (route: string) => void }} ctx
 * @param {import('./session.js').Session} session
 * @param {(workloadId: string) => Promise<unknown>} afterAccept @param {() => void} redraw
 */
async function invitationsPanel(ctx, session, afterAccept, redraw) {
  const headingId = nextId('invitations');
  const panel = h('section.panel', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Invitations'));
  const error = h('p.error-text', { role: 'alert' });
  let invitations;
  try {
    invitations = await myInvitations(session);
  } catch (e) {
    panel.append(h('p.error-text', `Your invitations could not be read: ${reasonOf(e)}`));
    return panel;
  }
  // An accepted share this browser does not sync (deleted here, or accepted in another
  // browser) is offered again: accepting it pulls the team's copy.
  const pending = invitations.filter((i) => i.status === 'pending' || (i.status === 'accepted' && sharedRole(i.workloadId) === null));
  if (pending.length === 0) {
    panel.append(h('p', 'No pending invitations.'));
    return panel;
  }
  const accept = async (/** @type {import('./shares.js').Invitation} */ inv, /** @type {HTMLButtonElement} */ button) => {
    error.textContent = '';
    button.disabled = true;
    try {
      await answerInvitation(session, inv.workloadId, 'accepted');
      await (await syncRunner()).pullOnce(session, inv.workloadId, await openWorkloadDb(inv.workloadId));
      markShared(inv.workloadId, inv.permission);
      await afterAccept(inv.workloadId);
      ctx.announce(`${inv.workloadName} is now in your workloads.`);
      ctx.navigate(`#/workloads/${inv.workloadId}`);
    } catch (e) {
      button.disabled = false;
      error.textContent = reasonOf(e);
    }
  };
  const rows = pending.map((inv) => h('tr', { dataset: { invitation: inv.workloadId } },
    h('th', { scope: 'row' }, inv.workloadName),
    h('td', permissionWord(inv.permission)),
    h('td', inv.invitedBy),
    h('td', inv.invitedAt ? h('time', { datetime: isoDate(inv.invitedAt) }, formatDate(inv.invitedAt)) : '—'),
    h('td.actions-cell',
      h('button', { type: 'button', class: 'primary', 'aria-label': `Accept ${inv.workloadName}`, on: { click: (/** @type {Event} */ e) => accept(inv, /** @type {HTMLButtonElement} */ (e.currentTarget)) } }, 'Accept'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Reject ${inv.workloadName}`, on: { click: async () => {
        try {
          await answerInvitation(session, inv.workloadId, 'rejected');
          ctx.announce(`Invitation to ${inv.workloadName} rejected.`);
          redraw();
        } catch (e) {
          error.textContent = reasonOf(e);
        }
      } } }, 'Reject'))));
  panel.append(h('table.data',
    h('thead', h('tr', ['Workload', 'Permission', 'Shared by', 'Date', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', rows)), error);
  return panel;
}
