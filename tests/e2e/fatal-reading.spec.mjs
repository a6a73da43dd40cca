// Where the app cannot start (this browser's WebAssembly refuses every module, so every way boot.js tries fails), the
// fatal banner says so and
// the parts the app would have taken over read as they do without JavaScript: the study part's tour and
// questions, the data panel's sources and tables; no place of a button the app would have drawn is left.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, SINGLE_FILE_URL } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

async function withoutWasm(query, base = server.url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new Error("WebAssembly refused (test)"));
    WebAssembly.instantiate = refuse;
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.compile = refuse;
    WebAssembly.compileStreaming = refuse;
  });
  await page.goto(base + query);
  await page.locator("#fatal").waitFor({ state: "visible", timeout: 15000 });
  return { page, context };
}

for (const [where, base] of [["site", null], ["single file", SINGLE_FILE_URL]]) {
test(`study (${where}): with the app failed, the reading view (every step, every question) shows, and not the app's dead controls`, async () => {
  const { page, context } = await withoutWasm("?part=study", base || server.url);
  const shown = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0;
    return {
      noJs: [...document.querySelectorAll("main .study [data-no-js]")].filter(visible).length,
      app: [...document.querySelectorAll("main .study [data-app]")].filter(visible).length,
      questions: [...document.querySelectorAll("main .study [data-no-js] fieldset, main .study [data-no-js] details")].length,
    };
  });
  assert.ok(shown.noJs > 0, "the reading view is shown");
  assert.equal(shown.app, 0, "the app's view (its buttons would do nothing) is hidden");
  assert.ok(shown.questions > 0, "the questions are there to read");
  await context.close();
});

test(`map (${where}): with the app failed, no empty place of an app button is left${base ? ", and the data panel's reading parts (sources, other tables) show" : ""}`, async () => {
  const { page, context } = await withoutWasm("?part=map", base || server.url);
  await page.locator("main .data-panel").waitFor();
  const shown = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0;
    return {
      noJs: [...document.querySelectorAll("main [data-no-js]")].filter(visible).length,
      places: [...document.querySelectorAll("main [data-needs-js]")].filter(visible).length,
    };
  });
  // The site's map file carries no reading parts (a reader without JavaScript is sent to read.html); the single file does.
  if (base) assert.ok(shown.noJs > 0, "the panel's reading parts are shown");
  assert.equal(shown.places, 0, "no invisible place of an app button takes room");
  await context.close();
});

test(`overview (${where}): with the app failed, a figure in a sentence shows its source in words, not a "source" label that does nothing`, async () => {
  const { page, context } = await withoutWasm("", base || server.url);
  const figure = await page.evaluate(() => {
    const fig = document.querySelector("main .thesis [data-fig]");
    const words = fig && fig.querySelector(":scope > span");
    return fig && {
      js: document.documentElement.classList.contains("js"),
      label: getComputedStyle(fig, "::after").content,
      source: words ? words.getClientRects().length > 0 && words.textContent : null,
    };
  });
  assert.ok(figure, "the overview's thesis has a figure in a sentence");
  assert.equal(figure.js, false, "the page reads as it does without JavaScript");
  assert.ok(/^none$|^normal$/.test(figure.label), `no "source" label (content ${figure.label})`);
  assert.match(figure.source || "", /Source: /, "the figure's source is written out beside it");
  await context.close();
});
}

test("the same page with the app running hides those reading parts (the rule only applies once the banner shows)", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + "?part=study");
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("main [data-no-js]")].filter((e) => e.getClientRects().length > 0).length), 0);
  assert.ok(await page.locator("#fatal").isHidden());
  await context.close();
});
