// Deep links: each kind of state a link can carry reproduces the view; bad values fall back with a
// notice that can be dismissed; back and forward move through views.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, MODES, startUrl, assertNoConsoleErrors } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const pressed = (page, name) => page.getByRole("button", { name, exact: true }).getAttribute("aria-pressed");

for (const mode of MODES) {
  test(`${mode}: a link reproduces theme, card, layer, year, per-person, republic and tour step`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=cards&theme=actors&card=sco"));
    assert.equal(await page.getByRole("button", { name: /^Actors/ }).getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("#card-sco .card-detail").count(), 1, "the SCO card is open");
    await context.close();

    const map = await open(browser, startUrl(mode, server, "?part=map&layer=investment&year=2005-2021&pp=1&country=TM"));
    assert.equal(await pressed(map.page, "Investment"), "true");
    assert.equal(await pressed(map.page, "2005-2021"), "true");
    assert.equal(await pressed(map.page, "Per person"), "true");
    assert.equal(await map.page.locator("#map-TM").getAttribute("aria-pressed"), "true");
    assert.match(await map.page.locator(".map-selection").innerText(), /Turkmenistan/);
    await map.context.close();

    const tour = await open(browser, startUrl(mode, server, "?step=5"));
    assert.match(await tour.page.locator("aside").first().innerText(), /Step 5 of \d+/);
    await tour.context.close();
    assertNoConsoleErrors(errors);
  });

  test(`${mode}: bad values fall back to defaults with a notice that can be dismissed`, async () => {
    const { page, context, errors } = await open(browser, startUrl(mode, server, `?part=map&layer=%%%&country=XX&year=1999&card=${"x".repeat(300)}`));
    assert.equal(await page.locator("main h2").first().innerText(), "Map & data");
    assert.equal(await pressed(page, "Trade"), "true", "the default layer");
    const notices = page.locator(".notice");
    assert.equal(await notices.count(), 4);
    const text = await page.locator(".notices").innerText();
    for (const key of ["layer", "country", "year", "card"]) assert.match(text, new RegExp(`Ignored part of the link: ${key}`));
    await notices.first().getByRole("button", { name: /Dismiss/ }).click();
    assert.equal(await notices.count(), 3);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: leaving the page straight after a switch keeps the view switched to in the address`, async () => {
    // The address of a layer or a republic is written once the reader pauses (150 ms); a page left or put
    // away before that (pagehide, visibilitychange) writes the waiting address at once, so closing the tab
    // or switching apps on a phone does not lose the last switch.
    const { page, context, errors } = await open(browser, startUrl(mode, server, "?part=map"));
    await page.getByRole("button", { name: "Students", exact: true }).click();
    const written = await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true }));
      return location.search;
    });
    assert.equal(written, "?part=map&layer=students", "the address when the page is left");
    assertNoConsoleErrors(errors);
    await context.close();
  });

  test(`${mode}: back and forward move between places; settings change the entry in place`, async () => {
    const { page, context } = await open(browser, startUrl(mode, server, "?part=map"));
    const entries = await page.evaluate(() => history.length);
    await page.getByRole("button", { name: "Students", exact: true }).click();
    await page.waitForFunction(() => location.search === "?part=map&layer=students");
    await page.locator("#map-KG").click();
    await page.waitForFunction(() => location.search === "?part=map&layer=students&country=KG");
    assert.equal(await page.evaluate(() => history.length), entries, "a layer or a republic replaces the entry");
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    await page.waitForFunction(() => location.search.startsWith("?part=timeline"));
    assert.equal(await page.evaluate(() => history.length), entries + 1, "another part is a new entry");
    await page.goBack();
    await page.waitForFunction(() => location.search === "?part=map&layer=students&country=KG");
    assert.equal(await pressed(page, "Students"), "true");
    assert.equal(await page.locator("#map-KG").getAttribute("aria-pressed"), "true");
    await page.goForward();
    await page.waitForFunction(() => location.search.startsWith("?part=timeline"));
    assert.equal(await page.locator("main h2").first().innerText(), "Timeline");
    await context.close();
  });
}
