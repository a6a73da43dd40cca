// Embedding and robustness: a sandboxed iframe with no same-origin access, the page's own
// Content-Security-Policy (no violation), the share dialog and its iframe snippet, hidden controls,
// and storage / clipboard failures said in words rather than crashes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, MODES, startUrl, DIST, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const single = readFileSync(join(DIST, "charm-offensive.html"), "utf8");
const hostPage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course page</title></head>
<body><h1>Week 5: China in Central Asia</h1><iframe id="explainer" sandbox="allow-scripts" src="${src}" title="Explainer" style="width:1000px;height:800px"></iframe></body></html>`;
let server, browser;
before(async () => {
  server = await serve(undefined, {
    "/host-site.html": hostPage("/index.html?part=map&embed=1&hide=nav"),
    "/host-single.html": hostPage("/charm-offensive.html?part=sources&embed=1"),
  });
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

/** Collects CSP violations reported inside the page. */
async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}
const RECORD_CSP = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

for (const mode of MODES) {
  test(`${mode}: the page carries a strict CSP and nothing violates it while every part is used`, async () => {
    const { page, context, errors, requests } = await open(browser, startUrl(mode, server), { context: {} });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src '(self|none)'/);
    assert.match(csp, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
    if (mode === "file") assert.match(csp, /script-src ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'/);
    await page.addInitScript(RECORD_CSP);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    for (const part of ["cards", "map", "timeline", "study", "evidence", "sources"]) {
      await page.getByRole("navigation").getByRole("link").filter({ hasText: new RegExp(`^${{ cards: "Concepts", map: "Map", timeline: "Timeline", study: "Study", evidence: "Reading", sources: "Sources" }[part]}`) }).click();
    }
    assert.deepEqual(await cspViolations(page), []);
    assertNoConsoleErrors(errors); assertNoExternalRequests(requests);
    await context.close();
  });

  test(`${mode}: the share dialog gives this view's link and an iframe snippet, and copying falls back to selection`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=map&layer=students&country=UZ"));
    await page.getByRole("button", { name: "Share / embed" }).click();
    const dialog = page.getByRole("dialog", { name: "Share or embed this view" });
    await dialog.waitFor();
    const link = await dialog.getByLabel("Link to this view").inputValue();
    assert.match(link, /\?part=map&layer=students&country=UZ$/);
    await dialog.getByLabel("Hide the navigation between parts").check();
    const snippet = await dialog.getByLabel(/HTML to paste/).inputValue();
    assert.match(snippet, /^<iframe src="[^"]*\?part=map&amp;layer=students&amp;country=UZ&amp;embed=1&amp;hide=nav" title="[^"]+" aria-label="[^"]+" loading="lazy"/);
    assert.match(snippet, /aspect-ratio:4\/3/);
    // Next to the iframe code, the SCORM packages: only where they are (the served dist/, not the single file).
    const packages = dialog.getByRole("link", { name: /SCORM (1\.2|2004) package/ });
    if (mode === "served") {
      assert.equal(await packages.count(), 2);
      for (const href of await packages.evaluateAll((links) => links.map((a) => a.href))) {
        const res = await page.request.get(href);
        assert.equal(res.status(), 200, `${href} is there`);
        assert.equal((await res.body()).subarray(0, 2).toString(), "PK", `${href} is a zip`);
      }
    } else {
      assert.equal(await packages.count(), 0, "the single file offers no packages it does not have beside it");
    }
    await assertAccessible(page, "with the share dialog open");
    // Headless Chromium refuses clipboard writes without a permission: the fallback must select the text.
    await dialog.getByRole("button", { name: "Copy embed code" }).click();
    await page.waitForFunction(() => /Copied|selected/.test(document.querySelector(".copy-status").textContent));
    const status = await dialog.locator(".copy-status").innerText();
    if (/selected/.test(status)) {
      assert.equal(status, "This browser or course site does not let the page copy. The text is selected: press Ctrl+C (or ⌘C) to copy it.",
        "the refusal is said in our words, not the browser's");
      assert.equal(await page.evaluate(() => document.activeElement.id), "share-snippet");
      assert.equal(await page.evaluate(() => { const t = document.activeElement; return t.selectionEnd - t.selectionStart; }), snippet.length);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.id), "share-button", "focus returns to the Share button");
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: on a phone and in an 800x600 course frame, what Copy link did is said in sight`, async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 800, height: 600 }]) {
      const { page, context } = await open(browser, startUrl(mode, server, "?part=map&embed=1"), { viewport });
      await page.click("#share-button");
      await page.getByRole("button", { name: "Copy link" }).click();
      await page.waitForFunction(() => document.querySelector(".copy-status")?.textContent);
      const seen = await page.evaluate(() => {
        const s = document.querySelector(".copy-status"), r = s.getBoundingClientRect();
        return s.contains(document.elementFromPoint(r.left + 8, r.top + r.height / 2));
      });
      assert.ok(seen, `${viewport.width}x${viewport.height}: the status is on screen, not under the dialog's fold`);
      await context.close();
    }
  });

  test(`${mode}: an embed link spelt otherwise (percent-encoded, or given twice) looks the same before and after the app starts`, async () => {
    // The page before the app (static/early.js) and the app read the address alike: the embed's bar and its link to
    // the full explainer are there from the first paint exactly when the app shows them.
    for (const [query, embedded] of [["?part=sources&%65mbed=%31", true], ["?part=sources&embed=1&embed=1", false]]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, async (route) => { await held; await route.continue(); });
      await page.goto(startUrl(mode, server, query));
      await page.waitForFunction(() => document.readyState !== "loading");
      const shown = () => page.evaluate(() => [document.querySelectorAll(".embed-open").length, !!document.querySelector(".shell.embed .site-header.compact")]);
      const early = await shown();
      release();
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
      assert.deepEqual(early, [+embedded, embedded], `${query}: the page before the app`);
      assert.deepEqual(await shown(), [+embedded, embedded], `${query}: the app`);
      await context.close();
    }
  });

  test(`${mode}: the embed view drops the chrome and honours hidden controls`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=sources&embed=1&hide=nav,share"));
    assert.equal(await page.getByRole("navigation", { name: "Parts of the explainer" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Share / embed" }).count(), 0);
    assert.equal(await page.locator(".site-footer").count(), 0);
    const full = page.getByRole("link", { name: /Open the full explainer/ });
    assert.equal(await full.getAttribute("href"), "?part=sources");
    assert.equal(await full.getAttribute("target"), "_blank");
    await assertAccessible(page, "embed view");
    await context.close();
  });
}

for (const [label, path] of [["the served site", "/host-site.html"], ["the single file", "/host-single.html"]]) {
  test(`${label} works in <iframe sandbox="allow-scripts"> (opaque origin, no storage, no clipboard)`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.url + path.slice(1));
    const frame = page.frameLocator("#explainer");
    await frame.locator("html[data-ready='1']").waitFor({ timeout: 15000 });
    assert.equal(await frame.locator("#fatal").isHidden(), true);
    assert.equal(await frame.locator("main h2").first().innerText(), path.includes("single") ? "Sources" : "Map & data");
    const origin = await page.frames()[1].evaluate(() => window.origin);
    assert.equal(origin, "null", "the frame really is sandboxed");
    assertNoConsoleErrors(errors);
    await context.close();
  });
}
