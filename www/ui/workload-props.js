// @ts-check
// The workload's described properties as rows of a <dl class="props">, shared by the
// Properties tab and the report, so both say the same things the same way.
import { h, externalLink } from './dom.js';
import { ENVIRONMENTS, IMPROVEMENT_STATUS, label } from './format.js';

/** "a, b, c", or an em dash for none. */
export const listText = (/** @type {string[] | undefined} */ v) => (v && v.length ? v.join(', ') : '—');

/** One row; empty values show an em dash. */
export const propRow = (/** @type {string} */ k, /** @type {import('./dom.js').Child} */ v) => h('div', h('dt', k), h('dd', v === '' || v === undefined || v === null ? '—' : v));

/** Description through improvement status, in the define form's order. */
/** @param {import('../pkg/plumbline.js').Workload} w */
export function describedRows(w) {
  return [
    propRow('Description', w.description),
    propRow('Review owner', w.reviewOwner),
    propRow('Environment', label(ENVIRONMENTS, w.environment)),
    propRow('AWS Regions', listText(w.awsRegions)),
    propRow('Non-AWS regions', listText(w.nonAwsRegions)),
    propRow('Account IDs', listText(w.accountIds)),
    propRow('Architectural design', w.architecturalDesign ? externalLink(w.architecturalDesign, w.architecturalDesign) : '—'),
    propRow('Industry type', w.industryType),
    propRow('Industry', w.industry),
    propRow('Improvement status', label(IMPROVEMENT_STATUS, w.improvementStatus || 'NOT_APPLICABLE')),
  ];
}
