// WebKitGTK (MiniBrowser through WebKitWebDriver and selenium-webdriver, under xvfb-run): the engine pass of
// engines.mjs and its take-over check on the served site and the single file from file://. The driver cannot read
// the console: the pass records console.error, errors and rejections in the page.
import { test, before, after } from "node:test";
import { SINGLE_FILE_URL } from "./lib.mjs";
import { pass, takeover, webkit, serveHeld } from "./engines.mjs";

let server, engine;
before(async () => { server = await serveHeld(); engine = await webkit(); });
after(async () => { await engine?.close(); await server?.close(); });

test("WebKit: a deep link's first paint is its own view, and the app takes it over (same nodes, nothing moved, scroll and focus kept) on the served site", async () => {
  await takeover(engine, server.url, server.hold);
});

test("WebKit: the same from the single file (file://)", async () => {
  await takeover(engine, SINGLE_FILE_URL);
});

test("WebKit: every part, a layer switch, a card, a self-check and Share on the served site", async () => {
  await pass(engine, server.url);
});

test("WebKit: the same from the single file (file://)", async () => {
  await pass(engine, SINGLE_FILE_URL);
});
