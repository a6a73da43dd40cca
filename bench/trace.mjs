// Diagnosis, not the benchmark: records a Chromium trace of 40 layer switches and prints the time per switch
// by thread (the renderer's main thread, raster workers, the compositor and viz) and the main thread's top
// trace events (script, style, layout, paint, timers...). This is how the SVG favicon's cost on every
// pushState was found. MODE=file for the single file; the last trace is left in /tmp/trace.json.
// Per page also the medians per click of the click's task, the next frame's task without its commit, and that
// commit (the main thread waits there while the frame before is still being rastered), the click task split into
// the click's dispatch (its listeners) and the microtasks after it (the app's render); and the painting frame's
// phases (rAF callbacks, style, layout, pre-paint, paint, layerize: ms, median per click) and its work counts
// (elements restyled, layout objects dirty and in all, display items recorded anew and in all), which do not
// depend on the machine's load.
// A/B in one run: DISTS="base=/tmp/old-dist,new=dist" ROUNDS=3 node bench/trace.mjs (rounds interleave the
// builds, so a shared machine's load falls on all alike; per build the median of the rounds is printed).
// THROTTLE=4 slows the page's main thread 4x. CPU=1 sums thread (CPU) time instead of wall time. D3=1 traces the d3 page too (its layer buttons, the same switches). SELECTORS=1 prints the costliest CSS selectors. CSS_<name>="..." adds a stylesheet to that build's page once it is ready (to try CSS before building it in).
import { launch, DIST, SINGLE_FILE_URL } from "../tests/e2e/lib.mjs";
import { serveGzip } from "./gzip-server.mjs";
import { buildPages } from "./pages.mjs";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { median } from "./stats.mjs";

const N = Number(process.env.N || 40), ROUNDS = Number(process.env.ROUNDS || 1), TOP = Number(process.env.TOP || (process.env.DISTS ? 0 : 30));
const W = +(process.env.W || 1280), H = +(process.env.H || 900);
const dists = (process.env.DISTS || `this=${DIST}`).split(",").map((s) => s.split("=")).map(([k, v]) => [k, resolve(v)]);
console.log(new Date().toISOString(), "load", loadavg().map((x) => x.toFixed(2)).join(" "), `${W}x${H}`);
const browser = await launch();
const mounts = { "/bench/": buildPages() };
for (const [k, v] of dists) mounts[`/${k}/`] = v;
const server = await serveGzip(mounts);
const pages = dists.map(([k]) => [k, process.env.MODE === "file" ? SINGLE_FILE_URL + "?part=map" : `${server.url}${k}/?part=map`,
  () => document.documentElement.dataset.ready === "1"]);
if (process.env.D3 === "1") pages.push(["d3", server.url + "bench/d3.html", () => document.querySelectorAll("#map path.rep[fill]").length === 5]);
const results = Object.fromEntries(pages.map(([k]) => [k, []]));
const PHASES = { rAF: "FrameRequestCallbackCollection::ExecuteFrameCallbacks", style: "UpdateLayoutTree", layout: "Layout",
  prepaint: "PrePaint", paint: "LocalFrameView::RunPaintLifecyclePhase", layerize: "LocalFrameView::pushPaintArtifactToCompositor" };

