// The study part: the whole guided tour by keyboard alone, self-checks answered right and wrong (choice, sort, prediction), progress
// kept across a reload, blocked storage, the exported summary, axe. Served build and single file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, MODES, startUrl, ROOT, assertNoExternalRequests, assertNoConsoleErrors, assertAccessible } from "./lib.mjs";

const STUDY = JSON.parse(readFileSync(join(ROOT, "content/study.json"), "utf8"));
const TOUR = STUDY.tour;
const LABELS = { overview: "Overview", cards: "Concepts & cards", map: "Map & data", timeline: "Timeline", study: "Study", evidence: "Reading the evidence", sources: "Sources" };
const Q_CHOICE = STUDY.questions.find((q) => q.kind === "choice");
const Q_PREDICT = STUDY.questions.find((q) => q.kind === "predict" && q.view);
const Q_SORT = STUDY.questions.find((q) => q.kind === "sort");
const BLOCK_STORAGE = () => {
  Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
};

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const params = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
const fieldset = (page, q) => page.locator(`fieldset[id="${q.id}"]`);
/** Self-checks show one question at a time: go to this one by its number. */
async function showQuestion(page, q) {
  await page.locator(".check-numbers button").nth(STUDY.questions.indexOf(q)).click();
  await fieldset(page, q).waitFor();
}

/** Answers the first choice question with an option, by keyboard-free clicks on its label, then Check. */
async function answerChoice(page, optionId) {
  const f = fieldset(page, Q_CHOICE);
  await f.locator(`label[for="${Q_CHOICE.id}-${optionId}"]`).click();
  await f.getByRole("button", { name: "Check" }).click();
  return f;
}
const wrongOption = Q_CHOICE.options.find((o) => o.id !== Q_CHOICE.answer).id;

