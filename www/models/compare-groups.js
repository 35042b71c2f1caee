// @ts-check
// The questions of one compared lens, grouped by how their risk moved — worse first, because
// that is what a reviewer acts on — with the answers changed at the same risk as a group of
// their own rather than left out. Pure: no DOM, unit-tested in tests/www/.

/** @typedef {import('../pkg/plumbline.js').LensComparison} LensComparison */
/** @typedef {import('../pkg/plumbline.js').QuestionChange} QuestionChange */
/** @typedef {import('../pkg/plumbline.js').RiskChange} RiskChange */

/**
 * The groups in the order the page shows them; each takes the changes listed.
 * @type {{key: string, title: string, changes: RiskChange[]}[]}
 */
export const CHANGE_GROUPS = [
  { key: 'worse', title: 'Risk got worse', changes: ['WORSENED'] },
  { key: 'better', title: 'Risk got better', changes: ['IMPROVED'] },
  { key: 'answered', title: 'Newly answered', changes: ['ANSWERED'] },
  { key: 'unanswered', title: 'No longer answered', changes: ['UNANSWERED'] },
  // NONE ↔ NOT_APPLICABLE is a different risk at the same level: to a reader, the same risk.
  { key: 'same', title: 'Same risk, answer changed', changes: ['RECLASSIFIED', 'SAME_RISK'] },
];

/**
 * The non-empty groups of `lens`, each with its questions in lens order. `position` gives a
 * question's place in the lens (unknown questions last), to merge the two lists the engine
 * returns.
 * @param {LensComparison} lens
 * @param {(questionId: string) => number} position
 * @returns {{key: string, title: string, questions: QuestionChange[]}[]}
 */
export function changeGroups(lens, position) {
  const all = [...lens.changedQuestions, ...lens.sameRiskQuestions];
  const place = (/** @type {QuestionChange} */ q) => {
    const p = position(q.questionId);
    return p < 0 ? Number.MAX_SAFE_INTEGER : p;
  };
  return CHANGE_GROUPS
    .map((g) => ({
      key: g.key,
      title: g.title,
      questions: all.filter((q) => g.changes.includes(q.change)).sort((a, b) => place(a) - place(b)),
    }))
    .filter((g) => g.questions.length > 0);
}

/**
 * Whether a lens has nothing to show: no answer changed and the same lens version on both
 * sides (its counts then cannot differ either).
 * @param {LensComparison} lens
 */
export function unchanged(lens) {
  return lens.changedQuestions.length === 0 && lens.sameRiskQuestions.length === 0
    && lens.lensVersionBefore === lens.lensVersionAfter;
}
