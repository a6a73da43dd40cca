// The data layers: every layer and period by mouse and by keyboard, the values on the map and in the table
// checked against content/figures.json, a source opened in place, the table sorted, the CSV downloaded and
// compared with the data, the live region updated, axe clean, nothing leaves the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, MODES, startUrl, ROOT, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const FIGURES = JSON.parse(readFileSync(join(ROOT, "content/figures.json"), "utf8"));
const byId = new Map(FIGURES.map((f) => [f.id, f]));
const NAMES = { KZ: "Kazakhstan", KG: "Kyrgyzstan", TJ: "Tajikistan", TM: "Turkmenistan", UZ: "Uzbekistan" };
const LAYERS = [
  { key: "trade", label: "Trade", data: "trade", years: ["2013", "2022", "2023", "2024"] },
  { key: "investment", label: "Investment", data: "investment", years: ["2005-2018", "2005-2021"] },
  { key: "students", label: "Students", data: "students", years: [null] },
  { key: "confucius", label: "Confucius Institutes", data: "confucius", years: [null] },
];
/** What the data says is missing on the map, and how it is written. */
const GAPS = { "trade/2013/KG": "no data", "trade/2022/UZ": "no data", "confucius/null/TM": "none found" };

/** The number as the app writes it: at most 3 decimals, trailing zeros dropped, thousands grouped. */
function number(v) {
  return v.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
function written(f) {
  const n = f.unit === "USD bn" ? `$${number(f.value)}bn` : number(f.value);
  return f.qualifier ? `${f.qualifier} ${n}` : n;
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** Reads the table: for each row, its country, figure id, value text and whether it is on the map. */
async function tableRows(page) {
  return page.locator(".data-table tbody tr").evaluateAll((rows) => rows.map((r) => ({
    country: r.dataset.country, figure: r.dataset.figure || null, offMap: r.classList.contains("off-map"),
    value: (r.querySelector(".value-text") || r.querySelector(".gap-cell")).textContent.trim(),
  })));
}
/** Reads the map: country name -> the value written under it. */
async function mapLabels(page) {
  return page.locator("svg .republic-label").evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.querySelector(".name").textContent.trim(), g.querySelector(".value").textContent.trim()])));
}

/** Checks what the page shows for one layer and period against figures.json. */
async function checkValues(page, layer, year) {
  const rows = await tableRows(page);
  const labels = await mapLabels(page);
  for (const [cc, name] of Object.entries(NAMES)) {
    const gap = GAPS[`${layer.key}/${year}/${cc}`];
    const onMap = rows.find((r) => r.country === cc && !r.offMap);
    assert.ok(onMap, `${layer.key} ${year}: a row for ${cc}`);
    if (gap) {
      assert.equal(onMap.figure, null, `${layer.key} ${year} ${cc} is missing`);
      assert.equal(onMap.value, gap);
      assert.equal(labels[name], gap, `the map writes "${gap}" for ${name}`);
      continue;
    }
    const f = byId.get(onMap.figure);
    assert.ok(f, `${onMap.figure} is in figures.json`);
    assert.equal(f.layer, layer.data, `${f.id} belongs to the ${layer.data} layer`);
    assert.equal(f.country, cc);
    if (year) assert.equal(f.year, year, `${f.id} is for ${year}`);
    assert.ok(f.source_publisher || f.source_url, `${f.id} has a source`);
    assert.equal(onMap.value, f.unit === "USD bn" ? `${f.qualifier ? f.qualifier + " " : ""}$${number(f.value)}bn` : written(f));
    assert.ok(labels[name] && labels[name].startsWith(written(f)), `map shows ${written(f)} for ${name}, got ${labels[name]}`);
  }
  for (const r of rows.filter((r) => r.figure)) assert.equal(byId.get(r.figure).layer, layer.data, `${r.figure} in the ${layer.key} table`);
}

async function choose(page, group, name, byKeyboard) {
  const button = page.getByRole("group", { name: group }).getByRole("button", { name, exact: true });
  if (byKeyboard) { await button.focus(); await page.keyboard.press(byKeyboard); } else await button.click();
  await page.waitForFunction(([g, n]) => [...document.querySelectorAll(`[role=group][aria-label="${g}"] button`)].some((b) => b.textContent.trim() === n && b.getAttribute("aria-pressed") === "true"), [group, name]);
  await panelSettled(page);
}

