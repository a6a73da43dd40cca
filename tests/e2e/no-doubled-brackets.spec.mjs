// No reader-facing text contains doubled brackets ("((essay))", "(unknown (c. 2016-2019))"): every part, every
// map layer and per-person view with a profile and the comparisons open, and the page without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, startUrl } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const doubled = (text) => (text.match(/.{0,40}(\(\(|\)\)).{0,20}/g) || []);

test("no part, map view or source note says '((' or '))'", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map&country=KZ"));
  for (const layer of ["trade", "investment", "students", "confucius"]) {
    await page.locator(`main [data-layer="${layer}"]`).click();
    for (const pp of [false, true]) {
      const toggle = page.locator("main .per-person .toggle");
      // A layer with no per-person view (Confucius Institutes) keeps the switch's place, unseen and unheard.
      if (pp && (!(await toggle.count()) || !(await toggle.isVisible()) || (await toggle.isDisabled()))) continue;
      if (pp) await toggle.click();
      await page.waitForFunction(() => { const p = document.querySelector(".data-panel"); return p && !p.hasAttribute("aria-busy"); });
      // Open every source in the profile and the table, so their notes are read too.
      await page.locator("main .source-toggle[aria-expanded=false]").evaluateAll((bs) => bs.filter((b) => b.offsetParent).forEach((b) => b.click()));
      assert.deepEqual(doubled(await page.locator("main").innerText()), [], `${layer}${pp ? " per person" : ""}`);
      if (pp) await toggle.click();
    }
  }
  for (const part of ["overview", "cards", "timeline", "study", "evidence", "sources"]) {
    await page.goto(startUrl("served", server, `?part=${part}`));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    assert.deepEqual(doubled(await page.locator("main").innerText()), [], part);
  }
  await context.close();
});

test("nor does the page without JavaScript", async () => {
  // read.html: every part (the served page carries the overview and the map, and links there for the rest).
  const { page, context } = await open(browser, server.url + "read.html", { javaScript: false });
  assert.deepEqual(doubled(await page.locator("body").innerText()), []);
  await context.close();
});
