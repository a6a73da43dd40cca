// A deep link's profile (`?part=map&country=KZ`) before the app starts looks and measures as the app's: static/early.js
// copies the card's paragraphs into it with each figure's words wrapped as the app's, and the stylesheet shows each
// figure's source as the app's button (its source in brief kept for print), the head as high as the Close button to
// come and the facts' source buttons seen. The panel neither moves nor changes height at start, at any width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, holdWasm } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The profile's box, and each of its children's offset and height (what shows, in order). */
const measure = (page) => page.evaluate(() => {
  const p = document.querySelector("main .map-selection .profile");
  const r = p.getBoundingClientRect();
  const at = (el) => { const b = el.getBoundingClientRect(); return `${Math.round(b.top - r.top)}+${Math.round(b.height)}`; };
  return { box: [r.left, r.top + scrollY, r.width, r.height].map(Math.round), children: [...p.children].filter((c) => c.getClientRects().length).map(at) };
});

/** What each figure of the profile shows for its source: whether its button is seen (the app's, or before start the
 *  page's look of it), and whether its source is in the page (in brief, for print; the served site's map file leaves
 *  out the facts' sources written for a reader without JavaScript: their button opens them once the app runs). */
const sources = (page) => page.evaluate(() => [...document.querySelectorAll("main .map-selection .profile :is([data-fig], .figure)")].map((f) => {
  const button = f.querySelector(":scope > .source-toggle");
  const seen = button ? button.checkVisibility({ visibilityProperty: true }) && button.textContent.startsWith("source") : getComputedStyle(f, "::after").content === '"source"';
  return { seen, sentence: f.matches("[data-fig], .inline"), sourced: /Source: \S/.test(f.textContent) };
}));

for (const [width, height] of [[390, 844], [800, 600], [1280, 900], [1920, 1080]]) {
  test(`?part=map&country=KZ at ${width}x${height}: the profile before the app starts has the app's place, height and source buttons`, async () => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const release = await holdWasm(page);
    await page.goto(server.url + "?part=map&country=KZ");
    await page.locator("main .map-selection .profile p.summary:not(:empty)").waitFor();
    const early = await measure(page);
    const earlySources = await sources(page);
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await measure(page), early, "the profile did not move or change, nor anything in it");
    // Every figure (on the map, population, area, and those in the essay's paragraphs) shows its source button and
    // carries its source, before and after start.
    assert.ok(earlySources.length >= 6, `the profile's figures (${earlySources.length})`);
    assert.deepEqual(earlySources.filter((f) => !f.seen || (f.sentence && !f.sourced)), [], "before start, each figure shows a source button, and those in sentences carry their source");
    assert.deepEqual(await sources(page), earlySources.map((f) => ({ ...f, seen: true, sourced: true })), "after start, each figure has its button and its source");
    assert.deepEqual(errors, []);
    await context.close();
  });
}
