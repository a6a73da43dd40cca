// The benchmark: sizes of the build, and medians over several runs in headless Chromium of the time
// from navigation to the app being interactive, first contentful paint, JS heap after load, and the
// latency of a data-layer switch (click -> DOM changed -> next frame). Prints a table and writes
// bench/out/benchmark.json. Figures, not a pass/fail test. Run with scripts/bench.sh (builds first).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, startUrl, ROOT, DIST } from "../tests/e2e/lib.mjs";

const RUNS = Number(process.env.RUNS || 9);
const SWITCHES = Number(process.env.SWITCHES || 40);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function loadRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 });
  await page.waitForTimeout(50);
  const timing = await page.evaluate(() => ({
    interactive: performance.getEntriesByName("app-interactive")[0]?.startTime,
    fcp: performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint")?.startTime,
    domContentLoaded: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
  }));
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await context.close();
  return { ...timing, heapMB: heap.usedSize / 1048576 };
}

async function layerSwitches(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  const names = ["Trade", "Investment", "Students", "Confucius Institutes"];
  const samples = [];
  for (let i = 0; i < SWITCHES; i++) {
    const name = names[(i + 1) % names.length];
    const sample = await page.evaluate((name) => new Promise((resolve) => {
      const button = [...document.querySelectorAll("main button, main [role=radio]")]
        .find((b) => b.textContent.trim().startsWith(name) && b.getAttribute("aria-pressed") !== "true" && b.getAttribute("aria-checked") !== "true");
      if (!button) return resolve(null);
      let dom = null;
      const target = document.querySelector("main");
      const observer = new MutationObserver(() => { if (dom === null) dom = performance.now() - t0; });
      observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
      const t0 = performance.now();
      button.click();
      requestAnimationFrame(() => {
        const frame = performance.now() - t0;
        requestAnimationFrame(() => {
          observer.disconnect();
          resolve({ dom, frame, painted: performance.now() - t0 });
        });
      });
    }), name);
    if (sample) samples.push(sample);
  }
  await context.close();
  return samples;
}

const build = JSON.parse(readFileSync(join(DIST, "build.json"), "utf8"));
const server = await serve();
const browser = await launch();
const result = { date: new Date().toISOString(), runs: RUNS, chromium: browser.version(), sizes: build, load: {}, layer_switch: {} };
for (const mode of ["served", "file"]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadRun(browser, startUrl(mode, server)));
  const pick = (k) => runs.map((r) => r[k]).filter((x) => typeof x === "number");
  result.load[mode] = {
    interactive_ms_median: round(median(pick("interactive"))), interactive_ms_p95: round(pct(pick("interactive"), 95)),
    fcp_ms_median: round(median(pick("fcp"))), dom_content_loaded_ms_median: round(median(pick("domContentLoaded"))),
    js_heap_mb_median: round(median(pick("heapMB")), 2),
  };
  const s = await layerSwitches(browser, startUrl(mode, server, "?part=map"));
  const dom = s.map((x) => x.dom).filter((x) => x !== null);
  result.layer_switch[mode] = {
    samples: s.length,
    dom_ms_median: round(median(dom), 2), dom_ms_p95: round(pct(dom, 95), 2),
    next_frame_ms_median: round(median(s.map((x) => x.frame)), 1), next_frame_ms_p95: round(pct(s.map((x) => x.frame), 95), 1),
    painted_ms_median: round(median(s.map((x) => x.painted)), 1), painted_ms_p95: round(pct(s.map((x) => x.painted), 95), 1),
  };
}
await browser.close();
await server.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nBenchmark (${RUNS} loads per mode, ${SWITCHES} layer switches, ${result.chromium})`);
console.log("sizes            raw        gzip");
for (const k of ["wasm", "js", "css", "html_prerendered", "single_file"]) console.log(`${k.padEnd(16)} ${kb(build[k].raw).padStart(9)} ${kb(build[k].gzip).padStart(10)}`);
for (const mode of ["served", "file"]) {
  const l = result.load[mode], w = result.layer_switch[mode];
  console.log(`\n${mode}: interactive ${l.interactive_ms_median} ms (p95 ${l.interactive_ms_p95}), FCP ${l.fcp_ms_median} ms, JS heap ${l.js_heap_mb_median} MB`);
  console.log(`${mode}: layer switch DOM ${w.dom_ms_median} ms (p95 ${w.dom_ms_p95}), next frame ${w.next_frame_ms_median} ms (p95 ${w.next_frame_ms_p95}), painted ${w.painted_ms_median} ms (p95 ${w.painted_ms_p95}) over ${w.samples} switches`);
}
mkdirSync(join(ROOT, "bench/out"), { recursive: true });
writeFileSync(join(ROOT, "bench/out/benchmark.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`\nwritten: bench/out/benchmark.json`);
