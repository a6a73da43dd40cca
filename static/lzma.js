// Unpacks the WebAssembly that the single file (and the site's copy for opaque origins) carries packed
// with LZMA by tools/build/assemble.py: about 20% fewer bytes than gzip. Input: byte 0 the LZMA
// properties ((pb * 5 + lp) * 9 + lc), bytes 1-4 the unpacked size and 5-8 its CRC-32 (little-endian),
// then a raw LZMA1 stream that ends with its end marker. A plain reading of Igor Pavlov's public-domain
// LZMA specification (LzmaSpec.cpp), with the whole output as the dictionary. It works in slices of a
// few milliseconds and yields between them, so the page stays responsive while it unpacks. A truncated,
// corrupt or mislabelled payload rejects the promise with a message; it never loops without end.
(function () {
  "use strict";
  function fail(what) {
    throw new Error("the built-in WebAssembly is damaged (" + what + ")");
  }
  function u32(data, at) {
    return (data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24) >>> 0;
  }
  var crcTable;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Int32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c;
      }
    }
    var crc = -1;
    for (var i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
    return (crc ^ -1) >>> 0;
  }
  // Where each group of probabilities starts in one array (LzmaSpec's names).
  var IS_REP = 192, IS_REP_G0 = 204, IS_REP_G1 = 216, IS_REP_G2 = 228, IS_REP0_LONG = 240, POS_SLOT = 432,
    SPEC_POS = 688, ALIGN = 803, LEN = 819, REP_LEN = 1333, LITERAL = 1847;

  function unlzma(data, sliceMs) {
    if (data.length < 14) fail("too short");
    var props = data[0];
    if (props >= 225) fail("bad header");
    var lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
    var size = u32(data, 1), expectedCrc = u32(data, 5);
    var out = new Uint8Array(size);
    var probs = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);
    var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
    var inPos = 14, outPos = 0, state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, done = false;
    // The range decoder: byte 9 is always 0, the next four start the code.
    if (data[9] !== 0) fail("bad stream start");
    // The range and the code, kept in a typed array: as plain variables above 2^31 they would be boxed.
    var rc = new Uint32Array([0xFFFFFFFF, u32([data[13], data[12], data[11], data[10]], 0)]);
    if (rc[1] === 0xFFFFFFFF) fail("bad stream start");
    var end = data.length;

    function bit(i) {
      var p = probs[i], range = rc[0], code = rc[1], bound = (range >>> 11) * p, b;
      if (code < bound) {
        range = bound;
        probs[i] = p + ((2048 - p) >> 5);
        b = 0;
      } else {
        range -= bound;
        code -= bound;
        probs[i] = p - (p >> 5);
        b = 1;
      }
      if (range < 16777216) {
        if (inPos >= end) fail("truncated");
        range *= 256;
        code = code * 256 + data[inPos++];
      }
      rc[0] = range;
      rc[1] = code;
      return b;
    }
    function tree(base, bits) {
      var m = 1;
      for (var i = 0; i < bits; i++) m = (m << 1) | bit(base + m);
      return m - (1 << bits);
    }
    function reverseTree(base, bits) {
      var m = 1, symbol = 0;
      for (var i = 0; i < bits; i++) {
        var b = bit(base + m);
        m = (m << 1) | b;
        symbol |= b << i;
      }
      return symbol;
    }
    function direct(bits) {
      var result = 0, range = rc[0], code = rc[1];
      while (bits--) {
        range = range / 2 >>> 0;
        var b = code >= range ? 1 : 0;
        if (b) code -= range;
        result = result * 2 + b;
        if (range < 16777216) {
          if (inPos >= end) fail("truncated");
          range *= 256;
          code = code * 256 + data[inPos++];
        }
      }
      rc[0] = range;
      rc[1] = code;
      return result;
    }
    function length(base, posState) {
      if (!bit(base)) return tree(base + 2 + (posState << 3), 3);
      if (!bit(base + 1)) return 8 + tree(base + 130 + (posState << 3), 3);
      return 16 + tree(base + 258, 8);
    }
    function distance(len) {
      var slot = tree(POS_SLOT + ((len < 3 ? len : 3) << 6), 6);
      if (slot < 4) return slot;
      var bits = (slot >> 1) - 1, dist = (2 | (slot & 1)) * Math.pow(2, bits);
      if (slot < 14) return dist + reverseTree(SPEC_POS + dist - slot, bits);
      return dist + direct(bits - 4) * 16 + reverseTree(ALIGN, 4);
    }
    // Decodes until at least `limit` bytes are out, or the end marker.
    function run(limit) {
      while (outPos < limit) {
        var posState = outPos & pbMask, len;
        if (!bit((state << 4) | posState)) {
          if (outPos >= size) fail("longer than its size");
          var prev = outPos > 0 ? out[outPos - 1] : 0;
          var base = LITERAL + 0x300 * (((outPos & lpMask) << lc) + (prev >> (8 - lc)));
          var symbol = 1, range = rc[0], code = rc[1];
          var match = state >= 7 ? out[outPos - rep0 - 1] | 256 : 0;
          // The literal's eight bits, with bit() written out (this loop is most of the time spent).
          while (symbol < 256) {
            var at = base + symbol;
            if (match) {
              match <<= 1;
              at += match & 256;
              at += 256;
            }
            var p = probs[at], bound = (range >>> 11) * p;
            if (code < bound) {
              range = bound;
              probs[at] = p + ((2048 - p) >> 5);
              symbol <<= 1;
              if (match & 256) match = 0;
            } else {
              range -= bound;
              code -= bound;
              probs[at] = p - (p >> 5);
              symbol = (symbol << 1) | 1;
              if (!(match & 256)) match = 0;
            }
            if (range < 16777216) {
              if (inPos >= end) fail("truncated");
              range *= 256;
              code = code * 256 + data[inPos++];
            }
          }
          rc[0] = range;
          rc[1] = code;
          out[outPos++] = symbol & 255;
          state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
          continue;
        }
        if (bit(IS_REP + state)) {
          if (outPos === 0) fail("repeat at start");
          if (!bit(IS_REP_G0 + state)) {
            if (!bit(IS_REP0_LONG + ((state << 4) | posState))) {
              if (outPos >= size) fail("longer than its size");
              state = state < 7 ? 9 : 11;
              out[outPos] = out[outPos - rep0 - 1];
              outPos++;
              continue;
            }
          } else {
            var dist;
            if (!bit(IS_REP_G1 + state)) {
              dist = rep1;
            } else {
              if (!bit(IS_REP_G2 + state)) {
                dist = rep2;
              } else {
                dist = rep3;
                rep3 = rep2;
              }
              rep2 = rep1;
            }
            rep1 = rep0;
            rep0 = dist;
          }
          len = length(REP_LEN, posState);
          state = state < 7 ? 8 : 11;
        } else {
          rep3 = rep2;
          rep2 = rep1;
          rep1 = rep0;
          len = length(LEN, posState);
          state = state < 7 ? 7 : 10;
          rep0 = distance(len);
          if (rep0 === 0xFFFFFFFF) {
            done = true;
            return;
          }
          if (rep0 >= outPos) fail("distance out of range");
        }
        len += 2;
        if (outPos + len > size) fail("longer than its size");
        var from = outPos - rep0 - 1;
        while (len--) out[outPos++] = out[from++];
      }
    }
    var now = typeof performance === "object" ? function () { return performance.now(); } : Date.now;
    var channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
    return new Promise(function (resolve, reject) {
      function slice() {
        try {
          var stop = now() + sliceMs;
          while (!done && now() < stop) run(outPos + 16384);
          if (!done) {
            if (channel) channel.port2.postMessage(0);
            else setTimeout(slice, 0);
            return;
          }
          if (channel) channel.port1.close();
          if (outPos !== size) fail("shorter than its size");
          if (rc[1] !== 0) fail("bad stream end");
          if (crc32(out) !== expectedCrc) fail("checksum");
          resolve(out);
        } catch (e) {
          if (channel) channel.port1.close();
          reject(e);
        }
      }
      if (channel) channel.port1.onmessage = slice;
      slice();
    });
  }
  // Inside one self-contained page: the boot script (static/boot.js) calls it. A bad header rejects too.
  window.__charmUnlzma = function (data, sliceMs) {
    try {
      return unlzma(data, sliceMs);
    } catch (e) {
      return Promise.reject(e);
    }
  };
})();
