// A layer across all its periods: a year-by-republic table with a chart of it, and "Download all data" gives
// every figure in content/figures.json with its source.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, startUrl, ROOT } from "./lib.mjs";

const FIGURES = JSON.parse(readFileSync(join(ROOT, "content/figures.json"), "utf8"));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("trade across its years: one row per republic, one column per period, and every figure downloads", async () => {
  const { page, context } = await open(browser, startUrl("served", server, "?part=map"), { context: { acceptDownloads: true } });
  const table = page.locator(".across-table");
  assert.deepEqual(await table.locator("thead th").allInnerTexts(), ["Republic", "2013", "2022", "2023", "2024"]);
  const kz = await table.locator("tbody tr", { hasText: "Kazakhstan" }).locator("td").allInnerTexts();
  assert.deepEqual(kz, ["$28.6bn", "$31.17bn", "$41bn", "$43.82bn"]);
  assert.equal(await page.locator(".across-chart path.line").count(), 5);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download all data (CSV)" }).click()]);
  const lines = readFileSync(await download.path(), "utf8").trim().split("\r\n");
  assert.match(lines[0], /^id,dataset,country,year,value,unit,qualifier,source_publisher,source_title,source_url/);
  assert.equal(lines.length - 1, FIGURES.length, "every figure");
  for (const f of FIGURES.filter((f) => f.source_url)) assert.ok(lines.some((l) => l.startsWith(`${f.id},`) && l.includes(f.source_url.split(",")[0])), f.id);
  await context.close();
});
