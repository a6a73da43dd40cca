// A deep link is read before the app starts as the app reads it (src/deep_link.rs `decode`): a key given more than
// once is not used at all, and values are percent-decoded. So the first paint of such a link shows the view the app
// shows after start: its part, layer, period, per-person view, republic and the controls an embed hides.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, started, startUrl } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The view on screen: the part shown, and in the map part its pressed controls, the controls shown and the profile. */
const look = () => {
  const seen = (el) => !!el && el.checkVisibility({ visibilityProperty: true });
  const part = [...document.querySelectorAll("main section.part")].filter(seen).map((s) => s.getAttribute("aria-labelledby"));
  const map = document.querySelector("main section.part.map");
  if (!seen(map)) return { part };
  const all = (sel) => [...map.querySelectorAll(sel)];
  return {
    part,
    pressed: all(".data-controls [aria-pressed=true]").filter((b) => !b.closest(".unused")).map((b) => b.dataset.layer || b.dataset.year || b.textContent),
    // (Unseen until the app starts: static/css/05-early.css keeps their place.)
    groups: all(".data-controls [role=group]").map((g) => g.getAttribute("aria-label")),
    profiles: all(".map-selection > .profile").filter(seen).map((p) => p.id),
    republic: map.querySelector(".republics > g[aria-label^=Uzbekistan]").getAttribute("aria-label"),
  };
};

const LINKS = [
  // A key given twice: none of its values (the app's notice says so).
  ["?part=map&layer=students&layer=trade&country=UZ", { pressed: ["trade", "2024"], profiles: ["profile-UZ"] }],
  ["?part=map&layer=students&country=UZ&country=KZ", { pressed: ["students"], profiles: [] }],
  ["?part=map&year=2013&year=2013", { pressed: ["trade", "2024"] }],
  ["?part=map&layer=students&pp=1&pp=1", { pressed: ["students"] }],
  ["?part=map&part=cards", { part: ["part-overview"] }],
  ["?part=map&embed=1&hide=layers&hide=year", { groups: ["Data layer", "Period", "Period"] }],
  // Percent-encoded values.
  ["?part=m%61p&layer=%73tudents&country=%55Z", { pressed: ["students"], profiles: ["profile-UZ"] }],
];

for (const mode of ["served", "file"]) {
  for (const [query, want] of LINKS) {
    test(`${mode}: ${query}: the first paint shows the view the app shows after start`, async () => {
      const { page, context, errors, early } = await started(browser, startUrl(mode, server, query), { settle: 400, look: async (page) => {
        // The part in full (on the site a map link shows its heading first, then the part once its file is in).
        await page.waitForFunction(() => document.querySelector("main section.part:not([data-partial])") && !document.documentElement.hasAttribute("data-early-wait"));
        await page.waitForTimeout(200);
        return page.evaluate(look);
      }, mark: true });
      const app = await page.evaluate(look);
      // What the app shows is what the link means (so that the comparison tests something).
      for (const [key, value] of Object.entries({ part: ["part-map"], ...want })) assert.deepEqual(app[key], value, `the app's ${key}`);
      assert.deepEqual(early, app, "the first paint shows the app's view");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
