// @ts-check
// Small helpers over the plain lens model: question numbering ("OPS 3."), lookups.

const PREFIX = {
  operationalExcellence: 'OPS',
  security: 'SEC',
  reliability: 'REL',
  performance: 'PERF',
  costOptimization: 'COST',
  sustainability: 'SUS',
};

/** [{pillar, question, number: "OPS 3", index}] in lens order. */
export function flatQuestions(model) {
  const out = [];
  for (const pillar of model.pillars) {
    pillar.questions.forEach((question, i) => {
      const prefix = PREFIX[pillar.id];
      out.push({ pillar, question, number: prefix ? `${prefix} ${i + 1}` : `${i + 1}`, index: out.length });
    });
  }
  return out;
}

export function questionHeading(entry) {
  return `${entry.number}. ${entry.question.title}`;
}

export function isNoneOfThese(choice) {
  return String(choice.id).endsWith('_no');
}

export function pillarName(model, pillarId) {
  return model.pillars.find((p) => p.id === pillarId)?.name || pillarId;
}
