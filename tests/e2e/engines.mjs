// One end-to-end pass for the other engines (Firefox over WebDriver BiDi with puppeteer-core, WebKitGTK's
// MiniBrowser with selenium-webdriver): every part starts, a layer switch, a card opening, a self-check, the
// Share dialog, on the served site and the single file from file://; no page or console error, the fatal
// banner hidden. And the take-over (`takeover`): a deep link paints its own view before the wasm starts, and the
// app keeps those nodes where they were, with the reader's scroll position and focus. The engine is reached
// through a small adapter: goto(url), run(body), click(css), close(). Kept lean: the whole suite must stay within
// 15 minutes on 2 cores.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname } from "node:path";
import { DIST, HOLD_INSTANTIATE } from "./lib.mjs";

export const PARTS = ["overview", "cards", "map", "timeline", "study", "evidence", "sources"];

/** Records errors in the page itself (the WebKit driver cannot read the console): console.error,
 *  uncaught errors and rejections, in window.__errors. */
const RECORD_ERRORS = `
  if (!window.__errors) {
    window.__errors = [];
    const original = console.error.bind(console);
    console.error = (...a) => { window.__errors.push(a.map(String).join(" ")); original(...a); };
    addEventListener("error", (e) => window.__errors.push("error: " + (e.message || e.type)));
    addEventListener("unhandledrejection", (e) => window.__errors.push("rejection: " + String(e.reason)));
  }`;

