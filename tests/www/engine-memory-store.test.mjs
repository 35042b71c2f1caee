// The engine's memory store (src/wasm/store/memory.js, `storage: "memory"`), on its own, and
// the rules of a commit it shares with the IndexedDB store (src/wasm/store/indexeddb.js): all
// or nothing, stale revisions refused, a record whose revision cannot be read replaced only by
// name, the engine's revision on every write; the prefix listing in id order, and deletion. The API tests of the package run every workspace operation on it
// too; these pin the contract where a mistake would otherwise show only as a wrong count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../../src/wasm/store/memory.js';
import { precondition, storedRevision } from '../../src/wasm/store/indexeddb.js';

const put = (id, body, rev, expectedRev = null) => ({ id, expectedRev, body, rev });

test('a record written reads back with the revision the engine made; absent is null', async () => {
  const store = memoryStore();
  assert.equal(store.kind, 'memory');
  assert.equal(await store.get('w/1'), null);
  assert.deepEqual(await store.commit([put('w/1', { a: 1 }, '1-aa')]), ['1-aa']);
  assert.deepEqual(await store.get('w/1'), { rev: '1-aa', body: { a: 1 } });
});

test('list and listRaw: only the prefix, in id order', async () => {
  const store = memoryStore();
  await store.commit([put('w/b', 2, '1-b'), put('x/a', 0, '1-x'), put('w/a', 1, '1-a'), put('w/', 3, '1-e')]);
  assert.deepEqual(await store.list('w/'), [
    { id: 'w/', rev: '1-e', body: 3 },
    { id: 'w/a', rev: '1-a', body: 1 },
    { id: 'w/b', rev: '1-b', body: 2 },
  ]);
  assert.deepEqual((await store.listRaw('w/a')).map((r) => [r.id, r.stored]), [['w/a', { rev: '1-a', body: 1 }]]);
  assert.deepEqual(await store.list('none/'), []);
});

test('a stale revision refuses the whole commit, naming the record, and changes nothing', async () => {
  const store = memoryStore();
  await store.commit([put('w/1', 'one', '1-a'), put('w/2', 'two', '1-b')]);
  await assert.rejects(
    store.commit([put('w/1', 'ONE', '2-a', '1-a'), put('w/2', 'TWO', '2-b', '9-zz')]),
    { kind: 'Conflict', id: 'w/2' },
  );
  // A record that must not exist yet, but does.
  await assert.rejects(store.commit([put('w/1', 'again', '1-c')]), { kind: 'Conflict', id: 'w/1' });
  assert.deepEqual((await store.list('w/')).map((r) => [r.rev, r.body]), [['1-a', 'one'], ['1-b', 'two']]);
});

test('deleting needs the current revision and answers ""; the id can be written again', async () => {
  const store = memoryStore();
  await store.commit([put('w/1', 'one', '1-a')]);
  await assert.rejects(store.commit([{ id: 'w/1', expectedRev: null, body: null }]), { kind: 'Conflict' });
  assert.deepEqual(await store.commit([{ id: 'w/1', expectedRev: '1-a', body: null }]), ['']);
  assert.equal(await store.get('w/1'), null);
  assert.deepEqual(await store.commit([put('w/1', 'new', '1-n')]), ['1-n']);
});

test('a write without the revision the engine makes is refused, and nothing is written', async () => {
  const store = memoryStore();
  await assert.rejects(store.commit([put('w/1', 'one', '1-a'), put('w/2', 'two', undefined)]), {
    kind: 'Backend',
    message: 'the write of `w/2` carries no revision',
  });
  assert.deepEqual(await store.list('w/'), []);
});

test('precondition (shared with the IndexedDB store): a record whose revision cannot be read', () => {
  const write = (expectedRev, body = 1) => ({ id: 'w/bad', expectedRev, body, rev: '1-n' });
  // Replaced or deleted only by a write that names it unreadable (repair, delete).
  assert.equal(precondition(write('unreadable'), null), null);
  assert.equal(precondition(write('unreadable', null), null), null);
  assert.deepEqual(precondition(write('3-ab'), null), { kind: 'Corrupted', message: 'its revision cannot be read', id: 'w/bad' });
  assert.deepEqual(precondition(write(null), null), { kind: 'Corrupted', message: 'its revision cannot be read', id: 'w/bad' });
  // "unreadable" is no revision of a readable record.
  assert.equal(precondition(write('unreadable'), '3-ab').kind, 'Conflict');
  assert.equal(precondition(write('3-ab'), '3-ab'), null);
  assert.equal(precondition(write(null), undefined), null);
});

test('storedRevision: only a string rev of an object counts', () => {
  assert.equal(storedRevision({ rev: '2-a', body: 1 }), '2-a');
  for (const damaged of ['text', null, 7, [], { rev: 7 }, { body: 1 }]) assert.equal(storedRevision(damaged), null, JSON.stringify(damaged));
});
