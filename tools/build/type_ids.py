#!/usr/bin/env python3
"""Gives the wasm's type ids small numbers instead of 128-bit hashes, and drops its function names.

Yew keeps each hook's state and each component's scope as `dyn Any` and finds them again by downcasting, which
compares `TypeId`s: 128-bit hashes, one per type, that no compressor can shrink. Each `<T as Any>::type_id`
(162 of them) loads its id from the data section, and the downcasts compare the result with the id they expect
as 64-bit constants in the code (264 of them): 16 random bytes in the data and about 16 in the code per type,
about 5 KB in all (measured: LZMA stream 162,610 -> 157,988 B). The ids yew reads with `TypeId::of` alone (the
components' own, about 30) have no type_id function, are not found here and keep their hashes.

Type ids are only ever compared for equality (yew's scopes and virtual components, `Any::downcast`; nothing
hashes, orders or prints them), so any numbering that keeps distinct ids distinct works the same. This gives the
N-th id found the value (N, 0): each half of each id becomes its new value wherever it occurs, as an
`i64.const` in the code and as 8 bytes anywhere in the data. A 64-bit hash half does not occur by chance
elsewhere, and every type id not found here keeps its hash everywhere, so no two ids can become equal.

The ids are found by the functions' names (`<T as core::any::Any>::type_id`), so wasm-opt runs with -g and this
drops the name section afterwards (kept with --keep-names, for a profiling build). The build stops if a type_id
body is not the expected shape (two 64-bit stores of loads or constants into the return slot), if one of their
loads reads outside the data, or if the code reads an id in 32-bit pieces (an `i32.const` equal to one).

usage: type_ids.py APP_BG.WASM [--keep-names]   (rewritten in place)
"""

import re
import struct
import sys
from pathlib import Path

from short_imports import FC_IMMEDIATES, NO_IMMEDIATE, leb, leb_end, uleb

TYPE_ID = re.compile(r"::any::Any>::type_id$")
MEMORY_OPS = range(0x28, 0x3F)  # loads and stores: alignment, offset
BLOCK_VALUE_TYPES = {0x40, 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F}


def sleb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if byte & 0x40:
                value -= 1 << shift
            return value, at


def sleb_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def sections(wasm: bytes):
    """(id, start of the section, start of its payload, its end) for each section."""
    at = 8
    while at < len(wasm):
        size, payload = uleb(wasm, at + 1)
        yield wasm[at], at, payload, payload + size
        at = payload + size


def instructions(wasm: bytes, at: int, end: int):
    """(opcode, start, end of its immediates) for each instruction of a body's expression."""
    while at < end:
        op, start = wasm[at], at
        at += 1
        if op in (0x02, 0x03, 0x04):
            at = at + 1 if wasm[at] in BLOCK_VALUE_TYPES else leb_end(wasm, at)
        elif op in (0x0C, 0x0D, 0x10, 0xD2, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40, 0x41, 0x42, 0xD0):
            at = leb_end(wasm, at)
        elif op == 0x0E:
            count, at = uleb(wasm, at)
            for _ in range(count + 1):
                at = leb_end(wasm, at)
        elif op == 0x11 or op in MEMORY_OPS:
            at = leb_end(wasm, leb_end(wasm, at))
        elif op == 0x1C:
            count, at = uleb(wasm, at)
            for _ in range(count):
                at = leb_end(wasm, at)
        elif op in (0x43, 0x44):
            at += 4 if op == 0x43 else 8
        elif op == 0xFC:
            sub, at = uleb(wasm, at)
            if sub not in FC_IMMEDIATES:
                sys.exit(f"type_ids: instruction 0xFC {sub} is not known here")
            for _ in range(FC_IMMEDIATES[sub]):
                at = leb_end(wasm, at)
        elif op not in NO_IMMEDIATE and op != 0x0B:
            sys.exit(f"type_ids: opcode {op:#x} is not known here")
        yield op, start, at