async function traceOne(name, url, ready) {
  const context = await browser.newContext({ viewport: { width: W, height: H }, bypassCSP: !!process.env[`CSS_${name}`] });
  const page = await context.newPage();
  if (process.env.THROTTLE) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: Number(process.env.THROTTLE) });
  await page.goto(url);
  await page.waitForFunction(ready);
  if (process.env[`CSS_${name}`]) await page.addStyleTag({ content: process.env[`CSS_${name}`] });
  // JS_<name>="...": a script run in that build's page once it is ready (to try a change of its DOM before building it).
  if (process.env[`JS_${name}`]) await page.evaluate(process.env[`JS_${name}`]);
  await page.waitForTimeout(300);
  const path = process.env.KEEP ? `/tmp/trace-${name}.json` : "/tmp/trace.json";
  // SELECTORS=1 also records Chromium's selector statistics (each style recalc's time per CSS selector; they slow
  // the recalc down, so the phases' times are then not comparable with a run without).
  const categories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"];
  if (process.env.SELECTORS === "1") categories.push("disabled-by-default-blink.debug");
  await browser.startTracing(page, { path, categories });
  // The buttons by the same selector on every page (as bench/switch-ab.mjs): finding them by their text would charge
  // the page with more buttons for the search.
  const layers = ["trade", "investment", "students", "confucius"];
  for (let i = 0; i < N; i++) {
    await page.evaluate((selector) => new Promise((ok) => {
      document.querySelector(selector).click(); requestAnimationFrame(() => setTimeout(ok, 0));
    }), `main [data-layer="${layers[(i + 1) % layers.length]}"]`);
    await page.waitForTimeout(40);
  }
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(readFileSync(path, "utf8")).traceEvents;
  const threads = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const timed = events.filter((e) => e.ph === "X" && e.dur);
  // CPU=1: sums each event's thread time (tdur: the CPU the thread used) in place of its wall time, so that on a
  // loaded machine the waits for a core do not count (an A/B then differs by the work more than by the load).
  const cost = process.env.CPU === "1" ? (e) => e.tdur ?? e.dur : (e) => e.dur;
  // main renderer thread: the one with most "UpdateLayoutTree"
  const tids = new Map(); for (const e of timed) if (e.name === "UpdateLayoutTree") tids.set(e.tid, (tids.get(e.tid) || 0) + 1);
  const tid = [...tids].sort((a, b) => b[1] - a[1])[0][0];
  const sum = new Map();
  for (const e of timed) if (e.tid === tid) sum.set(e.name, (sum.get(e.name) || 0) + cost(e));
  const per = (us) => us / 1000 / N;
  // Top-level tasks only (RunTask), per thread kind; raster is the workers' RasterTask.
  const byThread = { main: 0, raster: 0, compositor: 0, viz: 0 };
  for (const e of timed) {
    const t = threads.get(`${e.pid}:${e.tid}`) || "";
    if (e.tid === tid && e.name === "RunTask") byThread.main += cost(e);
    else if (e.name === "RasterTask") byThread.raster += cost(e);
    else if (t === "Compositor" && e.name === "RunTask") byThread.compositor += cost(e);
    else if (t === "VizCompositorThread" && e.name === "RunTask") byThread.viz += cost(e);
  }
  // Per click: its task, and the next frame's task (the one that paints) without and with its commit (the main
  // thread waits there while the compositor still rasters the frame before: raster shows up in click -> painted).
  const mainTasks = timed.filter((e) => e.tid === tid).sort((a, b) => a.ts - b.ts);
  const tops = mainTasks.filter((e) => e.name === "RunTask");
  const clickTask = [], clickDispatch = [], clickMicro = [], frameTask = [], commitWait = [];
  // The painting frame's phases (ms) and its work counts, per click: elements restyled, layout objects dirty
  // (of all), display items (of the list) recorded anew. Counts do not depend on the machine's load.
  const phases = PHASES;
  const perFrame = Object.fromEntries([...Object.keys(phases), "restyled", "layout dirty", "layout objects", "items new", "items"].map((k) => [k, []]));
  for (const c of mainTasks.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "click")) {
    const i = tops.findIndex((t) => t.ts <= c.ts && t.ts + t.dur >= c.ts);
    if (i < 0) continue;
    clickTask.push(cost(tops[i]));
    const within = (t, n) => mainTasks.filter((e) => e.name === n && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur).reduce((a, e) => a + cost(e), 0);
    // The click task split: the click's own dispatch (the listeners: the map's sync, d3's whole switch) and the
    // microtasks after it (the app's render and its effects).
    clickDispatch.push(cost(c)); clickMicro.push(within(tops[i], "RunMicrotasks"));
    const f = tops.slice(i + 1, i + 8).find((t) => within(t, "Paint") > 0);
    if (f) {
      commitWait.push(within(f, "Commit")); frameTask.push(cost(f) - within(f, "Commit"));
      const inF = mainTasks.filter((e) => e.ts >= f.ts && e.ts + e.dur <= f.ts + f.dur);
      for (const [k, n] of Object.entries(phases)) perFrame[k].push(inF.filter((e) => e.name === n).reduce((a, e) => a + cost(e), 0) / 1000);
      const sum = (n, get) => inF.filter((e) => e.name === n).reduce((a, e) => a + (get(e) || 0), 0);
      perFrame.restyled.push(sum("UpdateLayoutTree", (e) => e.args?.elementCount));
      perFrame["layout dirty"].push(sum("Layout", (e) => e.args?.beginData?.dirtyObjects));
      perFrame["layout objects"].push(Math.max(0, ...inF.filter((e) => e.name === "Layout").map((e) => e.args?.beginData?.totalObjects || 0)));
      const commits = inF.filter((e) => e.name === "PaintController::commitNewDisplayItems");
      perFrame["items new"].push(commits.reduce((a, e) => a + (e.args?.num_non_cached_new_items || 0), 0));
      perFrame.items.push(Math.max(0, ...commits.map((e) => e.args?.current_display_list_size || 0)));
    }
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] || 0;
  const pick = ["FunctionCall", "RunMicrotasks", "UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Commit"];
  const row = Object.fromEntries([...Object.entries(byThread), ...pick.map((k) => [k, sum.get(k) || 0])].map(([k, v]) => [k, per(v)]));
  Object.assign(row, { "click task": mid(clickTask) / 1000, "click dispatch": mid(clickDispatch) / 1000, "click microtasks": mid(clickMicro) / 1000, "frame w/o commit": mid(frameTask) / 1000, commit: mid(commitWait) / 1000 });
  for (const [k, xs] of Object.entries(perFrame)) row[`f:${k}`] = mid(xs);
  // The selectors that cost most per switch (SELECTORS=1): µs, match attempts and matches.
  const selectors = new Map();
  for (const e of events) {
    if (e.name !== "SelectorStats") continue;
    for (const t of e.args?.selector_stats?.selector_timings || []) {
      const a = selectors.get(t.selector) || [0, 0, 0];
      selectors.set(t.selector, [a[0] + (t["elapsed (us)"] || 0), a[1] + (t.match_attempts || 0), a[2] + (t.match_count || 0)]);
    }
  }
  if (selectors.size) {
    const all = [...selectors].sort((a, b) => b[1][0] - a[1][0]);
    console.log(`${name}: selector matching ${(all.reduce((s, [, a]) => s + a[0], 0) / N).toFixed(1)} µs per switch, ${all.length} selectors tried; the costliest:`);
    for (const [sel, [us, tried, matched]] of all.slice(0, 12)) console.log(`${(us / N).toFixed(2).padStart(8)} µs ${(tried / N).toFixed(1).padStart(6)} tried ${(matched / N).toFixed(1).padStart(6)} matched  ${sel.slice(0, 100)}`);
  }
  return { row, top: [...sum].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, us]) => [k, per(us)]) };
}

for (let r = 0; r < ROUNDS; r++) {
  for (const [name, url, ready] of r % 2 ? [...pages].reverse() : pages) {
    const { row, top } = await traceOne(name, url, ready);
    results[name].push(row);
    for (const [k, ms] of top) console.log(ms.toFixed(2).padStart(8), "ms/switch", k);
  }
}
await browser.close();
await server.close();
console.log(new Date().toISOString(), "load", loadavg().map((x) => x.toFixed(2)).join(" "));
for (const [name, rows] of Object.entries(results)) {
  const keys = Object.keys(rows[0]);
  const fmt = (k) => `${k.replace("f:", "")} ${median(rows.map((r) => r[k])).toFixed(k.startsWith("f:") && !(k.slice(2) in PHASES) ? 0 : 2)}`;
  console.log(`${name.padEnd(8)} ms/switch (median of ${rows.length}) ` + keys.filter((k) => !k.startsWith("f:")).map(fmt).join(" | "));
  console.log(`${"".padEnd(8)} painting frame, median per click: ` + keys.filter((k) => k.startsWith("f:")).map(fmt).join(" | "));
}
