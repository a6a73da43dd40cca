// Reading the evidence: every note renders with its status in words, the status filter works by keyboard,
// the instructors' prompts are there, axe is clean. Served build and single file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, MODES, startUrl, ROOT, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const STUDY = JSON.parse(readFileSync(join(ROOT, "content/study.json"), "utf8"));
const NOTES = STUDY.evidence;
const WORDS = { confirmed: "Confirmed", differs: "Differs", "not found": "Not found", "no bibliography entry": "No bibliography entry", "year disagrees": "Year disagrees" };

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const mode of MODES) {
  test(`${mode}: every evidence note renders with its status in words, and axe passes`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=evidence"));
    const notes = page.locator("article.evidence-note");
    assert.equal(await notes.count(), NOTES.length);
    for (const [i, n] of NOTES.entries()) {
      const note = notes.nth(i);
      // textContent: past the first few, notes are folded (rendered, not shown).
      assert.equal((await note.locator("h3").textContent()).trim(), n.title);
      assert.match(await note.locator(".status-badge").textContent(), new RegExp(WORDS[n.status]));
    }
    assert.equal(await page.locator(".prompts li").count(), STUDY.prompts.length);
    await assertAccessible(page, `evidence part (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: the status filter shows only the chosen status, by keyboard`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=evidence"));
    const group = page.getByRole("group", { name: "Show notes by status" });
    const confirmed = NOTES.filter((n) => n.status === "confirmed");
    const button = group.getByRole("button", { name: `Confirmed (${confirmed.length})` });
    await button.focus();
    await page.keyboard.press("Enter");
    assert.equal(await button.getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("article.evidence-note").count(), confirmed.length);
    for (const n of confirmed) await page.locator(`#note-${n.id}`).waitFor();
    assert.match(await page.locator(".filter-count").innerText(), new RegExp(`Showing ${confirmed.length} of ${NOTES.length}`));
    await group.getByRole("button", { name: /^All/ }).click();
    assert.equal(await page.locator("article.evidence-note").count(), NOTES.length);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: a note's figure opens its source, and unlisted citations link to the Sources part`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=evidence"));
    const note = page.locator("article.evidence-note").first();
    await note.locator(".source-toggle").first().click();
    await note.locator(".figure-source").first().waitFor();
    const unlisted = NOTES.find((n) => n.status === "no bibliography entry");
    // Past the first few notes, the rest are one click away.
    if (await page.locator("details.more-notes").count()) await page.locator("details.more-notes > summary").click();
    await page.locator(`article[aria-labelledby="note-${unlisted.id}"]`).getByRole("link", { name: /Sources part/ }).click();
    await page.waitForFunction(() => location.search === "?part=sources");
    assertNoConsoleErrors(errors);
    await context.close();
  });
}

test("layout: at 1920 px a note's figures stand beside its text, which keeps a readable measure, and the bibliography is in columns", async () => {
  const { page, context } = await open(browser, server.url + "?part=evidence", { viewport: { width: 1920, height: 1080 } });
  const box = await page.evaluate(() => {
    const note = document.querySelector(".evidence-note:has(.figure-compare)");
    const [text, figs] = [note.querySelector(".note-body"), note.querySelector(".figure-compare")].map((e) => e.getBoundingClientRect());
    return { beside: figs.left >= text.right && figs.top < text.bottom, textWidth: text.width, rem: parseFloat(getComputedStyle(document.documentElement).fontSize) };
  });
  assert.ok(box.beside, "the figures sit beside the text");
  assert.ok(box.textWidth <= 45 * box.rem, `the text column keeps a readable measure (${box.textWidth} px)`);
  // The Sources part's bibliography, in columns: no entry wider than 40rem.
  await page.goto(server.url + "?part=sources");
  await page.locator(".bibliography li").first().waitFor();
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll(".bibliography > li")].map((li) => li.getBoundingClientRect().width)));
  assert.ok(widest <= 40 * box.rem, `bibliography entries keep a readable measure (${widest} px)`);
  await context.close();
});
