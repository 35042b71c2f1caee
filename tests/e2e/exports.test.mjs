// Exports from the app, each file saved by a real download and opened by a real reader: the
// workload's Export panel (XLSX read back, CSV parsed, JSON parsed, Markdown rendered with no
// raw HTML left, tracker files), a milestone's, the consolidated report (page, XLSX, JSON,
// CSV), answers files with notes; the XLSX writer is not part of the first load and works
// offline; the report prints to a PDF with the summary first, a page per pillar and the
// workload and date at the top of every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import readExcelFile from 'read-excel-file/node';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { session, openApp, defineWorkloadUI, waitForView, answerAndSaveMilestone, axe } from './support.mjs';
import { assertClean } from './harness.mjs';
import { bestPractices, noneOfThese, framework } from './lens-data.mjs';

// pdfjs-dist 6 uses Promise.withResolvers, which Node has from 22 on (the README asks for 20).
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x")';

/** Clicks `click` and resolves to the download's file name and bytes. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(/** @type {string} */ (await file.path())) };
}

/** The Export panel's download of `format` (its option value). */
async function exportAs(page, format, lens = '') {
  const panel = page.locator('section.export-panel');
  await panel.getByLabel('Format', { exact: true }).selectOption(format);
  await panel.getByLabel('Lens', { exact: true }).selectOption(lens);
  const file = await download(page, () => panel.getByRole('button', { name: 'Download' }).click());
  await panel.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();
  return file;
}

const csvRows = (bytes) => parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true });

/** Defines a workload with a high-risk question carrying hostile notes. */
async function reviewed(s, name) {
  const { page } = s;
  const id = await defineWorkloadUI(page, s.server.url, { name });
  await openApp(page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
  await page.locator(`input[data-choice="${noneOfThese('priorities')}"]`).check();
  await page.getByRole('textbox', { name: 'Notes – optional' }).fill(`${FORMULA} ${XSS}`);
  await page.getByRole('button', { name: 'Save and exit' }).click();
  await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
  return id;
}

test('every format downloads from the workload page and opens in its reader', { timeout: 240_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const scripts = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    const id = await reviewed(s, `Shop ${XSS}`);
    assert.ok(!scripts.some((u) => /xlsx/.test(u)), 'the spreadsheet writer is not loaded before it is needed');

    await openApp(page, s.server.url, `#/workloads/${id}`);
    // The panel works from the keyboard: Format, Lens, then Download with Enter.
    const panel = page.locator('section.export-panel');
    await panel.getByLabel('Format', { exact: true }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), await panel.getByLabel('Lens', { exact: true }).getAttribute('id'));
    await page.keyboard.press('Tab');
    const [byKeyboard] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(byKeyboard.suggestedFilename(), /\.xlsx$/, 'the first format is the spreadsheet');
    const xlsx = await exportAs(page, 'xlsx');
    assert.equal(xlsx.name, 'shop-img-src-x-onerror-alert-1.xlsx');
    assert.ok(scripts.some((u) => /\/xlsx-[A-Z0-9]+\.js/.test(u)), 'loaded on the first spreadsheet export');
    const sheets = await readExcelFile(xlsx.bytes);
    // The lens sheet is named as the engine names the lens (its review's lensName).
    assert.equal(sheets.length, 3);
    assert.equal(sheets[0].sheet, 'Summary');
    assert.match(sheets[1].sheet, /Well-Architected Framework$/);
    assert.equal(sheets[2].sheet, 'Improvement plan');
    const practiceRows = sheets[1].data.slice(1);
    const choices = framework.pillars.flatMap((p) => p.questions).reduce((n, q) => n + q.choices.length, 0);
    assert.equal(practiceRows.length, choices, 'one row per best practice');
    assert.ok(practiceRows.some((r) => r.includes(`'${FORMULA} ${XSS}`)), 'notes neutralised');
    assert.ok(sheets[0].data.find((r) => r[0] === 'Last updated')[1] instanceof Date);
    assert.equal(sheets[2].data[1][0], 1, 'the plan is numbered with numbers');

    const csv = await exportAs(page, 'csv');
    assert.equal(csv.name, 'shop-img-src-x-onerror-alert-1.csv');
    const rows = csvRows(csv.bytes);
    assert.equal(rows.length, 1 + choices);
    assert.ok(rows.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell)));

    const json = JSON.parse((await exportAs(page, 'json')).bytes.toString('utf8'));
    assert.equal(json.workload.workloadId, id);
    assert.equal(json.lensReviews[0].improvementPlan[0].questionId, 'priorities');

    const md = await exportAs(page, 'markdown');
    assert.equal(md.name, 'shop-img-src-x-onerror-alert-1.md');
    const html = await marked.parse(md.bytes.toString('utf8'));
    assert.doesNotMatch(html, /<img/i, 'no raw HTML survives');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);

    const issues = JSON.parse((await exportAs(page, 'github')).bytes.toString('utf8'));
    assert.equal(issues.length, 1);
    // The ticket filters show for tracker formats only, and narrow the items.
    const filters = panel.getByRole('group', { name: 'Improvement items that become tickets' });
    assert.ok(await filters.isVisible(), 'shown for a tracker format');
    await filters.getByLabel('Risk').selectOption({ label: 'Medium risk only' });
    assert.deepEqual(JSON.parse((await exportAs(page, 'github')).bytes.toString('utf8')), [], 'the item is at high risk');
    await filters.getByLabel('Risk').selectOption({ label: 'High and medium risk' });
    await filters.getByLabel('Pillar').selectOption({ label: 'Security' });
    assert.deepEqual(JSON.parse((await exportAs(page, 'github')).bytes.toString('utf8')), [], 'the item is in Operational Excellence');
    await filters.getByLabel('Pillar').selectOption({ label: 'All pillars' });
    await panel.getByLabel('Format', { exact: true }).selectOption('csv');
    assert.ok(await filters.isHidden(), 'hidden for a file that is not a tracker import');
    const jira = await exportAs(page, 'jira', 'wellarchitected');
    assert.equal(jira.name, 'shop-img-src-x-onerror-alert-1-jira.csv');
    assert.ok(csvRows(jira.bytes).length >= 3);
    const azure = await exportAs(page, 'azure-devops');
    assert.ok(csvRows(azure.bytes)[0].includes('Work Item Type'));
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});

