// A deep link whose year is a period of another layer (`?part=map&layer=students&year=2013`) is partly rejected: the app
// shows the layer's own view and says so in a notice above the part. The page shows that notice, in the app's words,
// from its first paint (static/early.js), so that the part does not move down when the app starts; on the site from the
// paint of the part's heading alone, before the rest of the part (assets/map.HASH.js) has come. A link the app accepts
// gets no notice. So does a link with a part, theme, layer or republic the app does not know, a key given twice, a control
// in `hide` the app does not know, a tour step out of range, `pp` or `embed` other than 1, and a card's id where the page
// has the cards' text (below).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, holdStart, ready, startUrl, shiftRecording } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** The notices' words (the Dismiss button's left out) and where the part's heading is. */
const look = (part) => ({
  notices: [...document.querySelectorAll(".shell > .notices li > span")].map((s) => s.textContent),
  heading: Math.round(document.querySelector(`#part-${part}`).getBoundingClientRect().top + scrollY),
});

/** `query` opened with the wasm held: the page's notices are `want` from the part's first paint, and neither they nor
 *  the part move when the rest of the part comes (the map part's file held too, on the site: the page shows its heading
 *  alone) nor when the app starts. */
async function noticesKept(mode, width, height, query, part, want) {
  const { context, page, errors } = await shiftRecording(browser, width, height);
  const release = await holdStart(page);
  let releaseMap = () => {};
  if (part === "map") {
    const mapHeld = new Promise((ok) => { releaseMap = ok; });
    await page.route(/\/assets\/map\.[0-9a-f]+\.js$/, async (route) => { await mapHeld; await route.continue(); });
  }
  await page.goto(startUrl(mode, server, query));
  await page.waitForFunction((part) => document.querySelector(`#part-${part}`), part);
  await page.waitForTimeout(300);
  const first = await page.evaluate(look, part);
  assert.deepEqual(first.notices, want, "the notices with the part's first paint");
  if (part === "map") {
    releaseMap();
    await page.waitForFunction(() => document.readyState === "complete" && document.querySelector("section.part.map .legend"));
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(look, part), first, "the rest of the part came below the heading");
  }
  await release();
  await ready(page, 20000);
  await page.waitForTimeout(600);
  assert.deepEqual(await page.evaluate(look, part), first, "the app shows the same notices, the part where it was");
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
  assert.deepEqual(errors, []);
  await context.close();
}

const LINKS = [
  ["?part=map&layer=students&year=2013", ["Ignored part of the link: year “2013”: not a period of the Students layer."]],
  ["?part=map&year=2005-2018&country=UZ", ["Ignored part of the link: year “2005-2018”: not a period of the Trade layer."]],
  ["?part=map&layer=confucius&year=2024&pp=1", ["Ignored part of the link: year “2024”: not a period of the Confucius Institutes layer."]],
  ["?part=map&layer=investment&year=2005-2018", []],
  ["?part=map&year=2013", []],
];

for (const mode of ["served", "file"]) {
  for (const [width, height] of [[390, 844], [800, 600], [1920, 1080]]) {
    for (const [query, want] of LINKS) {
      test(`${mode} ${width}x${height} ${query}: the app's notice from the first paint, nothing moves at start`,
        () => noticesKept(mode, width, height, query, "map", want));
    }
  }
}

