// @ts-check
// Reading what a `catch` caught: the engine throws real Errors with a `kind` (and `field`,
// `path`, `recordId` where they apply; pkg/plumbline.d.ts PlumblineError), the browser throws
// DOMExceptions and TypeErrors, and a rejected promise may hold anything. Pure.

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
