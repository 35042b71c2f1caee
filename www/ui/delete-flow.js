// @ts-check
// The app's one way to delete something (a workload from the list, from its page or as a
// damaged record; a custom lens): the same confirmation, then the same handling of the
// outcome — announced either way, a failure also shown in words next to where it started.
// The deletion itself is the caller's callback, so this widget never talks to the engine.
import { h } from './dom.js';
import { confirmDialog } from './dialog.js';
import { showNotice } from './notices.js';
import { sayError } from '../errors.js';

/**
 * @typedef {object} DeleteRequest
 * @property {string} what what is deleted, for the dialog's title ("workload", "custom lens")
 * @property {string} name its name as the user knows it
 * @property {string} consequences what else goes with it, and that it cannot be undone
 * @property {() => Promise<unknown>} remove the deletion itself
 * @property {(message: string) => void} announce the page's live region
 * @property {(message: string) => void} [showError] where a failure is shown; a notice above the page by default
 */

/**
 * Asks, deletes, and reports. Resolves true once deleted; false when cancelled or refused.
 * @param {DeleteRequest} request
 * @returns {Promise<boolean>}
 */
export async function deleteFlow({ what, name, consequences, remove, announce, showError }) {
  const ok = await confirmDialog({
    title: `Delete ${what} “${name}”?`,
    body: [h('p', consequences)],
    confirmLabel: `Delete ${what}`,
    danger: true,
  });
  if (!ok) return false;
  try {
    await remove();
  } catch (e) {
    const message = deleteFailure(name, e);
    announce(message);
    if (showError) showError(message);
    else showNotice('Not deleted', [message], { name: 'delete-failure' });
    return false;
  }
  announce(`Deleted “${name}”.`);
  return true;
}

/**
 * The sentence for a refused deletion, with the engine's reason (which names, for a lens in
 * use, the workloads that use it).
 * @param {string} name
 * @param {unknown} error
 */
export function deleteFailure(name, error) {
  return `“${name}” was not deleted. ${sayError(error)}`;
}
