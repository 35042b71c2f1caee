// Nothing typed is lost: notes typed on the review page or in an open lens-notes editor are
// there after a reload made at once (no wait for any save), and a changed workload form asks
// before the page is left — the browser's own "Leave site?" on reload, the app's dialog on a
// link inside the app — and stops asking once it is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, waitForView } from './support.mjs';

test('notes typed on the review page are kept through an immediate reload', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Reload notes workload' });
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    await page.locator('.review-question textarea').fill('Typed a moment before the reload');
    await page.reload(); // no wait: the save has not even started (it waits for a pause in typing)
    await waitForView(page, /\/review\/priorities$/);
    assert.equal(await page.locator('.review-question textarea').inputValue(), 'Typed a moment before the reload');
    // Stored, not only shown: another page reads it from IndexedDB.
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected/review/priorities`);
    assert.equal(await page.locator('.review-question textarea').inputValue(), 'Typed a moment before the reload');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plumbline.pending.')).length), 0,
      'nothing is left in the journal');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('lens notes and pillar notes typed in an open editor are kept through an immediate reload', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Reload lens notes' });
    await openApp(page, server.url, `#/workloads/${id}/lenses/wellarchitected`);
    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await page.getByRole('textbox', { name: 'Lens notes' }).fill('Lens notes never saved by a click');
    await page.reload();
    await waitForView(page, /\/lenses\/wellarchitected$/);
    assert.match(await page.locator('.notes-view').first().textContent(), /Lens notes never saved by a click/);

    await page.getByRole('button', { name: 'Edit notes: Notes on Security' }).click();
    await page.getByRole('textbox', { name: 'Notes on Security' }).fill('Security notes, also unsaved');
    await page.reload();
    await waitForView(page, /\/lenses\/wellarchitected$/);
    assert.match(await page.locator('[data-pillar="security"]').textContent(), /Security notes, also unsaved/);
    assert.match(await page.locator('.notes-view').first().textContent(), /Lens notes never saved by a click/);

    // Hidden (another tab brought forward, the window minimised): saved too, the box left open.
    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await page.getByRole('textbox', { name: 'Lens notes' }).fill('Saved when the tab was hidden');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const other = await s.context.newPage();
    await openApp(other, server.url, `#/workloads/${id}/lenses/wellarchitected`);
    await other.locator('.notes-view').first().getByText('Saved when the tab was hidden').waitFor();
    await other.close();
    assert.equal(await page.getByRole('textbox', { name: 'Lens notes' }).inputValue(), 'Saved when the tab was hidden');
    assert.equal(await page.getByRole('textbox', { name: 'Lens notes' }).isVisible(), true, 'the editor stays open');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('a cut-off save is not replayed over a change made meanwhile: it is reported with the text', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page, server } = s;
    const id = await defineWorkloadUI(page, server.url, { name: 'Journal conflict workload' });
    const route = `#/workloads/${id}/lenses/wellarchitected/review/priorities`;
    await openApp(page, server.url, route);
    await page.locator('.review-question textarea').fill('Stored by another tab');
    await page.locator('.review-question textarea').blur();
    await page.getByText('All changes saved.').waitFor();
    // What a page closed mid-save leaves: it had seen the question unanswered, and typed this.
    await page.evaluate((args) => {
      const update = { selectedChoices: [], choiceUpdates: {}, isApplicable: true, notes: 'Words from the closed page' };
      localStorage.setItem(`plumbline.pending.answer/${args.join('/')}`, JSON.stringify({
        op: 'answer',
        args: [...args, update],
        before: { selectedChoices: [], isApplicable: true, notes: '' },
        after: { selectedChoices: [], isApplicable: true, notes: update.notes },
      }));
    }, [id, 'wellarchitected', 'priorities']);
    await page.reload();
    await waitForView(page, /\/review\/priorities$/);
    const notice = page.getByRole('region', { name: 'Work not saved' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /changed in another tab or window meanwhile\. The notes were: “Words from the closed page”/);
    assert.equal(await page.locator('.review-question textarea').inputValue(), 'Stored by another tab', 'the other change is kept');
    await notice.getByRole('button', { name: /Dismiss/ }).click();
    assert.equal(await notice.count(), 0);
    await page.reload();
    await waitForView(page, /\/review\/priorities$/);
    assert.equal(await page.getByRole('region', { name: 'Work not saved' }).count(), 0, 'reported once');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});

test('a changed workload form asks before the page is left, and not once it is saved', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { context, server } = s;
    // A page without the session's dialog handler (it dismisses and records every dialog).
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      d.dismiss().catch(() => {}); // "Stay on page"
    });

    // Untouched: a reload just reloads.
    await openApp(page, server.url, '#/workloads/new');
    await page.reload();
    await waitForView(page, /^\/workloads\/new$/);
    assert.deepEqual(dialogs, []);

    // Changed: reloading asks (beforeunload), and staying keeps the text. Chromium shows that
    // dialog only on a page the user has interacted with (sticky activation); `fill` alone
    // does not always count as interaction, a click does, as a user's would.
    await page.getByLabel('Name', { exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Half-typed workload');
    const asked = page.waitForEvent('dialog');
    page.reload().catch(() => {}); // stays pending: the dialog is dismissed
    assert.equal((await asked).type(), 'beforeunload');
    await page.waitForTimeout(200);
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Half-typed workload');

    // A link inside the app asks too (the app's own dialog): Cancel stays, Leave goes.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const leave = page.getByRole('dialog');
    await leave.waitFor();
    assert.match(await leave.textContent(), /not saved/);
    await leave.getByRole('button', { name: 'Cancel' }).click();
    // The dialog settles on its `close` event, a task after the click: the address is put back then.
    await page.waitForFunction(() => location.hash === '#/workloads/new', null, { timeout: 5_000 });
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Half-typed workload');

    // Saved: nothing to ask about any more.
    await page.getByLabel('Description').fill('A form that is saved at the end');
    await page.getByLabel('Review owner').fill('Ana Carolina Silva');
    await page.getByLabel('Production', { exact: true }).check();
    await page.locator('input[name="awsRegions"][value="us-east-1"]').check();
    await page.getByRole('button', { name: 'Define workload' }).click();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    await page.reload();
    await waitForView(page, /^\/workloads\/[0-9a-f]{32}$/);
    assert.deepEqual(dialogs, ['beforeunload']);

    // Leaving a changed form on purpose, through the app's dialog.
    await openApp(page, server.url, '#/workloads/new');
    await page.getByLabel('Name', { exact: true }).fill('Abandoned');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
    await waitForView(page, /^\/dashboard$/);
    await page.reload();
    await waitForView(page, /^\/dashboard$/);
    assert.deepEqual(dialogs, ['beforeunload'], 'no question once the form is gone');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
