// Layout shifts while the page streams in: the served index.html is sent in two pieces, cut every STEP bytes from
// FROM to TO (default: from <body> to the site footer's end), the rest 250 ms later (wasm blocked, so the app does
// not start); prints every cut after which a painted frame moved, with what moved (before -> after rects).
// A slow network can end a piece anywhere. Usage: Q="?part=map" W=390 H=844 STEP=60 node bench/cuts.mjs
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { serve, DIST } from "../tests/e2e/lib.mjs";
import { join } from "node:path";
const server = await serve();
const html = readFileSync(join(DIST, "index.html"), "utf8");
const FROM = +(process.env.FROM || html.indexOf("<body"));
const TO = +(process.env.TO || html.indexOf("</footer>", html.indexOf('<footer class="site-footer"')) + 9);
const STEP = +(process.env.STEP || 100);
const Q = process.env.Q ?? "?part=map&layer=students&country=UZ";
const W = +(process.env.W || 412), H = +(process.env.H || 823);
let at = 0;
const paused = createServer(async (req, res) => {
  if (req.url.split("?")[0] !== "/") {
    const r = await fetch(server.url + req.url.slice(1));
    res.writeHead(r.status, { "content-type": r.headers.get("content-type") || "" });
    return res.end(Buffer.from(await r.arrayBuffer()));
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.write(html.slice(0, at));
  setTimeout(() => res.end(html.slice(at)), 250);
});
await new Promise((ok) => paused.listen(0, "127.0.0.1", ok));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
let n = 0;
for (at = FROM; at < TO; at += STEP) {
  const context = await browser.newContext({ viewport: { width: W, height: H }, isMobile: W < 500, hasTouch: W < 500 });
  const page = await context.newPage();
  await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, () => {});
  await page.addInitScript(() => {
    window.__shifts = [];
    const d = (n) => n ? (n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\s+/).join(".") : "") : "#text:" + n.textContent.slice(0, 20)) : "?";
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ v: +e.value.toFixed(6), t: Math.round(e.startTime), s: e.sources.map((s) => `${d(s.node)} ${JSON.stringify([s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height])}->${JSON.stringify([s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height])}`) }); }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`http://127.0.0.1:${paused.address().port}/${Q}`, { waitUntil: "commit" });
  await page.waitForFunction(() => document.readyState !== "loading", null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const s = await page.evaluate(() => window.__shifts);
  n++;
  if (s.length) console.log(at, JSON.stringify(html.slice(at - 30, at)), JSON.stringify(s));
  await context.close();
}
console.log("cuts", n);
await browser.close(); paused.closeAllConnections(); paused.close(); await server.close();
