// The WebAssembly packed by tools/build/assemble.py and unpacked by static/lzma.js (driving a decoder of
// tools/unlzma, a small wasm): the single file's packed by context mixing, the served site's with LZMA. Each comes
// back byte for byte, and a damaged payload (cut short, a changed byte, a bad header, the other format) is refused
// with a message, in Node and in the page itself (the fatal message, not a hang or a blank page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { DIST, launch, serve } from "./lib.mjs";

const single = readFileSync(join(DIST, "charm-offensive.html"), "utf8");
const BLOCK = /(<script type="application\/octet-stream" id="wasm-packed">)([^<]*)(<\/script>)/;
const packed = new Uint8Array(Buffer.from(single.match(BLOCK)[2], "base64"));
const built = JSON.parse(readFileSync(join(DIST, "build.json"), "utf8"));
const wasm = readFileSync(join(DIST, built.files["charm-offensive.wasm"]));

/** Runs a script in a context of its own, as a page would load it; its globals (`without` names one left out). */
function run(text, without) {
  const context = { performance, MessageChannel, setTimeout, atob, WebAssembly, Uint8Array, Promise, Error, Math };
  delete context[without];
  context.window = context;
  vm.runInNewContext(text, context);
  return context;
}
/** The single file's unpacker as built (static/lzma.js with the context-mixing decoder inlined): its own line of the
 * inline script (glue, unpacker, boot). */
function singleUnpacker(without) {
  const line = single.split("\n").filter((l) => l.includes("__charmUnlzma=") && !l.includes("<script"));
  assert.equal(line.length, 1, "the single file's unpacker is a line of its own");
  return run(line[0], without).__charmUnlzma;
}
/** The served site's unpacker (the LZMA decoder inlined) and packed wasm, from its script for opaque origins. */
function site() {
  const context = run(readFileSync(join(DIST, built.files["charm-offensive.wasm.js"]), "utf8"));
  assert.equal(typeof context.__charmWasmPacked, "string", "the script carries the packed wasm too");
  return { unlzma: context.__charmUnlzma, packed: new Uint8Array(Buffer.from(context.__charmWasmPacked, "base64")) };
}
/** Resolves with the error's message, or fails the test if the unpacker accepted the bytes. */
async function refused(unlzma, bytes, what) {
  const outcome = await Promise.race([
    unlzma(bytes, 5).then(() => "accepted", (e) => e.message),
    new Promise((ok) => setTimeout(() => ok("hung"), 20000)),
  ]);
  assert.match(outcome, /built-in WebAssembly is damaged/, `${what}: ${outcome}`);
}

test("both packed wasms unpack to the built wasm byte for byte; context mixing 5% smaller than LZMA", async () => {
  const lzma = site();
  assert.ok(readFileSync(join(DIST, built.files["charm-offensive.lzma"])).equals(lzma.packed), "the site's two copies");
  for (const [unlzma, bytes] of [[singleUnpacker(), packed], [lzma.unlzma, lzma.packed]]) {
    const out = await unlzma(bytes, 5);
    assert.equal(out.length, wasm.length);
    assert.ok(Buffer.from(out).equals(wasm), "the same bytes");
    assert.ok(bytes.length < 0.85 * built.wasm.gzip, `packed ${bytes.length} B against gzip ${built.wasm.gzip} B`);
  }
  assert.ok(packed.length < 0.95 * lzma.packed.length, `context mixing ${packed.length} B, LZMA ${lzma.packed.length} B`);
});

test("the single file's unpacker reads its decoder's wasm as one character a byte, not base64 (no atob needed)", async () => {
  const out = await singleUnpacker("atob")(packed, 5).catch((e) => e.message);
  assert.ok(out instanceof Uint8Array && Buffer.from(out).equals(wasm), `unpacked without atob: ${out}`);
});

for (const [name, get] of [["single file's (context mixing)", () => [singleUnpacker(), packed, site().packed]],
  ["site's (LZMA)", () => { const s = site(); return [s.unlzma, s.packed, packed]; }]]) {
  test(`the ${name} unpacker refuses a payload cut short, with a byte changed, a bad header or the other format`, async () => {
    const [unlzma, bytes, other] = get();
    for (const keep of [0, 9, 13, 14, 1000, bytes.length >> 1, bytes.length - 6, bytes.length - 1]) {
      await refused(unlzma, bytes.slice(0, keep), `cut to ${keep} bytes`);
    }
    // Changed bytes through the whole stream (a fixed sequence, so a failure can be replayed).
    for (let i = 0, at = 7; i < 24; i++, at = (at * 7919 + 104729) % bytes.length) {
      const bad = bytes.slice();
      bad[at] ^= 1 << (i % 8);
      await refused(unlzma, bad, `bit ${i % 8} of byte ${at} flipped`);
    }
    const badFormat = bytes.slice();
    badFormat[0] = 225;
    await refused(unlzma, badFormat, "an unknown format byte");
    await refused(unlzma, other, "the other format");
  });
}

let browser, dir;
before(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), "charm-unpack-")); });
after(async () => { await browser.close(); rmSync(dir, { recursive: true, force: true }); });

for (const [name, damage] of [
  ["cut short", (b64) => b64.slice(0, b64.length >> 1)],
  ["with a changed byte", (b64, at = b64.length >> 1) => b64.slice(0, at) + (b64[at] === "A" ? "B" : "A") + b64.slice(at + 1)],
]) {
  test(`the single file with its WebAssembly ${name} shows the fatal message and keeps the page`, async () => {
    const file = join(dir, `damaged-${name.replace(/\W+/g, "-")}.html`);
    writeFileSync(file, single.replace(BLOCK, (_, open, b64, close) => open + damage(b64) + close));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.locator("#fatal").waitFor({ state: "visible", timeout: 15000 });
    assert.match(await page.locator("#fatal-detail").innerText(), /built-in WebAssembly is damaged/);
    assert.ok(await page.locator(".thesis").isVisible(), "the pre-rendered thesis is still there");
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.ready), "1", "the app did not start");
    await context.close();
  });
}

test("the served site whose packed wasm does not unpack starts from the wasm file instead", async () => {
  const server = await serve();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // A byte changed in the middle of the site's packed stream: the LZMA decoder, unsplit or the checksum refuses it.
    const bad = site().packed;
    bad[bad.length >> 1] ^= 0x10;
    let lzma = 0;
    await page.route(/\.lzma$/, (route) => { lzma++; return route.fulfill({ status: 200, body: Buffer.from(bad) }); });
    const wasmRequests = [];
    page.on("request", (r) => { if (/\.wasm$/.test(r.url())) wasmRequests.push(r.url()); });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30000 });
    assert.ok(lzma > 0, "the packed wasm was requested");
    assert.equal(wasmRequests.length, 1, `the wasm file was requested once: ${wasmRequests}`);
    assert.ok(await page.locator("#fatal").isHidden(), "no fatal message");
  } finally {
    await context.close();
    await server.close();
  }
});
