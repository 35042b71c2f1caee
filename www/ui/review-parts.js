// @ts-check
// The parts of the review page (views/review.js), each drawn from data and wired to the
// callbacks it is given: the question list with its marks, the helpful-resources panel, a best
// practice's row, the notes field, Previous / Save and exit / Next, and the form's controls
// drawn from the model's AnswerForm. No engine call and no state of their own beyond the DOM.
import { h, append, routeLink, externalLink, nextId } from './dom.js';
import { REASONS } from './format.js';
import { questionHeading } from './lens-text.js';
import { questionMark, isNoneOfThese } from '../models/review-model.js';

/** @typedef {import('../pkg/plumbline.js').LensChoice} LensChoice */
/** @typedef {import('../pkg/plumbline.js').LensModel} LensModel */
/** @typedef {import('../pkg/plumbline.js').Resource} Resource */
/** @typedef {import('../models/review-model.js').AnswerForm} AnswerForm */
/** @typedef {import('../models/review-model.js').RiskBoard} RiskBoard */
/** @typedef {ReturnType<typeof import('./lens-text.js').flatQuestions>[number]} Entry */

const NOTES_MAX = 2084;
const CHOICE_NOTES_MAX = 250;

/**
 * @param {string} id
 * @param {string} labelText
 */
export function reasonSelect(id, labelText) {
  const select = /** @type {HTMLSelectElement} */ (h('select', { id }, REASONS.map(([v, t]) => h('option', { value: v }, t))));
  return { node: h('div.inline-field', h('label', { for: id }, labelText), select), select };
}

/** Where the three panels sit side by side (styles.css); narrower, the question list folds. */
const WIDE = '(min-width: 1000px)';

/**
 * The left panel: pillars, their questions with Done / N/A marks, and per pillar the count
 * answered. `refresh()` redraws the marks and counts from the board. On a narrow screen it
 * stands above the question, folded to one line that says where the user is.
 * @param {LensModel} model
 * @param {Entry[]} entries
 * @param {Entry} current
 * @param {string} base the review's route, without the question
 * @param {RiskBoard} board
 */
export function questionNav(model, entries, current, base, board) {
  /** @type {Map<string, HTMLElement>} */
  const marks = new Map();
  /** @type {{el: HTMLElement, questions: string[]}[]} */
  const pillarCounts = [];
  const index = h('details.question-index',
    h('summary', h('h2.panel-title', 'Questions'), h('span.index-where', ` ${current.number} of ${entries.length}`)),
    model.pillars.map((pillar) => {
      const inPillar = entries.filter((e) => e.pillar === pillar);
      const count = h('span.pillar-count');
      pillarCounts.push({ el: count, questions: inPillar.map((e) => e.question.id) });
      return h('details', { open: pillar === current.pillar },
        h('summary', h('span', pillar.name), ' ', count),
        h('ol.question-list', inPillar.map((e) => {
          const mark = h('span.mark');
          marks.set(e.question.id, mark);
          return h('li', routeLink(`${base}/${encodeURIComponent(e.question.id)}`,
            { 'aria-current': e === current ? 'page' : undefined }, h('span.q-text', questionHeading(e)), ' ', mark));
        })));
    }));
  const node = h('nav.review-nav', { 'aria-label': 'Questions' }, index);
  // Open beside the question on a wide screen; folded above it on a narrow one, until asked.
  const wide = window.matchMedia(WIDE);
  index.open = wide.matches;
  wide.addEventListener('change', () => { index.open = wide.matches; });
  function refresh() {
    for (const [questionId, mark] of marks) {
      const m = questionMark(board.get(questionId));
      mark.textContent = m ? `(${m})` : '';
      mark.className = `mark ${m === 'Done' ? 'mark-done' : m === 'N/A' ? 'mark-na' : ''}`;
    }
    for (const { el, questions } of pillarCounts) {
      const { done, total } = board.progress(questions);
      el.textContent = `(${done}/${total})`;
    }
  }
  return { node, refresh };
}

/** The right panel: the helpful resource of the question or of one best practice. */
export function infoPanel() {
  const title = h('h3', { id: 'info-title', tabindex: '-1' });
  const body = h('div.info-body');
  const node = h('aside.review-info', { 'aria-labelledby': 'info-heading' },
    h('h2.panel-title', { id: 'info-heading' }, 'Helpful resources'), title, body);
  /**
   * @param {string} heading
   * @param {Resource | undefined} resource
   * @param {string | undefined} description
   * @param {boolean} focus
   */
  function show(heading, resource, description, focus) {
    title.textContent = heading;
    body.replaceChildren();
    append(body, [
      description ? h('p', description) : null,
      resource?.displayText ? h('p', resource.displayText) : null,
      resource?.url ? h('p', externalLink(resource.url, 'Read more')) : null,
      !description && !resource ? h('p.subtle', 'No further information for this item.') : null]);
    if (focus) title.focus();
  }
  return { node, show };
}

/**
 * One best practice: its checkbox and Info, and unless it is "None of these", "does not
 * apply" with a reason and notes (folded: see naToggle).
 * @param {LensChoice} choice
 * @param {(choice: LensChoice) => void} onInfo
 */
