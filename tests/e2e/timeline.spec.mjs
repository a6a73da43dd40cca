// The timeline part: one marker per history card on the 1900-2024 axis, roving focus with arrows and
// Home/End, selection by Enter / click / the list, kept in the URL; the selected event's date exactly as
// in the content and a link to its full card. Each test also checks axe, the console and the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, open, MODES, startUrl, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const HISTORY = JSON.parse(readFileSync(join(ROOT, "content/cards/history.json"), "utf8"));
// Axis order: by start year, then end year, then content order (Array.prototype.sort is stable).
const ORDER = [...HISTORY].sort((a, b) => a.when.start - b.when.start || a.when.end - b.when.end);

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

for (const mode of MODES) {
  test(`${mode}: arrow keys move along the axis and Enter selects, updating the URL`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=timeline"));
    const bar = page.getByRole("toolbar");
    const markers = bar.getByRole("button");
    assert.equal(await markers.count(), HISTORY.length);
    assert.equal(await bar.locator('[tabindex="0"]').count(), 1);
    await bar.locator('[tabindex="0"]').focus();
    assert.equal(await focusedId(page), `tl-ev-${ORDER[0].id}`);
    await page.keyboard.press("ArrowRight");
    assert.equal(await focusedId(page), `tl-ev-${ORDER[1].id}`);
    assert.ok((await page.locator(".axis-caption").textContent()).includes(ORDER[1].title), "the focused event is named under the axis");
    await page.keyboard.press("End");
    assert.equal(await focusedId(page), `tl-ev-${ORDER.at(-1).id}`);
    await page.keyboard.press("ArrowLeft");
    const target = ORDER.at(-2);
    assert.equal(await focusedId(page), `tl-ev-${target.id}`);
    assert.equal(await bar.locator('[tabindex="0"]').getAttribute("id"), `tl-ev-${target.id}`, "the tab stop follows focus");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => location.search === `?part=timeline&card=${id}`, target.id);
    assert.equal(await page.locator(`#tl-ev-${target.id}`).getAttribute("aria-pressed"), "true");
    const detail = page.locator("#timeline-detail");
    assert.equal(await detail.locator("h3").innerText(), target.title);
    assert.ok((await detail.locator(".event-date").innerText()).includes(target.when.label));
    await page.keyboard.press("Home");
    assert.equal(await focusedId(page), `tl-ev-${ORDER[0].id}`);
    await page.keyboard.press("Space");
    await page.waitForFunction((id) => location.search.endsWith(`card=${id}`), ORDER[0].id);
    assert.match(await detail.locator(".event-date").innerText(), /approximate/);
    await assertAccessible(page, `timeline selected (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: a deep-linked event is selected, and its card opens from the timeline`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=timeline&card=xian-summit-2023"));
    const event = HISTORY.find((c) => c.id === "xian-summit-2023");
    const marker = page.locator("#tl-ev-xian-summit-2023");
    assert.equal(await marker.getAttribute("aria-pressed"), "true");
    assert.equal(await marker.getAttribute("tabindex"), "0");
    const detail = page.locator("#timeline-detail");
    assert.ok((await detail.innerText()).includes(event.when.label), "date exactly as in the content");
    assert.match(await detail.locator(".cites-toggle").innerText(), new RegExp(event.paragraphs.join(", ")));
    await assertAccessible(page, `timeline deep link (${mode})`);
    await detail.getByRole("link", { name: /Open the full card/ }).click();
    await page.waitForFunction(() => location.search === "?part=cards&card=xian-summit-2023");
    assert.equal(await page.locator("#card-xian-summit-2023 .card-toggle").getAttribute("aria-expanded"), "true");
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: clicking a marker or a list entry selects that event`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=timeline"));
    await page.locator("#tl-ev-crimea-2014").click();
    await page.waitForFunction(() => location.search.endsWith("card=crimea-2014"));
    await page.locator(".timeline-list").getByRole("link", { name: HISTORY.find((c) => c.id === "sino-soviet-split").title }).click();
    await page.waitForFunction(() => location.search.endsWith("card=sino-soviet-split"));
    assert.equal(await page.locator("#tl-ev-sino-soviet-split").getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator(".timeline-list a[aria-current='true']").count(), 1);
    assert.equal(await page.locator("#tl-ev-sino-soviet-split").getAttribute("tabindex"), "0", "the tab stop follows the selection");
    assert.equal(await page.getByRole("toolbar").locator('[tabindex="0"]').count(), 1);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });
}

test("small screens: the timeline becomes a list that still selects events, with no sideways scroll", async () => {
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=timeline"), { viewport: { width: 360, height: 740 } });
  assert.equal(await page.locator(".timeline-axis").isVisible(), false);
  await page.locator(".timeline-list").getByRole("link", { name: HISTORY.find((c) => c.id === "ukraine-2022").title }).click();
  await page.waitForFunction(() => location.search.endsWith("card=ukraine-2022"));
  await page.waitForFunction(() => { const r = document.getElementById("timeline-detail").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  // The list's numbers stay inside the part (the page without JavaScript clips what leaves a part).
  const outside = await page.evaluate(() => {
    const part = document.querySelector(".part.timeline").getBoundingClientRect();
    return [...document.querySelectorAll(".event-no")].filter((n) => n.getBoundingClientRect().left < part.left).length;
  });
  assert.equal(outside, 0, "event numbers stick out of the part on the left");
  await assertAccessible(page, "timeline at 360px");
  assertNoConsoleErrors(errors);
  await context.close();
});

test("an 800x600 course frame: the axis scrolls sideways, and a deep-linked late event's mark is in sight", async () => {
  const last = ORDER.at(-1);
  const { page, context } = await open(browser, server.url + `?part=timeline&card=${last.id}&embed=1`, { viewport: { width: 800, height: 600 } });
  const { wider, inside } = await page.evaluate((id) => {
    const axis = document.querySelector(".timeline-axis");
    const [a, m] = [axis, document.getElementById(`tl-ev-${id}`)].map((e) => e.getBoundingClientRect());
    return { wider: axis.scrollWidth > axis.clientWidth, inside: m.left >= a.left && m.right <= a.right };
  }, last.id);
  assert.ok(wider, "at 800 px the axis is wider than its box (else this test checks nothing)");
  assert.ok(inside, `the selected mark (${last.title}) is in the axis's box`);
  // The key under the axis does not scroll away with it.
  assert.ok(await page.locator(".axis-legend").evaluate((e) => e.getBoundingClientRect().left >= 0), "the axis's key is in sight");
  assert.ok(await page.locator(".axis-scroll-hint").isVisible(), "the key says the axis scrolls sideways");
  await page.setViewportSize({ width: 1000, height: 700 });
  assert.equal(await page.evaluate(() => { const a = document.querySelector(".timeline-axis"); return a.scrollWidth > a.clientWidth; }), false, "at 1000 px the axis fits");
  assert.ok(!(await page.locator(".axis-scroll-hint").isVisible()), "where the axis fits, no scroll hint");
  await context.close();
});
