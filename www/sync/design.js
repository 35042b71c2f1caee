// @ts-check
// The design document of a shared workload's database (`_design/plumbline`): the write rules
// of ./rules.js as the function's own text, and the version of those rules so that a client can
// tell the installed ones are older. The admin script (sync/design.mjs) and the app's Create
// share install the same document.
import { validate_doc_update } from './rules.js';

export const DESIGN_ID = '_design/plumbline';
/** Raised whenever rules.js changes what it allows. */
export const RULES_VERSION = 1;

/** The design document to put, without `_rev`. */
export function designDocument() {
  return {
    _id: DESIGN_ID,
    language: 'javascript',
    validate_doc_update: String(validate_doc_update),
    plumbline: { rulesVersion: RULES_VERSION },
  };
}

/**
 * Whether an installed design document needs replacing: missing, or rules older than these.
 * The text is not compared: the app's bundle installs the same rules with shorter names.
 * @param {any} installed the stored document, or null
 */
export function designOutdated(installed) {
  const version = installed?.plumbline?.rulesVersion;
  return typeof version !== 'number' || version < RULES_VERSION;
}
