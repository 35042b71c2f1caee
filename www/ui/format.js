// Labels the console uses for API values, and date formatting.

export const RISK_LABELS = {
  HIGH: 'High risk',
  MEDIUM: 'Medium risk',
  NONE: 'No risk',
  NOT_APPLICABLE: 'Not applicable',
  UNANSWERED: 'Unanswered',
};

/** A lens file's risk (HIGH_RISK, MEDIUM_RISK, NO_RISK) as the API's risk value. */
export const LENS_RISK = { HIGH_RISK: 'HIGH', MEDIUM_RISK: 'MEDIUM', NO_RISK: 'NONE' };

/** A lens file's risk in words ("High risk"); an unknown value as written. */
export function lensRiskWords(risk) {
  return RISK_LABELS[LENS_RISK[risk]] || String(risk);
}

export const IMPROVEMENT_STATUS = [
  ['NOT_APPLICABLE', 'None'],
  ['NOT_STARTED', 'Not Started'],
  ['IN_PROGRESS', 'In Progress'],
  ['COMPLETE', 'Complete'],
  ['RISK_ACKNOWLEDGED', 'Risk Acknowledged'],
];

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

export function label(pairs, value) {
  const hit = pairs.find(([v]) => v === value);
  return hit ? hit[1] : value ?? '';
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** ISO 8601 string or epoch seconds → a readable local date, or an em dash. */
export function formatDate(value) {
  if (value === undefined || value === null || value === '') return '—';
  const d = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
}

/** The ISO string for a <time datetime>, or undefined. */
export function isoDate(value) {
  if (value === undefined || value === null || value === '') return undefined;
  const d = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Risk counts with all five keys, missing ones as 0. */
export function counts(rc) {
  const out = { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
  for (const k of Object.keys(out)) out[k] = Number(rc?.[k] ?? 0);
  return out;
}

export function answeredOf(rc) {
  const c = counts(rc);
  const total = c.UNANSWERED + c.HIGH + c.MEDIUM + c.NONE + c.NOT_APPLICABLE;
  return { answered: total - c.UNANSWERED, total };
}
