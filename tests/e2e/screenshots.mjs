// Screenshots of every page at 1280 and 390 px, for reviewers: `node tests/e2e/screenshots.mjs
// [FOLDER]` (default target/screenshots/, which git ignores). It serves the built site
// (target/site/, from `bash scripts/build.sh`), fills a fresh browser profile through the UI as
// the accessibility test does, adds a second workload so the lists have more than one row, and
// writes one full-page PNG per page and width: `<page>-<desktop|phone>.png`. The pages are
// pages.mjs's list, the same one a11y.test.mjs checks.
import fs from 'node:fs';
import path from 'node:path';
import { session, openApp, defineWorkloadUI, ROOT } from './support.mjs';
import { fillWorkspace, pageList, openEverything, WIDTHS } from './pages.mjs';

const folder = path.resolve(process.argv[2] ?? path.join(ROOT, 'target/screenshots'));
fs.mkdirSync(folder, { recursive: true });

const s = await session();
try {
  const { page, server } = s;
  const { workloadId: id, templateId } = await fillWorkspace(page, server.url);
  await defineWorkloadUI(page, server.url, { name: 'Checkout service', owner: 'Payments team' });
  let count = 0;
  for (const [name, route] of pageList(id, templateId)) {
    await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
    await openApp(page, server.url, route);
    await openEverything(page, name);
    for (const { width, height, suffix } of WIDTHS) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(folder, `${name}-${suffix}.png`), fullPage: true });
      count += 1;
    }
  }
  console.log(`${count} screenshots in ${folder}`);
} finally {
  await s.done();
}
