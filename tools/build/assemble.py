#!/usr/bin/env python3
"""Assembles the site (dist/) and the single self-contained file (dist/charm-offensive.html).

Inputs: the pre-rendered page (target/pre/index.html), wasm-bindgen's no-modules glue and the optimised
wasm (target/bindgen/), static/. File names in dist/assets carry a content hash, so a course site
never serves a stale mix. Each page carries its own Content-Security-Policy: the site allows only
'self'; the single file allows only its own inline script and style, by hash.
Writes dist/build.json with every size, raw and gzip.
"""
import base64, gzip, hashlib, json, lzma, pathlib, re, shutil, struct, subprocess, sys, tempfile, zlib

from css import minify as minify_css, short_names
from short_imports import FC_IMMEDIATES, NO_IMMEDIATE, leb_end, uleb

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
PRE = ROOT / "target/pre/index.html"
GLUE = ROOT / "target/bindgen/charm-offensive.js"
WASM = ROOT / "target/bindgen/charm-offensive_bg.wasm"
# The packed wasm's decoders and packer (tools/unlzma), built by scripts/build.sh: the single file's (context mixing)
# and the served site's (LZMA).
UNCM = ROOT / "target/unlzma.wasm"
UNLZMA = ROOT / "target/unlzma-lzma.wasm"
PACK = ROOT / "target/unlzma/release/pack"
STATIC = ROOT / "static"

def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]

def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)

# The wasm inside the single file is packed by a context-mixing coder of our own (tools/unlzma: src/model.rs predicts
# each bit from hashed contexts of the bytes before and the blob's stream, a match model, a small neural mixer and
# SSE; src/bin/pack.rs codes, the decoder's wasm unpacks it in the browser, driven by static/lzma.js). Measured on
# a 563,133-byte wasm (511,324-byte split blob): 145,247 B against 158,164 for LZMA; single file 252,498 B gzip
# with the decoder, against 264,490 with LZMA a few commits before (on a 512,955-byte blob: 149,738 B; zpaq -m4
# 150,481, -m5 145,168). It decodes about eight times slower than LZMA (tools/build/unpack-bench.mjs, 4x CPU:
# 2.6-2.8 s against 0.33-0.56 s, no task over 65 ms), so the served site, whose pages' time to interactive counts,
# keeps LZMA for its packed wasm (assets/*.lzma and the opaque origins' script, unpacked by the same script with
# tools/unlzma's LZMA build).
# LZMA: measured on an 855,041-byte wasm: 255,945 B, against 312,291 for zopfli's gzip and 280,034 for zstd -22
# (lc=3 lp=0 pb=0 beat xz's default lc=3 lp=0 pb=2 by 0.3%). Before packing, the code section's bodies are split
# into streams by kind (split_code): 14 homogeneous streams predict better than the interleaved instructions (for
# LZMA: 182,275 -> 167,544 B on a 578,263-byte wasm; the decoder's unsplit costs 1.6 KB of gzip in the single
# file), and the context-mixing model knows which stream each byte is in; lc=1 then beats lc=3 by 0.8% (the
# streams' bytes depend less on the byte before).
PACK_FORMAT = 0xC1  # the context-mixing format's first byte (tools/unlzma's FORMAT); LZMA's is its properties byte
LZMA_LC, LZMA_LP, LZMA_PB = 1, 0, 0

# The split blob (what the packed stream unpacks to; tools/unlzma's `unsplit` puts the wasm back together):
#   u32 LE: the length of the prefix, of the suffix, the number of function bodies, then each stream's length in
#   SPLIT_STREAMS order; a byte: the number of pairs, then the pairs (opcode, immediate byte: 2 bytes each);
#   the prefix (the wasm up to and with the code section's body count), the suffix (the wasm after the code
#   section), then the streams.
# Each body is its bytes without its size (canonical LEB128, recomputed): its locals (count, then count and type
# each) in `locals`, then its instructions up to its final `end`: the opcode in `op` (0xFC's sub-opcode and a
# memory access's alignment follow it there), each immediate in its stream as its own bytes (LEB128 as it is):
# local.get's index in `lget`, local.set's and local.tee's in `local`, i32.const's in `i32mem` if a load or store
# comes next (an address), else in `i32`; memory offsets in `offset`, call and ref.func targets in `call`, i64.const
# in `i64`, block types in `bt`, branch depths and br_table's in `br`, global indices in `global`, every other
# immediate (call_indirect, select's types, tables, memory and data indices, float constants) in `misc`. Two
# kinds of instruction get a byte of their own in `op`: SPLIT_SMALL_I32 is an i32.const whose immediate is one
# byte (in `i32small`), SPLIT_PAIR + n the n-th of SPLIT_PAIRS (at most 16; frequent ones, measured: -3 KB packed).
SPLIT_STREAMS = ("lget", "local", "i32", "i32mem", "i32small", "offset", "call", "i64", "bt", "locals", "br", "global",
                 "misc", "op")
SPLIT_SMALL_I32, SPLIT_PAIR = 0xDF, 0xE0
SPLIT_PAIRS = [(0x41, v & 0x7F) for v in (0, 1, 2, 3, -1)] + [(0x20, v) for v in range(4)]  # i32.const, local.get

