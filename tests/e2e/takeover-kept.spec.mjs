// Take-over of what the app used to draw again on start though the page had it (the map's notes, the timeline's
// axis): after start they are the page's nodes, and what they do still works. And the study part where the page
// lacks it (its file did not load): a finished tour still ends with its ending.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, ready, started, SINGLE_FILE_URL } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The elements under `within` drawn by the app (not the page's), by their class (or tag). */
const drawn = (page, within) => page.evaluate((w) => {
  const out = {};
  for (const el of document.querySelectorAll(`${w}, ${w} *`)) if (!el.__pre) { const k = el.getAttribute("class") || el.tagName; out[k] = (out[k] || 0) + 1; }
  return out;
}, within);

test("map (?part=map): the notes under the map are the page's, with the app's citation toggles; their card links lead to the cards in the app", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=map", { mark: true });
  // Only the two toggles are the app's (their words, the page's, moved into them).
  assert.deepEqual(await drawn(page, "main #map-notes"), { "cites-toggle": 2 });
  // Named as the toggles the app draws.
  assert.equal(await page.locator("main #map-notes .cites-toggle").first().textContent(), "Citations: P1, P27");
  const notes = page.locator("main #map-notes");
  assert.match(await notes.locator(".map-credits").innerText(), /^Scale: the bar is [\d,]+ km/);
  assert.equal(await page.locator("main .region-map").getAttribute("aria-describedby"), "map-notes");
  // The citations open and close in place.
  const line = notes.locator("li").first().locator(".cites");
  await line.locator(".cites-toggle").click();
  assert.equal(await line.locator(".cites-toggle").getAttribute("aria-expanded"), "true");
  await line.locator(".cites-body").waitFor();
  await line.locator(".cites-toggle").click();
  assert.equal(await line.locator(".cites-body").count(), 0);
  // A card link leads to its card in the app (no page load).
  const link = notes.locator("a.card-link").first();
  assert.match(await link.getAttribute("href"), /part=cards&card=astana-speech-2013/);
  await page.evaluate(() => { window.__same = true; });
  await link.click();
  await page.locator("#card-astana-speech-2013.open").waitFor();
  assert.ok(await page.evaluate(() => window.__same === true), "followed in the app");
  assert.deepEqual(errors, []);
  await context.close();
});

test("map (?part=map): the table's sort and republic buttons are the page's; they sort and select; without JavaScript their words are there, the buttons not", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=map", { mark: true });
  const table = page.locator("main .data-table").first();
  const buttons = table.locator("button.sort, button.select-country");
  assert.equal(await buttons.count(), 4 + 5);
  assert.equal(await buttons.evaluateAll((bs) => bs.filter((b) => !b.__pre).length), 0, "none drawn again");
  assert.equal(await table.locator("[data-no-js], [data-app]").count(), 0, "the page's words for a reader without JavaScript gone");
  const value = table.locator("button.sort[data-sort=Value]");
  await value.click();
  assert.equal(await value.evaluate((b) => b.closest("th").getAttribute("aria-sort")), "ascending");
  assert.match(await value.innerText(), /▲$/);
  const kg = table.locator("tr[data-country=KG] button.select-country");
  await kg.click();
  await page.waitForFunction(() => location.search.includes("country=KG"));
  assert.equal(await kg.getAttribute("aria-pressed"), "true");
  assert.ok(await kg.evaluate((b) => b.__pre === true), "the page's button");
  assert.deepEqual(errors, []);
  await context.close();
  // Without JavaScript (the single file): the same table's words, no buttons.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const p = await plain.newPage();
  await p.goto(SINGLE_FILE_URL);
  const first = p.locator(".data-table").first();
  // The table is in a part laid out only near the screen (content-visibility: auto), whose rendered text is ""
  // until a frame after the scroll has found it on screen: read once it is.
  const shown = async (cell) => {
    for (let i = 0; i < 40; i++) {
      await first.scrollIntoViewIfNeeded();
      const words = await cell.innerText();
      if (words) return words;
      await p.waitForTimeout(50);
    }
    return cell.innerText();
  };
  assert.equal(await shown(first.locator("thead th").first()), "Republic");
  assert.equal(await shown(first.locator("tbody th").first()), "Kazakhstan");
  assert.equal(await first.locator("button").evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).length), 0);
  await plain.close();
});

