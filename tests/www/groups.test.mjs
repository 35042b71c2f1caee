// Grouping helpers of two pages: the compared questions by how their risk moved
// (www/models/compare-groups.js) and the dashboard's pillars by lens (www/models/pillar-groups.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeGroups, unchanged } from '../../www/models/compare-groups.js';
import { groupPillars } from '../../www/models/pillar-groups.js';

const q = (questionId, change) => ({ questionId, change });
const lens = (changed, same, versions = ['1', '1']) => /** @type {any} */ ({
  changedQuestions: changed, sameRiskQuestions: same, lensVersionBefore: versions[0], lensVersionAfter: versions[1],
});

test('changeGroups: worse first, then better, answered, unanswered, same risk; empty groups left out; lens order inside', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  const l = lens([q('d', 'IMPROVED'), q('a', 'WORSENED'), q('c', 'RECLASSIFIED'), q('b', 'IMPROVED')], [q('e', 'SAME_RISK'), q('x', 'SAME_RISK')]);
  const groups = changeGroups(l, (id) => order.indexOf(id));
  assert.deepEqual(groups.map((g) => [g.key, g.questions.map((x) => x.questionId)]), [
    ['worse', ['a']],
    ['better', ['b', 'd']],
    ['same', ['c', 'e', 'x']],
  ], 'a question the model does not know comes last');
  assert.deepEqual(changeGroups(lens([], []), () => 0), []);
});

test('unchanged: no question changed and the same lens version', () => {
  assert.equal(unchanged(lens([], [])), true);
  assert.equal(unchanged(lens([], [q('a', 'SAME_RISK')])), false);
  assert.equal(unchanged(lens([q('a', 'WORSENED')], [])), false);
  assert.equal(unchanged(lens([], [], ['1', '2'])), false, 'a new lens version is worth a section');
});

test('groupPillars: each pillar under the first lens that has it, unclaimed ones last', () => {
  const pillars = ['security', 'ops', 'reliability', 'mystery', 'sec'].map((pillarId) => ({ pillarId }));
  const groups = groupPillars(pillars, [
    { lensAlias: 'wellarchitected', lensName: 'Framework', pillarIds: ['ops', 'security', 'reliability'] },
    { lensAlias: 'serverless', lensName: 'Serverless', pillarIds: ['security'] },
    { lensAlias: 'custom', lensName: 'Custom', pillarIds: ['sec', 'ops'] },
  ]);
  assert.deepEqual(groups.map((g) => [g.lensName, g.pillars.map((p) => p.pillarId)]), [
    ['Framework', ['security', 'ops', 'reliability']],
    ['Custom', ['sec']],
    ['Other pillars', ['mystery']],
  ]);
});
