#!/usr/bin/env python3
"""Diagnosis, not the benchmark: where the wasm's bytes go. Reads a wasm with its name section (wasm-bindgen's
output before wasm-opt, or a build with WASM_OPT_EXTRA=-g), and prints code bytes by crate and by the app's
module, the largest functions, and the data segments' size.
Usage: python3 bench/wasm-sizes.py target/bindgen/charm-offensive_bg.wasm [top N]"""
import re, sys, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size

def main():
    path = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    b = open(path, "rb").read()
    imports = 0; bodies = []; names = {}; data = 0
    for sid, body in sections(b):
        if sid == 2:  # imports: count function imports (they take the first function indices)
            n, i = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    l, i = leb(body, i); i += l
                kind = body[i]; i += 1
                if kind == 0: _, i = leb(body, i); imports += 1
                elif kind == 1: i += 1; f, i = leb(body, i); _, i = leb(body, i); i = (leb(body, i)[1] if f & 1 else i)
                elif kind == 2: f, i = leb(body, i); _, i = leb(body, i); i = (leb(body, i)[1] if f & 1 else i)
                elif kind == 3: i += 2
                else: i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, j = leb(body, i); bodies.append(size + (j - i)); i = j + size
        elif sid == 11:
            data = len(body)
        elif sid == 0:
            l, i = leb(body, 0); name = body[i:i + l].decode(); i += l
            if name != "name": continue
            while i < len(body):
                sub = body[i]; size, j = leb(body, i + 1); end = j + size
                if sub == 1:
                    n, j = leb(body, j)
                    for _ in range(n):
                        idx, j = leb(body, j); l, j = leb(body, j); names[idx] = body[j:j + l].decode("utf8", "replace"); j += l
                i = end
    by_crate = collections.Counter(); by_mod = collections.Counter(); funcs = []
    for k, size in enumerate(bodies):
        name = names.get(imports + k, f"func{imports + k}")
        d = demangle(name)
        funcs.append((size, d))
        crate = re.match(r"[<&\s]*(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)", d)
        crate = crate.group(1) if crate else "?"
        by_crate[crate] += size
        if crate == "charm_offensive":
            m = re.match(r"[<&\s]*charm_offensive::((?:[a-z_0-9]+::){0,2})", d)
            by_mod[m.group(1) if m else "?"] += size
    total = sum(bodies)
    print(f"code {total / 1024:.1f} KB in {len(bodies)} functions; data segments {data / 1024:.1f} KB; file {len(b) / 1024:.1f} KB")
    print("\nby crate:")
    for c, s in by_crate.most_common(15): print(f"  {s / 1024:8.1f} KB  {c}")
    print("\ncharm_offensive by module:")
    for c, s in by_mod.most_common(40): print(f"  {s / 1024:8.1f} KB  {c}")
    print(f"\nlargest {top} functions:")
    for s, n in sorted(funcs, reverse=True)[:top]: print(f"  {s / 1024:8.1f} KB  {n[:150]}")

def demangle(name):
    if not name.startswith("_ZN"): return name
    out = []; i = 3
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit(): j += 1
        n = int(name[i:j]); out.append(name[j:j + n]); i = j + n
    parts = [p for p in out if not re.fullmatch(r"h[0-9a-f]{16}", p)]
    s = "::".join(parts)
    for a, b_ in [("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","), ("..", "::"), ("$u7b$", "{"), ("$u7d$", "}")]:
        s = s.replace(a, b_)
    return s

if __name__ == "__main__":
    main()
