// An embed fits its frame: in a sandboxed iframe of 800x600, 640x480 and 360x640 the chosen part's first
// screen is usable without scrolling the frame (map: layer and period controls and the whole map; cards: the
// theme filter and two cards; study: the tour step with its buttons), under a one-line header whose part
// menu works by keyboard and keeps the embed's settings.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "./lib.mjs";

const SIZES = [[800, 600], [640, 480], [360, 640]];
const host = (w, h, query) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course page</title></head>
<body style="margin:0"><iframe id="explainer" sandbox="allow-scripts" src="/index.html?${query}" title="Explainer" style="display:block;border:0;width:${w}px;height:${h}px"></iframe></body></html>`;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** Opens the explainer in a sandboxed frame of w x h on a course page; returns the frame once the app runs. */
async function embed(context, w, h, query) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/course.html", (r) => r.fulfill({ contentType: "text/html", body: host(w, h, query) }));
  await page.goto(server.url + "course.html");
  await page.frameLocator("#explainer").locator("html[data-ready='1']").waitFor({ timeout: 15000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Let the first layout settle (fonts, the map's size).
  await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return { page, frame, errors };
}

/** Element boxes in the frame's viewport, and the viewport itself (the frame has not been scrolled). */
function boxes(frame, selectors) {
  return frame.evaluate((selectors) => {
    const out = { vw: document.documentElement.clientWidth, vh: innerHeight, scrollY };
    for (const [name, sel] of Object.entries(selectors)) {
      const all = [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0);
      out[name] = all.map((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; });
    }
    return out;
  }, selectors);
}

function assertOnFirstScreen(b, name, label, index = 0) {
  const box = b[name][index];
  assert.ok(box, `${label}: ${name}${index ? ` #${index + 1}` : ""} is shown`);
  assert.ok(box.height > 0, `${label}: ${name} has a size`);
  assert.ok(box.top >= -0.5 && box.bottom <= b.vh + 0.5, `${label}: ${name} spans ${Math.round(box.top)}-${Math.round(box.bottom)} px of a ${b.vh} px frame`);
  assert.ok(box.left >= -0.5 && box.right <= b.vw + 0.5, `${label}: ${name} spans ${Math.round(box.left)}-${Math.round(box.right)} px of a ${b.vw} px wide frame`);
}

function assertOneLineHeader(b, label) {
  assert.equal(b.scrollY, 0);
  const [header] = b.header;
  assert.ok(header && header.height <= 60, `${label}: the header is one line (${Math.round(header?.height)} px)`);
  assertOnFirstScreen(b, "menu", label);
  assert.ok(b.menu[0].top < header.bottom, `${label}: the part menu sits in the header's line`);
}

for (const [w, h] of SIZES) {
  const label = `${w}x${h}`;
  test(`${label}: the map part shows its layer and period controls and the whole map without scrolling`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const { frame, errors } = await embed(context, w, h, "part=map&layer=trade&embed=1");
    const b = await boxes(frame, { header: ".site-header", menu: ".parts-menu > summary", layers: ".toggle-group[aria-label='Data layer']", period: ".toggle-group[aria-label='Period']", map: "svg.region-map" });
    assertOneLineHeader(b, label);
    for (const name of ["layers", "period", "map"]) assertOnFirstScreen(b, name, label);
    assert.ok(b.map[0].height >= Math.min(180, h * 0.3), `${label}: the map is not squeezed (${Math.round(b.map[0].height)} px high)`);
    // The map's box has its view box's 10:7 shape: no bands of sea colour beside a height-limited map.
    const width = b.map[0].right - b.map[0].left, ratio = width / b.map[0].height;
    assert.ok(Math.abs(ratio - 10 / 7) < 0.03, `${label}: the map's box is ${Math.round(width)} x ${Math.round(b.map[0].height)} px, not 10:7`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${label}: the cards part shows the theme filter and at least two cards without scrolling`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const { frame, errors } = await embed(context, w, h, "part=cards&embed=1");
    const b = await boxes(frame, { header: ".site-header", menu: ".parts-menu > summary", filter: ".theme-filter", cards: ".card-grid > .card" });
    assertOneLineHeader(b, label);
    assertOnFirstScreen(b, "filter", label);
    assertOnFirstScreen(b, "cards", label, 0);
    assertOnFirstScreen(b, "cards", label, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${label}: a tour step shows its text and its buttons without scrolling`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    for (const step of [1, 6]) {
      const { page, frame, errors } = await embed(context, w, h, `part=study&step=${step}&embed=1`);
      const b = await boxes(frame, { header: ".site-header", menu: ".parts-menu > summary", title: "#tour-title", next: "#tour-next", back: "#tour-back", end: ".end-tour" });
      assertOneLineHeader(b, `${label} step ${step}`);
      for (const name of ["title", "next", "back", "end"]) assertOnFirstScreen(b, name, `${label} step ${step}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
    await context.close();
  });
}

test("the part menu opens and closes by keyboard, and its links keep the embed's settings", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const { frame } = await embed(context, 360, 640, "part=map&embed=1&hide=share");
  const summary = frame.locator(".parts-menu > summary");
  const links = frame.locator(".parts-menu a");
  assert.equal(await links.first().isVisible(), false, "the menu starts closed");
  await summary.focus();
  await frame.page().keyboard.press("Enter");
  await links.first().waitFor({ state: "visible" });
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    assert.match(href, /[?&]embed=1(&|$)/, `${href} keeps embed=1`);
    assert.match(href, /[?&]hide=share(&|$)/, `${href} keeps hide`);
  }
  // Every link of the menu is on screen once it is open.
  const b = await boxes(frame, { links: ".parts-menu a" });
  for (let i = 0; i < b.links.length; i++) assertOnFirstScreen(b, "links", "open menu", i);
  await frame.page().keyboard.press("Escape");
  await links.first().waitFor({ state: "hidden" });
  assert.equal(await frame.evaluate(() => document.activeElement?.tagName), "SUMMARY", "Escape gives focus back to the menu button");
  await frame.page().keyboard.press("Enter");
  await frame.locator(".parts-menu a", { hasText: "Timeline" }).click();
  await frame.locator("main h2", { hasText: "Timeline" }).waitFor();
  assert.equal(await links.first().isVisible(), false, "choosing a part closes the menu");
  await frame.waitForFunction(() => new URLSearchParams(location.search).get("part") === "timeline");
  const q = await frame.evaluate(() => location.search);
  assert.match(q, /embed=1/); assert.match(q, /hide=share/);
  // A link inside the timeline's text keeps the embed too.
  const inText = await frame.locator(".timeline-list a").first().getAttribute("href");
  assert.match(inText, /embed=1/);
  await context.close();
});
