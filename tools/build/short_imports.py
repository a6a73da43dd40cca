#!/usr/bin/env python3
"""Gives the wasm's imports (and wasm-bindgen's closure shims among its exports) short names, in the wasm and
in wasm-bindgen's glue alike.

wasm-bindgen names each import after its function and a 64-bit hash (`__wbg_setAttribute_2b6a8e5b8c7d9f0a`)
and puts them all in a module named `./charm-offensive_bg.js`: some 180 names of about 40 bytes, written once in
the wasm's import section and once as keys of the glue's import object. The hashes do not compress. This
renames the module to `w` and each import to a short base-52 name (`a`, `b`, ... `aB`), in both files, and
stops the build if any name is not found exactly once in the glue, so the two cannot disagree.

usage: short_imports.py APP_BG.WASM APP.JS   (both rewritten in place)
"""

import re
import sys
from pathlib import Path

# Shared by tools/build/assemble.py (split_code) and tools/build/type_ids.py, which both walk the code section's
# instructions: opcodes without immediates, and the LEB128 numbers after 0xFC's sub-opcode (memory indices are one
# byte).
NO_IMMEDIATE = {0x00, 0x01, 0x05, 0x0F, 0x1A, 0x1B, 0xD1} | set(range(0x45, 0xC5))
FC_IMMEDIATES = {0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2,
                 15: 1, 16: 1, 17: 1}


def leb_end(data: bytes, at: int) -> int:
    """Where the LEB128 number at `at` ends."""
    while data[at] & 0x80:
        at += 1
    return at + 1

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
MODULE = "w"


def uleb(data: bytes, at: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `at`, and where it ends."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def name(i: int) -> str:
    """The i-th short name: a..Z, then aa, ab, ..."""
    out = LETTERS[i % 52]
    i //= 52
    while i:
        i -= 1
        out = LETTERS[i % 52] + out
        i //= 52
    return out


def blob(text: str) -> bytes:
    raw = text.encode()
    return leb(len(raw)) + raw


def rewrite_imports(body: bytes) -> tuple[bytes, str, dict[str, str]]:
    """The import section with short names; the old module name; old name -> new name."""
    count, at = uleb(body, 0)
    out = bytearray(leb(count))
    renamed: dict[str, str] = {}
    module = None
    for _ in range(count):
        n, at = uleb(body, at)
        mod = body[at:at + n].decode()
        at += n
        n, at = uleb(body, at)
        field = body[at:at + n].decode()
        at += n
        start = at
        kind = body[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = uleb(body, at)
        else:
            sys.exit(f"short_imports: import {mod}.{field} is not a function (kind {kind})")
        if module is None:
            module = mod
        if mod != module:
            sys.exit(f"short_imports: imports from two modules ({module}, {mod})")
        renamed[field] = renamed.get(field) or name(len(renamed))
        out += blob(MODULE) + blob(renamed[field]) + body[start:at]
    if at != len(body):
        sys.exit("short_imports: trailing bytes in the import section")
    return bytes(out), module, renamed


def rewrite_exports(body: bytes) -> tuple[bytes, dict[str, str]]:
    """The export section with short names for wasm-bindgen's closure shims (`wasm_bindgen_<hash>___convert__
    closures...`, some 130 bytes each), which only the glue calls; old name -> new name."""
    count, at = uleb(body, 0)
    out = bytearray(leb(count))
    renamed: dict[str, str] = {}
    for _ in range(count):
        n, at = uleb(body, at)
        field = body[at:at + n].decode()
        at += n
        start = at
        at += 1  # kind
        _, at = uleb(body, at)  # index
        if re.fullmatch(r"wasm_bindgen_[0-9a-f]{16}___convert__closures_\w+", field):
            renamed[field] = f"c{len(renamed)}"
        out += blob(renamed.get(field, field)) + body[start:at]
    return bytes(out), renamed


def main() -> None:
    wasm_path, js_path = Path(sys.argv[1]), Path(sys.argv[2])
    data = wasm_path.read_bytes()
    if data[:8] != b"\0asm\1\0\0\0":
        sys.exit(f"short_imports: {wasm_path} is not a wasm module")
    out = bytearray(data[:8])
    at = 8
    module, renamed, exports = None, {}, {}
    while at < len(data):
        section = data[at]
        size, body_at = uleb(data, at + 1)
        body = data[body_at:body_at + size]
        if section == 2:
            body, module, renamed = rewrite_imports(body)
        elif section == 7:
            body, exports = rewrite_exports(body)
        out += bytes([section]) + leb(len(body)) + body
        at = body_at + size
    if module is None:
        sys.exit("short_imports: no import section")
    js = js_path.read_text()
    key = f'"{module}": import0,'
    if js.count(key) != 1:
        sys.exit(f"short_imports: the glue does not name module {module} once")
    js = js.replace(key, f'"{MODULE}": import0,')
    for old, new in renamed.items():
        pattern = re.compile(rf"(?<![\w$]){re.escape(old)}(?=: function\()")
        if len(pattern.findall(js)) != 1 or len(re.findall(rf"(?<![\w$]){re.escape(old)}(?![\w$])", js)) != 1:
            sys.exit(f"short_imports: the glue does not define import {old} exactly once")
        js = pattern.sub(new, js)
    for old, new in exports.items():
        if js.count(f"wasm.{old}(") != 1:
            sys.exit(f"short_imports: the glue does not call export {old} exactly once")
        js = js.replace(f"wasm.{old}(", f"wasm.{new}(")
    wasm_path.write_bytes(bytes(out))
    js_path.write_text(js)
    print(f"short_imports: {len(renamed)} imports and {len(exports)} exports renamed, wasm {len(data)} -> {len(out)} B")


if __name__ == "__main__":
    main()
