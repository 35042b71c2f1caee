// @ts-check
// What the app calls each input property the engine names in a Validation error's `field`,
// and what to do when a required one is missing. The labels are the forms' own, so that a
// message reads like the page it is shown on. Pure data.

/** @type {Readonly<Record<string, {label: string, missing?: string}>>} */
export const FIELDS = Object.freeze({
  workloadName: { label: 'Name', missing: 'Enter a name for the workload.' },
  description: { label: 'Description', missing: 'Enter a description of the workload.' },
  environment: { label: 'Environment', missing: 'Choose the environment: Production or Pre-production.' },
  reviewOwner: { label: 'Review owner', missing: 'Enter who owns the review.' },
  awsRegions: { label: 'AWS Regions' },
  nonAwsRegions: { label: 'Non-AWS regions' },
  accountIds: { label: 'Account IDs' },
  architecturalDesign: { label: 'Architectural design' },
  industryType: { label: 'Industry type' },
  industry: { label: 'Industry' },
  notes: { label: 'Notes' },
  tags: { label: 'Tags' },
  pillarPriorities: { label: 'Pillar priority' },
  lenses: { label: 'Lenses' },
  improvementStatus: { label: 'Improvement status' },
  milestoneName: { label: 'Milestone name', missing: 'Enter a name for the milestone.' },
  lensNotes: { label: 'Lens notes' },
  pillarNotes: { label: 'Pillar notes' },
  lensVersion: { label: 'Version name', missing: 'Enter a version name, such as 1.0.' },
  reason: { label: 'Reason' },
  selectedChoices: { label: 'Best practices' },
  choiceUpdates: { label: 'Best practices' },
  answers: { label: 'Answers file' },
  backup: { label: 'Backup file' },
});

/**
 * The label of a field, or words made from its name when the table has none
 * ("pillarPriorities" → "Pillar priorities").
 * @param {string} field
 */
export function labelOf(field) {
  const known = FIELDS[field]?.label;
  if (known) return known;
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.[\]]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : 'This value';
}
