// Diagnosis, not the benchmark: the layer switch at 960x800 (as bench/lighthouse.mjs times it), interleaved in
// one run between builds and the d3 page, so that a shared machine's load falls on all of them alike.
// DISTS="base=/tmp/old-dist,new=dist" ROUNDS=5 SWITCHES=40 node bench/switch-ab.mjs
// Each round opens every page once in a fresh context and takes SWITCHES switches; prints per page the
// median and p95 of click->painted and click->DOM changed over all rounds, and missed frames.
// THROTTLE=4 slows each page's main thread 4x (as Lighthouse's mobile preset does; raster threads are not slowed).
import { launch, DIST } from "../tests/e2e/lib.mjs";
import { serveGzip } from "./gzip-server.mjs";
import { buildPages } from "./pages.mjs";
import { clickAndTime, frameClock } from "./harness.mjs";
import { resolve } from "node:path";

const ROUNDS = Number(process.env.ROUNDS || 5);
const SWITCHES = Number(process.env.SWITCHES || 40);
const W = Number(process.env.W || 960), H = Number(process.env.H || 800);
const dists = Object.fromEntries((process.env.DISTS || `this=${DIST}`).split(",").map((s) => s.split("=")).map(([k, v]) => [k, resolve(v)]));
const mounts = { "/bench/": buildPages() };
for (const [k, v] of Object.entries(dists)) mounts[`/${k}/`] = v;
console.log(new Date().toISOString(), `${W}x${H}`, process.env.THROTTLE ? `CPU ${process.env.THROTTLE}x slower` : "", "load", (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" "));
const server = await serveGzip(mounts);
const pages = Object.keys(dists).map((k) => [k, `${server.url}${k}/?part=map`, () => document.documentElement.dataset.ready === "1"]);
if (process.env.D3 !== "0") pages.push(["d3", server.url + "bench/d3.html", () => document.querySelectorAll("#map path.rep[fill]").length === 5]);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const browser = await launch();
const all = Object.fromEntries(pages.map(([k]) => [k, []]));
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? [...pages].reverse() : pages;
  for (const [name, url, ready] of order) {
    const context = await browser.newContext({ viewport: { width: W, height: H }, bypassCSP: !!process.env[`CSS_${name}`] });
    const page = await context.newPage();
    if (process.env.THROTTLE) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: Number(process.env.THROTTLE) });
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 20000 });
    // CSS_<name>="...": a stylesheet added to that page once it is ready (to try CSS before building it in).
    if (process.env[`CSS_${name}`]) await page.addStyleTag({ content: process.env[`CSS_${name}`] });
    await page.evaluate(frameClock);
    await page.waitForTimeout(300);
    const layers = ["trade", "investment", "students", "confucius"];
    for (let i = 0; i < SWITCHES; i++) {
      await page.waitForTimeout(20 + Math.random() * 17);
      const s = await page.evaluate(clickAndTime, `main [data-layer="${layers[(i + 1) % layers.length]}"]`);
      if (!s) throw new Error(`${name}: no layer button`);
      all[name].push(s);
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(new Date().toISOString(), "load", (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" "));
const f = (x) => x.toFixed(1).padStart(5);
for (const [name, s] of Object.entries(all)) {
  const p = s.map((x) => x.painted), d = s.map((x) => x.dom).filter((x) => x !== null);
  console.log(`${name.padEnd(8)} n=${s.length} painted median ${f(median(p))} p95 ${f(pct(p, 95))} | dom median ${f(median(d))} p95 ${f(pct(d, 95))} | missed ${s.filter((x) => x.missed).length}`
    + (process.env.MORE ? ` | painted p75 ${f(pct(p, 75))} p90 ${f(pct(p, 90))} p99 ${f(pct(p, 99))} max ${f(Math.max(...p))}` : ""));
}
