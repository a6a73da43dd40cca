// What the random walk found, each kept fixed: long source addresses and the comparisons toggle do not
// widen the page; a glossary term open in two cards has two ids; notices show odd link values safely and
// keep Dismiss on screen; focus stays in the page when the control pressed goes away; storage problems are
// told in our words. Served build (the single file has the same code and styles).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, assertNoConsoleErrors } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));

test("open sources and the comparisons toggle never make the page scroll sideways (360, 768, 1280 px)", async () => {
  for (const width of [360, 768, 1280]) {
    for (const query of ["?part=map&country=UZ", "?part=map&layer=confucius&country=KZ"]) {
      const { page, context, errors } = await open(browser, server.url + query, { viewport: { width, height: 800 } });
      // Every visible source and the comparisons toggle, pressed at once.
      const press = (selector) => page.evaluate((selector) => {
        const buttons = [...document.querySelectorAll(selector)].filter((b) => b.offsetParent !== null);
        buttons.forEach((b) => b.click());
        return buttons.length;
      }, selector);
      await press(".compare-all");
      await settle(page);
      let pressed = 0;
      for (let round = 0; round < 4; round++) {
        pressed += await press(".source-toggle[aria-expanded=false]");
        await settle(page);
      }
      assert.ok(pressed > 3, `${query}: sources to open`);
      assert.equal(await page.locator(".source-toggle[aria-expanded=false]:visible").count(), 0);
      assert.equal(await overflow(page), 0, `${query} at ${width} px with every source open`);
      assertNoConsoleErrors(errors);
      await context.close();
    }
  }
});

test("an embed's one-line theme filter scrolls inside itself, not the page (360 px)", async () => {
  const { page, context } = await open(browser, server.url + "?part=cards&embed=1", { viewport: { width: 360, height: 640 } });
  assert.equal(await overflow(page), 0);
  await context.close();
});

test("the same term open in two cards has two ids, each button controlling its own", async () => {
  const { page, context } = await open(browser, server.url + "?part=cards");
  // Every card on screen: open the fold that holds all but the argument's cards.
  await page.locator("details.more-cards > summary").click();
  // A term shown in more than one card (the cards' summaries use the glossary too).
  const repeated = await page.evaluate(() => {
    const seen = {};
    for (const b of document.querySelectorAll(".card .term-button")) seen[b.textContent] = (seen[b.textContent] || 0) + 1;
    return Object.keys(seen).find((t) => seen[t] >= 2);
  });
  assert.ok(repeated, "a term is shown in two cards");
  const all = await page.locator(".card .term-button", { hasText: repeated }).all();
  for (const t of all) await t.click();
  const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "no duplicate id");
  const controls = await Promise.all(all.map((t) => t.getAttribute("aria-controls")));
  assert.equal(new Set(controls).size, controls.length, `each button controls its own definition: ${controls}`);
  for (const c of controls) assert.equal(await page.locator(`[id="${c}"]`).count(), 1, c);
  await context.close();
});

test("notices write invisible characters out, shorten long values and keep Dismiss on screen at 360 px", async () => {
  const cases = [
    ["?part=cards&card=%E2%80%AEbri%E2%80%8B", /card “\u2068U\+202E bri U\+200B\u2069”/],
    ["?part=map%00", /part “\u2068map U\+0000\u2069”/],
    ["?part=study&step=99999999999999999999999", /step “\u2068\d{20,30}…?\u2069”/],
    ["?embed=1&hide=header,nav,footer,notes,sources", /hide “\u2068header,nav,footer,notes,[a-z]+…\u2069”/],
  ];
  for (const [query, expected] of cases) {
    const { page, context } = await open(browser, server.url + query, { viewport: { width: 360, height: 740 } });
    const notice = page.locator(".notice").first();
    const text = await notice.locator("span").first().textContent();
    assert.match(text, expected, query);
    assert.doesNotMatch(text, /[\u0000-\u001f\u202a-\u202e\u200b-\u200f]/, `${query}: no raw control or bidi character`);
    const box = await notice.getByRole("button", { name: /Dismiss/ }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${query}: Dismiss on screen (${JSON.stringify(box)})`);
    assert.equal(await overflow(page), 0, `${query}: no sideways scroll`);
    await context.close();
  }
});

test("focus stays in the page when the control pressed goes away", async () => {
  // Dismiss: to the next notice's Dismiss, then to the main content.
  let { page, context } = await open(browser, server.url + "?layer=x&country=y");
  await page.locator(".notice .dismiss").first().click();
  assert.equal(await page.locator(".notice").count(), 1);
  await page.waitForFunction(() => document.activeElement?.classList.contains("dismiss"));
  await page.locator(".notice .dismiss").first().click();
  await page.waitForFunction(() => document.activeElement?.id === "main");
  await context.close();

  // End tour: to the heading of the part the tour left the reader in.
  ({ page, context } = await open(browser, server.url + "?part=map&step=3"));
  await page.getByRole("button", { name: "End tour" }).click();
  await page.waitForFunction(() => !document.querySelector(".tour-panel"));
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 2000 })
    .catch(() => {});
  assert.match(await activeId(page), /^part-/, "focus on the part's heading");
  await context.close();

  // "Explore the cards" while the tour is open: to the cards' heading.
  ({ page, context } = await open(browser, server.url + "?step=1"));
  await page.getByRole("link", { name: "Explore the cards" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "part-cards", null, { timeout: 2000 })
    .catch(() => {});
  assert.equal(await activeId(page), "part-cards");
  await context.close();

  // An exercise's Reset disables itself: to the exercise's first choice.
  ({ page, context } = await open(browser, server.url + "?part=cards"));
  const exercise = page.locator(".exercise").first();
  await exercise.locator("details > summary").first().click(); // the exercise is folded until started
  await exercise.locator("input[type=radio]").nth(1).check();
  await exercise.getByRole("button", { name: "Reset" }).click();
  await page.waitForFunction(() => document.activeElement?.type === "radio", null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.closest(".exercise") !== null && document.activeElement.type), "radio");
  await context.close();
});

test("storage problems are told in our words, not the browser's", async () => {
  for (const [name, expected] of [["SecurityError", /does not let the page store anything here/], ["QuotaExceededError", /storage for this page is full/]]) {
    const context = await browser.newContext();
    await context.addInitScript(([name]) => {
      const message = name === "SecurityError" ? "The operation is insecure." : "Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.";
      if (name === "SecurityError") {
        Object.defineProperty(window, "localStorage", { get() { throw new DOMException(message, name); } });
      } else {
        Storage.prototype.setItem = function () { throw new DOMException(message, name); };
      }
    }, [name]);
    const page = await context.newPage();
    await page.goto(server.url + "?part=study");
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    if (name === "QuotaExceededError") {
      // Saving fails at the first change.
      const f = page.locator("fieldset.q-choice").first();
      await f.locator("input[type=radio]").first().check();
      await f.getByRole("button", { name: "Check" }).click();
    }
    const note = await page.locator(".storage-note").innerText();
    assert.match(note, expected, name);
    assert.doesNotMatch(note, /insecure|Failed to execute|quota|Storage'/, `${name}: the browser's own message`);
    await context.close();
  }
});
