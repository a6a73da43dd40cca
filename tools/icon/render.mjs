// Renders static/icon.svg to static/icon.png (32 x 32) in headless Chromium. The page uses the PNG as its
// favicon: Chromium decodes the favicon again on every history.pushState, and an SVG favicon costs a whole
// SVG document each time (about 3.5 ms per layer switch, measured with bench/trace.mjs); a PNG costs
// almost nothing. Chromium's PNG is then re-encoded in fewer bytes, its anti-aliased edges in 8 steps
// (tools/icon/shrink.py --levels 8; it is inline in both pages). Run after changing the SVG: node tools/icon/render.mjs
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, ROOT } from "../../tests/e2e/lib.mjs";

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 32, height: 32 }, deviceScaleFactor: 1 })).newPage();
const svg = readFileSync(join(ROOT, "static/icon.svg"), "utf8").replace("<svg ", '<svg width="32" height="32" ');
await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 32, height: 32 } });
writeFileSync(join(ROOT, "static/icon.png"), png);
console.log(`static/icon.png: ${png.length} bytes`);
execFileSync("python3", [join(ROOT, "tools/icon/shrink.py"), join(ROOT, "static/icon.png"), "--levels", "8"], { stdio: "inherit" });
await browser.close();
