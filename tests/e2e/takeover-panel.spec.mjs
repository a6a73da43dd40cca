// Take-over of the map's data panel: on start the app keeps the pre-rendered panel (notes, comparisons, table, CSV,
// across the years) as the same nodes, nothing in it moves, and every feature still works on those nodes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, startUrl, SINGLE_FILE_URL, holdWasm } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const notBusy = (page) => page.waitForFunction(() => { const p = document.querySelector("main .data-panel"); return p && !p.hasAttribute("aria-busy"); });

for (const [query, least] of [["?part=map", 0.9], ["?part=map&layer=students&country=UZ", 0.5]]) {
  test(`served ${query}: the app keeps the panel's nodes, nothing in it moves, and sorting, sources, comparisons, rows and CSV work`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const release = await holdWasm(page);
    await page.goto(server.url + query);
    await page.locator("main .data-panel .data-table").waitFor({ state: "attached" });
    const marked = await page.evaluate(() => {
      const panel = document.querySelector("main .data-panel");
      const all = [panel, ...panel.querySelectorAll("*")];
      for (const el of all) el.__prerendered = true;
      // Measured from the panel's top.
      const top = (s) => document.querySelector(s).getBoundingClientRect().top - panel.getBoundingClientRect().top;
      window.__tops = ["h3#compare-heading", "#across-title", ".data-side h3"].map(top);
      return all.length;
    });
    assert.ok(marked > 150, `the page's panel has its blocks (${marked} elements)`);
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 });
    await notBusy(page);
    await page.waitForTimeout(200);
    const [count, kept, anew, moved] = await page.evaluate(() => {
      const panel = document.querySelector("main .data-panel");
      // What is seen: the comparisons of other layers, hidden, are the app's own (the page without JavaScript has them
      // in its fold).
      const all = [panel, ...panel.querySelectorAll("*")].filter((el) => !el.closest("[hidden]"));
      const anew = all.filter((el) => el.__prerendered !== true);
      const top = (s) => document.querySelector(s).getBoundingClientRect().top - panel.getBoundingClientRect().top;
      const tops = ["h3#compare-heading", "#across-title", ".data-side h3"].map(top);
      return [all.length, all.length - anew.length, [...new Set(anew.map((el) => el.tagName + "." + (el.getAttribute("class") || "")))].join(" "),
        tops.map((t, i) => Math.round(t - window.__tops[i]))];
    });
    assert.ok(kept / count >= least, `${kept} of ${count} elements of the panel are the page's own (new: ${anew})`);
    assert.equal(await page.evaluate(() => document.querySelector("main .data-panel").__prerendered), true, "the panel itself");
    // The page's own view: nothing is new (the page carries the table's sort and republic buttons too, data-app).
    if (!query.includes("layer")) assert.equal(anew, "");
    if (!query.includes("layer")) assert.deepEqual(moved, [0, 0, 0], "the comparisons, the table across the years and the notes did not move");
    // The page's places of buttons are the app's buttons now; what only the page without JavaScript shows is gone.
    assert.equal(await page.locator("main .data-panel [data-needs-js], main .data-panel [data-no-js]").count(), 0);
    const caption = await page.locator("main .data-table caption").textContent();
    assert.match(caption, query.includes("students") ? /Students/ : /Trade in goods with China, 2024/);
    if (query.includes("country=UZ")) {
      assert.match(await page.locator('main .data-table tr[data-country="UZ"]').first().getAttribute("class"), /selected/);
    }

    // Sort (trade: by value both ways).
    if (!query.includes("students")) {
      const order = () => page.locator("main .data-table tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.country).join());
      const first = await order();
      await page.locator('main button[data-sort="Value"]').click();
      assert.equal(await page.locator("main th", { has: page.locator('button[data-sort="Value"]') }).getAttribute("aria-sort"), "ascending");
      const up = await order();
      await page.locator('main button[data-sort="Value"]').click();
      assert.equal(await page.locator("main th", { has: page.locator('button[data-sort="Value"]') }).getAttribute("aria-sort"), "descending");
      assert.equal(await order(), up.split(",").reverse().join(), "descending is ascending reversed (no gaps in trade 2024)");
      assert.notEqual(up, first);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), "Value", "focus stays on the sort button");
    }
    // A source opens in place and closes.
    const toggle = page.locator("main .data-table tbody .source-toggle").first();
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.match(await page.locator("main .data-table tbody .figure-source").first().innerText(), /Source: /);
    await toggle.click();
    assert.equal(await page.locator("main .data-table tbody .figure-source").count(), 0);
    // Every comparison, and back.
    const shown = () => page.locator("main .data-compare .compare").evaluateAll((as) => as.filter((a) => !a.hidden).length);
    const some = await shown();
    await page.locator("main .compare-all").click();
    assert.equal(await shown(), await page.locator("main .data-compare .compare").count());
    await page.locator("main .compare-all").click();
    assert.equal(await shown(), some);
    // A row selects its republic (and the map's selection).
    await page.locator('main .data-table tr[data-country="TJ"]:not(.off-map) td').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "TJ");
    assert.equal(await page.locator('main .data-table tr[data-country="TJ"]:not(.off-map) .select-country').getAttribute("aria-pressed"), "true");
    // The CSV downloads.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download CSV/ }).click()]);
    assert.match(download.suggestedFilename(), /^china-central-asia-.*\.csv$/);
    // A layer switch writes on the same nodes.
    await page.locator("main [data-layer=confucius]").click();
    await page.waitForFunction(() => /Confucius/.test(document.querySelector("main .data-table caption").textContent));
    await notBusy(page);
    assert.deepEqual(await page.evaluate(() => ["main .data-panel", "main .data-table", "#compare-heading", "#across-title"].map((s) => document.querySelector(s).__prerendered === true)),
      [true, true, true, true], "the panel's blocks are still the page's after a layer switch");
    assert.match(await page.locator("#across-title").textContent(), /Confucius/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("file: the single file's panel is kept too, and its source buttons work", async () => {
  const { page, context, errors } = await open(browser, SINGLE_FILE_URL + "?part=map");
  await notBusy(page);
  const toggle = page.locator("main [data-compare]:not([hidden]) .source-toggle").first();
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("main .data-panel [data-no-js], main .data-panel .static-fold").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without JavaScript the panel shows every comparison and every layer's table with sources, and no button", async () => {
  const { page, context } = await open(browser, startUrl("file", server, "?part=map"), { javaScript: false });
  const panel = page.locator("main .data-panel");
  assert.equal(await panel.locator("button:visible").count(), 0, "no button that would do nothing");
  await panel.locator(".static-fold > summary").click();
  await panel.locator(".static-fold .data-table").last().waitFor({ state: "visible" });
  assert.deepEqual(await panel.locator(".data-compare .compare").evaluateAll((as) => [as.filter((a) => a.checkVisibility({ visibilityProperty: true })).length, as.length]), [8, 8], "every comparison (the view's, and the others in the fold)");
  assert.equal(await panel.locator(".data-table:visible").count(), 8, "every layer's and period's table");
  assert.ok(await panel.locator(".data-table .source-brief:visible").count() >= 40, "each value's source in brief");
  assert.ok(await panel.locator(".data-compare .figure-source:visible").count() > 0, "comparisons' sources written out");
  await context.close();
});
