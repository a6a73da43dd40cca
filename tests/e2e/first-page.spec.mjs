// The served site's light first page: index.html shows the overview; the parts come from assets/rest.HASH.js
// (a `?part=map` link paints the map's heading from the page, then loads assets/map.HASH.js), put in place by
// static/early-site.js, and read.html carries every part for reading without JavaScript. Here: nothing is lost without JavaScript, a deep link to a part the page lacks waits for it without
// showing the overview or moving the footer, and a missing rest file costs only those parts' texts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { serve, launch, ready, DIST } from "./lib.mjs";

const MISSING = "This passage could not be read from the page.";
const SITE = JSON.parse(readFileSync(join(import.meta.dirname, "../../content/site.json"), "utf8"));
const OTHER_PARTS = ["cards", "timeline", "study", "evidence", "sources"];
const ids = (html) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("the served page lacks the other parts, and every link to them leads to read.html, which has them all", async () => {
  const first = readFileSync(join(DIST, "index.html"), "utf8");
  const read = readFileSync(join(DIST, "read.html"), "utf8");
  // Lighthouse's slow 4G sends the page in TCP round trips, the first about 14.6 KB with the response's headers:
  // one more costs about 0.15 s of FCP and LCP (tools/build/assemble.py).
  const gzip = gzipSync(Buffer.from(first), { level: 9 }).length;
  assert.ok(gzip <= 13500, `index.html is ${gzip} B gzip: past 13,500 it risks a second round trip before the first paint`);
  for (const part of OTHER_PARTS) assert.ok(!first.includes(`id="part-${part}"`), `index.html carries ${part}`);
  assert.ok(first.includes('id="part-overview"'));
  // Of the map part only its heading, and the texts the overview shares with other parts (a card's, in a template).
  assert.match(first, /<script type="text\/html" class="static-rest"><section data-partial[^>]* aria-labelledby="part-map"[^>]*><header[^]*<\/header><\/section>(<template>[^]*<\/template>)?<\/script>/, "of the map part, only its heading");
  // Every in-page link of the page has its target there, or in read.html.
  const [here, there] = [ids(first), ids(read)];
  const links = [...first.matchAll(/href="(read\.html)?#([^"]+)"/g)];
  assert.ok(links.filter((m) => m[1]).length >= OTHER_PARTS.length, "links lead to read.html");
  for (const [, page, id] of links) assert.ok((page ? there : here).has(id), `a link to ${page || ""}#${id} leads nowhere`);
  // read.html runs no script and shows every part as it is, with JavaScript on or off.
  assert.doesNotMatch(read, /<script|noscript class="static-rest"/);
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url + "read.html#part-sources");
    for (const part of OTHER_PARTS) assert.ok(await page.locator(`#part-${part}`).isVisible(), `read.html shows ${part}`);
    assert.equal(await page.locator(".bibliography > li").count(), 30);
    assert.deepEqual(requests.filter((u) => !/read\.html/.test(u)), [], "read.html loads nothing else");
    await context.close();
  }
});

test("a deep link to a part the page lacks shows that part first: no overview meanwhile, and the footer does not move", async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });
  });
  // The wasm waits until the end; the rest file until the page has been looked at.
  const hold = () => { let release; const held = new Promise((ok) => { release = ok; }); return [held, release]; };
  const [wasmHeld, releaseWasm] = hold();
  const [restHeld, releaseRest] = hold();
  await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, async (route) => { await wasmHeld; await route.continue(); });
  await page.route(/\/rest\.[0-9a-f]+\.js$/, async (route) => { await restHeld; await route.continue(); });
  await page.goto(server.url + "?part=sources", { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.readyState !== "loading");
  await page.waitForTimeout(200);
  assert.equal(await page.locator("#part-overview").isVisible(), false, "the overview is not shown while the part comes");
  assert.equal(await page.locator(".site-footer").isVisible(), false, "nor the footer");
  releaseRest();
  await page.locator("main #part-sources").waitFor();
  assert.ok(await page.locator(".site-footer").isVisible(), "the footer is back, below the part");
  assert.equal(await page.locator("#part-overview").isVisible(), false);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, "before the app starts");
  assert.equal(await page.evaluate(() => window.__shift), 0, "nothing moved");
  // The part is only displayed: the app shows the page's own section (the same nodes), not one drawn again.
  await page.evaluate(() => { document.querySelector("main section.sources").__pre = true; });
  releaseWasm();
  await ready(page);
  assert.equal(await page.locator("main #part-sources").count(), 1);
  assert.ok(await page.evaluate(() => document.querySelector("main section.sources").__pre === true), "the same section after start");
  assert.ok(await page.locator("main .glossary").count() === 1, "with its glossary");
  assert.equal(await page.getByText(MISSING).count(), 0);
  await context.close();
});

