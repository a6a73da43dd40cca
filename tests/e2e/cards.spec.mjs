// The cards part: theme filter, cards opened by keyboard, citations and glossary terms opened in place,
// related-card links, the alignment spectrum and the hard-or-soft sorter by keyboard alone, deep links.
// Each test also checks axe, the console and that nothing leaves the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, open, MODES, startUrl, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const json = (p) => JSON.parse(readFileSync(join(ROOT, "content", p), "utf8"));
const CARDS = ["concepts", "history", "actors", "argument"].flatMap((t) => json(`cards/${t}.json`));
const PARAGRAPHS = json("paragraphs.json");
const REFS = json("references.json");
const GLOSSARY = json("glossary.json");
const EXERCISES = json("interactives.json");
const card = (id) => CARDS.find((c) => c.id === id);

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

async function clean(page, requests, errors, label) {
  await assertAccessible(page, label);
  assertNoExternalRequests(requests);
  assertNoConsoleErrors(errors);
}

/** Opens the fold that holds every card but the argument's (by keyboard, as a reader would). */
async function showAllCards(page) {
  const fold = page.locator("details.more-cards");
  if ((await fold.getAttribute("open")) === null) {
    await fold.locator("summary").focus();
    await page.keyboard.press("Enter");
  }
}

const inViewport = (el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; };

