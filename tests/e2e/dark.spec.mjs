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

test("under prefers-color-scheme: dark the time line's year labels and caption stay readable", async () => {
  const { page, context } = await open(browser, server.url + "?part=timeline&card=xian-summit-2023", { context: { colorScheme: "dark" } });
  // axe does not measure SVG text: compare each label's fill with the first opaque ground behind it.
  const low = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ground = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (rgb(c)[3] !== 0 && c !== "transparent") return rgb(c); } return [255, 255, 255]; };
    return [...document.querySelectorAll(".timeline-axis .tick text, .timeline-axis .axis-caption")].map((t) => {
      const [a, b] = [lum(rgb(getComputedStyle(t).fill)), lum(ground(t))];
      return { text: t.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    }).filter((x) => x.ratio < 4.5).map((x) => `${x.text}: ${x.ratio.toFixed(2)}`);
  });
  assert.deepEqual(low, [], "time line labels below 4.5:1 on the dark page");
  await context.close();
});