def split_code(wasm: bytes) -> bytes:
    """The split blob (see above) of `wasm`. Raises on an instruction it does not know (a new wasm feature: add it
    here and in tools/unlzma's `Unsplit::body`)."""
    assert wasm[:8] == b"\0asm\1\0\0\0", "not a wasm module"
    i = 8
    while True:
        section = wasm[i]
        n, j = uleb(wasm, i + 1)
        if section == 10:
            break
        i = j + n
    code_end = j + n
    funcs, i = uleb(wasm, j)
    bodies = i
    streams = {k: bytearray() for k in SPLIT_STREAMS}
    assert len(SPLIT_PAIRS) <= 16, "0xF0 and above are prefixes (0xFC)"
    pairs = {pair: SPLIT_PAIR + n for n, pair in enumerate(SPLIT_PAIRS)}
    memory = range(0x28, 0x3F)  # loads and stores: alignment and offset

    def take(name: str, count: int = 1):
        nonlocal i
        for _ in range(count):
            s, i = i, leb_end(wasm, i)
            streams[name] += wasm[s:i]

    for _ in range(funcs):
        s = i
        size, i = uleb(wasm, i)
        assert i - s == max(1, (size.bit_length() + 6) // 7), "a body size is not in canonical LEB128"
        end = i + size
        n, _ = uleb(wasm, i)
        take("locals", 1 + 2 * n)
        depth = 0
        while True:
            op = wasm[i]
            i += 1
            if (op, wasm[i]) in pairs:
                streams["op"].append(pairs[op, wasm[i]])
                i += 1
                continue
            if op == 0x41 and wasm[i] < 0x80:
                streams["op"].append(SPLIT_SMALL_I32)
                take("i32small")
                continue
            assert op < SPLIT_SMALL_I32 or op >= SPLIT_PAIR + len(SPLIT_PAIRS), f"opcode {op:#x} is taken by the split"
            streams["op"].append(op)
            if op in (0x02, 0x03, 0x04):
                depth += 1
                take("bt")
            elif op == 0x0B:
                if depth == 0:
                    break
                depth -= 1
            elif op in (0x0C, 0x0D):
                take("br")
            elif op == 0x0E:
                take("br", uleb(wasm, i)[0] + 2)
            elif op in (0x10, 0xD2):
                take("call")
            elif op == 0x11:
                take("misc", 2)
            elif op == 0x1C:
                take("misc", uleb(wasm, i)[0] + 1)
            elif op == 0x20:
                take("lget")
            elif op in (0x21, 0x22):
                take("local")
            elif op in (0x23, 0x24):
                take("global")
            elif op in (0x25, 0x26, 0x3F, 0x40, 0xD0):
                take("misc")
            elif op in memory:
                take("op")
                take("offset")
            elif op == 0x41:
                take("i32mem" if wasm[leb_end(wasm, i)] in memory else "i32")
            elif op == 0x42:
                take("i64")
            elif op in (0x43, 0x44):
                n = 4 if op == 0x43 else 8
                streams["misc"] += wasm[i:i + n]
                i += n
            elif op == 0xFC:
                sub, _ = uleb(wasm, i)
                assert sub in FC_IMMEDIATES, f"instruction 0xFC {sub} is not known to the split"
                take("op")
                take("misc", FC_IMMEDIATES[sub])
            else:
                assert op in NO_IMMEDIATE, f"opcode {op:#x} is not known to the split"
        assert i == end, f"a body ends at {i}, its size says {end}"
    assert i == code_end
    prefix, suffix = wasm[:bodies], wasm[code_end:]
    head = struct.pack(f"<{3 + len(SPLIT_STREAMS)}I", len(prefix), len(suffix), funcs,
                       *(len(streams[k]) for k in SPLIT_STREAMS))
    head += bytes([len(SPLIT_PAIRS)]) + bytes(b for pair in SPLIT_PAIRS for b in pair)
    return head + prefix + suffix + b"".join(streams[k] for k in SPLIT_STREAMS)

def cm_pack(data: bytes) -> bytes:
    """The format byte, the split blob's size, the wasm's size and its CRC-32 (u32 little-endian each), then the
    split blob packed by tools/unlzma's packer (which decodes its output again before it writes it): the format
    static/lzma.js reads."""
    blob = split_code(data)
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "blob").write_bytes(blob)
        subprocess.run([str(PACK), str(pathlib.Path(tmp) / "blob"), str(pathlib.Path(tmp) / "packed")], check=True)
        packed = (pathlib.Path(tmp) / "packed").read_bytes()
    return bytes([PACK_FORMAT]) + struct.pack("<III", len(blob), len(data), zlib.crc32(data)) + packed

def lzma_pack(data: bytes) -> bytes:
    """The properties byte, the split blob's size, the wasm's size and its CRC-32 (u32 little-endian each), then
    a raw LZMA1 stream of the split blob with its end marker: the format static/lzma.js reads. The whole blob is
    the decoder's dictionary."""
    blob = split_code(data)
    dict_size = max(1 << 12, 1 << (len(blob) - 1).bit_length())  # the whole input in one window
    lzma1 = {"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME, "lc": LZMA_LC, "lp": LZMA_LP,
             "pb": LZMA_PB, "dict_size": dict_size, "nice_len": 273, "mf": lzma.MF_BT4, "depth": 0}
    head = bytes([(LZMA_PB * 5 + LZMA_LP) * 9 + LZMA_LC]) + struct.pack("<III", len(blob), len(data), zlib.crc32(data))
    packed = head + lzma.compress(blob, format=lzma.FORMAT_RAW, filters=[lzma1])
    unpacked = lzma.decompress(packed[13:], format=lzma.FORMAT_RAW,
                               filters=[{"id": lzma.FILTER_LZMA1, "lc": LZMA_LC, "lp": LZMA_LP, "pb": LZMA_PB,
                                         "dict_size": dict_size}])
    assert unpacked == blob, "the LZMA stream does not round-trip"
    return packed

def check_unpack(unpacker: str, packed: bytes, wasm: bytes):
    """Unpacks `packed` with the unpacker as built (static/lzma.js and tools/unlzma's wasm) under Node, and fails
    the build unless that gives `wasm` byte for byte."""
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "lzma.js").write_text(unpacker)
        (pathlib.Path(tmp) / "packed").write_bytes(packed)
        out = subprocess.run(["node", str(ROOT / "tools/build/unpack-check.mjs"), tmp], capture_output=True)
    assert out.returncode == 0 and out.stdout == wasm, f"the built unpacker does not give the wasm back: {out.stderr.decode()[:500]}"

BYTE_SHIFT = 41  # static/lzma.js's SHIFT (the build's unpack check fails if they differ)

