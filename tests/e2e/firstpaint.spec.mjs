// The first paint is the app's view: on `/` the app keeps the whole pre-rendered overview (the same nodes, only its
// buttons are new, nothing moves) and what it holds works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, holdWasm, started } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** Where an element is on the page. */
const box = (el) => { const r = el.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`; };

/** Every element of <main>, marked as the page's, with where it is; how many. */
const mark = (page) => page.evaluate((box) => {
  const all = document.querySelectorAll("main *:not(script)");
  for (const el of all) { el.__pre = true; el.__at = eval(box)(el); }
  return all.length;
}, box.toString());

for (const [width, height] of [[390, 844], [1280, 900]]) {
  test(`/ at ${width}x${height}: the app keeps the pre-rendered overview (thesis, figures, links, citations, start links): the same nodes in the same places, only its buttons new`, async () => {
    const { page, context, errors, early } = await started(browser, server.url, { width, height, look: async (page) => {
      // Before the app: the links to the parts are there already, leading to the parts (not read.html).
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("main .start-links a")].map((a) => a.checkVisibility() && a.getAttribute("href"))),
        ["?part=cards", "?part=map", "?part=study"]);
      return mark(page);
    }, mark: true });
    const [drawn, kept, moved] = await page.evaluate((box) => {
      const all = [...document.querySelectorAll("main *:not(script)")];
      const kept = all.filter((el) => el.__pre === true);
      return [all.filter((el) => !el.__pre).map((el) => `${el.tagName}.${el.className}`).sort(), kept.length,
        kept.filter((el) => el.__at !== eval(box)(el) && el.getBoundingClientRect().width > 1).map((el) => `${el.tagName}.${el.className} ${el.__at} -> ${eval(box)(el)}`)];
    }, box.toString());
    // Only the app's buttons are new: a source button per figure, a glossary term's button (with its span), the citations' toggle.
    assert.deepEqual(drawn, ["BUTTON.cites-toggle", "BUTTON.source-toggle", "BUTTON.source-toggle", "BUTTON.term-button", "BUTTON.term-button", "SPAN.term", "SPAN.term"]);
    // Every element the page had is still there, where it was (a kept node moved is no layout shift to the browser).
    assert.equal(kept, early - 2, "all but the two glossary links (now the app's buttons, their words kept)");
    assert.deepEqual(moved, [], "nothing moved");
    // No link of the page without JavaScript is left, nor a figure or line of citations not made the app's.
    assert.deepEqual(await page.evaluate(() => document.querySelectorAll("main a[href^='read.html'], main [data-fig], main .cites-static").length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("/: what the kept overview holds works: a figure's source, a term's definition (Escape closes it), the citations, a card link and a start link", async () => {
  const { page, context, errors } = await started(browser, server.url + "?embed=1", { look: (page) => mark(page) });
  const thesis = page.locator("main .thesis");
  const source = thesis.locator(".figure.inline .source-toggle").first();
  await source.click();
  assert.equal(await source.getAttribute("aria-expanded"), "true");
  await thesis.locator(".figure.inline .figure-source").first().waitFor();
  const term = thesis.locator(".term-button").first();
  await term.focus();
  await page.keyboard.press("Enter");
  assert.equal(await term.getAttribute("aria-expanded"), "true");
  assert.match(await page.locator(`#${await term.getAttribute("aria-controls")}`).innerText(), /^Education diplomacy: /i);
  await page.keyboard.press("Escape");
  assert.equal(await term.getAttribute("aria-expanded"), "false");
  const cites = thesis.locator(".cites-toggle");
  await cites.click();
  await thesis.locator(".cites-body").waitFor();
  // Links keep the embed's settings, and act in the app.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("main .start-links a, main .thesis a.card-link")].map((a) => a.getAttribute("href"))),
    ["?part=cards&card=bri&embed=1", "?part=cards&card=crimea-2014&embed=1", "?part=cards&card=ukraine-2022&embed=1", "?part=cards&embed=1", "?part=map&embed=1", "?part=study&embed=1"]);
  await thesis.locator("a.card-link", { hasText: "Crimea" }).click();
  await page.waitForFunction(() => /card=crimea-2014/.test(location.search) && document.querySelector("#card-crimea-2014 .card-toggle[aria-expanded=true]"));
  await page.goBack();
  await page.locator("main .start-links a", { hasText: "Open the map" }).click();
  await page.waitForFunction(() => /part=map/.test(location.search) && document.querySelector("main .region-map"));
  // The overview again (a copy of the page's, made the app's again).
  await page.goBack();
  await page.locator("main .thesis .term-button").first().waitFor();
  assert.equal(await page.locator("main .thesis .source-toggle").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

// Saved study progress (src/components/study/progress_model.rs's string form): every step seen, or the first two.
const ALL_STEPS = `v1|${Array.from({ length: 11 }, (_, i) => i + 1).join(",")}|`;
for (const [saved, width, height] of [[ALL_STEPS, 390, 844], [ALL_STEPS, 1920, 1080], ["v1|1,2|", 390, 844], ["blocked", 390, 844]]) {
  test(`?part=study with ${saved === "blocked" ? "storage blocked" : `saved progress ${saved}`} at ${width}x${height}: the first paint shows it (the tour's ending, the steps seen, where to continue), and nothing changes or moves when the app starts`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addInitScript((saved) => {
      if (saved === "blocked") Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
      else localStorage.setItem("charm-offensive.progress.v1", saved);
    }, saved);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const release = await holdWasm(page);
    await page.goto(server.url + "?part=study");
    await page.locator("main .study #start-tour").waitFor();
    const look = () => page.evaluate(() => {
      const all = [...document.querySelectorAll("main .study .study-tour *")].filter((el) => el.checkVisibility());
      return { ending: document.querySelector("#tour-done").checkVisibility(), seen: document.querySelectorAll(".tour-start li.seen").length,
        start: document.querySelector("#start-tour").textContent, boxes: all.map((el) => `${el.tagName} ${JSON.stringify(el.getBoundingClientRect())}`) };
    });
    const early = await look();
    const [ending, seen, start] = saved === ALL_STEPS ? [true, 11, "Start the guided tour"] : saved === "blocked" ? [false, 0, "Start the guided tour"] : [false, 2, "Continue the tour at step 3"];
    assert.deepEqual([early.ending, early.seen, early.start], [ending, seen, start], "the saved progress at the first paint");
    await page.evaluate(() => { for (const el of document.querySelectorAll("main .study *")) el.__pre = true; });
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await look(), early, "nothing changed or moved");
    // The same nodes (but, with storage blocked, the app's note that says so).
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("main .study *")].filter((el) => !el.__pre && !el.closest(".storage-note")).map((el) => el.tagName)), []);
    if (saved === "blocked") assert.match(await page.locator(".storage-note").innerText(), /Progress can't be saved/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A republic's profile on the static page names its card's paragraphs (`data-from`) instead of repeating them;
// static/early.js copies them in for a deep link, so the first paint says what the app says.
test("?part=map&country=KZ: before the app, the profile's 'What the essay says' paragraphs are the card's, as the app shows them", async () => {
  // The paragraphs after the heading "What the essay says", up to the next heading (not the card link for no JavaScript
  // nor the citations).
  const said = (page) => page.evaluate(() => {
    const h = [...document.querySelectorAll(".map-selection .profile h4")].find((h) => h.textContent === "What the essay says");
    const out = [];
    for (let el = h && h.nextElementSibling; el && el.tagName !== "H4"; el = el.nextElementSibling) {
      if (el.tagName !== "P" || el.hasAttribute("data-no-js") || /cites/.test(el.className)) continue;
      const words = el.cloneNode(true);
      words.querySelectorAll("button, .print-only").forEach((b) => b.remove());
      out.push(words.textContent.replace(/\s+/g, " ").trim());
    }
    return out;
  });
  const { page, context, errors, early } = await started(browser, server.url + "?part=map&country=KZ", { look: async (page) => {
    await page.waitForSelector(".map-selection .profile");
    return said(page);
  } });
  assert.ok(early.length >= 2, `the summary and at least one detail paragraph (${early.length})`);
  assert.ok(early.every((t) => t.length > 40), `every paragraph has its text: ${JSON.stringify(early)}`);
  // The same words before and after start (a figure's brief "[Source: ...]" becomes the app's source button).
  const words = (t) => t.replace(/\s*\[Source: [^\]]*\]/g, "");
  assert.deepEqual(early.map(words), (await said(page)).map(words));
  assert.deepEqual(errors, []);
  await context.close();
});

// Below the map, the boxes the browser skips while they are off screen (content-visibility: the legend's caption, the
// list of republics, the data panel) are skipped from the first paint on, not only once the app runs, and the page's
// fold of the five profiles (for the page without JavaScript) is not seen while the app starts: nothing under the map
// changes its size or place at start (with a republic the data panel grew 95 px at 800x600 and shrank 475 px at 390).
for (const [width, height] of [[390, 844], [800, 600], [1280, 900], [1920, 1080]]) {
  for (const query of ["?part=map", "?part=map&country=KZ"]) {
    test(`${query} at ${width}x${height}: the list, the caption, the data panel and the footer have the same boxes before and after start`, async () => {
      const boxes = (page) => page.evaluate(() => ["main .country-list", "main .map-selection", "main .map-figure figcaption", "main .data-panel", ".site-footer"].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return `${s} ${Math.round(r.top + scrollY)}+${Math.round(r.height)}`;
      }));
      const { page, context, errors, early } = await started(browser, server.url + query, { width, height, mark: true, look: async (page) => {
        await page.waitForFunction(() => document.querySelector("main .data-panel"));
        await page.waitForTimeout(300);
        return boxes(page);
      } });
      assert.deepEqual(await boxes(page), early);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