test("study without its file (?part=study, the rest file not loaded): a finished tour shows its ending, whose button leads to the self-checks", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/\/rest\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.addInitScript(() => localStorage.setItem("charm-offensive.progress.v1", `v1|${Array.from({ length: 11 }, (_, i) => i + 1).join(",")}|`));
  await page.goto(server.url + "?part=study");
  await ready(page);
  const ending = page.locator("main #tour-done");
  await ending.waitFor();
  assert.match(await ending.locator("#tour-done-title").innerText(), /Tour finished: you have seen all 11 steps/);
  await ending.getByRole("button", { name: "Test yourself with the self-checks" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "checks-title");
  assert.deepEqual(errors, []);
  await context.close();
});

test("timeline (?part=timeline): the axis is the page's (eras, ticks, markers); the markers' roving focus, selection and caption work on those nodes", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=timeline", { mark: true });
  assert.deepEqual(await drawn(page, "main .timeline-axis"), {}, "nothing on the axis drawn again");
  const bar = page.getByRole("toolbar", { name: /^Events from 1900 to 2024/ });
  const markers = bar.getByRole("button");
  const count = await markers.count();
  assert.ok(count > 10, `${count} markers`);
  assert.equal(await bar.locator('[tabindex="0"]').count(), 1);
  const focused = () => page.evaluate(() => document.activeElement.id);
  await bar.locator('[tabindex="0"]').focus();
  const first = await focused();
  await page.keyboard.press("ArrowRight");
  const second = await focused();
  assert.notEqual(second, first);
  assert.equal(await bar.locator('[tabindex="0"]').getAttribute("id"), second, "the tab stop follows focus");
  const name = await page.locator(`#${second}`).getAttribute("aria-label");
  assert.ok(name.includes((await page.locator(".axis-caption .caption-title").textContent())), "the focused event is named under the axis");
  await page.keyboard.press("Enter");
  const id = second.replace(/^tl-ev-/, "");
  await page.waitForFunction((id) => location.search.endsWith(`card=${id}`), id);
  assert.equal(await page.locator(`#${second}`).getAttribute("aria-pressed"), "true");
  assert.match(await page.locator(`#${second}`).getAttribute("class"), /\bselected\b/);
  await page.locator("#timeline-detail h3").waitFor();
  // A click on another marker moves the selection; End and Home move focus.
  await markers.nth(5).click();
  await page.waitForFunction((id) => !location.search.endsWith(`card=${id}`), id);
  assert.equal(await page.locator(`#${second}`).getAttribute("aria-pressed"), "false");
  assert.equal(await markers.nth(5).getAttribute("aria-pressed"), "true");
  await page.keyboard.press("End");
  assert.equal(await focused(), await markers.nth(count - 1).getAttribute("id"));
  await page.keyboard.press("Home");
  assert.equal(await focused(), first);
  // Still the page's nodes: only the caption (for the marker in focus or selected) is the app's.
  assert.deepEqual(await drawn(page, "main .timeline-axis"), { "axis-caption": 1, "caption-title": 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("timeline deep link (?part=timeline&card=xian-summit-2023): the page's marker is selected and holds the tab stop", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=timeline&card=xian-summit-2023", { width: 800, height: 600, mark: true });
  assert.deepEqual(await drawn(page, "main .timeline-axis"), { "axis-caption": 1, "caption-title": 1 });
  const marker = page.locator("#tl-ev-xian-summit-2023");
  assert.equal(await marker.getAttribute("aria-pressed"), "true");
  assert.equal(await marker.getAttribute("tabindex"), "0");
  // Brought into the axis's box where it scrolls sideways.
  assert.ok(await page.evaluate(() => { const a = document.querySelector(".timeline-axis").getBoundingClientRect(); const m = document.querySelector("#tl-ev-xian-summit-2023").getBoundingClientRect(); return m.left >= a.left && m.right <= a.right; }), "the selected marker is in sight");
  assert.deepEqual(errors, []);
  await context.close();
});
