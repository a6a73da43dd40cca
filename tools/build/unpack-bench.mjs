// What the single file's packing costs at start-up, measured: dist/charm-offensive.html as built (wasm packed by
// context mixing, unpacked by static/lzma.js driving tools/unlzma's decoder) beside the same file with the wasm as
// gzip (zlib level 9) unpacked by the browser's DecompressionStream. Both from file:// in headless Chromium with the
// CPU throttled (CDP Emulation.setCPUThrottlingRate, RATE=4 by default), RUNS runs each, alternating. Prints the gzip
// size of each file and the medians (and best) of: boot-start -> wasm-source-ready (unpacking, interleaved with
// parsing the page), wasm-started, first contentful paint, the longest task.
// Run after scripts/build.sh: `node tools/build/unpack-bench.mjs` (RUNS=9 RATE=4). Numbers from a loaded machine
// are noisy: compare the rows of one run. BEFORE=path/to/charm-offensive.html adds a row for another build's single
// file (a copy of dist/ from before a change to the packing, e.g. one packed with LZMA), run in the same alternation.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { launch, DIST } from "../../tests/e2e/lib.mjs";

const RUNS = +(process.env.RUNS || 9), RATE = +(process.env.RATE || 4);
const built = JSON.parse(readFileSync(join(DIST, "build.json"), "utf8"));
const wasm = readFileSync(join(DIST, built.files["charm-offensive.wasm"]));
// Without the policy in both files: the gzip variant adds a script of its own.
const single = readFileSync(join(DIST, "charm-offensive.html"), "utf8")
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
const BLOCK = /(<script type="application\/octet-stream" id="wasm-packed">)[^<]*/;
const shim = "<script>window.__charmUnlzma=function(b){return new Response(new Blob([b]).stream()" +
  ".pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer();};</script>";
const gzipped = single
  .replace("window.__charmUnlzma=", "window.__charmUnlzmaUnused=")
  .replace(BLOCK, (_, open) => shim + open + gzipSync(wasm, { level: 9 }).toString("base64"));

const dir = mkdtempSync(join(tmpdir(), "unpack-bench-"));
const files = { packed: join(dir, "packed.html"), gzip: join(dir, "gzip.html") };
writeFileSync(files.packed, single);
writeFileSync(files.gzip, gzipped);
const before = process.env.BEFORE ? readFileSync(process.env.BEFORE, "utf8")
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "") : null;
if (before) writeFileSync(files.before = join(dir, "before.html"), before);
const kinds = Object.keys(files);
const browser = await launch();
const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const kind of kinds) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(pathToFileURL(files[kind]).href);
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1" || !document.getElementById("fatal").hidden,
        null, { timeout: 60000 });
      await page.waitForTimeout(200);
      results[kind].push(await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        if (!document.getElementById("fatal").hidden) throw new Error(document.getElementById("fatal-detail").textContent);
        return { unpack: at("wasm-source-ready") - at("boot-start"), started: at("wasm-started"),
          fcp: at("first-contentful-paint"), longest: window.__longest };
      }));
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const best = (a) => Math.min(...a);
console.log(`CPU x${RATE}, ${RUNS} runs each, file://; ms: median (best)`);
const texts = { packed: single, gzip: gzipped, before };
for (const kind of kinds) {
  const r = results[kind], col = (k) => `${median(r.map((x) => x[k])).toFixed(0)} (${best(r.map((x) => x[k])).toFixed(0)})`;
  console.log(`${kind.padEnd(6)} single file ${gzipSync(texts[kind], { level: 9 }).length} B gzip | unpack ${col("unpack")} | wasm-started ${col("started")} | FCP ${col("fcp")} | longest task ${col("longest")}`);
}
