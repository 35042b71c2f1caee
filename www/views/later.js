// @ts-check
// The pages a start does not show: every page but the workload list (views/workloads.js), which
// app.js imports itself. app.js imports this module the first time one of them is shown, so the
// built site makes it a chunk of its own that a start neither downloads nor parses.
export * as workloadForm from './workload-form.js';
export * as workloadDetails from './workload-details.js';
export * as review from './review.js';
export * as plan from './plan.js';
export * as lensOverview from './lens-overview.js';
export * as report from './report.js';
export * as consolidated from './consolidated.js';
export * as milestone from './milestone.js';
export * as compare from './compare.js';
export * as dashboard from './dashboard.js';
export * as lensesPage from './lenses.js';
export * as builtinLens from './builtin-lens.js';
export * as settings from './settings.js';
export * as templates from './templates.js';
export * as templateForm from './template-form.js';
export * as profiles from './profiles.js';
export * as notifications from './notifications.js';
export * as sharedWithYou from './shared-with-you.js';
export * as damaged from './damaged.js';
