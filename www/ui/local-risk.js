// @ts-check
// Risk on the spot: the question's risk evaluated in the page with the already-loaded lens
// (the engine's Lens.evaluate, no storage round trip). The review shows it at once and saves
// afterwards; the counts over every question are models/review-model.js's RiskBoard.

/** @typedef {import('../pkg/plumbline.js').AnswerUpdate} AnswerUpdate */
/** @typedef {import('../pkg/plumbline.js').AnswerInput} AnswerInput */
/** @typedef {import('../pkg/plumbline.js').Risk} Risk */

/**
 * An `updateAnswer` request as the answer `lens.evaluate` reads.
 * @param {string} questionId
 * @param {string} pillarId
 * @param {AnswerUpdate} update
 * @returns {AnswerInput}
 */
export function answerInput(questionId, pillarId, update) {
  const choiceAnswers = Object.entries(update.choiceUpdates || {})
    .filter(([, u]) => u.status === 'NOT_APPLICABLE')
    .map(([choiceId, u]) => ({ choiceId, status: /** @type {const} */ ('NOT_APPLICABLE'), reason: u.reason }));
  /** @type {AnswerInput} */
  const input = {
    questionId,
    pillarId,
    selectedChoices: update.selectedChoices || [],
    choiceAnswers,
    isApplicable: update.isApplicable !== false,
  };
  if (update.isApplicable === false && update.reason) input.reason = update.reason;
  return input;
}

/**
 * The risk `lens` gives the question answered by `update`; null when it cannot tell.
 * @param {import('../pkg/plumbline.js').Lens} lens
 * @param {string} questionId
 * @param {string} pillarId
 * @param {AnswerUpdate} update
 * @returns {Risk | null}
 */
export function evaluateQuestion(lens, questionId, pillarId, update) {
  try {
    const result = lens.evaluate([answerInput(questionId, pillarId, update)]);
    return result.questions.find((x) => x.questionId === questionId)?.risk ?? null;
  } catch (e) {
    console.warn('local evaluation:', e);
    return null;
  }
}