/** Waits in the page until `predicate` (a function source) is true, polling. */
async function until(engine, predicate, what, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    let ok = false;
    try { ok = await engine.run(`return !!(${predicate})();`); } catch { /* page navigating */ }
    if (ok) return;
    if (Date.now() - start > timeout) assert.fail(`${engine.name}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a URL, waits for the app to start, asserts the fatal banner is hidden, and starts recording errors. */
async function load(engine, url) {
  await engine.goto(url);
  await until(engine, `() => document.documentElement.dataset.ready === "1" || (document.getElementById("fatal") && !document.getElementById("fatal").hidden)`, `the app to start at ${url}`);
  const fatal = await engine.run(`const f = document.getElementById("fatal"); return f.hidden ? null : f.textContent;`);
  assert.equal(fatal, null, `${engine.name}: the fatal banner is showing at ${url}`);
  await engine.run(RECORD_ERRORS);
}

async function assertClean(engine, where) {
  const state = await engine.run(`return { errors: window.__errors || [], fatal: !document.getElementById("fatal").hidden };`);
  assert.deepEqual(state.errors, [], `${engine.name}: errors ${where}`);
  assert.equal(state.fatal, false, `${engine.name}: the fatal banner shows ${where}`);
}

/** The pass: `base` is the served site's URL or the single file's file:// URL. One load from a deep link,
 *  then the reader's own clicks (each reload costs a wasm compile, and the suite must stay lean). */
export async function pass(engine, base) {
  await load(engine, base + "?part=timeline");
  for (const part of PARTS) {
    await engine.click(`.parts-nav a[href^="?${part === "overview" ? "" : "part=" + part}"]`);
    await until(engine, `() => document.querySelector(".parts-nav [aria-current=page]").getAttribute("href").startsWith("?${part === "overview" ? "" : "part=" + part}") && document.querySelector("main h2")`, `the ${part} part`);
    const heading = await engine.run(`return document.querySelector("main h2").textContent;`);
    assert.ok(heading.length > 3, `${engine.name}: ${part} shows its heading (got "${heading}")`);
    // Display-only texts are read from the pre-rendered page (src/prose.rs): none may be missing.
    assert.equal(await engine.run(`return document.querySelector("main").textContent.includes("could not be read from the page");`), false, `${engine.name}: ${part} shows every text`);
    await assertClean(engine, `on ${part}`);
  }

  // A layer switch: the map, its pressed button and the address follow.
  await engine.click(`.parts-nav a[href^="?part=map"]`);
  await until(engine, `() => document.querySelector('button[data-layer="students"]')`, "the map");
  await engine.click(`button[data-layer="students"]`);
  await until(engine, `() => document.querySelector('button[data-layer="students"]').getAttribute("aria-pressed") === "true"`, "the students layer");
  await until(engine, `() => location.search === "?part=map&layer=students"`, "the address of the students layer");
  assert.match(await engine.run(`return document.querySelector(".legend").textContent;`), /student/i, `${engine.name}: the legend follows the layer`);
  // The outlines are read from the pre-rendered page too (src/geo.rs): 16 real shapes, none left empty.
  const outlines = await engine.run(`return [...document.querySelectorAll(".region-map .republics path:not(.reliability), .map-stack .neighbours path")].map((p) => p.getAttribute("d"));`);
  assert.equal(outlines.length, 16, `${engine.name}: every country is drawn`);
  assert.ok(outlines.every((d) => /^M[\d.]+,[\d.]+l/.test(d)), `${engine.name}: every outline was read (${outlines.filter((d) => !/^M[\d.]+,[\d.]+l/.test(d)).join(" ")})`);
  await assertClean(engine, "after a layer switch");

  // A card opening.
  await engine.click(`.parts-nav a[href^="?part=cards"]`);
  await until(engine, `() => document.querySelector(".card .card-toggle")`, "the cards");
  await engine.click(".card .card-toggle");
  await until(engine, `() => document.querySelector(".card.open .card-detail")`, "an open card");
  await until(engine, `() => new URLSearchParams(location.search).get("card")`, "the card in the address");
  assert.equal(await engine.run(`return document.querySelector(".card.open .card-detail").textContent.includes("could not be read from the page");`), false, `${engine.name}: the card's texts are read`);
  await assertClean(engine, "after opening a card");

  // A self-check answered.
  await engine.click(`.parts-nav a[href^="?part=study"]`);
  await until(engine, `() => document.querySelector("fieldset.q-choice")`, "the self-checks");
  const q = await engine.run(`const f = document.querySelector("fieldset.q-choice"); return { id: f.id, option: f.querySelector("input[type=radio]").id };`);
  await engine.click(`label[for="${q.option}"]`);
  await engine.click(`fieldset[id="${q.id}"] button.secondary`);
  await until(engine, `() => document.querySelector('fieldset[id="${q.id}"] .qa-feedback .verdict')`, "the self-check's feedback");
  await assertClean(engine, "after a self-check");

  // The Share dialog opens modal with this view's link, and closes back to its button.
  await engine.click("#share-button");
  await until(engine, `() => document.querySelector("dialog.share-dialog[open]")`, "the share dialog");
  const link = await engine.run(`return document.getElementById("share-link").value;`);
  assert.match(link, /\?part=study/, `${engine.name}: the share link names the view`);
  await engine.click("dialog.share-dialog .primary");
  await until(engine, `() => !document.querySelector("dialog.share-dialog") && document.activeElement && document.activeElement.id === "share-button"`, "the dialog to close, focus back on Share");
  await assertClean(engine, "after the share dialog");
}

/** The tour's bar on a small phone (a 320 px window, or 400 % zoom): every control of the bar is inside it, and no
 *  word of theirs is broken across lines (in Firefox the bar's End tour button was squeezed to one letter a line,
 *  beyond the bar's edge; in every engine Back and Finish broke mid-word). Firefox only: WebKitGTK's MiniBrowser
 *  window is at least 447 px wide. */
export async function tourBarFits(engine, base) {
  await engine.resize(320, 568);
  try {
    await load(engine, base + "?part=cards&step=11");
    await until(engine, `() => document.querySelector(".tour-panel #tour-next")`, "the tour bar");
    const r = await engine.run(`
      const bar = document.querySelector(".tour-panel").getBoundingClientRect();
      const controls = [...document.querySelectorAll(".tour-panel button, .tour-panel a")].filter((c) => c.getClientRects().length);
      const outside = controls.filter((c) => { const r = c.getBoundingClientRect(); return r.left < bar.left - 1 || r.right > bar.right + 1; }).map((c) => c.textContent.trim());
      const broken = [];
      for (const c of controls) {
        const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode());) {
          if (n.parentElement.closest(".visually-hidden")) continue;
          for (const m of n.data.matchAll(/[A-Za-z]+/g)) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            if (new Set([...range.getClientRects()].map((x) => Math.round(x.top))).size > 1) broken.push(m[0]);
          }
        }
      }
      return { width: innerWidth, controls: controls.length, outside, broken };`);
    assert.ok(r.width <= 360 && r.controls >= 4, `${engine.name}: a small window (${r.width} px) with the bar's controls (${r.controls})`);
    assert.deepEqual([r.outside, r.broken], [[], []], `${engine.name}: the tour bar's controls outside the bar, and words broken across lines`);
    await assertClean(engine, "on the tour bar at 320 px");
  } finally {
    await engine.resize(1280, 900);
  }
}

/** Serves dist/ on 127.0.0.1 at a free port, like lib.mjs's serve(), and can hold the wasm back: `hold()` holds every
 *  request for it (packed, plain or as a script) until the function it returns is called. */
export async function serveHeld() {
  const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
  let held = null;
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (held && /\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/.test(path)) await held;
    const file = join(DIST, path.endsWith("/") ? path + "index.html" : path);
    try {
      if (!file.startsWith(DIST) || !(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404); res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    hold: () => { let release; held = new Promise((ok) => { release = ok; }); return () => { held = null; release(); }; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** The deep link of the issue: the map part, the students layer, Uzbekistan's profile. */
export const DEEP_LINK = "?part=map&layer=students&country=UZ";

/** In the page: every element of <main> marked as the page's, with where it is (in the document, not the screen). */
const MARK = `
  const box = (el) => { const r = el.getBoundingClientRect(); return Math.round(r.left) + "," + Math.round(r.top + scrollY) + " " + Math.round(r.width) + "x" + Math.round(r.height); };
  for (const el of document.querySelectorAll("main *")) { el.__pre = true; el.__at = box(el); }`;

/** In the page: what the deep link shows (its part, layer and republic), where the profile is and how tall. */
const VIEW = `
  const seen = (s) => { const el = document.querySelector(s); return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"; };
  const uz = document.querySelector("main .region-map .republic[aria-label^='Uzbekistan']");
  const profile = document.querySelector("main .map-selection .profile");
  const r = profile && profile.getBoundingClientRect();
  return {
    part: seen("main #part-map") && !seen("#part-overview"),
    pressed: [...document.querySelectorAll("main .data-controls [data-layer][aria-pressed=true]")].map((b) => b.dataset.layer),
    map: uz && uz.getAttribute("aria-label"),
    legend: document.querySelector("main .legend-title") && document.querySelector("main .legend-title").textContent,
    onMap: document.querySelector("main #profile-UZ dt.on-map") && document.querySelector("main #profile-UZ dt.on-map").textContent,
    profiles: [...document.querySelectorAll("main .profile")].filter((p) => p.getClientRects().length).map((p) => p.id),
    profileBox: r && [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)],
    current: document.querySelector("main .country-list :is([aria-current], [aria-pressed=true])")?.textContent,
  };`;

/** The take-over in this engine, from `base` (the served site's URL with its server's `hold`, or the single file's file://
 *  URL, whose own wasm takes about a second to unpack: the page is looked at before the app draws, which the test
 *  checks). Before the app starts, the deep link shows its part, its layer (the pressed layer button, the map, the legend,
 *  the profile's row) and its republic's profile; the test marks every element of <main>, focuses a link in the profile
 *  and scrolls. After start the marked nodes are still there (the app took the page over, it did not draw it again),
 *  none that shows something moved, the profile has the same box, and the scroll position and focus are the reader's. */
export async function takeover(engine, base, hold) {
  const release = hold ? hold() : () => {};
  let early;
  try {
    await engine.goto(base + DEEP_LINK);
    await until(engine, `() => document.readyState === "complete" && document.querySelector("main .map-selection #profile-UZ .related a")`, "the deep link's first paint");
    // In one script, so that the app cannot start between the look and the marks.
    early = await engine.run(`
    const link = document.querySelector("main #profile-UZ .related a");
    link.focus();
    scrollTo(0, Math.round(link.getBoundingClientRect().top + scrollY - innerHeight / 2));
    ${MARK}
    const view = (() => {${VIEW}})();
    // With the wasm held, the app's will wait at its instantiation, so that the reader can scroll the column while the
    // app starts.
    if (${!!hold}) ${HOLD_INSTANTIATE}
    // The app has not drawn (it takes aria-busy off #app when it does) nor started.
    return { started: !!document.documentElement.dataset.ready || !document.getElementById("app").hasAttribute("aria-busy"), view, marked: document.querySelectorAll("main *").length,
      focus: document.activeElement.textContent, scroll: [Math.round(scrollY), document.querySelector("main .map-selection").scrollTop] };`);
  } finally {
    release();
  }
  assert.equal(early.started, false, `${engine.name}: the page was looked at before the app started`);
  if (hold) {
    // The reader scrolls the column while the app starts (boot.js has begun, the app has not drawn): the latest
    // position is the one kept.
    await until(engine, `() => window.__held === true`, "the app's wasm to be instantiated");
    const now = await engine.run(`
      const c = document.querySelector("main .map-selection");
      c.addEventListener("scroll", () => { window.__scrolled = true; }, { once: true });
      c.scrollTop += c.scrollTop > 60 ? -60 : 60;
      // What is in the column moved with it: marked again where it is now (still the page's nodes).
      ${MARK}
      return { top: c.scrollTop, view: (() => {${VIEW}})(), started: !!document.documentElement.dataset.ready || !document.getElementById("app").hasAttribute("aria-busy") };`);
    assert.equal(now.started, false, `${engine.name}: the column was scrolled before the app drew`);
    assert.notEqual(now.top, early.scroll[1], `${engine.name}: the column scrolled`);
    early.scroll[1] = now.top;
    early.view = now.view;
    // Its scroll event comes with a later frame (the reader's scroll has one, which boot.js notes).
    await until(engine, `() => window.__scrolled`, "the column's scroll event");
    await engine.run(`window.__go();`);
  }
  assert.deepEqual([early.view.part, early.view.pressed, early.view.profiles, early.view.current], [true, ["students"], ["profile-UZ"], "Uzbekistan 6,500 (2019)"],
    `${engine.name}: before the app starts, the deep link shows the map part, the students layer pressed, Uzbekistan's profile and its place in the list`);
  assert.match(early.view.map, /^Uzbekistan: .*students$/, `${engine.name}: the map shows the students layer`);
  assert.equal(early.view.legend, "Colour: students");
  assert.equal(early.view.onMap, "On the map: Students");
  assert.ok(early.scroll[0] > 0, `${engine.name}: scrolled`);

  await until(engine, `() => document.documentElement.dataset.ready === "1" && !document.querySelector("main [aria-busy=true]")`, "the app to start");
  await new Promise((r) => setTimeout(r, 300));
  const after = await engine.run(`
    const box = (el) => { const r = el.getBoundingClientRect(); return Math.round(r.left) + "," + Math.round(r.top + scrollY) + " " + Math.round(r.width) + "x" + Math.round(r.height); };
    const name = (el) => el.tagName + "." + (el.getAttribute("class") || "").split(" ")[0];
    const all = [...document.querySelectorAll("main *")];
    const kept = all.filter((el) => el.__pre === true);
    // What shows something: an element with words of its own or none inside, seen (a box around others may change
    // its margins without anything in it moving: the legend's, the controls' with the app's live region). The data
    // panel of a link with a layer comes as trade and is rewritten at start (a known gap, worked on elsewhere); the
    // selected republic's outline on the map is drawn by the app alone (nothing moves: it appears).
    const moved = kept.filter((el) => el.getBoundingClientRect().width > 1 && (!el.firstElementChild || [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim()))
      && !el.closest(".data-panel, .outline") && el.__at !== box(el)).map((el) => name(el) + " " + el.__at + " -> " + box(el));
    const a = document.activeElement;
    return { view: (() => {${VIEW}})(), kept: kept.length, total: all.length, moved,
      focus: a.textContent, focusIn: a.closest(".profile") && a.closest(".profile").id,
      scroll: [Math.round(scrollY), document.querySelector("main .map-selection").scrollTop],
      keptParts: ["main #part-map", "main .region-map", "main .region-map .republics", "main .legend", "main .country-list", "main .data-panel"].filter((s) => document.querySelector(s).__pre !== true) };`);
  assert.deepEqual(after.keptParts, [], `${engine.name}: the part's heading, the map, its legend, the list of republics and the data panel are the page's own nodes`);
  assert.ok(after.kept >= 350, `${engine.name}: ${after.kept} of ${after.total} elements of <main> are the page's (${early.marked} were marked)`);
  assert.deepEqual(after.moved, [], `${engine.name}: nothing the page showed moved when the app started`);
  assert.deepEqual(after.view.profileBox, early.view.profileBox, `${engine.name}: the profile has the same place and size`);
  assert.deepEqual([after.view.pressed, after.view.map, after.view.legend, after.view.onMap], [early.view.pressed, early.view.map, early.view.legend, early.view.onMap],
    `${engine.name}: the app shows the layer as the first paint did`);
  assert.deepEqual([after.focus, after.focusIn], [early.focus, "profile-UZ"], `${engine.name}: focus stays on the link in the profile`);
  // The page's, and on a wide screen the column of the list and the profile, which scrolls on its own (focusing the
  // link scrolled it).
  assert.deepEqual(after.scroll, early.scroll, `${engine.name}: the scroll positions are kept (the page's, the column's)`);
  await engine.run(RECORD_ERRORS);
  await assertClean(engine, "after the take-over");
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi (headless, no Xvfb). */
export async function firefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX_PATH || "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: { "network.proxy.type": 0, "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const console_errors = [];
  page.on("console", (m) => { if (m.type() === "error") console_errors.push(m.text()); });
  page.on("pageerror", (e) => console_errors.push(String(e)));
  return {
    name: "Firefox",
    consoleErrors: console_errors,
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    run: (body) => page.evaluate(new Function(body)),
    click: async (css) => { await page.locator(css).setTimeout(5000).click(); },
    resize: (width, height) => page.setViewport({ width, height }),
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver, on a virtual display. */
export async function webkit() {
  const { Builder, By } = await import("selenium-webdriver");
  const port = await freePort();
  // MiniBrowser has no headless mode: the driver (and the browser it starts) run under xvfb-run.
  const driverProcess = spawn("xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver", `--port=${port}`],
    { detached: true, stdio: "ignore" });
  const stop = () => { try { process.kill(-driverProcess.pid, "SIGTERM"); } catch { /* already gone */ } };
  try {
    const server = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { const r = await fetch(`${server}/status`); if (r.ok) break; } catch { /* not up yet */ }
      if (i > 150) throw new Error("WebKitWebDriver did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const driver = await new Builder().usingServer(server).withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] },
    }).build();
    await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
    return {
      name: "WebKit",
      consoleErrors: [],
      goto: (url) => driver.get(url),
      run: (body) => driver.executeScript(body),
      click: async (css) => { await driver.findElement(By.css(css)).click(); },
      close: async () => { try { await driver.quit(); } finally { stop(); } },
    };
  } catch (e) {
    stop();
    throw e;
  }
}
