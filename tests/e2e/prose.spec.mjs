// Display-only prose is shipped once: the wasm reads it from the pre-rendered page (src/prose.rs). Here: the
// live cards show the content's texts with their terms, card links and figures working, served and from
// file://; a copy of the page that lacks a text shows a clear message in its place and keeps running.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, ready, MODES, startUrl, ROOT, DIST, assertNoConsoleErrors } from "./lib.mjs";

const MISSING = "This passage could not be read from the page.";
const plain = (s) => s.replace(/\[([^\[\]]*)\]\((term|card|fig):([^)]+)\)/g, "$1");
const cards = readdirSync(join(ROOT, "content/cards")).flatMap((f) => JSON.parse(readFileSync(join(ROOT, "content/cards", f), "utf8")));

let server, browser;
before(async () => {
  // The single file carries every part (the served page leaves all but the overview and the map to another file).
  const page = readFileSync(join(DIST, "charm-offensive.html"), "utf8");
  // A saved or edited copy that lost one text: the first card's summary is no longer marked anywhere. Each mark's
  // number as src/prose.rs reads it: written, or short (tools/build/assemble.py's short_prose_marks) the next number
  // of its parity, "" even and "." odd.
  const marks = [...page.matchAll(/ data-p="([^"]*)"/g)].filter((m) => m.index > page.indexOf("<body"));
  let last;
  const numbers = marks.map(({ 1: v }) => (last = v === "" || v === "." ? last + 1 + (((last + 1) % 2) ^ (v === ".")) : Number(v)));
  const summary = marks.findIndex((m) => page.slice(page.lastIndexOf("<", m.index), m.index).includes('class="card-summary"'));
  const at = numbers[summary];
  let broken = page;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (numbers[i] === at) broken = broken.slice(0, marks[i].index) + " data-gone" + broken.slice(marks[i].index + 7);
  }
  server = await serve(DIST, { "/broken.html": broken });
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

/** The words a card's summary shows, without the live controls (a figure's "source" button). */
const summaries = (page) => page.$$eval("li.card .card-summary", (els) => els.map((el) => {
  const c = el.cloneNode(true);
  c.querySelectorAll("button.source-toggle, .print-only, .visually-hidden").forEach((x) => x.remove());
  return c.textContent;
}));

for (const mode of MODES) {
  test(`the live cards read their texts from the page, markup working (${mode})`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=cards"));
    assert.deepEqual((await summaries(page)).sort(), cards.map((c) => plain(c.summary)).sort());
    assert.equal(await page.getByText(MISSING).count(), 0, "no text is missing");
    // An opened card shows its detail paragraphs and quotation, read from the page.
    const withQuote = cards.find((c) => c.quote);
    await page.goto(startUrl(mode, server, `?part=cards&card=${withQuote.id}`));
    await ready(page);
    const detail = page.locator(`#card-${withQuote.id}-detail`);
    await detail.waitFor();
    assert.equal(await detail.locator("blockquote p").textContent(), withQuote.quote.text);
    assert.equal(await detail.locator("figcaption cite").textContent(), withQuote.quote.source);
    assert.equal(await detail.locator("> p").count(), withQuote.detail.length);
    // Markup inside read-back texts is live: a glossary term opens its definition, a figure its source.
    const withTerm = cards.find((c) => c.detail.some((d) => /\]\(term:/.test(d)));
    await page.goto(startUrl(mode, server, `?part=cards&card=${withTerm.id}`));
    await ready(page);
    const term = page.locator(`#card-${withTerm.id}-detail .term-button`).first();
    await term.click();
    assert.equal(await term.getAttribute("aria-expanded"), "true");
    assert.ok((await page.locator(`#card-${withTerm.id}-detail .term-definition`).first().textContent()).length > 20);
    const withFig = cards.find((c) => /\]\(fig:/.test(c.summary));
    const source = page.locator(`#card-${withFig.id} .card-summary .figure.inline .source-toggle`).first();
    await source.click();
    await page.locator(`#card-${withFig.id} .card-summary .figure-source`).first().waitFor();
    assertNoConsoleErrors(errors);
    await context.close();
  });
}

