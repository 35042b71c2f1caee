// @ts-check
// "Workloads shared with you": the invitations of the team server's user, Accept / Reject. The
// page itself is in the sharing chunk (../sync/shares-ui.js), loaded when it is opened.
import * as api from '../api.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { sharedWithYouPage } = await import('../sync/shares-ui.js');
  return sharedWithYouPage(ctx, api.open);
}
