#!/usr/bin/env python3
"""Re-encodes a PNG with the same pixels in fewer bytes: python3 tools/icon/shrink.py static/icon.png [--levels N]

tools/icon/render.mjs runs it on Chromium's screenshot (8-bit RGBA). Tries RGBA and, with at most 256 colours, a
palette (with its alpha in tRNS), each with every one of PNG's five row filters for all rows and zlib's window, memory
and strategy settings, keeps the smallest, and checks that it decodes to the same pixels. The favicon is inline
in both pages (as base64): measured 801 -> 576 B, the single file 269,308 -> 269,064 B gzip.

`--levels N` first snaps the anti-aliased edges to N steps (`blend_levels`): 80 colours -> 14 at 8 levels, each
channel within 16 of the rendering, no difference seen at 8x; measured 576 -> 304 B, the single file
249,845 -> 249,488 B gzip, the site's first page 13,277 -> 12,895 B."""
import itertools, struct, sys, zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunks(png: bytes):
    assert png[:8] == SIGNATURE, "not a PNG"
    i = 8
    while i < len(png):
        (n,) = struct.unpack(">I", png[i:i + 4])
        yield png[i + 4:i + 8], png[i + 8:i + 8 + n]
        i += 12 + n


def paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def predictor(f: int, a: int, b: int, c: int) -> int:
    return (0, a, b, (a + b) // 2, paeth(a, b, c))[f]


def pixels(png: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGBA pixels of an 8-bit, non-interlaced RGBA or palette PNG."""
    data, palette, alpha = b"", [], b""
    for kind, body in chunks(png):
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"tRNS":
            alpha = body
        elif kind == b"IDAT":
            data += body
    assert interlace == 0 and (colour, depth) in ((6, 8), (3, 8), (3, 4), (3, 2), (3, 1)), "unsupported PNG"
    bpp, stride = (4, w * 4) if colour == 6 else (1, (w * depth + 7) // 8)
    raw, prev, rows = zlib.decompress(data), bytearray(stride), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a, c = (line[x - bpp], prev[x - bpp]) if x >= bpp else (0, 0)
            line[x] = (line[x] + predictor(f, a, prev[x], c)) & 255
        rows.append(bytes(line))
        prev = line
    if colour == 6:
        return w, h, [tuple(r[i:i + 4]) for r in rows for i in range(0, stride, 4)]
    out = []
    for r in rows:
        bits = "".join(format(byte, "08b") for byte in r)
        for x in range(w):
            i = int(bits[x * depth:(x + 1) * depth], 2)
            out.append(palette[i] + (alpha[i] if i < len(alpha) else 255,))
    return w, h, out


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def filtered(rows: list[bytes], bpp: int, f: int) -> bytes:
    out, prev = bytearray(), bytes(len(rows[0]))
    for r in rows:
        out.append(f)
        for x in range(len(r)):
            a, c = (r[x - bpp], prev[x - bpp]) if x >= bpp else (0, 0)
            out.append((r[x] - predictor(f, a, prev[x], c)) & 255)
        prev = r
    return bytes(out)


def encodings(w: int, h: int, px: list[tuple[int, ...]]):
    """(IHDR colour type, bit depth, rows, bytes per pixel, chunks before IDAT) for RGBA and, if it fits, a palette."""
    rows = [bytes(v for p in px[y * w:(y + 1) * w] for v in p) for y in range(h)]
    yield 6, 8, rows, 4, b""
    colours = sorted(set(px), key=lambda p: (p[3] == 255, p))  # the translucent first: tRNS stops at the last
    if len(colours) > 256:
        return
    index = {p: i for i, p in enumerate(colours)}
    translucent = [p[3] for p in colours if p[3] != 255]
    head = chunk(b"PLTE", b"".join(bytes(p[:3]) for p in colours)) + (chunk(b"tRNS", bytes(translucent)) if translucent else b"")
    for depth in (8, 4, 2, 1):
        if len(colours) <= 1 << depth:
            rows = []
            for y in range(h):
                bits = "".join(format(index[p], f"0{depth}b") for p in px[y * w:(y + 1) * w])
                bits += "0" * (-len(bits) % 8)
                rows.append(bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)))
            yield 3, depth, rows, 1, head


def blend_levels(px: list[tuple[int, ...]], levels: int) -> list[tuple[int, ...]]:
    """A two-colour icon's pixels with its anti-aliasing in `levels` steps: an opaque pixel becomes the nearest of
    `levels` blends of the two commonest opaque colours (the background first), a translucent one the background at
    the nearest of `levels` opacities (fully transparent at 0)."""
    opaque = sorted({p for p in px if p[3] == 255}, key=lambda p: -px.count(p))
    back, fore = opaque[0][:3], opaque[1][:3]
    span = sum((f - b) ** 2 for f, b in zip(fore, back))
    top = levels - 1

    def snap(p):
        if p[3] < 255:
            a = round(p[3] / 255 * top) * 255 // top
            return back + (a,) if a else (0, 0, 0, 0)
        t = min(1, max(0, sum((c - b) * (f - b) for c, b, f in zip(p, back, fore)) / span))
        k = round(t * top)
        return tuple(round(b + (f - b) * k / top) for b, f in zip(back, fore)) + (255,)

    return [snap(p) for p in px]


def shrink(png: bytes, levels: int = 0) -> bytes:
    w, h, px = pixels(png)
    if levels:
        px = blend_levels(px, levels)
    best = None if levels else png
    for colour, depth, rows, bpp, head in encodings(w, h, px):
        for f in range(5):
            data = filtered(rows, bpp, f)
            for wbits, mem, strategy in itertools.product(range(9, 16), (1, 5, 8, 9), range(4)):
                z = zlib.compressobj(9, zlib.DEFLATED, wbits, mem, strategy)
                idat = z.compress(data) + z.flush()
                out = (SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 0)) + head
                       + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
                if best is None or len(out) < len(best):
                    best = out
    assert pixels(best) == (w, h, px), "the re-encoded PNG has other pixels"
    return best


if __name__ == "__main__":
    path = sys.argv[1]
    levels = int(sys.argv[sys.argv.index("--levels") + 1]) if "--levels" in sys.argv else 0
    before = open(path, "rb").read()
    after = shrink(before, levels)
    open(path, "wb").write(after)
    same = "the same pixels" if not levels else f"edges in {levels} steps"
    print(f"{path}: {len(before)} -> {len(after)} bytes, {same}")
