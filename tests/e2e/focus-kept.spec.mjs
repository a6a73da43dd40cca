// Focus is not lost when the app redraws the control that has it: a layer change that reaches the data panel
// while the reader is in its table (a press that does not take focus, as Safari's click on a button or the tour's keys) moves focus to the nearest
// heading still there, not to the page body (where a keyboard or screen reader user would start again).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, ready, startUrl, assertNoConsoleErrors } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("served: the table across the years changes while it has focus: focus stays on it, or on its block's heading", async () => {
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map&layer=students"));
  await ready(page);
  const table = page.locator(".across-years [tabindex='0']").first();
  await table.focus();
  const before = await table.getAttribute("aria-label");
  // A press that leaves focus where it was (Safari's mouse click on a button does not focus it; so does the tour).
  await page.evaluate(() => [...document.querySelectorAll(".data-controls button")].find((b) => b.textContent === "Confucius Institutes").click());
  await page.waitForFunction(() => /Confucius/.test(document.querySelector(".across-years")?.textContent || ""));
  await page.waitForTimeout(100);
  const after = await page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName, text: a.textContent.trim().slice(0, 60), inBlock: !!a.closest(".across-years"), label: a.getAttribute("aria-label") };
  });
  assert.notEqual(after.tag, "BODY", `focus fell to the page body after "${before}" was redrawn`);
  // The app keeps the table's nodes and writes what differs (src/components/data/live.rs): the focused region stays,
  // now the new layer's; where a block is drawn anew, boot.js hands focus to its heading.
  const kept = after.tag === "DIV" && /Confucius/.test(after.label || "");
  assert.ok(after.inBlock && (kept || /^H[2-4]$/.test(after.tag)), `focus stayed on the table or went to the block's heading, not ${after.tag} "${after.text}"`);
  assertNoConsoleErrors(errors);
  await context.close();
});

test("served: a narrower window hides the timeline's axis while an event on it has focus: focus goes to that event in the list", async () => {
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=timeline"));
  await page.focus("#tl-ev-scramble-for-china");
  await page.keyboard.press("Enter");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(200);
  const now = await page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName, text: a.textContent.trim().slice(0, 40), shown: a.getClientRects().length > 0, current: a.getAttribute("aria-current") };
  });
  assert.notEqual(now.tag, "BODY", "focus fell to the page body when the axis was hidden");
  assert.deepEqual(now, { tag: "A", text: "The scramble for China", shown: true, current: "true" });
  assertNoConsoleErrors(errors);
  await context.close();
});
