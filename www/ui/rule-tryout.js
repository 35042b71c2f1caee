// @ts-check
// "Try the risk rules" for one question of a lens: its choices as checkboxes, "Mark not
// applicable" per choice (never on a "None of these" choice), "Question does not apply", and,
// on every change, the risk the engine gives the answer and the rule that matched (first match
// wins; `default` last). The engine's `lens.explain(answer)` decides; the boxes then show the
// answer as the engine read it. Only the click order is ours (design.md): choosing "None of
// these" clears the others, choosing another clears "None of these".
import { h, nextId } from './dom.js';
import { riskBadge } from './risk.js';
import { isNoneOfThese } from './lens-text.js';
import { lensRiskWords } from './format.js';
import { sayError } from '../errors.js';

/**
 * ruleTryout(question, explain, onMatch) → node. `explain(answer)` is the engine's
 * `lens.explain`; `onMatch(index|null)` lets the rule list mark the matched rule.
 * @param {import('../pkg/plumbline.js').LensQuestion} question
 * @param {(answer: import('../pkg/plumbline.js').AnswerInput) => import('../pkg/plumbline.js').RiskExplanation} explain
 * @param {(index: number | null) => void} [onMatch]
 */
export function ruleTryout(question, explain, onMatch) {
  const rows = question.choices.map((choice) => {
    const id = nextId('try');
    const box = h('input', { type: 'checkbox', id, dataset: { choice: choice.id } });
    const none = isNoneOfThese(choice);
    let na = null;
    let naLine = null;
    if (!none) {
      const naId = nextId('try-na');
      na = h('input', { type: 'checkbox', id: naId, dataset: { choiceNa: choice.id } });
      naLine = h('div.choice-line.choice-na', na,
        h('label', { for: naId }, 'Mark not applicable', h('span.visually-hidden', `: ${choice.title}`)));
    }
    return { choice, box, na, none, node: h('li.choice', h('div.choice-main', box, h('label', { for: id }, choice.title)), naLine) };
  });
  const qnaId = nextId('try-qna');
  const questionNa = h('input', { type: 'checkbox', id: qnaId, dataset: { questionNa: question.id } });
  const result = h('div.tryout-result', { role: 'status', 'aria-live': 'polite' });

  /** @returns {import('../pkg/plumbline.js').AnswerInput} */
  function answer() {
    return {
      questionId: question.id,
      selectedChoices: rows.filter((r) => r.box.checked).map((r) => r.choice.id),
      choiceAnswers: rows.filter((r) => r.na?.checked).map((r) => ({ choiceId: r.choice.id, status: /** @type {const} */ ('NOT_APPLICABLE') })),
      isApplicable: !questionNa.checked,
    };
  }

  function update() {
    let x;
    try {
      x = explain(answer());
    } catch (e) {
      result.replaceChildren(h('p.error-text', `The engine could not evaluate this answer. ${sayError(e)}`));
      onMatch?.(null);
      return;
    }
    for (const r of rows) {
      r.box.checked = x.selectedChoices.includes(r.choice.id);
      if (r.na) r.na.checked = x.notApplicableChoices.includes(r.choice.id);
      r.box.disabled = questionNa.checked || Boolean(r.na?.checked);
      if (r.na) r.na.disabled = questionNa.checked;
    }
    result.replaceChildren(
      h('p', h('span.tryout-label', 'Risk: '), h('span', { dataset: { tryRisk: x.risk } }, riskBadge(x.risk))),
      h('p', { dataset: { matchedRule: x.matchedRule ?? 'none' } }, matchedText(x)));
    onMatch?.(x.matchedRule);
  }

  /** @param {import('../pkg/plumbline.js').RiskExplanation} x */
  function matchedText(x) {
    const rules = question.riskRules;
    if (x.risk === 'NOT_APPLICABLE') return 'No rule is checked: the question does not apply.';
    if (x.risk === 'UNANSWERED' && x.matchedRule === null && !x.selectedChoices.length && !x.notApplicableChoices.length) {
      return 'No rule is checked yet: with nothing selected the question is unanswered.';
    }
    if (x.matchedRule === null || !rules[x.matchedRule]) return 'No rule matched this answer.';
    const rule = rules[x.matchedRule];
    return [`Matched rule ${x.matchedRule + 1} of ${rules.length}: `, h('code.condition', rule.condition),
      ` → ${lensRiskWords(rule.risk)}`];
  }

  for (const r of rows) {
    r.box.addEventListener('change', () => {
      if (r.box.checked) {
        for (const o of rows) if (o !== r && (r.none || o.none)) o.box.checked = false;
      }
      update();
    });
    const na = r.na;
    na?.addEventListener('change', () => {
      if (na.checked) for (const o of rows) if (o.none) o.box.checked = false;
      update();
    });
  }
  questionNa.addEventListener('change', update);
  update();

  return h('div.tryout',
    h('fieldset.choices',
      h('legend', 'Choices', h('span.visually-hidden', ` for: ${question.title}`)),
      h('ul.choice-list', rows.map((r) => r.node))),
    h('div.choice-line', questionNa, h('label', { for: qnaId }, 'Question does not apply', h('span.visually-hidden', `: ${question.title}`))),
    result);
}
