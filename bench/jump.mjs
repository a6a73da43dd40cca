// Where the map sits before and after the app starts (served dist/), for the viewports and links given.
import { serve, launch } from "../tests/e2e/lib.mjs";
const out = process.env.SHOTS || "/tmp/s2";
const server = await serve();
const browser = await launch();
for (const q of ["?part=map", "?part=map&layer=students&country=UZ"]) {
  for (const [w, h] of [[390, 844], [800, 600], [1920, 1080]]) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    let release; const held = new Promise((ok) => { release = ok; });
    await page.route(/\.(wasm|lzma)(\.[0-9a-f]+\.js)?$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.url + q);
    await page.locator("main .region-map").waitFor();
    await page.waitForTimeout(300);
    const top = () => page.evaluate(() => ["main .map-figure", "main .map-selection", "main .data-controls"].map((s) => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top) : null; }));
    const tag = `${q.length > 10 ? "layer" : "map"}-${w}`;
    const b = await top();
    await page.screenshot({ path: `${out}/${tag}-before.png` });
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const a = await top();
    await page.screenshot({ path: `${out}/${tag}-after.png` });
    console.log(tag, "before", b, "after", a);
    await context.close();
  }
}
await browser.close(); await server.close();
