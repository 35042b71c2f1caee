// @ts-check
// The one place the app takes names from: a lens's name, a pillar's name and a question's
// number and title ("OPS 3. How do you…"), all read from the engine's lens model (the lens
// file's own words; the catalog gives the shipped lenses the same names), and small lookups.
// Every page uses these, so a thing is called the same everywhere. Pure.

/** @typedef {import('../pkg/plumbline.js').LensModel} LensModel */
/** @typedef {import('../pkg/plumbline.js').LensPillar} LensPillar */
/** @typedef {import('../pkg/plumbline.js').LensQuestion} LensQuestion */
/** @typedef {{pillar: LensPillar, question: LensQuestion, number: string, index: number}} NumberedQuestion */

/** The framework's pillar prefixes, as the console numbers its questions. @type {Record<string, string>} */
const PREFIX = {
  operationalExcellence: 'OPS',
  security: 'SEC',
  reliability: 'REL',
  performance: 'PERF',
  costOptimization: 'COST',
  sustainability: 'SUS',
};

/**
 * [{pillar, question, number: "OPS 3", index}] in lens order.
 * @param {LensModel} model
 * @returns {NumberedQuestion[]}
 */
export function flatQuestions(model) {
  /** @type {NumberedQuestion[]} */
  const out = [];
  for (const pillar of model.pillars) {
    pillar.questions.forEach((question, i) => {
      const prefix = PREFIX[pillar.id];
      out.push({ pillar, question, number: prefix ? `${prefix} ${i + 1}` : `${i + 1}`, index: out.length });
    });
  }
  return out;
}

/** @param {{number: string, question: {title: string}}} entry */
export function questionHeading(entry) {
  return `${entry.number}. ${entry.question.title}`;
}

/** @param {{id: string}} choice */
export function isNoneOfThese(choice) {
  return String(choice.id).endsWith('_no');
}

/** @param {LensModel} model @param {string} pillarId */
export function pillarName(model, pillarId) {
  return model.pillars.find((p) => p.id === pillarId)?.name || pillarId;
}

/**
 * The lens's own name, as its file gives it ("Well-Architected Framework"), or its alias when
 * the model is missing.
 * @param {LensModel | null | undefined} model @param {string} alias
 */
export function lensName(model, alias) {
  return model?.name || alias;
}