test("the current question's number shows keyboard focus (its own outline does not hide it)", async () => {
  const { page, context } = await open(browser, server.url + "?part=study");
  const current = page.locator('.check-number[aria-current="step"]');
  const ring = () => current.evaluate((e) => { const s = getComputedStyle(e); return `${s.outlineColor} ${s.outlineOffset}`; });
  const resting = await ring();
  for (let i = 0; i < 60 && !(await current.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("Tab");
  assert.ok(await current.evaluate((e) => e.matches(":focus-visible")), "Tab reaches the current question's number");
  assert.notEqual(await ring(), resting, "focused, the number looks different from unfocused");
  await context.close();
});

test("in an 800x600 course frame a timeline step shows its event's mark on the axis, above the tour bar", async () => {
  const { page, context } = await open(browser, server.url + "?part=study&embed=1", { viewport: { width: 800, height: 600 }, context: { reducedMotion: "reduce" } });
  await page.locator("#start-tour").click();
  assert.equal(TOUR[0].view.part, "timeline", "the first step is on the timeline (else this test checks nothing)");
  await page.locator(".tour-count", { hasText: "Step 1 of" }).waitFor();
  await page.waitForFunction(() => {
    const m = document.querySelector(".timeline-axis .event.selected")?.getBoundingClientRect();
    const bar = document.querySelector(".tour-panel").getBoundingClientRect();
    return m && m.top >= 0 && m.bottom <= bar.top && m.left >= 0 && m.right <= innerWidth;
  }, null, { timeout: 3000 }).catch(() => assert.fail("the selected event's mark is not in sight above the tour bar"));
  await context.close();
});

for (const mode of MODES) {
  test(`${mode}: the whole tour can be walked by keyboard, each step in the URL and on screen`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    await page.locator("#start-tour").focus();
    await page.keyboard.press("Enter");
    for (let n = 1; n <= TOUR.length; n++) {
      const step = TOUR[n - 1];
      await page.locator(".tour-count", { hasText: `Step ${n} of ${TOUR.length}` }).waitFor();
      // The address is written once the step's frame is painted.
      await page.waitForFunction((n) => new URLSearchParams(location.search).get("step") === String(n), n, { timeout: 3000 })
        .catch(() => {});
      const p = await params(page);
      assert.equal(p.step, String(n), `URL has step=${n}`);
      assert.equal(p.part ?? "overview", step.view.part, `step ${n} opens the ${step.view.part} part`);
      if (step.view.layer && step.view.layer !== "trade") assert.equal(p.layer, step.view.layer, `step ${n} layer`);
      if (step.view.country) assert.equal(p.country, step.view.country, `step ${n} republic`);
      assert.equal(await page.locator("main h2").first().innerText(), LABELS[step.view.part]);
      assert.equal(await page.locator("#tour-title").innerText(), step.title);
      if (step.view.layer && (await page.locator("button[data-layer]").count()) > 0) {
        assert.equal(await page.locator(`button[data-layer="${step.view.layer}"]`).getAttribute("aria-pressed"), "true", `step ${n}: the ${step.view.layer} layer is on`);
      }
      if (n === 1) await assertAccessible(page, `tour step 1 (${mode})`);
      // Starting the tour puts focus on Next; pressing Next keeps it there.
      await page.waitForFunction(() => document.activeElement?.id === "tour-next", null, { timeout: 3000 })
        .catch(() => assert.fail(`focus is not on Next at step ${n}`));
      await page.keyboard.press("Enter");
    }
    await page.waitForFunction(() => !document.querySelector(".tour-panel") && !new URLSearchParams(location.search).has("step"), null, { timeout: 3000 })
      .catch(() => {});
    const p = await params(page);
    assert.equal(p.part, "study");
    assert.equal(p.step, undefined, "finishing closes the tour");
    assert.match(await page.locator(".progress-summary").innerText(), new RegExp(`${TOUR.length} of ${TOUR.length} steps seen`));
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: a question answered wrong, then right, gets feedback in words`, async () => {
    const { page, requests, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    // Check with nothing chosen asks for a choice; choosing one takes the request away at once.
    const hint = fieldset(page, Q_CHOICE).locator(".hint");
    await fieldset(page, Q_CHOICE).getByRole("button", { name: "Check" }).click();
    await hint.waitFor();
    await fieldset(page, Q_CHOICE).locator(`label[for="${Q_CHOICE.id}-${wrongOption}"]`).click();
    await hint.waitFor({ state: "detached", timeout: 2000 });
    let f = await answerChoice(page, wrongOption);
    await f.locator(".qa-feedback.incorrect").waitFor();
    assert.match(await f.locator(".qa-feedback .verdict").innerText(), /Not quite/);
    assert.ok(await f.locator(".qa-feedback .cites-toggle").count() > 0, "the feedback cites");
    f = await answerChoice(page, Q_CHOICE.answer);
    await f.locator(".qa-feedback.correct").waitFor();
    assert.match(await f.locator(".qa-feedback .verdict").innerText(), /Correct/);
    await assertAccessible(page, `with feedback (${mode})`);
    assertNoExternalRequests(requests); assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: a prediction reveals the real value and shows it on the map`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    await showQuestion(page, Q_PREDICT);
    const f = fieldset(page, Q_PREDICT);
    await f.locator('input[type="number"]').fill(String(Q_PREDICT.min));
    assert.equal(await f.locator('input[type="range"]').inputValue(), String(Q_PREDICT.min), "slider follows the number");
    await f.getByRole("button", { name: "Reveal" }).click();
    const reveal = await f.locator(".reveal").innerText();
    assert.match(reveal, /The real value: [\d.,]+ /);
    assert.match(reveal, /too low|too high/);
    await f.getByRole("button", { name: "Show on the map" }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("part") === "map");
    const p = await params(page);
    if (Q_PREDICT.view.country) assert.equal(p.country, Q_PREDICT.view.country);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: a sorting question marks each item and keeps its bins across a reload`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    await showQuestion(page, Q_SORT);
    const f = fieldset(page, Q_SORT);
    const wrong = Q_SORT.bins.find((b) => b.id !== Q_SORT.items[0].answer).id;
    // The first item in a wrong bin, the last left unplaced, the rest as the essay has them.
    const placed = Q_SORT.items.slice(0, -1).map((item, k) => [item, k === 0 ? wrong : item.answer]);
    for (const [item, bin] of placed) await f.locator(`select[id="${Q_SORT.id}-${item.id}"]`).selectOption(bin);
    await f.getByRole("button", { name: "Check" }).click();
    await f.locator(".qa-feedback.incorrect").waitFor();
    const n = Q_SORT.items.length;
    assert.match(await f.locator(".qa-feedback").innerText(), new RegExp(`${n - 2} of ${n} placed as the essay does; 1 not placed yet`));
    assert.equal(await f.locator(".item-mark.right").count(), n - 2);
    assert.equal(await f.locator(".item-mark.wrong").count(), 2);
    // Changing a bin clears the verdict until the next Check.
    await f.locator(`select[id="${Q_SORT.id}-${Q_SORT.items[0].id}"]`).selectOption(Q_SORT.items[0].answer);
    assert.equal(await f.locator(".qa-feedback, .item-mark").count(), 0);
    await f.getByRole("button", { name: "Check" }).click();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    await showQuestion(page, Q_SORT);
    assert.equal(await f.locator(`select[id="${Q_SORT.id}-${Q_SORT.items[0].id}"]`).inputValue(), Q_SORT.items[0].answer, "the bin is kept");
    assert.match(await f.locator(".qa-feedback").innerText(), new RegExp(`${n - 1} of ${n} placed as the essay does; 1 not placed yet`));
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: progress is kept across a reload, and can be reset`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    await answerChoice(page, Q_CHOICE.answer);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    // Chromium gives file:// pages local storage too (checked), so both modes must keep progress.
    assert.equal(await page.locator(".storage-note").count(), 0, "no storage warning");
    assert.match(await page.locator(".progress-summary").innerText(), /1 of \d+ questions answered/);
    // The self-checks resume at the first question not answered yet; the answered one keeps its feedback.
    assert.equal(await fieldset(page, Q_CHOICE).count(), 0);
    await showQuestion(page, Q_CHOICE);
    await fieldset(page, Q_CHOICE).locator(".qa-feedback.correct").waitFor();
    await page.getByRole("button", { name: "Reset progress" }).click();
    await page.getByRole("button", { name: "Yes, reset" }).click();
    assert.match(await page.locator(".progress-summary").innerText(), /0 of \d+ questions answered/);
    assert.equal(await fieldset(page, Q_CHOICE).locator(".qa-feedback").count(), 0, "answers cleared");
    assert.equal(await page.evaluate(() => localStorage.getItem("charm-offensive.progress.v1")), null);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: with storage blocked the page says so and everything still works`, async () => {
    const context = await browser.newContext();
    await context.addInitScript(BLOCK_STORAGE);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(startUrl(mode, server, "?part=study"));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    assert.match(await page.locator(".storage-note").innerText(), /Progress can't be saved in this window: .*your answers stay until you close the page/);
    const f = await answerChoice(page, Q_CHOICE.answer);
    await f.locator(".qa-feedback.correct").waitFor();
    assert.match(await page.locator(".progress-summary").innerText(), /1 of \d+ questions answered/);
    await page.locator("#start-tour").click();
    await page.locator(".tour-count", { hasText: "Step 1 of" }).waitFor();
    await page.locator("#tour-next").click();
    await page.locator(".tour-count", { hasText: "Step 2 of" }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${mode}: the exported summary lists the answers with their citations`, async () => {
    const { page, errors, context } = await open(browser, startUrl(mode, server, "?part=study"));
    await answerChoice(page, wrongOption);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export summary" }).click()]);
    assert.equal(download.suggestedFilename(), "study-summary.txt");
    const text = readFileSync(await download.path(), "utf8");
    assert.match(text, /Date: \d{4}-\d{2}-\d{2}/);
    assert.ok(text.includes(Q_CHOICE.prompt), "the question");
    assert.ok(text.includes(Q_CHOICE.options.find((o) => o.id === wrongOption).text), "the given answer");
    assert.match(text, /Result: incorrect/);
    for (const para of Q_CHOICE.paragraphs) assert.match(text, new RegExp(`Cited: .*${para}`));
    await page.getByRole("button", { name: "Printable summary" }).click();
    assert.ok((await page.locator(".printable-summary").innerText()).includes(Q_CHOICE.prompt));
    await assertAccessible(page, `printable summary (${mode})`);
    assertNoConsoleErrors(errors);
    await context.close();
  });
}
