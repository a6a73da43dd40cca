// WebKitGTK (MiniBrowser through WebKitWebDriver and selenium-webdriver, under xvfb-run): the engine pass
// of engines.mjs on the served site and the single file from file://. The driver cannot read the console:
// the pass records console.error, errors and rejections in the page.
import { test, before, after } from "node:test";
import { serve, SINGLE_FILE_URL } from "./lib.mjs";
import { pass, webkit } from "./engines.mjs";

let server, engine;
before(async () => { server = await serve(); engine = await webkit(); });
after(async () => { await engine?.close(); await server?.close(); });

test("WebKit: every part, a layer switch, a card, a self-check and Share on the served site", async () => {
  await pass(engine, server.url);
});

test("WebKit: the same from the single file (file://)", async () => {
  await pass(engine, SINGLE_FILE_URL);
});
