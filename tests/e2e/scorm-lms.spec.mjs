// The explainer inside an LMS: a host page provides the SCORM run-time with scorm-again (the run-time LMS
// vendors use) and opens the package's file in a frame, as a course site does. Answering self-checks sets
// the score, finishing the tour sets completion, a reload restores progress from suspend_data, and an LMS
// that refuses calls leaves the explainer working as it does without one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, ROOT, DIST } from "./lib.mjs";
import { readZip } from "./zip.mjs";

const STUDY = JSON.parse(readFileSync(join(ROOT, "content/study.json"), "utf8"));
const TOUR = STUDY.tour.length;
const QUESTIONS = STUDY.questions.length;
const CHOICES = STUDY.questions.filter((q) => q.kind === "choice");
const [RIGHT, WRONG] = CHOICES;
const wrongOption = WRONG.options.find((o) => o.id !== WRONG.answer).id;
/** n/d to at most four decimal places, as the explainer reports it. */
const ratio = (n, d) => String(Math.round((n / d) * 10000) / 10000);

const STANDARDS = {
  "1.2": { script: "scorm12.min.js", ctor: "Scorm12API", init: "LMSInitialize", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
    status: "cmi.core.lesson_status", raw: "cmi.core.score.raw", max: "cmi.core.score.max", exit: "cmi.core.exit", time: "cmi.core.session_time",
    mark: "scorm12", model: () => ({ status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, data: API.cmi.suspend_data }), load: (status, data) => ({ core: { lesson_status: status }, suspend_data: data }) },
  "2004": { script: "scorm2004.min.js", ctor: "Scorm2004API", init: "Initialize", set: "SetValue", commit: "Commit", finish: "Terminate",
    status: "cmi.completion_status", raw: "cmi.score.raw", max: "cmi.score.max", exit: "cmi.exit", time: "cmi.session_time",
    mark: "scorm2004", model: () => ({ status: API_1484_11.cmi.completion_status, raw: API_1484_11.cmi.score.raw, data: API_1484_11.cmi.suspend_data }), load: (status, data) => ({ completion_status: status, suspend_data: data }) },
};

/** A course page: the LMS side (scorm-again), which keeps what the SCO sets in the tab's sessionStorage, as an
 * LMS keeps it on its server, and loads it again on the next launch. `refuse` makes the LMS refuse calls. */
