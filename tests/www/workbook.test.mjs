// The spreadsheet export: www/models/workbook.js (sheets as data: names Excel accepts, typed
// cells, formula text neutralised) and www/xlsx.js (the file), read back with read-excel-file
// and unzipped to check the frozen header row and the filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import readExcelFile from 'read-excel-file/node';
import { sheetName, textCell, dateCell, workbookSheets, consolidatedSheets, MAX_SHEET_NAME } from '../../www/models/workbook.js';
import { workbookBlob, consolidatedBlob, XLSX_TYPE } from '../../www/xlsx.js';

const HOSTILE = '=HYPERLINK("http://x")';
const counts = (high, medium) => ({ HIGH: high, MEDIUM: medium, NONE: 1, NOT_APPLICABLE: 0, UNANSWERED: 2 });

/** An exportData() result with two lenses, one with a name Excel refuses as a sheet name. */
function exportData() {
  const practice = (choiceId, title, status, extra = {}) => ({ choiceId, title, noneOfThese: false, status, impact: 'HIGH', ...extra });
  const lens = (lensAlias, lensName) => ({
    review: { lensAlias, lensName, riskCounts: counts(1, 0) },
    answers: [],
    plan: [
      {
        questionId: 'q1', pillarId: 'ops', questionTitle: 'How do you decide?', risk: 'HIGH', bestPractices: [{ title: 'Ask customers' }, { title: 'Check rules' }],
        status: 'POSTPONED', statusReason: 'After the launch', owner: '=Ana', dueDate: '2027-01-15', notes: 'Budget in Q1', resolved: false,
      },
      { questionId: 'q1', pillarId: 'ops', questionTitle: 'How do you decide?', risk: 'NONE', bestPractices: [], status: 'DONE', owner: 'Bo', resolved: true },
    ],
    pillars: [{
      pillarId: 'ops', name: 'Operational Excellence', riskCounts: counts(1, 0),
      questions: [{
        number: 'OPS 1', questionId: 'q1', title: 'How do you decide?', risk: 'HIGH', isApplicable: true, notes: HOSTILE,
        practices: [
          practice('a', 'Ask customers', 'SELECTED', { notes: '-1 point' }),
          practice('b', 'Check rules', 'NOT_APPLICABLE', { reason: 'OUT_OF_SCOPE' }),
          { choiceId: 'q1_no', title: 'None of these', noneOfThese: true, status: 'UNSELECTED' },
        ],
      }],
    }],
  });
  return {
    workload: {
      workloadId: 'w1', workloadName: '@Shop مرحبا 🚀', description: 'Card payments', reviewOwner: 'Team',
      environment: 'PRODUCTION', improvementStatus: 'NOT_STARTED', updatedAt: '2026-11-23T10:00:00Z',
    },
    milestone: { milestoneNumber: 2, milestoneName: 'Q4', recordedAt: '2026-11-20T08:30:00Z' },
    riskCounts: counts(2, 0),
    lenses: [lens('wellarchitected', 'Well-Architected Framework'), lens('custom', 'Ops: [draft] / v2? *very* long name of a lens')],
  };
}

test('sheetName: no forbidden characters, at most 31 characters, unique ignoring case', () => {
  const taken = new Set(['summary']);
  assert.equal(sheetName('Summary', taken), 'Summary (2)');
  assert.equal(sheetName('a[b]c:d*e?f/g\\h', taken), 'a b c d e f g h');
  const long = sheetName('x'.repeat(40), taken);
  assert.equal(long.length, MAX_SHEET_NAME);
  const again = sheetName('X'.repeat(40), taken);
  assert.equal(again.length, MAX_SHEET_NAME);
  assert.match(again, / \(2\)$/);
  assert.equal(sheetName("'quoted'", taken), 'quoted');
  assert.equal(sheetName('[]', taken), 'Sheet');
  assert.equal(sheetName('History', taken), 'History (2)', 'Excel reserves History');
});

test('cells: formula text gets an apostrophe, dates are dates, empty text is an empty cell', () => {
  for (const text of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) assert.deepEqual(textCell(text), { type: 'string', value: `'${text}` });
  assert.deepEqual(textCell('a = b'), { type: 'string', value: 'a = b' });
  assert.equal(textCell(''), null);
  assert.equal(textCell(undefined), null);
  const d = dateCell('2026-11-23T10:00:00Z');
  assert.equal(d?.type, 'date');
  assert.equal(d?.type === 'date' && d.value.toISOString(), '2026-11-23T10:00:00.000Z');
  assert.deepEqual(dateCell('soon'), { type: 'string', value: 'soon' });
});

