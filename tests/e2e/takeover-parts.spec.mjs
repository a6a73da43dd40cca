// Take-over of the parts that were partly drawn again on start (evidence, cards, timeline, overview): after start
// the page's nodes are still there (only the app's buttons are new), nothing moves, and what they do still works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, started, ROOT } from "./lib.mjs";

const EX = JSON.parse(readFileSync(join(ROOT, "content/interactives.json"), "utf8"));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The elements of <main> (under `within`) drawn by the app, by their class (or tag). */
const drawn = (page, within = "main") => page.evaluate((w) => {
  const out = {};
  for (const el of document.querySelectorAll(`${w} *`)) if (!el.__pre) { const k = el.className.toString() || el.tagName; out[k] = (out[k] || 0) + 1; }
  return out;
}, within);

test("evidence (?part=evidence): the page's figures, sources and citation lines are kept, only their buttons are the app's; sources and citations open, nothing moved", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=evidence", { width: 390, height: 844, mark: true, shifts: true, settle: 500 });
  const notes = await drawn(page, "main :is(.evidence-notes, .more-notes, .prompts)");
  // The app's: the toggles, and the two links to the Sources part.
  assert.deepEqual(Object.keys(notes).sort(), ["A", "cites-toggle", "source-toggle"], JSON.stringify(notes));
  assert.equal(notes["cites-toggle"], 25);
  assert.ok(notes["source-toggle"] > 100);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
  // A figure in a list: its button after its last words, on their line; the page's own source opens.
  const li = page.locator("main .figure-compare li").first();
  const button = li.locator(".source-toggle");
  assert.equal(await li.locator(".figure-source").isVisible(), false);
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.ok(await li.locator(".figure-source").isVisible());
  assert.ok(await li.locator(".figure-source").evaluate((el) => el.__pre === true), "the page's source");
  await button.click();
  assert.equal(await li.locator(".figure-source").isVisible(), false);
  // A figure in a sentence: its source drawn in place, by keyboard too.
  const inline = page.locator("main .note-body .figure.inline").first();
  assert.ok(await inline.evaluate((el) => el.__pre === true));
  await inline.locator(".source-toggle").focus();
  await page.keyboard.press("Enter");
  await inline.locator(".figure-source").waitFor();
  assert.match(await inline.locator(".source-toggle").getAttribute("aria-label"), /^source of /);
  // A note's citations: the page's line is the toggle's place, its words the toggle's.
  const cites = page.locator("main .evidence-note .cites").first();
  assert.ok(await cites.evaluate((el) => el.__pre === true && el.querySelector("b").__pre === true));
  await cites.locator(".cites-toggle").click();
  await cites.locator(".cites-body").waitFor();
  assert.match(await cites.locator(".cites-toggle").innerText(), /P\d/);
  await cites.locator(".cites-toggle").click();
  assert.equal(await cites.locator(".cites-body").count(), 0);
  // At 390 px no "source" button sits alone on its line: it stays with the figure's last words.
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => (d.open = true)));
  const alone = await page.evaluate(() => [...document.querySelectorAll("main .source-toggle")].filter((b) => {
    const prev = b.previousSibling?.nodeType === 3 ? b.previousSibling : b.parentElement.firstChild;
    const r = document.createRange(); r.selectNodeContents(prev);
    const rects = [...r.getClientRects()]; const last = rects[rects.length - 1];
    return last && b.getBoundingClientRect().top >= last.bottom - 2;
  }).length);
  assert.equal(alone, 0, "source buttons alone on their line");
  assert.deepEqual(errors, []);
  await context.close();
});

test("cards (?part=cards): each closed card's line of citations is the page's, with the app's toggle; it opens, and hides while its card is open; the exercises are drawn when started", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=cards", { mark: true, shifts: true, settle: 500 });
  const cards = await drawn(page, "main .card-grid");
  // The app's: the toggles (and what a summary with terms, figures or card links holds), no line of citations.
  assert.equal(cards.cites, undefined, JSON.stringify(cards));
  assert.equal(cards["cites-toggle"], 53);
  // A card toggle's sign is its ::after ("+", "−" while open), not an element.
  assert.equal(cards["toggle-sign"], undefined);
  const sign = (sel) => page.locator(sel).evaluate((b) => getComputedStyle(b, "::after").content);
  assert.match(await sign("#card-conclusion .card-toggle"), /^"\+"/);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("main .card-grid > .card > p.cites")].filter((p) => p.__pre).length), cards["cites-toggle"]);
  // Until an exercise is started, its fold holds only its label.
  assert.equal(await page.locator("main .exercise-item").count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
  const card = page.locator("#card-conclusion");
  const line = card.locator(":scope > p.cites");
  await line.locator(".cites-toggle").click();
  assert.equal(await line.locator(".cites-toggle").getAttribute("aria-expanded"), "true");
  await line.locator(".cites-body").waitFor();
  await line.locator(".cites-toggle").press("Enter");
  assert.equal(await line.locator(".cites-body").count(), 0);
  // Opened, the card shows its detail with its citations; the line is hidden; closed, the line is back.
  await card.locator(".card-toggle").click();
  await card.locator(".card-detail .cites-toggle").waitFor();
  assert.match(await sign("#card-conclusion .card-toggle"), /^"−"/);
  assert.equal(await line.isVisible(), false);
  assert.equal(await card.locator(".cites-toggle").count(), 2);
  await card.locator(".card-toggle").click();
  await card.locator(".card-detail").waitFor({ state: "detached" });
  assert.ok(await line.isVisible());
  assert.ok(await line.evaluate((el) => el.__pre === true));
  // An exercise, started by keyboard: its items are there at once.
  await page.locator(".spectrum details > summary").focus();
  await page.keyboard.press("Enter");
  // One radio per item and slot.
  assert.equal(await page.locator(".spectrum .exercise-item input[type=radio]").count(), EX.spectrum.items.length * EX.spectrum.positions.length);
  await page.locator(".spectrum .exercise-item input").first().check();
  await page.locator(".spectrum .exercise-item .feedback").first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("timeline (?part=timeline): the list's links are the page's, lead to the event here and select it; the selected one is marked", async () => {
  const { page, context, errors } = await started(browser, server.url + "?part=timeline", { width: 390, height: 844, mark: true, shifts: true, settle: 500 });
  const list = await drawn(page, "main .timeline-list");
  assert.deepEqual(list, {}, "nothing in the list drawn again");
  const link = page.locator("main .event-list a").nth(2);
  assert.match(await link.getAttribute("href"), /part=timeline&card=/);
  const id = (await link.getAttribute("href")).split("card=")[1];
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => location.search.includes(`card=${id}`), id);
  assert.equal(await link.getAttribute("aria-current"), "true");
  assert.equal(await link.evaluate((a) => a.parentElement.className), "selected");
  assert.ok(await link.evaluate((a) => a.__pre === true));
  await page.locator("#timeline-detail h3").waitFor();
  // Another: the mark moves.
  await page.locator("main .event-list a").nth(5).click();
  assert.equal(await link.getAttribute("aria-current"), null);
  assert.equal(await page.locator("main .event-list a[aria-current=true]").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
