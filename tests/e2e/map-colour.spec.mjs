// The map's colour encodes the number on it: a larger value is never lighter, on one scale per layer and unit
// for every period (the same value, the same colour; the same legend), per person recolours, and students are
// coloured by number with reliability as a pattern over the fill.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, startUrl, assertNoConsoleErrors } from "./lib.mjs";

const LAYERS = { trade: ["2013", "2022", "2023", "2024"], investment: ["2005-2018", "2005-2021"], students: [null], confucius: [null] };
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** Relative luminance of "#rrggbb" (darker = smaller). */
function luminance(hex) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** What the map shows now: for each republic its value (a number, or null), its colour and its reliability
 * pattern: a shape filled with a pattern of marks on a colour (`url(#map-low-253494)`: the pattern's first
 * rect holds the colour; its marks must be drawn in it), or, on the no-data hatch, a second shape with the marks. */
async function mapState(page) {
  return page.locator(".region-map .republic").evaluateAll((gs) => gs.map((g) => {
    const fill = g.querySelector("path").getAttribute("fill");
    const id = /^url\(#(map-(?:medium|low)-[0-9a-f]{6})\)$/.exec(fill)?.[1];
    const pattern = id && document.getElementById(id);
    const marks = pattern ? pattern.querySelectorAll("circle, path").length : 0;
    return {
      id: g.id, value: g.dataset.value === undefined ? null : Number(g.dataset.value),
      fill: pattern ? pattern.querySelector("rect")?.getAttribute("fill") : fill,
      pattern: id && marks ? id : g.querySelector("path.reliability")?.getAttribute("fill") ?? null,
      reliability: g.dataset.reliability ?? null,
    };
  }));
}

async function press(page, selector) {
  await page.locator(`main ${selector}`).first().click();
  await page.waitForFunction((s) => document.querySelector(`main ${s}`)?.getAttribute("aria-pressed") === "true", selector);
}

/** Every view of a layer (each period, per person or not), with the map and legend of each. */
async function views(page, layer) {
  const out = [];
  await press(page, `[data-layer="${layer}"]`);
  for (const year of LAYERS[layer]) {
    if (year) await press(page, `[data-year="${year}"]`);
    for (const perPerson of [false, true]) {
      const toggle = page.locator("main .per-person .toggle");
      // The switch's place is kept, unseen, where a layer has none.
      if (perPerson && (!(await toggle.count()) || !(await toggle.isVisible()) || (await toggle.isDisabled()))) continue;
      if ((await toggle.count()) && (await toggle.getAttribute("aria-pressed")) === "true" && !perPerson) await toggle.click();
      if (perPerson && (await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
      await page.waitForFunction((pp) => !document.querySelector("main .per-person .toggle") || document.querySelector("main .per-person .toggle").getAttribute("aria-pressed") === String(pp), perPerson);
      // The legend below the map may be off screen: it catches up once the switches pause (busy until then).
      await page.waitForFunction(() => !document.querySelector(".map-figure figcaption").hasAttribute("aria-busy"));
      out.push({ year, perPerson, map: await mapState(page), legend: (await page.locator(".legend-swatches").first().innerText()).trim() });
    }
    const toggle = page.locator("main .per-person .toggle");
    if ((await toggle.count()) && (await toggle.getAttribute("aria-pressed")) === "true") await toggle.click();
  }
  return out;
}

test("a larger value is never lighter, one scale holds across periods, and per person recolours", async () => {
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map"));
  for (const layer of Object.keys(LAYERS)) {
    const all = await views(page, layer);
    for (const perPerson of [false, true]) {
      const these = all.filter((v) => v.perPerson === perPerson);
      if (!these.length) continue;
      const label = `${layer}${perPerson ? " per person" : ""}`;
      // The same legend in every period.
      assert.equal(new Set(these.map((v) => v.legend)).size, 1, `${label}: one legend for every period`);
      assert.doesNotMatch(these[0].legend, /\d\.\d+–|(\d) to \1/, `${label}: round class edges`);
      const points = these.flatMap((v) => v.map.filter((r) => r.value !== null && /^#/.test(r.fill)));
      // The same value gets the same colour in every period; a larger value is never lighter.
      for (const a of points) for (const b of points) {
        if (a.value === b.value) assert.equal(a.fill, b.fill, `${label}: ${a.value} has one colour`);
        if (a.value > b.value * 1.0001) assert.ok(luminance(a.fill) <= luminance(b.fill) + 1e-9, `${label}: ${a.id} ${a.value} is not lighter than ${b.id} ${b.value}`);
      }
      // Within a view, the largest and the smallest value differ in colour.
      for (const v of these) {
        const shown = v.map.filter((r) => r.value !== null).sort((x, y) => x.value - y.value);
        if (shown.length > 1 && shown.at(-1).value > 2 * shown[0].value) assert.notEqual(shown[0].fill, shown.at(-1).fill, `${label} ${v.year}: ends differ`);
      }
    }
    // Per person changes the colours (where a per-person view exists).
    for (const year of LAYERS[layer]) {
      const [raw, pp] = [false, true].map((p) => all.find((v) => v.year === year && v.perPerson === p));
      if (raw && pp) assert.notDeepEqual(raw.map.map((r) => r.fill), pp.map.map((r) => r.fill), `${layer} ${year}: per person recolours`);
    }
  }
  assertNoConsoleErrors(errors);
  await context.close();
});

test("students: coloured by number, reliability as a pattern, and the map says the values do not compare", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map&layer=students"));
  const map = Object.fromEntries((await mapState(page)).map((r) => [r.id, r]));
  assert.notEqual(map["map-UZ"].fill, map["map-KZ"].fill, "6,500 and 11,784 are not one colour");
  assert.ok(luminance(map["map-TM"].fill) <= luminance(map["map-UZ"].fill), "more than 6,500 is not paler than 6,500");
  for (const r of Object.values(map)) {
    assert.ok(/^#/.test(r.fill), `${r.id}: the fill is a colour, not a pattern`);
    assert.equal(r.pattern !== null, r.reliability !== "high", `${r.id}: a pattern exactly where the source is less than highly reliable`);
  }
  assert.match(await page.locator(".map-caution:not(.unused)").innerText(), /Not comparable/);
  assert.match(await page.locator(".legend").innerText(), /how reliable/);
  // The legend's pattern keys are filled as the map's republics are: plain colour for high, the map's own
  // patterns (defined in the map, marks on a colour) for medium and low.
  const keys = await page.locator(".legend .swatch.pattern").evaluateAll((svgs) => svgs.map((s) => {
    const fill = s.querySelector("rect").getAttribute("fill");
    const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
    const p = id && document.querySelector(`.region-map pattern[id="${id}"]`);
    return { text: s.parentElement.textContent.trim(), fill, marks: p ? p.querySelectorAll("circle, path").length : 0 };
  }));
  assert.deepEqual(keys.map((k) => k.text.split(" ")[0]), ["high", "medium", "low"], JSON.stringify(keys));
  assert.match(keys[0].fill, /^#/, "high: plain");
  for (const k of keys.slice(1)) assert.ok(k.marks > 0, `${k.text}: the map's pattern with its marks: ${k.fill}`);
  const used = new Set(Object.values(map).map((r) => r.pattern).filter(Boolean).map((p) => p.replace(/^url\(#|\)$/g, "").replace(/-[0-9a-f]{6}$/, "")));
  for (const k of keys.slice(1)) assert.ok(used.has(/map-(medium|low)/.exec(k.fill)[0]), `${k.text} is drawn on the map`);
  await page.locator("main .per-person .toggle").click();
  await page.waitForFunction(() => document.querySelector("main .per-person .toggle").getAttribute("aria-pressed") === "true");
  const pp = Object.fromEntries((await mapState(page)).map((r) => [r.id, r]));
  const darkest = Object.values(pp).filter((r) => /^#/.test(r.fill)).sort((a, b) => luminance(a.fill) - luminance(b.fill))[0];
  assert.equal(darkest.id, "map-KZ", "per 100,000 people, Kazakhstan (62) is darkest");
  assert.notDeepEqual(Object.values(pp).map((r) => r.fill), Object.values(map).map((r) => r.fill), "per person recolours");
  // Trade: every figure of 2024 is highly reliable, so no pattern and no caution.
  await press(page, '[data-layer="trade"]');
  assert.equal(await page.locator('.region-map path.reliability, .region-map .republic path[fill^="url(#map-medium"], .region-map .republic path[fill^="url(#map-low"]').count(), 0);
  assert.equal(await page.locator(".map-caution:not(.unused)").count(), 0);
  assert.deepEqual(await page.locator(".map-caution").evaluateAll((ps) => ps.map((p) => getComputedStyle(p).visibility)), ["hidden", "hidden"]);
  await context.close();
});
