// Phones (390x844): no part is taller than 10 screens before the reader asks for more (a "show all" or a
// folded section), with JavaScript and on the pre-rendered page without it; the folds open by keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, MODES, startUrl } from "./lib.mjs";

const PHONE = { width: 390, height: 844 };
const PARTS = ["overview", "cards", "map", "timeline", "study", "evidence", "sources"];
const MAX_SCREENS = 10;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const screens = (page, selector) => page.evaluate(([sel, h]) => document.querySelector(sel).getBoundingClientRect().height / h, [selector, PHONE.height]);

for (const mode of MODES) {
  test(`${mode}: every part fits in ${MAX_SCREENS} phone screens until the reader asks for more`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=cards"), { viewport: PHONE });
    for (const part of PARTS) {
      await page.goto(startUrl(mode, server, `?part=${part}`));
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
      const n = await screens(page, "main");
      assert.ok(n <= MAX_SCREENS, `${part} is ${n.toFixed(1)} screens tall`);
    }
    await context.close();
  });
}

test("the cards part puts the argument first and folds the other cards, which open by keyboard", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=cards"), { viewport: PHONE });
  const first = await page.locator(".card-grid > li").first().getAttribute("id");
  assert.equal(first, "card-thesis", "the first card is the argument in brief");
  const more = page.locator("details.more-cards");
  assert.equal(await more.getAttribute("open"), null);
  assert.equal(await page.locator("#card-soft-power").isVisible(), false, "other cards start folded");
  await more.locator("summary").focus();
  await page.keyboard.press("Enter");
  await page.locator("#card-soft-power").waitFor({ state: "visible" });
  const opened = await screens(page, "main");
  assert.ok(opened > MAX_SCREENS / 2, `opening shows the rest (${opened.toFixed(1)} screens)`);
  // A link to a folded card opens the fold by itself.
  await page.goto(startUrl("served", server, "?part=cards&card=hard-power"));
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await page.locator("#card-hard-power-detail").waitFor({ state: "visible" });
  await context.close();
});

test("study shows one self-check at a time, says how far the reader is, and can show them all", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=study"), { viewport: PHONE });
  assert.equal(await page.locator("fieldset.question").count(), 1, "one question at a time");
  const total = await page.locator(".check-numbers button").count();
  assert.match(await page.locator("#check-current-title").innerText(), new RegExp(`Question 1 of ${total}`));
  assert.match(await page.locator(".check-progress").innerText(), new RegExp(`0 of ${total} answered`));
  await page.getByRole("button", { name: /Next question/ }).click();
  assert.match(await page.locator("#check-current-title").innerText(), new RegExp(`Question 2 of ${total}`));
  await page.waitForFunction(() => document.activeElement?.id === "check-current-title");
  await page.getByRole("button", { name: `Show all ${total} questions at once` }).click();
  assert.equal(await page.locator("fieldset.question").count(), total);
  await context.close();
});

test("without JavaScript every part fits in 10 phone screens with its folds closed, and they open", async () => {
  // read.html: the served page carries the overview and the map, and links to read.html for every part.
  const { page, context } = await open(browser, server.url + "read.html", { viewport: PHONE, javaScript: false });
  // The static page lays out far-away parts lazily (content-visibility): measure them laid out.
  await page.evaluate(() => document.querySelectorAll(".part").forEach((p) => { p.style.contentVisibility = "visible"; }));
  const heights = await page.evaluate((h) => [...document.querySelectorAll(".part")].map((p) => [p.getAttribute("aria-labelledby"), p.getBoundingClientRect().height / h]), PHONE.height);
  assert.equal(heights.length, PARTS.length);
  for (const [id, n] of heights) assert.ok(n <= MAX_SCREENS, `${id} is ${n.toFixed(1)} screens tall without JavaScript`);
  const fold = page.locator('section[aria-labelledby="part-cards"] details.more-cards > summary');
  await fold.click();
  assert.notEqual(await page.locator("details.more-cards").getAttribute("open"), null, "a fold opens without JavaScript");
  await context.close();
});
