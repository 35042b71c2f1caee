// The review page's state (www/models/review-model.js), imported straight from the site's
// source: navigation, the answer form and the request it saves, the risk board, and the
// bookkeeping of saves in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  position, questionMark, RiskBoard, formFromAnswer, selectChoice, markChoiceNotApplicable,
  editChoice, editQuestion, answerUpdate, SaveTracker, isNoneOfThese,
} from '../../www/models/review-model.js';

const choice = (id) => ({ id, title: id, additionalResources: [] });
const CHOICES = [choice('q1_a'), choice('q1_b'), choice('q1_c'), choice('q1_no')];
const question = (id) => ({ id, title: id, description: '', choices: CHOICES, riskRules: [] });
const PILLAR_A = { id: 'a', name: 'A', questions: [question('q1'), question('q2')] };
const PILLAR_B = { id: 'b', name: 'B', questions: [question('q3')] };
const ENTRIES = [
  { pillar: PILLAR_A, question: PILLAR_A.questions[0], index: 0 },
  { pillar: PILLAR_A, question: PILLAR_A.questions[1], index: 1 },
  { pillar: PILLAR_B, question: PILLAR_B.questions[0], index: 2 },
];

/** A saved answer as the engine returns it, with only what the model reads varying. */
function answer(fields = {}) {
  return {
    lensAlias: 'l', questionId: 'q1', pillarId: 'a', questionTitle: 'q1', questionDescription: '',
    choices: [], selectedChoices: [], choiceAnswers: [], isApplicable: true, risk: 'UNANSWERED',
    revision: '', ...fields,
  };
}

test('position: the named question with its neighbours in lens order, across pillars', () => {
  const at = position(ENTRIES, 'q2', new Map());
  assert.equal(at.current.question.id, 'q2');
  assert.equal(at.previous.question.id, 'q1');
  assert.equal(at.next.question.id, 'q3');
  const last = position(ENTRIES, 'q3', new Map());
  assert.equal(last.next, null);
  assert.equal(position(ENTRIES, 'q1', new Map()).previous, null);
});

test('position: without a question, the first unanswered one; the first when all are answered', () => {
  const risks = new Map([['q1', 'HIGH'], ['q2', 'UNANSWERED']]);
  assert.equal(position(ENTRIES, undefined, risks).current.question.id, 'q2');
  const all = new Map([['q1', 'NONE'], ['q2', 'NOT_APPLICABLE'], ['q3', 'MEDIUM']]);
  assert.equal(position(ENTRIES, undefined, all).current.question.id, 'q1');
});

test('position: a question the lens does not have is null', () => {
  assert.equal(position(ENTRIES, 'nope', new Map()), null);
});

test('questionMark: Done once answered, N/A when it does not apply, nothing before', () => {
  assert.equal(questionMark('HIGH'), 'Done');
  assert.equal(questionMark('NONE'), 'Done');
  assert.equal(questionMark('NOT_APPLICABLE'), 'N/A');
  assert.equal(questionMark('UNANSWERED'), '');
  assert.equal(questionMark(undefined), '');
});

