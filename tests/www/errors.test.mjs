// Reading what a catch caught (www/errors.js): the engine's errors by their kind, anything
// else by its words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineErrorOf, kindOf, errorText } from '../../www/errors.js';

const engineError = (kind, message) => Object.assign(new Error(message), { kind });

test('engineErrorOf and kindOf: only an Error carrying a kind is the engine\'s', () => {
  const conflict = engineError('Conflict', 'changed meanwhile');
  assert.equal(engineErrorOf(conflict), conflict);
  assert.equal(kindOf(conflict), 'Conflict');
  assert.equal(engineErrorOf(new TypeError('x')), null);
  assert.equal(kindOf({ kind: 'Conflict', message: 'a plain object' }), undefined, 'not an Error');
  assert.equal(kindOf(undefined), undefined);
});

test('errorText: the message of an Error, the text of anything else', () => {
  assert.equal(errorText(engineError('Validation', 'workloadName: too short')), 'workloadName: too short');
  assert.equal(errorText('offline'), 'offline');
  assert.equal(errorText(new Error('')), 'Error', 'an Error without a message still says something');
  assert.equal(errorText(null), 'null');
});
