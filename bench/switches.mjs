// The layer switch, click to painted frame, in several pages side by side (bench/lighthouse.mjs, the benchmark's
// figures; bench/switch-ab.mjs, builds against each other): `rounds` rounds, each opening every page once in a fresh
// context and taking `switches` switches there (a pause of 20-37 ms before each, as a reader's clicks), the pages'
// order reversed every other round, so that a shared machine's load falls on all of them alike. The p95 of one
// page's 40 switches moves by a few ms from run to run; of 8 interleaved rounds' 320, by well under one.
import { clickAndTime, frameClock } from "./harness.mjs";

const LAYERS = ["trade", "investment", "students", "confucius"];

/** Per page name, the samples of `clickAndTime` (`pages`: [name, url, ready] with `ready` run in the page).
 *  `rate` slows each page's main thread that many times (4: as Lighthouse's mobile preset; raster threads are not
 *  slowed); `css` maps a page's name to a stylesheet added once it is ready (to try CSS before building it in). */
export async function layerSwitches(browser, pages, { rounds = 8, switches = 40, rate = 1, width = 960, height = 800, css = {} } = {}) {
  const all = Object.fromEntries(pages.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, url, ready] of r % 2 ? [...pages].reverse() : pages) {
      const context = await browser.newContext({ viewport: { width, height }, bypassCSP: !!css[name] });
      try {
        const page = await context.newPage();
        if (rate !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
        await page.goto(url);
        await page.waitForFunction(ready, null, { timeout: 20000 });
        if (css[name]) await page.addStyleTag({ content: css[name] });
        await page.evaluate(frameClock);
        await page.waitForTimeout(300);
        for (let i = 0; i < switches; i++) {
          await page.waitForTimeout(20 + Math.random() * 17);
          const s = await page.evaluate(clickAndTime, `main [data-layer="${LAYERS[(i + 1) % LAYERS.length]}"]`);
          if (!s) throw new Error(`${name}: no layer button for ${LAYERS[(i + 1) % LAYERS.length]}`);
          all[name].push(s);
        }
      } finally {
        await context.close();
      }
    }
  }
  return all;
}
