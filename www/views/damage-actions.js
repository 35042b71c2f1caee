// @ts-check
// The three actions a damaged workload always offers (Export as stored, Repair, Delete), and
// its name as stored. Used by the Workloads list and by the page shown when a workload page
// cannot load, so both behave the same.
import * as api from '../api.js';
import { h } from '../ui/dom.js';
import { downloadText, fileName } from '../ui/download.js';
import { damagedLabel, describeRecord } from '../ui/damage.js';
import { deleteWorkloadFlow } from './workload-actions.js';
import { sayError, kindOf, engineErrorOf } from '../errors.js';

/**
 * The workload's name as stored, when its record still holds a readable one (a damaged record
 * may keep its name while a count is broken); null otherwise.
 * @param {string} workloadId
 * @returns {Promise<string | null>}
 */
export async function storedName(workloadId) {
  try {
    const raw = JSON.parse(await api.exportRawWorkload(workloadId));
    const record = raw.records.find((/** @type {{id: string, stored?: {body?: any}}} */ r) => r.id === `workload/${workloadId}`);
    const body = record?.stored?.body;
    const name = body?.workloadName ?? body?.properties?.workloadName;
    return typeof name === 'string' && name.trim() ? name : null;
  } catch {
    return null;
  }
}

/**
 * The buttons Export as stored, Repair and Delete for workload `workloadId`, and a line under
 * them for what Repair could not do (`repair: false` leaves Repair out). After a repair the
 * page renders again; Delete uses the app's one delete flow.
 *
 * @param {import('./workload-actions.js').ActionContext} ctx
 * @param {{workloadId: string, name: string | null, repair?: boolean}} workload
 */
export function damageActions(ctx, { workloadId, name, repair = true }) {
  const label = damagedLabel(workloadId, name);
  const problem = h('p.error-text.damage-problem', { role: 'alert', hidden: true });
  const show = (/** @type {string} */ text) => {
    problem.hidden = false;
    problem.textContent = text;
  };

  const exportButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `Export as stored: ${label}` }, 'Export as stored');
  exportButton.addEventListener('click', async () => {
    try {
      const text = await api.exportRawWorkload(workloadId);
      downloadText(`${fileName('plumbline', name || workloadId, 'as-stored')}.json`, text, 'application/json');
      ctx.announce(`The stored records of ${label} were saved as a file.`);
    } catch (e) {
      show(`Could not export. ${sayError(e)}`);
    }
  });

  const repairButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `Repair ${label}` }, 'Repair');
  repairButton.addEventListener('click', async () => {
    repairButton.disabled = true;
    try {
      const report = await api.repairWorkload(workloadId);
      const removed = report.removed;
      ctx.announce(removed.length
        ? `${label} repaired. Removed because they could not be read: ${removed.map(describeRecord).join('; ')}.`
        : `${label} repaired. Its totals were computed again from its answers; nothing was removed.`);
      ctx.navigate(location.hash);
    } catch (e) {
      repairButton.disabled = false;
      show(kindOf(e) === 'Corrupted'
        ? `${label} cannot be repaired: ${describeRecord(engineErrorOf(e)?.recordId)} cannot be read. Export it as stored to keep a copy, then delete it.`
        : `Could not repair. ${sayError(e)}`);
    }
  });

  const deleteButton = h('button', { type: 'button', class: 'secondary danger-text', 'aria-label': `Delete ${label}` }, 'Delete');
  deleteButton.addEventListener('click', () => deleteWorkloadFlow(ctx, { workloadId, workloadName: label }));

  return h('div.damage-actions', h('div.actions', exportButton, repair ? repairButton : null, deleteButton), problem);
}