/** Waits until the panel below the map shows the current view (it follows a frame later while off screen). */
async function panelSettled(page) {
  await page.waitForFunction(() => { const p = document.querySelector(".data-panel"); return p && !p.hasAttribute("aria-busy"); });
}

/** The comparisons on screen beside the map, by id. */
async function shownComparisons(page) {
  return page.locator(".data-compare .compare").evaluateAll((as) => as.filter((a) => !a.hidden).map((a) => a.dataset.compare).sort());
}
const COMPARISONS = JSON.parse(readFileSync(join(ROOT, "content/data-notes.json"), "utf8")).comparisons;

for (const mode of MODES) {
  for (const [how, key] of [["mouse", null], ["keyboard", "Enter"], ["keyboard (space)", " "]]) {
    test(`${mode}: every layer and period by ${how} shows the data file's values on the map and in the table`, async () => {
      const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=map"));
      for (const layer of LAYERS) {
        await choose(page, "Data layer", layer.label, key);
        for (const year of layer.years) {
          if (year) await choose(page, "Period", year, key);
          await checkValues(page, layer, year);
        }
      }
      assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
      await context.close();
    });
  }

  test(`${mode}: the live region reads each change, and never ranks students`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map"));
    const live = page.locator(".data-announce");
    assert.equal(await live.getAttribute("aria-live"), "polite");
    assert.match(await live.textContent(), /^Trade, 2024, Chinese official figures: Kazakhstan highest at 43\.82 billion US dollars/);
    await choose(page, "Period", "2022");
    await page.waitForFunction(() => document.querySelector(".data-announce").textContent.includes("No data for Uzbekistan"));
    await choose(page, "Data layer", "Students");
    const text = await live.textContent();
    assert.match(text, /not comparable/);
    assert.doesNotMatch(text, /highest|lowest|most|fewest/);
    await context.close();
  });

  test(`${mode}: a value's source opens in place with publisher, date and link`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map"));
    const row = page.locator('.data-table tr[data-country="KZ"]');
    const button = row.getByRole("button", { name: /^Source of Kazakhstan/ });
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const f = byId.get(await row.getAttribute("data-figure"));
    const source = row.locator(".figure-source");
    assert.match(await source.innerText(), new RegExp(f.source_publisher.replace(/[()[\]]/g, ".")));
    assert.equal(await source.locator("a").getAttribute("href"), f.source_url);
    assert.match(await source.innerText(), /Confidence: high/);
    await context.close();
  });

  test(`${mode}: the table sorts by value both ways, and a row selects its republic`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map"));
    const values = async () => (await tableRows(page)).map((r) => byId.get(r.figure).value);
    const th = page.locator("th", { has: page.locator('button[data-sort="Value"]') });
    await th.getByRole("button").click();
    assert.equal(await th.getAttribute("aria-sort"), "ascending");
    const up = await values();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await th.getByRole("button").click();
    assert.equal(await th.getAttribute("aria-sort"), "descending");
    assert.deepEqual(await values(), [...up].reverse());
    await page.locator('.data-table tr[data-country="TJ"] td').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "TJ");
    assert.match(await page.locator('.data-table tr[data-country="TJ"]').getAttribute("class"), /selected/);
    assert.equal(await page.locator('.data-table tr[data-country="TJ"] .select-country').getAttribute("aria-pressed"), "true");
    await context.close();
  });

  test(`${mode}: the CSV download holds the visible layer with its sources`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map&layer=investment"), { context: { acceptDownloads: true } });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download CSV/ }).click()]);
    assert.equal(download.suggestedFilename(), "china-central-asia-investment-2005-2018.csv");
    const text = readFileSync(await download.path(), "utf8");
    const lines = text.trim().split("\r\n");
    assert.match(lines[0], /^id,country,year,value,unit,qualifier,source_publisher,source_title,source_url,source_date,confidence,note/);
    const ids = lines.slice(1).map((l) => l.split(",")[0]);
    assert.deepEqual(ids.sort(), ["KG", "KZ", "TJ", "TM", "UZ"].map((c) => `investment-2005-2018-${c}`).sort());
    for (const line of lines.slice(1)) {
      const [id, country, year, value] = line.split(",");
      const f = byId.get(id);
      assert.deepEqual([country, year, Number(value)], [f.country, f.year, f.value]);
      assert.ok(line.includes(f.source_url), `${id} carries its source URL`);
      // A note the pre-rendered page does not carry: the browser build keeps its text (src/prose.rs).
      assert.ok(line.includes(f.note), `${id} carries its note`);
    }
    await context.close();
  });

  test(`${mode}: each layer passes axe`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=map"));
    for (const layer of LAYERS) {
      await choose(page, "Data layer", layer.label);
      await assertAccessible(page, `on the ${layer.key} layer (${mode})`);
    }
    await choose(page, "Data layer", "Trade");
    await page.getByRole("button", { name: "Per person" }).click();
    await page.waitForFunction(() => document.querySelector(".data-announce").textContent.startsWith("Trade per person"));
    await assertAccessible(page, `per person (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });
}

for (const mode of MODES) {
  test(`${mode}: beside the map, the essay's figures and the sources' for the visible layer and period`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=map"));
    const expected = (layer, year) => COMPARISONS.filter((c) => c.layer === layer && (!c.year || c.year === year)).map((c) => c.id).sort();
    for (const layer of LAYERS) {
      await choose(page, "Data layer", layer.label);
      for (const year of layer.years) {
        if (year) await choose(page, "Period", year);
        assert.deepEqual(await shownComparisons(page), expected(layer.key, year), `${layer.key} ${year}`);
      }
    }
    // Trade 2022: the essay's $70bn beside customs' $70.2bn, each with its source one click away.
    await choose(page, "Data layer", "Trade");
    await choose(page, "Period", "2022");
    const trade = page.locator('[data-compare="trade-2022"]');
    const text = await trade.innerText();
    assert.match(text, /\$70bn/);
    assert.match(text, /\$70\.2bn/);
    await trade.getByRole("button", { name: /^source of \$70\.2bn/ }).click();
    assert.match(await trade.locator(".figure-source").innerText(), /Source: /);
    // "Show all" shows every comparison, whatever the layer.
    await page.getByRole("button", { name: `Show all ${COMPARISONS.length} comparisons` }).click();
    assert.equal((await shownComparisons(page)).length, COMPARISONS.length);
    await assertAccessible(page, `all comparisons (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });
}

