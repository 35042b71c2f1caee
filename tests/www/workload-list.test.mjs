// The Workloads list's state (www/models/workload-list.js): read from and written to the
// address, search by name / owner / tag, risk and status filters, and every column's sort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readState, stateRoute, sortedBy, matchesSearch, visibleWorkloads, DEFAULT_STATE, SORT_COLUMNS,
} from '../../www/models/workload-list.js';

const STATUSES = ['NOT_APPLICABLE', 'NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'RISK_ACKNOWLEDGED'];
const counts = (HIGH, MEDIUM) => ({ HIGH, MEDIUM, NONE: 0, NOT_APPLICABLE: 0, UNANSWERED: 0 });

/** @returns {import('../../www/models/workload-list.js').WorkloadSummary} */
function workload(name, { owner = 'Team', tags = {}, high = 0, medium = 0, answered = 0, status = 'NOT_APPLICABLE', updated = '2026-01-01T00:00:00Z' } = {}) {
  return /** @type {any} */ ({
    workloadId: name, workloadName: name, reviewOwner: owner, tags, riskCounts: counts(high, medium),
    questionsAnswered: answered, questionCount: 10, improvementStatus: status, updatedAt: updated,
  });
}

const label = (s) => ({ NOT_APPLICABLE: 'None', IN_PROGRESS: 'In Progress', COMPLETE: 'Complete' })[s] ?? s;

test('the address round-trips the state, and the default state is the plain list', () => {
  assert.equal(stateRoute(DEFAULT_STATE), '#/workloads');
  const state = { q: 'pay ments', risk: /** @type {const} */ ('high'), status: 'IN_PROGRESS', sort: /** @type {const} */ ('name'), dir: /** @type {const} */ ('asc') };
  const route = stateRoute(state);
  assert.equal(route, '#/workloads?q=pay+ments&risk=high&status=IN_PROGRESS&sort=name&dir=asc');
  assert.deepEqual(readState(new URLSearchParams(route.split('?')[1]), STATUSES), state);
});

test('an unknown value in the address falls back to the default', () => {
  const state = readState(new URLSearchParams('sort=colour&dir=up&risk=some&status=DONE'), STATUSES);
  assert.deepEqual(state, DEFAULT_STATE);
  assert.equal(readState(new URLSearchParams('sort=high'), STATUSES).dir, 'desc', 'counts start largest first');
  assert.equal(readState(new URLSearchParams('sort=name'), STATUSES).dir, 'asc', 'names start A→Z');
});

test('a click on the sorted column turns it around; another column starts in its own direction', () => {
  const byName = sortedBy(DEFAULT_STATE, 'name');
  assert.deepEqual([byName.sort, byName.dir], ['name', 'asc']);
  assert.equal(sortedBy(byName, 'name').dir, 'desc');
  assert.deepEqual([sortedBy(byName, 'high').sort, sortedBy(byName, 'high').dir], ['high', 'desc']);
});

test('search finds every word in the name, the owner or a tag, ignoring case', () => {
  const w = workload('Checkout service', { owner: 'Payments team', tags: { costCenter: 'CC-42' } });
  assert.ok(matchesSearch(w, 'checkout'));
  assert.ok(matchesSearch(w, 'PAYMENTS'));
  assert.ok(matchesSearch(w, 'cc-42'), 'a tag value');
  assert.ok(matchesSearch(w, 'costcenter'), 'a tag key');
  assert.ok(matchesSearch(w, 'checkout payments'), 'two words in two places');
  assert.ok(!matchesSearch(w, 'checkout billing'));
  assert.ok(matchesSearch(w, '   '), 'blank finds everything');
});

test('filters by risk and by improvement status', () => {
  const list = [
    workload('A high', { high: 2, status: 'IN_PROGRESS' }),
    workload('B medium', { medium: 1 }),
    workload('C clean', { status: 'COMPLETE' }),
  ];
  const names = (state) => visibleWorkloads(list, { ...DEFAULT_STATE, sort: 'name', dir: 'asc', ...state }, label).map((w) => w.workloadName);
  assert.deepEqual(names({ risk: 'high' }), ['A high']);
  assert.deepEqual(names({ risk: 'medium' }), ['B medium']);
  assert.deepEqual(names({ risk: 'none' }), ['C clean']);
  assert.deepEqual(names({ status: 'COMPLETE' }), ['C clean']);
  assert.deepEqual(names({ status: 'NOT_APPLICABLE' }), ['B medium']);
  assert.deepEqual(names({ risk: 'high', status: 'COMPLETE' }), []);
});

test('every column sorts both ways, ties in name order', () => {
  const list = [
    workload('Beta', { high: 1, medium: 3, answered: 5, status: 'COMPLETE', updated: '2026-03-01T00:00:00Z' }),
    workload('alpha', { high: 1, medium: 1, answered: 9, status: 'IN_PROGRESS', updated: '2026-01-01T00:00:00Z' }),
    workload('Gamma 10', { high: 4, medium: 0, answered: 1, status: 'NOT_APPLICABLE', updated: '2026-02-01T00:00:00Z' }),
    workload('Gamma 9', { high: 0, medium: 2, answered: 2, status: 'NOT_APPLICABLE', updated: '2026-04-01T00:00:00Z' }),
  ];
  const order = (sort, dir) => visibleWorkloads(list, { ...DEFAULT_STATE, sort, dir }, label).map((w) => w.workloadName);
  const expected = {
    name: ['alpha', 'Beta', 'Gamma 9', 'Gamma 10'],
    answered: ['Gamma 10', 'Gamma 9', 'Beta', 'alpha'],
    high: ['Gamma 9', 'alpha', 'Beta', 'Gamma 10'],
    medium: ['Gamma 10', 'alpha', 'Gamma 9', 'Beta'],
    status: ['Beta', 'alpha', 'Gamma 9', 'Gamma 10'],
    updated: ['alpha', 'Gamma 10', 'Beta', 'Gamma 9'],
  };
  for (const { key } of SORT_COLUMNS) {
    assert.deepEqual(order(key, 'asc'), expected[key], `${key} ascending`);
  }
  assert.deepEqual(order('updated', 'desc'), ['Gamma 9', 'Beta', 'Gamma 10', 'alpha']);
  assert.deepEqual(order('high', 'desc'), ['Gamma 10', 'alpha', 'Beta', 'Gamma 9'], 'a tie keeps the name order both ways');
});