for (const mode of MODES) {
  test(`${mode}: the theme filter narrows the grid and says how many cards it shows`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    const grid = page.locator(".card-grid > li");
    assert.equal(await grid.count(), CARDS.length);
    const history = page.getByRole("group", { name: "Show cards by theme" }).getByRole("button", { name: /^History/ });
    assert.equal(await history.getAttribute("aria-pressed"), "false");
    await history.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("theme=history"));
    const historyCount = CARDS.filter((c) => c.theme === "history").length;
    assert.equal(await grid.count(), historyCount);
    assert.equal(await history.getAttribute("aria-pressed"), "true");
    assert.match(await page.locator(".cards-count").innerText(), new RegExp(`Showing ${historyCount} of ${CARDS.length}`));
    await clean(page, requests, errors, `filtered (${mode})`);
    await context.close();
  });

  test(`${mode}: a card opens by keyboard and shows its detail and marked quotation`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    await showAllCards(page);
    const toggle = page.locator("#card-soft-power .card-toggle");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("card=soft-power"));
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    const region = page.getByRole("region", { name: "Soft power: detail" });
    assert.ok(await region.isVisible());
    assert.equal(await toggle.getAttribute("aria-controls"), await region.getAttribute("id"));
    assert.match(await region.locator("blockquote").innerText(), /technology, education, and economic growth/);
    assert.match(await region.locator("figure cite").innerText(), /Nye \(1990/);
    assert.equal(await region.locator(".quotation-label").innerText(), "QUOTATION");
    await clean(page, requests, errors, `card open (${mode})`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !location.search.includes("card="));
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await context.close();
  });

  test(`${mode}: a card's citations open in place with the paragraph's gist and the bibliography link`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    await showAllCards(page);
    const c = card("hard-power");
    const cites = page.locator("#card-hard-power .cites-toggle");
    assert.match(await cites.innerText(), new RegExp(c.paragraphs[0]));
    await cites.focus();
    await page.keyboard.press("Enter");
    assert.equal(await cites.getAttribute("aria-expanded"), "true");
    const body = page.locator("#card-hard-power .cites-body");
    const gist = PARAGRAPHS.find((p) => p.id === c.paragraphs[0]).gist;
    assert.ok((await body.innerText()).includes(gist), "the cited paragraph's gist is shown");
    const entry = REFS.entries.find((e) => c.refs.includes(e.id) && e.url);
    assert.ok(entry, "hard-power cites a listed source with a link");
    assert.equal(await body.locator(`a[href="${entry.url}"]`).count(), 1);
    assert.equal(await body.locator(`a[href="${REFS.essay.url}"]`).count(), 1, "link to the original essay");
    await clean(page, requests, errors, `citations open (${mode})`);
    await context.close();
  });

  test(`${mode}: a related-card link opens that card`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards&card=soft-power"));
    const link = page.locator("#card-soft-power .related").getByRole("link", { name: card("hard-power").title, exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("card=hard-power"));
    assert.equal(await page.locator("#card-hard-power .card-toggle").getAttribute("aria-expanded"), "true");
    assert.equal(await page.locator("#card-soft-power .card-toggle").getAttribute("aria-expanded"), "false");
    await page.waitForFunction(() => document.activeElement && document.activeElement.closest("#card-hard-power") !== null);
    await clean(page, requests, errors, `related (${mode})`);
    await context.close();
  });

  test(`${mode}: a glossary term opens its definition by keyboard`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards&card=soft-power"));
    const term = page.locator("#card-soft-power .term-button").first();
    const id = (card("soft-power").detail.join(" ").match(/\]\(term:([a-z0-9-]+)\)/) || [])[1];
    const definition = GLOSSARY.find((t) => t.id === id).definition;
    await term.focus();
    await page.keyboard.press("Enter");
    assert.equal(await term.getAttribute("aria-expanded"), "true");
    const def = page.locator(`#${await term.getAttribute("aria-controls")}`);
    assert.ok((await def.innerText()).includes(definition));
    await clean(page, requests, errors, `term open (${mode})`);
    await page.keyboard.press("Escape");
    assert.equal(await term.getAttribute("aria-expanded"), "false");
    await context.close();
  });

  test(`${mode}: the alignment spectrum works by keyboard alone and explains the essay's reasoning`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    const item = EXERCISES.spectrum.items[0];
    const answer = EXERCISES.spectrum.positions.findIndex((p) => p.id === item.answer);
    // The exercise is folded until the reader starts it.
    await page.locator(".spectrum details > summary").focus();
    await page.keyboard.press("Enter");
    const group = page.getByRole("group", { name: item.label });
    const row = page.locator(".spectrum .exercise-item").first();
    await group.getByRole("radio").first().focus();
    for (let i = 0; i < answer; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await row.locator(".feedback.right").waitFor();
    assert.match(await row.locator(".feedback").innerText(), /Matches the essay/);
    assert.ok((await row.locator(".feedback").innerText()).includes(item.explanation));
    assert.match(await row.locator(".feedback .cites-toggle").innerText(), new RegExp(item.paragraphs[0]));
    await page.keyboard.press("ArrowRight");
    await row.locator(".feedback.wrong").waitFor();
    assert.ok((await row.locator(".feedback").innerText()).includes(EXERCISES.spectrum.positions[answer].label));
    assert.match(await page.locator(".spectrum .score").innerText(), /Placed 1 of 6; 0 match/);
    await clean(page, requests, errors, `spectrum (${mode})`);
    await page.locator(".spectrum").getByRole("button", { name: "Reset" }).focus();
    await page.keyboard.press("Enter");
    assert.match(await page.locator(".spectrum .score").innerText(), /Placed 0 of 6/);
    assert.equal(await row.locator(".feedback").count(), 0);
    await context.close();
  });

  test(`${mode}: the hard-or-soft sorter works by keyboard alone; economic strength can sit on either side`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    const items = EXERCISES.sorter.items;
    const bins = EXERCISES.sorter.bins.map((b) => b.id);
    const economic = items.find((i) => i.id === "economic-strength");
    assert.equal(economic.answer, "both");
    await page.locator(".sorter details > summary").click();
    const row = page.locator(".sorter .exercise-item").nth(items.indexOf(economic));
    await row.getByRole("radio").first().focus();
    await page.keyboard.press("Space");
    await row.locator(".feedback.wrong").waitFor();
    for (let i = 0; i < bins.indexOf("both"); i++) await page.keyboard.press("ArrowRight");
    await row.locator(".feedback.right").waitFor();
    assert.ok((await row.locator(".feedback").innerText()).includes(economic.explanation));
    assert.match(await page.locator(".sorter .score").innerText(), /Placed 1 of \d+; 1 match/);
    assert.equal(await page.locator(".sorter .board .chip.right").count(), 1);
    // axe counts a radio scrolled under the sticky list of parts as too small: check from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await clean(page, requests, errors, `sorter (${mode})`);
    await context.close();
  });

  test(`${mode}: a deep link opens its card and brings it into view`, async () => {
    const { page, context, requests, errors } = await open(browser, startUrl(mode, server, "?part=cards&card=xian-declaration"));
    const toggle = page.locator("#card-xian-declaration .card-toggle");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    await page.waitForFunction(() => { const el = document.getElementById("card-xian-declaration"); const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
    assert.ok(await page.locator("#card-xian-declaration").evaluate(inViewport));
    assert.equal(await page.locator(".card-detail").count(), 1);
    await clean(page, requests, errors, `deep link (${mode})`);
    await context.close();
  });
}

test("small screens: the cards part and its exercises fit 360 px, and a fold's label starts beside its marker at 320 px", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=cards&card=alignment"), { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await page.setViewportSize({ width: 320, height: 740 });
  // A label too long for one line wraps beside the ▸ instead of leaving it alone on the first line.
  const dropped = await page.evaluate(() => [...document.querySelectorAll("details.disclosure > summary")]
    .filter((s) => s.getBoundingClientRect().height > 0)
    .filter((s) => s.firstElementChild.getBoundingClientRect().top - s.getBoundingClientRect().top > 16)
    .map((s) => s.textContent.trim()));
  assert.deepEqual(dropped, [], "fold labels pushed below their marker");
  await context.close();
});
