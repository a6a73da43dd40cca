// Phones (390x844): every button, link and disclosure in every part, in the states a reader opens (a card,
// its citations and terms, a selected republic, a selected event, an answered self-check, every fold), is
// at least 44 px in its smaller dimension, or has that much room: the 44x44 square centred on it touches
// no other target.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open } from "./lib.mjs";

const PHONE = { width: 390, height: 844 };
const VIEWS = [
  "?part=overview",
  "?part=cards&card=soft-power",
  "?part=map&layer=students&country=KZ",
  "?part=timeline&card=astana-speech-2013",
  "?part=study",
  "?part=evidence",
  "?part=sources",
];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The targets on the page that are too small and too close to another, described. */
function crowdedTargets() {
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden" && !e.closest("[aria-hidden=true]");
  };
  const els = [...document.querySelectorAll("a[href], button, summary, [role=button], select, input:not([type=radio]):not([type=checkbox]), label:has(input)")].filter(shown);
  const rects = els.map((e) => e.getBoundingClientRect());
  // The sticky list of parts and the fixed tour bar float over the page: compare them only among themselves.
  const layer = (e) => (e.closest(".parts-nav, .tour-panel") ? "floating" : "page");
  const out = [];
  els.forEach((e, i) => {
    const r = rects[i];
    if (Math.min(r.width, r.height) >= 43.5) return;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const clash = els.find((o, j) => {
      if (j === i || o.contains(e) || e.contains(o) || layer(o) !== layer(e)) return false;
      const q = rects[j];
      return q.left < cx + 22 && q.right > cx - 22 && q.top < cy + 22 && q.bottom > cy - 22;
    });
    if (clash) out.push(`${e.tagName.toLowerCase()}.${e.className} “${(e.innerText || e.getAttribute("aria-label") || "").trim().slice(0, 40)}” ${Math.round(r.width)}x${Math.round(r.height)} next to “${(clash.innerText || "").trim().slice(0, 30)}”`);
  });
  return out;
}

for (const view of VIEWS) {
  test(`${view}: every target is 44 px or has 44 px of room at 390x844`, async () => {
    const { page, context } = await open(browser, server.url + view, { viewport: PHONE });
    // Open what a reader would: every fold and every citation; on the study part, answer a question.
    await page.evaluate(() => {
      document.querySelectorAll("details").forEach((d) => { d.open = true; });
      document.querySelectorAll(".cites-toggle[aria-expanded=false]").forEach((b) => b.click());
    });
    if (view.includes("study")) {
      await page.locator("fieldset.question input[type=radio]").first().check();
      await page.getByRole("button", { name: "Check" }).click();
      await page.locator(".qa-feedback").waitFor();
    }
    if (view.includes("card=soft-power")) await page.locator("#card-soft-power .term-button").first().click();
    const crowded = await page.evaluate(crowdedTargets);
    assert.deepEqual(crowded, [], `targets too small and too close:\n${crowded.join("\n")}`);
    await context.close();
  });
}
