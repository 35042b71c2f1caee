// The Lenses workbench (#/lenses): a broken lens file gives the engine's exact codes and
// line:column, Show in text selects the reported line, unreadable files are refused with a
// message, a valid lens is previewed and its risk rules tried with the real engine, and a
// built-in lens opens read-only in the preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { session, openApp, waitForView } from './support.mjs';
import { assertClean } from './harness.mjs';
import { customLens } from './custom-lens.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-lenses-'));
const tmpFile = (name, content) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

// Line 15 has a trailing comma; without it, line 19 names a choice that does not exist and the
// rules have no default (18:24, where riskRules' array starts).
const BROKEN = `{
  "schemaVersion": "2021-11-01",
  "name": "Broken lens",
  "description": "A lens with mistakes.",
  "pillars": [
    {
      "id": "ops",
      "name": "Operations",
      "questions": [
        {
          "id": "deploy",
          "title": "How do you deploy?",
          "description": "Deployments.",
          "choices": [
            { "id": "deploy_ci", "title": "CI pipeline", "helpfulResource": { "displayText": "CI" }, "improvementPlan": { "displayText": "Add CI" }, },
            { "id": "deploy_no", "title": "None of these", "helpfulResource": { "displayText": "None" } }
          ],
          "riskRules": [
            { "condition": "deploy_ci && deploy_rollbak", "risk": "NO_RISK" },
            { "condition": "deploy_no", "risk": "HIGH_RISK" }
          ]
        }
      ]
    }
  ]
}
`;

const rowsOf = (page) => page.locator('[data-results] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
  severity: tr.dataset.severity,
  code: tr.dataset.code,
  at: tr.querySelector('[data-position]').textContent,
  path: tr.querySelector('code.json-path').textContent,
  shown: tr.cells[0].textContent.trim(),
})));

const selection = (page) => page.locator('textarea.lens-text').evaluate((t) => ({
  focused: document.activeElement === t,
  text: t.value.slice(t.selectionStart, t.selectionEnd),
}));

async function openWorkbench(page, url) {
  await openApp(page, url, '#/lenses');
  await page.getByRole('heading', { level: 1, name: 'Lenses' }).waitFor();
}

