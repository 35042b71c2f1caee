// One name for each thing: each shipped lens is called by its own name (the one in its file)
// on every page that names it, and never by a second spelling. The expected names are read
// from the lens files, not written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { session, openApp, waitForView, defineWorkloadUI, ROOT } from './support.mjs';

const nameIn = (alias) => JSON.parse(fs.readFileSync(path.join(ROOT, 'lenses', `${alias}.json`), 'utf8')).name;
/** The spellings the app used before (issue 13): one of them must never come back. */
const OTHER_SPELLINGS = ['Serverless Lens', 'AWS Well-Architected Framework'];

test('every page names a lens as its file does', { timeout: 150_000 }, async (t) => {
  const s = await session();
  try {
    const { page, server } = s;
    const names = { wellarchitected: nameIn('wellarchitected'), serverless: nameIn('serverless') };
    assert.ok(!OTHER_SPELLINGS.includes(names.serverless) && !OTHER_SPELLINGS.includes(names.wellarchitected));
    const id = await defineWorkloadUI(page, server.url, { name: 'Named lenses', lenses: ['serverless'] });
    const pages = [
      ['Define workload', '#/workloads/new', /^\/workloads\/new$/],
      ['workload page', `#/workloads/${id}`, /^\/workloads\/[0-9a-f]{32}$/],
      ['lens overview', `#/workloads/${id}/lenses/serverless`, /\/lenses\/serverless$/],
      ['review', `#/workloads/${id}/lenses/serverless/review`, /\/lenses\/serverless\/review/],
      ['Lenses', '#/lenses', /^\/lenses$/],
      ['built-in lens preview', '#/lenses/serverless', /^\/lenses\/serverless$/],
    ];
    for (const [what, route, view] of pages) {
      await t.test(what, async () => {
        await openApp(page, server.url, route);
        await waitForView(page, view);
        // The page's own words: a lens's content (its questions and resources, shown in the
        // preview) may quote other titles, such as an AWS whitepaper's.
        const text = await page.locator('main').evaluate((main) => {
          const copy = /** @type {HTMLElement} */ (main.cloneNode(true));
          copy.querySelectorAll('[data-preview] .lens-preview, [data-preview] ol, .review-info, .question-description').forEach((el) => el.remove());
          return copy.textContent;
        });
        assert.ok(text.includes(names.serverless), `${what} names the serverless lens “${names.serverless}”`);
        for (const other of OTHER_SPELLINGS) assert.ok(!text.includes(other), `${what} never says “${other}”`);
        if (what === 'Define workload') {
          const label = await page.locator('input[name="lenses"][value="serverless"]').evaluate((el) => el.labels[0].textContent);
          assert.equal(label, names.serverless);
          const form = page.locator('form');
          if (await form.count()) await page.getByRole('link', { name: 'Cancel' }).click();
        }
      });
    }
  } finally {
    await s.done();
  }
});