// A value the app does not know at all (a mistyped part, theme, layer, year or republic): the same, whatever the part. The
// page's notices are the app's, in its order (the period notice after the others), from the first paint.
const UNKNOWN = [
  ["?part=mapp", "overview", ["Ignored part of the link: part “⁨mapp⁩”: not a part this explainer knows."]],
  ["?part=cards&theme=concept", "cards", ["Ignored part of the link: theme “⁨concept⁩”: not a theme this explainer knows."]],
  ["?part=map&layer=trde&country=kz", "map", ["Ignored part of the link: layer “⁨trde⁩”: not a layer this explainer knows.",
    "Ignored part of the link: country “⁨kz⁩”: not a republic this explainer knows."]],
  ["?part=map&layer=students&year=2013&country=XX", "map", ["Ignored part of the link: country “⁨XX⁩”: not a republic this explainer knows.",
    "Ignored part of the link: year “2013”: not a period of the Students layer."]],
  ["?part=map&layer=investment&year=2025", "map", ["Ignored part of the link: year “⁨2025⁩”: not a year this explainer knows."]],
  ["?part=timeline&layer=confucius&country=TM", "timeline", []],
  // A key given twice, a control in `hide` the app does not know, a tour step out of range, `pp` or `embed` other than
  // 1, an empty value: the app's words for each, in its order (part, theme, card, layer, year, pp, country, step, embed,
  // hide), from the first paint too.
  ["?part=map&layer=students&country=UZ&layer=trade", "map", ["Ignored part of the link: layer: given 2 times, so none was used."]],
  ["?part=map&embed=1&hide=nav,shar", "map", ["Ignored part of the link: hide “⁨nav,shar⁩”: not a control this explainer knows."]],
  ["?part=cards&embed=yes&step=12&pp=2", "cards", ["Ignored part of the link: pp “⁨2⁩”: expected 1.",
    "Ignored part of the link: step “⁨12⁩”: the tour has steps 1 to 11.", "Ignored part of the link: embed “⁨yes⁩”: expected 1."]],
  ["?step=0&part=timeline&part=timeline&country=", "overview", ["Ignored part of the link: part: given 2 times, so none was used.",
    "Ignored part of the link: country “⁨⁩”: not a republic this explainer knows.", "Ignored part of the link: step “⁨0⁩”: the tour has steps 1 to 11."]],
  ["?part=study&step=11&hide=,share", "study", []],
];

for (const mode of ["served", "file"]) {
  for (const [width, height] of [[390, 844], [1920, 1080]]) {
    for (const [query, part, want] of UNKNOWN) {
      test(`${mode} ${width}x${height} ${query}: the app's notices from the first paint, nothing moves at start`,
        () => noticesKept(mode, width, height, query, part, want));
    }
  }
}

// A card's id the app does not know: noticed from the first paint where the page's text in hand holds the cards part
// (static/early.js): on the site for `?part=cards` (that part's text comes before it is shown), in the single file for
// every part. An element's id that is not a card's (`thesis-detail`, a card's detail region) is not taken for one.
const CARD = "Ignored part of the link: card “⁨alignment-vs-aliance⁩”: not a card this explainer knows.";
const CARDS = [
  ["served file", "?part=cards&card=alignment-vs-aliance", "cards", [CARD]],
  ["served file", "?part=cards&theme=concept&card=thesis-detail", "cards", ["Ignored part of the link: theme “⁨concept⁩”: not a theme this explainer knows.",
    "Ignored part of the link: card “⁨thesis-detail⁩”: not a card this explainer knows."]],
  ["served file", "?part=cards&card=alignment", "cards", []],
  ["file", "?part=map&layer=trde&card=alignment-vs-aliance", "map", [CARD, "Ignored part of the link: layer “⁨trde⁩”: not a layer this explainer knows."]],
  ["file", "?part=timeline&card=alignment-vs-aliance", "timeline", [CARD]],
  ["file", "?part=timeline&card=crimea-2014", "timeline", []],
];

for (const [modes, query, part, want] of CARDS) {
  for (const mode of modes.split(" ")) {
    for (const [width, height] of [[390, 844], [1920, 1080]]) {
      test(`${mode} ${width}x${height} ${query}: the app's notices from the first paint, nothing moves at start`,
        () => noticesKept(mode, width, height, query, part, want));
    }
  }
}

// An embed's `hide` with a control the app does not know hides none (src/deep_link.rs): nor does the page before the app
// starts, so that the navigation, Share and the map's controls are there from the first paint and stay.
for (const mode of ["served", "file"]) {
  test(`${mode} 800x600: an embed's hide=nav,share,layers,shar hides nothing before start nor after`, async () => {
    const { context, page, errors } = await shiftRecording(browser, 800, 600);
    const release = await holdStart(page);
    await page.goto(startUrl(mode, server, "?part=map&embed=1&hide=nav,share,layers,shar"));
    await page.waitForFunction(() => document.readyState === "complete" && document.querySelector("section.part.map .legend"));
    const shown = () => page.evaluate(() => ({
      nav: !document.querySelector(".parts-nav").hidden,
      share: !document.querySelector(".site-header .share-button").hidden,
      layers: !!document.querySelector('main .data-controls [aria-label="Data layer"]'),
    }));
    assert.deepEqual(await shown(), { nav: true, share: true, layers: true }, "before start");
    await release();
    await ready(page, 20000);
    await page.waitForTimeout(300);
    assert.deepEqual(await shown(), { nav: true, share: true, layers: true }, "after start");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
    assert.deepEqual(errors, []);
    await context.close();
  });
}
