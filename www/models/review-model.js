// @ts-check
// The review page's state, without DOM or engine: which question is shown and its neighbours,
// the answer being edited (selections, "does not apply" for the question and per best
// practice, reasons, notes) and the request that saves it, each question's risk for the marks
// and counts, and the bookkeeping of saves in flight. views/review.js draws this state and
// turns the user's changes into calls here; the functions return new values and never touch
// their arguments, except the two small classes that count (RiskBoard, SaveTracker).

/** @typedef {import('../pkg/plumbline.js').Answer} Answer */
/** @typedef {import('../pkg/plumbline.js').AnswerUpdate} AnswerUpdate */
/** @typedef {import('../pkg/plumbline.js').LensChoice} LensChoice */
/** @typedef {import('../pkg/plumbline.js').LensModel} LensModel */
/** @typedef {import('../pkg/plumbline.js').LensPillar} LensPillar */
/** @typedef {import('../pkg/plumbline.js').LensQuestion} LensQuestion */
/** @typedef {import('../pkg/plumbline.js').Reason} Reason */
/** @typedef {import('../pkg/plumbline.js').Risk} Risk */
/** @typedef {import('../pkg/plumbline.js').RiskCounts} RiskCounts */

/** The reason preselected when the user marks something as not applying. */
export const DEFAULT_REASON = /** @type {Reason} */ ('OUT_OF_SCOPE');

/**
 * A choice whose id ends in `_no` is "None of these" (design.md).
 * @param {{id: string}} choice
 */
export const isNoneOfThese = (choice) => choice.id.endsWith('_no');

// ---- navigation -----------------------------------------------------------------------------

/**
 * @typedef {object} QuestionEntry
 * @property {LensPillar} pillar
 * @property {LensQuestion} question
 * @property {number} index in lens order, over every pillar
 */

/**
 * Where the review stands: the question shown and the ones before and after it (lens order).
 * Without a question id, the first unanswered question (else the first). Null when the id is
 * not a question of the lens.
 * @template {QuestionEntry} E
 * @param {readonly E[]} entries
 * @param {string | undefined} questionId
 * @param {ReadonlyMap<string, Risk>} risks
 * @returns {{current: E, previous: E | null, next: E | null} | null}
 */
export function position(entries, questionId, risks) {
  const current = questionId
    ? entries.find((e) => e.question.id === questionId)
    : entries.find((e) => (risks.get(e.question.id) ?? 'UNANSWERED') === 'UNANSWERED') ?? entries[0];
  if (!current) return null;
  return {
    current,
    previous: entries[current.index - 1] ?? null,
    next: entries[current.index + 1] ?? null,
  };
}

/**
 * The mark of a question in the list: "Done" once answered, "N/A" when it does not apply.
 * @param {Risk | undefined} risk
 * @returns {'Done' | 'N/A' | ''}
 */
export function questionMark(risk) {
  if (risk === 'NOT_APPLICABLE') return 'N/A';
  if (risk && risk !== 'UNANSWERED') return 'Done';
  return '';
}

/**
 * Every question's risk, as the page shows it: the saved ones, then each change evaluated on
 * the spot. Gives the counts for the progress line and per pillar.
 */
export class RiskBoard {
  /**
   * @param {readonly string[]} questionIds every question of the lens, in lens order
   * @param {Iterable<{questionId: string, risk: Risk}>} answers the saved answers
   */
  constructor(questionIds, answers) {
    this.questionIds = questionIds;
    /** @type {Map<string, Risk>} */
    this.risks = new Map();
    for (const a of answers) this.risks.set(a.questionId, a.risk);
  }

  /** @param {string} questionId @returns {Risk} */
  get(questionId) {
    return this.risks.get(questionId) ?? 'UNANSWERED';
  }

  /** @param {string} questionId @param {Risk} risk */
  set(questionId, risk) {
    this.risks.set(questionId, risk);
  }

