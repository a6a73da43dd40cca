// Side by side in one run: Lighthouse 12 (mobile preset: simulated slow 4G and 4x CPU slowdown) against the
// built dist/ served with gzip (bench/gzip-server.mjs), for `/` and `?part=map`, beside a plain static SVG
// page of the same map and a d3 page of the same five republics (bench/pages.mjs); then the layer switch,
// click to painted frame, in this explainer and in the d3 page at 960x800, at full speed and with the page's main
// thread 4x slower.
// Reports transferred bytes, FCP, LCP, TBT, TTI, CLS and the category scores (medians of LH_RUNS runs), and
// writes bench/out/lighthouse.json. Figures, not a pass/fail test (scripts/bench.sh).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { launch, ROOT, DIST } from "../tests/e2e/lib.mjs";
import { serveGzip } from "./gzip-server.mjs";
import { buildPages } from "./pages.mjs";
import { layerSwitches } from "./switches.mjs";
import { median, pct } from "./stats.mjs";

const RUNS = Number(process.env.LH_RUNS || 3);
const SWITCHES = Number(process.env.SWITCHES ?? 40), SWITCH_ROUNDS = Number(process.env.SWITCH_ROUNDS || 8);
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

// BENCH_DIST measures another build (e.g. an earlier dist/ kept for a before/after comparison).
const server = await serveGzip({ "/": process.env.BENCH_DIST || DIST, "/bench/": buildPages() });
const ALL_PAGES = {
  "explainer /": server.url,
  "explainer ?part=map": server.url + "?part=map",
  "static SVG page": server.url + "bench/static.html",
  "d3 page": server.url + "bench/d3.html",
};
// While iterating: LH_ONLY=map (a regular expression over the page names) runs only those pages, LH_URL="?part=map&..."
// adds one more explainer address, SWITCHES=0 skips the layer switch, and LH_DETAIL=1 prints what made the figures:
// the LCP element, the main thread's long tasks and the work by category, and keeps each report in bench/out/.
if (process.env.LH_URL) ALL_PAGES[`explainer ${process.env.LH_URL}`] = server.url + process.env.LH_URL.replace(/^\//, "");
const only = process.env.LH_ONLY ? new RegExp(process.env.LH_ONLY) : null;
const PAGES = Object.fromEntries(Object.entries(ALL_PAGES).filter(([name]) => !only || only.test(name)));
const DETAIL = process.env.LH_DETAIL === "1";

/** What made a report's figures: the LCP element, long tasks, main-thread work, the wasm's and scripts' time. */
function detail(name, lhr, artifacts) {
  const trace = artifacts?.Trace?.traceEvents || [];
  const nav = trace.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && /^http/.test(e.args?.data?.documentLoaderURL || ""))?.ts;
  for (const e of trace.filter((e) => /^largestContentfulPaint::|^firstContentfulPaint$|^(boot-start|wasm-source-ready|wasm-started|app-interactive)$/.test(e.name)).sort((a, b) => a.ts - b.ts)) {
    console.log(`    observed ${String(Math.round((e.ts - nav) / 1000)).padStart(5)} ms ${e.name} ${e.args?.data?.nodeName || ""} ${e.args?.data?.size || ""}`);
  }
  const items = (id) => lhr.audits[id]?.details?.items || [];
  const lcp = items("largest-contentful-paint-element")[0]?.items?.[0]?.node;
  const v = (id) => round(lhr.audits[id]?.numericValue || 0);
  console.log(`--- ${name}: FCP ${v("first-contentful-paint")} LCP ${v("largest-contentful-paint")} TBT ${v("total-blocking-time")} TTI ${v("interactive")} ms; LCP element ${lcp ? `${lcp.selector} "${(lcp.nodeLabel || "").slice(0, 60)}"` : "?"}`);
  for (const phase of items("largest-contentful-paint-element")[1]?.items || []) console.log(`    LCP ${phase.phase}: ${round(phase.timing)} ms`);
  for (const t of items("long-tasks")) console.log(`    long task at ${round(t.startTime)} ms: ${round(t.duration)} ms ${t.url || ""}`);
  for (const w of items("mainthread-work-breakdown")) console.log(`    main thread ${w.groupLabel}: ${round(w.duration)} ms`);
  for (const b of items("bootup-time")) console.log(`    script ${b.url}: total ${round(b.total)} ms, evaluation ${round(b.scripting)} ms, compile ${round(b.scriptParseCompile)} ms`);
  const slug = name.replace(/[^a-z0-9]+/gi, "-");
  mkdirSync(join(ROOT, "bench/out"), { recursive: true });
  writeFileSync(join(ROOT, `bench/out/lhr-${slug}.json`), JSON.stringify(lhr));
}

