// Build-time check (tools/build/assemble.py): unpacks DIR/packed with the unpacker as built (DIR/lzma.js: static/lzma.js
// with tools/unlzma's wasm inlined), in a context of its own as a page would run it, and writes the wasm it gives to
// stdout; assemble.py compares it with the wasm byte for byte. `node tools/build/unpack-check.mjs DIR`
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const dir = process.argv[2];
const context = { performance, MessageChannel, setTimeout, atob, WebAssembly, Uint8Array, Promise, Error, Math };
context.window = context;
vm.runInNewContext(readFileSync(join(dir, "lzma.js"), "utf8"), context);
const out = await context.__charmUnlzma(new Uint8Array(readFileSync(join(dir, "packed"))), 50);
process.stdout.write(out);
