// prefers-reduced-motion: reduce: no transition or animation runs, and nothing scrolls smoothly, whether by
// CSS (scroll-behavior) or by script (scrollIntoView / scrollTo with behavior "smooth"), while the reader
// moves between parts, opens a card from a link and walks the tour.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const RECORD_SMOOTH = () => {
  window.__smooth = [];
  const smooth = (o) => o && typeof o === "object" && o.behavior === "smooth";
  for (const [proto, names] of [[Element.prototype, ["scrollIntoView", "scrollTo", "scrollBy", "scroll"]], [window, ["scrollTo", "scrollBy", "scroll"]]]) {
    for (const n of names) {
      const original = proto[n];
      proto[n] = function (...a) { if (smooth(a[0])) window.__smooth.push(n); return original.apply(this, a); };
    }
  }
};

test("with reduced motion nothing moves on its own: no transition, animation or smooth scrolling", async () => {
  const { page, context } = await open(browser, server.url + "?part=map", { context: { reducedMotion: "reduce" } });
  await page.evaluate(RECORD_SMOOTH);
  const moving = () => page.evaluate(() => {
    const long = (list) => list.split(",").some((d) => parseFloat(d) * (d.trim().endsWith("ms") ? 1 : 1000) > 0.01);
    const out = [];
    for (const el of [document.documentElement, ...document.querySelectorAll("body *")]) {
      const s = getComputedStyle(el);
      if (long(s.transitionDuration) && s.transitionProperty !== "none") out.push(`transition on ${el.tagName.toLowerCase()}.${el.className}`);
      if (s.animationName !== "none" && long(s.animationDuration)) out.push(`animation on ${el.tagName.toLowerCase()}.${el.className}`);
      if (s.scrollBehavior === "smooth") out.push(`smooth scrolling on ${el.tagName.toLowerCase()}.${el.className}`);
    }
    return [...new Set(out)].slice(0, 10);
  });
  assert.deepEqual(await moving(), [], "on the map");
  await page.locator("#map-KZ").hover();
  await page.locator("#map-KZ").click();
  await page.getByRole("link", { name: "Concepts & cards", exact: true }).click();
  await page.locator("details.more-cards > summary").click(); // the cards beyond the argument are folded
  await page.locator(".card-link").filter({ visible: true }).first().click();
  await page.getByRole("link", { name: "Study", exact: true }).click();
  await page.locator("#start-tour").click();
  await page.locator("#tour-next").click();
  await page.locator("#tour-next").click();
  assert.deepEqual(await moving(), [], "after moving around");
  assert.deepEqual(await page.evaluate(() => window.__smooth), [], "no smooth scrolling by script");
  await context.close();
});