test('RiskBoard: counts carry all five keys, a change on the spot moves them', () => {
  const board = new RiskBoard(['q1', 'q2', 'q3'], [{ questionId: 'q1', risk: 'HIGH' }]);
  assert.deepEqual(board.counts(), { UNANSWERED: 2, HIGH: 1, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
  board.set('q2', 'NOT_APPLICABLE');
  assert.deepEqual(board.counts(), { UNANSWERED: 1, HIGH: 1, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 1 });
  assert.deepEqual(board.progress(['q1', 'q2']), { done: 2, total: 2 });
  assert.deepEqual(board.progress(['q3']), { done: 0, total: 1 });
});

test('formFromAnswer: selections in lens order, a not-applicable choice never selected', () => {
  const form = formFromAnswer(CHOICES, answer({
    selectedChoices: ['q1_c', 'q1_a', 'q1_b'],
    choiceAnswers: [{ choiceId: 'q1_b', status: 'NOT_APPLICABLE', reason: 'OTHER', notes: 'later' }],
    notes: 'n',
  }));
  assert.deepEqual(form.selected, ['q1_a', 'q1_c']);
  assert.deepEqual(form.choices.q1_b, { notApplicable: true, reason: 'OTHER', notes: 'later' });
  assert.equal(form.choices.q1_no, undefined, '"None of these" has no state of its own');
  assert.equal(form.notes, 'n');
  assert.equal(form.reason, 'OUT_OF_SCOPE');
});

test('formFromAnswer: keeps a reason picked before and the text being typed', () => {
  const before = editChoice(editQuestion(formFromAnswer(CHOICES, answer()), { reason: 'OTHER', notes: 'typing…' }),
    'q1_a', { reason: 'BUSINESS_PRIORITIES', notes: 'mine' });
  const after = formFromAnswer(CHOICES, answer({ notes: 'stored', choiceAnswers: [{ choiceId: 'q1_a', status: 'UNSELECTED', notes: 'old' }] }),
    before, new Set(['notes', 'q1_a']));
  assert.equal(after.notes, 'typing…');
  assert.equal(after.choices.q1_a.notes, 'mine');
  assert.equal(after.choices.q1_a.reason, 'BUSINESS_PRIORITIES');
  assert.equal(after.reason, 'OTHER');
  const replaced = formFromAnswer(CHOICES, answer({ notes: 'stored' }), before);
  assert.equal(replaced.notes, 'stored', 'without keepTyping the saved notes win');
});

test('selectChoice: "None of these" clears the others, and any other choice clears it', () => {
  let form = formFromAnswer(CHOICES, answer({ selectedChoices: ['q1_a', 'q1_b'] }));
  form = selectChoice(form, CHOICES, 'q1_no', true);
  assert.deepEqual(form.selected, ['q1_no']);
  form = selectChoice(form, CHOICES, 'q1_c', true);
  assert.deepEqual(form.selected, ['q1_c']);
  form = selectChoice(form, CHOICES, 'q1_a', true);
  assert.deepEqual(form.selected, ['q1_a', 'q1_c']);
  form = selectChoice(form, CHOICES, 'q1_c', false);
  assert.deepEqual(form.selected, ['q1_a']);
});

test('selectChoice: a choice marked not applicable cannot be selected', () => {
  const form = markChoiceNotApplicable(formFromAnswer(CHOICES, answer()), 'q1_b', true);
  assert.deepEqual(selectChoice(form, CHOICES, 'q1_b', true).selected, []);
});

test('markChoiceNotApplicable: unselects the choice; "None of these" cannot be marked', () => {
  const form = formFromAnswer(CHOICES, answer({ selectedChoices: ['q1_a', 'q1_b'] }));
  const marked = markChoiceNotApplicable(form, 'q1_a', true);
  assert.deepEqual(marked.selected, ['q1_b']);
  assert.equal(marked.choices.q1_a.notApplicable, true);
  assert.equal(form.choices.q1_a.notApplicable, false, 'the earlier form is unchanged');
  assert.equal(markChoiceNotApplicable(form, 'q1_no', true), form);
});

test('answerUpdate: the full request, with reasons only where something does not apply', () => {
  let form = formFromAnswer(CHOICES, answer());
  form = selectChoice(form, CHOICES, 'q1_a', true);
  form = markChoiceNotApplicable(form, 'q1_b', true);
  form = editChoice(form, 'q1_b', { reason: 'ARCHITECTURE_CONSTRAINTS', notes: 'legacy' });
  form = editQuestion(form, { notes: 'why' });
  assert.deepEqual(answerUpdate(form), {
    selectedChoices: ['q1_a'],
    choiceUpdates: {
      q1_a: { status: 'SELECTED', notes: '' },
      q1_b: { status: 'NOT_APPLICABLE', reason: 'ARCHITECTURE_CONSTRAINTS', notes: 'legacy' },
      q1_c: { status: 'UNSELECTED', notes: '' },
    },
    isApplicable: true,
    notes: 'why',
  });
  const notApplying = answerUpdate(editQuestion(form, { isApplicable: false, reason: 'BUSINESS_PRIORITIES' }));
  assert.equal(notApplying.isApplicable, false);
  assert.equal(notApplying.reason, 'BUSINESS_PRIORITIES');
});

test('isNoneOfThese: the ids ending in _no', () => {
  assert.equal(isNoneOfThese({ id: 'q1_no' }), true);
  assert.equal(isNoneOfThese({ id: 'q1_note' }), false);
});

test('SaveTracker: only the last save refills; a refusal drops the saves queued behind it', () => {
  const saves = new SaveTracker();
  saves.dirtyNotes = true;
  const first = saves.start();
  const second = saves.start();
  assert.equal(saves.dirtyNotes, false, 'a save takes the typed notes with it');
  assert.equal(saves.dropped(first), false);
  assert.equal(saves.stored(), false, 'a later save still waits');
  assert.equal(saves.dropped(second), false);
  assert.equal(saves.stored(), true);

  const failing = saves.start();
  const behind = saves.start();
  assert.equal(saves.dropped(failing), false);
  saves.refused();
  assert.equal(saves.dropped(behind), true);
  assert.equal(saves.pending, 0);
  const fresh = saves.start();
  assert.equal(saves.dropped(fresh), false, 'a save asked after the refusal runs');
});