test('a milestone exports its frozen state; the consolidated report is a page and three files; offline too', { timeout: 240_000 }, async () => {
  // bypassCSP: axe-core is injected as an inline script, which the app's policy blocks.
  const s = await session({ browser: { bypassCSP: true } });
  try {
    const { page } = s;
    const id = await reviewed(s, 'Payments');
    await reviewed(s, `Blog ${FORMULA}`);
    await answerAndSaveMilestone(page, s.server.url, id, { questionId: 'priorities', choices: bestPractices('priorities'), notes: 'fixed', milestone: 'Fixed' });
    await openApp(page, s.server.url, `#/workloads/${id}/milestones/1`);
    const frozen = JSON.parse((await exportAs(page, 'json')).bytes.toString('utf8'));
    assert.equal(frozen.milestone.milestoneName, 'Fixed');
    const sheets = await readExcelFile((await exportAs(page, 'xlsx')).bytes);
    assert.equal(sheets[0].data.find((r) => r[0] === 'Milestone')[1], 'Fixed');

    await openApp(page, s.server.url, '#/dashboard');
    await page.getByRole('link', { name: 'Consolidated report' }).click();
    await waitForView(page, /\/dashboard\/consolidated$/);
    const shared = page.locator('tr[data-question-id="priorities"]');
    assert.match(await shared.textContent(), /OPS 1 · .*High risk1Blog =HYPERLINK/, 'only Blog still has the high risk');
    assert.deepEqual(await axe(page), [], 'the consolidated report page passes axe-core');
    const workbook = await download(page, () => page.getByRole('button', { name: 'Download XLSX' }).click());
    assert.equal(workbook.name, 'consolidated-report.xlsx');
    const book = await readExcelFile(workbook.bytes);
    assert.deepEqual(book.map((x) => x.sheet), ['Workloads', 'Risks by pillar', 'Shared improvements']);
    assert.deepEqual(book[0].data.slice(1).map((r) => r[0]), [`Blog ${FORMULA}`, 'Payments']);
    const json = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Download JSON' }).click())).bytes.toString('utf8'));
    assert.equal(json.workloads.length, 2);
    const csv = csvRows((await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click())).bytes);
    assert.equal(csv[0][0], 'Workload');
    await page.getByLabel('Show').selectOption('serverless');
    await waitForView(page, /\/dashboard\/consolidated\/serverless$/);
    await page.getByText('No workload to report on').waitFor();

    // Offline: the service worker has every file, the spreadsheet chunk included.
    await openApp(page, s.server.url, `#/workloads/${id}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await s.context.setOffline(true);
    await page.reload();
    await page.locator('section.export-panel').waitFor();
    const offline = await readExcelFile((await exportAs(page, 'xlsx')).bytes);
    assert.equal(offline[0].sheet, 'Summary');
    await s.context.setOffline(false);
  } finally {
    await s.done();
  }
});

test('answers files carry notes when asked; the report prints as a paginated PDF', { timeout: 240_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const id = await reviewed(s, 'Printed "workload"');
    await openApp(page, s.server.url, `#/workloads/${id}/lenses/wellarchitected`);
    const plain = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export answers' }).click())).bytes.toString('utf8'));
    assert.equal(plain.AnswerSummaries[0].Notes, undefined);
    await page.getByLabel('Include notes').check();
    const noted = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export answers' }).click())).bytes.toString('utf8'));
    assert.equal(noted.AnswerSummaries[0].Notes, `${FORMULA} ${XSS}`);

    await openApp(page, s.server.url, `#/workloads/${id}/report`);
    const report = page.locator('article.report');
    await report.waitFor();
    const summary = report.locator('section.report-summary');
    assert.match(await summary.textContent(), /Top improvement items.*OPS 1\. /s);
    const props = await report.locator('section', { hasText: 'Workload properties' }).first().textContent();
    assert.match(props, /Pillar priority.*Operational Excellence, Security, Reliability/s, 'pillar names, not ids');
    assert.doesNotMatch(props, /operationalExcellence/);
    const q = report.locator('.report-question[data-question-id="priorities"]');
    assert.equal((await q.textContent()).match(/OPS 1\./g)?.length, 1);
    assert.equal(await report.locator('ul.answer-list').evaluateAll((els) => els.every((e) => getComputedStyle(e).listStyleType === 'none')), true, 'no list numbers before "OPS 1."');
    const unansweredLists = report.locator('.report-unanswered');
    assert.equal(await unansweredLists.count(), framework.pillars.length, 'one short list per pillar');
    assert.equal(await report.getByText('Unanswered', { exact: true }).count(), 0, 'no per-question "Unanswered" line');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', displayHeaderFooter: false });
    await page.emulateMedia({ media: 'screen' });
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    assert.ok(pages.length > framework.pillars.length, `${pages.length} pages: the summary, then at least one per pillar`);
    assert.match(pages[0], /Summary/);
    assert.doesNotMatch(pages[0], /Workload properties/, 'the summary has the first page to itself');
    for (const p of pages) {
      assert.match(p, /Printed "workload"/, 'the workload at the top of every page');
      assert.match(p, /Page \d+ of \d+/);
    }
    if (process.env.DUMP_PDF) fs.writeFileSync(process.env.DUMP_PDF, pages.join('\n=====\n'));
    // Compared without spaces: the PDF's text splits ligatures ("E ffi ciency").
    const squash = (/** @type {string} */ t) => t.replace(/\s+/g, '');
    const squashed = pages.map(squash);
    for (const pillar of framework.pillars) {
      const titles = pillar.questions.map((x) => squash(x.title).slice(0, 30));
      const first = squashed.findIndex((p, i) => i > 0 && titles.some((t) => p.includes(t)));
      assert.ok(first > 0, `${pillar.name} is printed`);
      assert.ok(squashed[first].includes(squash(pillar.name)), `${pillar.name}: its heading is on its first page`);
      assert.ok(!titles.some((t) => squashed[first - 1].includes(t)), `${pillar.name} starts a page`);
    }
    assert.equal(await page.locator('.site-header').isVisible(), true);
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});
