// Pure helpers of the site, imported straight from www/: line:column back to offsets in the
// lens text (ui/text-position.js), an answer update as the engine evaluates it
// (ui/local-risk.js), and question numbering (ui/lens-text.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineRange, columnOffset } from '../../www/ui/text-position.js';
import { answerInput } from '../../www/ui/local-risk.js';
import { flatQuestions, questionHeading, pillarName, lensName } from '../../www/ui/lens-text.js';

test('lineRange: lines end at \\n, \\r\\n or a lone \\r; past the end is null', () => {
  const text = 'one\r\ntwo\rthree\nfour';
  assert.deepEqual(lineRange(text, 1), { start: 0, end: 3 });
  assert.equal(text.slice(lineRange(text, 2).start, lineRange(text, 2).end), 'two');
  assert.equal(text.slice(lineRange(text, 3).start, lineRange(text, 3).end), 'three');
  assert.equal(text.slice(lineRange(text, 4).start, lineRange(text, 4).end), 'four');
  assert.equal(lineRange(text, 5), null);
});

test('columnOffset: columns count code points, so a character outside the BMP is one column', () => {
  const line = 'a😀b';
  assert.equal(columnOffset(line, 0, line.length, 3), 3, 'the emoji takes two UTF-16 units');
  assert.equal(line[columnOffset(line, 0, line.length, 3)], 'b');
  assert.equal(columnOffset(line, 0, line.length, 99), line.length, 'capped at the line end');
});

test('answerInput: the update as lens.evaluate reads it, waived choices and the reason kept', () => {
  const input = answerInput('q1', 'p', {
    selectedChoices: ['a'],
    choiceUpdates: { b: { status: 'NOT_APPLICABLE', reason: 'OTHER', notes: 'x' }, c: { status: 'UNSELECTED' } },
    isApplicable: false,
    reason: 'OUT_OF_SCOPE',
  });
  assert.deepEqual(input, {
    questionId: 'q1', pillarId: 'p', selectedChoices: ['a'],
    choiceAnswers: [{ choiceId: 'b', status: 'NOT_APPLICABLE', reason: 'OTHER' }],
    isApplicable: false, reason: 'OUT_OF_SCOPE',
  });
  assert.equal(answerInput('q1', 'p', { isApplicable: true, reason: 'OTHER' }).reason, undefined,
    'a reason only where the question does not apply');
});

test('flatQuestions: numbered per pillar with the console prefix, indexed over the lens', () => {
  const q = (id) => ({ id, title: `Title ${id}`, description: '', choices: [], riskRules: [] });
  const model = { schemaVersion: '2021-11-01', name: 'L', description: '', pillars: [
    { id: 'security', name: 'Security', questions: [q('s1'), q('s2')] },
    { id: 'custom', name: 'Custom', questions: [q('c1')] },
  ] };
  const entries = flatQuestions(model);
  assert.deepEqual(entries.map((e) => [e.number, e.index]), [['SEC 1', 0], ['SEC 2', 1], ['1', 2]]);
  assert.equal(questionHeading(entries[1]), 'SEC 2. Title s2');
  assert.equal(pillarName(model, 'custom'), 'Custom');
  assert.equal(pillarName(model, 'gone'), 'gone');
});

test('lensName: the lens model\'s own name, else its alias', () => {
  const model = /** @type {any} */ ({ name: 'Team Lens', pillars: [] });
  assert.equal(lensName(model, 'abc'), 'Team Lens');
  assert.equal(lensName(null, 'serverless'), 'serverless');
  assert.equal(lensName(/** @type {any} */ ({ name: '', pillars: [] }), 'serverless'), 'serverless');
});
