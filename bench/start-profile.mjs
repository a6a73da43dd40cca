// Diagnosis, not the benchmark: what the main thread does from navigation until the app is interactive, at
// Lighthouse's 4x CPU slowdown. Prints every task over 20 ms (the long tasks that make TBT and TTI) with the
// functions that took its time (inclusive, from the CDP sampling profiler), and the marks boot.js and the app
// set. For readable wasm names build with WASM_OPT_EXTRA=-g. URL="?part=map&layer=students" picks the view,
// CPU=1 profiles without the slowdown, BENCH_DIST=dir serves another build.
import { serve, launch, DIST } from "../tests/e2e/lib.mjs";
const server = await serve(process.env.BENCH_DIST || DIST);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(process.env.CPU || 4) });
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push(`${Math.round(e.startTime)} ms ${e.element?.tagName}.${e.element?.className} size ${e.size}`); })
    .observe({ type: "largest-contentful-paint", buffered: true });
});
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const traced = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading", transferMode: "ReportEvents" });
await cdp.send("Profiler.start");
await page.goto(server.url + (process.env.URL || "?part=map"));
await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30000 });
await page.waitForTimeout(1500);
console.log("web-exposed LCP entries: " + (await page.evaluate(() => window.__lcp)).join("; "));
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;

// The renderer's main thread: the CrRendererMain that parsed the page.
const renderers = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
const count = new Map();
for (const e of events) if (e.name === "ParseHTML" && renderers.has(`${e.pid}:${e.tid}`)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + e.dur);
const main = [...count].sort((a, b) => b[1] - a[1])[0][0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main);
const nav = events.find((e) => e.name === "navigationStart" || e.name === "NavigationStartToLoadEventEnd")?.ts
  ?? Math.min(...onMain.filter((e) => e.ts > 0).map((e) => e.ts));
const ms = (us) => (us / 1000).toFixed(1);
const marks = events.filter((e) => e.cat?.includes("blink.user_timing") || ["firstContentfulPaint", "firstPaint"].includes(e.name) || /argestContentful|LayoutShift/.test(e.name));
for (const m of marks.sort((a, b) => a.ts - b.ts)) if (m.ts >= nav) console.log(`mark ${ms(m.ts - nav).padStart(8)} ms ${m.name}${m.args?.data?.nodeName ? " " + m.args.data.nodeName : ""}${m.args?.data?.size ? " size " + m.args.data.size : ""}`);

// Profile samples by time, to attribute each long task's time to functions.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
let t = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, ts: (t += profile.timeDeltas[i]) }));
const tasks = onMain.filter((e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.dur > 20000);
let total = 0;
for (const task of tasks) {
  const inside = new Map();
  const types = new Map();
  for (const e of onMain) if (e.ph === "X" && e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && e.dur > 1000) types.set(e.name, (types.get(e.name) || 0) + e.dur);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (s.ts < task.ts || s.ts > task.ts + task.dur) continue;
    const dt = (samples[i + 1]?.ts ?? s.ts) - s.ts;
    const seen = new Set();
    for (let cur = s.id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur).callFrame.functionName;
      if (name && !seen.has(name)) { seen.add(name); inside.set(name, (inside.get(name) || 0) + dt); }
    }
  }
  total += Math.max(0, task.dur - 50000);
  console.log(`\ntask at ${ms(task.ts - nav)} ms: ${ms(task.dur)} ms`);
  console.log("   events: " + [...types].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${ms(v)}`).join(", "));
  for (const [k, us] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 18))) console.log(`   ${ms(us).padStart(7)} ms ${k.slice(0, 120)}`);
}
console.log(`\nblocking time over 50 ms (observed, this CPU rate): ${ms(total)} ms in ${tasks.filter((x) => x.dur > 50000).length} tasks`);
await browser.close();
await server.close();
