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

/** In the page: the words of the controls matching `selector` that are broken across lines ("Bac|k"). */
const brokenWords = (selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
};

test("at 320 px, and at 400 % zoom (320x256), the tour bar's buttons keep their words whole", async () => {
  for (const height of [568, 256]) {
    for (const step of [1, 11]) {
      const { page, context } = await open(browser, server.url + `?part=cards&step=${step}`, { viewport: { width: 320, height }, context: { isMobile: true, hasTouch: true } });
      await page.locator("#tour-next").waitFor();
      assert.deepEqual(await page.evaluate(brokenWords, ".tour-nav button"), [], `step ${step} at 320x${height}: a word is broken across lines`);
      await context.close();
    }
  }
});
