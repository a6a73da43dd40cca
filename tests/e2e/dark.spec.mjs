// prefers-color-scheme: dark: the page turns dark, and axe finds no contrast problem in any part (with a card,
// a profile and its sources, a self-check's feedback and the tour open), nor in the Share dialog.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, open, ROOT } from "./lib.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

async function contrast(page, where) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast", "link-in-text-block", "non-text-contrast"].filter((id) => window.axe.getRules().some((r) => r.ruleId === id)) } }));
  const found = r.violations.flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.id}: ${n.target.join(" ")} — ${n.any[0]?.message ?? ""}`));
  assert.deepEqual(found, [], `contrast in the dark theme, ${where}`);
}

const VIEWS = ["", "?part=cards&card=soft-power", "?part=map&country=UZ", "?part=timeline&card=xian-summit-2023", "?part=study&step=2", "?part=evidence"];

test("under prefers-color-scheme: dark every part is dark and passes axe's contrast rules", async () => {
  for (const q of VIEWS) {
    const { page, context } = await open(browser, server.url + q, { context: { colorScheme: "dark" } });
    const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = ground.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 3 * 60, `${q}: the page is dark (${ground})`);
    if (q.includes("map")) {
      const toggles = page.locator(".profile .source-toggle");
      for (let i = 0; i < Math.min(await toggles.count(), 2); i++) await toggles.nth(i).click();
    }
    if (q.includes("study")) {
      const f = page.locator("fieldset.q-choice").first();
      await f.locator("input[type=radio]").first().check();
      await f.getByRole("button", { name: "Check" }).click();
    }
    await contrast(page, q || "overview");
    if (q === "") {
      await page.locator("#share-button").click();
      await page.locator("dialog[open]").waitFor();
      await contrast(page, "share dialog");
    }
    await context.close();
  }
});
