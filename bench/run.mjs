// The benchmark: sizes of the build, and medians over several runs in headless Chromium of the time from
// navigation to the app being interactive (in a new tab and on reload), first contentful paint, JS heap
// after load, and the latency of a data-layer switch (click -> DOM changed -> next frame -> painted, work on
// the main thread, missed frames), beside a no-op click as the floor that the display's frame clock sets.
// Prints a table and writes bench/out/benchmark.json. Figures, not a pass/fail test (scripts/bench.sh).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, startUrl, ROOT, DIST } from "../tests/e2e/lib.mjs";
import { clickAndTime, frameClock } from "./harness.mjs";
import { median, pct } from "./stats.mjs";

const RUNS = Number(process.env.RUNS || 9);
const SWITCHES = Number(process.env.SWITCHES || 40);
// Layer switches are timed in two windows: a laptop's, where the table and comparisons are below the fold
// when the layer buttons are pressed (they follow a frame later), and one tall enough to show the whole map
// part, where everything changes in the same frame.
const VIEWPORTS = { table_below_fold: { width: 1280, height: 900 }, all_on_screen: { width: 1280, height: 3200 } };

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// One load in a new tab (a fresh renderer: fonts looked up and the wasm compiled from scratch), then a
// reload in the same tab ("warm": the browser's caches, as when a reader comes back to the page).
async function loadRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const timing = async () => {
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 });
    await page.waitForTimeout(50);
    return page.evaluate(() => ({
      interactive: performance.getEntriesByName("app-interactive")[0]?.startTime,
      fcp: performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint")?.startTime,
      domContentLoaded: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
    }));
  };
  await page.goto(url);
  const cold = await timing();
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await page.reload();
  const warm = await timing();
  await context.close();
  return { ...cold, heapMB: heap.usedSize / 1048576, warmInteractive: warm.interactive, warmFcp: warm.fcp };
}

async function layerSwitches(browser, url, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await page.evaluate(frameClock);
  await page.waitForTimeout(300);
  const layers = ["trade", "investment", "students", "confucius"];
  const samples = [], baseline = [];
  for (let i = 0; i < SWITCHES; i++) {
    // Wait a random part of a frame so that clicks land at every phase of the display's frame, as a hand's do.
    await page.waitForTimeout(20 + Math.random() * 17);
    const sample = await page.evaluate(clickAndTime, `main [data-layer="${layers[(i + 1) % layers.length]}"]`);
    if (sample) samples.push(sample);
    await page.waitForTimeout(20 + Math.random() * 17);
    baseline.push(await page.evaluate(clickAndTime, "#bench-noop"));
  }
  await context.close();
  if (samples.length < SWITCHES) throw new Error(`only ${samples.length} of ${SWITCHES} layer buttons found`);
  return { samples, baseline };
}

// The main thread's whole work for one switch, read from a Chromium trace: every task from the click until
// the page is idle again (wasm and JS, the history update, style, layout, paint). Clicks are 150 ms apart
// and marked with performance.mark, so each switch's tasks are the ones between its mark and the next.
async function switchCosts(browser, url, viewport, selectorFor) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await page.evaluate(frameClock, false);
  await page.waitForTimeout(300);
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
  for (let i = 0; i < SWITCHES; i++) {
    await page.evaluate((selector) => { performance.mark("bench-click"); document.querySelector(selector).click(); }, selectorFor(i));
    await page.waitForTimeout(150);
  }
  const events = JSON.parse((await browser.stopTracing()).toString("utf8")).traceEvents;
  await context.close();
  const marks = events.filter((e) => e.name === "bench-click").map((e) => e.ts).sort((a, b) => a - b);
  const thread = events.find((e) => e.name === "bench-click")?.tid;
  const tasks = events.filter((e) => e.tid === thread && e.ph === "X" && e.name === "RunTask" && e.dur);
  const paints = events.filter((e) => e.tid === thread && e.ph === "X" && e.name === "Paint").map((e) => e.ts).sort((a, b) => a - b);
  return marks.map((m, i) => {
    const until = marks[i + 1] ?? m + 150000;
    // Tasks overlapping [m, until), counted from the mark; a task is top level if no other task encloses it.
    const inside = tasks.filter((t) => t.ts + t.dur > m && t.ts < until);
    const top = inside.filter((t) => !inside.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && o.dur > t.dur));
    const busy = (ts) => ts.reduce((sum, t) => sum + (t.ts + t.dur - Math.max(t.ts, m)), 0) / 1000;
    // Up to the end of the task that paints the first frame after the click: the work before the change is seen.
    const paint = paints.find((p) => p > m && p < until);
    const firstFrame = paint === undefined ? null : busy(top.filter((t) => t.ts <= paint));
    return { total: busy(top), firstFrame };
  });
}

