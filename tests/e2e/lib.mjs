// Shared end-to-end helpers: a static server for dist/, Debian's Chromium driven by playwright-core,
// request and console recording, and axe-core accessibility checks. One behaviour per spec file.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const SINGLE_FILE_URL = pathToFileURL(join(DIST, "charm-offensive.html")).href;
const AXE_SOURCE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json" };

/** Serves a directory (default dist/) on 127.0.0.1 at a free port; extra routes map paths to HTML strings. */
export async function serve(dir = DIST, extra = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (extra[path] !== undefined) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(extra[path]);
    }
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404); res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Holds the wasm back until `release()` is called: what shows meanwhile is the pre-rendered page. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** In the page (as script text, for every engine): the app's own wasm, instantiated once static/boot.js has its bytes
 *  (after its mark "wasm-source-ready"; the unpacker's wasm comes before it), waits in WebAssembly.instantiate until
 *  `window.__go()` is called, and `window.__held` says it is waiting: the app has begun to start but not yet drawn. */
export const HOLD_INSTANTIATE = `{
  const gate = new Promise((ok) => { window.__go = ok; });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      if (!performance.getEntriesByName("wasm-source-ready").length) return original.apply(this, args);
      window.__held = true;
      return gate.then(() => original.apply(this, args));
    };
  }
}`;

/** Holds the app's start back in both forms (the site's wasm file by its route, the single file's inline wasm at its
 *  instantiation: HOLD_INSTANTIATE) until `release()` is awaited; before letting it go, `release` checks that the app had
 *  not started (it sets data-ready), so a test that looks at the page before start cannot look at the app instead. */
export async function holdStart(page) {
  await page.addInitScript({ content: HOLD_INSTANTIATE });
  const releaseRoute = await holdWasm(page);
  return async () => {
    const before = await page.evaluate(() => document.documentElement.dataset.ready);
    assert.equal(before, undefined, "the app had not started before it was let go");
    releaseRoute();
    await page.evaluate(() => window.__go());
  };
}

/** Opens `url` in a new context at `width`x`height` (a phone's touch screen below 500 px wide) with the wasm held
 *  back; `look(page)` runs on the pre-rendered page once it is loaded (its result is `early`; by default it waits 300 ms). `mark`: then every element
 *  of <main> is marked as the page's (`el.__pre`), after checking that the app has not started; `shifts`: the layout
 *  shifts from there on are recorded in `window.__shifts`. Then the app starts; `settle` ms after it is ready, returns
 *  { page, context, errors (the page's uncaught errors), early }. */
export async function started(browser, url, { width = 1280, height = 900, look = (page) => page.waitForTimeout(300), mark = false, shifts = false, settle = 300 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (shifts) {
    await page.addInitScript(() => {
      window.__shifts = [];
      // The shifts from the app's start on (the page's own, before it, are startup.spec's).
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.startTime >= (window.__release ?? Infinity)) window.__shifts.push(e.value); }).observe({ type: "layout-shift", buffered: true });
    });
  }
  const release = await holdStart(page);
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === "complete");
  const early = await look(page);
  if (mark) {
    const marked = await page.evaluate(() => {
      for (const el of document.querySelectorAll("main *")) el.__pre = true;
      window.__release = performance.now();
      // The app has not started (it sets data-ready) nor drawn (it takes aria-busy off #app).
      return !document.documentElement.dataset.ready && document.getElementById("app").hasAttribute("aria-busy");
    });
    assert.ok(marked, "the page was marked before the app started");
  }
  await release();
  await ready(page, 20000);
  await page.waitForTimeout(settle);
  return { page, context, errors, early };
}

/** Launches Debian's Chromium headless with a fresh profile and no background networking. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs,
    ],
    // playwright gives every launch a fresh, empty profile of its own.
  });
}

/** Opens a page that records every request and console error; `allowedErrors` are regexes to tolerate. */
export async function open(browser, url, { viewport = { width: 1280, height: 900 }, javaScript = true, context: ctxOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript, ...ctxOptions });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  if (javaScript) await ready(page);
  return { page, context, requests, errors };
}

/** Waits until the app has mounted (it sets data-ready on <html>). */
export async function ready(page, timeout = 15000) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1" || !document.getElementById("fatal").hidden, null, { timeout });
  const fatal = await page.evaluate(() => document.getElementById("fatal").hidden ? null : document.getElementById("fatal-detail").textContent);
  assert.equal(fatal, null, `the app failed to start: ${fatal}`);
}

/** Asserts that no request left the page's own origin (127.0.0.1 or file:, data:, blob:). */
export function assertNoExternalRequests(requests) {
  const external = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|file:|data:|blob:)/.test(u));
  assert.deepEqual(external, [], `requests left the page's origin: ${external.join(", ")}`);
}

/** Asserts the console showed no error. */
export function assertNoConsoleErrors(errors) {
  assert.deepEqual(errors, [], `console errors: ${errors.join(" | ")}`);
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and asserts there is no violation. */
export async function assertAccessible(page, label = "") {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  assert.deepEqual(summary, [], `axe found violations ${label}:\n${summary.join("\n")}`);
}

/** Both ways the explainer is opened: served over HTTP, and the single file from disk. */
export const MODES = ["served", "file"];

/** The start URL for a mode, with an optional query string. */
export function startUrl(mode, server, query = "") {
  return (mode === "served" ? server.url : SINGLE_FILE_URL) + query;
}

/** A new page at `width`x`height` (a phone's touch screen below 500 px) whose layout shifts, but those just after
 *  input, go to `window.__shifts`; `errors` collects its uncaught errors. Returns { context, page, errors }. */
export async function shiftRecording(browser, width, height) {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); }).observe({ type: "layout-shift", buffered: true });
  });
  return { context, page, errors };
}
