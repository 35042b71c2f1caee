// @ts-check
// Damaged records: how the app names them in words. Pure: the actions on a damaged workload
// (Export as stored, Repair, Delete) are views/damage-actions.js, which calls the engine.

// Record ids are `kind/workloadId/…` (see src/workload/keys.rs); segments may be escaped.
/** @param {string | undefined} s */
const segment = (s) => {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
};

/**
 * The workload id a record id belongs to, or null (names, custom lenses, …).
 * @param {string | null | undefined} recordId
 */
export function workloadOfRecord(recordId) {
  const [kind, owner] = String(recordId ?? '').split('/');
  return ['workload', 'answer', 'review', 'milestone'].includes(kind) && owner ? owner : null;
}

/**
 * What the damaged record holds, in the user's words ("the answer to question …").
 * @param {string | null | undefined} recordId
 */
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
 * A label for a workload whose name may be unknown.
 * @param {string} workloadId
 * @param {string | null | undefined} name
 */
export const damagedLabel = (workloadId, name) => name || `Unreadable workload ${workloadId.slice(0, 8)}`;