function summarise({ samples, baseline }, costs, baselineCosts) {
  const stats = (xs, d = 1) => ({ median: round(median(xs), d), p95: round(pct(xs, 95), d) });
  const of = (set, k) => set.map((x) => x[k]).filter((x) => typeof x === "number");
  return {
    samples: samples.length,
    main_thread_to_first_paint_ms: stats(costs.map((c) => c.firstFrame).filter((x) => x !== null), 2),
    main_thread_total_ms: stats(costs.map((c) => c.total), 2),
    dom_ms: stats(of(samples, "dom"), 2),
    next_frame_ms: stats(of(samples, "frame")),
    painted_ms: stats(of(samples, "painted")),
    missed_frames: samples.filter((x) => x.missed).length,
    baseline_noop: { main_thread_to_first_paint_ms: stats(baselineCosts.map((c) => c.firstFrame).filter((x) => x !== null), 2), main_thread_total_ms: stats(baselineCosts.map((c) => c.total), 2), next_frame_ms: stats(of(baseline, "frame")), painted_ms: stats(of(baseline, "painted")), missed_frames: baseline.filter((x) => x.missed).length },
  };
}

const build = JSON.parse(readFileSync(join(DIST, "build.json"), "utf8"));
const server = await serve();
const browser = await launch();
const result = { date: new Date().toISOString(), runs: RUNS, switches: SWITCHES, chromium: browser.version(), sizes: build, load: {}, layer_switch: {} };
for (const mode of ["served", "file"]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadRun(browser, startUrl(mode, server)));
  const pick = (k) => runs.map((r) => r[k]).filter((x) => typeof x === "number");
  result.load[mode] = {
    interactive_ms_median: round(median(pick("interactive"))), interactive_ms_p95: round(pct(pick("interactive"), 95)),
    fcp_ms_median: round(median(pick("fcp"))), dom_content_loaded_ms_median: round(median(pick("domContentLoaded"))),
    js_heap_mb_median: round(median(pick("heapMB")), 2),
    warm_interactive_ms_median: round(median(pick("warmInteractive"))), warm_interactive_ms_p95: round(pct(pick("warmInteractive"), 95)),
    warm_fcp_ms_median: round(median(pick("warmFcp"))),
  };
  const url = startUrl(mode, server, "?part=map");
  const layers = ["trade", "investment", "students", "confucius"];
  result.layer_switch[mode] = {};
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const costs = await switchCosts(browser, url, viewport, (i) => `main [data-layer="${layers[(i + 1) % layers.length]}"]`);
    const baselineCosts = await switchCosts(browser, url, viewport, () => "#bench-noop");
    result.layer_switch[mode][name] = summarise(await layerSwitches(browser, url, viewport), costs, baselineCosts);
  }
}
await browser.close();
await server.close();

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (s) => `${s.median} ms (p95 ${s.p95})`;
console.log(`\nBenchmark (${RUNS} loads per mode, ${SWITCHES} layer switches per mode, ${result.chromium})`);
console.log("sizes            raw        gzip");
for (const k of ["wasm", "js", "css", "html_prerendered", "single_file"]) console.log(`${k.padEnd(16)} ${kb(build[k].raw).padStart(9)} ${kb(build[k].gzip).padStart(10)}`);
for (const mode of ["served", "file"]) {
  const l = result.load[mode];
  console.log(`\n${mode}: new tab: interactive ${l.interactive_ms_median} ms (p95 ${l.interactive_ms_p95}), FCP ${l.fcp_ms_median} ms, JS heap ${l.js_heap_mb_median} MB`);
  console.log(`${mode}: reload:  interactive ${l.warm_interactive_ms_median} ms (p95 ${l.warm_interactive_ms_p95}), FCP ${l.warm_fcp_ms_median} ms`);
  for (const name of Object.keys(VIEWPORTS)) {
    const w = result.layer_switch[mode][name], b = w.baseline_noop;
    console.log(`${mode}, ${name}: layer switch: main thread to first paint ${ms(w.main_thread_to_first_paint_ms)}, in all ${ms(w.main_thread_total_ms)}, DOM changed ${ms(w.dom_ms)}, next frame ${ms(w.next_frame_ms)}, painted ${ms(w.painted_ms)}, missed frames ${w.missed_frames}/${w.samples}`);
    console.log(`${mode}, ${name}: no-op click:   main thread to first paint ${ms(b.main_thread_to_first_paint_ms)}, in all ${ms(b.main_thread_total_ms)}, next frame ${ms(b.next_frame_ms)}, painted ${ms(b.painted_ms)}, missed frames ${b.missed_frames}/${w.samples}`);
  }
}
mkdirSync(join(ROOT, "bench/out"), { recursive: true });
writeFileSync(join(ROOT, "bench/out/benchmark.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`\nwritten: bench/out/benchmark.json`);
