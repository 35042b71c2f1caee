// Damaged records: how the app names them in words, and the three actions a damaged workload
// always offers (Export as stored, Repair, Delete). Used by the Workloads list and by the page
// shown when a workload page cannot load, so both behave the same.
import * as api from '../api.js';
import { h } from './dom.js';
import { downloadText, fileName } from './download.js';
import { deleteWorkloadFlow } from './workload-actions.js';

// Record ids are `kind/workloadId/…` (see src/workload/keys.rs); segments may be escaped.
const segment = (s) => {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
};

/** The workload id a record id belongs to, or null (names, custom lenses, …). */
export function workloadOfRecord(recordId) {
  const [kind, owner] = String(recordId ?? '').split('/');
  return ['workload', 'answer', 'review', 'milestone'].includes(kind) && owner ? owner : null;
}

/** What the damaged record holds, in the user's words ("the answer to question …"). */
export function describeRecord(recordId) {
  const [kind, , third, fourth] = String(recordId ?? '').split('/');
  switch (kind) {
    case 'workload': return 'the workload’s own properties and totals';
    case 'answer': return `the answer to question “${segment(fourth)}” of lens “${segment(third)}”`;
    case 'review': return `the lens notes and pillar notes of lens “${segment(third)}”`;
    case 'milestone': return `milestone ${Number(third) || segment(third)}`;
    case 'customlens': case 'customlensdraft': case 'customlensversion':
      return 'a custom lens this workload uses';
    default: return 'a stored record';
  }
}

/**
 * The workload's name as stored, when its record still holds a readable one (a damaged record
 * may keep its name while a count is broken); null otherwise.
 */
export async function storedName(workloadId) {
  try {
    const raw = JSON.parse(await api.exportRawWorkload(workloadId));
    const record = raw.records.find((r) => r.id === `workload/${workloadId}`);
    const body = record?.stored?.body;
    const name = body?.workloadName ?? body?.properties?.workloadName;
    return typeof name === 'string' && name.trim() ? name : null;
  } catch {
    return null;
  }
}

/** A label for a workload whose name may be unknown. */
export const damagedLabel = (workloadId, name) => name || `Unreadable workload ${workloadId.slice(0, 8)}`;

/**
 * The buttons Export as stored, Repair and Delete for workload `workloadId`, and a line under
 * them for what Repair could not do (`repair: false` leaves Repair out). After a repair the
 * page renders again; Delete uses the app's one delete confirmation.
 */
export function damageActions(ctx, { workloadId, name, repair = true }) {
  const label = damagedLabel(workloadId, name);
  const problem = h('p.error-text.damage-problem', { role: 'alert', hidden: true });
  const show = (text) => {
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
      show(`Could not export: ${e?.message || e}`);
    }
  });

  const repairButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `Repair ${label}` }, 'Repair');
  repairButton.addEventListener('click', async () => {
    repairButton.disabled = true;
    try {
      const report = await api.repairWorkload(workloadId);
      const removed = report.removed || [];
      ctx.announce(removed.length
        ? `${label} repaired. Removed because they could not be read: ${removed.map(describeRecord).join('; ')}.`
        : `${label} repaired. Its totals were computed again from its answers; nothing was removed.`);
      ctx.navigate(location.hash);
    } catch (e) {
      repairButton.disabled = false;
      show(e?.kind === 'Corrupted'
        ? `${label} cannot be repaired: ${describeRecord(e.recordId)} cannot be read. Export it as stored to keep a copy, then delete it.`
        : `Could not repair: ${e?.message || e}`);
    }
  });

  const deleteButton = h('button', { type: 'button', class: 'secondary danger-text', 'aria-label': `Delete ${label}` }, 'Delete');
  deleteButton.addEventListener('click', () => deleteWorkloadFlow(ctx, { workloadId, workloadName: label }));

  return h('div.damage-actions', h('div.actions', exportButton, repair ? repairButton : null, deleteButton), problem);
}