class Module:
    def __init__(self, wasm: bytes):
        self.wasm = wasm
        self.imports = 0
        self.names: dict[int, str] = {}
        self.bodies: list[tuple[int, int, int]] = []  # (start of the locals, of the expression, end) of each body
        self.segments: list[tuple[int, int, int]] = []  # (address, start in the file, end) of each data segment
        for sid, _, payload, end in sections(wasm):
            if sid == 2:
                self._imports(payload)
            elif sid == 10:
                count, at = uleb(wasm, payload)
                for _ in range(count):
                    size, body = uleb(wasm, at)
                    at = body + size
                    locals_count, expr = uleb(wasm, body)
                    for _ in range(locals_count):
                        expr = leb_end(wasm, expr) + 1
                    self.bodies.append((body, expr, at))
            elif sid == 11:
                count, at = uleb(wasm, payload)
                for _ in range(count):
                    if wasm[at] != 0 or wasm[at + 1] != 0x41:
                        sys.exit("type_ids: a data segment that is not active at a constant address")
                    address, at = sleb(wasm, at + 2)
                    assert wasm[at] == 0x0B
                    size, at = uleb(wasm, at + 1)
                    self.segments.append((address, at, at + size))
                    at += size
            elif sid == 0:
                length, at = uleb(wasm, payload)
                if wasm[at:at + length] == b"name":
                    self._names(at + length, end)

    def _imports(self, at: int):
        count, at = uleb(self.wasm, at)
        for _ in range(count):
            for _ in range(2):
                length, at = uleb(self.wasm, at)
                at += length
            kind = self.wasm[at]
            at += 1
            if kind == 0:
                at = leb_end(self.wasm, at)
                self.imports += 1
            elif kind == 1:
                flags, at = uleb(self.wasm, at + 1)
                at = leb_end(self.wasm, at)
                at = leb_end(self.wasm, at) if flags & 1 else at
            elif kind == 2:
                flags, at = uleb(self.wasm, at)
                at = leb_end(self.wasm, at)
                at = leb_end(self.wasm, at) if flags & 1 else at
            else:
                at += 2

    def _names(self, at: int, end: int):
        while at < end:
            sub = self.wasm[at]
            size, start = uleb(self.wasm, at + 1)
            if sub == 1:
                count, k = uleb(self.wasm, start)
                for _ in range(count):
                    index, k = uleb(self.wasm, k)
                    length, k = uleb(self.wasm, k)
                    self.names[index] = self.wasm[k:k + length].decode("utf8", "replace")
                    k += length
            at = start + size

    def read_u64(self, address: int) -> int:
        for base, start, end in self.segments:
            if base <= address and address + 8 <= base + (end - start):
                return struct.unpack_from("<Q", self.wasm, start + address - base)[0]
        sys.exit(f"type_ids: a type_id reads {address:#x}, outside the data")

    def type_id(self, expr: int, end: int) -> tuple[int, int] | None:
        """The id a `type_id(&self) -> TypeId` body writes into its return slot (local 0), or None if the body is
        not two 64-bit stores of constants or of loads from constant addresses."""
        stack: list[tuple[str, int]] = []
        stored: dict[int, int] = {}
        w = self.wasm
        for op, start, after in instructions(w, expr, end):
            if op == 0x20:
                stack.append(("local", uleb(w, start + 1)[0]))
            elif op == 0x41:
                stack.append(("i32", sleb(w, start + 1)[0]))
            elif op == 0x42:
                stack.append(("i64", sleb(w, start + 1)[0] & (2**64 - 1)))
            elif op == 0x29:  # i64.load
                offset = uleb(w, leb_end(w, start + 1))[0]
                if not stack or stack[-1][0] != "i32":
                    return None
                stack.append(("i64", self.read_u64((stack.pop()[1] & 0xFFFFFFFF) + offset)))
            elif op == 0x37:  # i64.store
                offset = uleb(w, leb_end(w, start + 1))[0]
                if len(stack) < 2 or stack[-1][0] != "i64" or stack[-2] != ("local", 0) or offset in stored:
                    return None
                stored[offset] = stack.pop()[1]
                stack.pop()
            elif op == 0x0B and after == end:
                break
            else:
                return None
        if sorted(stored) != [0, 8] or stack:
            return None
        return stored[0], stored[8]

    def rewrite(self, new: dict[int, int], keep_names: bool) -> bytes:
        """The module with every i64.const and every 8 data bytes equal to a key of `new` (u64) given its value,
        and without its name section unless `keep_names`."""
        w = self.wasm
        out = bytearray(w[:8])
        for sid, start, payload, end in sections(w):
            if sid == 0 and not keep_names:
                length, at = uleb(w, payload)
                if w[at:at + length] == b"name":
                    continue
            if sid == 10:
                code = bytearray(leb(len(self.bodies)))
                for locals_start, expr, body_end in self.bodies:
                    body = bytearray(w[locals_start:expr])
                    for op, s, after in instructions(w, expr, body_end):
                        value = sleb(w, s + 1)[0] & (2**64 - 1) if op == 0x42 else None
                        if value in new:
                            signed = new[value] - (1 << 64) if new[value] >= 1 << 63 else new[value]
                            body += b"\x42" + sleb_bytes(signed)
                        else:
                            body += w[s:after]
                    code += leb(len(body)) + body
                out += bytes([10]) + leb(len(code)) + code
                continue
            section = bytearray(w[start:end])
            if sid == 11:
                for old, value in new.items():
                    old_bytes, new_bytes = struct.pack("<Q", old), struct.pack("<Q", value)
                    section = section.replace(old_bytes, new_bytes)
            out += section
        return bytes(out)


def main() -> int:
    path = Path(sys.argv[1])
    keep_names = "--keep-names" in sys.argv[2:]
    module = Module(path.read_bytes())
    if not module.names:
        sys.exit("type_ids: the wasm has no function names (wasm-opt needs -g)")
    ids: list[tuple[int, int]] = []
    odd = 0
    for index, (_, expr, end) in enumerate(module.bodies):
        if TYPE_ID.search(module.names.get(module.imports + index, "")):
            found = module.type_id(expr, end)
            if found is None:
                odd += 1
            elif found not in ids:
                ids.append(found)
    if odd:
        sys.exit(f"type_ids: {odd} type_id bodies are not two 64-bit stores of constants or loads (see the docstring)")
    # Numbered in the order they lie in the data (the ids there then read 1, 2, 3, ...: measured -57 B against the
    # order of the functions).
    data = b"".join(module.wasm[start:end] for _, start, end in module.segments)
    ids.sort(key=lambda id_: data.find(struct.pack("<Q", id_[0])) % (len(data) + 1))
    new: dict[int, int] = {}
    for number, (low, high) in enumerate(ids, start=1):
        if low in new or high in new or low == high or min(low, high) < 1 << 32:
            sys.exit("type_ids: a type id that does not look like a hash (a small half, or a half shared)")
        new[low], new[high] = number, 0
    quarters = {half & 0xFFFFFFFF for half in new} | {half >> 32 for half in new}
    for _, expr, end in module.bodies:
        for op, start, _ in instructions(module.wasm, expr, end):
            if op == 0x41 and sleb(module.wasm, start + 1)[0] & 0xFFFFFFFF in quarters:
                sys.exit("type_ids: the code has an i32.const equal to a quarter of a type id (read in pieces?)")
    out = module.rewrite(new, keep_names)
    path.write_bytes(out)
    print(f"type_ids: {len(ids)} type ids numbered; wasm {len(module.wasm):,} -> {len(out):,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
