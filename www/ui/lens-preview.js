// @ts-check
// A lens as its reviewers will read it, read-only: pillars → questions → choices with their
// titles, descriptions, helpful and improvement texts, links (http/https only, through
// externalLink) and each question's risk rules as written. With an engine Lens at hand every
// question also gets "Try the risk rules" (ui/rule-tryout.js), built when first opened; without
// one it says why not. Every text from the file goes in as text.
import { h, externalLink } from './dom.js';
import { riskBadge } from './risk.js';
import { LENS_RISK } from './format.js';
import { ruleTryout } from './rule-tryout.js';

/** Where a question is: pillar and question index, and its JSON path. @typedef {{pillar: number, question: number, path: string}} Where */

/**
 * A draft's rules as written in its text, and whether a diagnostic points into a path.
 * @typedef {object} DraftRules
 * @property {(where: Where, question: import('../pkg/plumbline.js').LensQuestion) => {condition?: unknown, risk?: unknown}[] | null} rules
 * @property {(path: string) => boolean} hasError
 */

/**
 * A lens file's risk as a badge; a value the format does not have, as written.
 * @param {unknown} risk
 */
function lensRiskBadge(risk) {
  const known = typeof risk === 'string' && Object.hasOwn(LENS_RISK, risk) ? LENS_RISK[/** @type {keyof typeof LENS_RISK} */ (risk)] : null;
  return known ? riskBadge(known) : h('span', String(risk ?? '(no risk)'));
}

/** @param {string} label @param {import('../pkg/plumbline.js').Resource | undefined} r */
function resource(label, r) {
  if (!r || (!r.displayText && !r.url)) return null;
  return h('p.resource', h('span.resource-label', `${label}: `), r.url ? externalLink(r.url, r.displayText) : r.displayText);
}

/** @param {import('../pkg/plumbline.js').AdditionalResources[]} list */
function additional(list) {
  const items = list.flatMap((a) => a.content.map((c) => /** @type {const} */ ([a.type, c])));
  if (!items.length) return null;
  return h('div.additional',
    h('p.resource-label', 'Additional resources'),
    h('ul.links', items.map(([type, c]) => h('li',
      type === 'IMPROVEMENT_PLAN' ? 'Improvement plan: ' : 'Helpful resource: ',
      c.url ? externalLink(c.url, c.displayText) : c.displayText))));
}

/** @param {import('../pkg/plumbline.js').LensChoice} choice */
function choiceItem(choice) {
  return h('li.preview-choice', { dataset: { choiceId: choice.id } },
    h('p.choice-title', h('strong', choice.title), ' ', h('code.id', choice.id)),
    choice.description ? h('p.question-description', choice.description) : null,
    resource('Helpful resource', choice.helpfulResource),
    resource('Improvement plan', choice.improvementPlan),
    additional(choice.additionalResources));
}

/**
 * The rules as written; a draft's may lack a part, or name a risk the format does not have.
 * @param {{condition?: unknown, risk?: unknown}[]} rules
 * @param {(index: number) => boolean} flagged
 */
function ruleList(rules, flagged) {
  const items = rules.map((rule, i) => h('li', { dataset: { rule: String(i) } },
    h('code.condition', String(rule?.condition ?? '')), ' → ',
    lensRiskBadge(rule?.risk),
    flagged(i) ? h('span.severity.severity-error', ' ', h('span', { 'aria-hidden': 'true' }, '⊗ '), 'Has an error (see Results)') : null,
    h('span.rule-matched', { hidden: true }, ' ✓ matched')));
  return h('ol.rule-list', items);
}

/** @typedef {(answer: import('../pkg/plumbline.js').AnswerInput) => import('../pkg/plumbline.js').RiskExplanation} Explain */

/**
 * @param {import('../pkg/plumbline.js').LensQuestion} question
 * @param {HTMLElement} rules the rule list, to mark the rule that matched
 * @param {Explain | null} explain
 * @param {string} unavailable
 */
function tryoutPanel(question, rules, explain, unavailable) {
  const details = h('details.tryout-panel', { dataset: { tryout: question.id } },
    h('summary', 'Try the risk rules', h('span.visually-hidden', `: ${question.title}`)));
  if (!explain) {
    details.append(h('p.tryout-unavailable', unavailable || 'Trying the rules needs a lens without errors.'));
    return details;
  }
  const mark = (/** @type {number | null} */ index) => {
    for (const li of /** @type {HTMLCollectionOf<HTMLElement>} */ (rules.children)) {
      const on = index !== null && li.dataset.rule === String(index);
      li.classList.toggle('matched', on);
      /** @type {HTMLElement} */ (li.querySelector('.rule-matched')).hidden = !on;
    }
  };
  details.addEventListener('toggle', () => {
    if (details.open && !details.dataset.built) {
      details.dataset.built = 'true';
      details.append(ruleTryout(question, explain, mark));
    }
  });
  return details;
}

/**
 * @param {import('../pkg/plumbline.js').LensQuestion} question
 * @param {Where} where
 * @param {{explain: Explain | null, unavailable: string, draft: DraftRules | null}} opts
 */
function questionItem(question, where, opts) {
  const written = opts.draft?.rules(where, question);
  const rules = ruleList(written || question.riskRules, (i) => Boolean(opts.draft?.hasError(`${where.path}.riskRules[${i}]`)));
  return h('li.preview-question', { dataset: { questionId: question.id } },
    h('h4', question.title),
    h('p.subtle', 'Question id ', h('code.id', question.id)),
    question.description ? h('p.question-description', question.description) : null,
    resource('Helpful resource', question.helpfulResource),
    h('p.resource-label', `Choices (${question.choices.length})`),
    h('ul.preview-choices', question.choices.map(choiceItem)),
    h('p.resource-label', 'Risk rules, in order (the first that holds sets the risk)'),
    rules,
    tryoutPanel(question, rules, opts.explain, opts.unavailable));
}

/**
 * lensPreview(model, {explain, unavailable, draft}) → node. `explain` is the engine Lens's
 * explain (bound), or null with `unavailable` saying why the rules cannot be tried. `draft`
 * (a lens with errors) gives the rules as written in the file, `rules({pillar, question,
 * path}, q)`, since the engine's draft model leaves out the rules it could not read, and
 * `hasError(path)` to flag the rules a diagnostic points into.
 * @param {import('../pkg/plumbline.js').LensModel} model
 * @param {object} [options]
 * @param {((answer: import('../pkg/plumbline.js').AnswerInput) => import('../pkg/plumbline.js').RiskExplanation) | null} [options.explain]
 * @param {string} [options.unavailable]
 * @param {DraftRules | null} [options.draft]
 */
export function lensPreview(model, { explain = null, unavailable = '', draft = null } = {}) {
  const opts = { explain, unavailable, draft };
  return h('div.lens-preview',
    model.pillars.map((pillar, pi) => h('section.preview-pillar', { dataset: { pillarId: pillar.id } },
      h('h3', pillar.name, ' ', h('code.id', pillar.id)),
      h('ol.preview-questions', pillar.questions.map((q, qi) =>
        questionItem(q, { pillar: pi, question: qi, path: `pillars[${pi}].questions[${qi}]` }, opts))))));
}
