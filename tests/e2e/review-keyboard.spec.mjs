// Keyboard only: what the review of 2 December found. Escape closes the innermost open thing and nothing else.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, MODES, startUrl } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const mode of MODES) {
  test(`${mode}: in a republic's profile, Escape on an open source or citation closes it, not the profile, and focus stays on its toggle`, async () => {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const { page, context } = await open(browser, startUrl(mode, server, "?part=map&country=KZ"), { viewport: { width, height } });
      // A figure's source (drawn by the app), a figure in a sentence (kept from the page) and the line of citations.
      for (const toggle of [".profile dd .source-toggle", ".profile .figure.inline .source-toggle", ".profile .cites-toggle"]) {
        const button = page.locator(toggle).first();
        await button.focus();
        await page.keyboard.press("Enter");
        await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-expanded") === "true", toggle);
        await page.keyboard.press("Escape");
        await page.waitForTimeout(200);
        const after = await page.evaluate((s) => ({
          expanded: document.querySelector(s)?.getAttribute("aria-expanded"),
          profile: !!document.querySelector("#profile-KZ")?.getClientRects().length,
          focused: document.activeElement === document.querySelector(s),
        }), toggle);
        assert.deepEqual(after, { expanded: "false", profile: true, focused: true }, `${width} px, ${toggle}: Escape closed it alone and kept focus on it`);
      }
      await context.close();
    }
  });
}
