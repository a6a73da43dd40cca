// Text spacing (WCAG 1.4.12): with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word
// spacing 0.16em (the bookmarklet's values), every part keeps all its text: nothing cut off, nothing past
// the right edge, at a phone's width and a laptop's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";
import { reflowProblems, TEXT_SPACING_CSS } from "./layout.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const VIEWS = ["", "?part=cards&card=soft-power", "?part=map&country=KZ", "?part=timeline&card=xian-summit-2023", "?part=study&step=2", "?part=evidence", "?part=sources"];

test("with WCAG 1.4.12 text spacing no text is cut off or pushed off screen (360 and 1280 px)", async () => {
  for (const width of [360, 1280]) {
    // Every part on a phone; on a laptop, where there is room, the three busiest.
    for (const q of width === 360 ? VIEWS : VIEWS.slice(1, 3)) {
      // The user style sheet is added the way a bookmarklet adds it (past the page's CSP).
      const { page, context } = await open(browser, server.url + q, { viewport: { width, height: 800 }, context: { bypassCSP: true } });
      await page.addStyleTag({ content: TEXT_SPACING_CSS });
      const spaced = await page.evaluate(() => getComputedStyle(document.querySelector("main p")).letterSpacing);
      assert.notEqual(spaced, "normal", "the spacing is applied");
      assert.deepEqual(await page.evaluate(reflowProblems), [], `${q || "overview"} at ${width} px`);
      await context.close();
    }
  }
});
