// The guided tour on a phone (390x844): its bar stays on screen at the bottom, every step brings what it
// talks about into view above the bar, Next stays reachable, and the end says what to do next. Also with
// reduced motion (no smooth scrolling then).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, ROOT, assertNoConsoleErrors } from "./lib.mjs";

const TOUR = JSON.parse(readFileSync(join(ROOT, "content/study.json"), "utf8")).tour;
const PHONE = { width: 390, height: 844 };

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The step's subject, as the tour panel picks it: the card, the selected event, the profile or the map. */
function subjectSelectors(view) {
  if (view.part === "cards" && view.card) return [`#card-${view.card}`];
  if (view.part === "timeline" && view.card) return ["#timeline-detail"];
  if (view.part === "map") return view.country ? [`#profile-${view.country}`, ".map-figure"] : [".map-figure"];
  return [`#part-${view.part}`];
}

/** Where the bar, Next and the subject are on screen once scrolling has settled. */
async function layout(page, selectors) {
  // Smooth scrolling takes a moment (longer on a busy machine): wait until the subject has arrived above
  // the bar, or give up after a few seconds and report where things are.
  await page.waitForFunction((sels) => {
    const subject = sels.map((s) => document.querySelector(s)).find(Boolean);
    const bar = document.querySelector(".tour-panel");
    if (!subject || !bar) return false;
    const top = subject.getBoundingClientRect().top;
    return top >= 0 && top < bar.getBoundingClientRect().top - 40;
  }, selectors, { timeout: 4000 }).catch(() => {});
  return page.evaluate((sels) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
    const subject = sels.map((s) => document.querySelector(s)).find(Boolean);
    const next = document.querySelector("#tour-next");
    const r = next.getBoundingClientRect();
    // Nothing (a sheet, a dialog) drawn over it.
    const onTop = next.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    return { bar: box(document.querySelector(".tour-panel")), next: box(next), onTop, subject: subject && box(subject), height: innerHeight };
  }, selectors);
}

for (const reduced of [false, true]) {
  test(`the tour bar keeps Next on screen and shows each step's subject above it${reduced ? " (reduced motion)" : ""}`, async () => {
    const { page, context, errors } = await open(browser, server.url + "?part=study", { viewport: PHONE, context: { reducedMotion: reduced ? "reduce" : "no-preference" } });
    await page.locator("#start-tour").click();
    for (let n = 1; n <= TOUR.length; n++) {
      await page.locator(".tour-count", { hasText: `Step ${n} of ${TOUR.length}` }).waitFor();
      const l = await layout(page, subjectSelectors(TOUR[n - 1].view));
      assert.ok(l.bar.bottom <= l.height + 1 && l.bar.bottom >= l.height - 1, `step ${n}: the bar sits at the bottom (${l.bar.bottom})`);
      assert.ok(l.next.top >= 0 && l.next.bottom <= l.height && l.onTop, `step ${n}: Next is on screen, with nothing over it`);
      assert.ok(l.bar.top > l.height / 2, `step ${n}: the bar leaves most of the screen to the page (top at ${l.bar.top})`);
      assert.ok(l.subject, `step ${n}: its subject ${subjectSelectors(TOUR[n - 1].view)} exists`);
      assert.ok(l.subject.top >= 0 && l.subject.top < l.bar.top - 40, `step ${n}: the subject starts on screen above the bar (top ${Math.round(l.subject.top)}, bar ${Math.round(l.bar.top)})`);
      await page.locator("#tour-next").click();
    }
    // The end: the study part says the tour is done and offers what to do next, with focus there.
    await page.locator("#tour-done").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "tour-done-title");
    assert.match(await page.locator("#tour-done").innerText(), /What to do next/);
    assert.ok(await page.locator("#tour-done a, #tour-done button").count() >= 2, "the ending offers next steps");
    assert.equal(await page.locator(".tour-panel").count(), 0);
    assertNoConsoleErrors(errors);
    await context.close();
  });
}

test("the page keeps room under its content for the bar, so nothing ends up hidden behind it", async () => {
  const { page, context } = await open(browser, server.url + "?part=study", { viewport: PHONE });
  await page.locator("#start-tour").click();
  await page.locator("#tour-next").click();
  await page.locator(".tour-count", { hasText: "Step 2 of" }).waitFor();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  const { footer, bar } = await page.evaluate(() => ({
    footer: document.querySelector(".site-footer").getBoundingClientRect().bottom,
    bar: document.querySelector(".tour-panel").getBoundingClientRect().top,
  }));
  assert.ok(footer <= bar, `the end of the page (${Math.round(footer)}) scrolls clear of the bar (${Math.round(bar)})`);
  await context.close();
});
