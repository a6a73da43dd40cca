// The map: each republic selected by mouse, by keyboard (Tab into the map, arrows, Enter) and by the list;
// the profile shows its capital and sourced population; the URL follows and back works; axe is clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, MODES, startUrl, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible, ROOT } from "./lib.mjs";

const REPUBLICS = [["KZ", "Kazakhstan", "Astana"], ["KG", "Kyrgyzstan", "Bishkek"], ["TJ", "Tajikistan", "Dushanbe"],
  ["TM", "Turkmenistan", "Ashgabat"], ["UZ", "Uzbekistan", "Tashkent"]];
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const profileName = (page) => page.locator(".profile h3").innerText();
const selectedIn = (page) => page.evaluate(() => new URLSearchParams(location.search).get("country"));

const GEO_PATHS = JSON.parse(readFileSync(join(ROOT, "content/geo.json"), "utf8")).countries.map((c) => c.path).sort();

/** The `d` of every country's shape on the live map (the browser build reads them from the page: src/geo.rs). */
const outlines = (page) => page.evaluate(() =>
  [...document.querySelectorAll(".region-map .republics path:not(.reliability), .map-stack .neighbours path")]
    .map((p) => p.getAttribute("d")));

for (const mode of MODES) {
  test(`${mode}: the map draws every country's outline, deep-linked and after navigating from the overview`, async () => {
    for (const query of ["?part=map", ""]) {
      const { page, context, errors } = await open(browser, startUrl(mode, server, query));
      if (!query) {
        await page.locator("nav.parts-nav").getByRole("link", { name: "Map & data" }).click();
        await page.locator(".region-map .republics path").first().waitFor();
      }
      assert.deepEqual((await outlines(page)).sort(), GEO_PATHS, `${query || "/"}: every outline as in geo.json`);
      assertNoConsoleErrors(errors);
      await context.close();
    }
  });

  test(`${mode}: clicking each republic on the map selects it and opens its profile`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=map"));
    for (const [key, name, capital] of REPUBLICS) {
      await page.locator(`#map-${key}`).click();
      await page.waitForFunction((k) => new URLSearchParams(location.search).get("country") === k, key);
      assert.equal(await page.locator(`#map-${key}`).getAttribute("aria-pressed"), "true");
      assert.equal(await profileName(page), name);
      assert.match(await page.locator(".profile .facts").innerText(), new RegExp(`Capital\\s+${capital}`));
    }
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: Tab enters the map, arrows move between the five, Enter selects, Escape clears`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=map"));
    await page.locator("#part-map").focus();
    let seen = "";
    for (let i = 0; i < 60 && !seen.startsWith("map-"); i++) {
      await page.keyboard.press("Tab");
      seen = await page.evaluate(() => document.activeElement.id || "");
    }
    assert.equal(seen, "map-KZ", "Tab lands on the first republic");
    for (const [key, name] of REPUBLICS) {
      assert.equal(await page.evaluate(() => document.activeElement.id), `map-${key}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction((k) => new URLSearchParams(location.search).get("country") === k, key);
      assert.equal(await profileName(page), name);
      await page.keyboard.press("ArrowRight");
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), "map-KZ", "arrows wrap around");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !new URLSearchParams(location.search).get("country"));
    assert.equal(await page.locator(".profile").count(), 0);
    // Tabbing out of the map leaves it in one step (one tab stop).
    await page.keyboard.press("Tab");
    assert.ok(!(await page.evaluate(() => document.activeElement.id || "")).startsWith("map-"));
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: the list selects too, and the population's source opens in one click`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=map"));
    const list = page.getByRole("group", { name: "The five republics" });
    for (const [key, name] of REPUBLICS) {
      await list.getByRole("button", { name: new RegExp(`^${name}`) }).click();
      await page.waitForFunction((k) => new URLSearchParams(location.search).get("country") === k, key);
      assert.equal(await profileName(page), name);
      assert.equal(await list.getByRole("button", { name: new RegExp(`^${name}`) }).getAttribute("aria-pressed"), "true");
    }
    const population = page.locator('.profile dt:text-is("Population") + dd');
    assert.match(await population.innerText(), /[\d,]+ people \(2022\)/);
    await population.getByRole("button", { name: /source/ }).click();
    assert.match(await population.locator(".figure-source").innerText(), /World Bank/);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: the selection is in the URL and opens from it; closing the profile keeps focus on the map`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map&country=TM"));
    assert.equal(await profileName(page), "Turkmenistan");
    await page.locator("#map-KG").click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("country") === "KG");
    assert.equal(await profileName(page), "Kyrgyzstan");
    assert.equal(await selectedIn(page), "KG");
    await page.getByRole("button", { name: /^Close/ }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).get("country"));
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "map-KG");
    await context.close();
  });

  test(`${mode}: axe passes with a profile and a source open`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=map&country=KZ"));
    await page.locator(".profile .source-toggle").first().click();
    await assertAccessible(page, `map with Kazakhstan selected (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });
}