function hostPage(version, refuse = "") {
  const s = STANDARDS[version];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course: week 5</title>
<script src="/${s.script}"></script>
<script>
  const KEY = "lms-${version}";
  const api = new ${s.ctor}({ autocommit: false, logLevel: 5 });
  const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
  if (saved) api.loadFromJSON((${s.load.toString()})(saved["${s.status}"], saved["cmi.suspend_data"] || ""));
  window.__set = {}; window.__calls = [];
  api.on("${s.set}", (el, value) => { __set[el] = value; });
  api.on("${s.commit}", () => { __calls.push("commit"); sessionStorage.setItem(KEY, JSON.stringify(__set)); });
  api.on("${s.finish}", () => { __calls.push("finish"); sessionStorage.setItem(KEY + "-last", JSON.stringify(__set)); sessionStorage.setItem(KEY, JSON.stringify(__set)); });
  if (${JSON.stringify(refuse)} === "init") api.${s.init} = () => "false";
  if (${JSON.stringify(refuse)} === "calls") {
    api.${s.set} = () => "false";
    api.${s.commit} = () => { throw new Error("the LMS is down"); };
  }
  window.${version === "1.2" ? "API" : "API_1484_11"} = api;
</script></head>
<body><h1>Week 5: China in Central Asia</h1>
<iframe id="sco" src="/charm-offensive.html?part=study" title="Explainer" style="width:1100px;height:800px"></iframe></body></html>`;
}

let server, browser, dir;
before(async () => {
  // The package as an LMS unpacks it, beside the LMS's own scripts.
  dir = mkdtempSync(join(tmpdir(), "scorm-lms-"));
  for (const [name, data] of readZip(join(DIST, "charm-offensive-scorm12.zip"))) writeFileSync(join(dir, name), data);
  for (const s of Object.values(STANDARDS)) copyFileSync(join(ROOT, "node_modules/scorm-again/dist", s.script), join(dir, s.script));
  const pages = {};
  for (const v of Object.keys(STANDARDS)) {
    pages[`/lms-${v}.html`] = hostPage(v);
    pages[`/lms-${v}-refuse-init.html`] = hostPage(v, "init");
    pages[`/lms-${v}-refuse-calls.html`] = hostPage(v, "calls");
  }
  server = await serve(dir, pages);
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); rmSync(dir, { recursive: true, force: true }); });

/** Opens a course page and waits for the explainer in its frame; records console errors of both. */
async function openCourse(context, path) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + path.slice(1));
  const frame = page.frameLocator("#sco");
  await frame.locator("html[data-ready='1']").waitFor({ timeout: 15000 });
  assert.equal(await frame.locator("#fatal").isHidden(), true, "the explainer started");
  return { page, frame, errors };
}

async function answer(frame, q, option) {
  // Self-checks show one question at a time: go to this one by its number first.
  await frame.locator(".check-numbers button").nth(STUDY.questions.indexOf(q)).click();
  const f = frame.locator(`fieldset[id="${q.id}"]`);
  await f.locator(`label[for="${q.id}-${option}"]`).click();
  await f.getByRole("button", { name: "Check" }).click();
  await f.locator(".qa-feedback").waitFor();
  return f;
}

const lmsSet = (page) => page.evaluate(() => ({ ...window.__set }));
const calls = (page) => page.evaluate(() => [...window.__calls]);

for (const [version, s] of Object.entries(STANDARDS)) {
  test(`SCORM ${version}: self-checks set the score, the tour sets completion, a reload restores progress`, async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    let { page, frame, errors } = await openCourse(context, `/lms-${version}.html`);
    assert.equal(await frame.locator("html").getAttribute("data-lms"), s.mark, "the explainer found the LMS's API");
    let set = await lmsSet(page);
    assert.equal(set[s.status], "incomplete", "a started attempt is incomplete");
    assert.equal(set[s.raw], undefined, "no score before any self-check is answered");
    assert.deepEqual(await calls(page), ["commit"], "the start is committed");

    // One right, one wrong: the score is the share of all self-checks answered correctly.
    await answer(frame, RIGHT, RIGHT.answer);
    await answer(frame, WRONG, wrongOption);
    set = await lmsSet(page);
    assert.equal(set[s.raw], ratio(100, QUESTIONS), `score ${set[s.raw]} = 1 of ${QUESTIONS} correct, in percent`);
    assert.equal(set[s.max], "100");
    if (version === "2004") assert.equal(set["cmi.score.scaled"], ratio(1, QUESTIONS));
    assert.equal(set[s.status], "incomplete");
    assert.equal((await calls(page)).length, 3, "each answer is committed");

    // The whole tour: completion.
    await frame.locator("#start-tour").click();
    for (let n = 1; n <= TOUR; n++) {
      await frame.locator(".tour-count", { hasText: `Step ${n} of ${TOUR}` }).waitFor();
      await frame.locator("#tour-next").click();
    }
    await frame.locator(".tour-panel").waitFor({ state: "detached" });
    set = await lmsSet(page);
    assert.equal(set[s.status], "completed", "finishing the tour completes the activity");
    if (version === "2004") assert.equal(set["cmi.progress_measure"], "1");
    const data = set["cmi.suspend_data"];
    assert.match(data, /^v1\|/, "progress is kept in suspend_data");
    assert.ok(data.length <= 4096, `suspend_data has ${data.length} characters`);
    // The LMS's data model accepted every value (scorm-again validates types and vocabularies).
    assert.deepEqual(await page.evaluate(s.model), { status: "completed", raw: ratio(100, QUESTIONS), data });
    assert.equal(await page.frames()[1].evaluate(() => localStorage.getItem("charm-offensive.progress.v1")), null,
      "inside an LMS the progress is the LMS's: nothing is left in this browser's storage");
    assert.deepEqual(errors, []);

    // Reload the course page: the explainer terminates on page hide, and the next launch restores progress.
    await page.reload();
    await page.frameLocator("#sco").locator("html[data-ready='1']").waitFor({ timeout: 15000 });
    frame = page.frameLocator("#sco");
    const last = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)), `lms-${version}-last`);
    assert.ok(last, "the session was terminated when the page went away");
    assert.equal(last[s.exit], "suspend", "it exits as suspended, so the next launch resumes");
    assert.match(last[s.time], version === "1.2" ? /^\d{4}:\d{2}:\d{2}\.\d{2}$/ : /^PT\d+H\d+M\d+\.\d{2}S$/);
    assert.match(await frame.locator(".progress-summary").innerText(), new RegExp(`${TOUR} of ${TOUR} steps seen`));
    // One question at a time: go to each answered question by its number and see its restored feedback.
    for (const [q, kind] of [[RIGHT, "correct"], [WRONG, "incorrect"]]) {
      await frame.locator(".check-numbers button").nth(STUDY.questions.indexOf(q)).click();
      await frame.locator(`fieldset[id="${q.id}"] .qa-feedback.${kind}`).waitFor();
    }
    set = await lmsSet(page);
    assert.equal(set[s.raw], ratio(100, QUESTIONS), "the restored score is reported again");
    assert.equal(set[s.status], "completed");
    await context.close();
  });

  for (const refuse of ["init", "calls"]) {
    test(`SCORM ${version}: an LMS that refuses ${refuse === "init" ? "to start a session" : "every value and commit"} leaves the explainer working, quietly`, async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const { page, frame, errors } = await openCourse(context, `/lms-${version}-refuse-${refuse}.html`);
      assert.equal(await frame.locator("html").getAttribute("data-lms"), refuse === "init" ? "refused" : s.mark);
      const f = await answer(frame, RIGHT, RIGHT.answer);
      assert.match(await f.locator(".verdict").innerText(), /Correct/);
      await frame.getByRole("link", { name: "Map & data" }).click();
      await frame.locator("main h2", { hasText: "Map & data" }).waitFor();
      assert.equal(await frame.locator("#fatal").isHidden(), true);
      assert.equal(await frame.locator(".notices li").count(), 0, "no alarming notice");
      assert.deepEqual(errors, [], "nothing in the console");
      await context.close();
    });
  }
}
