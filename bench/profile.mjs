// Diagnosis, not the benchmark: profiles 80 layer switches with the CDP sampling profiler and prints the
// wasm and DOM functions by inclusive time per switch, then everything by self time. For readable names,
// build with WASM_OPT_EXTRA=-g (keeps the name section): SKIP_SETUP=1 WASM_OPT_EXTRA=-g scripts/build.sh.
// H=3200 node bench/profile.mjs profiles with the whole map part on screen.
import { serve, launch, startUrl } from "../tests/e2e/lib.mjs";
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: +(process.env.W || 1280), height: +(process.env.H || 900) } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(startUrl("served", server, "?part=map"));
await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await cdp.send("Profiler.start");
const names = ["Trade", "Investment", "Students", "Confucius Institutes"];
const times = [];
for (let i = 0; i < 80; i++) {
  const name = names[(i + 1) % names.length];
  times.push(await page.evaluate((name) => {
    const button = [...document.querySelectorAll("main button, main [role=radio]")]
      .find((b) => b.textContent.trim().startsWith(name) && b.getAttribute("aria-checked") !== "true" && b.getAttribute("aria-pressed") !== "true");
    const t0 = performance.now(); button.click(); return performance.now() - t0;
  }, name));
  await page.waitForTimeout(30); // let the panel below the map catch up
}
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop()})`; self.set(k, (self.get(k) || 0) + us); }
// inclusive time: for each sample, walk up the stack once per distinct function name
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName; if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + us); } cur = parent.get(cur); } }
console.log("--- inclusive, charm_offensive / yew run functions");
for (const [k, us] of [...incl].filter(([k]) => /charm_offensive|FunctionProvider|run_scheduler|__wbg|RenderRunner|reconcile|Reconcilable/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((us / 1000 / 80).toFixed(3).padStart(8), "ms/switch", k.slice(0, 140));
const sorted = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
times.sort((a, b) => a - b);
console.log("sync click ms median", times[40].toFixed(2), "p95", times[76].toFixed(2));
for (const [k, us] of sorted) console.log((us / 1000).toFixed(1).padStart(8), "ms", k.slice(0, 110));
await browser.close(); await server.close();
