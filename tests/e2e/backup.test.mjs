// Back up workspace → wipe the browser profile → Restore from backup gives back an identical
// workspace; a second restore over changed data asks per item and keeps both when told to.
// Everything through the Settings page, in real Chromium, on the app's default store (the
// PouchDB store over IndexedDB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { session, launch, openApp, waitForView, defineWorkloadUI, rmProfile, answerAndSaveMilestone } from './support.mjs';
import { bestPractices } from './lens-data.mjs';
import { customLens } from './custom-lens.mjs';

/** The Backup section's own status line (the live region repeats it). */
const status = (page, text) => page.locator('[data-section="backup"] p[role="status"]', { hasText: text });

/** Clicks "Back up workspace" and returns the downloaded file's text and name. */
async function backUp(page, url) {
  await openApp(page, url, '#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Back up workspace' }).click(),
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-backup-')), download.suggestedFilename());
  await download.saveAs(file);
  await status(page, 'Workspace backed up.').waitFor();
  return { name: download.suggestedFilename(), file, text: fs.readFileSync(file, 'utf8') };
}

/** Chooses the file and clicks "Restore from backup": the preview appears. */
async function preview(page, url, file) {
  await openApp(page, url, '#/settings');
  await page.getByLabel('Backup file to restore (JSON)').setInputFiles(file);
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await page.locator('[data-restore-preview]').waitFor();
}

const withoutTime = (text) => {
  const file = JSON.parse(text);
  delete file.exportedAt;
  return file;
};

test('back up, wipe the profile, restore: the same workspace', { timeout: 180_000 }, async () => {
  // Unbundled (www/ as it is): the test drives the app's own modules (api.js).
  const s = await session({ keepProfile: true, server: { dev: true } });
  let second;
  try {
    const id = await defineWorkloadUI(s.page, s.server.url, { name: 'Backed-up workload' });
    await answerAndSaveMilestone(s.page, s.server.url, id, {
      questionId: 'priorities', choices: bestPractices('priorities'), notes: 'Notes that must survive', milestone: 'Before the backup',
    });
    // A custom lens with a published version and a newer draft, through the app's own module.
    await s.page.evaluate(async (text) => {
      const api = await import(new URL('api.js', location.href).href);
      const { lensAlias } = await api.importLens(text);
      await api.createLensVersion(lensAlias, '1.0');
      await api.importLens(text.replace('Workbench Test Lens', 'Workbench Test Lens, draft 2'), lensAlias);
    }, JSON.stringify(customLens()));

    const first = await backUp(s.page, s.server.url);
    assert.match(first.name, /^plumbline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(first.text);
    assert.equal(file.workloads.length, 1);
    assert.equal(file.customLenses.length, 1);
    assert.equal(file.workloads[0].milestones.length, 1);
    assert.ok(first.text.includes('Notes that must survive'));

    // Wipe: the browser and its whole profile are gone; a new profile starts empty.
    await s.context.close();
    rmProfile(s.profile);
    second = await launch();
    await openApp(second.page, s.server.url, '#/workloads');
    assert.doesNotMatch(await second.page.locator('main').textContent(), /Backed-up workload/);

    await preview(second.page, s.server.url, first.file);
    const states = await second.page.locator('[data-restore-preview] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status));
    assert.deepEqual(states, ['new', 'new']);
    await second.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await status(second.page, 'Restored 2 item(s).').waitFor();

    const again = await backUp(second.page, s.server.url);
    assert.deepEqual(withoutTime(again.text), withoutTime(first.text), 'backup → wipe → restore → backup is the same file');
    await openApp(second.page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.equal(await second.page.getByRole('textbox', { name: 'Notes – optional' }).inputValue(), 'Notes that must survive');
    await openApp(second.page, s.server.url, `#/workloads/${id}/milestones`);
    assert.match(await second.page.locator('tbody').textContent(), /Before the backup/);

    // Change the workload, restore the old file: it asks, and "Keep both" adds a copy.
    await openApp(second.page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await second.page.getByRole('textbox', { name: 'Notes – optional' }).fill('Changed after the restore');
    await second.page.getByRole('button', { name: 'Save and exit' }).click();
    await waitForView(second.page, /^\/workloads\/[0-9a-f]{32}$/);
    // …and the custom lens's draft: two items now differ from the backup.
    await second.page.evaluate(async () => {
      const api = await import(new URL('api.js', location.href).href);
      const custom = (await api.lenses()).find((l) => l.lensType === 'CUSTOM_SELF');
      const text = await api.exportLens(custom.lensAlias);
      await api.importLens(text.replace('draft 2', 'draft 3'), custom.lensAlias);
    });
    await preview(second.page, s.server.url, first.file);
    const row = second.page.locator(`[data-restore-preview] tr[data-item-id="${id}"]`);
    assert.equal(await row.getAttribute('data-status'), 'conflict');
    const conflicts = second.page.locator('[data-restore-preview] tr[data-status="conflict"]');
    assert.equal(await conflicts.count(), 2);
    // One choice for all, then one row changed back: per item or for all, as the user likes.
    await second.page.getByLabel('For every item that exists here with other content').selectOption('keepBoth');
    assert.deepEqual(await conflicts.locator('select').evaluateAll((ss) => ss.map((x) => x.value)), ['keepBoth', 'keepBoth']);
    await conflicts.filter({ hasText: 'Custom lens' }).getByRole('combobox').selectOption('keepMine');
    await second.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await status(second.page, /Copies: "Backed-up workload \(restored\)"\./).waitFor();
    await openApp(second.page, s.server.url, '#/workloads');
    const list = await second.page.locator('tbody').textContent();
    assert.match(list, /Backed-up workload \(restored\)/);
    await openApp(second.page, s.server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.equal(await second.page.getByRole('textbox', { name: 'Notes – optional' }).inputValue(), 'Changed after the restore', 'mine was kept');
    assert.deepEqual(second.errors, []);
  } finally {
    await second?.context.close().catch(() => {});
    await s.done();
  }
});

test('a file that is not a backup is refused with where, and nothing changes', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    await defineWorkloadUI(s.page, s.server.url, { name: 'Untouched workload' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-backup-'));
    const answers = path.join(dir, 'answers.json');
    fs.writeFileSync(answers, JSON.stringify({ AnswerSummaries: [] }));
    await openApp(s.page, s.server.url, '#/settings');
    await s.page.getByLabel('Backup file to restore (JSON)').setInputFiles(answers);
    await s.page.getByRole('button', { name: 'Restore from backup' }).click();
    const alert = s.page.locator('[data-section="backup"] [role="alert"]');
    await alert.waitFor();
    const said = await alert.textContent();
    assert.match(said, /cannot be restored\. Not a Plumbline workspace backup.*Nothing was changed\./);
    assert.doesNotMatch(said, /\$\.|`/, 'no JSON path in the sentence');
    await openApp(s.page, s.server.url, '#/workloads');
    assert.match(await s.page.locator('tbody').textContent(), /Untouched workload/);
  } finally {
    await s.done();
  }
});
