// Export answers saves the lens review as AWS ListAnswers JSON; Import answers applies such a
// file to another workload (same counts); a bad file is refused inline, naming the question by
// its number and title (no JSON path), and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { session, openApp, defineWorkloadUI, ROOT } from './support.mjs';
import { bestPractices } from './lens-data.mjs';

const figures = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('#lens-risks [data-count]')].map((dd) => [dd.dataset.count, dd.textContent])));

test('answers go out as AWS JSON and come back into another workload', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const source = await defineWorkloadUI(page, s.server.url, { name: 'Export source' });
    await openApp(page, s.server.url, `#/workloads/${source}/lenses/wellarchitected/review/priorities`);
    await page.locator(`input[data-choice="${bestPractices('priorities')[0]}"]`).check();
    await page.getByText('All changes saved.').waitFor();
    await openApp(page, s.server.url, `#/workloads/${source}/lenses/wellarchitected`);
    const sourceFigures = await figures(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers' }).click()]);
    assert.match(download.suggestedFilename(), /^Export-source-wellarchitected-answers\.json$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const doc = JSON.parse(text);
    assert.equal(doc.WorkloadId, source);
    assert.equal(doc.AnswerSummaries.length, 57);
    assert.equal(doc.AnswerSummaries[0].Risk, 'HIGH');

    const target = await defineWorkloadUI(page, s.server.url, { name: 'Import target' });
    await openApp(page, s.server.url, `#/workloads/${target}/lenses/wellarchitected`);
    // A bad file first: refused, the place named, nothing changed.
    const bad = JSON.parse(text);
    bad.AnswerSummaries[3].SelectedChoices = ['no_such_choice'];
    await page.getByLabel('Answers file to import (JSON)').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: 'Import answers' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not imported' });
    await alert.waitFor();
    // The place in words: the question's number and title, the value quoted; no JSON path.
    const said = await alert.textContent();
    const framework = JSON.parse(fs.readFileSync(path.join(ROOT, 'lenses/wellarchitected.json'), 'utf8'));
    const ops = framework.pillars.find((p) => p.id === 'operationalExcellence').questions;
    const index = ops.findIndex((q) => q.id === bad.AnswerSummaries[3].QuestionId);
    assert.ok(index >= 0, 'the fourth answer is an OPS question');
    assert.ok(said.includes(`the answer to OPS ${index + 1}. ${ops[index].title}`), said);
    assert.ok(said.includes('“no_such_choice”'), said);
    assert.doesNotMatch(said, /AnswerSummaries|`|\[\d+\]/, said);
    assert.equal((await figures(page)).answered, '0/57');

    await page.getByLabel('Answers file to import (JSON)').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Import answers' }).click();
    await page.getByText(/Answers imported: 57 question\(s\) in the file, 1 changed\./).waitFor();
    assert.deepEqual(await figures(page), sourceFigures);
    assert.equal(await alert.isVisible(), false);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
