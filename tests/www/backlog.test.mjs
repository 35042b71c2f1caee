// The backlog editor's pure parts (www/ui/backlog-editor.js): an engine error worded for a
// person (the field's label, no code name, no backticks) and the words for each status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldMessage } from '../../www/ui/backlog-editor.js';
import { statusLabel, ITEM_STATUS } from '../../www/ui/format.js';

test('fieldMessage: the label replaces the field name the engine puts first; code quotes become quotes', () => {
  assert.equal(
    fieldMessage('Due date', 'dueDate', 'dueDate: must be a date written YYYY-MM-DD, such as 2027-03-31; `31/03` is not'),
    'Due date must be a date written YYYY-MM-DD, such as 2027-03-31; "31/03" is not');
  // A message without the prefix keeps all its words.
  assert.equal(fieldMessage('Owner', 'owner', 'must be at most 100 characters'), 'Owner must be at most 100 characters');
  // Another field's name at the start is not taken off.
  assert.equal(fieldMessage('Reason', 'statusReason', 'notes: x'), 'Reason notes: x');
});

test('statusLabel: every status has its words; an item never edited reads as Open', () => {
  assert.deepEqual(ITEM_STATUS.map(([v]) => v), ['OPEN', 'IN_PROGRESS', 'DONE', 'POSTPONED', 'RISK_ACKNOWLEDGED']);
  assert.equal(statusLabel('RISK_ACKNOWLEDGED'), 'Risk acknowledged');
  assert.equal(statusLabel(undefined), 'Open');
  assert.equal(new Set(ITEM_STATUS.map(([, t]) => t)).size, ITEM_STATUS.length);
});
