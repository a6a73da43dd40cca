// Choosing a republic shows its profile where the reader is looking: beside the map (with the controls and
// the legend on the same screen) at 1280x800, 1280x900 and 1920x1080, and as a sheet over the map, holding focus, on a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, startUrl, assertNoConsoleErrors } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const inView = (box, vp) => box && box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width;

for (const viewport of [{ width: 1280, height: 900 }, { width: 1920, height: 1080 }]) {
  test(`${viewport.width}x${viewport.height}: controls, map, legend and the profile share one screen, side by side`, async () => {
    const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport });
    await page.evaluate(() => window.scrollTo(0, document.querySelector(".map-layout").getBoundingClientRect().top + window.scrollY - 70));
    await page.locator("#map-KG").click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "KG");
    const [map, heading, legend, controls] = await Promise.all([".region-map", ".profile h3", ".legend-swatches", ".data-toggles"].map((s) => page.locator(s).first().boundingBox()));
    for (const [name, box] of Object.entries({ map, heading, legend, controls })) assert.ok(inView(box, viewport), `${name} is on screen: ${JSON.stringify(box)}`);
    assert.ok(heading.x >= map.x + map.width, "the profile is beside the map, not under it");
    assert.ok(heading.y < map.y + map.height, "and level with it");
    assert.equal(await page.locator(".profile h3").innerText(), "Kyrgyzstan");
    // The map is big enough to read: its republics' names and values are drawn at least 10 px high (with the legend
    // beside it at 1280 px, the map was 482 px wide and its values 6 px high).
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll("main .region-map g.labels text")]
      .filter((t) => t.textContent.trim()).map((t) => t.getBoundingClientRect().height)));
    assert.ok(smallest >= 10, `the map's smallest name or value is ${smallest.toFixed(1)} px high`);
    // The header, the part's heading and the map share one left edge, and the Share button ends where the
    // list of republics does (at 1920 px the map part is wider than the reading column; the header widens with it).
    const edges = await page.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      return { title: box(".site-header h1").left, part: box("main .part.map .part-heading").left, map: box(".region-map").left,
        share: box(".site-header .share-button, .site-header button").right, list: box(".map-selection").right };
    });
    assert.ok(Math.abs(edges.title - edges.part) <= 1 && Math.abs(edges.part - edges.map) <= 1, `left edges line up: ${JSON.stringify(edges)}`);
    assert.ok(Math.abs(edges.share - edges.list) <= 8, `right edges line up: ${JSON.stringify(edges)}`);
    assertNoConsoleErrors(errors);
    await context.close();
  });
}

// An analyst opening the map part on a big screen: the layer buttons, the map and the whole of its legend on
// the first screen, without scrolling, for every layer, with the chosen republic's profile beside the map.
for (const viewport of [{ width: 1920, height: 1080 }, { width: 1600, height: 1000 }]) {
  test(`${viewport.width}x${viewport.height}: the layer buttons, the map and its legend are on the first screen, the profile beside the map`, async () => {
    for (const layer of ["trade", "investment", "students", "confucius"]) {
      const { page, context, errors } = await open(browser, startUrl("served", server, `?part=map&layer=${layer}&country=KZ`), { viewport });
      await page.locator(".profile h3").waitFor();
      const [layers, map, legend, heading] = await Promise.all([".data-toggles [aria-label='Data layer']", ".region-map", ".legend", ".profile h3"].map((s) => page.locator(`main ${s}`).first().boundingBox()));
      assert.equal(await page.evaluate(() => window.scrollY), 0);
      for (const [name, box] of Object.entries({ layers, map, legend })) assert.ok(inView(box, viewport), `${layer}: the ${name} is on the first screen: ${JSON.stringify(box)}`);
      assert.ok(map.width >= viewport.width * 0.33, `${layer}: the map is not a thumbnail: ${JSON.stringify(map)}`);
      assert.ok(heading.x >= legend.x + legend.width && legend.x >= map.x + map.width, `${layer}: map, legend and profile side by side`);
      assert.ok(heading.y < map.y + map.height, `${layer}: the profile is level with the map`);
      assertNoConsoleErrors(errors);
      await context.close();
    }
  });
}

test("390x844: a republic chosen on the map opens its profile on screen, focus moves there and comes back", async () => {
  const viewport = { width: 390, height: 844 };
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport });
  await page.locator(".region-map").scrollIntoViewIfNeeded();
  await page.locator("#map-UZ").click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "UZ");
  const heading = page.locator(".profile h3");
  assert.ok(inView(await heading.boundingBox(), viewport), "the profile's heading is on screen");
  assert.equal(await page.evaluate(() => document.activeElement.id), "profile-UZ-title", "focus is on the profile");
  // Part of the map stays visible above the sheet.
  const [map, sheet] = await Promise.all([page.locator(".region-map").boundingBox(), page.locator(".profile").boundingBox()]);
  assert.ok(sheet.y > map.y + 40 && sheet.y > 0, "the sheet leaves the map's top in view");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !new URLSearchParams(location.search).get("country"));
  assert.equal(await page.evaluate(() => document.activeElement.id), "map-UZ", "focus returns to the republic");
  // From the list: the same sheet; Close gives focus back to the list's button.
  await page.getByRole("group", { name: "The five republics" }).getByRole("button", { name: /^Tajikistan/ }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "TJ");
  assert.ok(inView(await heading.boundingBox(), viewport), "the profile opened from the list is on screen");
  await page.getByRole("button", { name: /^Close/ }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).get("country"));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Tajikistan/);
  assertNoConsoleErrors(errors);
  await context.close();
});

test("390x844: the four periods sit on one line beside their label, and most of the map is on the first screen", async () => {
  const viewport = { width: 390, height: 844 };
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport });
  const [tops, map] = await page.evaluate(() => [
    [...document.querySelectorAll("main .data-toggles .toggle-group:not(.unused) > button[data-year]")].map((b) => Math.round(b.getBoundingClientRect().top)),
    document.querySelector("main .region-map").getBoundingClientRect().toJSON(),
  ]);
  assert.equal(tops.length, 4);
  assert.equal(new Set(tops).size, 1, `the period buttons' tops: ${tops}`);
  assert.ok(viewport.height - map.top >= map.height * 0.9, `the map (top ${map.top}, height ${map.height}) is on the first screen`);
  const small = await page.evaluate(() => [...document.querySelectorAll("main .data-toggles button")].filter((b) => { const r = b.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).length);
  assert.equal(small, 0, "every button at least 44 px each way");
  assertNoConsoleErrors(errors);
  await context.close();
});
