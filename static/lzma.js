// Unpacks the WebAssembly that the single file and the served site carry packed by tools/build/assemble.py, each
// with a decoder of our own (tools/unlzma, a small wasm inlined here by assemble.py; the script is built twice):
// the single file's packed with context
// mixing (src/bin/pack.rs: 142.2 KB against 159.5 KB LZMA, about ten times slower to unpack), the site's
// (assets/charm-offensive.HASH.lzma and the opaque origins' script) with LZMA,
// for a faster start. Input: byte 0 the format (0xC1: context mixing; else LZMA's properties,
// (pb * 5 + lp) * 9 + lc), bytes 1-4 the size of the split blob, 5-8 the wasm's size and 9-12 its CRC-32
// (little-endian), then the packed split blob (LZMA: a raw LZMA1 stream with its end marker). The split blob is the
// wasm with its code section's instructions split into streams by kind (the format: assemble.py's split_code),
// which packs better; `unsplit` puts the wasm back together. The context-mixing decoder predicts every bit with
// the same model as the packer, in about 14 MB of the decoder's memory, thrown away after. Both work in slices
// of a few milliseconds and yield between them, so the page stays responsive while it unpacks. A truncated,
// corrupt or mislabelled payload (or one for the other decoder) rejects the promise with a message; it never
// loops without end.
(function () {
  "use strict";
  // The decoder's wasm. In the single file (an inline script of a UTF-8 page) one character a byte, shifted by SHIFT:
  // the shifted byte itself where it is printable ASCII that a string here may hold as it is, else U+0100 plus it,
  // so that gzip finds the wasm's repeats (tools/build/assemble.py's byte_chars). In the site's scripts, which a
  // server may send with another charset, base64.
  var DECODER = "UNLZMA_WASM", SHIFT = 41;
  // tools/unlzma's answers.
  var MORE = 0, DONE = 1;
  var WHAT = { "-1": "truncated", "-2": "longer than its size", "-3": "distance out of range",
    "-4": "shorter than its size", "-5": "bad stream end", "-6": "bad header", "-7": "bad split", "-8": "corrupt" };
  var CM = 0xC1;
  function damaged(what) {
    return new Error("the built-in WebAssembly is damaged (" + what + ")");
  }
  function u32(data, at) {
    return (data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24) >>> 0;
  }
  function bytes(base64) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
    var text = atob(base64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  function decoder(text) {
    // A wasm starts with a zero byte: SHIFT one character a byte, "A" in base64.
    if (text.charCodeAt(0) !== SHIFT) return bytes(text);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) - SHIFT;
    return out;
  }
  var now = typeof performance === "object" ? function () { return performance.now(); } : Date.now;

  function unlzma(data, sliceMs) {
    if (data.length < 18) return Promise.reject(damaged("too short"));
    var size = u32(data, 1), wasmSize = u32(data, 5), crc = u32(data, 9), n = data.length - 13;
    if (size > 1 << 28 || wasmSize > 1 << 28) return Promise.reject(damaged("bad header"));
    return WebAssembly.instantiate(decoder(DECODER)).then(function (result) {
      var x = result.instance.exports, memory = x.memory;
      // The packed stream, the split blob and the wasm go above the decoder's own data and stack.
      var at = memory.buffer.byteLength, wasmAt = at + n + size;
      memory.grow(Math.ceil((n + size + wasmSize) / 65536));
      new Uint8Array(memory.buffer, at, n).set(data.subarray(13));
      var status = x.start(at, n, at + n, size, data[0]);
      // Two steps, each in slices: the packed stream to the split blob (`chunk` bytes a call: context mixing
      // decodes 1 KB in about 1.3 ms, 5 ms on a slow phone), then the blob back to the wasm (`done` bytes out).
      var unsplit = false, done = 0, chunk = data[0] === CM ? 1024 : 16384;
      var channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
      return new Promise(function (resolve, reject) {
        function slice() {
          try {
            var stop = now() + sliceMs;
            for (;;) {
              while (status === MORE && now() < stop) {
                status = unsplit ? x.unsplit_run(done += 32768) : x.run(x.out_pos() + chunk);
              }
              if (status !== DONE || unsplit) break;
              unsplit = true;
              status = x.unsplit(at + n, size, wasmAt, wasmSize);
            }
            if (status === MORE) {
              if (channel) channel.port2.postMessage(0);
              else setTimeout(slice, 0);
              return;
            }
            if (channel) channel.port1.close();
            if (status !== DONE) throw damaged(WHAT[status] || "error " + status);
            if (x.crc32(wasmAt, wasmSize, 0xEDB88320) >>> 0 !== crc) throw damaged("checksum");
            resolve(new Uint8Array(memory.buffer, wasmAt, wasmSize).slice());
          } catch (e) {
            if (channel) channel.port1.close();
            reject(e instanceof WebAssembly.RuntimeError ? damaged(e.message) : e);
          }
        }
        if (channel) channel.port1.onmessage = slice;
        slice();
      });
    });
  }
  // Inside one self-contained page: the boot script (static/boot.js) calls it. A bad header rejects too.
  window.__charmUnlzma = unlzma;
})();
