// The map part's column (the list of republics and a profile, which scrolls on its own on a wide screen) keeps the
// reader's scroll position when the app takes it over, also when the reader scrolled it while the app was starting
// (after static/boot.js began to start it, before the app drew its column): the latest position, not the one at boot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, holdWasm, startUrl, HOLD_INSTANTIATE } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const mode of ["served", "file"]) {
  test(`${mode}: the column of ?part=map&layer=students&country=UZ scrolled before and while the app starts keeps the latest position`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // The app's own wasm waits at its instantiation until the test lets it go.
    await page.addInitScript({ content: HOLD_INSTANTIATE });
    const release = await holdWasm(page);
    await page.goto(startUrl(mode, server, "?part=map&layer=students&country=UZ"));
    await page.waitForFunction(() => document.readyState === "complete" && document.querySelector("main .map-selection #profile-UZ"));
    const column = () => page.evaluate(() => {
      const c = document.querySelector("main .map-selection");
      return { top: c.scrollTop, room: c.scrollHeight - c.clientHeight, app: !c.__pre };
    });
    // Before the app: the reader scrolls the column a little.
    await page.evaluate(() => { const c = document.querySelector("main .map-selection"); c.__pre = true; c.scrollTop = 40; });
    const early = await column();
    assert.ok(early.room > 120, `the column scrolls on its own at 1280x900 (${early.room} px of room)`);
    release();
    // Then while the app starts: boot.js has begun (its wasm is being instantiated), the app has not drawn.
    await page.waitForFunction(() => window.__held === true, null, { timeout: 20000 });
    assert.equal((await column()).app, false, "the column is still the page's");
    await page.evaluate(() => { document.querySelector("main .map-selection").scrollTop = 120; });
    // The scroll event is dispatched at the next frame.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.evaluate(() => window.__go());
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const now = await column();
    assert.equal(now.app, true, "the app drew its own column (what this test is about)");
    assert.equal(now.top, 120, "the column is where the reader last scrolled it");
    assert.deepEqual(errors, []);
    await context.close();
  });
}
