// @ts-check
// The answers file panel of a lens: "Export answers" saves the lens review's answers as the
// JSON that `aws wellarchitected list-answers` prints; "Import answers" reads such a file (or
// a get-answer one) and applies it in one go: a file with any problem changes nothing, and
// the engine's message says where in the file the problem is.
import { h, nextId } from './dom.js';
import { downloadText, fileName } from './download.js';
import { sayError, kindOf } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').ImportSummary} ImportSummary */

/**
 * answersFilePanel({workloadName, lensAlias, exportAnswers, importAnswers, onImported}) → the
 * panel's node. `exportAnswers({includeNotes})` gives the file's text; `importAnswers(text)`
 * applies one. `questionName(id)` gives a question's number and title ("OPS 1. How do you…"),
 * so that a refused file is explained by the questions the user knows, not by JSON paths.
 * @param {object} options
 * @param {string} options.workloadName for the file's name
 * @param {string} options.lensAlias
 * @param {(options: {includeNotes: boolean}) => Promise<string>} options.exportAnswers
 * @param {(text: string) => Promise<ImportSummary>} options.importAnswers
 * @param {(result: ImportSummary) => Promise<void> | void} [options.onImported]
 * @param {(questionId: string) => string | undefined} [options.questionName]
 */
export function answersFilePanel({ workloadName, lensAlias, exportAnswers: readFile, importAnswers: applyFile, onImported, questionName }) {
  const status = h('p.save-state', { role: 'status' });
  const error = h('p.error-text', { role: 'alert', hidden: true });
  const fileId = nextId('answers-file');
  const file = h('input', { type: 'file', id: fileId, accept: '.json,application/json', 'aria-describedby': `${fileId}-hint` });

  const notesId = nextId('answers-notes');
  const includeNotes = h('input', { type: 'checkbox', id: notesId, 'aria-describedby': `${notesId}-hint` });
  const exportButton = h('button', { type: 'button', class: 'secondary', on: { click: exportAnswers } }, 'Export answers');
  const importButton = h('button', { type: 'button', class: 'primary', on: { click: importAnswers } }, 'Import answers');

  async function exportAnswers() {
    error.hidden = true;
    try {
      const text = await readFile({ includeNotes: includeNotes.checked });
      downloadText(fileName(workloadName, lensAlias, 'answers.json'), text, 'application/json');
      status.textContent = 'Answers exported.';
    } catch (e) {
      showError('Not exported', e);
    }
  }

  async function importAnswers() {
    error.hidden = true;
    const chosen = file.files?.[0];
    if (!chosen) {
      error.hidden = false;
      error.textContent = 'Not imported. Choose an answers file first.';
      file.focus();
      return;
    }
    importButton.disabled = true;
    status.textContent = 'Importing…';
    /** @type {string | undefined} */
    let text;
    /** @type {ImportSummary} */
    let result;
    try {
      text = await chosen.text();
      result = await applyFile(text);
    } catch (e) {
      status.textContent = '';
      showError('Not imported, nothing was changed', e, text);
      importButton.disabled = false;
      return;
    }
    file.value = '';
    try {
      await onImported?.(result);
    } catch (e) {
      showError('Imported, but the page could not show it. Reload the page', e);
    }
    // Said once the page shows the imported answers: a message ahead of the figures would
    // report an import the counts beside it do not show yet.
    status.textContent = `Answers imported: ${result.questionsInFile} question(s) in the file, ${result.questionsUpdated} changed.`;
    importButton.disabled = false;
  }

  /**
   * @param {string} what @param {unknown} e the engine's error (or the page's own)
   * @param {string} [text] the file's text, to name the question a JSON path points into
   */
  function showError(what, e, text) {
    error.hidden = false;
    const why = kindOf(e) === 'Conflict'
      ? 'The workload was changed in another tab or window meanwhile. Try again.'
      : sayError(e, { nameOf: questionName, where: (path) => placeInFile(path, text, questionName) });
    error.textContent = `${what}. ${why}`;
  }

  return h('section.panel', { 'aria-labelledby': 'af-h' },
    h('h2', { id: 'af-h' }, 'Answers file'),
    h('p', 'Move answers between workloads, or to and from the AWS Well-Architected Tool, as the JSON its list-answers command prints.'),
    h('div.field',
      h('div.choice-line', includeNotes, h('label', { for: notesId }, 'Include notes')),
      h('p.hint', { id: `${notesId}-hint` }, 'Adds the notes of each question and best practice, in the fields AWS uses for a single answer. Plumbline reads them back; the AWS tool ignores them when it imports a list of answers.')),
    h('div.actions', exportButton),
    h('div.field',
      h('label', { for: fileId }, 'Answers file to import (JSON)'),
      file,
      h('p.hint', { id: `${fileId}-hint` }, 'The answers of the questions in the file replace the saved ones; other questions keep theirs.')),
    h('div.actions', importButton),
    error,
    status);
}

/**
 * Where a JSON path of an answers file points, in words: "the answer to OPS 1. How do you…"
 * (the file's own QuestionId of that entry), or undefined when the path says nothing a person
 * would know.
 * @param {string} path such as "AnswerSummaries[3].SelectedChoices[0]"
 * @param {string | undefined} text the file
 * @param {((questionId: string) => string | undefined) | undefined} questionName
 * @returns {string | undefined}
 */
export function placeInFile(path, text, questionName) {
  const m = /^(\w+)\[(\d+)\]/.exec(path);
  if (!m) return path === 'LensAlias' ? 'its lens' : undefined;
  let id;
  try {
    id = JSON.parse(text ?? '')?.[m[1]]?.[Number(m[2])]?.QuestionId;
  } catch {
    id = undefined;
  }
  const name = typeof id === 'string' ? questionName?.(id) : undefined;
  return name ? `the answer to ${name}` : `answer ${Number(m[2]) + 1} of the file`;
}