for (const mode of MODES) test(`every part reads its texts from the page: none is missing, the glossary and bibliography match the content (${mode})`, async () => {
  const { page, context, errors } = await open(browser, startUrl(mode, server));
  for (const part of ["overview", "cards", "map", "timeline", "study", "evidence", "sources"]) {
    await page.goto(startUrl(mode, server, "?part=" + part));
    await ready(page);
    assert.equal(await page.getByText(MISSING).count(), 0, `${part}: a text is missing`);
    if (part === "map") {
      // Figures' sources (excerpt, note...): read from the page where it shows them, compiled in otherwise.
      const toggles = page.locator("main .source-toggle >> visible=true");
      for (let i = Math.min(await toggles.count(), 6) - 1; i >= 0; i--) await toggles.nth(i).click();
      const figures = JSON.parse(readFileSync(join(ROOT, "content/figures.json"), "utf8"));
      const excerpts = await page.$$eval("main .figure-source .excerpt", (els) => els.map((e) => {
        const c = e.cloneNode(true);
        c.querySelectorAll(".visually-hidden").forEach((x) => x.remove());
        return c.textContent.replace(/^“|”$/g, "");
      }));
      assert.ok(excerpts.length > 0, "a source is open");
      for (const e of excerpts) assert.ok(figures.some((f) => f.excerpt === e), `excerpt not in the content: ${e}`);
      assert.equal(await page.getByText(MISSING).count(), 0, "map sources: a text is missing");
    }
  }
  const glossary = JSON.parse(readFileSync(join(ROOT, "content/glossary.json"), "utf8"));
  const shown = await page.$$eval("dl.glossary dd", (dds) => dds.map((dd) => dd.firstChild.textContent));
  assert.deepEqual(shown, glossary.map((t) => t.definition));
  const refs = JSON.parse(readFileSync(join(ROOT, "content/references.json"), "utf8"));
  assert.deepEqual(await page.$$eval("ol.bibliography .citation", (els) => els.map((e) => e.textContent)), refs.entries.map((r) => r.citation));
  assertNoConsoleErrors(errors);
  await context.close();
});

test("a copy of the page that lacks a text shows a clear message in its place and keeps working", async () => {
  const { page, context, errors } = await open(browser, server.url + "broken.html?part=cards");
  const first = page.locator("li.card").first();
  assert.equal(await first.locator(".card-summary").textContent(), MISSING);
  assert.equal(await page.getByText(MISSING).count(), 1, "only the lost text");
  assert.ok(await page.locator("#fatal").isHidden());
  // The rest still works: the second card opens.
  await page.locator("li.card .card-toggle").nth(1).click();
  await page.locator("li.card").nth(1).locator(".card-detail").waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test("a saved copy of the running page runs: with the parts' files beside it, it reads them; without, it says what it cannot read", async () => {
  const live = await open(browser, server.url + "?part=cards");
  const saved = await live.page.content();
  await live.context.close();
  const copy = await serve(DIST, { "/saved.html": saved });
  try {
    // Beside the site's files (the copy carries the script elements the running page had added): the texts come.
    let { page, context, errors } = await open(browser, copy.url + "saved.html?part=cards");
    await page.waitForFunction(() => (document.querySelector("li.card .card-summary")?.textContent || "").startsWith("Temirtashev argues"));
    assert.equal(await page.getByText(MISSING).count(), 0);
    assertNoConsoleErrors(errors);
    await context.close();
    // Without the parts' text: what is lost says so, the compiled-in titles still show, nothing crashes.
    context = await browser.newContext();
    page = await context.newPage();
    errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route(/\/(rest|map)\.[0-9a-f]+\.js$/, (route) => route.abort());
    await page.goto(copy.url + "saved.html?part=cards");
    await page.waitForFunction((m) => document.querySelector("li.card .card-summary")?.textContent === m, MISSING);
    assert.ok(await page.locator("#fatal").isHidden());
    assert.ok((await page.locator("li.card .card-title").first().textContent()).length > 3, "titles (compiled in) still show");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await copy.close();
  }
});
