// A small static server that compresses as any static host does (gzip, level 9, for HTML, JS, CSS, JSON,
// SVG and wasm), so that Lighthouse's transferred bytes and timings are those a reader would get.
// Serves dist/ at / and the comparison pages (bench/pages.mjs) at /bench/.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, extname } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png" };
const COMPRESS = new Set([".html", ".js", ".css", ".wasm", ".svg", ".json"]);

/** Serves `mounts` ({ "/": dir, "/bench/": dir }) on 127.0.0.1 at a free port, gzip-compressed. */
export async function serveGzip(mounts) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (!prefix) { res.writeHead(404); return res.end(); }
    const dir = mounts[prefix];
    const rel = path.slice(prefix.length);
    const file = join(dir, rel === "" || rel.endsWith("/") ? rel + "index.html" : rel);
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const ext = extname(file);
      const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
      let body = cache.get(file + gzip);
      if (!body) {
        body = await readFile(file);
        if (gzip) body = gzipSync(body, { level: 9 });
        cache.set(file + gzip, body);
      }
      res.writeHead(200, { "content-type": TYPES[ext] || "application/octet-stream", "content-length": body.length,
        "cache-control": "no-cache", vary: "accept-encoding", ...(gzip ? { "content-encoding": "gzip" } : {}) });
      res.end(body);
    } catch {
      res.writeHead(404); res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}
