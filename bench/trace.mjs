// Diagnosis, not the benchmark: records a Chromium trace of 40 layer switches and prints the main thread's
// time per switch by trace event (script, style, layout, paint, timers...). This is how the SVG favicon's
// cost on every pushState was found. MODE=file for the single file; the trace is left in /tmp/trace.json.
import { serve, launch, startUrl } from "../tests/e2e/lib.mjs";
import { readFileSync } from "node:fs";
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: +(process.env.W || 1280), height: +(process.env.H || 900) } });
const page = await context.newPage();
await page.goto(startUrl(process.env.MODE || "served", server, "?part=map"));
await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
await page.waitForTimeout(300);
const N = 40;
await browser.startTracing(page, { path: "/tmp/trace.json", categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"] });
const names = ["Trade", "Investment", "Students", "Confucius Institutes"];
for (let i = 0; i < N; i++) {
  const name = names[(i + 1) % names.length];
  await page.evaluate((name) => new Promise((ok) => {
    const button = [...document.querySelectorAll("main button, main [role=radio]")]
      .find((b) => b.textContent.trim().startsWith(name) && b.getAttribute("aria-checked") !== "true" && b.getAttribute("aria-pressed") !== "true");
    button.click(); requestAnimationFrame(() => setTimeout(ok, 0));
  }), name);
  await page.waitForTimeout(40);
}
await browser.stopTracing();
const events = JSON.parse(readFileSync("/tmp/trace.json", "utf8")).traceEvents;
const main = events.filter((e) => e.ph === "X" && e.dur);
// main renderer thread: the one with most "FunctionCall"/"UpdateLayoutTree"
const tids = new Map(); for (const e of main) if (e.name === "UpdateLayoutTree") tids.set(e.tid, (tids.get(e.tid) || 0) + 1);
const tid = [...tids].sort((a, b) => b[1] - a[1])[0][0];
const sum = new Map();
for (const e of main) if (e.tid === tid) sum.set(e.name, (sum.get(e.name) || 0) + e.dur);
for (const [k, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000 / N).toFixed(2).padStart(8), "ms/switch", k);
await browser.close(); await server.close();
