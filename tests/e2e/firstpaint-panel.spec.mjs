// On the served site, a deep link to a view of the map data other than the page's (a layer, a period, per person) shows
// that view's data panel under the map before the app starts (static/early-map.js puts it in from its own file), as the
// app draws it: the same height and the same words in its heading and first rows before and after start, and no layout
// shift at start. (The single file carries no other view's panel: there it stays unseen until the app draws it,
// firstpaint-period.spec.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, started } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The data panel's height, and the words of its heading, caption and first rows (buttons' unseen words left out). */
const look = () => {
  const panel = document.querySelector(".data-panel");
  const words = (el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll(".source-toggle, .print-only, [data-no-js], .visually-hidden").forEach((b) => b.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  };
  return {
    height: Math.round(panel.getBoundingClientRect().height),
    seen: getComputedStyle(panel).visibility,
    heading: words(panel.querySelector(".data-about h3")),
    caption: words(panel.querySelector(".data-table caption")),
    rows: [...panel.querySelectorAll(".data-table tbody tr")].slice(0, 4).map(words),
  };
};

const LINKS = [
  ["?part=map&layer=students&country=UZ", /^Students from each republic in China$/],
  ["?part=map&year=2013", /^Trade in goods with China, 2013$/],
  ["?part=map&pp=1", /^Trade in goods with China, 2024$/],
  // Investment has no 2013: the layer's own period (with the app's notice).
  ["?part=map&layer=investment&year=2013", /^Chinese investment and construction deals, 2005-2018$/],
  ["?part=map&layer=confucius", /^Confucius Institutes$/],
];

for (const [width, height] of [[390, 844], [800, 600], [1280, 900], [1920, 1080]]) {
  for (const [query, heading] of LINKS) {
    test(`served ${width}x${height} ${query}: the view's data panel before the app starts, as the app draws it`, async () => {
      const { page, context, errors, early } = await started(browser, server.url + query, {
        width, height, shifts: true, mark: true, settle: 600,
        look: async (page) => {
          await page.waitForFunction(() => { const p = document.querySelector(".data-panel"); return p && !p.hasAttribute("data-early-busy"); }, null, { timeout: 10000 });
          await page.waitForTimeout(200);
          return page.evaluate(look);
        },
      });
      assert.match(early.heading, heading);
      assert.equal(early.seen, "visible");
      assert.equal(early.rows.length, 4);
      const now = await page.evaluate(look);
      assert.deepEqual(now, early, "the app draws the panel the page showed");
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift at start");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
