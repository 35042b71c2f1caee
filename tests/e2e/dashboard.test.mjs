// The Dashboard's layout and words: chart labels inside the drawing ("4 medium" not cut), the
// Workload reviews table fitting 1280 px or saying it scrolls (a labelled, keyboard-scrollable
// region), pillar counts on one line each, stacked workload links apart, a custom lens's
// pillars grouped under its name after the framework's, and a totals heading that says what
// it holds. Workloads are made through the app's own API in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, openApp } from './support.mjs';
import { bestPractices } from './lens-data.mjs';
import { customLens } from './custom-lens.mjs';

const WA = 'wellarchitected';

/**
 * Four workloads with priorities at MEDIUM (the four required practices: "4 medium", the
 * longest bar); the first also uses the custom test lens, with a high risk in its "ops" pillar.
 */
async function seed(page, url) {
  await openApp(page, url, '#/workloads');
  return page.evaluate(async ({ wa, medium, lens }) => {
    const api = await import(new URL('api.js', location.href).href);
    const alias = (await api.importLens(JSON.stringify(lens))).lensAlias;
    await api.createLensVersion(alias, '1.0');
    const ids = [];
    for (const name of ['Checkout', 'Catalog', 'Search', 'Payments']) {
      const w = await api.defineWorkload({
        workloadName: name, description: 'Seeded for the dashboard test', environment: 'PRODUCTION',
        reviewOwner: 'Test team', awsRegions: ['us-east-1'], lenses: ids.length ? [wa] : [wa, alias],
      });
      await api.updateAnswer(w.workloadId, wa, 'priorities', { selectedChoices: medium });
      ids.push(w.workloadId);
    }
    await api.updateAnswer(ids[0], alias, 'deploy', { selectedChoices: ['deploy_no'] });
    return { ids, alias };
  }, { wa: WA, medium: bestPractices('priorities').slice(0, 4), lens: customLens() });
}

test('dashboard: nothing clipped, the wide table scrolls with a cue, pillars grouped by lens', { timeout: 120_000 }, async () => {
  const s = await session({ server: { dev: true } });
  try {
    const { page } = s;
    const url = s.server.url;
    await seed(page, url);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, url, '#/dashboard');

    assert.equal(await page.getByRole('heading', { level: 2, name: 'Totals across workloads' }).count(), 1);

    // Every chart text lies inside the drawing's own box, "4 medium" included.
    const texts = await page.$$eval('svg.chart text', (els) => {
      const svg = /** @type {SVGSVGElement} */ (els[0].ownerSVGElement);
      const box = svg.viewBox.baseVal;
      return els.map((t) => {
        const b = /** @type {SVGTextElement} */ (t).getBBox();
        return { text: t.textContent, inside: b.x >= box.x && b.x + b.width <= box.x + box.width && b.y >= box.y && b.y + b.height <= box.y + box.height };
      });
    });
    assert.ok(texts.some((t) => t.text === '4 medium'), JSON.stringify(texts.map((t) => t.text)));
    assert.deepEqual(texts.filter((t) => !t.inside).map((t) => t.text), [], 'chart texts outside the drawing');

    // The custom lens's pillars come under its own name, after the framework's.
    const groups = await page.locator('svg.chart text.chart-group').allTextContents();
    assert.equal(groups.length, 2, JSON.stringify(groups));
    assert.match(groups[0], /Well-Architected/);
    assert.equal(groups[1], 'Workbench Test Lens');
    const table = page.locator('table.workload-reviews');
    const lensHeads = table.locator('th.lens-head');
    assert.equal(await lensHeads.count(), 2);
    assert.equal((await lensHeads.nth(1).textContent()).trim(), 'Workbench Test Lens');
    const pillarHeads = await table.locator('th.pillar-head').allTextContents();
    assert.deepEqual(pillarHeads.slice(-2), ['Operations', 'Security'], 'the custom lens pillars last');
    assert.ok(pillarHeads.indexOf('Security') < pillarHeads.indexOf('Sustainability') && pillarHeads.lastIndexOf('Security') > pillarHeads.indexOf('Sustainability'),
      `the framework's Security with its pillars, the lens's after them: ${pillarHeads}`);
    const frameworkBox = await lensHeads.nth(0).boundingBox();
    const customBox = await lensHeads.nth(1).boundingBox();
    assert.ok(frameworkBox.x + frameworkBox.width <= customBox.x + 1, 'the custom lens heading is right of the framework heading');

    // Each pillar count is one line of words ("1 high", "0 medium"), never wrapped.
    const lines = await table.locator('.count-line').evaluateAll((els) => els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { text: el.textContent, boxes: range.getClientRects().length };
    }));
    assert.ok(lines.some((l) => l.text === '1 high'));
    assert.ok(lines.every((l) => /^\d+ (high|medium)$/.test(l.text)), JSON.stringify(lines.slice(0, 4)));
    assert.deepEqual(lines.filter((l) => l.boxes !== 1), [], 'a count wrapped');

    // At 1280 px the table fits, or says it scrolls; at 390 px it scrolls, says so, and the
    // labelled region scrolls from the keyboard.
    const region = page.getByRole('region', { name: 'Issues per workload and pillar table' });
    const frame = page.locator('.table-frame', { has: region });
    const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    const cue = frame.locator('.scroll-cue');
    assert.equal(await cue.isVisible(), !fits, `fits: ${fits}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await cue.waitFor({ state: 'visible' });
    assert.match(await cue.textContent(), /Scroll sideways to see every column/);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => {
      const el = document.querySelector('[aria-label="Issues per workload and pillar table"]');
      return el !== null && el.scrollLeft > 0;
    });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Stacked workload links: a bulleted line each, apart from one another, one name each.
    const cell = page.locator('tr[data-question-id="priorities"] ul.workload-links');
    const links = cell.getByRole('link');
    assert.equal(await links.count(), 4);
    assert.equal(await cell.evaluate((ul) => getComputedStyle(ul).listStyleType), 'disc');
    const boxes = await cell.locator('li').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().toJSON()));
    for (let i = 1; i < boxes.length; i += 1) {
      assert.ok(boxes[i].top >= boxes[i - 1].bottom + 4, `links ${i} and ${i + 1} are apart`);
    }
    const named = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('aria-label')]));
    assert.deepEqual(named.map(([name]) => name).sort(), ['Catalog', 'Checkout', 'Payments', 'Search']);
    for (const [name, label] of named) assert.equal(label, `Improvement plan of ${name}`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.done();
  }
});