test('a broken lens file: the exact codes and line:column, and Show in text selects the line', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openWorkbench(page, server.url);
    assert.equal(await page.locator('nav [data-nav="lenses"]').getAttribute('aria-current'), 'page');

    await page.getByLabel('Choose a lens file').setInputFiles(tmpFile('trailing-comma.json', BROKEN));
    await page.locator('[data-summary]').filter({ hasText: '1 error, 0 warnings' }).waitFor();
    assert.deepEqual(await rowsOf(page), [{ severity: 'error', code: 'json-trailing-comma', at: '15:148', path: '(root)', shown: '⊗ Error' }]);
    assert.match(await page.locator('[data-preview]').textContent(), /No preview: the structure of the lens could not be read/);
    await page.getByRole('button', { name: 'Show in text for line 15 (json-trailing-comma)' }).click();
    assert.deepEqual(await selection(page), { focused: true, text: BROKEN.split('\n')[14] });

    const fixed = BROKEN.replace('"Add CI" }, },', '"Add CI" } },');
    await page.getByLabel('Choose a lens file').setInputFiles(tmpFile('unknown-id.json', fixed));
    await page.locator('[data-summary]').filter({ hasText: '2 errors, 0 warnings' }).waitFor();
    assert.deepEqual((await rowsOf(page)).map((r) => `${r.code} ${r.at} ${r.path}`), [
      'missing-default-rule 18:24 pillars[0].questions[0].riskRules',
      'unknown-choice-id 19:42 pillars[0].questions[0].riskRules[0].condition',
    ]);
    assert.equal(await page.getByLabel('Lens JSON').inputValue(), fixed, 'the file is shown in the text box');
    await page.getByRole('button', { name: 'Show in text for line 19 (unknown-choice-id)' }).click();
    assert.deepEqual(await selection(page), { focused: true, text: fixed.split('\n')[18] });

    // A draft with errors is previewed, but its rules cannot be tried.
    const preview = page.locator('[data-preview]');
    await preview.getByRole('heading', { name: 'Preview: Broken lens' }).waitFor();
    const rules = await preview.locator('[data-question-id="deploy"] .rule-list li').allTextContents();
    assert.match(rules[0], /^deploy_ci && deploy_rollbak → .*No risk ⊗ Has an error \(see Results\)/, 'a rule the engine could not read is shown as written, flagged');
    assert.match(rules[1], /^deploy_no → .*High risk/);
    assert.equal(rules.length, 2);
    await preview.locator('summary').first().click();
    assert.match(await preview.locator('.tryout-unavailable').first().textContent(), /unavailable: the lens has 2 errors/);
    assert.equal(await preview.locator('input[type="checkbox"]').count(), 0);

    // Files the engine never sees: binary, not UTF-8; and one over the size limit, which it refuses.
    const error = page.locator('[data-lens-error]');
    await page.getByLabel('Choose a lens file').setInputFiles(tmpFile('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
    await error.filter({ hasText: 'is a binary file, not a lens' }).waitFor();
    assert.equal(await page.locator('[data-results]').isHidden(), true);
    await page.getByLabel('Choose a lens file').setInputFiles(tmpFile('latin1.json', Buffer.from('{"name": "Caf\xe9"}', 'latin1')));
    await error.filter({ hasText: '"latin1.json" is not UTF-8 text' }).waitFor();
    await page.getByLabel('Choose a lens file').setInputFiles(tmpFile('huge.json', `{"name": "${'x'.repeat(500_000)}"}`));
    await page.locator('[data-summary]').filter({ hasText: '1 error, 0 warnings' }).waitFor();
    assert.equal((await rowsOf(page))[0].code, 'file-too-large');
    assert.match(await page.locator('[data-results] tbody').textContent(), /the limit is 500,000 bytes/);
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});

test('a pasted lens: preview, and trying its rules with the engine', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openWorkbench(page, server.url);
    await page.getByLabel('Lens JSON').fill(JSON.stringify(customLens(), null, 2));
    await page.getByRole('button', { name: 'Check lens' }).click();
    await page.locator('[data-summary]').filter({ hasText: 'No problems found' }).waitFor();
    assert.equal(await page.locator('[data-results] table').count(), 0);

    const q = page.locator('[data-question-id="deploy"]');
    assert.match(await q.locator('.rule-list').textContent(), /deploy_ci && deploy_rollback → .*No risk.*deploy_ci → .*Medium risk.*default → .*High risk/);
    await q.getByText('Try the risk rules').click();
    const risk = () => q.locator('[data-try-risk]').getAttribute('data-try-risk');
    const matched = () => q.locator('[data-matched-rule]').getAttribute('data-matched-rule');
    const box = (id) => q.locator(`input[data-choice="${id}"]`);
    assert.equal(await risk(), 'UNANSWERED');
    assert.equal(await matched(), 'none');

    await box('deploy_ci').check();
    assert.equal(await risk(), 'MEDIUM');
    assert.equal(await matched(), '1');
    assert.match(await q.locator('[data-matched-rule]').textContent(), /^Matched rule 2 of 3: deploy_ci → Medium risk$/);
    assert.match(await q.locator('.rule-list li.matched').textContent(), /^deploy_ci → .*Medium risk ✓ matched$/);

    await box('deploy_rollback').check();
    assert.deepEqual([await risk(), await matched()], ['NONE', '0']);

    await box('deploy_no').check();
    assert.deepEqual([await risk(), await matched()], ['HIGH', '2']);
    assert.equal(await box('deploy_ci').isChecked(), false, 'None of these clears the others');
    assert.equal(await box('deploy_rollback').isChecked(), false);
    assert.equal(await q.locator('input[data-choice-na="deploy_no"]').count(), 0, 'None of these cannot be marked not applicable');
    await box('deploy_ci').check();
    assert.equal(await box('deploy_no').isChecked(), false, 'another choice clears None of these');
    assert.deepEqual([await risk(), await matched()], ['MEDIUM', '1']);

    // A choice marked not applicable counts as true in a condition, and cannot be selected too.
    await q.getByLabel('Mark not applicable: Automated rollback').check();
    assert.deepEqual([await risk(), await matched()], ['NONE', '0']);
    assert.equal(await box('deploy_rollback').isDisabled(), true);

    await q.getByLabel('Question does not apply: How do you deploy changes?').check();
    assert.deepEqual([await risk(), await matched()], ['NOT_APPLICABLE', 'none']);
    assert.equal(await q.locator('.rule-list li.matched').count(), 0);
    await q.getByLabel('Question does not apply: How do you deploy changes?').uncheck();
    assert.equal(await risk(), 'NONE');

    // Keyboard: the other question's try-it panel opens and answers with keys only.
    const m = page.locator('[data-question-id="monitor"]');
    await m.locator('summary').focus();
    await page.keyboard.press('Enter');
    await m.locator('input[data-choice="monitor_metrics"]').focus();
    await page.keyboard.press('Space');
    assert.equal(await m.locator('[data-try-risk]').getAttribute('data-try-risk'), 'NONE');
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});

test('a built-in lens opens read-only in the preview and its rules can be tried', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    await openWorkbench(page, server.url);
    const rows = page.locator('[data-lens-alias]');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.lensAlias)), ['wellarchitected', 'serverless']);
    await page.getByRole('link', { name: /^Preview .*Serverless/ }).click();
    await waitForView(page, /^\/lenses\/serverless$/);
    const first = page.locator('.preview-question').first();
    await first.locator('summary').click();
    const choice = first.locator('input[data-choice]:not([data-choice$="_no"])').first();
    await choice.check();
    assert.notEqual(await first.locator('[data-try-risk]').getAttribute('data-try-risk'), 'UNANSWERED');
    assert.match(await first.locator('[data-matched-rule]').textContent(), /^Matched rule \d+ of \d+: /);
    await openApp(page, server.url, '#/lenses/nothing-here');
    assert.equal(await page.locator('h1').textContent(), 'Not found');
    assertClean(s.problems);
  } finally {
    await s.done();
  }
});
