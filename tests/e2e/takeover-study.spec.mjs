// Take-over of the Study part: on `?part=study` the page paints the app's view of the part before the wasm starts (the
// tour's start and steps, the self-checks one at a time, the progress), and the app keeps those nodes when it starts,
// with no saved progress and with some (then it brings the same nodes up to date); the part still works afterwards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, ROOT } from "./lib.mjs";

const STUDY = JSON.parse(readFileSync(join(ROOT, "content/study.json"), "utf8"));
const [Q1, Q2] = STUDY.questions;
// Steps 1 and 2 seen, the first question answered right, the second wrong (src/components/study/progress_model.rs).
const SAVED = `v1|1,2|${Q1.id}:y:c:${Q1.answer};${Q2.id}:n:c:${Q2.options.find((o) => o.id !== Q2.answer).id}`;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

for (const [saved, width, height] of [[null, 1280, 900], [SAVED, 1280, 900], [null, 390, 844]]) {
  test(`on start the app keeps the study part's nodes (${saved ? "saved progress" : "no saved progress"}, ${width}x${height}), and the part works`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.url + "?part=study");
    // Before the wasm: the app's view of the part, painted, and nothing of the reading view.
    await page.locator("main .study .check-numbers").waitFor();
    // A reader who scrolled to the self-checks and put focus on a question's number before the app started.
    await page.locator(".check-numbers button").nth(1).focus();
    await page.evaluate(() => document.querySelector(".check-numbers").scrollIntoView());
    const before = await page.evaluate((saved) => {
      if (saved) localStorage.setItem("charm-offensive.progress.v1", saved);
      window.__focused = document.activeElement;
      window.__scrolled = scrollY;
      const all = [...document.querySelectorAll("main .study, main .study *")].filter((el) => el.checkVisibility());
      // Every element marked, the hidden ones too (the tour's ending, hidden until every step is seen).
      for (const el of document.querySelectorAll("main .study, main .study *")) el.__prerendered = true;
      const box = (sel) => JSON.stringify(document.querySelector(sel).getBoundingClientRect());
      return { count: all.length, reading: [...document.querySelectorAll("main .study [data-no-js]")].filter((el) => el.checkVisibility()).length,
        boxes: ["#start-tour", ".check-numbers", "#check-current-title", ".progress-table"].map(box) };
    }, saved);
    assert.ok(before.count > 150, `the page shows the app's view of the part (${before.count} elements)`);
    assert.equal(before.reading, 0, "the reading view is not shown with JavaScript");
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 });
    const after = await page.evaluate(() => {
      const all = [...document.querySelectorAll("main .study *")];
      const box = (sel) => JSON.stringify(document.querySelector(sel).getBoundingClientRect());
      return { count: all.length, anew: all.filter((el) => el.__prerendered !== true).map((el) => el.tagName + "." + el.getAttribute("class")),
        section: document.querySelector("main .study").__prerendered === true, reading: document.querySelectorAll("main .study [data-no-js]").length,
        boxes: ["#start-tour", ".check-numbers", "#check-current-title", ".progress-table"].map(box),
        start: document.querySelector("#start-tour").textContent, progress: document.querySelector("#check-progress").textContent,
        numbers: [...document.querySelectorAll(".check-number")].slice(0, 3).map((b) => b.className + " " + (b.getAttribute("aria-current") || "")),
        seen: document.querySelectorAll(".tour-steps li.seen").length, summary: document.querySelector(".progress-summary").textContent,
        focus: document.activeElement === window.__focused, scroll: scrollY - window.__scrolled };
    });
    assert.equal(after.focus, true, "focus stays on the same node");
    assert.equal(after.scroll, 0, "the page did not scroll");
    assert.equal(after.section, true, "the part's section is the page's");
    assert.equal(after.reading, 0, "the reading view is gone");
    // Every element is the page's own, but, with saved progress, what the page's empty progress lacks: the seen marks.
    const allowed = saved ? 6 : 0;
    assert.ok(after.anew.length <= allowed, `at most ${allowed} of ${after.count} elements drawn anew: ${after.anew.join(" ")}`);
    assert.ok(after.count - after.anew.length > 170, `kept ${after.count - after.anew.length} of ${after.count}`);
    if (!saved) {
      assert.deepEqual(after.boxes, before.boxes, "nothing moved");
      assert.equal(after.start, "Start the guided tour");
      assert.equal(after.progress, `0 of ${STUDY.questions.length} answered`);
      assert.deepEqual(after.numbers, ["check-number open step", "check-number open ", "check-number open "]);
    } else {
      // The saved progress shows, on the same nodes.
      assert.equal(after.start, "Continue the tour at step 3");
      assert.equal(after.seen, 2);
      assert.equal(after.progress, `2 of ${STUDY.questions.length} answered`);
      assert.deepEqual(after.numbers, ["check-number right ", "check-number wrong ", "check-number open step"]);
      assert.match(after.summary, /2 of \d+ steps seen · 2 of \d+ questions answered · 1 correct/);
    }
    // The part works: a self-check answered (the current question is a choice in both cases), then the tour started.
    const current = page.locator(".check-current fieldset");
    const id = await current.getAttribute("id");
    const q = STUDY.questions.find((x) => x.id === id);
    await current.locator(`label[for="${q.id}-${q.answer}"]`).click();
    await current.getByRole("button", { name: "Check" }).click();
    await current.locator(".qa-feedback.correct").waitFor();
    await page.locator("#check-progress", { hasText: `${saved ? 3 : 1} of ${STUDY.questions.length} answered` }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector("#check-progress").__prerendered), true, "the count is the page's node, brought up to date");
    await page.locator("#start-tour").click();
    await page.locator(".tour-count", { hasText: `Step ${saved ? 3 : 1} of ${STUDY.tour.length}` }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
