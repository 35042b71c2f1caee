// The design document of a shared workload's database (`_design/plumbline`): the write rules
// of validate_doc_update.js, and the version of those rules so that an older client can tell
// it is behind. Node only (it reads the rules' file); the admin script and the tests use it.
import { readFileSync } from "node:fs";

export const DESIGN_ID = "_design/plumbline";
/** Raised whenever validate_doc_update.js changes what it allows. */
export const RULES_VERSION = 1;

/**
 * The function's source as the server stores it: the file without its header comment (the
 * lines before `function`), so that the server compiles exactly one function expression.
 * @param {string} text the file's text
 */
export function validationSource(text) {
  const start = text.search(/^function /m);
  if (start < 0) throw new Error("sync/validate_doc_update.js: no line starting with `function `");
  return text.slice(start).trim();
}

/** The design document to put, without `_rev`. */
export function designDocument() {
  const text = readFileSync(new URL("./validate_doc_update.js", import.meta.url), "utf8");
  return {
    _id: DESIGN_ID,
    language: "javascript",
    validate_doc_update: validationSource(text),
    plumbline: { rulesVersion: RULES_VERSION },
  };
}