export function choiceRow(choice, onInfo) {
  const id = nextId('choice');
  const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id, value: choice.id, dataset: { choice: choice.id } }));
  const info = h('button', {
    type: 'button', class: 'link-button info-button', 'aria-label': `Info: ${choice.title}`,
    on: { click: () => onInfo(choice) },
  }, 'Info');
  let na = null;
  if (!isNoneOfThese(choice)) {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: nextId('choice-na'), dataset: { choiceNa: choice.id } }));
    const reason = reasonSelect(nextId('choice-na-reason'), 'Reason');
    const notesId = nextId('choice-notes');
    const notes = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id: notesId, maxlength: String(CHOICE_NOTES_MAX), 'aria-describedby': `${notesId}-hint`, autocomplete: 'off' }));
    const extra = h('div.choice-na-extra', { hidden: true },
      reason.node,
      h('div.inline-field', h('label', { for: notesId }, 'Notes on this best practice'), notes,
        h('span.hint', { id: `${notesId}-hint` }, `At most ${CHOICE_NOTES_MAX} characters.`)));
    na = { input, reason: reason.select, notes, extra };
  }
  // Folded away until the question's "Mark best practices that do not apply" is pressed, or
  // while this practice is marked (drawForm decides).
  const naNode = na ? h('div.choice-na', { hidden: true },
    h('div.choice-line', na.input, h('label', { for: na.input.id }, 'Does not apply to this workload', h('span.visually-hidden', `: ${choice.title}`))),
    na.extra) : null;
  const row = h('li.choice', { dataset: { choiceRow: choice.id } },
    h('div.choice-main', box, h('label', { for: id }, choice.title), info),
    naNode);
  return { choice, box, na, naNode, row };
}
/** @typedef {ReturnType<typeof choiceRow>} ChoiceRow */

/** The question's notes with the characters left. */
export function notesField() {
  const id = nextId('notes');
  const input = /** @type {HTMLTextAreaElement} */ (h('textarea', { id, rows: 4, 'aria-describedby': `${id}-count ${id}-hint` }));
  const counter = h('p.counter', { id: `${id}-count` });
  const updateCount = () => {
    const left = NOTES_MAX - input.value.length;
    counter.textContent = left >= 0 ? `${left} characters remaining` : `${-left} characters too many`;
  };
  const node = h('div.field',
    h('label', { for: id }, 'Notes', h('span.optional', ' – optional')),
    input,
    h('p.hint', { id: `${id}-hint` }, 'If the question does not apply or you follow none of these, say why here.'),
    counter);
  return { node, input, updateCount };
}

/**
 * Previous, Save and exit, Next (Finish on the last question).
 * @param {{previous: string | null, next: string | null, overview: string}} routes
 * @param {(route: string) => void} go
 */
export function reviewActions(routes, go) {
  const button = (/** @type {string} */ cls, /** @type {string} */ route, /** @type {string} */ text) =>
    h('button', { type: 'button', class: cls, on: { click: () => go(route) } }, text);
  return h('div.actions.review-actions',
    routes.previous ? button('secondary', routes.previous, 'Previous') : null,
    button('secondary', routes.overview, 'Save and exit'),
    routes.next ? button('primary', routes.next, 'Next') : button('primary', routes.overview, 'Finish'));
}

/**
 * The button that unfolds every best practice's "Does not apply" (AWS keeps them out of the
 * way too): most answers never need one, and a checkbox under every practice doubled the list.
 * @param {string} listId the id of the best-practice list it unfolds
 * @param {() => void} onToggle
 */
export function naToggle(listId, onToggle) {
  const button = h('button', {
    type: 'button', class: 'link-button na-toggle', 'aria-expanded': 'false', 'aria-controls': listId,
    on: {
      click: () => {
        button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
        onToggle();
      },
    },
  }, 'Mark best practices that do not apply');
  return button;
}

/**
 * The form's controls showing `form`. A text field is only written when its text differs, so
 * the caret of a field being typed in stays put. A practice's "Does not apply" shows when the
 * toggle is open or while it is marked.
 * @param {{naBox: HTMLInputElement, naReason: HTMLSelectElement, naReasonBlock: HTMLElement, choiceFieldset: HTMLFieldSetElement, choiceRows: ChoiceRow[], notes: ReturnType<typeof notesField>, naShown: HTMLElement}} controls
 * @param {AnswerForm} form
 */
export function drawForm({ naBox, naReason, naReasonBlock, choiceFieldset, choiceRows, notes, naShown }, form) {
  const unfolded = naShown.getAttribute('aria-expanded') === 'true';
  naBox.checked = !form.isApplicable;
  naReason.value = form.reason;
  naReasonBlock.hidden = form.isApplicable;
  choiceFieldset.disabled = !form.isApplicable;
  const selected = new Set(form.selected);
  for (const r of choiceRows) {
    const state = form.choices[r.choice.id];
    r.box.checked = selected.has(r.choice.id);
    r.box.disabled = Boolean(state?.notApplicable);
    if (r.naNode) r.naNode.hidden = !(unfolded || state?.notApplicable);
    if (r.na && state) {
      r.na.input.checked = state.notApplicable;
      r.na.extra.hidden = !state.notApplicable;
      r.na.reason.value = state.reason;
      if (r.na.notes.value !== state.notes) r.na.notes.value = state.notes;
    }
  }
  if (notes.input.value !== form.notes) notes.input.value = form.notes;
  notes.updateCount();
}
