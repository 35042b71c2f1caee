// @ts-check
// Labels the console uses for API values, and date formatting. Pure: no DOM, no engine.

/** @typedef {import('../pkg/plumbline.js').Risk} Risk */
/** @typedef {import('../pkg/plumbline.js').RiskCounts} RiskCounts */

/** @type {Record<Risk, string>} */

export const RISK_LABELS = {
  HIGH: 'High risk',
  MEDIUM: 'Medium risk',
  NONE: 'No risk',
  NOT_APPLICABLE: 'Not applicable',
  UNANSWERED: 'Unanswered',
};

/**
 * A lens file's risk (HIGH_RISK, MEDIUM_RISK, NO_RISK) as the API's risk value.
 * @type {Record<import('../pkg/plumbline.js').LensRisk, Risk>}
 */
export const LENS_RISK = { HIGH_RISK: 'HIGH', MEDIUM_RISK: 'MEDIUM', NO_RISK: 'NONE' };

/**
 * A lens file's risk in words ("High risk"); an unknown value as written (a draft's rules are
 * shown before the engine accepts them).
 * @param {string} risk
 */
export function lensRiskWords(risk) {
  const apiRisk = Object.hasOwn(LENS_RISK, risk) ? LENS_RISK[/** @type {keyof typeof LENS_RISK} */ (risk)] : null;
  return apiRisk ? RISK_LABELS[apiRisk] : String(risk);
}

export const IMPROVEMENT_STATUS = [
  ['NOT_APPLICABLE', 'None'],
  ['NOT_STARTED', 'Not Started'],
  ['IN_PROGRESS', 'In Progress'],
  ['COMPLETE', 'Complete'],
  ['RISK_ACKNOWLEDGED', 'Risk Acknowledged'],
];

/**
 * An improvement item's own status (the backlog), apart from the workload's Improvement status.
 * @type {readonly (readonly [import('../pkg/plumbline.js').ItemStatus, string])[]}
 */
export const ITEM_STATUS = [
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In progress'],
  ['DONE', 'Done'],
  ['POSTPONED', 'Postponed'],
  ['RISK_ACKNOWLEDGED', 'Risk acknowledged'],
];

/** The words for an item's status; no status is Open. @param {string | undefined} status */
export const statusLabel = (status) => ITEM_STATUS.find(([v]) => v === status)?.[1] ?? 'Open';

export const ENVIRONMENTS = [
  ['PRODUCTION', 'Production', 'Workload runs in a production environment.'],
  ['PREPRODUCTION', 'Pre-production', 'Workload runs in a pre-production environment.'],
];

export const REASONS = [
  ['OUT_OF_SCOPE', 'Out of scope'],
  ['BUSINESS_PRIORITIES', 'Business priorities'],
  ['ARCHITECTURE_CONSTRAINTS', 'Architecture constraints'],
  ['OTHER', 'Other'],
  ['NONE', 'None'],
];

export const INDUSTRY_TYPES = [
  'Agriculture', 'Automobile', 'Defense', 'Design and Engineering', 'Digital Advertising', 'Education',
  'Environmental Protection', 'Financial Services', 'Gaming', 'General Public Services', 'Healthcare',
  'Hospitality', 'InfoTech', 'Justice and Public Safety', 'Life Sciences', 'Manufacturing',
  'Media & Entertainment', 'Mining & Resources', 'Oil & Gas', 'Power & Utilities', 'Professional Services',
  'Real Estate & Construction', 'Retail & Wholesale', 'Social Protection', 'Telecommunications',
  'Travel, Transportation & Logistics', 'Other',
];

export const AWS_REGIONS = [
  ['us-east-1', 'US East (N. Virginia)'], ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'], ['us-west-2', 'US West (Oregon)'],
  ['ca-central-1', 'Canada (Central)'], ['ca-west-1', 'Canada West (Calgary)'],
  ['mx-central-1', 'Mexico (Central)'], ['sa-east-1', 'South America (São Paulo)'],
  ['eu-west-1', 'Europe (Ireland)'], ['eu-west-2', 'Europe (London)'], ['eu-west-3', 'Europe (Paris)'],
  ['eu-central-1', 'Europe (Frankfurt)'], ['eu-central-2', 'Europe (Zurich)'],
  ['eu-north-1', 'Europe (Stockholm)'], ['eu-south-1', 'Europe (Milan)'], ['eu-south-2', 'Europe (Spain)'],
  ['me-south-1', 'Middle East (Bahrain)'], ['me-central-1', 'Middle East (UAE)'], ['il-central-1', 'Israel (Tel Aviv)'],
  ['af-south-1', 'Africa (Cape Town)'], ['ap-east-1', 'Asia Pacific (Hong Kong)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'], ['ap-south-2', 'Asia Pacific (Hyderabad)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'], ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'], ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'], ['ap-southeast-3', 'Asia Pacific (Jakarta)'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)'],
];

/**
 * The words for an API value from one of the tables above; the value itself when it has none.
 * @param {readonly (readonly string[])[]} pairs
 * @param {string | null | undefined} value
 */
export function label(pairs, value) {
  const hit = pairs.find(([v]) => v === value);
  return hit ? hit[1] : value ?? '';
}

/** @type {Intl.DateTimeFormat | undefined} */
let dateFmt;

/**
 * An ISO 8601 time (every time the engine gives) → a readable local date; an em dash when
 * there is none, the text itself when it is not a date.
 * @param {string | null | undefined} value
 */
export function formatDate(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  // Made on first use, not when the module loads: the first Intl formatter of a page loads the
  // locale data, which measured up to 77 ms of a first visit's start in Chromium, and the empty
  // workload list of a first visit shows no date.
  dateFmt ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateFmt.format(d);
}

/**
 * The ISO string for a <time datetime>, or undefined.
 * @param {string | null | undefined} value
 */
export function isoDate(value) {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The counts of a part that has no question here (a pillar of another lens in a dashboard row).
 * @type {Readonly<RiskCounts>}
 */
export const NO_RISKS = Object.freeze({ UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });

/**
 * Questions answered (every risk but UNANSWERED) and questions in all.
 * @param {RiskCounts} rc
 */
export function answeredOf(rc) {
  const total = rc.UNANSWERED + rc.HIGH + rc.MEDIUM + rc.NONE + rc.NOT_APPLICABLE;
  return { answered: total - rc.UNANSWERED, total };
}
