// 400 % zoom (WCAG 1.4.10 Reflow): a 1280 px window zoomed to 400 % is 320 CSS px wide. Every part, with a
// card, a profile and its sources open: nothing reaches past the right edge or is cut off, and nothing
// scrolls sideways but the map, wide tables, the timeline's axis and the row of part tabs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, assertNoConsoleErrors } from "./lib.mjs";
import { reflowProblems } from "./layout.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const VIEWS = ["", "?part=cards&card=soft-power", "?part=map&country=UZ", "?part=timeline", "?part=study", "?part=evidence", "?part=sources", "?part=map&step=4"];

test("at 320 CSS px (400 % zoom) every part reflows: nothing cut off, no sideways scroll but allowed ones", async () => {
  for (const q of VIEWS) {
    const { page, errors } = await open(browser, server.url + q, { viewport: { width: 320, height: 256 } });
    // Open the sources shown, as a reader checking a figure would.
    const toggles = page.locator(".profile .source-toggle[aria-expanded=false]");
    for (let n = Math.min(await toggles.count(), 6); n > 0; n--) await toggles.first().click();
    const problems = await page.evaluate(reflowProblems);
    assert.deepEqual(problems, [], `${q || "overview"} at 320 px`);
    assertNoConsoleErrors(errors);
    await page.context().close();
  }
});
