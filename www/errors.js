// @ts-check
// Reading what a `catch` caught: the engine throws real Errors with a `kind` (and `field`,
// `path`, `recordId` where they apply; pkg/plumbline.d.ts PlumblineError), the browser throws
// DOMExceptions and TypeErrors, and a rejected promise may hold anything; and the same in
// words a person reads (sayError). Pure.

import { FIELDS, labelOf } from './field-labels.js';

/** @typedef {import('./pkg/plumbline.js').PlumblineError} PlumblineError */

/**
 * The caught value as the engine's error, or null when it is something else.
 * @param {unknown} e
 * @returns {PlumblineError | null}
 */
export function engineErrorOf(e) {
  return e instanceof Error && typeof (/** @type {{kind?: unknown}} */ (e).kind) === 'string' ? /** @type {PlumblineError} */ (e) : null;
}

/**
 * The engine's error kind of the caught value ("Conflict", "Validation", …), or undefined.
 * @param {unknown} e
 */
export const kindOf = (e) => engineErrorOf(e)?.kind;

/**
 * The words of whatever was thrown: an Error's message, else the value as text.
 * @param {unknown} e
 */
export const errorText = (e) => (e instanceof Error && e.message ? e.message : String(e));

// ---- The words a person reads. The engine's messages are for developers (camelCase fields,
// JSON paths, ids in backticks); the app says the same by `kind` and `field`/`path` here, and
// nowhere else, so every page speaks alike.

/**
 * What a page can add to make a message concrete: `where` turns a JSON path of an imported
 * file into words ("the answer to OPS 1. How do you…"), `nameOf` an id echoed in the message
 * into the name the page shows (a question's number and title, a practice's title).
 * @typedef {{where?: (path: string) => string | undefined, nameOf?: (id: string) => string | undefined}} ErrorContext
 */