test('workbookSheets: Summary, one sheet per lens, then the plan in order', () => {
  const sheets = workbookSheets(/** @type {any} */ (exportData()));
  assert.deepEqual(sheets.map((s) => s.name), ['Summary', 'Well-Architected Framework', 'Ops draft v2 very long name of', 'Improvement plan']);
  const lensSheet = sheets[1];
  assert.equal(lensSheet.rows.length, 1 + 3, 'a header and one row per choice');
  assert.ok(lensSheet.rows.flat().every((c) => !c || c.type !== 'string' || !/^[=+\-@\t\r]/.test(c.value)));
  const plan = sheets[3];
  assert.deepEqual(plan.rows.slice(1).map((r) => r[0]), [1, 2, 3, 4].map((value) => ({ type: 'number', value })));
  // The backlog: status words, reason, owner (a formula-looking owner neutralised), the due
  // date as a date, item notes, and whether the question is still at risk.
  const titles = plan.rows[0].map((c) => c?.value);
  const at = (row, title) => plan.rows[row][titles.indexOf(title)];
  assert.deepEqual(at(1, 'Item status'), { type: 'string', value: 'Postponed' });
  assert.deepEqual(at(1, 'Status reason'), { type: 'string', value: 'After the launch' });
  assert.deepEqual(at(1, 'Owner'), { type: 'string', value: "'=Ana" });
  assert.deepEqual(at(1, 'Due date'), { type: 'date', value: new Date('2027-01-15') });
  assert.deepEqual(at(1, 'Item notes'), { type: 'string', value: 'Budget in Q1' });
  assert.deepEqual(at(1, 'Resolved'), { type: 'string', value: 'No' });
  assert.deepEqual(at(2, 'Item status'), { type: 'string', value: 'Done' });
  assert.deepEqual(at(2, 'Resolved'), { type: 'string', value: 'Yes' });
  assert.equal(at(2, 'Due date'), null);
});

/** The XML of `name` inside the zip `bytes` (stored or deflated entries; enough for tests). */
function zipEntry(bytes, name) {
  const buf = Buffer.from(bytes);
  for (let i = 0; i + 30 < buf.length; i++) {
    if (buf.readUInt32LE(i) !== 0x04034b50) continue;
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLength = buf.readUInt16LE(i + 26);
    const extra = buf.readUInt16LE(i + 28);
    const entry = buf.subarray(i + 30, i + 30 + nameLength).toString();
    const start = i + 30 + nameLength + extra;
    if (entry === name) {
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString();
    }
  }
  return null;
}

test('the XLSX file reads back: typed cells, frozen header row, filters on', async () => {
  const blob = await workbookBlob(/** @type {any} */ (exportData()));
  assert.equal(blob.type, XLSX_TYPE);
  const bytes = Buffer.from(await blob.arrayBuffer());
  const sheets = await readExcelFile(bytes);
  assert.deepEqual(sheets.map((s) => s.sheet), ['Summary', 'Well-Architected Framework', 'Ops draft v2 very long name of', 'Improvement plan']);
  const summary = sheets[0].data;
  assert.deepEqual(summary[0].slice(0, 2), ['Property', 'Value']);
  assert.equal(summary.find((r) => r[0] === 'Workload')[1], "'@Shop مرحبا 🚀");
  const updated = summary.find((r) => r[0] === 'Last updated')[1];
  assert.ok(updated instanceof Date, 'dates are dates');
  assert.equal(updated.toISOString(), '2026-11-23T10:00:00.000Z');
  assert.equal(summary.find((r) => r[0] === 'Milestone number')[1], 2);
  const highRow = summary.find((r) => r[1] === 'Operational Excellence');
  assert.equal(highRow[2], 1, 'counts are numbers');
  const lens = sheets[1].data;
  assert.equal(lens[1][9], `'${HOSTILE}`, 'question notes, neutralised');
  assert.equal(lens[1][8], "'-1 point");
  assert.equal(lens[2][5], 'Out of scope');

  // Summary: filters over its table of counts (row 14 on); the others over the whole sheet.
  for (const [index, range] of [[1, 'A14:G18'], [2, 'A1:K4'], [4, 'A1:N5']]) {
    const xml = zipEntry(bytes, `xl/worksheets/sheet${index}.xml`) ?? '';
    assert.match(xml, /<pane [^>]*ySplit="1"[^>]*state="frozen"/, `sheet ${index}: header row frozen`);
    assert.ok(xml.includes(`<autoFilter ref="${range}"/>`), `sheet ${index}: filters over ${range}`);
    assert.ok(xml.indexOf('</sheetData>') < xml.indexOf('<autoFilter'), 'in the order the format requires');
  }
});

test('the consolidated workbook: workloads, pillars, shared improvements', async () => {
  const report = {
    workloads: [{
      workloadId: 'w1', workloadName: '+Shop', reviewOwner: 'Team', updatedAt: '2026-11-23T10:00:00Z', riskCounts: counts(3, 1),
      lenses: [{ lensAlias: 'wellarchitected', lensName: 'Framework', lensVersion: '1', riskCounts: counts(3, 1), pillars: [{ pillarId: 'ops', pillarName: 'Ops', riskCounts: counts(3, 1) }] }],
    }],
    improvements: [{ lensAlias: 'wellarchitected', pillarId: 'ops', questionId: 'q1', questionNumber: 'OPS 1', questionTitle: 'How?', risk: 'HIGH', workloadCount: 1, workloadIds: ['w1'] }],
  };
  assert.deepEqual(consolidatedSheets(/** @type {any} */ (report)).map((s) => s.name), ['Workloads', 'Risks by pillar', 'Shared improvements']);
  const sheets = await readExcelFile(Buffer.from(await (await consolidatedBlob(/** @type {any} */ (report))).arrayBuffer()));
  assert.deepEqual(sheets[0].data[1].slice(0, 1), ["'+Shop"]);
  assert.ok(sheets[0].data[1][2] instanceof Date);
  assert.equal(sheets[0].data[1][3], 3);
  assert.deepEqual(sheets[2].data[1], ['Framework', 'OPS 1', 'How?', 'High risk', 1, "'+Shop"]);
});