def byte_chars(wasm: bytes) -> str:
    """A wasm as text of one character a byte, for a JavaScript string in the single file's inline script: each byte
    plus BYTE_SHIFT (mod 256) as itself where that is printable ASCII but for the quotes, the backslash and "<" (no
    escape needed, and no "</script"), else U+0100 plus it; static/lzma.js takes SHIFT from each character's code
    (the low 8 bits). Unlike base64 it keeps the bytes aligned, so the page's gzip finds the wasm's repeats; the
    shift puts the wasm's most frequent bytes (small numbers, the common opcodes) in the one-byte range. Measured
    on the context-mixing decoder (8,639 B), alone: 4,732 B of gzip (5,108 unshifted) against 5,906 as base64, and
    4,446 as zopfli-deflated base64, which needs DecompressionStream (Safari 16.4, Firefox 113: the wasm itself
    needs Safari 15, Firefox 79). Only for the single file, a UTF-8 page; the site's scripts keep base64."""
    assert wasm[:1] == b"\0", "static/lzma.js tells the two forms apart by the wasm's first byte, zero"
    keep = lambda c: 0x20 <= c < 0x7F and c not in b"\"'\\<"
    shifted = ((b + BYTE_SHIFT) & 255 for b in wasm)
    return "".join(chr(c) if keep(c) else chr(0x100 + c) for c in shifted)

# terser's compress options beyond its defaults: object methods written short (`X(a){...}`: wasm-bindgen's ~200 imports)
# and functions that use no `this` as arrows (none of the scripts constructs a function of its own), three passes, ES2020
# syntax (the wasm needs newer browsers than that). Not for static/lzma.js: more passes fold its decoder's placeholder
# string (UNLZMA_WASM) into constants before it is replaced (the build's unpack check fails). Measured on d16e027's
# scripts: single file -153 B gzip.
TERSER = ["-c", "passes=3,unsafe_arrows=true,unsafe_methods=true,unsafe_proto=true", "-m", "--ecma", "2020"]

def minify_js(text: str, options: list[str] = TERSER) -> str:
    """wasm-bindgen's glue and our small scripts, compressed and mangled by terser (npm, package-lock.json);
    top-level names (wasm_bindgen) are kept."""
    terser = ROOT / "node_modules/.bin/terser"
    if not terser.exists():
        return text
    out = subprocess.run([str(terser), *options, "--comments", "false"], input=text, capture_output=True,
                         text=True, check=True)
    return out.stdout

# wasm-bindgen's glue writes out, in each import that returns a string (24) or tests a class (`instanceof`, 10), the
# same five or seven lines, and in each that returns an object or none (28) the same two; each becomes one call of a
# function written once (what the lines do is unchanged: a string, or 0 for none, passed into the wasm's memory and
# its pointer and length stored at the return slot; false where the class test throws; an object's slot, or 0).
# And each of the 53 that catch what the browser throws (`handleError`) is that one function's wrapper around its
# body. Measured: single file 248,251 -> 248,115 B gzip (-136; the minified glue 15,846 -> 13,213 B raw), the objects
# -> 248,091 (-24), the wrappers -69.
_GLUE_STRING = re.compile(
    r"(?:const|var) ptr(\d+) = (?:isLikeNone\(ret\) \? 0 : )?passStringToWasm0\(ret, wasm\.__wbindgen_malloc, "
    r"wasm\.__wbindgen_realloc\);\s*(?:const|var) len\1 = WASM_VECTOR_LEN;\s*"
    r"getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 1, len\1, true\);\s*"
    r"getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 0, ptr\1, true\);")
_GLUE_INSTANCE = re.compile(
    r"let result;\s*try \{\s*result = (arg\d+ instanceof \w+);\s*\} catch \(_\) \{\s*result = false;\s*\}\s*"
    r"const ret = result;\s*return ret;")
_GLUE_OPTION = re.compile(r"const ret = ([^;\n]+);\s*return isLikeNone\(ret\) \? 0 : addToExternrefTable0\(ret\);")
_GLUE_HANDLED = re.compile(r"(\w+): function\(\) \{ return handleError\(function \(([^)]*)\) \{(.*?)\n            \}, arguments\); \},",
                           re.S)
_GLUE_HELPERS = """
    function charmHandled(f) {
        return function () {
            return handleError(f, arguments);
        };
    }
    function charmOptionRef(value) {
        return isLikeNone(value) ? 0 : addToExternrefTable0(value);
    }
    function charmReturnString(at, text) {
        const ptr = isLikeNone(text) ? 0 : passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
        const view = getDataViewMemory0();
        view.setInt32((at >>> 0) + 4, WASM_VECTOR_LEN, true);
        view.setInt32(at >>> 0, ptr, true);
    }
    function charmIsInstance(test) {
        try {
            return test();
        } catch (_) {
            return false;
        }
    }
    function passStringToWasm0("""

def compact_glue(glue: str) -> str:
    glue, strings = _GLUE_STRING.subn("charmReturnString(arg0, ret);", glue)
    glue, tests = _GLUE_INSTANCE.subn(lambda m: f"return charmIsInstance(() => {m.group(1)});", glue)
    glue, options = _GLUE_OPTION.subn(lambda m: f"return charmOptionRef({m.group(1)});", glue)
    glue, handled = _GLUE_HANDLED.subn(
        lambda m: f"{m.group(1)}: charmHandled(function ({m.group(2)}) {{{m.group(3)}\n            }}),", glue)
    assert strings and tests and options and handled and glue.count("function passStringToWasm0(") == 1, "wasm-bindgen's glue changed"
    assert "passStringToWasm0(ret" not in glue and "result = arg" not in glue and "0 : addToExternrefTable0(ret)" not in glue \
        and "return handleError(function" not in glue, \
        "an import left as it was"
    return glue.replace("\n    function passStringToWasm0(", _GLUE_HELPERS, 1)

def minify_stylesheet(css: str, names: dict[str, str]) -> str:
    """tools/build/css.py (comments, spaces, short custom property names), then lightningcss (tools/build/css-min.mjs)
    where npm installed it. Measured on d16e027's stylesheet: 54,806 -> 54,162 B raw, single file -136 B gzip (csso
    +14, esbuild -82, clean-css level 2 -85)."""
    css = minify_css(css, names)
    if not (ROOT / "node_modules/lightningcss").exists():
        print("assemble: npm's lightningcss is not installed (npm ci): the stylesheet is about 140 B gzip larger",
              file=sys.stderr)
        return css
    return subprocess.run(["node", str(ROOT / "tools/build/css-min.mjs")], input=css, capture_output=True, text=True,
                          check=True).stdout

