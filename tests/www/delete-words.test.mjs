// The Delete confirmation's words for a workload (www/sync/shared-list.js, deleteConsequences):
// whoever is not an owner of a shared workload is told it goes from this browser only and the
// team keeps it; an owner, that it goes for everyone it is shared with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteConsequences } from '../../www/sync/shared-list.js';

const NAME = 'Payments <API>';

test('contributor and reader: this browser only, the team keeps it, it can be accepted again', () => {
  for (const role of ['contributor', 'reader']) {
    const words = deleteConsequences(NAME, role);
    assert.ok(words.includes(`“${NAME}”`), words);
    assert.match(words, /from this browser only/);
    assert.match(words, /team keeps the workload/);
    assert.match(words, /nothing is sent to the team server/);
    assert.match(words, /accept it again from Workloads shared with you/);
    assert.doesNotMatch(words, /everyone|cannot be undone/);
  }
});

test('a share that was removed: this browser only, and only an owner can bring it back', () => {
  const words = deleteConsequences(NAME, 'removed');
  assert.match(words, /from this browser only/);
  assert.match(words, /no longer shared with you/);
  assert.doesNotMatch(words, /accept it again/);
});

test('owner: deleted for everyone it is shared with; not shared: the plain delete', () => {
  const owner = deleteConsequences(NAME, 'owner');
  assert.match(owner, /for everyone it is shared with/);
  assert.match(owner, /cannot be undone/);
  assert.doesNotMatch(owner, /this browser only/);
  const alone = deleteConsequences(NAME, null);
  assert.match(alone, /also deletes all of its milestones/);
  assert.doesNotMatch(alone, /shared|team/);
});
