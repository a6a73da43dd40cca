// A seeded random walk through the explainer in Chromium: clicks on whatever can be pressed, keys, typing,
// back / forward / reload, resizes between 360, 768 and 1280 px and hand-made links with odd values. After
// every action it checks what must always hold, and fails with the seed and the last actions so the walk
// can be replayed (WALK_SEED=<seed>):
// - no page or console error, no request leaving the page's origin, the fatal banner hidden;
// - no horizontal overflow of the page; no duplicate id;
// - focus not left on the page body after an action that removed, disabled or hid the focused control;
// - every so often (and at the end) the address opened in a new tab shows the same view.
import assert from "node:assert/strict";

/** mulberry32: a small seeded generator, the same sequence for the same seed on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WIDTHS = [360, 768, 1280];

/** Runs in the page: the controls a reader could use now (visible, enabled, on no other origin), each
 *  described for the log; marks none. */
function candidates() {
  const sel = "a[href], button, input, select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.closest("[hidden], [inert]") || el.disabled) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    if (el.tagName === "A") {
      const url = new URL(el.getAttribute("href"), location.href);
      // Links to other sites and new tabs are not followed (a new tab's view is checked separately).
      if (el.target === "_blank" || (url.origin !== location.origin && url.protocol !== location.protocol) ||
          (location.protocol !== "file:" && url.origin !== location.origin) || el.hasAttribute("download")) continue;
      if (location.protocol === "file:" && url.pathname !== location.pathname) continue;
    }
    // Inside an open modal dialog only its own controls can be reached.
    const modal = document.querySelector("dialog[open]");
    if (modal && !modal.contains(el)) continue;
    out.push(el);
  }
  return out;
}

/** Runs in the page: picks candidate `i` of `n` (by fraction), scrolls it into view and describes it. */
function pick(fraction) {
  const list = window.__walk.candidates();
  if (!list.length) return null;
  const el = list[Math.min(list.length - 1, Math.floor(fraction * list.length))];
  el.scrollIntoView({ block: "center", inline: "nearest" });
  document.querySelectorAll("[data-walk]").forEach((e) => e.removeAttribute("data-walk"));
  el.setAttribute("data-walk", "1");
  window.__walk.target = el;
  window.__walk.before = document.activeElement;
  const r = el.getBoundingClientRect();
  const label = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 50);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", id: el.id, label,
    x: r.left + r.width / 2, y: r.top + r.height / 2, reachable: !!hit && (hit === el || el.contains(hit) || hit.closest("label")?.control === el),
    options: el.tagName === "SELECT" ? el.options.length : 0,
  };
}