# The served site's first document stays light: Lighthouse's simulated slow 4G sends it in TCP round trips of
# growing size (the first about 14 KB), all before the first paint; measured, a 12 KB gzip page painted at 0.67 s,
# a 17 KB or a 30 KB one at 0.80 s. It shows the header, the overview and the footer, with the stylesheet's files
# that style them (CRITICAL_CSS); its links to the parts lead to read.html, which carries every part for reading
# without JavaScript. The parts' text waits in a data block (<script type="text/html" class="static-rest">: neither
# run nor shown, holding only the map part's heading and the texts the overview shares with other parts), which
# static/early-site.js fills from assets/rest.HASH.js (every part after the overview) when the app asks for it (the
# reader goes to a part that needs it), or at once for a deep link to a part. For `?part=map`, the most linked view,
# the heading and introduction are painted at once, and the rest of the part comes from assets/map.HASH.js once they
# are: the map part without what its data panel shows only without JavaScript (they come with the rest), with the texts
# its views share with other parts. The rest of the stylesheet comes once in assets/css.HASH.js, with the app's
# scripts or with a part's text. The single file keeps the whole page.
REST_OPEN, REST_CLOSE = '<noscript class="static-rest">', "</noscript>"
MAP_PART = "map"
DATA_FOLD = '<details class="disclosure static-fold" data-no-js="">'  # the data panel's other layers (no JavaScript)
NO_JS = '<span data-no-js="">'  # a comparison's source written out (no JavaScript)

def without_no_js(markup: str) -> str:
    """`markup` without the spans only a reader without JavaScript needs (NO_JS)."""
    while NO_JS in markup:
        d = markup.index(NO_JS)
        markup = markup[:d] + markup[element_end(markup, d, "span"):]
    return markup
CRITICAL_CSS = ("00-base", "05-early", "50-embed", "85-settings", "90-print")

