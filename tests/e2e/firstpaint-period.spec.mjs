// A deep link's period and per-person view (`&year=2013`, `&pp=1`, with a layer and a republic) is painted before the
// app starts as the app shows it after: the pressed period and per-person switch, the map's fills and values, the
// list, the legend and the profile's line; nothing moves when the app starts (no layout shift), and the data panel,
// which holds the page's view, is not seen until the app has drawn the link's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, holdStart, startUrl, shiftRecording } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** What the map part shows of its view of the data (the source buttons' unseen places left out). */
const look = () => {
  const s = document.querySelector("section.part.map");
  const all = (sel) => [...s.querySelectorAll(sel)];
  const words = (el) => { const c = el.cloneNode(true); c.querySelectorAll("button, .print-only").forEach((b) => b.remove()); return c.textContent; };
  return {
    pressed: all(".data-controls [aria-pressed=true]").filter((b) => !b.closest(".unused")).map((b) => { const c = b.cloneNode(true); c.querySelectorAll(".unused").forEach((u) => u.remove()); return c.textContent; }).join(", "),
    perPerson: all(".per-person").map((g) => `${g.className} ${g.querySelector("button").disabled} ${g.textContent}`).join(""),
    map: all(".republics > g").map((g) => [...g.children].map((p) => p.getAttribute("fill")).join("+") + " " + g.getAttribute("aria-label")).join(" | "),
    labels: all(".labels > g").map((g) => `${g.getAttribute("class")}: ${g.textContent}`).join(" | "),
    list: all(".country-list .value").map((v) => v.textContent).join(" | "),
    legend: words(s.querySelector(".legend")),
    profile: all(".map-selection > .profile dd.on-map").map((d) => `${d.previousElementSibling.textContent}: ${words(d)}`).join(""),
  };
};

/** Where each element of <main> is, marked on the element. */
const mark = () => { for (const el of document.querySelectorAll("main *")) { const r = el.getBoundingClientRect(); el.__at = [r.left, r.top + scrollY, r.width]; } };

const LINKS = [
  ["?part=map&year=2013", { pressed: "Trade, 2013", list: /more than \$10bn/, legend: /low \(crosses\)/ }],
  ["?part=map&pp=1", { pressed: "Trade, Per person, 2024", list: /\$2,187/, legend: /US\$ per person, derived/ }],
  ["?part=map&year=2022&pp=1&country=TJ", { pressed: "Trade, Per person, 2022", list: /about \$255/, profile: /Trade per person, 2022: about \$255 = about \$2\.6bn \(2022\) ÷ 10,182,222 people \(2022\)/ }],
  ["?part=map&layer=investment&year=2005-2021&country=TM", { pressed: "Investment, 2005-2021", list: /\$13\.87bn/, profile: /Investment, 2005-2021: \$13\.87bn \(2005-2021\)/ }],
  ["?part=map&layer=students&pp=1&country=KZ", { pressed: "Students, Per 100,000 people", list: /62\.2 \(2018\)/, legend: /students per 100,000 people/ }],
  ["?part=map&year=2013&pp=1", { pressed: "Trade, 2013", list: /more than \$4bn/ }],
  // A period the layer does not have: the layer's own view, as the app shows it (with the app's notice saying so, painted
  // before it starts too: firstpaint-notice.spec).
  ["?part=map&layer=students&year=2013", { pressed: "Students", list: /11,784 \(2018\)/ }],
];

// The served site (the view's code comes with the map part's file) at both sizes; the single file (inline) wide.
for (const [mode, width, height] of [["served", 1920, 1080], ["served", 390, 844], ["file", 1920, 1080]]) {
  for (const [query, want] of LINKS) {
    test(`${mode}: ${query} at ${width}x${height}: painted before the app starts as the app shows it, nothing moves at start`, async () => {
      const { context, page, errors } = await shiftRecording(browser, width, height);
      const release = await holdStart(page);
      await page.goto(startUrl(mode, server, query));
      await page.waitForFunction(() => document.readyState === "complete" && document.querySelector("section.part.map .legend"));
      await page.waitForTimeout(200);
      const early = await page.evaluate(look);
      assert.equal(early.pressed, want.pressed);
      assert.match(early.list, want.list);
      if (want.legend) assert.match(early.legend, want.legend);
      if (want.profile) assert.match(early.profile, want.profile);
      // The single file's data panel under the map holds the page's own view (Trade, 2024): unseen until the app draws
      // the link's. (The site's shows the link's view once its file has come: firstpaint-panel.spec.)
      if (mode === "file") assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".data-panel")).visibility), "hidden");
      await page.evaluate(mark);
      await release();
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
      await page.waitForTimeout(600);
      assert.deepEqual(await page.evaluate(look), early, "the app shows what the page painted");
      // (Within 1.5 px: the controls' height is fractional. Left out: the figure's caption box, which grows 8 px upwards
      // at start on a phone, its legend staying where it was, and the selected republic's name in the list, which the app
      // sets in bold once it marks it pressed: both as for the page's own view, with or without a period.)
      const moved = await page.evaluate(() => [...document.querySelectorAll("main .map-layout :not(figcaption, .country-button *)")].filter((el) => el.__at && el.isConnected && el.__at[2]).filter((el) => {
        const r = el.getBoundingClientRect();
        return [r.left, r.top + scrollY, r.width].some((v, i) => Math.abs(v - el.__at[i]) > 1.5);
      }).map((el) => `${el.tagName}.${el.getAttribute("class")} ${el.__at} -> ${[el.getBoundingClientRect().left, el.getBoundingClientRect().top + scrollY, el.getBoundingClientRect().width]}`));
      assert.deepEqual(moved, [], "no kept element of the map moved");
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".data-panel")).visibility), "visible");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
