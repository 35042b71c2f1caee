// @ts-check
// Risk on the spot: the question's risk evaluated in the page with the already-loaded lens
// (the engine's Lens.evaluate, no storage round trip), and risk counts tallied from the risk
// of every question. The review shows these at once and saves afterwards.

const KEYS = ['UNANSWERED', 'HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE'];

/** An `updateAnswer` request as the answer `lens.evaluate` reads. */
export function answerInput(questionId, pillarId, update) {
  const choiceAnswers = Object.entries(update.choiceUpdates || {})
    .filter(([, u]) => u.status === 'NOT_APPLICABLE')
    .map(([choiceId, u]) => ({ choiceId, status: 'NOT_APPLICABLE', reason: u.reason }));
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

/** The risk `lens` gives the question answered by `update`; null when it cannot tell. */
export function evaluateQuestion(lens, questionId, pillarId, update) {
  try {
    const result = lens.evaluate([answerInput(questionId, pillarId, update)]);
    return result.questions.find((x) => x.questionId === questionId)?.risk ?? null;
  } catch (e) {
    console.warn('local evaluation:', e);
    return null;
  }
}

/** Risk counts (all five keys) over `questionIds`, from a Map of question id → risk. */
export function tally(risks, questionIds) {
  const out = Object.fromEntries(KEYS.map((k) => [k, 0]));
  for (const id of questionIds) {
    const r = risks.get(id) || 'UNANSWERED';
    out[r in out ? r : 'UNANSWERED'] += 1;
  }
  return out;
}
