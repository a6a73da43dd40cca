// Printing shows no buttons: nothing on paper looks like a control, in every part (card titles and
// citations that are buttons on screen print as plain text), and folded sections print opened; no box kept
// whole is taller than a page, and the time line fits the paper.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";

const VIEWS = ["?part=cards&card=soft-power", "?part=map", "?part=timeline&card=astana-speech-2013", "?part=study", "?part=evidence", "?part=sources",
  "?part=study&step=2"];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** Visible elements that look like controls on paper: a border or a filled background on a button-like element. */
function buttonsOnPaper() {
  const looksLikeButton = (e) => {
    const s = getComputedStyle(e);
    const border = ["Top", "Right", "Bottom", "Left"].some((side) => s[`border${side}Style`] !== "none" && parseFloat(s[`border${side}Width`]) > 0);
    const fill = s.backgroundColor !== "rgba(0, 0, 0, 0)" && s.backgroundColor !== "rgb(255, 255, 255)";
    return border || fill;
  };
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // Buttons and disclosures may print only as plain text; other controls not at all.
  return [...document.querySelectorAll("button, summary, a.button, a.primary, a.secondary, input[type=range], input[type=number], select")]
    .filter(shown)
    .filter((e) => !((e.tagName === "BUTTON" || e.tagName === "SUMMARY") && !looksLikeButton(e)))
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.innerText || "").trim().slice(0, 40)}”`);
}

for (const view of VIEWS) {
  test(`${view}: printing shows no buttons`, async () => {
    const { page, context } = await open(browser, server.url + view);
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const found = await page.evaluate(buttonsOnPaper);
    assert.deepEqual(found, [], `buttons on paper:\n${found.join("\n")}`);
    // On A4 paper (about 718x1047 CSS px inside the margins) no box kept whole is taller than a page (it
    // would move to the next page and leave this one blank), and the time line fits the paper's width.
    await page.setViewportSize({ width: 718, height: 1047 });
    const tooTall = await page.evaluate(() => [...document.querySelectorAll("body *")]
      .filter((e) => /avoid/.test(getComputedStyle(e).breakInside) && e.getBoundingClientRect().height > 1047)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().height)} px`));
    assert.deepEqual(tooTall, [], "boxes kept whole but taller than a page");
    if (view.includes("timeline")) {
      assert.ok(await page.evaluate(() => { const a = document.querySelector(".timeline-axis"); return a.scrollWidth <= a.clientWidth; }), "the time line fits the paper");
    }
    if (view.includes("sources")) {
      assert.ok(await page.locator(".glossary").isVisible(), "folded sections print opened");
    }
    await context.close();
  });
}
