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

// ---- sayError: what a person reads. The engine messages below are the shapes it throws
// (src/workload/validate.rs, ops/exchange.rs, workspace.rs); the sentences must carry no
// camelCase field name, JSON path, id or backtick, and must name the field by its label.
import { sayError, sayProblem } from '../../www/errors.js';
import { FIELDS, labelOf } from '../../www/field-labels.js';

const validation = (problems) => Object.assign(new Error(`${problems[0].field}: ${problems[0].message}`),
  { kind: 'Validation', field: problems[0].field, problems });
const DEVELOPER_WORDS = /`|\b[a-z]+[A-Z][A-Za-z]*\b|\[\d+\]|\b[0-9a-f]{32}\b/;

test('sayError: every problem of a refused form, each by its label, as sentences', () => {
  const problems = [
    { field: 'workloadName', message: 'must be 3 to 100 characters; this one has 0' },
    { field: 'environment', message: 'is required (PRODUCTION or PREPRODUCTION)' },
    { field: 'accountIds', message: 'an AWS account id is exactly 12 digits; `123` is not' },
    { field: 'architecturalDesign', message: 'must be a URL starting with http://, https:// or ftp:// and without spaces; `javascript:alert(1)` is not' },
  ];
  const said = sayError(validation(problems));
  for (const p of problems) {
    const one = sayProblem(p);
    assert.ok(said.includes(one), `${p.field} is in the whole: ${said}`);
    assert.doesNotMatch(one, DEVELOPER_WORDS, one);
    assert.match(one, /[.!?]$/, `a sentence: ${one}`);
    const mentionsLabel = one.includes(labelOf(p.field)) || one === FIELDS[p.field]?.missing;
    assert.ok(mentionsLabel, `names the field by its label or says what to enter: ${one}`);
  }
  assert.ok(said.includes('“123”'), 'a value the user typed is quoted, not in backticks');
});

test('sayError: an answers file problem names the question, not its path or id', () => {
  const e = Object.assign(new Error('answers file: at AnswerSummaries[0].SelectedChoices[0]: `no_such_choice` is not a choice of question `priorities`'),
    { kind: 'Validation', field: 'answers', path: 'AnswerSummaries[0].SelectedChoices[0]' });
  const title = 'OPS 1. How do you determine what your priorities are?';
  const said = sayError(e, {
    where: (path) => (path.startsWith('AnswerSummaries[0]') ? `the answer to ${title}` : undefined),
    nameOf: (id) => (id === 'priorities' ? title : undefined),
  });
  assert.ok(said.includes(title), said);
  assert.ok(said.includes('“no_such_choice”'), said);
  assert.ok(!said.includes('AnswerSummaries') && !said.includes('`'), said);
  // Without the page's help it is still a sentence without the path.
  const bare = sayError(e);
  assert.ok(!bare.includes('AnswerSummaries') && !bare.includes('`'), bare);
  assert.match(bare, /^The answers file/);
});

test('sayError: NotFound, Conflict and anything else are sentences without ids', () => {
  const id = 'c66f0123456789abcdef0123456789ab';
  const cases = [
    Object.assign(new Error(`workload \`${id}\` does not exist`), { kind: 'NotFound' }),
    Object.assign(new Error(`workload \`${id}\` has no milestone 4`), { kind: 'NotFound' }),
    Object.assign(new Error('workload `x` changed since you read it; nothing was saved; try again'), { kind: 'Conflict' }),
    Object.assign(new Error('disk full'), { kind: 'QuotaExceeded' }),
    Object.assign(new Error('lens has 1 error(s)'), { kind: 'LensInvalid', diagnostics: [
      { severity: 'warning', line: 2, column: 1, message: 'a warning' },
      { severity: 'error', line: 9, column: 20, message: 'unknown choice id `deploy_rollbak` in the condition' }] }),
  ];
  for (const e of cases) {
    const said = sayError(e);
    assert.doesNotMatch(said, DEVELOPER_WORDS, said);
    assert.match(said, /[.!?]$/, said);
  }
  assert.match(sayError(cases[1]), /milestone 4/);
  assert.match(sayError(cases[4]), /1 error\b.*line 9, column 20: Unknown choice id “deploy_rollbak”/);
  assert.match(sayError(new TypeError('Failed to fetch')), /^Something went wrong: Failed to fetch\.$/);
});

test('sayError: a lens in use names its workloads; a backup problem names the entry, not the path', () => {
  const inUse = Object.assign(new Error('lens `Team lens` is used by 2 workload(s): Shop, Blog; remove it from them (and delete their milestones that use it) before deleting it'), { kind: 'Conflict' });
  const said = sayError(inUse);
  assert.match(said, /^Lens “Team lens” is used by 2 workload\(s\): Shop, Blog/);
  assert.doesNotMatch(said, /another tab/);
  const backup = Object.assign(new Error('the backup file cannot be restored: at $.workloads[2].workload.workloadId: expected 32 hexadecimal characters'),
    { kind: 'Validation', field: 'backup', path: '$.workloads[2].workload.workloadId' });
  const restored = sayError(backup);
  assert.match(restored, /workload 3 of the file/);
  assert.doesNotMatch(restored, /\$\.|`|\[\d+\]/, restored);
});

test('sayError: a NotFound the page wrote itself stays as written', () => {
  const own = Object.assign(new Error('This question is not in the lens'), { kind: 'NotFound' });
  assert.equal(sayError(own), 'This question is not in the lens.');
});
