// One vocabulary for the essay against the sources: the map's comparisons carry the same status badge as the
// notes in Reading the evidence, each links to its note, and percent against percentage points is one note.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, startUrl, assertNoConsoleErrors } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("a map comparison's badge is its note's badge, and its link opens that note on screen", async () => {
  const { page, context, errors } = await open(browser, startUrl("served", server, "?part=map&layer=investment"));
  await page.waitForFunction(() => { const p = document.querySelector(".data-panel"); return p && !p.hasAttribute("aria-busy"); });
  const article = page.locator('[data-compare="energy-2005-2018"]');
  const words = async (l) => (await l.innerText()).replace(/\s+/g, " ").replace("Status: ", "").trim();
  const badge = await words(article.locator(".status-badge"));
  assert.equal(badge, "≠ Differs, slightly", "the evidence badge, with the qualifier in words");
  assert.equal(await page.locator(".data-compare .status").count(), 0, "no second kind of status pill");
  const link = article.getByRole("link", { name: /^Read the note: / });
  const title = (await link.innerText()).replace("Read the note: ", "");
  await link.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("part") === "evidence");
  const heading = page.getByRole("heading", { name: title, exact: true });
  await page.waitForFunction((t) => { const h = [...document.querySelectorAll(".evidence-note h3")].find((h) => h.textContent === t); if (!h) return false; const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }, title);
  assert.equal(await page.evaluate(() => document.activeElement.matches(".evidence-note")), true, "focus is on the note");
  const noteBadge = await words(heading.locator("xpath=following-sibling::p[contains(@class,'status-badge')]"));
  assert.equal(noteBadge.split(",")[0], badge.split(",")[0], "the same status, in the same words");
  assertNoConsoleErrors(errors);
  await context.close();
});

test("percent against percentage points is one note, with its worked example", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=evidence"));
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /Percent versus percentage points/);
  assert.equal(await page.locator(".evidence-note .worked").count(), 1);
  // The note may sit in the fold of further notes: read its title whether shown or folded.
  assert.match(await page.locator(".evidence-note", { has: page.locator(".worked") }).locator("h3").textContent(), /percentage points/i);
  await context.close();
});
