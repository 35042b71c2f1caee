// The labels and date formatting of www/ui/format.js, and the words for damaged records of
// www/ui/damage.js: pure modules of the site, imported straight from www/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, isoDate, answeredOf, label, lensRiskWords, NO_RISKS, IMPROVEMENT_STATUS } from '../../www/ui/format.js';
import { describeRecord, workloadOfRecord, damagedLabel } from '../../www/ui/damage.js';

test('formatDate: an ISO time becomes a local date; nothing is a dash; other text is kept', () => {
  const shown = formatDate('2026-03-01T10:20:00Z');
  assert.notEqual(shown, '2026-03-01T10:20:00Z');
  assert.match(shown, /2026/);
  assert.equal(formatDate(''), '—');
  assert.equal(formatDate(null), '—');
  assert.equal(formatDate(undefined), '—');
  assert.equal(formatDate('not a date'), 'not a date');
});

test('isoDate: the normalised ISO string for <time datetime>, undefined when there is none', () => {
  assert.equal(isoDate('2026-03-01T10:20:00+01:00'), '2026-03-01T09:20:00.000Z');
  assert.equal(isoDate(''), undefined);
  assert.equal(isoDate('soon'), undefined);
});

test('answeredOf: every risk but UNANSWERED counts as answered', () => {
  assert.deepEqual(answeredOf({ UNANSWERED: 3, HIGH: 1, MEDIUM: 2, NONE: 4, NOT_APPLICABLE: 5 }), { answered: 12, total: 15 });
  assert.deepEqual(answeredOf(NO_RISKS), { answered: 0, total: 0 });
  assert.ok(Object.isFrozen(NO_RISKS));
});

test('label: the words of a value, the value itself when the table lacks it', () => {
  assert.equal(label(IMPROVEMENT_STATUS, 'IN_PROGRESS'), 'In Progress');
  assert.equal(label(IMPROVEMENT_STATUS, 'SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(label(IMPROVEMENT_STATUS, undefined), '');
});

test('lensRiskWords: a lens file risk in words; an unknown one as written', () => {
  assert.equal(lensRiskWords('HIGH_RISK'), 'High risk');
  assert.equal(lensRiskWords('NO_RISK'), 'No risk');
  assert.equal(lensRiskWords('SEVERE'), 'SEVERE');
  assert.equal(lensRiskWords('toString'), 'toString', 'not a key of the prototype');
});

test('workloadOfRecord: the workload of workload, answer, review and milestone records only', () => {
  assert.equal(workloadOfRecord('answer/abc/wellarchitected/q1'), 'abc');
  assert.equal(workloadOfRecord('milestone/abc/2'), 'abc');
  assert.equal(workloadOfRecord('customlens/xyz'), null);
  assert.equal(workloadOfRecord(null), null);
});

test('describeRecord: what a damaged record holds, in words, with escaped segments decoded', () => {
  assert.equal(describeRecord('answer/abc/my%20lens/q%2F1'), 'the answer to question “q/1” of lens “my lens”');
  assert.equal(describeRecord('milestone/abc/3'), 'milestone 3');
  assert.equal(describeRecord('review/abc/serverless'), 'the lens notes and pillar notes of lens “serverless”');
  assert.equal(describeRecord('answer/abc/l/%E0%A4%A'), 'the answer to question “%E0%A4%A” of lens “l”', 'a bad escape is shown as stored');
  assert.equal(describeRecord('meta/x'), 'a stored record');
});

test('damagedLabel: the stored name, or a label from the id when the name is unreadable', () => {
  assert.equal(damagedLabel('0123456789abcdef', 'Checkout'), 'Checkout');
  assert.equal(damagedLabel('0123456789abcdef', null), 'Unreadable workload 01234567');
});
