// Without JavaScript, on paper, and when the WebAssembly cannot start: the explainer stays readable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { serve, launch, open, MODES, startUrl, assertAccessible } from "./lib.mjs";

/** The text of a PDF as pdftotext (Debian's poppler-utils) reads it, in reading order, white space folded. */
const pdfText = (pdf) => execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString("utf8").replace(/\s+/g, " ");

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const mode of MODES) {
  test(`${mode}: with JavaScript off, the title, thesis, cards, data table and bibliography are readable`, async () => {
    const { page, context, requests } = await open(browser, startUrl(mode, server), { javaScript: false });
    assert.match(await page.locator("h1").innerText(), /Beijing's Charm Offensive/);
    assert.match(await page.locator(".noscript-note").innerText(), /need JavaScript/);
    assert.ok(await page.locator(".thesis").isVisible(), "the thesis is shown");
    const part = page.getByRole("link", { name: "Sources", exact: true });
    if (mode === "served") {
      // The served page shows the overview; its links lead to read.html for the parts.
      assert.equal(await part.getAttribute("href"), "read.html#part-sources");
      await part.click();
      await page.waitForURL(/read\.html#part-sources$/);
      assert.ok(await page.locator("#part-sources").isVisible(), "the link leads to the part");
    }
    // textContent: the parts below the screen are laid out lazily (content-visibility), so innerText skips them.
    const text = await page.locator("#app").textContent();
    for (const words of ["Soft power", "Shanghai Cooperation Organization", "Nye, J. S. (1990)", "Natural Earth"]) {
      assert.ok(text.includes(words), `the static page includes “${words}”`);
    }
    assert.equal(await page.locator(".bibliography > li").count(), 30);
    await page.locator("#part-sources").scrollIntoViewIfNeeded();
    assert.ok(await page.locator(".bibliography > li").first().isVisible(), "the bibliography shows when scrolled to");
    assert.ok(await page.locator("table").count() >= 1, "a data table is pre-rendered");
    assert.ok(/43\.82/.test(text), "the data table shows China-customs trade figures");
    assert.ok(requests.every((u) => !/\.wasm/.test(u)), "nothing is fetched for the app");
    // Part links become anchors on the static page.
    assert.equal(await part.getAttribute("href"), "#part-sources");
    await context.close();
  });

  test(`${mode}: printing shows the current view without navigation chrome`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=cards"));
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".parts-nav").isVisible(), false);
    assert.equal(await page.locator(".share-button").isVisible(), false);
    assert.ok(await page.locator("main h2").first().isVisible());
    assert.ok(await page.locator(".cites-toggle").first().isVisible(), "each card's citations print as text");
    const text = pdfText(await page.pdf({ format: "A4" }));
    assert.match(text, /Concepts & cards/, "the part's heading is on paper");
    assert.match(text, /Alignment/, "a card's title is on paper");
    assert.match(text, /\bP15\b/, "a card's paragraph citation is on paper");
    assert.doesNotMatch(text, /Share \/ embed/, "no Share button on paper");
    await context.close();
  });
}

for (const mode of MODES) {
  test(`${mode}: printing the map prints the map and its data table with each value's source`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map&layer=investment"));
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".parts-nav").isVisible(), false);
    const table = page.locator("table").first();
    assert.ok(await table.isVisible(), "the data table prints");
    assert.match(await table.innerText(), /Kazakhstan[\s\S]*32\.07[\s\S]*American Enterprise Institute/);
    assert.ok(await page.locator(".region-map").isVisible(), "the map prints");
    const text = pdfText(await page.pdf({ format: "A4" }));
    assert.match(text, /Kazakhstan[\s\S]*32\.07[\s\S]*American Enterprise Institute/, "a figure and its source are on paper");
    await context.close();
  });
}

test("the page for reading without JavaScript (read.html) has no accessibility violation, at 1280 and 390 px", async () => {
  // read.html has no script; axe is injected by the test. Its parts are laid out lazily (content-visibility),
  // and axe measures the skipped ones wrongly: every part is laid out first, as a reader scrolling reaches it.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.url.replace(/\/?$/, "/") + "read.html");
    assert.equal(await page.locator("#part-sources").count(), 1, "read.html has every part");
    await page.evaluate(() => document.querySelectorAll(".part").forEach((p) => p.style.setProperty("content-visibility", "visible")));
    await assertAccessible(page, `read.html at ${viewport.width} px`);
    await context.close();
  }
});

test("a WebAssembly that fails to start leaves a readable message and the pre-rendered text", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: "not wasm" }));
  // The site's packed wasm does not come either: the app falls back to the wasm file (static/boot.js).
  await page.route(/\.lzma$/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(server.url);
  await page.locator("#fatal").waitFor({ state: "visible" });
  assert.match(await page.locator("#fatal").innerText(), /stopped working/);
  assert.ok((await page.locator("#fatal-detail").innerText()).length > 0, "the reason is shown");
  assert.ok(await page.locator(".thesis").isVisible(), "the pre-rendered thesis is still there");
  await context.close();
});
