import { launch, serve, SINGLE_FILE_URL } from "../tests/e2e/lib.mjs";
const sizes = (process.env.SIZES || "390x844,800x600,1920x1080").split(",").map((s) => s.split("x").map(Number));
const parts = (process.env.PARTS || "overview,cards,map,timeline,study,evidence,sources").split(",");
const extra = process.env.EXTRA || "", tag = process.env.TAG || "";
const server = await serve();
const browser = await launch();
for (const [w, h] of sizes) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, ...(process.env.DARK ? { colorScheme: "dark" } : {}), ...(process.env.FORCED ? { forcedColors: "active" } : {}) });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("console error", m.text()); });
  for (const part of parts) {
    const base = process.env.FILE ? SINGLE_FILE_URL : server.url;
    await page.goto(`${base}?part=${part}${extra}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/work/coord/shots/${part}-${w}${tag}.png`, fullPage: !!process.env.FULL });
  }
  await ctx.close();
}
await browser.close(); await server.close();
