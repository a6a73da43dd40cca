// forced-colors: active (Windows contrast themes): the map's shading and its selection still tell the
// republics apart, the legend keeps its swatches, and a pressed layer button still looks pressed.
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
