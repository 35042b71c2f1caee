// The served site loads the wasm engine: the page fetches pkg/plumbline_bg.wasm as
// application/wasm, shows the version the engine reports in #engine-version, logs no error,
// and asks no origin but its own server for anything. The same holds under a sub-path, which
// is how the site is hosted on a shared static host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, cargoVersion, openSite, waitForText } from "./harness.mjs";

for (const base of ["/", "/tools/plumbline/"]) {
  test(`the page at ${base} loads the engine and shows its version`, async (t) => {
    const site = await openSite({ base });
    t.after(site.close);

    const wasm = site.page.waitForResponse((res) => new URL(res.url()).pathname === `${base}pkg/plumbline_bg.wasm`);
    await site.page.goto(site.url);
    const res = await wasm;
    assert.equal(res.status(), 200);
    assert.equal(res.headers()["content-type"], "application/wasm");

    await waitForText(site.page, "#engine-version", cargoVersion());
    assertClean(site.problems);
  });
}
