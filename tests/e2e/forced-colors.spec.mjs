// forced-colors: active (Windows contrast themes): the map's shading and its selection still tell the
// republics apart, the legend keeps its swatches, a pressed layer button still looks pressed, and the per-person
// switch shows its knob.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const read = (page) => page.evaluate(() => {
  const style = (el) => getComputedStyle(el);
  const selected = document.querySelector(".outline.selected");
  const pressed = document.querySelector(".toggle[aria-pressed=true]");
  const unpressed = document.querySelector(".toggle[aria-pressed=false]");
  const look = (el) => `${style(el).backgroundColor} ${style(el).color} ${style(el).borderTopColor}`;
  return {
    forced: matchMedia("(forced-colors: active)").matches,
    fills: [...document.querySelectorAll(".republic")].map((g) => `${g.id} ${style(g.querySelector("path")).fill}`),
    selection: { stroke: style(selected).stroke, width: parseFloat(style(selected).strokeWidth), matches: selected.getAttribute("d") === document.querySelector("#map-KZ path").getAttribute("d") },
    swatches: [...document.querySelectorAll(".legend .swatch")].map((s) => style(s).backgroundColor + style(s).backgroundImage),
    pressed: look(pressed), unpressed: look(unpressed),
  };
});

test("in forced colours the map keeps its shading and selection, the legend its swatches, toggles their state", async () => {
  const normal = await open(browser, server.url + "?part=map&country=KZ");
  const expected = await read(normal.page);
  await normal.context.close();
  const { page, context } = await open(browser, server.url + "?part=map&country=KZ", { context: { forcedColors: "active" } });
  const got = await read(page);
  assert.equal(got.forced, true, "forced colours are on");
  assert.deepEqual(got.fills, expected.fills, "each republic keeps its shade");
  assert.ok(new Set(got.fills.map((f) => f.split(" ").slice(1).join(" "))).size >= 3, `the shades differ: ${got.fills}`);
  assert.ok(got.selection.matches && got.selection.width >= 3 && got.selection.stroke !== "none", `the selection is outlined: ${JSON.stringify(got.selection)}`);
  assert.deepEqual(got.swatches, expected.swatches, "the legend keeps its swatches");
  assert.equal(new Set(got.swatches).size, got.swatches.length, "every swatch differs");
  assert.notEqual(got.pressed, got.unpressed, "a pressed layer button looks different from the others");
  await context.close();
});

/** Decodes a PNG (in a blank page of the same browser): its width and each pixel's luminance, 0 to 1, row by row. */
async function luminances(context, png) {
  const blank = await context.newPage();
  const out = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: img.width, height: img.height });
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    const lum = [];
    for (let i = 0; i < d.length; i += 4) lum.push((0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255);
    return { width: img.width, lum };
  }, png.toString("base64"));
  await blank.close();
  return out;
}

/** The spread of luminance over a PNG's pixels, 0 to 1. */
async function luminanceSpread(context, png) {
  const { lum } = await luminances(context, png);
  return Math.max(...lum) - Math.min(...lum);
}

test("in forced colours a pressed control's label can be read (Chromium draws a Canvas backplate behind text: HighlightText on it vanished)", async () => {
  for (const [query, selectors] of [
    ["?part=map&country=KZ", ['.toggle[data-layer][aria-pressed="true"]', '.data-controls [aria-pressed="true"]:not([data-layer])', '.country-button[aria-pressed="true"] .name']],
    ["?part=cards", ['.theme-choice[aria-pressed="true"]']],
    ["?part=evidence", ['.filter-button[aria-pressed="true"]']],
  ]) {
    const { page, context } = await open(browser, server.url + query, { context: { forcedColors: "active" } });
    for (const selector of selectors) {
      // The box of the label's first line of text, inside the control's padding.
      const box = await page.evaluate((s) => {
        const el = document.querySelector(s);
        el.scrollIntoView({ block: "center" });
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => n.data.trim() && !n.parentElement.closest(".visually-hidden") ? 1 : 3 });
        const range = document.createRange();
        range.selectNodeContents(walker.nextNode());
        const r = range.getClientRects()[0];
        return r && { x: r.left, y: r.top, width: r.width, height: r.height };
      }, selector);
      assert.ok(box && box.width > 4, `${query}: ${selector} has a label`);
      const spread = await luminanceSpread(context, await page.screenshot({ clip: box }));
      assert.ok(spread > 0.4, `${query}: the label of ${selector} stands out from its ground (luminance spread ${spread.toFixed(2)})`);
    }
    await context.close();
  }
});

/** In a PNG, the spread of luminance (0 to 1) and the centre across of the pixels that stand out from the ground
 * (its median luminance) by more than 0.3, from 0 (left edge) to 1 (right edge); -1 when none does. */
async function knob(context, png) {
  const { width, lum } = await luminances(context, png);
  const ground = [...lum].sort((a, b) => a - b)[lum.length >> 1];
  let sum = 0, n = 0;
  lum.forEach((l, i) => { if (Math.abs(l - ground) > 0.3) { sum += (i % width) + 0.5; n++; } });
  return { spread: Math.max(...lum) - Math.min(...lum), at: n ? sum / n / width : -1 };
}

test("in forced colours the per-person switch shows its knob off, on and unavailable (a gradient, which forced colours drop)", async () => {
  const seen = {};
  for (const [state, query] of [["off", ""], ["on", "&pp=1"], ["unavailable", "&year=2013"]]) {
    const { page, context } = await open(browser, server.url + "?part=map" + query, { context: { forcedColors: "active" } });
    // A band across the middle of the track (the switch's ::before: 2.6rem by 1.5rem after its 0.2rem of padding,
    // centred), inside its 2px border: the ground alone, or the ground and the knob.
    const box = await page.evaluate(() => {
      const b = document.querySelector(".per-person .toggle");
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize), r = b.getBoundingClientRect();
      return { x: r.left + 0.2 * rem + 4, y: r.top + r.height / 2 - 2, width: 2.6 * rem - 8, height: 4 };
    });
    seen[state] = { ...(await knob(context, await page.screenshot({ clip: box }))), disabled: await page.locator(".per-person .toggle").isDisabled() };
    await context.close();
  }
  assert.deepEqual([seen.off.disabled, seen.on.disabled, seen.unavailable.disabled], [false, false, true], "the three states");
  for (const [state, k] of Object.entries(seen)) assert.ok(k.spread > 0.3 && k.at >= 0, `${state}: a knob in the track (${JSON.stringify(k)})`);
  assert.ok(seen.off.at < 0.5 && seen.unavailable.at < 0.5 && seen.on.at > 0.5, `the knob left when off, right when on: ${JSON.stringify(seen)}`);
});
