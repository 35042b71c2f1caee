// The lens overview: counts, lens notes and pillar notes edited with the keyboard (Edit notes,
// counter, Save / Cancel), limits and Conflicts reported inline with the text kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp, defineWorkloadUI, waitForView, tabTo, pressText } from './support.mjs';

test('lens notes and pillar notes: edit, save, cancel, limits and conflicts', { timeout: 120_000 }, async () => {
  const s = await session();
  try {
    const { page } = s;
    const id = await defineWorkloadUI(page, s.server.url, { name: 'Notes workload' });
    // Reached from the workload's lens table.
    await page.getByRole('link', { name: /lens overview and notes/ }).first().click();
    await waitForView(page, /\/lenses\/wellarchitected$/);
    assert.equal(await page.locator('#lens-risks [data-count="answered"]').textContent(), '0/57');
    assert.match(await page.locator('.notes-editor').first().textContent(), /No lens notes yet/);

    // Keyboard only: Edit notes, type, Save.
    await tabTo(page, 'button', { name: 'Edit notes: Lens notes' });
    await page.keyboard.press('Enter');
    const box = page.getByRole('textbox', { name: 'Lens notes' });
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA');
    await pressText(page, 'Reviewed with the team');
    assert.match(await page.locator('.counter').first().textContent(), /^2,062 of 2,084 characters remaining$/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Save
    await page.getByText('Reviewed with the team').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Edit notes', 'focus back on Edit notes');

    // Cancel (and Escape) keep the saved text.
    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await box.fill('Something else');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Reviewed with the team').waitFor();

    // Over the limit: the engine's rule, inline, the text kept.
    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await box.fill('x'.repeat(2085));
    assert.match(await page.locator('.counter').first().textContent(), /1 characters too many/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor();
    // In words: the field by its label and the rule, not the property name (issue 13).
    assert.match(await alert.textContent(), /Lens notes must be at most 2084 characters/);
    assert.doesNotMatch(await alert.textContent(), /lensNotes/);
    assert.equal((await box.inputValue()).length, 2085);
    await page.keyboard.press('Escape');

    // A pillar's notes.
    await page.getByRole('button', { name: 'Edit notes: Notes on Security' }).click();
    await page.getByRole('textbox', { name: 'Notes on Security' }).fill('Pen test booked');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('[data-pillar="security"]').getByText('Pen test booked').waitFor();

    // Another tab changes the notes: Save here is refused, the text stays, the other version
    // is shown, and Save again replaces it.
    const other = await s.context.newPage();
    await openApp(other, s.server.url, `#/workloads/${id}/lenses/wellarchitected`);
    await other.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await other.getByRole('textbox', { name: 'Lens notes' }).fill('From the other tab');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await other.getByText('From the other tab').waitFor();
    await other.close();

    await page.getByRole('button', { name: 'Edit notes: Lens notes' }).click();
    await box.fill('Mine');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'changed in another tab' });
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /From the other tab/);
    assert.equal(await box.inputValue(), 'Mine');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.notes-view').first().getByText('Mine').waitFor();

    // Kept: the review's getLensReview says so after a reload.
    await page.reload();
    await waitForView(page, /\/lenses\/wellarchitected$/);
    assert.match(await page.locator('.notes-view').first().textContent(), /Mine/);
    assert.match(await page.locator('[data-pillar="security"]').textContent(), /Pen test booked/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