  /**
   * Risk counts over `questionIds` (default: the whole lens).
   * @param {readonly string[]} [questionIds]
   * @returns {RiskCounts}
   */
  counts(questionIds = this.questionIds) {
    const out = { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
    for (const id of questionIds) out[this.get(id)] += 1;
    return out;
  }

  /**
   * Questions answered (any risk but UNANSWERED) among `questionIds`.
   * @param {readonly string[]} questionIds
   */
  progress(questionIds) {
    const done = questionIds.filter((id) => this.get(id) !== 'UNANSWERED').length;
    return { done, total: questionIds.length };
  }
}

// ---- the answer being edited ----------------------------------------------------------------

/**
 * A best practice's own state; "None of these" has none (it cannot be marked not applicable).
 * @typedef {{notApplicable: boolean, reason: Reason, notes: string}} ChoiceState
 */

/**
 * The answer as the form holds it.
 * @typedef {object} AnswerForm
 * @property {boolean} isApplicable
 * @property {Reason} reason why the question does not apply (kept while it applies, for a later uncheck)
 * @property {readonly string[]} selected selected best practices, in lens order, none of them not applicable
 * @property {Readonly<Record<string, ChoiceState>>} choices by choice id, every choice but "None of these"
 * @property {string} notes
 */

/**
 * The form for a saved answer. `previous` keeps what the answer does not say (a reason picked
 * earlier) and, for the fields listed in `keepTyping` ("notes" or a choice id), the text the
 * user is typing right now, which a save coming back must not overwrite.
 * @param {readonly LensChoice[]} choices the question's choices, in lens order
 * @param {Answer} answer
 * @param {AnswerForm | null} [previous]
 * @param {ReadonlySet<string>} [keepTyping]
 * @returns {AnswerForm}
 */
export function formFromAnswer(choices, answer, previous = null, keepTyping = new Set()) {
  const byChoice = new Map(answer.choiceAnswers.map((ca) => [ca.choiceId, ca]));
  const saved = new Set(answer.selectedChoices);
  /** @type {Record<string, ChoiceState>} */
  const states = {};
  for (const c of choices) {
    if (isNoneOfThese(c)) continue;
    const ca = byChoice.get(c.id);
    const before = previous?.choices[c.id];
    states[c.id] = {
      notApplicable: ca?.status === 'NOT_APPLICABLE',
      reason: ca?.reason ?? before?.reason ?? DEFAULT_REASON,
      notes: keepTyping.has(c.id) && before ? before.notes : ca?.notes ?? '',
    };
  }
  return {
    isApplicable: answer.isApplicable,
    reason: answer.reason && answer.reason !== 'NONE' ? answer.reason : previous?.reason ?? DEFAULT_REASON,
    selected: choices.filter((c) => saved.has(c.id) && !states[c.id]?.notApplicable).map((c) => c.id),
    choices: states,
    notes: keepTyping.has('notes') && previous ? previous.notes : answer.notes ?? '',
  };
}

/**
 * The form after the user checks or unchecks a best practice. "None of these" clears every
 * other selection, and any other choice clears "None of these".
 * @param {AnswerForm} form
 * @param {readonly LensChoice[]} choices
 * @param {string} choiceId
 * @param {boolean} checked
 * @returns {AnswerForm}
 */
export function selectChoice(form, choices, choiceId, checked) {
  const chosen = choices.find((c) => c.id === choiceId);
  if (!chosen || form.choices[choiceId]?.notApplicable) return form;
  const keep = new Set(form.selected);
  if (checked) {
    for (const c of choices) if (c.id !== choiceId && (isNoneOfThese(chosen) || isNoneOfThese(c))) keep.delete(c.id);
    keep.add(choiceId);
  } else {
    keep.delete(choiceId);
  }
  return { ...form, selected: choices.filter((c) => keep.has(c.id)).map((c) => c.id) };
}

/**
 * The form after a best practice is marked as not applying (which unselects it) or unmarked.
 * @param {AnswerForm} form
 * @param {string} choiceId
 * @param {boolean} notApplicable
 * @returns {AnswerForm}
 */
export function markChoiceNotApplicable(form, choiceId, notApplicable) {
  const state = form.choices[choiceId];
  if (!state) return form;
  return {
    ...form,
    selected: notApplicable ? form.selected.filter((id) => id !== choiceId) : form.selected,
    choices: { ...form.choices, [choiceId]: { ...state, notApplicable } },
  };
}

/**
 * The form with one best practice's reason or notes changed.
 * @param {AnswerForm} form
 * @param {string} choiceId
 * @param {Partial<Pick<ChoiceState, 'reason' | 'notes'>>} change
 * @returns {AnswerForm}
 */
export function editChoice(form, choiceId, change) {
  const state = form.choices[choiceId];
  if (!state) return form;
  return { ...form, choices: { ...form.choices, [choiceId]: { ...state, ...change } } };
}

/**
 * The form with the question's own fields changed (applies, its reason, its notes).
 * @param {AnswerForm} form
 * @param {Partial<Pick<AnswerForm, 'isApplicable' | 'reason' | 'notes'>>} change
 * @returns {AnswerForm}
 */
export function editQuestion(form, change) {
  return { ...form, ...change };
}

/**
 * The `updateAnswer` request that saves the form: the full selection, every best practice's
 * status with its notes (and reason when it does not apply), the question's applicability
 * (its reason only when it does not apply) and notes.
 * @param {AnswerForm} form
 * @returns {AnswerUpdate}
 */
export function answerUpdate(form) {
  const selected = new Set(form.selected);
  /** @type {NonNullable<AnswerUpdate['choiceUpdates']>} */
  const choiceUpdates = {};
  for (const [choiceId, state] of Object.entries(form.choices)) {
    choiceUpdates[choiceId] = state.notApplicable
      ? { status: 'NOT_APPLICABLE', reason: state.reason, notes: state.notes }
      : { status: selected.has(choiceId) ? 'SELECTED' : 'UNSELECTED', notes: state.notes };
  }
  /** @type {AnswerUpdate} */
  const update = { selectedChoices: [...form.selected], choiceUpdates, isApplicable: form.isApplicable, notes: form.notes };
  if (!form.isApplicable) update.reason = form.reason;
  return update;
}

// ---- saves in flight --------------------------------------------------------------------------

/**
 * Counts the saves of one question. They run one after another; a refused save drops those
 * queued behind it (they were made on the state it failed to change), and only the last one
 * to finish refills the form, so a quick series of clicks is never undone by an older reply.
 */
export class SaveTracker {
  pending = 0;
  failures = 0;
  /** Notes typed and not yet handed to a save. */
  dirtyNotes = false;

  /** A save is asked for: returns its ticket. */
  start() {
    this.pending += 1;
    this.dirtyNotes = false;
    return { epoch: this.failures };
  }

  /**
   * True when a save failed after this one was queued: it must not run (and is counted done).
   * @param {{epoch: number}} ticket
   */
  dropped(ticket) {
    if (ticket.epoch === this.failures) return false;
    this.pending = Math.max(0, this.pending - 1);
    return true;
  }

  /** The save is stored. True when no later save waits (the form may be refilled). */
  stored() {
    this.pending = Math.max(0, this.pending - 1);
    return this.pending === 0;
  }

  /** The save was refused: the saves queued behind it will be dropped. */
  refused() {
    this.failures += 1;
    this.pending = Math.max(0, this.pending - 1);
  }
}
