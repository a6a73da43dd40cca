// The shell: it starts from the served build and from the single file, every part is reachable by
// navigation and by URL, focus moves to the part's heading, nothing leaves the origin, axe is clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, MODES, startUrl, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const PARTS = [["overview", "Overview"], ["cards", "Concepts & cards"], ["map", "Map & data"], ["timeline", "Timeline"],
  ["study", "Study"], ["evidence", "Reading the evidence"], ["sources", "Sources"]];
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const mode of MODES) {
  test(`${mode}: the header names the essay and links to the original`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server));
    await assert.doesNotReject(page.getByRole("heading", { level: 1, name: /Beijing's Charm Offensive/ }).waitFor());
    const link = page.getByRole("link", { name: /Read the original essay/ });
    assert.match(await link.getAttribute("href"), /^https:\/\/www\.e-ir\.info\/2024\/10\/01\//);
    assert.match(await page.locator(".byline").innerText(), /Zhanserik Temirtashev.*1 October 2024/);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: every part is reachable from the navigation, by keyboard, and passes axe`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server));
    for (const [key, label] of PARTS) {
      const link = page.getByRole("navigation", { name: "Parts of the explainer" }).getByRole("link", { name: label, exact: true });
      await link.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((k) => location.search === (k === "overview" ? "" : `?part=${k}`), key);
      assert.equal(await link.getAttribute("aria-current"), "page");
      if (key !== "overview") {
        // Focus lands on the part's heading, but on the served site a part may first show its loading section and
        // give focus back once its texts come: wait for it (up to 5 s) rather than read it once, then check it.
        await page.waitForFunction((k) => document.activeElement && document.activeElement.id === `part-${k}`, key, { timeout: 5000 })
          .catch(() => {});
        const focused = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
        assert.equal(focused, `part-${key}`, `focus moves to the ${key} heading`);
      }
      await assertAccessible(page, `on part ${key} (${mode})`);
    }
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: each part opens directly from its URL, and back returns to the previous part`, async () => {
    for (const [key, label] of PARTS.slice(1)) {
      const { page, context } = await open(browser, startUrl(mode, server, `?part=${key}`));
      assert.equal(await page.locator("main h2").first().innerText(), label);
      await context.close();
    }
    const { page, context } = await open(browser, startUrl(mode, server));
    await page.getByRole("link", { name: "Sources", exact: true }).click();
    // The sources part is the page's own section (an island): shown again in full when the reader comes back. On
    // the served site its text comes when the reader goes there (src/prose.rs).
    await page.locator("main ol.bibliography > li").first().waitFor();
    const entries = await page.locator("main ol.bibliography > li").count();
    assert.ok(entries > 10, `the bibliography (${entries} entries)`);
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    // The address is written once the new part is painted; a reader presses Back after seeing it.
    await page.waitForFunction(() => location.search === "?part=timeline");
    await page.goBack();
    await page.waitForFunction(() => location.search === "?part=sources");
    assert.equal(await page.locator("main h2").first().innerText(), "Sources");
    assert.equal(await page.locator("main ol.bibliography > li").count(), entries, "the bibliography again");
    assert.equal(await page.locator("main .sources").getByText("could not be read from the page").count(), 0);
    await context.close();
  });
}

test("phones: the byline's date stays whole and Share sits beside the byline (44 px, clear of the title); the dialog's Close is in view in an 800x600 frame", async () => {
  const box = (page, sel) => page.locator(sel).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: r.height, lines: e.getClientRects().length }; });
  for (const [width, javaScript] of [[390, false], [390, true], [320, true], [800, true]]) {
    const { page, context } = await open(browser, server.url, { viewport: { width, height: 844 }, javaScript });
    assert.equal((await box(page, ".byline time")).lines, 1, `${width} px (${javaScript ? "app" : "page"}): the date is on one line`);
    if (javaScript) {
      const [b, h1, byline, header] = await Promise.all([".share-button", "header h1", ".byline", ".site-header"].map((s) => box(page, s)));
      assert.ok(b.h >= 44 && b.right <= width, `${width} px: Share is 44 px tall and on screen (${JSON.stringify(b)})`);
      assert.ok(b.top >= h1.bottom - 1 || b.left >= h1.right, `${width} px: Share does not overlap the title`);
      if (width < 640) assert.ok(b.top < byline.bottom && b.bottom <= header.bottom, `${width} px: Share is beside the byline, not on a row of its own`);
    }
    await context.close();
  }
  const { page, context } = await open(browser, server.url + "?part=map&embed=1", { viewport: { width: 390, height: 700 } });
  assert.ok((await page.locator(".site-header").boundingBox()).height < 60, "an embed keeps its one-line bar");
  await context.close();
  const frame = await open(browser, server.url + "?part=map", { viewport: { width: 800, height: 600 } });
  await frame.page.getByRole("button", { name: "Share / embed" }).click();
  const dialog = frame.page.getByRole("dialog", { name: "Share or embed this view" });
  assert.ok(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight && d.scrollTop === 0), "the dialog scrolls inside itself");
  const close = await dialog.getByRole("button", { name: "Close" }).boundingBox();
  const d = await dialog.boundingBox();
  assert.ok(close.y >= d.y && close.y + close.height <= d.y + d.height && close.y + close.height <= 600, "Close is in view without scrolling");
  await frame.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await frame.page.evaluate(() => document.activeElement.id), "share-button", "focus returns to Share");
  await frame.context.close();
});

