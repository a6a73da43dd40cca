// Diagnosis, not the benchmark: the layer switch at 960x800 (as bench/lighthouse.mjs times it), interleaved in
// one run between builds and the d3 page, so that a shared machine's load falls on all of them alike.
// DISTS="base=/tmp/old-dist,new=dist" ROUNDS=8 SWITCHES=40 node bench/switch-ab.mjs
// ROUNDS rounds of SWITCHES switches per page (bench/switches.mjs); prints per page the median and p95 of
// click->painted and click->DOM changed over all rounds, and missed frames (MORE=1: more percentiles).
// THROTTLE=4 slows each page's main thread 4x (as Lighthouse's mobile preset does; raster threads are not slowed).
import { launch, DIST } from "../tests/e2e/lib.mjs";
import { serveGzip } from "./gzip-server.mjs";
import { buildPages } from "./pages.mjs";
import { layerSwitches } from "./switches.mjs";
import { median, pct } from "./stats.mjs";
import { resolve } from "node:path";

const ROUNDS = Number(process.env.ROUNDS || 8);
const SWITCHES = Number(process.env.SWITCHES || 40);
const W = Number(process.env.W || 960), H = Number(process.env.H || 800);
const dists = Object.fromEntries((process.env.DISTS || `this=${DIST}`).split(",").map((s) => s.split("=")).map(([k, v]) => [k, resolve(v)]));
const mounts = { "/bench/": buildPages() };
for (const [k, v] of Object.entries(dists)) mounts[`/${k}/`] = v;
console.log(new Date().toISOString(), `${W}x${H}`, process.env.THROTTLE ? `CPU ${process.env.THROTTLE}x slower` : "", "load", (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" "));
const server = await serveGzip(mounts);
const pages = Object.keys(dists).map((k) => [k, `${server.url}${k}/?part=map`, () => document.documentElement.dataset.ready === "1"]);
if (process.env.D3 !== "0") pages.push(["d3", server.url + "bench/d3.html", () => document.querySelectorAll("#map path.rep[fill]").length === 5]);
const browser = await launch();
const css = Object.fromEntries(pages.map(([k]) => [k, process.env[`CSS_${k}`]]).filter(([, v]) => v));
const all = await layerSwitches(browser, pages, { rounds: ROUNDS, switches: SWITCHES, rate: Number(process.env.THROTTLE || 1), width: W, height: H, css });
await browser.close();
await server.close();
console.log(new Date().toISOString(), "load", (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" "));
const f = (x) => x.toFixed(1).padStart(5);
for (const [name, s] of Object.entries(all)) {
  const p = s.map((x) => x.painted), d = s.map((x) => x.dom).filter((x) => x !== null);
  console.log(`${name.padEnd(8)} n=${s.length} painted median ${f(median(p))} p95 ${f(pct(p, 95))} | dom median ${f(median(d))} p95 ${f(pct(d, 95))} | missed ${s.filter((x) => x.missed).length}`
    + (process.env.MORE ? ` | painted p75 ${f(pct(p, 75))} p90 ${f(pct(p, 90))} p99 ${f(pct(p, 99))} max ${f(Math.max(...p))}` : ""));
}
