// One end-to-end pass for the other engines (Firefox over WebDriver BiDi with puppeteer-core, WebKitGTK's
// MiniBrowser with selenium-webdriver): every part starts, a layer switch, a card opening, a self-check, the
// Share dialog, on the served site and the single file from file://; no page or console error, the fatal
// banner hidden. The engine is reached through a small adapter: goto(url), run(fn, ...args), click(css),
// close(). Kept lean: the whole suite must stay within 15 minutes on 2 cores.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";

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