for (const mode of MODES) {
  test(`${mode}: a republic chosen on the map shows the map's value in its profile, its source one click away`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=map&layer=investment"));
    await page.locator("#map-TJ").click();
    const value = page.locator('.profile .facts dt:text-is("On the map: Investment, 2005-2018") + dd .figure');
    const f = byId.get("investment-2005-2018-TJ");
    assert.equal((await value.locator(".figure-value").innerText()).trim(), written(f));
    assert.equal((await page.locator("#map-TJ").getAttribute("aria-label")).split(": ")[1].split(",")[0], written(f), "the same value as on the map");
    await value.getByRole("button", { name: /^source/ }).click();
    const source = await value.locator(".figure-source").innerText();
    assert.match(source, new RegExp(f.source_publisher.replace(/[()[\]]/g, ".")));
    assert.match(source, /Confidence: /);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });
}

test("the panel below the map follows a switch at once when on screen, a frame later when off screen", async () => {
  for (const [height, onScreen] of [[3200, true], [700, false]]) {
    const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width: 1280, height } });
    // The panel knows whether it is on screen once its IntersectionObserver has reported: after a frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const seen = await page.evaluate(() => new Promise((resolve) => {
      const map = () => document.querySelector(".region-map .republic-label .value").textContent;
      const before = map();
      document.querySelector('main [data-layer="investment"]').click();
      // After the app's render (a microtask), before any frame: is the table already on the new layer?
      Promise.resolve().then(() => Promise.resolve()).then(() => resolve({
        caption: document.querySelector(".data-table caption").textContent,
        busy: document.querySelector(".data-panel").getAttribute("aria-busy"),
        mapChanged: map() !== before,
      }));
    }));
    assert.ok(seen.mapChanged, "the map has changed at once");
    if (onScreen) {
      assert.match(seen.caption, /investment/i, "on screen, the table changes with the map");
      assert.equal(seen.busy, null);
    } else {
      assert.doesNotMatch(seen.caption, /investment/i, "off screen, the table waits for the next frame");
      assert.equal(seen.busy, "true", "and says it is being updated");
      await panelSettled(page);
      assert.match(await page.locator(".data-table caption").textContent(), /investment/i);
    }
    await context.close();
  }
});