def element_end(html: str, start: int, tag: str) -> int:
    """The index past the end tag of the <tag> element that starts at html[start] (nested ones counted)."""
    depth = 0
    for m in re.finditer(rf"<(/?){tag}\b", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html.index(">", start + m.start()) + 1
    raise ValueError(f"no end of the <{tag}> at {start}")

def part_span(html: str, part: str) -> tuple[int, int]:
    """Where a part's markup is: from its <section ... aria-labelledby="part-KEY"> to the matching </section>
    (parts nest sections of their own); the same cut as static/early.js."""
    start = html.rindex("<section", 0, html.index(f'aria-labelledby="part-{part}"'))
    return start, element_end(html, start, "section")

NEEDS = ROOT / "target/pre/prose-needs.txt"  # the texts the first views read (src/bin/prerender.rs)
ON_PAGE = ROOT / "target/pre/prose-on-page.txt"  # the texts the wasm reads from the page

def first_view_needs() -> dict[str, list[int]]:
    """{"overview": [N...], "map": [N...]}: the display-only texts the app reads when it draws `/` and the map views
    (written by the pre-renderer), less those compiled into the wasm. Empty without the lists."""
    if not NEEDS.exists() or not ON_PAGE.exists():
        return {}
    on_page = {int(line) for line in ON_PAGE.read_text().split("\n") if line.strip().isdigit()}
    views = (line.split() for line in NEEDS.read_text().split("\n") if line.strip())
    return {v[0]: [int(n) for n in v[1:] if int(n) in on_page] for v in views}

def marked(html: str) -> set[int]:
    return {int(n) for n in re.findall(r' data-p="(\d+)"', html)}

def texts_shared(source: str, numbers: list[int], have: str) -> str:
    """The marked elements (` data-p="N"`) for the texts `numbers` that `have` does not mark, each the first in
    `source` (the one the wasm reads), in a <template> (inert, should a failed start show the data block's
    markup). The served site's first views read the texts they share with other parts from there, so that they
    start without the other parts' text (src/prose.rs)."""
    out, present = [], marked(have)
    for n in numbers:
        if n in present:
            continue
        m = re.search(rf' data-p="{n}"', source)
        assert m, f"text {n} is marked nowhere on the page"
        start = source.rindex("<", 0, m.start())
        tag = re.match(r"<([a-zA-Z0-9]+)", source[start:]).group(1)
        out.append(source[start:element_end(source, start, tag)])
    return f"<template>{''.join(out)}</template>" if out else ""

# A deep link's year that is a period of another layer than its own (`?part=map&layer=students&year=2013`): the app
# ignores it and says so in a notice above the part (src/deep_link.rs). static/early.js shows that notice from the first
# paint, so that the part does not move down when the app starts; it reads each layer's periods from the map part's
# start tag (`data-periods`), which the served page's heading carries too (before the rest of the part comes):
# `KEY:LABEL:PERIOD PERIOD|...`, the page's own layer first. Read here from the pre-rendered controls (a layer's
# button, the period group it shows: pressed for the page's layer, `data-c` of the layer's template for the others).
def layer_periods(map_part: str) -> str:
    layers = re.findall(r'<button class="toggle" type="button" aria-pressed="(true|false)" data-layer="([a-z]+)">([^<]+)</button>', map_part)
    slot = map_part.index('<div class="toggle-slot">')
    slot = map_part[slot:element_end(map_part, slot, "div")]
    groups = re.findall(r'<(?:div|p) class="([^"]*)"[^>]*>(.*?)</(?:div|p)>', slot[len('<div class="toggle-slot">'):])
    out = []
    for pressed, key, label in sorted(layers, key=lambda layer: layer[0] != "true"):
        if pressed == "true":
            seen = [" unused" not in f" {c}" for c, _ in groups]
        else:
            c = re.search(rf'<template class="map-variant" data-layer="{key}"[^>]* data-c="([01]+)"', map_part).group(1)
            seen = [flag == "1" for flag in c[len(c) - len(groups):]]
        assert seen.count(True) == 1, f"the {key} layer shows {seen.count(True)} of the period slot's groups"
        years = re.findall(r' data-year="([^"]+)"', groups[seen.index(True)][1])
        assert not re.search(r'[:|"&<]', label + "".join(years)), f"a layer's label or period early.js cannot read: {label}"
        out.append(f"{key}:{label}:{' '.join(years)}")
    assert len(out) > 1 and out[0].split(":")[2], f"the page's layer has no periods: {out}"
    return "|".join(out)

def with_layer_periods(page: str) -> str:
    """`page` with each layer's periods on the map part's start tag (see layer_periods)."""
    s, e = part_span(page, MAP_PART)
    tag = page.index(">", s)
    return page[:tag] + f' data-periods="{layer_periods(page[s:e])}"' + page[tag:]

PANELS = ROOT / "target/pre/panels.txt"  # the map views' data panels (src/bin/prerender.rs's view_panels)

def view_panels() -> dict[str, str]:
    """{"students//": markup, ...}: the data panel of each map view but the page's, as the served site's map file carries
    the page's (its attributes in order, without what only a reader without JavaScript needs). Empty without the list."""
    if not PANELS.exists():
        return {}
    out = {}
    for line in PANELS.read_text().split("\n"):
        if not line:
            continue
        key, markup = line.split("\t")
        markup = without_no_js(attribute_order(markup))
        assert re.fullmatch(r"[a-z]+/[\d-]*/1?", key), f"a view early-map.js cannot name: {key}"
        out[key] = markup
    return out

def split_page(page: str) -> tuple[str, str, str, str]:
    """The pre-rendered page as (served first page, rest text, map text, page for reading without JavaScript)."""
    a = page.index(REST_OPEN)
    b = page.index(REST_CLOSE, a) + len(REST_CLOSE)
    rest = page[a + len(REST_OPEN):b - len(REST_CLOSE)]
    s, e = part_span(rest, MAP_PART)
    map_part = rest[s:e]
    d = map_part.index(DATA_FOLD, map_part.index('class="data-panel'))  # (the list's fold of profiles stays)
    map_part = map_part[:d] + map_part[element_end(map_part, d, "details"):]
    map_part = without_no_js(map_part)
    # The map part's heading and introduction (its largest text) in the page itself, marked partial: a `?part=map`
    # link paints them at once, and the rest of the part when assets/map.HASH.js has come.
    h = map_part.index("<header")
    start_tag = map_part[:map_part.index(">") + 1]
    map_head = start_tag.replace("<section", "<section data-partial", 1) + map_part[h:element_end(map_part, h, "header")] + "</section>"
    # The texts the first views share with other parts (a card's title, a source in brief, the thesis card's text):
    # with the map part's heading in the page's data block for `/`, after the map part in its file for map views.
    before, after = page[:a], page[b:]
    needs = first_view_needs()
    o_start, o_end = part_span(before, "overview")
    # The wasm reads the overview's own texts, the header's and the footer's from the page's nodes (src/prose.rs).
    h_start = before.index("<header", before.index('class="shell'))
    f_start = after.index("<footer")
    read_from_nodes = before[o_start:o_end] + before[h_start:element_end(before, h_start, "header")] \
        + after[f_start:element_end(after, f_start, "footer")]
    map_head += texts_shared(rest, needs.get("overview", []), read_from_nodes)
    map_part += texts_shared(rest, needs.get("map", []), map_part)
    assert "</script" not in map_head.lower(), "the map's heading would end its data block"
    # The visible page: links to what it lacks (a part's heading, a card, a term) lead to read.html.
    ids = set(re.findall(r'\sid="([^"]+)"', before + after))
    def local(html: str) -> str:
        return re.sub(r'href="#([^"]+)"', lambda m: m.group(0) if m.group(1) in ids else f'href="read.html#{m.group(1)}"', html)
    first = local(before) + f'<script type="text/html" class="static-rest">{local(map_head)}</script>' + local(after)
    # read.html: every part in the page itself; nothing waits for an app that this page does not start.
    busy = attribute_order('<div id="app" aria-busy="true">')
    assert busy in page, "the page's app element is not marked busy"
    read = (page[:a] + '<div class="static-rest">' + rest + "</div>" + page[b:]).replace(busy, '<div id="app">')
    return first, rest, map_part, read

# The order of each start tag's attributes in the body: the class first, those that differ from element to element
# last (in ATTRIBUTES_LAST's order), the others between as the pre-renderer wrote them. The same elements with the
# same attributes (the DOM keeps attributes by name; nothing reads their order: src/prose.rs reads the page's text
# by attribute name, but for a map shape's ` data-geo="ID" d="..."`, which src/geo.rs reads as a pair: they stay
# together, last), but gzip finds more of a tag again (`<a class="card-link" href="#card-`, `<h3
# class="card-title" data-p="`). Measured on 821603a's page: single file 264,224 -> 263,721 B gzip.
ATTRIBUTES_LAST = ("aria-label", "aria-labelledby", "href", "data-fig", "id", "data-p", "data-geo", "d")
_START_TAG = re.compile(r'<([a-zA-Z][\w-]*)((?: [\w:-]+="[^"]*")+)>')
_ATTRIBUTE = re.compile(r' ([\w:-]+)="([^"]*)"')

def attribute_order(html: str) -> str:
    def rank(attribute: tuple[str, str]) -> int:
        name = attribute[0]
        return -1 if name == "class" else 1 + ATTRIBUTES_LAST.index(name) if name in ATTRIBUTES_LAST else 0
    def order(m: re.Match) -> str:
        attributes = sorted(_ATTRIBUTE.findall(m.group(2)), key=rank)
        return f"<{m.group(1)}" + "".join(f' {k}="{v}"' for k, v in attributes) + ">"
    # Only tags whose every attribute is written name="value" (a bare `hidden` leaves its tag as it is).
    html = _START_TAG.sub(order, html)
    assert all(after.startswith(' d="') for after in re.findall(r' data-geo="[^"]*"(.{4})', html)), "a shape's path is not after its data-geo"
    return html

# The single file's prose marks written short. The wasm reads the other parts' texts from the <noscript> text in order
# (src/prose.rs's read_html), and most marks follow the one before (a card's title, summary, paragraphs; 846 marks,
# 555 of them the number before plus one): such a mark is written `data-p=""` where its number is even, `data-p="."`
# where it is odd (src/prose.rs's mark_number: the next number of that parity), the others as they are. Numbered
# still: the first mark of each part (static/early.js shows a deep-linked part from its text, and the app reads the
# part's nodes when the page has no <noscript> text), a mark inside a marked element and the one after it (read_html
# skips what a marked element holds; reading the DOM does not), the texts a profile names (`data-from`: static/early.js
# finds them by number). The served site's pages keep every number. Measured: single file 249,514 -> 248,546 B gzip
# (a mark that is the next number written "" (-1,196 B) would lose the right number after a lost mark).
PROSE_MARK = re.compile(r' data-p="([^"]*)"')
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area"}  # src/prose.rs's VOID

def prose_numbers(html: str) -> list[int]:
    """Every prose mark's number in `html`, in order, as src/prose.rs reads the page's nodes."""
    numbers, last = [], None
    for m in PROSE_MARK.finditer(html):
        value = m.group(1)
        last = last + 1 + ((last + 1) % 2 ^ (value == ".")) if value in ("", ".") else int(value)
        numbers.append(last)
    return numbers

def short_prose_marks(html: str) -> str:
    """`html` (the single file's <noscript> text) with the marks that follow the one before written short (see
    PROSE_MARK)."""
    named = {int(n) for n in re.findall(r' data-from="(\d+)"', html)}
    out, at, last, stack = [], 0, None, []
    for m in re.finditer(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>", html):
        close, name, attributes = m.groups()
        if close:
            while stack and stack.pop()[0] != name:
                pass
            continue
        if name == "section" and ' class="part ' in f" {attributes}":
            last = None
        mark = PROSE_MARK.search(attributes)
        if mark:
            number, nested = int(mark.group(1)), any(marked for _, marked in stack)
            if not nested and last is not None and number == last + 1 and number not in named:
                out += [html[at:m.start(3) + mark.start(1)], "." if number % 2 else ""]
                at = m.start(3) + mark.end(1)
            last = None if nested else number
        if name not in VOID and not attributes.endswith("/"):
            stack.append((name, bool(mark)))
    short = "".join(out) + html[at:]
    assert prose_numbers(short) == prose_numbers(html), "a short prose mark does not read as its number"
    return short

# The single file's figures in sentences (`<span data-fig="ID">`, 122 of them) named by their place in
# content/figures.json, the order of the wasm's figures (build.rs): src/model/figures.rs's Figures::id_of reads either.
# Measured: single file 248,680 -> 248,251 B gzip (-429; the wasm packed +53 B).
def short_figure_ids(html: str) -> str:
    ids = [f["id"] for f in json.loads((ROOT / "content/figures.json").read_text())]
    place = {k: str(i) for i, k in enumerate(ids)}
    assert len(place) == len(ids) and not any(k.isdigit() for k in ids), "figure ids are not unique words"
    return re.sub(r' data-fig="([^"]*)"', lambda m: f' data-fig="{place[m.group(1)]}"', html)

def css_names(files: list[pathlib.Path]) -> dict[str, str]:
    """Short names for the stylesheet's custom properties (tools/build/css.py), but for those the app sets or reads:
    every `--name` written in src/ or in static/'s scripts keeps its name."""
    code = [*(ROOT / "src").rglob("*.rs"), *STATIC.glob("*.js"), ROOT / "index.html"]
    keep = {n for f in code for n in re.findall(r"--[a-zA-Z_][\w-]*", f.read_text())}
    return short_names("\n".join(f.read_text() for f in files), keep)

def stylesheets(files: list[pathlib.Path]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """static/css/*.css in name order as (critical, deferred) runs (of consecutive critical files; each deferred
    file alone), each (order of its first file, minified text): static/early-site.js puts a deferred run before the first <style data-order> with a
    higher order, so that the cascade is the one stylesheet's."""
    runs: list[tuple[bool, int, list[str]]] = []
    for i, f in enumerate(files):
        critical = f.stem in CRITICAL_CSS
        # Deferred files each a run of their own: static/early-site.js parses each in a task of its own (all five
        # at once, 32 KB, took 22-38 ms at a phone's speed).
        if runs and runs[-1][0] == critical and critical:
            runs[-1][2].append(f.read_text())
        else:
            runs.append((critical, i, [f.read_text()]))
    assert {f.stem for f in files} >= set(CRITICAL_CSS), "a critical stylesheet is missing"
    names = css_names(files)
    pick = lambda c: [(i, minify_stylesheet("\n".join(texts), names)) for critical, i, texts in runs if critical == c]
    return pick(True), pick(False)

REST_PIECE = 100_000

def text_pieces(text: str, size: int) -> list[str]:
    """`text` cut into consecutive pieces of about `size` characters (their concatenation is `text`), each cut
    before a "<section" (a part or one of its blocks) where one is near, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > size * 1.5:
        at = text.find("<section", start + size)
        if at < 0 or at > start + size * 1.5:
            at = start + size
        pieces.append(text[start:at])
        start = at
    pieces.append(text[start:])
    assert "".join(pieces) == text
    return pieces

def js_string(text: str) -> str:
    """`text` as a JavaScript string literal in single quotes (the HTML's attributes use double ones)."""
    for a, b in (("\\", "\\\\"), ("'", "\\'"), ("\n", "\\n"), ("\r", "\\r"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return f"'{text}'"

def icon_data_uri() -> str:
    # A PNG rendered from static/icon.svg (tools/icon/render.mjs): Chromium decodes the favicon again on
    # every pushState, and an SVG one costs a whole SVG document each time.
    return "data:image/png;base64," + base64.b64encode((STATIC / "icon.png").read_bytes()).decode("ascii")

def main() -> int:
    page = PRE.read_text()
    body = page.index("<body")
    page = page[:body] + with_layer_periods(attribute_order(page[body:]))
    glue = minify_js(compact_glue(GLUE.read_text()))
    wasm = WASM.read_bytes()
    # One stylesheet from static/css/*.css in name order (00-base first, 90-print last); the site's page has the
    # critical runs inline, the others come with the rest and map files.
    css_files = sorted((STATIC / "css").glob("*.css"))
    css = minify_stylesheet("\n".join(f.read_text() for f in css_files), css_names(css_files))
    css_critical, css_deferred = stylesheets(css_files)
    boot = minify_js((STATIC / "boot.js").read_text())
    # The unpackers: static/lzma.js with a decoder's wasm inlined, the single file's (context mixing, one character a
    # byte: byte_chars) and the served site's (LZMA, base64).
    unpacker_js = minify_js((STATIC / "lzma.js").read_text(), ["-c", "-m"])
    assert unpacker_js.count("UNLZMA_WASM") == 1, "static/lzma.js lost its decoder placeholder"
    unpacker = unpacker_js.replace("UNLZMA_WASM", byte_chars(UNCM.read_bytes()))
    site_unpacker = unpacker_js.replace("UNLZMA_WASM", base64.b64encode(UNLZMA.read_bytes()).decode())
    # Inline in <head> of both pages, allowed by its hash: shows a deep link's part before the app starts. The single
    # file's with static/early-map.js (a map link's view of the data), which the site sends with the map part's text.
    early = minify_js((STATIC / "early.js").read_text() + (STATIC / "early-map.js").read_text())
    early_map = minify_js((STATIC / "early-map.js").read_text())
    early_tag = f"<script>{early}</script>"
    # The site's own: static/early-site.js (loads the parts its page does not carry) before early.js.
    early_site = minify_js((STATIC / "early-site.js").read_text() + (STATIC / "early.js").read_text())
    early_site_tag = f"<script>{early_site}</script>"
    icon = f'<link rel="icon" href="{icon_data_uri()}">'

    if DIST.exists():
        shutil.rmtree(DIST)
    (DIST / "assets").mkdir(parents=True)
    names = {}
    for stem, ext, data in [("charm-offensive", "wasm", wasm), ("charm-offensive", "js", glue.encode()),
                            ("boot", "js", boot.encode())]:
        name = f"assets/{stem}.{digest(data)}.{ext}"
        (DIST / name).write_bytes(data)
        names[(stem, ext)] = name
    # The single file's wasm, packed by context mixing (see cm_pack), and the served site's, packed with LZMA.
    wasm_packed = cm_pack(wasm)
    check_unpack(unpacker, wasm_packed, wasm)
    wasm_packed_b64 = base64.b64encode(wasm_packed).decode()
    site_packed = lzma_pack(wasm)
    check_unpack(site_unpacker, site_packed, wasm)
    # For pages with an opaque origin (sandboxed iframe, file://), which cannot fetch() the wasm: the unpacker
    # and the packed wasm as base64 (base64 gzips to within 1% of the packed bytes; base85 came out 0.6% larger).
    wasm_js = f"{site_unpacker}\nwindow.__charmWasmPacked=\"{base64.b64encode(site_packed).decode()}\";\n".encode()
    names[("charm-offensive.wasm", "js")] = f"assets/charm-offensive.wasm.{digest(wasm_js)}.js"
    (DIST / names[("charm-offensive.wasm", "js")]).write_bytes(wasm_js)
    # For the site's other pages (static/boot.js): the packed bytes as they are (no base64 to decode, no 260 KB
    # script to run; a server's gzip gains nothing on them), and the unpacker in a script of its own.
    names[("charm-offensive", "lzma")] = f"assets/charm-offensive.{digest(site_packed)}.lzma"
    (DIST / names[("charm-offensive", "lzma")]).write_bytes(site_packed)
    names[("lzma", "js")] = f"assets/lzma.{digest(site_unpacker.encode())}.js"
    (DIST / names[("lzma", "js")]).write_text(site_unpacker)
    # The served page's other parts (see split_page), as a script: it loads where fetch() cannot (file://, a
    # sandboxed frame without allow-same-origin), under the policy's script-src 'self'.
    first, rest_text, map_text, read = split_page(page)
    css_js = "[" + ",".join(f"[{i},{js_string(text)}]" for i, text in css_deferred) + "]"
    # The rest file in pieces of about REST_PIECE characters, cut between parts' sections where it can: one
    # script with the whole 480 KB string took 60-100 ms to compile and run at a phone's speed (4x CPU), a long
    # task; the pieces download together and run in order, each in a task of its own (static/early-site.js
    # joins their texts). The stylesheet comes with the last.
    rest_files = []
    pieces = text_pieces(rest_text, REST_PIECE)
    for i, text in enumerate(pieces):
        data = f"window.__charmText={js_string(text)};\n".encode()
        rest_files.append(f"assets/rest.{digest(data)}.js")
        (DIST / rest_files[-1]).write_bytes(data)
    names[("rest", "js")] = " ".join(rest_files)
    data = f"{early_map}\nwindow.__charmText={js_string(map_text)};\n".encode()
    names[("map", "js")] = f"assets/map.{digest(data)}.js"
    (DIST / names[("map", "js")]).write_bytes(data)
    # A map view's data panel, for the served site's deep links to it (static/early-map.js), each in a file of its own
    # named by its view (students//: assets/panel.students__.HASH.js), one hash for them all (`data-panels`).
    panels = {key: f"window.__charmPanelText={js_string(markup)};\n" for key, markup in view_panels().items()}
    panels_hash = digest("".join(panels[k] for k in sorted(panels)).encode()) if panels else ""
    for key, data in panels.items():
        (DIST / f"assets/panel.{key.replace('/', '_')}.{panels_hash}.js").write_text(data)
    # The stylesheet's files the page does not carry inline, once, with the app's scripts or a part's text (the
    # first of them to be requested; static/early-site.js).
    data = f"window.__charmText='';\nwindow.__charmCss={css_js};\n".encode()
    names[("css", "js")] = f"assets/css.{digest(data)}.js"
    (DIST / names[("css", "js")]).write_bytes(data)
    for extra in STATIC.iterdir():
        if extra.is_file() and extra.name not in ("boot.js", "early.js", "early-map.js", "early-site.js", "lzma.js"):
            shutil.copy(extra, DIST / "assets" / extra.name)

    # The stylesheet inline in both pages (allowed by its hash): the first paint waits for no second request
    # (Lighthouse, slow 4G: one round trip and the transfer of a render-blocking file less).
    site_styles = " ".join(csp_hash(text) for _, text in css_critical + css_deferred)
    site_csp = (f"default-src 'self'; script-src 'self' {csp_hash(early_site)} 'wasm-unsafe-eval'; style-src {site_styles}; "
                "img-src 'self' data:; font-src 'none'; connect-src 'self'; object-src 'none'; "
                "base-uri 'none'; form-action 'none'")
    site = (first
            .replace("<!--CSP-->", f'<meta http-equiv="Content-Security-Policy" content="{site_csp}">\n{early_site_tag}')
            .replace("<!--ICON-->", icon)
            .replace("<!--STYLE-->", "".join(f'<style data-order="{i}">{text}</style>' for i, text in css_critical))
            # No script element: static/early-site.js requests the glue and boot.js (`data-app`) once the page is
            # painted (Lighthouse counts every request started before the largest paint as holding it up).
            .replace("<!--SCRIPTS-->\n", "")
            .replace('<html lang="en-GB">', f'<html lang="en-GB" data-wasm="{names[("charm-offensive", "wasm")]}" data-wasm-js="{names[("charm-offensive.wasm", "js")]}" data-wasm-lzma="{names[("charm-offensive", "lzma")]}" data-lzma-js="{names[("lzma", "js")]}" data-rest="{names[("rest", "js")]}" data-map="{names[("map", "js")]}" data-css="{names[("css", "js")]}" data-panels="{panels_hash}" data-app="{names[("charm-offensive", "js")]} {names[("boot", "js")]}">'))
    (DIST / "index.html").write_text(site)
    # Every part for reading without JavaScript (the served page's links to parts it lacks lead here): no script.
    read_csp = (f"default-src 'none'; style-src {csp_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'")
    read_page = (read
                 .replace("<!--CSP-->", f'<meta http-equiv="Content-Security-Policy" content="{read_csp}">')
                 .replace("<!--ICON-->", icon)
                 .replace("<!--STYLE-->", f"<style>{css}</style>")
                 .replace("<!--SCRIPTS-->\n", ""))
    (DIST / "read.html").write_text(read_page)

    # The single file: glue, unpacker and boot in one inline script, after the wasm packed as base64 in a data
    # block (not executed, so no policy needed), unpacked in the browser by static/lzma.js.
    # static/boot.js without the site's ways of loading the wasm (`SINGLE_FILE`): measured -203 B gzip.
    boot_single = minify_js((STATIC / "boot.js").read_text(), TERSER + ["--define", "SINGLE_FILE=true"])
    script = glue + "\n" + unpacker + "\n" + boot_single
    single_csp = (f"default-src 'none'; script-src {csp_hash(early)} {csp_hash(script)} 'wasm-unsafe-eval'; "
                  f"style-src {csp_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'")
    a = page.index(REST_OPEN) + len(REST_OPEN)
    b = page.index(REST_CLOSE, a)
    body = page.index("<body")
    single = page[:body] + short_figure_ids(page[body:a] + short_prose_marks(page[a:b]) + page[b:])
    single = (single
              .replace("<!--CSP-->", f'<meta http-equiv="Content-Security-Policy" content="{single_csp}">')
              .replace("<!--ICON-->", icon)
              # The data block first, so that the boot script can start decompressing it at once; static/early.js
              # still before the boot script (which reads what it sets), next to the other scripts; the stylesheet
              # last in <head>, next to the body, whose first 32 KB gzip can then match in it (class names, custom
              # properties). All in <head>, so all before the body is parsed; nothing in the scripts reads styles
              # as they run (boot.js starts the app once the document is parsed). Measured against the early
              # script first and the stylesheet before the data block: 250,811 -> 249,348 B gzip (the stylesheet),
              # -> 248,815 (the early script).
              .replace("<!--STYLE-->\n", "")
              .replace("<!--SCRIPTS-->", f'<script type="application/octet-stream" id="wasm-packed">{wasm_packed_b64}</script>\n'
                                         f"{early_tag}\n<script>{script}</script>\n<style>{css}</style>"))
    (DIST / "charm-offensive.html").write_text(single)

    def size(data: bytes):
        return {"raw": len(data), "gzip": len(gz(data))}
    report = {
        "wasm": size(wasm), "wasm_packed_b64": size(wasm_packed_b64.encode()), "wasm_packed": len(wasm_packed),
        "site_packed": len(site_packed), "site_unpacker": size(site_unpacker.encode()),
        "js": size(glue.encode() + boot.encode() + early.encode()), "unpacker": size(unpacker.encode()), "css": size(css.encode()),
        "html_prerendered": size(site.encode()), "rest_js": {k: sum(size((DIST / n).read_bytes())[k] for n in rest_files) for k in ("raw", "gzip")},
        "rest_js_files": [size((DIST / n).read_bytes()) for n in rest_files],
        "map_js": size((DIST / names[("map", "js")]).read_bytes()), "css_js": size((DIST / names[("css", "js")]).read_bytes()),
        "read_html": size(read_page.encode()),
        "single_file": size(single.encode()),
        "files": {k[0] + "." + k[1]: v for k, v in names.items()},
    }
    (DIST / "build.json").write_text(json.dumps(report, indent=2) + "\n")
    kb = lambda n: f"{n / 1000:.1f} kB"
    print(f"assemble: wasm {kb(report['wasm']['raw'])} ({kb(report['wasm']['gzip'])} gzip), "
          f"single file {kb(report['single_file']['raw'])} ({kb(report['single_file']['gzip'])} gzip), "
          f"site page {kb(report['html_prerendered']['gzip'])} gzip + other parts {kb(report['rest_js']['gzip'])} gzip")
    return 0

if __name__ == "__main__":
    sys.exit(main())
