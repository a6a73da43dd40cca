// Firefox ESR (puppeteer-core over WebDriver BiDi): the engine pass of engines.mjs and its take-over check on the
// served site and the single file from file://, with the browser's own console and page errors checked as well.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SINGLE_FILE_URL } from "./lib.mjs";
import { pass, takeover, tourBarFits, firefox, serveHeld } from "./engines.mjs";

let server, engine;
before(async () => { server = await serveHeld(); engine = await firefox(); });
after(async () => { await engine?.close(); await server?.close(); });

test("Firefox: a deep link's first paint is its own view, and the app takes it over (same nodes, nothing moved, scroll and focus kept) on the served site", async () => {
  await takeover(engine, server.url, server.hold);
  assert.deepEqual(engine.consoleErrors, [], "console errors");
});

test("Firefox: the same from the single file (file://)", async () => {
  await takeover(engine, SINGLE_FILE_URL);
  assert.deepEqual(engine.consoleErrors, [], "console errors");
});

test("Firefox: every part, a layer switch, a card, a self-check and Share on the served site", async () => {
  await pass(engine, server.url);
  assert.deepEqual(engine.consoleErrors, [], "console errors");
});

test("Firefox: the same from the single file (file://)", async () => {
  await pass(engine, SINGLE_FILE_URL);
  assert.deepEqual(engine.consoleErrors, [], "console errors");
});

test("Firefox: on a 320 px phone the tour bar's controls stay inside it, their words whole", async () => {
  await tourBarFits(engine, server.url);
  assert.deepEqual(engine.consoleErrors, [], "console errors");
});