async function lighthouseRuns() {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const out = {};
  try {
    for (const [name, url] of Object.entries(PAGES)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
        if (DETAIL) detail(name, lhr, artifacts);
        const a = (id) => lhr.audits[id]?.numericValue;
        runs.push({
          bytes: a("total-byte-weight"), fcp: a("first-contentful-paint"), lcp: a("largest-contentful-paint"),
          tbt: a("total-blocking-time"), tti: a("interactive"), cls: a("cumulative-layout-shift"),
          scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, round(c.score * 100)])),
          errors: lhr.runtimeError ? [lhr.runtimeError.message] : [],
        });
      }
      const pick = (k) => runs.map((r) => r[k]).filter((x) => typeof x === "number");
      const range = (k, d = 0) => ({ median: round(median(pick(k)), d), min: round(Math.min(...pick(k)), d), max: round(Math.max(...pick(k)), d) });
      out[name] = {
        url: url.replace(server.url, "/"), runs: RUNS, transferred_bytes: range("bytes"), fcp_ms: range("fcp"),
        lcp_ms: range("lcp"), tbt_ms: range("tbt"), tti_ms: range("tti"), cls: range("cls", 3),
        scores: runs[runs.length - 1].scores, errors: runs.flatMap((r) => r.errors),
      };
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

// Click to painted frame for the layer switch at 960x800, the app and the d3 page in the same browser
// (bench/switches.mjs: SWITCH_ROUNDS interleaved rounds of SWITCHES switches per page), with the page's main thread at
// full speed (`rate` 1) or slowed down `rate` times (4: as Lighthouse's mobile preset does; raster threads are not
// slowed).
async function switches(rate = 1) {
  const out = {};
  if (!SWITCHES) return out;
  const browser = await launch();
  try {
    const all = await layerSwitches(browser, [
      ["explainer ?part=map", ALL_PAGES["explainer ?part=map"], () => document.documentElement.dataset.ready === "1"],
      ["d3 page", ALL_PAGES["d3 page"], () => document.querySelectorAll("#map path.rep[fill]").length === 5],
    ], { rounds: SWITCH_ROUNDS, switches: SWITCHES, rate });
    for (const [name, samples] of Object.entries(all)) {
      const painted = samples.map((s) => s.painted);
      out[name] = { samples: samples.length, rounds: SWITCH_ROUNDS, painted_ms: { median: round(median(painted), 1), p95: round(pct(painted, 95), 1) },
        missed_frames: samples.filter((s) => s.missed).length };
    }
  } finally {
    await browser.close();
  }
  return out;
}

// The layer switch at full speed (the key the README's reader has always read) and with the main thread 4x slower.
const result = { date: new Date().toISOString(), lighthouse_runs: RUNS, preset: "Lighthouse 12 default (mobile, simulated slow 4G, 4x CPU)", server: "gzip level 9", pages: await lighthouseRuns(),
  layer_switch_960x800: await switches(), layer_switch_960x800_cpu4x: await switches(4) };
await server.close();

const kb = (n) => `${(n / 1000).toFixed(0)} kB`;
const r = (x, f = (v) => v) => (x.min === x.max ? f(x.median) : `${f(x.median)} (${f(x.min)}-${f(x.max)})`);
const s = (v) => `${(v / 1000).toFixed(2)} s`;
console.log(`\nLighthouse 12, mobile preset, served with gzip (median of ${RUNS} runs, range in brackets)`);
console.log(["page".padEnd(22), "transferred", "FCP", "LCP", "TBT", "TTI", "CLS", "perf/a11y/bp/seo"].join(" | "));
for (const [name, p] of Object.entries(result.pages)) {
  console.log([name.padEnd(22), r(p.transferred_bytes, kb), r(p.fcp_ms, s), r(p.lcp_ms, s), r(p.tbt_ms, (v) => `${v} ms`), r(p.tti_ms, s), p.cls.median,
    ["performance", "accessibility", "best-practices", "seo"].map((k) => p.scores[k]).join("/")].join(" | ") + (p.errors.length ? `  errors: ${p.errors.join("; ")}` : ""));
}
for (const [key, cpu] of [["layer_switch_960x800", ""], ["layer_switch_960x800_cpu4x", ", main thread 4x slower"]]) {
  for (const [name, w] of Object.entries(result[key])) {
    console.log(`layer switch at 960x800${cpu}, ${name}: click to painted frame median ${w.painted_ms.median} ms, p95 ${w.painted_ms.p95} ms, missed frames ${w.missed_frames}/${w.samples} (${w.rounds} interleaved rounds)`);
  }
}
mkdirSync(join(ROOT, "bench/out"), { recursive: true });
writeFileSync(join(ROOT, "bench/out/lighthouse.json"), JSON.stringify(result, null, 2) + "\n");
console.log("written: bench/out/lighthouse.json");