/** @param {string} text */
const sentence = (text) => {
  const t = text.trim();
  if (!t) return t;
  const capital = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * The message with every `id` in backticks replaced by the name the page shows for it, or
 * put in quotation marks (it is what the user typed or what a file holds).
 * @param {string} message @param {ErrorContext} context
 */
function plain(message, context) {
  return message.replace(/`([^`]*)`/g, (_, id) => context.nameOf?.(id) ?? `“${id}”`);
}

/**
 * One broken rule of a form, in words, naming the field by its label.
 * @param {{field: string, message: string}} problem @param {ErrorContext} [context]
 */
export function sayProblem(problem, context = {}) {
  const entry = FIELDS[problem.field];
  const label = labelOf(problem.field);
  const message = plain(problem.message, context);
  if (/\bis required\b/.test(message)) {
    return entry?.missing ?? `${label} is required.`;
  }
  if (/^(must|is|are|values) /.test(message)) return sentence(`${label} ${message}`);
  return `${label}: ${sentence(message)}`;
}

/** The problem of an imported file, after the developer's "at PATH: " or "line L, column C: ". */
const FILE_PREFIX = /^(?:answers file: )?(?:the backup file cannot be restored: )?(?:at ([^:]*): |line (\d+), column (\d+): )?/;

/** What a backup's top-level lists hold, for "workload 3 of the file". @type {Record<string, string>} */
const BACKUP_LISTS = { workloads: 'workload', customLenses: 'custom lens', milestones: 'milestone', answers: 'answer' };

/** @param {string} path a JSON path into a backup ("$.workloads[2].workload.workloadId") */
function placeInBackup(path) {
  const m = /^\$\.(\w+)\[(\d+)\]/.exec(path);
  return m ? `${BACKUP_LISTS[m[1]] ?? 'entry'} ${Number(m[2]) + 1} of the file` : undefined;
}

/**
 * A refused file (answers, backup): where in the file, in words, then what is wrong. Once the
 * place names the question, the question's id in the message is "this question".
 * @param {PlumblineError} e @param {ErrorContext} context
 */
function sayFileProblem(e, context) {
  const match = FILE_PREFIX.exec(e.message);
  const backup = e.field === 'backup';
  const file = backup ? 'The backup file cannot be restored' : 'The answers file cannot be imported';
  let rest = e.message.slice(match?.[0].length ?? 0);
  if (match?.[2]) return `${file}: it is not readable at line ${match[2]}, column ${match[3]}. ${sentence(plain(rest, context))}`;
  const where = e.path ? (context.where ?? (backup ? placeInBackup : undefined))?.(e.path) : undefined;
  if (where) rest = rest.replace(/ of question `[^`]*`/g, ' of this question').replace(/^question `[^`]*`/, 'this question');
  return `${file}${where ? `: the problem is in ${where}` : ''}. ${sentence(plain(rest, context))}`;
}

/** NotFound messages by what was not found (the engine's message starts with it). */
const NOT_FOUND = [
  // The page's own NotFound (api.engineError) is already written for people.
  [/^(This|There) /, (/** @type {RegExpExecArray} */ m) => sentence(m.input)],
  [/has no milestone (\d+)/, (/** @type {string[]} */ m) => `This workload has no milestone ${m[1]}. It may have been deleted; open the workload to see its milestones.`],
  [/^workload /, () => 'This workload does not exist. It may have been deleted, in this tab or another one. Go to Workloads to see the ones there are.'],
  [/has no draft/, () => 'This custom lens has no draft to open. Import the lens file again on the Lenses page.'],
  [/^custom lens /, () => 'This custom lens does not exist. It may have been deleted; the Lenses page lists the ones there are.'],
  [/^no lens /, () => 'This lens is not available in Plumbline. The Lenses page lists the ones there are.'],
  [/not applied|lens review/, () => 'This lens is not applied to this workload. Edit the workload to apply it.'],
];

/** @type {Record<string, string>} */
const BY_KIND = {
  Conflict: 'This was changed in another tab or window since this page showed it, so nothing was saved. Reload to see the latest version, then make your change again.',
  QuotaExceeded: 'The browser has no room left for Plumbline’s data, so nothing was saved. Delete workloads or milestones you no longer need, or free space for this site in the browser’s settings, then try again.',
  Unavailable: 'This browser does not let Plumbline keep data here (a private window may block it). Open Plumbline in a normal window or another browser.',
  Corrupted: 'A stored record cannot be read. Open the workload: its page offers Export as stored, Repair and Delete.',
  Storage: 'The browser could not read or save Plumbline’s data; nothing was changed. Try again, or reload the page.',
  Disposed: 'The page lost its connection to the engine. Reload the page and try again.',
  Uninitialized: 'The engine is not ready yet. Reload the page and try again.',
};

/**
 * Whatever was caught, as sentences a person can act on. Never a JSON name, path or id: those
 * stay on the error for developers (and in the console).
 * @param {unknown} e @param {ErrorContext} [context]
 */
export function sayError(e, context = {}) {
  const error = engineErrorOf(e);
  if (!error) return sentence(`Something went wrong: ${errorText(e)}`);
  if (error.kind === 'Validation') {
    if (error.path !== undefined || error.field === 'backup' || error.field === 'answers') return sayFileProblem(error, context);
    const problems = error.problems?.length ? error.problems : [{ field: error.field ?? '', message: error.message.replace(/^[A-Za-z]+: /, '') }];
    return problems.map((p) => sayProblem(p, context)).join(' ');
  }
  if (error.kind === 'NotFound') {
    for (const [pattern, say] of /** @type {[RegExp, (m: RegExpExecArray) => string][]} */ (NOT_FOUND)) {
      const m = pattern.exec(error.message);
      if (m) return say(m);
    }
    return 'What this page looks for does not exist (any more). Go to Workloads and open it from there.';
  }
  if (error.kind === 'LensInvalid') {
    // The reader is a lens author: the first error's own words and line help them most.
    const errors = (error.diagnostics ?? []).filter((d) => d.severity === 'error');
    const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
    const first = errors[0];
    const detail = first ? ` The first, at line ${first.line}, column ${first.column}: ${sentence(plain(first.message, context))}` : '';
    return `The lens has ${count}, so it cannot be published or used.${detail} Fix the text, check it on the Lenses page and import it again as a new draft.`;
  }
  // A lens in use is refused as a Conflict whose message names the workloads: that is the point.
  if (error.kind === 'Conflict' && / is used by /.test(error.message)) return sentence(plain(error.message, context));
  return BY_KIND[error.kind] ?? sentence(`Something went wrong: ${plain(error.message, context)}`);
}