test("/ and map links start without the other parts' text; a part that needs it says it is loading, then shows it", async () => {
  const LOADING = "Loading…";
  const shown = (page) => page.evaluate(([a, b]) => [...document.querySelectorAll("#app *")].filter((e) => [...e.childNodes].some((c) => c.nodeType === 3 && (c.textContent.includes(a) || c.textContent.includes(b)))).map((e) => e.className), [MISSING, LOADING]);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const rest = [];
  const wasm = [];
  page.on("request", (r) => { if (/\/rest\.[0-9a-f]+\.js$/.test(r.url())) rest.push(r.url()); });
  page.on("request", (r) => { if (/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/.test(r.url())) wasm.push(r.url().replace(/^.*\//, "")); });
  const hold = () => { let release; const held = new Promise((ok) => { release = ok; }); return [held, release]; };
  let [held, release] = hold();
  await page.route(/\/rest\.[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  for (const query of ["", "?part=map", "?part=map&layer=students&country=UZ", "?part=map&layer=trade&year=2013&pp=1"]) {
    await page.goto(server.url + query);
    await ready(page);
    await page.waitForTimeout(300);
    assert.deepEqual(await shown(page), [], `${query || "/"}: every text of the first view is there`);
    assert.deepEqual(rest, [], `${query || "/"}: the other parts' text is not requested`);
  }
  // The wasm comes packed with LZMA as bytes (static/boot.js), not as the wasm file.
  assert.ok(wasm.length === 4 && wasm.every((name) => /^charm-offensive\.[0-9a-f]+\.lzma$/.test(name)), `wasm requests: ${wasm}`);
  // A citation opened before the other parts' text has come says its references are loading, then shows them.
  await page.goto(server.url);
  await ready(page);
  await page.locator("main .cites-toggle").first().click();
  await page.locator("main .cites-body .reference", { hasText: LOADING }).first().waitFor();
  assert.ok(rest.length > 0, "asked for when needed");
  release();
  await page.locator("main .cites-body .reference", { hasText: LOADING }).first().waitFor({ state: "detached" });
  assert.deepEqual(await shown(page), []);
  // A part that needs it: its heading (focused) and a loading line, then the part.
  [held, release] = hold();
  rest.length = 0;
  await page.goto(server.url);
  await ready(page);
  await page.getByRole("navigation").getByRole("link", { name: "Timeline", exact: false }).first().click();
  await page.locator("main .loading-note").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "part-timeline");
  assert.equal(await page.locator("main section.part-loading").getAttribute("aria-busy"), "true");
  // The part's intro comes with its texts (read from the page: src/prose.rs); the loading line says so once.
  assert.equal(await page.locator("main section.part-loading .part-intro").count(), 0, "no intro while loading");
  release();
  await page.locator("main .loading-note").waitFor({ state: "detached" });
  assert.equal(await page.locator("main .part-intro").textContent(), SITE.parts.timeline, "the part's intro once it has come");
  assert.equal(await page.evaluate(() => document.activeElement.id), "part-timeline", "focus on the part's heading");
  assert.deepEqual(await shown(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without the rest file the app still starts: those parts' texts say they could not be read, the map part's own are there", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/\/rest\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto(server.url + "?part=cards");
  await ready(page);
  assert.ok(await page.locator("li.card .card-title").first().isVisible(), "the cards (titles compiled in) are drawn");
  // The thesis card's summary is shared with the overview, which the page carries; the others are missing.
  const summaries = await page.locator("li.card .card-summary").allTextContents();
  assert.ok(summaries.filter((t) => t === MISSING).length >= summaries.length / 2, `summaries: ${summaries.slice(0, 3)}`);
  assert.ok(await page.locator("#fatal").isHidden());
  await page.getByRole("navigation").getByRole("link", { name: "Map & data", exact: true }).click();
  await page.locator("main .region-map").waitFor();
  // The map part's own texts are read from the page itself (a few it shares with other parts, such as a card's
  // title or a source in brief, are marked only in those parts on the static page, and read as missing).
  const intro = await page.locator("main .part-intro").first().textContent();
  assert.ok(intro.length > 40 && !intro.includes(MISSING), "the map part's introduction is read from the page");
  // Its outlines too: the map part's file stands in for the rest file (static/early-site.js).
  const outlines = await page.evaluate(() => [...document.querySelectorAll("main .region-map .republic path:not(.reliability)")].map((p) => p.getAttribute("d").length));
  assert.equal(outlines.length, 5, "five republics");
  assert.ok(outlines.every((n) => n > 100), `the republics have their outlines (path lengths ${outlines})`);
  assert.equal(await page.locator("main .map-missing").count(), 0, "no message about missing outlines");
  assert.deepEqual(errors, []);
  await context.close();
});

test("without the rest file and the map part's file, the map opened from / says its outlines did not load", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/\/(rest|map)\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto(server.url);
  await ready(page);
  await page.getByRole("navigation").getByRole("link", { name: "Map & data", exact: true }).click();
  await page.locator("main .map-missing").waitFor();
  assert.match(await page.locator("main .map-missing").textContent(), /outlines did not load/);
  assert.ok(await page.locator("main .country-list").isVisible(), "the list of republics is there");
  assert.ok(await page.locator("#fatal").isHidden());
  assert.deepEqual(errors, []);
  await context.close();
});

test("the page requests nothing before its largest paint: the map part's file, the app's scripts, the rest file and the wasm come after", async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(e.startTime); }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  for (const query of ["", "?part=map"]) {
    await page.goto(server.url + query);
    await ready(page);
    const [paint, requests] = await page.evaluate(() => [window.__lcp[0], performance.getEntriesByType("resource").map((r) => [r.name.replace(/^.*\//, ""), r.startTime])]);
    assert.ok(paint > 0 && requests.length >= 4, `a paint and the requests (${requests.length})`);
    for (const [name, at] of requests) assert.ok(at >= paint, `${query || "/"}: ${name} was requested at ${at} ms, before the largest paint at ${paint} ms`);
    if (query) assert.ok(requests.some(([name]) => /^map\./.test(name)), "the map part's file");
  }
  await context.close();
});

test("the page's own stylesheet (the rest comes later) draws the header, overview and footer exactly as the whole one", async () => {
  // read.html has the whole stylesheet and the same header, overview and footer; both without JavaScript.
  const look = async (url, viewport, colorScheme) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport, colorScheme });
    const page = await context.newPage();
    await page.goto(url);
    const styles = await page.evaluate(() => [...document.querySelectorAll(".site-header, .site-header *, .parts-nav *, #part-overview, .overview *, .site-footer, .site-footer *")].map((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // The footer comes after every part on read.html: its place is measured from its own top.
      const top = el.closest(".site-footer")?.getBoundingClientRect().y || 0;
      return [el.tagName, el.className, Math.round(r.x), Math.round(r.y - top), Math.round(r.width), Math.round(r.height),
        s.display, s.color, s.backgroundColor, s.font, s.margin, s.padding, s.border, s.borderRadius].join(" ");
    }));
    await context.close();
    return styles;
  };
  for (const [viewport, scheme] of [[{ width: 412, height: 823 }, "light"], [{ width: 1280, height: 900 }, "dark"]]) {
    const [first, whole] = [await look(server.url, viewport, scheme), await look(server.url + "read.html", viewport, scheme)];
    assert.ok(first.length > 50, `${first.length} elements`);
    assert.deepEqual(first, whole, `${viewport.width} px, ${scheme}`);
  }
});
