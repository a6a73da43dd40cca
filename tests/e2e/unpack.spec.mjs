// The single file's WebAssembly, packed with LZMA by tools/build/assemble.py and unpacked by static/lzma.js
// (driving tools/unlzma's wasm):
// it comes back byte for byte, and a damaged payload (cut short, a changed byte, a bad header) is refused with
// a message, in Node and in the page itself (the fatal message, not a hang or a blank page).
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

/** The unpacker as built (static/lzma.js with tools/unlzma's wasm inlined), from the site's script for opaque
 * origins, in a context of its own as a page would load it. */
function unpacker() {
  const context = { performance, MessageChannel, setTimeout, atob, WebAssembly, Uint8Array, Promise, Error, Math };
  context.window = context;
  vm.runInNewContext(readFileSync(join(DIST, built.files["charm-offensive.wasm.js"]), "utf8"), context);
  assert.equal(typeof context.__charmWasmPacked, "string", "the script carries the packed wasm too");
  return context.__charmUnlzma;
}
/** Resolves with the error's message, or fails the test if the unpacker accepted the bytes. */
async function refused(unlzma, bytes, what) {
  const outcome = await Promise.race([
    unlzma(bytes, 5).then(() => "accepted", (e) => e.message),
    new Promise((ok) => setTimeout(() => ok("hung"), 10000)),
  ]);
  assert.match(outcome, /built-in WebAssembly is damaged/, `${what}: ${outcome}`);
}

test("the packed wasm unpacks to the built wasm byte for byte, smaller than gzip", async () => {
  const out = await unpacker()(packed, 5);
  assert.equal(out.length, wasm.length);
  assert.ok(Buffer.from(out).equals(wasm), "the same bytes");
  assert.ok(packed.length < 0.85 * built.wasm.gzip, `packed ${packed.length} B against gzip ${built.wasm.gzip} B`);
});

test("a payload cut short, with a byte changed or with a bad header is refused with a message", async () => {
  const unlzma = unpacker();
  for (const keep of [0, 9, 13, 14, 1000, packed.length >> 1, packed.length - 6, packed.length - 1]) {
    await refused(unlzma, packed.slice(0, keep), `cut to ${keep} bytes`);
  }
  // Changed bytes through the whole stream (a fixed sequence, so a failure can be replayed).
  for (let i = 0, at = 7; i < 24; i++, at = (at * 7919 + 104729) % packed.length) {
    const bad = packed.slice();
    bad[at] ^= 1 << (i % 8);
    await refused(unlzma, bad, `bit ${i % 8} of byte ${at} flipped`);
  }
  const badProps = packed.slice();
  badProps[0] = 225;
  await refused(unlzma, badProps, "properties out of range");
});

let browser, dir;
before(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), "charm-unpack-")); });
after(async () => { await browser.close(); rmSync(dir, { recursive: true, force: true }); });

for (const [name, damage] of [
  ["cut short", (b64) => b64.slice(0, b64.length >> 1)],
  ["with a changed byte", (b64) => b64.slice(0, 200000) + (b64[200000] === "A" ? "B" : "A") + b64.slice(200001)],
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
    // A byte changed in the middle of the packed stream: the LZMA decoder, unsplit or the checksum refuses it.
    const bad = packed.slice();
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
