// The student on a small phone (320 px, or a 1280 px window at 400 % zoom): what the review of 2 December found.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("at 320 px the study progress table fits its column: every column in sight, nothing to scroll sideways", async () => {
  const { page, context } = await open(browser, server.url + "?part=study", { viewport: { width: 320, height: 568 }, context: { isMobile: true, hasTouch: true } });
  const fit = await page.evaluate(() => {
    const wrap = document.querySelector(".study-progress .table-wrap");
    const last = wrap.querySelector("thead th:last-child").getBoundingClientRect();
    return { scroll: wrap.scrollWidth, width: wrap.clientWidth, lastRight: Math.round(last.right), right: Math.round(wrap.getBoundingClientRect().right) };
  });
  assert.ok(fit.scroll <= fit.width, `the table is ${fit.scroll} px wide in a ${fit.width} px box`);
  assert.ok(fit.lastRight <= fit.right, `the last column ends at ${fit.lastRight} px, past the box's ${fit.right}`);
  await context.close();
});