test("small screens: at 360 px nothing scrolls sideways", async () => {
  const { page, context } = await open(browser, startUrl("served", server), { viewport: { width: 360, height: 740 } });
  for (const [key] of PARTS) {
    await page.goto(startUrl("served", server, `?part=${key}`));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `part ${key} overflows by ${overflow}px at 360px`);
  }
  await context.close();
});

test("a layer switch writes nothing in the navigation in its frame; the links carry the new layer once the reader pauses, or at once when the reader comes to them", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width: 960, height: 800 } });
  const timeline = page.locator(".parts-nav").getByRole("link", { name: "Timeline", exact: true });
  await page.evaluate(() => {
    window.__writes = [];
    new MutationObserver((list) => { for (const m of list) window.__writes.push(m.attributeName); })
      .observe(document.querySelector(".parts-nav"), { attributes: true, subtree: true, childList: true });
  });
  await page.getByRole("button", { name: "Investment", exact: true }).click();
  // The frame that shows the switch (the click's render is done before it).
  assert.deepEqual(await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(window.__writes)))), []);
  await page.waitForFunction(() => document.querySelector(".parts-nav a[aria-current]") &&
    [...document.querySelectorAll(".parts-nav a")].every((a) => a.getAttribute("href").includes("layer=investment")));
  assert.equal(await timeline.getAttribute("href"), "?part=timeline&layer=investment");
  assert.deepEqual(await page.evaluate(() => window.__writes), Array(7).fill("href"), "each link written once");
  // Straight after a switch, a pointer or focus coming to the navigation brings its links up to date before anyone can
  // follow one (the pointer and the keyboard as the browser sends them: the switch waits to be handed to the app,
  // which renders in the microtask between the page's listeners, as it does only for events the browser dispatches).
  await page.getByRole("button", { name: "Students", exact: true }).click();
  await timeline.hover();
  assert.equal(await timeline.getAttribute("href"), "?part=timeline&layer=students");
  await page.getByRole("button", { name: "Trade", exact: true }).click();
  await page.evaluate(() => [...document.querySelectorAll(".parts-nav a")].at(-1).focus({ preventScroll: true }));
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest(".parts-nav") !== null), true, "focus is on the navigation");
  assert.equal(await timeline.getAttribute("href"), "?part=timeline", "trade, the first layer, is not written");
  await context.close();
});

test("served: the stylesheet's deferred file fails to load: a notice says so, Try again brings the styles and the notice goes", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  let block = true;
  await page.route(/\/assets\/css\.[0-9a-f]+\.js$/, (route) => (block ? route.abort() : route.continue()));
  await page.goto(server.url + "?part=timeline");
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  const note = page.locator("#css-failed");
  await note.waitFor();
  assert.match(await note.innerText(), /layout did not load/);
  const styles = () => page.evaluate(() => document.querySelectorAll("style[data-order]").length);
  const before = await styles();
  block = false;
  await note.getByRole("button", { name: "Try again" }).focus();
  await page.keyboard.press("Enter");
  await note.waitFor({ state: "detached" });
  assert.ok(await styles() > before, "the stylesheet's other files are in");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main", "focus goes to the main content");
  assert.deepEqual(errors, []);
  await context.close();
});

test("phones: a link to a part further along the navigation opens with that part's link in sight in the sideways list", async () => {
  for (const part of ["study", "sources"]) {
    const { page, context } = await open(browser, server.url + `?part=${part}`, { viewport: { width: 390, height: 844 } });
    const seen = await page.evaluate(() => {
      const a = document.querySelector(".parts-nav [aria-current=page]"), list = a.closest("ul");
      const r = a.getBoundingClientRect(), l = list.getBoundingClientRect();
      return [a.textContent, r.left >= l.left - 1 && r.right <= l.right + 1, window.scrollY];
    });
    assert.deepEqual(seen.slice(1), [true, 0], `${seen[0]}: its link is in sight, and the page did not scroll`);
    await context.close();
  }
});