/** Runs in the page: everything that must hold after an action. */
function invariants() {
  const doc = document.documentElement;
  const fatal = document.getElementById("fatal");
  const ids = new Map();
  for (const el of document.querySelectorAll("[id]")) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  const duplicates = [...ids].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  const active = document.activeElement;
  const lostFocus = !active || active === document.body;
  // Removed, disabled, or no longer shown (a narrower window hides the timeline's axis).
  const gone = (el) => el && el !== document.body && (!el.isConnected || el.disabled || !el.getClientRects().length);
  const w = window.__walk || {};
  const focusDropped = lostFocus && (gone(w.before) || gone(w.target)) ? (w.target && gone(w.target) ? w.target : w.before) : null;
  let wide = null;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    // Name the widest element that reaches past the right edge, for the report.
    let worst = null;
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && (!worst || r.right > worst.r)) worst = { r: r.right, el };
    }
    const el = worst?.el;
    wide = { scrollWidth: doc.scrollWidth, width: doc.clientWidth,
      element: el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} "${(el.textContent || "").trim().slice(0, 60)}"` : "?" };
  }
  return {
    fatal: fatal && !fatal.hidden ? document.getElementById("fatal-detail").textContent : null,
    duplicates,
    focusDropped: focusDropped ? `${focusDropped.tagName.toLowerCase()} "${(focusDropped.textContent || "").trim().slice(0, 50)}" (${!focusDropped.isConnected ? "removed" : focusDropped.disabled ? "disabled" : "hidden"})` : null,
    wide,
  };
}

/** Runs in the page: what of the view a link must reproduce, as shown on screen. */
function signature() {
  const text = (sel) => document.querySelector(sel)?.textContent.trim() ?? null;
  const pressed = [...document.querySelectorAll(".toggle[aria-pressed=true], .theme-choice[aria-pressed=true], .country-button[aria-pressed=true], .republic[aria-pressed=true]")]
    .map((e) => e.id || e.dataset.layer || e.textContent.trim().slice(0, 30)).sort();
  return {
    part: text(".parts-nav [aria-current=page]") ?? text("main h2"),
    heading: text("main h2"),
    cards: [...document.querySelectorAll(".card.open")].map((e) => e.id),
    event: text(".timeline-detail h3"),
    profile: text(".profile h3"),
    tour: text(".tour-count"),
    pressed,
  };
}

const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));

/** Installs the page-side helpers (again after every navigation). */
async function install(page) {
  await page.evaluate(`window.__walk = window.__walk || { candidates: ${candidates.toString()} };`);
}

const KEYS = ["Tab", "Shift+Tab", "Enter", " ", "Escape", "ArrowLeft", "ArrowRight", "ArrowDown", "ArrowUp", "Home", "End"];
const TEXT = ["", "0", "-1", "42", "1e309", "99999999999999999999", "3.5", "abc", "<b>x</b>", "\u202Eevil", "🙂", "   ", "%00"];
const ODD = ["map%00", "%E2%80%AEbri%E2%80%8B", "99999999999999999999999", "header,nav,footer,notes,sources", "x".repeat(140),
  "%ZZ", "a%20b", "trade&layer=students", "KZ", "soft-power", "students", "2013", "1", "%F0%9F%99%82", ""];
const KEYS_IN_LINKS = ["part", "card", "layer", "year", "pp", "country", "step", "embed", "hide", "theme", "utm_source"];

/**
 * Walks `actions` steps from `start` in a fresh page of `browser` (playwright). `origin` is a regex for the
 * requests allowed. Returns { actions, newTabChecks }; throws with the seed and the recent log on failure.
 */
export async function walk(browser, { start, seed, actions, origin, label }) {
  const random = rng(seed);
  const choose = (list) => list[Math.floor(random() * list.length)];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A print dialog would block a headless page; clipboard writes may fail here, which the page must survive.
  await context.addInitScript(() => { window.print = () => {}; });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  const watch = (p) => {
    p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    p.on("pageerror", (e) => errors.push(String(e)));
    p.on("request", (r) => { if (!origin.test(r.url())) foreign.push(r.url()); });
  };
  watch(page);
  const log = [];
  const fail = (what) => assert.fail(`${label}: ${what}\nreplay with WALK_SEED=${seed} (action ${log.length} of ${actions})\nlast actions:\n  ${log.slice(-12).join("\n  ")}`);
  const ready = async (p) => {
    await p.waitForFunction(() => document.documentElement.dataset.ready === "1" || !document.getElementById("fatal").hidden, null, { timeout: 15000 });
  };
  await page.goto(start);
  await ready(page);
  let newTabChecks = 0;

  const checkNewTab = async () => {
    // A layer, period or republic is written to the address once the reader pauses (browser::PAUSE_MS,
    // 150 ms after the frame that shows it): a reader copies the address after that.
    await page.waitForTimeout(250);
    await settle(page);
    const url = page.url();
    const here = await page.evaluate(signature);
    const tab = await context.newPage();
    watch(tab);
    await tab.goto(url);
    await ready(tab);
    await settle(tab);
    const there = await tab.evaluate(signature);
    const notices = await tab.locator(".notice").count();
    await tab.close();
    newTabChecks++;
    if (notices) fail(`the address ${url} opened in a new tab shows ${notices} notice(s) about ignored values`);
    try { assert.deepEqual(there, here); } catch { fail(`the address ${url} opened in a new tab shows another view:\n here ${JSON.stringify(here)}\n there ${JSON.stringify(there)}`); }
  };

  for (let i = 0; i < actions; i++) {
    await install(page);
    const roll = random();
    let kind;
    if (roll < 0.62) kind = "click";
    else if (roll < 0.77) kind = "key";
    else if (roll < 0.82) kind = "type";
    else if (roll < 0.86) kind = "back";
    else if (roll < 0.89) kind = "forward";
    else if (roll < 0.95) kind = "resize";
    else if (roll < 0.975) kind = "link";
    else kind = "reload";
    let navigated = false;
    if (kind === "click" || kind === "type") {
      const target = await page.evaluate(pick, random());
      if (!target) { log.push(`${i}: nothing to press`); continue; }
      const what = `${target.tag}${target.type ? `[${target.type}]` : ""}${target.id ? "#" + target.id : ""} "${target.label}"`;
      if (kind === "type" && target.tag === "input" && ["text", "number", "search", ""].includes(target.type)) {
        const value = choose(TEXT);
        log.push(`${i}: type ${JSON.stringify(value)} into ${what}`);
        await page.locator("[data-walk]").fill(value, { timeout: 2000 }).catch(() => {});
        await page.keyboard.press("Enter");
      } else if (target.tag === "select") {
        const index = Math.floor(random() * Math.max(1, target.options));
        log.push(`${i}: choose option ${index} in ${what}`);
        await page.locator("[data-walk]").selectOption({ index }, { timeout: 2000 }).catch(() => {});
      } else if (target.reachable) {
        log.push(`${i}: click ${what} at ${Math.round(target.x)},${Math.round(target.y)}`);
        await page.mouse.click(target.x, target.y);
      } else {
        log.push(`${i}: focus ${what} (covered) and press Enter`);
        await page.locator("[data-walk]").focus().catch(() => {});
        await page.evaluate(() => { window.__walk.before = document.activeElement; });
        await page.keyboard.press("Enter");
      }
    } else if (kind === "key") {
      const key = choose(KEYS);
      await page.evaluate(() => { window.__walk.target = null; window.__walk.before = document.activeElement; });
      const on = await page.evaluate(() => { const a = document.activeElement; return a ? `${a.tagName.toLowerCase()}${a.id ? "#" + a.id : ""}` : "nothing"; });
      log.push(`${i}: key ${JSON.stringify(key)} on ${on}`);
      await page.keyboard.press(key);
    } else if (kind === "back" || kind === "forward") {
      log.push(`${i}: ${kind}`);
      await (kind === "back" ? page.goBack({ timeout: 5000 }) : page.goForward({ timeout: 5000 })).catch(() => {});
      // Back from the walk's first entry leaves for the tab's blank start page, as in any browser: the
      // reader comes forward again (not a finding; leaving the explainer any other way still fails).
      if (kind === "back" && page.url() === "about:blank") {
        log.push(`${i}: back left the first entry for about:blank; forward again`);
        await page.goForward({ timeout: 5000 }).catch(() => {});
      }
      navigated = true;
    } else if (kind === "resize") {
      const width = choose(WIDTHS);
      log.push(`${i}: resize to ${width}`);
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    } else if (kind === "link") {
      const pairs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${choose(KEYS_IN_LINKS)}=${choose(ODD)}`);
      const url = start.split("?")[0] + "?" + pairs.join("&");
      log.push(`${i}: open ${url}`);
      await page.goto(url);
      navigated = true;
    } else {
      log.push(`${i}: reload`);
      await page.reload();
      navigated = true;
    }
    if (navigated) await ready(page).catch(() => {});
    await settle(page).catch(() => {});
    if (page.url().split(/[?#]/)[0] !== start.split(/[?#]/)[0]) {
      fail(`the page left the explainer: ${page.url()}`);
    }
    if (navigated) await install(page).then(() => page.evaluate(() => { window.__walk.target = null; window.__walk.before = null; }));
    const state = await page.evaluate(invariants);
    if (errors.length) fail(`page or console error: ${errors.join(" | ")}`);
    if (foreign.length) fail(`a request left the page's origin: ${foreign.join(", ")}`);
    if (state.fatal !== null) fail(`the fatal banner is showing: ${state.fatal}`);
    if (state.wide) fail(`the page scrolls sideways at ${state.wide.width} px (${state.wide.scrollWidth} px wide), past the edge: ${state.wide.element}`);
    if (state.duplicates.length) fail(`duplicate ids: ${state.duplicates.join(", ")}`);
    if (state.focusDropped) fail(`focus fell to the page body after ${state.focusDropped}`);
    if (i % 50 === 49) await checkNewTab();
  }
  await checkNewTab();
  await context.close();
  return { actions, newTabChecks };
}