// The screenshots written to /tmp are for a person to look at; nothing compares them, so they are not checks.
test("at 1280 px and 360 px the map is undistorted, whole and never scrolls sideways", async () => {
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    const { page, context } = await open(browser, startUrl("served", server, "?part=map&country=KZ"), { viewport: { width, height } });
    const map = page.locator(".region-map");
    await map.scrollIntoViewIfNeeded();
    await map.screenshot({ path: `/tmp/map-${width}.png` });
    await page.screenshot({ path: `/tmp/map-page-${width}.png`, fullPage: true });
    const box = await map.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the map fits ${width} px`);
    // No distortion: the map is drawn at one scale across and down, and all of it fits in its box.
    const drawn = await map.evaluate((svg) => {
      const m = svg.getScreenCTM(), [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
      return { sx: m.a, sy: m.d, w: w * m.a, h: h * m.d };
    });
    assert.ok(Math.abs(drawn.sx - drawn.sy) < 1e-6, `one scale at ${width} px (${drawn.sx} across, ${drawn.sy} down)`);
    assert.ok(drawn.w <= box.width + 1 && drawn.h <= box.height + 1, `the whole map is in view at ${width} px`);
    await context.close();
  }
});

test("switching layers moves nothing: the map keeps its place at 390, 960 and 1280 px, and no caution is heard where a layer has none", async () => {
  for (const [width, height] of [[390, 844], [960, 800], [1280, 900]]) {
    const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport: { width, height } });
    const boxes = [];
    for (const layer of ["students", "confucius", "investment", "trade"]) {
      await page.locator(`main [data-layer="${layer}"]`).click();
      await page.waitForFunction((l) => document.querySelector(`main [data-layer="${l}"]`).getAttribute("aria-pressed") === "true", layer);
      const box = await page.locator(".region-map").boundingBox();
      boxes.push(`${layer} ${Math.round(box.y)} ${Math.round(box.height)}`);
      // The caution's place: seen and in the accessibility tree for students and the institutes only.
      // Every caution has its place (one per text); the layer's own, if any, is seen and heard, the others neither.
      const cautions = await page.evaluate(() => [...document.querySelectorAll("main .map-caution")].map((p) => ({ seen: getComputedStyle(p).visibility === "visible", hidden: p.getAttribute("aria-hidden") === "true" })));
      const has = layer === "students" || layer === "confucius";
      assert.equal(cautions.filter((c) => c.seen && !c.hidden).length, has ? 1 : 0, `${width} px, ${layer}: the caution ${JSON.stringify(cautions)}`);
      assert.ok(cautions.every((c) => c.seen !== c.hidden), `${width} px, ${layer}: a caution unseen is unheard ${JSON.stringify(cautions)}`);
    }
    const first = boxes[0].split(" ").slice(1).join(" ");
    assert.deepEqual(boxes, boxes.map((b) => `${b.split(" ")[0]} ${first}`), `${width} px: the map's top and height per layer`);
    assertNoConsoleErrors(errors);
    await context.close();
  }
});

test("below the fold the legend is current as soon as it is scrolled to, even right after quick switches", async () => {
  const viewport = { width: 960, height: 800 };
  const fresh = await open(browser, startUrl("served", server, "?part=map&layer=confucius"), { viewport });
  const want = await fresh.page.locator(".map-figure .legend").innerText();
  await fresh.context.close();
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport });
  for (const layer of ["students", "trade", "confucius"]) await page.locator(`main [data-layer="${layer}"]`).click();
  await page.locator(".map-figure .legend").scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await page.locator(".map-figure .legend").innerText(), want);
  assertNoConsoleErrors(errors);
  await context.close();
});

// A press's switch writes what the map shows in the frame, the republics' names and data and the live region's words
// after it (src/components/map/sync.rs, `Live::emit`); a reader who reaches the map, by Tab or a screen reader's focus,
// finds them current.
test("right after quick switches, a republic focused on the map has the shown layer's name and value, and the live region reads it", async () => {
  const viewport = { width: 960, height: 800 };
  // Each republic's id, name, value and fill, and last what the live region above the map reads.
  const names = () => [...document.querySelectorAll(".region-map .republic")]
    .map((g) => [g.id, g.getAttribute("aria-label"), g.dataset.value ?? null, g.querySelector("path").getAttribute("fill")])
    .concat([["live", document.querySelector(".data-announce").textContent]]);
  const fresh = await open(browser, startUrl("served", server, "?part=map&layer=confucius"), { viewport });
  const want = await fresh.page.evaluate(names);
  await fresh.context.close();
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"), { viewport });
  const before = await page.evaluate(names);
  // In one task, well inside the pause after which the app would take the view anyway.
  const [pressed, focused] = await page.evaluate(async (get) => {
    for (const layer of ["students", "trade", "confucius"]) document.querySelector(`main [data-layer="${layer}"]`).click();
    const names = new Function(`return (${get})()`);
    const pressed = names();
    document.getElementById("map-KZ").focus();
    await Promise.resolve();
    return [pressed, names()];
  }, names.toString());
  // The press painted the new fills at once and held the names and the live region's words back (the test fails
  // where they are written at once)...
  const republics = (rows) => rows.slice(0, -1);
  assert.deepEqual(republics(pressed).map((r) => r[3]), republics(want).map((r) => r[3]), "the fills change at the press");
  assert.deepEqual(republics(pressed).map((r) => r.slice(0, 3)), republics(before).map((r) => r.slice(0, 3)), "the names wait");
  assert.notDeepEqual(before.at(-1), want.at(-1));
  assert.deepEqual(pressed.at(-1), before.at(-1), "the live region waits");
  // ...and the focus brought them up to date.
  assert.deepEqual(focused, want);
  assertNoConsoleErrors(errors);
  await context.close();
});