test("after quick switches with the legend, the list of republics and the panel off screen, all show what a fresh load of the last layer shows", async () => {
  // The legend patches its items in place; it, the list of republics and the panel wait off screen (the panel's content
  // a component of its own): after a burst of switches and a scroll down, their markup must be that of the same view loaded afresh.
  const markup = (page) => page.evaluate(() => ({
    legend: document.querySelector(".map-figure .legend").outerHTML,
    list: document.querySelector(".country-list").outerHTML,
    // What the panel shows (its text as laid out; attribute order may differ from a fresh render's).
    panel: document.querySelector(".data-panel").innerText,
  }));
  const fresh = await open(browser, startUrl("served", server, "?part=map&layer=confucius"), { viewport: { width: 960, height: 700 } });
  await fresh.page.locator(".data-panel").scrollIntoViewIfNeeded();
  await panelSettled(fresh.page);
  const want = await markup(fresh.page);
  await fresh.context.close();
  const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width: 960, height: 700 } });
  for (const layer of ["investment", "students", "trade", "students", "confucius"]) {
    await page.locator(`main [data-layer="${layer}"]`).click();
    await page.waitForTimeout(30);
  }
  // Off screen, the legend catches up once the switches pause (marked busy until then), without being scrolled to.
  await page.waitForFunction(() => !document.querySelector(".map-figure figcaption").hasAttribute("aria-busy"), null, { timeout: 3000 });
  assert.equal(await page.locator(".legend-title").first().textContent(), "Colour: institutes", "the legend is current while off screen");
  await page.waitForFunction(() => !document.querySelector(".country-list").hasAttribute("aria-busy"), null, { timeout: 3000 });
  assert.equal(await page.evaluate(() => document.querySelector(".country-list").outerHTML), want.list, "the list is current while off screen");
  await page.locator(".data-panel").scrollIntoViewIfNeeded();
  await panelSettled(page);
  const got = await markup(page);
  assert.equal(got.legend, want.legend);
  assert.equal(got.list, want.list);
  assert.match(got.panel, /Confucius/);
  assert.equal(got.panel, want.panel, "the panel reads as a fresh load of the same view");
  await context.close();
});

test("a switch with the blocks below out of sight reaches the app when the reader moves on: a part followed at once keeps the new layer, Back shows it", async () => {
  // At 960x800 the legend, the list and the panel are below the fold: a layer press is shown on the map and the
  // controls, and handed to the app when the reader pauses or does anything else (crate::components::map::sync).
  const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width: 960, height: 800 } });
  await page.locator('main [data-layer="students"]').click();
  assert.equal(await page.locator('main [data-layer="students"]').getAttribute("aria-pressed"), "true");
  await page.locator(".parts-nav").getByRole("link", { name: "Timeline", exact: true }).click();
  await page.waitForFunction(() => location.search.includes("part=timeline"));
  assert.equal(new URL(page.url()).search, "?part=timeline&layer=students");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main [data-layer="students"]')?.getAttribute("aria-pressed") === "true", null, { timeout: 3000 });
  assert.equal(new URL(page.url()).search, "?part=map&layer=students");
  await context.close();
});

test("a switch and straight back, with the blocks below out of sight: none is left marked busy, and the address is the page's", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width: 960, height: 800 } });
  const busy = () => page.evaluate(() => [".map-figure figcaption", ".country-list", ".data-panel"].filter((s) => document.querySelector(s).hasAttribute("aria-busy")));
  const legend = () => page.evaluate(() => document.querySelector(".map-figure .legend").outerHTML);
  const before = await legend();
  await page.locator('main [data-layer="students"]').click();
  assert.deepEqual(await busy(), [".map-figure figcaption", ".country-list", ".data-panel"], "marked busy while they show the older view");
  await page.locator('main [data-layer="trade"]').click();
  await page.waitForFunction(() => ![".map-figure figcaption", ".country-list", ".data-panel"].some((s) => document.querySelector(s).hasAttribute("aria-busy")), null, { timeout: 3000 });
  await page.waitForTimeout(700);
  assert.deepEqual(await busy(), []);
  assert.equal(new URL(page.url()).search, "?part=map");
  assert.equal(await legend(), before);
  assert.equal(await page.locator('main [data-layer="trade"]').getAttribute("aria-pressed"), "true");
  await context.close();
});

test("at 360 px the data panel does not scroll sideways", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map&layer=investment"), { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await context.close();
});
